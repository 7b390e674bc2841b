import { describe, expect, it } from 'vitest';
import {
  createLimitReviewService,
  type LimitReviewPorts,
} from '../../../src/lending/credit-lines/limit-review-service.ts';
import type { ReviewDecision } from '../../../src/lending/credit-lines/limit-review.ts';
import { findFacility } from '../../../src/lending/facilities/facility.pg.ts';
import { AppError } from '../../../src/platform/errors/app-error.ts';
import type { IdGenerator } from '../../../src/platform/ids/ids.ts';
import type { Money } from '../../../src/platform/money/money.ts';
import { storesUnderTest } from '../../support/stores.ts';
import { systemMonotonicClock } from '../../../src/platform/time/system-clock.node.ts';
import { lineWorld } from './support.ts';
import { pgBooks } from '../../support/books.ts';

/**
 * One review, one decision: two requests for the same review at once (the same on-demand key) record one
 * decision and answer with the same applied review. The decisions port here records what it is asked and
 * takes 150 ms to decide, so the second request certainly arrives while the first is deciding.
 */

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A decisions port that raises the limit to ¥6,000, slowly; `failFirst` makes its first call fail. */
function recordingPorts(ids: IdGenerator, options: { failFirst?: boolean } = {}) {
  const recorded: (ReviewDecision & { linkedTo: string })[] = [];
  let calls = 0;
  const ports: LimitReviewPorts = {
    async decide({ linkedTo }) {
      calls += 1;
      await pause(150);
      if (options.failFirst && calls === 1) throw new AppError('INTERNAL', 'the decisions service is down');
      const decision: ReviewDecision = {
        id: ids.next('decision'),
        outcome: 'approved',
        limit: 600_000n as Money,
        reasons: [{ code: 'ON_TIME_RAMP', text: { zh: '按时还款', en: 'repaid on time' } }],
      };
      recorded.push({ ...decision, linkedTo });
      return decision;
    },
    async decisionLinkedTo(_customerId, linkedTo) {
      return recorded.find((decision) => decision.linkedTo === linkedTo);
    },
    async report() {},
  };
  return { ports, recorded, calls: () => calls };
}

describe.each(storesUnderTest())('limit reviews with one key at once ($name)', (store) => {
  it('records one decision for two concurrent requests with one key; both get the applied review', async () => {
    const w = await lineWorld(store, { start: '2026-03-02', poolSize: 6 });
    const { customerId, lineId } = await w.customerWithLine(300_000n);
    const { ports, recorded } = recordingPorts(w.ids);
    const reviews = createLimitReviewService({
      ...pgBooks(),
      db: w.db,
      clock: w.clock,
      monotonic: systemMonotonicClock,
      ids: w.ids,
      ports,
      claim: { leaseMs: 20_000, pollMs: 10 },
    });

    const [first, second] = await Promise.all([
      reviews.review({ lineId, idempotencyKey: 'customer-asked' }),
      reviews.review({ lineId, idempotencyKey: 'customer-asked' }),
    ]);
    expect(recorded).toHaveLength(1);
    expect(first).toEqual(second);
    expect(first).toMatchObject({
      status: 'applied',
      reviewKey: 'on-demand:customer-asked',
      decisionId: recorded[0]?.id,
      action: 'raised',
      limitBefore: 300_000n,
      limitAfter: 600_000n,
    });
    expect((await findFacility(w.db, customerId, 'credit-line'))?.limit).toBe(600_000n);
    const rows = await w.db.query<{ n: bigint; claims: bigint }>(
      `select count(*)::bigint as n, count(claim_token)::bigint as claims from credit_line_reviews`,
    );
    expect(rows.rows[0]).toEqual({ n: 1n, claims: 0n });
    const changes = await w.db.query<{ change: string; limit_amount: bigint }>(
      `select change, limit_amount from credit_facility_changes where customer_id = $1 order by version`,
      [customerId],
    );
    expect(changes.rows).toEqual([
      { change: 'open', limit_amount: 300_000n },
      { change: 'adjust', limit_amount: 600_000n },
    ]);

    // A later request with the key replays the record; nothing is decided again.
    expect(await reviews.review({ lineId, idempotencyKey: 'customer-asked' })).toEqual(first);
    expect(recorded).toHaveLength(1);

    // The record is final: the database refuses to rewrite or erase it.
    await expect(w.db.query(`update credit_line_reviews set limit_after = 1`)).rejects.toThrow(
      `limit review ${first.id} is applied: its record is final`,
    );
    await expect(w.db.query(`delete from credit_line_reviews`)).rejects.toThrow(
      'credit_line_reviews is the record of limit reviews: DELETE is refused',
    );
    await expect(w.db.exec(`truncate credit_line_reviews`)).rejects.toThrow(/TRUNCATE is refused/);
    await expect(w.db.exec(`truncate credit_line_events cascade`)).rejects.toThrow(/append-only/);
  });

  it('a request that fails gives its claim up: the waiting one takes over at once and decides once', async () => {
    const w = await lineWorld(store, { start: '2026-03-02', poolSize: 6 });
    const { lineId } = await w.customerWithLine(300_000n);
    const { ports, recorded, calls } = recordingPorts(w.ids, { failFirst: true });
    const reviews = createLimitReviewService({
      ...pgBooks(),
      db: w.db,
      clock: w.clock,
      monotonic: systemMonotonicClock,
      ids: w.ids,
      ports,
      claim: { leaseMs: 60_000, pollMs: 10 },
    });
    const began = performance.now();
    const [first, second] = await Promise.allSettled([
      reviews.review({ lineId, idempotencyKey: 'k' }),
      reviews.review({ lineId, idempotencyKey: 'k' }),
    ]);
    // Well inside the 60 s lease: the failed request released its claim.
    expect(performance.now() - began).toBeLessThan(20_000);
    const outcomes = [first, second].map((outcome) => outcome.status).sort();
    expect(outcomes).toEqual(['fulfilled', 'rejected']);
    expect(calls()).toBe(2);
    expect(recorded).toHaveLength(1);
    const applied = [first, second].find((outcome) => outcome.status === 'fulfilled');
    expect(applied?.status === 'fulfilled' ? applied.value : undefined).toMatchObject({
      status: 'applied',
      decisionId: recorded[0]?.id,
      limitAfter: 600_000n,
    });
  });

  it('a claim left by a crashed request is taken over once it lapses', async () => {
    const w = await lineWorld(store, { start: '2026-03-02' });
    const { customerId, lineId } = await w.customerWithLine(300_000n);
    const { ports, recorded } = recordingPorts(w.ids);
    // A request claimed the review and died before deciding; its claim lapses in 300 ms.
    const crashedId = w.ids.next('limitReview');
    await w.db.query(
      `insert into credit_line_reviews (customer_id, id, line_id, review_key, trigger, status, requested_at,
                                        claim_token, claimed_until)
       values ($1, $2, $3, 'on-demand:k', 'on-demand', 'pending', $4, $2, clock_timestamp() + interval '300 milliseconds')`,
      [customerId, crashedId, lineId, w.clock.now()],
    );
    const reviews = createLimitReviewService({
      ...pgBooks(),
      db: w.db,
      clock: w.clock,
      monotonic: systemMonotonicClock,
      ids: w.ids,
      ports,
      claim: { leaseMs: 5_000, pollMs: 20 },
    });
    const review = await reviews.review({ lineId, idempotencyKey: 'k' });
    expect(review).toMatchObject({ id: crashedId, status: 'applied', decisionId: recorded[0]?.id });
    expect(recorded).toHaveLength(1);
  });
});
