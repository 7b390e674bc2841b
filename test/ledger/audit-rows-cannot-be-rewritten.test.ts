import { describe, expect, it } from 'vitest';
import { createPgIdempotencyStore } from '../../src/ledger/idempotency.pg.ts';
import { once, requestHash } from '../../src/ledger/idempotency.ts';
import { createPgDayEndRunLog, recentDayEndRuns } from '../../src/lending/eod/day-end-runs.pg.ts';
import { createFacilityService } from '../../src/lending/facilities/facility-service.ts';
import { sqlStateOf, type Database } from '../../src/platform/database/database.ts';
import { createIdGenerator, seededRandomBytes } from '../../src/platform/ids/ids.ts';
import type { Money } from '../../src/platform/money/money.ts';
import { parseRate } from '../../src/platform/money/rate.ts';
import { ManualClock } from '../../src/platform/time/clock.ts';
import type { LocalDate } from '../../src/platform/time/local-date.ts';
import { storesUnderTest } from '../support/stores.ts';
import { pgBooks } from '../support/books.ts';

/**
 * Migration 0408: rows that record what happened cannot be rewritten with plain SQL — a facility's change
 * history, a completed idempotency key's stored response, decisions (TRUNCATE), and the day-end run log
 * (never erased or rewound) — while the writes the code legitimately makes still go through.
 */

async function refusal(
  work: () => Promise<unknown>,
): Promise<{ state: string | undefined; message: string }> {
  try {
    await work();
  } catch (error) {
    return { state: sqlStateOf(error), message: error instanceof Error ? error.message : String(error) };
  }
  throw new Error('expected the database to refuse');
}

const at = new Date('2026-03-01T02:00:00Z');
const codec = {
  encode: (value: { paid: string }) => value,
  decode: (stored: unknown) => stored as { paid: string },
};

describe.each(storesUnderTest())('audit rows cannot be rewritten ($name)', (store) => {
  async function rows(db: Database, sql: string): Promise<unknown[]> {
    return (await db.query(sql)).rows;
  }

  it("refuses to rewrite, erase or truncate a facility's change history, which keeps growing by changes", async () => {
    const db = await store.fresh();
    const clock = new ManualClock('2026-03-01' as LocalDate);
    const ids = createIdGenerator(clock, seededRandomBytes(3));
    const facilities = createFacilityService(db, { ...pgBooks(), clock, ids });
    const customerId = ids.next('customer');
    const open = { customerId, product: 'cash-loan' as const, apr: parseRate('0.18') };
    await facilities.openOrAdjustFacility({
      ...open,
      limit: 500_000n as Money,
      decisionId: ids.next('decision'),
    });
    await facilities.openOrAdjustFacility({
      ...open,
      limit: 800_000n as Money,
      decisionId: ids.next('decision'),
    });
    const history = 'select version, change, limit_amount from credit_facility_changes order by version';
    const before = await rows(db, history);
    expect(before).toEqual([
      { version: 1, change: 'open', limit_amount: 500_000n },
      { version: 2, change: 'adjust', limit_amount: 800_000n },
    ]);

    const erased = await refusal(() => db.query('delete from credit_facility_changes'));
    expect(erased.state).toBe('55000');
    expect(erased.message).toBe(
      "credit_facility_changes is append-only: DELETE is refused — a facility's changes are its audit trail; " +
        'change the facility to record a new one',
    );
    const rewritten = await refusal(() =>
      db.query('update credit_facility_changes set limit_amount = 9999999 where version = 1'),
    );
    expect(rewritten.message).toMatch(/credit_facility_changes is append-only: UPDATE is refused/);
    expect((await refusal(() => db.exec('truncate credit_facility_changes'))).message).toMatch(
      /credit_facility_changes is append-only: TRUNCATE is refused/,
    );
    expect(await rows(db, history)).toEqual(before);

    // The legitimate write — a new change — still appends.
    await facilities.freezeFacility({ customerId, product: 'cash-loan', reason: 'fraud alert' });
    expect((await rows(db, history)).map((row) => (row as { change: string }).change)).toEqual([
      'open',
      'adjust',
      'freeze',
    ]);
  });

  it('completes a pending idempotency key once; its stored response can then never be rewritten or erased', async () => {
    const db = await store.fresh();
    const idempotency = createPgIdempotencyStore();
    const scope = { customerId: 'cus_1', scope: 'loan.repayment', key: 'k-1', request: { amount: 10_000n } };
    const first = await db.transaction((tx) =>
      once(idempotency, tx, scope, at, codec, async () => ({ paid: '100.00' })),
    );
    expect(first).toEqual({ value: { paid: '100.00' }, replayed: false });

    const key = "customer_id = 'cus_1' and scope = 'loan.repayment' and key = 'k-1'";
    const rewrite = await refusal(() =>
      db.query(`update idempotency_keys set response = '{"paid":"1000000.00"}'::jsonb where ${key}`),
    );
    expect(rewrite.state).toBe('55000');
    expect(rewrite.message).toBe(
      'idempotency key k-1 (loan.repayment) is completed: its stored response is final and cannot be rewritten',
    );
    // Reopening it (so that the next request with the key runs again) is a rewrite too.
    expect(
      (
        await refusal(() =>
          db.query(`update idempotency_keys set response = null, completed_at = null where ${key}`),
        )
      ).message,
    ).toMatch(/is completed: its stored response is final/);
    expect((await refusal(() => db.query(`delete from idempotency_keys where ${key}`))).message).toBe(
      'idempotency_keys is append-only: DELETE is refused — a stored response answers every replay of its key',
    );
    expect((await refusal(() => db.exec('truncate idempotency_keys'))).message).toMatch(
      /idempotency_keys is append-only: TRUNCATE is refused/,
    );

    // The replay still answers what happened.
    const replay = await db.transaction((tx) =>
      once(idempotency, tx, scope, at, codec, async () => ({ paid: 'never run' })),
    );
    expect(replay).toEqual({ value: { paid: '100.00' }, replayed: true });
  });

  it('lets a pending key be completed only with a response, and never changes what it was claimed for', async () => {
    const db = await store.fresh();
    const hash = requestHash({ amount: '1' });
    await db.query(
      `insert into idempotency_keys (customer_id, scope, key, request_hash, created_at) values ('c', 's', 'k', $1, $2)`,
      [hash, at],
    );
    const other = requestHash({ amount: '2' });
    expect(
      (await refusal(() => db.query(`update idempotency_keys set request_hash = $1`, [other]))).message,
    ).toBe('idempotency key k (s): only its response and completion time are written, once');
    const halfDone = await refusal(() => db.query(`update idempotency_keys set response = '{}'::jsonb`));
    expect(halfDone.state).toBe('23514');
    expect(halfDone.message).toMatch(/idempotency_keys_completed_with_response/);
    await db.query(`update idempotency_keys set response = '{"ok":true}'::jsonb, completed_at = $1`, [at]);
    expect(await rows(db, 'select request_hash, response from idempotency_keys')).toEqual([
      { request_hash: hash, response: { ok: true } },
    ]);
    // A claim that rolls back leaves nothing behind (no DELETE is needed for a refused command).
    await expect(
      db.transaction((tx) =>
        once(
          createPgIdempotencyStore(),
          tx,
          { customerId: 'c', scope: 's', key: 'k2', request: {} },
          at,
          codec,
          () => Promise.reject(new Error('refused command')),
        ),
      ),
    ).rejects.toThrow('refused command');
    expect(await rows(db, `select key from idempotency_keys order by key`)).toEqual([{ key: 'k' }]);
  });

  it('refuses to truncate decisions', async () => {
    const db = await store.fresh();
    const truncated = await refusal(() => db.exec('truncate decisions cascade'));
    expect(truncated.state).toBe('55000');
    expect(truncated.message).toBe('decisions are append-only: record a new decision instead');
  });

  it('keeps the day-end run log: runs complete and catch-up passes add items, but nothing is erased or rewound', async () => {
    const db = await store.fresh();
    const log = createPgDayEndRunLog();
    const date = '2026-02-27' as LocalDate;
    await log.markStarted(db, 'cash-loan', date, at);
    await log.markCompleted(db, 'cash-loan', date, 40, at);
    // A catch-up pass over the completed date (a loan behind) adds its items: legitimate.
    await log.markStarted(db, 'cash-loan', date, new Date(at.getTime() + 60_000));
    await log.markCompleted(db, 'cash-loan', date, 2, new Date(at.getTime() + 120_000));
    const [run] = await recentDayEndRuns(db);
    expect(run).toMatchObject({ product: 'cash-loan', date, status: 'completed', items: 42, startedAt: at });

    const rewind = await refusal(() =>
      db.query(`update day_end_runs set status = 'running', completed_at = null`),
    );
    expect(rewind.message).toBe(
      'day_end_runs: the run of cash-loan on 2026-02-27 is completed and stays completed',
    );
    expect((await refusal(() => db.query('update day_end_runs set items_processed = 0'))).message).toBe(
      'day_end_runs: the items processed by the run of cash-loan on 2026-02-27 never decrease',
    );
    expect(
      (await refusal(() => db.query(`update day_end_runs set business_date = '2026-02-28'`))).message,
    ).toBe('day_end_runs: the run of cash-loan on 2026-02-27 keeps its product, date and start');
    expect((await refusal(() => db.query('delete from day_end_runs'))).message).toBe(
      "day_end_runs is the batch's run log: DELETE is refused",
    );
    expect((await refusal(() => db.exec('truncate day_end_runs'))).message).toBe(
      "day_end_runs is the batch's run log: TRUNCATE is refused",
    );
    expect(await log.lastCompleted(db, 'cash-loan')).toBe(date);
  });
});
