import { toJson, type Queryable } from '../../platform/database/database.ts';
import { moneyFromDb } from '../../platform/money/money.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import { decodeContract, decodeState, encodeContract, encodeState } from './loan-codec.ts';
import type { LoanContract } from './loan-contract.ts';
import type { LoanEvent, LoanState } from './loan-state.ts';
import { bucketOf, daysPastDue } from './servicing.ts';

/** Storage of loans and their events (migration 0403). Functions take the caller's transaction. */

export interface LoanRecord {
  readonly contract: LoanContract;
  readonly state: LoanState;
  /** The seq the next event of this loan gets. */
  readonly nextEventSeq: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

interface LoanRow {
  contract: unknown;
  state: unknown;
  next_event_seq: number;
  created_at: Date;
  updated_at: Date;
}

function toRecord(row: LoanRow): LoanRecord {
  return {
    contract: decodeContract(row.contract),
    state: decodeState(row.state),
    nextEventSeq: row.next_event_seq,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const COLUMNS = 'contract, state, next_event_seq, created_at, updated_at';

/** Inserts new loans (one statement for any number). */
export async function insertLoans(
  tx: Queryable,
  loans: readonly { contract: LoanContract; state: LoanState }[],
  at: Date,
): Promise<void> {
  if (loans.length === 0) return;
  const columns = {
    customer: [] as string[],
    id: [] as string[],
    facility: [] as string[],
    product: [] as string[],
    principal: [] as string[],
    aprNum: [] as string[],
    aprDen: [] as string[],
    term: [] as number[],
    method: [] as string[],
    basis: [] as string[],
    start: [] as string[],
    contract: [] as string[],
    status: [] as string[],
    through: [] as string[],
    state: [] as string[],
  };
  for (const { contract, state } of loans) {
    columns.customer.push(contract.customerId);
    columns.id.push(contract.loanId);
    columns.facility.push(contract.facilityId);
    columns.product.push(contract.productCode);
    columns.principal.push(contract.principal.toString());
    columns.aprNum.push(contract.apr.num.toString());
    columns.aprDen.push(contract.apr.den.toString());
    columns.term.push(contract.term);
    columns.method.push(contract.method);
    columns.basis.push(contract.basis);
    columns.start.push(contract.startDate);
    columns.contract.push(toJson(encodeContract(contract)));
    columns.status.push(state.status);
    columns.through.push(state.processedThrough);
    columns.state.push(toJson(encodeState(state)));
  }
  await tx.query(
    `insert into loans (customer_id, id, facility_id, product_code, principal, apr_num, apr_den, term, method, basis,
                        start_date, contract, status, processed_through, state, created_at, updated_at)
     select l.customer_id, l.id, l.facility_id, l.product_code, l.principal, l.apr_num, l.apr_den, l.term, l.method,
            l.basis, l.start_date, l.contract::jsonb, l.status, l.processed_through, l.state::jsonb, $16, $16
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::bigint[],
                   $8::smallint[], $9::text[], $10::text[], $11::date[], $12::text[], $13::text[], $14::date[],
                   $15::text[])
         as l (customer_id, id, facility_id, product_code, principal, apr_num, apr_den, term, method, basis,
               start_date, contract, status, processed_through, state)`,
    [
      columns.customer,
      columns.id,
      columns.facility,
      columns.product,
      columns.principal,
      columns.aprNum,
      columns.aprDen,
      columns.term,
      columns.method,
      columns.basis,
      columns.start,
      columns.contract,
      columns.status,
      columns.through,
      columns.state,
      at,
    ],
  );
}

/** Where a loan lives (its customer and facility), found by its id alone; not locked. */
export async function locateLoan(
  q: Queryable,
  loanId: string,
): Promise<{ customerId: string; facilityId: string } | undefined> {
  const result = await q.query<{ customer_id: string; facility_id: string }>(
    'select customer_id, facility_id from loans where id = $1',
    [loanId],
  );
  const [row] = result.rows;
  return row ? { customerId: row.customer_id, facilityId: row.facility_id } : undefined;
}

export async function findLoan(
  q: Queryable,
  customerId: string,
  loanId: string,
): Promise<LoanRecord | undefined> {
  const result = await q.query<LoanRow>(`select ${COLUMNS} from loans where customer_id = $1 and id = $2`, [
    customerId,
    loanId,
  ]);
  const [row] = result.rows;
  return row ? toRecord(row) : undefined;
}

/** The loan, locked for update (the caller changes its state). */
export async function lockLoan(
  tx: Queryable,
  customerId: string,
  loanId: string,
): Promise<LoanRecord | undefined> {
  const result = await tx.query<LoanRow>(
    `select ${COLUMNS} from loans where customer_id = $1 and id = $2 for update`,
    [customerId, loanId],
  );
  const [row] = result.rows;
  return row ? toRecord(row) : undefined;
}

export async function listLoans(q: Queryable, customerId: string): Promise<LoanRecord[]> {
  const result = await q.query<LoanRow>(`select ${COLUMNS} from loans where customer_id = $1 order by id`, [
    customerId,
  ]);
  return result.rows.map(toRecord);
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

/** Writes loans' new states (one statement for any number); their events' seq counters move too. */
export async function saveLoanStates(
  tx: Queryable,
  loans: readonly { contract: LoanContract; state: LoanState; nextEventSeq?: number }[],
  at: Date,
): Promise<void> {
  if (loans.length === 0) return;
  const customer: string[] = [];
  const id: string[] = [];
  const status: string[] = [];
  const through: string[] = [];
  const dpd: number[] = [];
  const bucket: string[] = [];
  const state: string[] = [];
  const seq: (number | null)[] = [];
  for (const loan of loans) {
    const days = daysPastDue(loan.state, loan.state.processedThrough);
    customer.push(loan.contract.customerId);
    id.push(loan.contract.loanId);
    status.push(loan.state.status);
    through.push(loan.state.processedThrough);
    dpd.push(days);
    bucket.push(bucketOf(days, loan.contract.bucketBounds));
    state.push(toJson(encodeState(loan.state)));
    seq.push(loan.nextEventSeq ?? null);
  }
  await tx.query(
    `update loans l
        set status = v.status, processed_through = v.processed_through, days_past_due = v.dpd, bucket = v.bucket,
            state = v.state::jsonb, next_event_seq = coalesce(v.seq, l.next_event_seq), updated_at = $9
       from unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::int[], $6::text[], $7::text[], $8::int[])
         as v (customer_id, id, status, processed_through, dpd, bucket, state, seq)
      where l.customer_id = v.customer_id and l.id = v.id
        and l.customer_id = any ($1::text[]) -- the same rows; lets Citus prune to the customers' shard`,
    [customer, id, status, through, dpd, bucket, state, seq, at],
  );
}

interface EventRow {
  seq: number;
  kind: string;
  effective_date: string;
  amount: bigint | null;
  intent: string | null;
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
    };
  }
  return { seq: row.seq, kind: 'write-off', effectiveDate };
}

async function eventRows(q: Queryable, customerId: string, loanId: string): Promise<EventRow[]> {
  const result = await q.query<EventRow>(
    `select seq, kind, effective_date::text as effective_date, amount, intent, received_at
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
    `insert into loan_events (customer_id, loan_id, seq, kind, effective_date, amount, intent, received_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      customerId,
      loanId,
      event.seq,
      event.kind,
      event.effectiveDate,
      event.kind === 'write-off' ? null : event.amount,
      event.kind === 'repayment' ? event.intent : null,
      at,
    ],
  );
}

/** Active loans whose day-end is behind `date`, in id order after `afterId` (keyset paging). */
export async function loansBehind(
  q: Queryable,
  date: LocalDate,
  afterId: string,
  limit: number,
): Promise<{ customerId: string; id: string }[]> {
  const result = await q.query<{ customer_id: string; id: string }>(
    `select customer_id, id from loans
      where status = 'active' and id > $2 and processed_through < $1
      order by id limit $3`,
    [date, afterId, limit],
  );
  return result.rows.map((row) => ({ customerId: row.customer_id, id: row.id }));
}

/**
 * Locks the given loans that are still active and behind `date`, in id order (a fixed lock order, so two
 * batch workers cannot deadlock). Loans another worker or a repayment advanced meanwhile drop out here.
 */
export async function lockLoansBehind(
  tx: Queryable,
  items: readonly { customerId: string; id: string }[],
  date: LocalDate,
): Promise<LoanRecord[]> {
  const result = await tx.query<LoanRow>(
    `select ${COLUMNS} from loans
      where (customer_id, id) in (select * from unnest($1::text[], $2::text[]))
        and customer_id = any ($1::text[]) -- prunes to the chunk's shard on Citus (same rows)
        and status = 'active' and processed_through < $3
      order by id for update`,
    [items.map((item) => item.customerId), items.map((item) => item.id), date],
  );
  return result.rows.map(toRecord);
}

/** The earliest day-end date any active loan still needs, if any. */
export async function earliestBehind(q: Queryable): Promise<LocalDate | undefined> {
  const result = await q.query<{ next: string | null }>(
    `select (min(processed_through) + 1)::text as next from loans where status = 'active'`,
  );
  const next = result.rows[0]?.next;
  return next ? (next as LocalDate) : undefined;
}
