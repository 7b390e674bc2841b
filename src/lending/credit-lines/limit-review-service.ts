import { parseIdempotencyKey } from '../../ledger/idempotency.ts';
import type { Database } from '../../platform/database/database.ts';
import { AppError, isAppError } from '../../platform/errors/app-error.ts';
import type { IdGenerator } from '../../platform/ids/ids.ts';
import type { Clock, MonotonicClock } from '../../platform/time/clock.ts';
import type { DayEndReport, DayEndService } from '../eod/day-end.ts';
import { findFacility, lockFacilityById } from '../facilities/facility.pg.ts';
import { openOrAdjustFacility, setFacilityStatus } from '../facilities/facility-service.ts';
import { findLine, locateLine } from './credit-lines.pg.ts';
import { onTimeCyclesOf } from './credit-line-service.ts';
import {
  lineBalanceEvent,
  lineRepaymentEvents,
  planReview,
  reviewMessage,
  REVIEW_FREEZE_REASON,
  type ReviewDecision,
} from './limit-review.ts';
import { assertLineOpen } from './line-lifecycle.ts';
import {
  claimReview,
  completeReview,
  findReview,
  linesDueForReview,
  listReviews,
  lockReview,
  releaseClaim,
  type LimitReviewRecord,
  type ReviewTrigger,
} from './limit-reviews.pg.ts';
import { lineBalancesOf } from './line-servicing.ts';
import type { MessageOutbox } from '../../platform/notifications/index.ts';
import { limitChanged } from './line-messages.ts';

/**
 * Limit reviews as a use case: monthly (the day-end batch reviews each line once per statement, after its
 * due date) and on demand. One review:
 * 1. claims its row (`cycle:<seq>` or `on-demand:<key>`; an applied review is returned as it is). Only the
 *    request holding the claim goes on, so one review asks for one decision: a concurrent request for the
 *    same review waits until it is applied and answers with it, or takes the claim over once it lapses (its
 *    holder crashed) or is given up (its holder failed);
 * 2. reports the line's repayment record and balance to the customers context (idempotent events), so the
 *    decision sees the cycles repaid on time here, any minimum missed, and the utilisation;
 * 3. asks the decisions context for a decision of kind `limit_review`, linked to the review (replayable
 *    like any decision) — or finds the one made before a crash;
 * 4. applies it in one transaction: locks the facility, then the review row; raises or lowers the limit
 *    with `openOrAdjustFacility` (the decision id), freezes or reactivates with `setFacilityStatus`, and
 *    records the action, the figures, the reasons and the customer's message in zh-CN and en.
 */

/** What a review needs from the decisions and customers contexts (wired in the composition root). */
export interface LimitReviewPorts {
  /** A new decision of kind `limit_review` for the customer's credit line, linked to the review. */
  decide(request: { customerId: string; linkedTo: string }): Promise<ReviewDecision>;
  /** The decision already made for a review (a crash between deciding and applying), if any. */
  decisionLinkedTo(customerId: string, linkedTo: string): Promise<ReviewDecision | undefined>;
  /** Takes customer events in (idempotent by source and event id). */
  report(rows: readonly Record<string, unknown>[]): Promise<void>;
}

export interface LimitReviewDeps {
  readonly db: Database;
  readonly clock: Clock;
  /** Times a request's wait for another's claim on a review (durations only). */
  readonly monotonic: MonotonicClock;
  readonly ids: IdGenerator;
  readonly ports: LimitReviewPorts;
  /** Where "limit changed" is written, in the transaction that applies the review. */
  readonly outbox?: MessageOutbox;
  /**
   * How long a request's claim on a review lasts (database time; 30 s by default — a review takes
   * milliseconds, so only a crashed request holds one that long) and how often a waiting request looks
   * again (50 ms by default).
   */
  readonly claim?: { readonly leaseMs?: number; readonly pollMs?: number };
}

const DEFAULT_LEASE_MS = 30_000;
const DEFAULT_POLL_MS = 50;

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface MonthlyReviewReport {
  readonly reviewed: number;
  readonly failed: number;
  /** The first failures (line id and error code), for the operator. */
  readonly failures: readonly { readonly lineId: string; readonly code: string }[];
}

export interface LimitReviewService {
  /** Reviews a line now; the same idempotency key returns the same review. */
  review(request: { lineId: string; idempotencyKey: string }): Promise<LimitReviewRecord>;
  /** Reviews every line due its monthly review (the batch calls this after the day steps). */
  runDue(options?: { onProgress?: (done: number) => void }): Promise<MonthlyReviewReport>;
  listReviews(lineId: string): Promise<LimitReviewRecord[]>;
  getReview(reviewId: string): Promise<LimitReviewRecord>;
}

export function createLimitReviewService(deps: LimitReviewDeps): LimitReviewService {
  const { db, clock, monotonic, ids, ports } = deps;
  const leaseMs = deps.claim?.leaseMs ?? DEFAULT_LEASE_MS;
  const pollMs = deps.claim?.pollMs ?? DEFAULT_POLL_MS;

  /**
   * Claims the review, waiting while another request holds it. Returns the applied review, or the pending
   * one claimed for this request (its id is the claim's token). Waits at most a lease and a few polls: by
   * then the claim has lapsed and is taken over, so the wait never ends in a refusal unless the database
   * is unreachable.
   */
  async function claimOrWait(
    customerId: string,
    lineId: string,
    reviewKey: string,
    trigger: ReviewTrigger,
  ): Promise<{ record: LimitReviewRecord; token: string | null }> {
    const token = ids.next('limitReview');
    const giveUpAt = monotonic.nowMs() + leaseMs + 20 * pollMs;
    for (;;) {
      const { record, claimed } = await db.transaction((tx) =>
        claimReview(tx, { customerId, id: token, lineId, reviewKey, trigger }, clock.now(), leaseMs),
      );
      if (record.status === 'applied') return { record, token: null };
      if (claimed) return { record, token };
      if (monotonic.nowMs() > giveUpAt) {
        throw new AppError(
          'CONFLICT',
          `review ${reviewKey} of line ${lineId} is being carried out by another request; try again`,
        );
      }
      await pause(pollMs);
    }
  }

  async function reviewOnce(
    lineId: string,
    reviewKey: string,
    trigger: ReviewTrigger,
  ): Promise<LimitReviewRecord> {
    const where = await locateLine(db, lineId);
    if (!where) throw AppError.notFound('credit line', lineId);
    const { customerId } = where;
    const { record: claimed, token } = await claimOrWait(customerId, lineId, reviewKey, trigger);
    if (token === null) return claimed;
    try {
      return await carryOut(customerId, where.facilityId, lineId, claimed);
    } catch (error) {
      // Give the claim up so that a waiting request takes over now rather than after the lease.
      await releaseClaim(db, customerId, claimed.id, token).catch(() => undefined);
      throw error;
    }
  }

  /** Steps 2–4 for a review this request has claimed. */
  async function carryOut(
    customerId: string,
    facilityId: string,
    lineId: string,
    claimed: LimitReviewRecord,
  ): Promise<LimitReviewRecord> {
    const line = await findLine(db, customerId, lineId);
    if (!line) throw AppError.notFound('credit line', lineId);
    const now = clock.now();
    const before = await findFacility(db, customerId, 'credit-line');
    if (!before) throw new AppError('INTERNAL', `the facility of line ${lineId} is missing`);
    await ports.report([
      ...lineRepaymentEvents(customerId, lineId, line.state),
      lineBalanceEvent(
        customerId,
        lineId,
        claimed.id,
        { limit: before.limit, balance: lineBalancesOf(line.state).principalOwed },
        now,
      ),
    ]);
    const decision =
      (await ports.decisionLinkedTo(customerId, claimed.id)) ??
      (await ports.decide({ customerId, linkedTo: claimed.id }));

    return db.transaction(async (tx) => {
      const facility = await lockFacilityById(tx, customerId, facilityId);
      if (!facility) throw new AppError('INTERNAL', `the facility of line ${lineId} is missing`);
      const review = await lockReview(tx, customerId, claimed.id);
      if (!review) throw new AppError('INTERNAL', `review ${claimed.id} vanished`);
      if (review.status === 'applied') return review;
      // The customer's cap as it stands under the facility's lock (their request takes the same lock first).
      const cap = (await findLine(tx, customerId, lineId))?.customerLimitCap ?? null;
      const plan = planReview(decision, facility, cap);
      const reason = `${REVIEW_FREEZE_REASON}:${decision.id}`;
      const facilityDeps = { clock, ids };
      const input = { customerId, product: 'credit-line' as const, reason };
      let status = facility.status;
      let limit = facility.limit;
      if (plan.reactivate) status = (await setFacilityStatus(tx, facilityDeps, 'reactivate', input)).status;
      if (plan.newLimit !== null) {
        const outcome = await openOrAdjustFacility(tx, facilityDeps, {
          customerId,
          product: 'credit-line',
          limit: plan.newLimit,
          // A review sets the limit; the price of the facility stays what it is.
          apr: facility.apr,
          decisionId: decision.id,
          reason: `limit review ${review.id}`,
        });
        limit = outcome.facility.limit;
      }
      if (plan.freeze) status = (await setFacilityStatus(tx, facilityDeps, 'freeze', input)).status;
      const onTimeCycles = onTimeCyclesOf(line.state);
      const applied: LimitReviewRecord = {
        ...review,
        status: 'applied',
        decisionId: decision.id,
        outcome: decision.outcome,
        action: plan.action,
        limitBefore: facility.limit,
        limitAfter: limit,
        facilityStatusBefore: facility.status,
        facilityStatusAfter: status,
        onTimeCycles,
        reasons: decision.reasons.map((r) => ({ code: r.code, text: r.text })),
        message: reviewMessage(
          plan,
          { limitBefore: facility.limit, limitAfter: limit, onTimeCycles },
          decision.reasons,
        ),
        appliedAt: clock.now(),
      };
      await completeReview(tx, applied);
      if (deps.outbox && limit !== facility.limit) {
        await deps.outbox.write(tx, [
          limitChanged({ customerId, reviewId: review.id, oldLimit: facility.limit, newLimit: limit }),
        ]);
      }
      return applied;
    });
  }

  return {
    async review(request) {
      const key = parseIdempotencyKey(request.idempotencyKey);
      const where = await locateLine(db, request.lineId);
      const line = where ? await findLine(db, where.customerId, request.lineId) : undefined;
      // A closed line is not reviewed (its facility is closed); its past reviews stay readable.
      if (line) assertLineOpen(line.closedOn, request.lineId);
      return reviewOnce(request.lineId, `on-demand:${key}`, 'on-demand');
    },

    async runDue(options = {}) {
      let reviewed = 0;
      let failed = 0;
      const failures: { lineId: string; code: string }[] = [];
      let afterId = '';
      for (;;) {
        const page = await linesDueForReview(db, afterId, 200);
        if (page.length === 0) break;
        afterId = page[page.length - 1]?.lineId ?? afterId;
        for (const due of page) {
          try {
            await reviewOnce(due.lineId, due.reviewKey, 'monthly');
            reviewed += 1;
          } catch (error) {
            // One line's review failing (its customer unknown to the customers context, a dependency down)
            // must not stop the others; it stays due and the next run tries again.
            failed += 1;
            if (failures.length < 20)
              failures.push({ lineId: due.lineId, code: isAppError(error) ? error.code : 'INTERNAL' });
          }
          options.onProgress?.(reviewed + failed);
        }
      }
      return { reviewed, failed, failures };
    },

    async listReviews(lineId) {
      const where = await locateLine(db, lineId);
      if (!where) throw AppError.notFound('credit line', lineId);
      return listReviews(db, where.customerId, lineId);
    },

    async getReview(reviewId) {
      const review = await findReview(db, reviewId);
      if (!review) throw AppError.notFound('limit review', reviewId);
      return review;
    },
  };
}

/**
 * The day-end batch followed by the monthly reviews: the day steps first (statements, due checks), then a
 * review of every line whose latest statement's due date has passed. Reviews run outside the day steps'
 * transactions — each is a decision with its own — and are listed in the report as `credit-line-review`.
 */
export function withLimitReviews(
  dayEnd: DayEndService,
  reviews: Pick<LimitReviewService, 'runDue'>,
  elapsed: () => number,
): DayEndService {
  return {
    products: [...dayEnd.products, 'credit-line-review'],
    async run(options): Promise<DayEndReport> {
      const report = await dayEnd.run(options);
      const began = elapsed();
      const done = await reviews.runDue({
        onProgress: (count) =>
          options.onProgress?.({
            product: 'credit-line-review',
            date: options.through,
            done: count,
            total: count,
          }),
      });
      const entry = {
        product: 'credit-line-review',
        date: options.through,
        items: done.reviewed,
        milliseconds: elapsed() - began,
      };
      return { ...report, dates: [...report.dates, entry], upToDate: report.upToDate && done.reviewed === 0 };
    },
  };
}

/** The ports from the decisions and customers services (the composition root's wiring). */
export function limitReviewPortsOf(services: {
  readonly decisions: {
    decide(request: {
      customerId: string;
      productCode: string;
      kind: 'limit_review';
      linkedTo: string;
      applyToFacility: boolean;
    }): Promise<ReviewDecision>;
    list(
      customerId: string,
      options?: { limit?: number },
    ): Promise<readonly { id: string; linkedTo: string | null }[]>;
    get(decisionId: string): Promise<ReviewDecision>;
  };
  readonly customers: {
    ingestEvents(
      rows: readonly unknown[],
    ): Promise<{ readonly rejected: readonly { field: string; reason: string }[] }>;
  };
}): LimitReviewPorts {
  return {
    decide: ({ customerId, linkedTo }) =>
      services.decisions.decide({
        customerId,
        productCode: 'credit_line',
        kind: 'limit_review',
        linkedTo,
        applyToFacility: false,
      }),
    async decisionLinkedTo(customerId, linkedTo) {
      const recent = await services.decisions.list(customerId, { limit: 50 });
      const found = recent.find((decision) => decision.linkedTo === linkedTo);
      return found ? services.decisions.get(found.id) : undefined;
    },
    async report(rows) {
      const result = await services.customers.ingestEvents(rows);
      const unknown = result.rejected.find((rejection) => rejection.field === 'customerId');
      if (unknown) {
        const customerId = rows.map((row) => row.customerId).find((id) => typeof id === 'string');
        throw AppError.notFound('customer', String(customerId ?? ''));
      }
      if (result.rejected.length > 0) {
        const first = result.rejected[0];
        throw new AppError(
          'INTERNAL',
          `the customers context refused the line's report: ${first?.field} ${first?.reason}`,
        );
      }
    },
  };
}
