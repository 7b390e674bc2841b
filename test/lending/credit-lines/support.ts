import { createCreditLineDayEndProcessor } from '../../../src/lending/credit-lines/credit-line-day-end.ts';
import {
  createCreditLineService,
  type CreditLineService,
} from '../../../src/lending/credit-lines/credit-line-service.ts';
import {
  DEFAULT_CREDIT_LINE_PRODUCT,
  type CreditLineProduct,
} from '../../../src/lending/credit-lines/line-terms.ts';
import { createPgDayEndRunLog } from '../../../src/lending/eod/day-end-runs.pg.ts';
import { createDayEndService, type DayEndService } from '../../../src/lending/eod/day-end.ts';
import {
  createFacilityService,
  type FacilityService,
} from '../../../src/lending/facilities/facility-service.ts';
import { createLoanDayEndProcessor } from '../../../src/lending/loans/loan-day-end.ts';
import type { Database } from '../../../src/platform/database/database.ts';
import { createIdGenerator, seededRandomBytes, type IdGenerator } from '../../../src/platform/ids/ids.ts';
import type { Money } from '../../../src/platform/money/money.ts';
import { parseRate } from '../../../src/platform/money/rate.ts';
import { ManualClock } from '../../../src/platform/time/clock.ts';
import { addDays, type LocalDate } from '../../../src/platform/time/local-date.ts';
import type { StoreUnderTest } from '../../support/stores.ts';
import { testTermsInForce } from '../terms-in-force.ts';
import { pgBooks } from '../../support/books.ts';

/** The credit-line services on one fresh schema, with a pinned clock and seeded ids. */
export interface LineWorld {
  readonly db: Database;
  readonly clock: ManualClock;
  readonly ids: IdGenerator;
  readonly facilities: FacilityService;
  readonly lines: CreditLineService;
  readonly dayEnd: DayEndService;
  /** A new customer with a credit-line facility and an open line; returns both ids. */
  customerWithLine(
    limit: bigint,
    options?: { apr?: string; statementDay?: number },
  ): Promise<{ customerId: string; lineId: string }>;
  /** Sets today's date (00:00 Asia/Shanghai). */
  today(date: string): void;
  /** Runs the day-end through yesterday (the batch of the night before `today`). */
  nightly(): Promise<void>;
}

export async function lineWorld(
  store: StoreUnderTest,
  options: { start: string; product?: Partial<CreditLineProduct>; seed?: number; poolSize?: number },
): Promise<LineWorld> {
  const db = await store.fresh(options.poolSize === undefined ? {} : { poolSize: options.poolSize });
  const clock = new ManualClock(options.start as LocalDate);
  const ids = createIdGenerator(clock, seededRandomBytes(options.seed ?? 11));
  const facilities = createFacilityService(db, { ...pgBooks(), clock, ids });
  const lines = createCreditLineService({
    ...pgBooks(),
    db,
    clock,
    ids,
    product: { ...DEFAULT_CREDIT_LINE_PRODUCT, ...options.product },
    termsInForce: testTermsInForce,
  });
  const dayEnd = createDayEndService({
    db,
    clock,
    runs: createPgDayEndRunLog(),
    processors: [
      createLoanDayEndProcessor({ ...pgBooks(), clock, ids }),
      createCreditLineDayEndProcessor({ ...pgBooks(), clock, ids }),
    ],
    elapsed: () => performance.now(),
  });
  return {
    db,
    clock,
    ids,
    facilities,
    lines,
    dayEnd,
    async customerWithLine(limit, lineOptions = {}) {
      const customerId = ids.next('customer');
      await facilities.openOrAdjustFacility({
        customerId,
        product: 'credit-line',
        limit: limit as Money,
        apr: parseRate(lineOptions.apr ?? '0.1825'),
        decisionId: ids.next('decision'),
      });
      const { line } = await lines.openLine({
        customerId,
        ...(lineOptions.statementDay === undefined ? {} : { statementDay: lineOptions.statementDay }),
      });
      return { customerId, lineId: line.terms.lineId };
    },
    today(date) {
      clock.set(date as LocalDate);
    },
    async nightly() {
      await dayEnd.run({ through: addDays(clock.today(), -1) });
    },
  };
}

/** Every row of the tables a credit-line command may touch, as text — to prove a refused command wrote nothing. */
export async function snapshotLineRows(db: Database): Promise<string> {
  const tables = [
    'ledger_accounts',
    'ledger_journals',
    'ledger_postings',
    'idempotency_keys',
    'credit_facilities',
    'credit_facility_changes',
    'credit_lines',
    'credit_line_events',
    'credit_line_statements',
    'credit_line_changes',
  ];
  const parts: string[] = [];
  for (const table of tables) {
    const result = await db.query(`select * from ${table} order by 1, 2, 3`);
    parts.push(
      `${table}:${JSON.stringify(result.rows, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}`,
    );
  }
  return parts.join('\n');
}
