import { toJson, type Queryable } from '../../platform/database/database.ts';
import { moneyFromDb } from '../../platform/money/money.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import {
  decodeContract,
  decodeHardshipChange,
  decodeState,
  encodeContract,
  encodeHardshipChange,
  encodeState,
} from './loan-codec.ts';
import type { LoanContract } from './loan-contract.ts';
import type { LoanEvent, LoanState } from './loan-state.ts';
import { bucketOf, daysPastDue } from './servicing.ts';
import { contractStore, insertMany, updateMany } from '../shared/contract-store.pg.ts';
import type { BatchColumn, ContractBookkeeping } from '../shared/contract-store.pg.ts';

/** Storage of loans and their events (migration 0403). Functions take the caller's transaction. */

export interface LoanRecord extends ContractBookkeeping {
  readonly contract: LoanContract;
  readonly state: LoanState;
}

/** The loans' reads and locks on the shared contract store; the day-end and reminders serve active loans. */
export const loanStore = contractStore<{ contract: unknown; state: unknown }, LoanRecord>({
  table: 'loans',
  columns: 'contract, state',
  open: "status = 'active'",
  toRecord: (row) => ({ contract: decodeContract(row.contract), state: decodeState(row.state) }),
});

/** By id (`locateLoan`), by `(customer, id)` (`findLoan`, `lockLoan` for update) and by customer (`listLoans`). */
export const { locate: locateLoan, find: findLoan, lock: lockLoan, list: listLoans } = loanStore;

const LOAN_COLUMNS: readonly BatchColumn<{ contract: LoanContract; state: LoanState }>[] = [
  { name: 'customer_id', type: 'text', of: ({ contract }) => contract.customerId },
  { name: 'id', type: 'text', of: ({ contract }) => contract.loanId },
  { name: 'facility_id', type: 'text', of: ({ contract }) => contract.facilityId },
  { name: 'product_code', type: 'text', of: ({ contract }) => contract.productCode },
  { name: 'principal', type: 'bigint', of: ({ contract }) => contract.principal },
  { name: 'apr_num', type: 'bigint', of: ({ contract }) => contract.apr.num },
  { name: 'apr_den', type: 'bigint', of: ({ contract }) => contract.apr.den },
  { name: 'term', type: 'smallint', of: ({ contract }) => contract.term },
  { name: 'method', type: 'text', of: ({ contract }) => contract.method },
  { name: 'basis', type: 'text', of: ({ contract }) => contract.basis },
  { name: 'start_date', type: 'date', of: ({ contract }) => contract.startDate },
  { name: 'contract', type: 'jsonb', of: ({ contract }) => toJson(encodeContract(contract)) },
  { name: 'status', type: 'text', of: ({ state }) => state.status },
  { name: 'processed_through', type: 'date', of: ({ state }) => state.processedThrough },
  { name: 'state', type: 'jsonb', of: ({ state }) => toJson(encodeState(state)) },
];

/** Inserts new loans (one statement for any number). */
export async function insertLoans(
  tx: Queryable,
  loans: readonly { contract: LoanContract; state: LoanState }[],
  at: Date,
): Promise<void> {
  await insertMany(tx, 'loans', LOAN_COLUMNS, loans, { columns: ['created_at', 'updated_at'], at });
}

/** Whether the customer has a loan that is past due or written off (no new drawing then). */
export async function hasDelinquentLoan(q: Queryable, customerId: string): Promise<boolean> {
  const result = await q.query(
    `select 1 from loans where customer_id = $1 and (status = 'written_off' or (status = 'active' and days_past_due > 0))
      limit 1`,
    [customerId],
  );
  return result.rows.length > 0;
}

type SavedLoan = { contract: LoanContract; state: LoanState; nextEventSeq?: number };

const STATE_COLUMNS: readonly BatchColumn<SavedLoan & { daysPastDue: number }>[] = [
  { name: 'customer_id', type: 'text', of: (loan) => loan.contract.customerId },
  { name: 'id', type: 'text', of: (loan) => loan.contract.loanId },
  { name: 'status', type: 'text', of: (loan) => loan.state.status },
  { name: 'processed_through', type: 'date', of: (loan) => loan.state.processedThrough },
  { name: 'days_past_due', type: 'int', of: (loan) => loan.daysPastDue },
  { name: 'bucket', type: 'text', of: (loan) => bucketOf(loan.daysPastDue, loan.contract.bucketBounds) },
  { name: 'state', type: 'jsonb', of: (loan) => toJson(encodeState(loan.state)) },
  {
    name: 'next_event_seq',
    type: 'int',
    of: (loan) => loan.nextEventSeq ?? null,
    set: 'coalesce(v.next_event_seq, l.next_event_seq)',
  },
];

/** Writes loans' new states (one statement for any number); their events' seq counters move too. */
export async function saveLoanStates(tx: Queryable, loans: readonly SavedLoan[], at: Date): Promise<void> {
  const dated = loans.map((loan) => ({
    ...loan,
    daysPastDue: daysPastDue(loan.state, loan.state.processedThrough),
  }));
  await updateMany(tx, 'loans', STATE_COLUMNS, dated, at);
}

interface EventRow {
  seq: number;
  kind: string;
  effective_date: string;
  amount: bigint | null;
  intent: string | null;
  reverses: number | null;
  reason: string | null;
  hardship_request_id: string | null;
  hardship: unknown;
  payout_id: string | null;
  received_at: Date;
}

function eventOf(row: EventRow): LoanEvent {
  const effectiveDate = row.effective_date as LocalDate;
  if (row.kind === 'repayment') {
    return {
      seq: row.seq,
      kind: 'repayment',
      effectiveDate,
      amount: moneyFromDb(row.amount ?? 0n, 'loan_events.amount'),
      intent: row.intent === 'prepayment' ? 'prepayment' : 'scheduled',
    };
  }
  if (row.kind === 'payout') {
    return {
      seq: row.seq,
      kind: 'payout',
      effectiveDate,
      amount: moneyFromDb(row.amount ?? 0n, 'loan_events.amount'),
      ...(row.payout_id === null ? {} : { payoutId: row.payout_id }),
    };
  }
  if (row.kind === 'reserve' || row.kind === 'release') {
    return {
      seq: row.seq,
      kind: row.kind,
      effectiveDate,
      amount: moneyFromDb(row.amount ?? 0n, 'loan_events.amount'),
      payoutId: row.payout_id ?? '',
    };
  }
  if (row.kind === 'reversal') {
    return {
      seq: row.seq,
      kind: 'reversal',
      effectiveDate,
      reverses: row.reverses ?? 0,
      reason: row.reason === 'chargeback' ? 'chargeback' : 'returned',
    };
  }
  if (row.kind === 'hardship') {
    return {
      seq: row.seq,
      kind: 'hardship',
      effectiveDate,
      requestId: row.hardship_request_id ?? '',
      change: decodeHardshipChange(row.hardship),
    };
  }
  return { seq: row.seq, kind: 'write-off', effectiveDate };
}

async function eventRows(q: Queryable, customerId: string, loanId: string): Promise<EventRow[]> {
  const result = await q.query<EventRow>(
    `select seq, kind, effective_date::text as effective_date, amount, intent, reverses, reason,
            hardship_request_id, hardship, payout_id, received_at
       from loan_events where customer_id = $1 and loan_id = $2 order by seq`,
    [customerId, loanId],
  );
  return result.rows;
}

export async function loanEvents(q: Queryable, customerId: string, loanId: string): Promise<LoanEvent[]> {
  return (await eventRows(q, customerId, loanId)).map(eventOf);
}

/** One event as it was received: what `loanEvents` gives, with the time it arrived. */
export type LoanEventRecord = LoanEvent & { readonly receivedAt: Date };

/** A loan's events in arrival order, with the time each was received (the loan's event history). */
export async function loanEventHistory(
  q: Queryable,
  customerId: string,
  loanId: string,
): Promise<LoanEventRecord[]> {
  return (await eventRows(q, customerId, loanId)).map((row) => ({
    ...eventOf(row),
    receivedAt: row.received_at,
  }));
}

export async function insertLoanEvent(
  tx: Queryable,
  customerId: string,
  loanId: string,
  event: LoanEvent,
  at: Date,
): Promise<void> {
  await tx.query(
    `insert into loan_events
       (customer_id, loan_id, seq, kind, effective_date, amount, intent, reverses, reason,
        hardship_request_id, hardship, received_at, payout_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      customerId,
      loanId,
      event.seq,
      event.kind,
      event.effectiveDate,
      event.kind === 'repayment' ||
      event.kind === 'payout' ||
      event.kind === 'reserve' ||
      event.kind === 'release'
        ? event.amount
        : null,
      event.kind === 'repayment' ? event.intent : null,
      event.kind === 'reversal' ? event.reverses : null,
      event.kind === 'reversal' ? event.reason : null,
      event.kind === 'hardship' ? event.requestId : null,
      event.kind === 'hardship' ? toJson(encodeHardshipChange(event.change)) : null,
      at,
      event.kind === 'payout' || event.kind === 'reserve' || event.kind === 'release'
        ? (event.payoutId ?? null)
        : null,
    ],
  );
}
