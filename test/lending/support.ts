import { createPgDayEndRunLog } from '../../src/lending/eod/day-end-runs.pg.ts';
import { createDayEndService, type DayEndService } from '../../src/lending/eod/day-end.ts';
import {
  createFacilityService,
  type FacilityService,
} from '../../src/lending/facilities/facility-service.ts';
import { DEFAULT_LOAN_PRODUCT, type LoanProduct } from '../../src/lending/loans/loan-contract.ts';
import { createLoanDayEndProcessor } from '../../src/lending/loans/loan-day-end.ts';
import { createLoanService, type LoanService } from '../../src/lending/loans/loan-service.ts';
import type { Database } from '../../src/platform/database/database.ts';
import { createIdGenerator, seededRandomBytes, type IdGenerator } from '../../src/platform/ids/ids.ts';
import type { Money } from '../../src/platform/money/money.ts';
import { parseRate } from '../../src/platform/money/rate.ts';
import { ManualClock } from '../../src/platform/time/clock.ts';
import type { LocalDate } from '../../src/platform/time/local-date.ts';
import type { StoreUnderTest } from '../support/stores.ts';
import type { TermsInForcePort } from '../../src/lending/facilities/facility-terms-guard.ts';
import { testTermsInForce } from './terms-in-force.ts';
import { pgBooks } from '../support/books.ts';

/** The lending services on one fresh schema, with a pinned clock and seeded ids. */
export interface LendingWorld {
  readonly db: Database;
  readonly clock: ManualClock;
  readonly ids: IdGenerator;
  readonly facilities: FacilityService;
  readonly loans: LoanService;
  readonly dayEnd: DayEndService;
  /** A new customer id with an active cash-loan facility. */
  customerWithLimit(limit: bigint, apr?: string): Promise<string>;
  /** Sets today's date (00:00 Asia/Shanghai). */
  today(date: string): void;
  /** Runs the day-end through yesterday (the batch of the night before `today`). */
  nightly(): Promise<void>;
}

export async function lendingWorld(
  store: StoreUnderTest,
  options: {
    start: string;
    product?: Partial<LoanProduct>;
    seed?: number;
    poolSize?: number;
    /** The lending settings in force (default: ./terms-in-force.ts, a 24 % cap). */
    termsInForce?: TermsInForcePort;
  },
): Promise<LendingWorld> {
  const db = await store.fresh({ poolSize: options.poolSize });
  const clock = new ManualClock(options.start as LocalDate);
  const ids = createIdGenerator(clock, seededRandomBytes(options.seed ?? 7));
  const product: LoanProduct = { ...DEFAULT_LOAN_PRODUCT, ...options.product };
  const facilities = createFacilityService(db, { ...pgBooks(), clock, ids });
  const loans = createLoanService({
    ...pgBooks(),
    db,
    clock,
    ids,
    product,
    termsInForce: options.termsInForce ?? testTermsInForce,
  });
  const dayEnd = createDayEndService({
    db,
    clock,
    runs: createPgDayEndRunLog(),
    processors: [createLoanDayEndProcessor({ ...pgBooks(), clock, ids })],
    elapsed: () => performance.now(),
  });
  return {
    db,
    clock,
    ids,
    facilities,
    loans,
    dayEnd,
    async customerWithLimit(limit, apr = '0.18') {
      const customerId = ids.next('customer');
      await facilities.openOrAdjustFacility({
        customerId,
        product: 'cash-loan',
        limit: limit as Money,
        apr: parseRate(apr),
        decisionId: ids.next('decision'),
      });
      return customerId;
    },
    today(date) {
      clock.set(date as LocalDate);
    },
    async nightly() {
      const yesterday = new Date(clock.now().getTime() - 86_400_000);
      const through = new ManualClock(yesterday).today();
      await dayEnd.run({ through });
    },
  };
}

/** Every row of the tables a money command may touch, as text — to prove a refused command wrote nothing. */
export async function snapshotRows(db: Database): Promise<string> {
  const tables = [
    'ledger_accounts',
    'ledger_journals',
    'ledger_postings',
    'idempotency_keys',
    'credit_facilities',
    'credit_facility_changes',
    'loans',
    'loan_events',
    'day_end_runs',
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
