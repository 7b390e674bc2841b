import { createCollectionsDay } from '../../src/collections/collections-day.ts';
import {
  createCollectionsService,
  type CollectionsService,
} from '../../src/collections/collections-service.ts';
import {
  DEFAULT_COLLECTION_STRATEGY,
  fixedStrategies,
  type CollectionStrategy,
} from '../../src/collections/index.ts';
import { createCreditLineDayEndProcessor } from '../../src/lending/credit-lines/credit-line-day-end.ts';
import {
  createCreditLineService,
  type CreditLineService,
} from '../../src/lending/credit-lines/credit-line-service.ts';
import { createLineReminderProcessor } from '../../src/lending/credit-lines/line-reminders.pg.ts';
import { DEFAULT_CREDIT_LINE_PRODUCT } from '../../src/lending/credit-lines/line-terms.ts';
import { createCollectionsProcessor } from '../../src/lending/eod/collections-processor.pg.ts';
import { createPgDayEndRunLog } from '../../src/lending/eod/day-end-runs.pg.ts';
import {
  createDayEndService,
  type DayEndProcessor,
  type DayEndService,
} from '../../src/lending/eod/day-end.ts';
import {
  createFacilityService,
  type FacilityService,
} from '../../src/lending/facilities/facility-service.ts';
import { DEFAULT_LOAN_PRODUCT, type LoanProduct } from '../../src/lending/loans/loan-contract.ts';
import { createLoanDayEndProcessor } from '../../src/lending/loans/loan-day-end.ts';
import { createLoanReminderProcessor } from '../../src/lending/loans/loan-reminders.pg.ts';
import { createLoanService, type LoanService } from '../../src/lending/loans/loan-service.ts';
import type { Principal } from '../../src/platform/auth/api-keys.ts';
import { createPgAuditLog } from '../../src/platform/audit/audit-log.pg.ts';
import type { AuditLog } from '../../src/platform/audit/audit-log.ts';
import type { Database } from '../../src/platform/database/database.ts';
import { createIdGenerator, seededRandomBytes, type IdGenerator } from '../../src/platform/ids/ids.ts';
import type { Money } from '../../src/platform/money/money.ts';
import { parseRate } from '../../src/platform/money/rate.ts';
import { createSandboxChannel } from '../../src/platform/notifications/index.ts';
import { createNotifications, type Notifications } from '../../src/platform/notifications/notifications.ts';
import { ManualClock } from '../../src/platform/time/clock.ts';
import { addDays, type LocalDate } from '../../src/platform/time/local-date.ts';
import type { StoreUnderTest } from '../support/stores.ts';
import { testTermsInForce } from '../lending/terms-in-force.ts';
import { pgBooks } from '../support/books.ts';

/**
 * Loans, lines, the customer-message outbox and collections on one fresh schema, with a pinned clock and
 * seeded ids; the day-end runs the products' steps, their reminders and the collections step, as the app does.
 */
export interface CollectionsWorld {
  readonly db: Database;
  readonly clock: ManualClock;
  readonly ids: IdGenerator;
  readonly facilities: FacilityService;
  readonly loans: LoanService;
  readonly lines: CreditLineService;
  readonly notifications: Notifications;
  readonly audit: AuditLog;
  readonly collections: CollectionsService;
  readonly processors: readonly DayEndProcessor[];
  readonly dayEnd: DayEndService;
  /** A customer with a cash-loan facility and a drawn loan; returns both ids. */
  loan(amount: bigint, options?: { term?: number }): Promise<{ customerId: string; loanId: string }>;
  /** A customer with a credit line; returns both ids. */
  line(limit: bigint): Promise<{ customerId: string; lineId: string }>;
  /** Sets today (00:00 Asia/Shanghai, or the instant given). */
  today(date: string | Date): void;
  /** Runs the day-end through yesterday. */
  nightly(): Promise<void>;
  /** Sets today to each date from the day after today through `date` and runs the night before it. */
  nightsThrough(date: string): Promise<void>;
}

export const collector = (name = 'cara', id = 'key_cara'): Principal => ({
  keyId: id,
  name,
  role: 'collector',
});

export async function collectionsWorld(
  store: StoreUnderTest,
  options: {
    start: string;
    loanProduct?: Partial<LoanProduct>;
    strategies?: readonly CollectionStrategy[];
    seed?: number;
  },
): Promise<CollectionsWorld> {
  const db = await store.fresh();
  const clock = new ManualClock(options.start as LocalDate);
  const ids = createIdGenerator(clock, seededRandomBytes(options.seed ?? 17));
  const facilities = createFacilityService(db, { ...pgBooks(), clock, ids });
  const notifications = createNotifications({ db, clock, ids, channel: createSandboxChannel() });
  const audit = createPgAuditLog(db, ids, clock);
  const loans = createLoanService({
    ...pgBooks(),
    db,
    clock,
    ids,
    product: { ...DEFAULT_LOAN_PRODUCT, basis: 'monthly', ...options.loanProduct },
    termsInForce: testTermsInForce,
    outbox: notifications.outbox,
  });
  const lines = createCreditLineService({
    ...pgBooks(),
    db,
    clock,
    ids,
    product: DEFAULT_CREDIT_LINE_PRODUCT,
    termsInForce: testTermsInForce,
    audit,
    outbox: notifications.outbox,
  });
  const strategies = options.strategies ?? [DEFAULT_COLLECTION_STRATEGY];
  const processors = [
    createLoanDayEndProcessor({ ...pgBooks(), clock, ids }),
    createCreditLineDayEndProcessor({ ...pgBooks(), clock, ids, outbox: notifications.outbox }),
    createLoanReminderProcessor({ clock, outbox: notifications.outbox }),
    createLineReminderProcessor({ clock, outbox: notifications.outbox }),
    createCollectionsProcessor({
      collections: createCollectionsDay({
        clock,
        ids,
        outbox: notifications.outbox,
        strategies: fixedStrategies(strategies),
      }),
    }),
  ];
  const dayEnd = createDayEndService({
    db,
    clock,
    runs: createPgDayEndRunLog(),
    processors,
    elapsed: () => 0,
  });
  const collections = createCollectionsService({
    db,
    clock,
    ids,
    audit,
    strategies: fixedStrategies(strategies),
  });
  const world: CollectionsWorld = {
    db,
    clock,
    ids,
    facilities,
    loans,
    lines,
    notifications,
    audit,
    collections,
    processors,
    dayEnd,
    async loan(amount, loanOptions = {}) {
      const customerId = ids.next('customer');
      await facilities.openOrAdjustFacility({
        customerId,
        product: 'cash-loan',
        limit: (amount * 2n) as Money,
        apr: parseRate('0.18'),
        decisionId: ids.next('decision'),
      });
      const drawn = await loans.drawdown({
        customerId,
        amount: amount as Money,
        term: loanOptions.term ?? 12,
        method: 'equal-installment',
        idempotencyKey: `draw-${customerId}`,
      });
      if (drawn.outcome !== 'drawn') throw new Error('declined');
      return { customerId, loanId: drawn.receipt.loanId };
    },
    async line(limit) {
      const customerId = ids.next('customer');
      await facilities.openOrAdjustFacility({
        customerId,
        product: 'credit-line',
        limit: limit as Money,
        apr: parseRate('0.1825'),
        decisionId: ids.next('decision'),
      });
      const { line } = await lines.openLine({ customerId });
      return { customerId, lineId: line.terms.lineId };
    },
    today(date) {
      clock.set(typeof date === 'string' ? (date as LocalDate) : date);
    },
    async nightly() {
      await dayEnd.run({ through: addDays(clock.today(), -1) });
    },
    async nightsThrough(date) {
      for (let day = addDays(clock.today(), 1); day <= date; day = addDays(day, 1)) {
        clock.set(day);
        await dayEnd.run({ through: addDays(day, -1) });
      }
    },
  };
  return world;
}

/** A case's rows as comparable text (what the day-end decided; no ids or instants). */
export async function caseRows(db: Database): Promise<string> {
  const cases = await db.query(
    `select account_id, product, opened_on::text, status, bucket, days_past_due, amount_past_due,
            oldest_due_date::text, priority, broken_promises, observed_through::text, closed_on::text, close_reason
       from collection_cases order by account_id, opened_on`,
  );
  const events = await db.query(
    `select c.account_id, c.opened_on::text, e.seq, e.kind, e.business_date::text, e.from_bucket, e.to_bucket,
            e.days_past_due, e.amount_past_due
       from collection_case_events e join collection_cases c on c.customer_id = e.customer_id and c.id = e.case_id
      where e.kind in ('opened', 'bucket-changed', 'closed')
      order by c.account_id, c.opened_on, e.seq`,
  );
  return JSON.stringify([cases.rows, events.rows], (_k, v: unknown) =>
    typeof v === 'bigint' ? v.toString() : v,
  );
}
