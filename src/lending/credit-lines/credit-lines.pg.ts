import { toJson, type Queryable } from '../../platform/database/database.ts';
import { moneyFromDb, moneyFromDbOrNull, type Money } from '../../platform/money/money.ts';
import { parseRate, toExactRateString } from '../../platform/money/rate.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import { parseFacilityStatus } from '../facilities/facility.ts';
import type { FacilityStatus, TemporaryLimit } from '../facilities/facility.ts';
import type { LineChangeKind } from './line-lifecycle.ts';
import {
  decodeLineState,
  decodeStatementInstalments,
  decodeTerms,
  encodeLineState,
  encodeStatementInstalments,
  encodeTerms,
  planSourceJson,
  sourceOf,
} from './line-codec.ts';
import { lineBucket, lineDaysPastDue, type StatementDocument } from './line-servicing.ts';
import type { LineEvent, LineState } from './line-state.ts';
import { currentStatementDay, type LineTerms } from './line-terms.ts';

/** Storage of credit lines, their events and statements (migrations 0501, 0504). Functions take the caller's transaction. */

export interface LineRecord {
  readonly terms: LineTerms;
  readonly state: LineState;
  /** The seq the next event of this line gets. */
  readonly nextEventSeq: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** The business date the line was closed (migration 0505); null while open. */
  readonly closedOn: LocalDate | null;
  /** The limit the customer asked for: reviews never set the facility above it; null when none. */
  readonly customerLimitCap: Money | null;
}

interface LineRow {
  terms: unknown;
  state: unknown;
  next_event_seq: number;
  created_at: Date;
  updated_at: Date;
  closed_on: string | null;
  customer_limit_cap: bigint | null;
}

const COLUMNS =
  'terms, state, next_event_seq, created_at, updated_at, closed_on::text as closed_on, customer_limit_cap';

function toRecord(row: LineRow): LineRecord {
  return {
    terms: decodeTerms(row.terms),
    state: decodeLineState(row.state),
    nextEventSeq: row.next_event_seq,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    closedOn: row.closed_on as LocalDate | null,
    customerLimitCap: moneyFromDbOrNull(row.customer_limit_cap, 'credit_lines.customer_limit_cap'),
  };
}

export async function insertLine(tx: Queryable, terms: LineTerms, state: LineState, at: Date): Promise<void> {
  await tx.query(
    `insert into credit_lines (customer_id, id, facility_id, product_code, statement_day, due_day,
                               due_days_after_statement, opened_on, terms, processed_through, next_statement_date,
                               state, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12::jsonb, $13, $13)`,
    [
      terms.customerId,
      terms.lineId,
      terms.facilityId,
      terms.productCode,
      terms.statementDay,
      'dayOfMonth' in terms.due ? terms.due.dayOfMonth : null,
      'daysAfterStatement' in terms.due ? terms.due.daysAfterStatement : null,
      terms.openedOn,
      toJson(encodeTerms(terms)),
      state.processedThrough,
      state.nextStatementDate,
      toJson(encodeLineState(state)),
      at,
    ],
  );
}

/** Where a line lives (its customer and facility), found by its id alone; not locked. */
export async function locateLine(
  q: Queryable,
  lineId: string,
): Promise<{ customerId: string; facilityId: string } | undefined> {
  const result = await q.query<{ customer_id: string; facility_id: string }>(
    'select customer_id, facility_id from credit_lines where id = $1',
    [lineId],
  );
  const [row] = result.rows;
  return row ? { customerId: row.customer_id, facilityId: row.facility_id } : undefined;
}

export async function findLine(
  q: Queryable,
  customerId: string,
  lineId: string,
): Promise<LineRecord | undefined> {
  const result = await q.query<LineRow>(
    `select ${COLUMNS} from credit_lines where customer_id = $1 and id = $2`,
    [customerId, lineId],
  );
  const [row] = result.rows;
  return row ? toRecord(row) : undefined;
}

/** The line drawn on a facility, if one was opened. */
export async function findLineOfFacility(
  q: Queryable,
  customerId: string,
  facilityId: string,
): Promise<LineRecord | undefined> {
  const result = await q.query<LineRow>(
    `select ${COLUMNS} from credit_lines where customer_id = $1 and facility_id = $2`,
    [customerId, facilityId],
  );
  const [row] = result.rows;
  return row ? toRecord(row) : undefined;
}

/** The line, locked for update (the caller changes its state). */
export async function lockLine(
  tx: Queryable,
  customerId: string,
  lineId: string,
): Promise<LineRecord | undefined> {
  const result = await tx.query<LineRow>(
    `select ${COLUMNS} from credit_lines where customer_id = $1 and id = $2 for update`,
    [customerId, lineId],
  );
  const [row] = result.rows;
  return row ? toRecord(row) : undefined;
}

export async function listLines(q: Queryable, customerId: string): Promise<LineRecord[]> {
  const result = await q.query<LineRow>(
    `select ${COLUMNS} from credit_lines where customer_id = $1 order by id`,
    [customerId],
  );
  return result.rows.map(toRecord);
}

/** Writes lines' new states (one statement for any number); their event seq counters move too. */
export async function saveLineStates(
  tx: Queryable,
  lines: readonly { terms: LineTerms; state: LineState; nextEventSeq?: number }[],
  at: Date,
): Promise<void> {
  if (lines.length === 0) return;
  const customer: string[] = [];
  const id: string[] = [];
  const through: string[] = [];
  const next: string[] = [];
  const dpd: number[] = [];
  const bucket: string[] = [];
  const state: string[] = [];
  const seq: (number | null)[] = [];
  const lastDue: number[] = [];
  for (const line of lines) {
    customer.push(line.terms.customerId);
    id.push(line.terms.lineId);
    through.push(line.state.processedThrough);
    next.push(line.state.nextStatementDate);
    dpd.push(lineDaysPastDue(line.state, line.state.processedThrough));
    bucket.push(lineBucket(line.terms, line.state, line.state.processedThrough));
    state.push(toJson(encodeLineState(line.state)));
    seq.push(line.nextEventSeq ?? null);
    lastDue.push(line.state.dueOutcomes[line.state.dueOutcomes.length - 1]?.seq ?? 0);
  }
  await tx.query(
    `update credit_lines l
        set processed_through = v.processed_through, next_statement_date = v.next_statement_date,
            days_past_due = v.dpd, bucket = v.bucket, state = v.state::jsonb,
            next_event_seq = coalesce(v.seq, l.next_event_seq), last_due_seq = v.last_due, updated_at = $9
       from unnest($1::text[], $2::text[], $3::date[], $4::date[], $5::int[], $6::text[], $7::text[], $8::int[],
                   $10::int[])
         as v (customer_id, id, processed_through, next_statement_date, dpd, bucket, state, seq, last_due)
      where l.customer_id = v.customer_id and l.id = v.id`,
    [customer, id, through, next, dpd, bucket, state, seq, at, lastDue],
  );
}

interface EventRow {
  seq: number;
  kind: string;
  effective_date: string;
  amount: bigint;
  ref_id: string | null;
  detail: Record<string, unknown>;
}

function toEvent(row: EventRow): LineEvent {
  const effectiveDate = row.effective_date as LocalDate;
  const amount = moneyFromDb(row.amount, 'credit_line_events.amount');
  const ref = row.ref_id ?? '';
  switch (row.kind) {
    case 'purchase':
      return {
        seq: row.seq,
        kind: 'purchase',
        effectiveDate,
        amount,
        purchaseId: ref,
        description: String(row.detail.description ?? ''),
      };
    case 'refund':
      return { seq: row.seq, kind: 'refund', effectiveDate, amount, purchaseId: ref };
    case 'conversion':
      return {
        seq: row.seq,
        kind: 'conversion',
        effectiveDate,
        amount,
        planId: ref,
        source: sourceOf(row.detail.source),
        term: Number(row.detail.term),
        feeRate: parseRate(String(row.detail.feeRate), 'feeRate'),
      };
    case 'payout':
      return { seq: row.seq, kind: 'payout', effectiveDate, amount };
    case 'plan-settlement':
      return { seq: row.seq, kind: 'plan-settlement', effectiveDate, amount, planId: ref };
    default:
      return { seq: row.seq, kind: 'payment', effectiveDate, amount };
  }
}

export async function lineEvents(q: Queryable, customerId: string, lineId: string): Promise<LineEvent[]> {
  const result = await q.query<EventRow>(
    `select seq, kind, effective_date::text as effective_date, amount, ref_id, detail
       from credit_line_events where customer_id = $1 and line_id = $2 order by seq`,
    [customerId, lineId],
  );
  return result.rows.map(toEvent);
}

/** The reference and detail columns of an event. */
function eventColumns(event: LineEvent): { ref: string | null; detail: Record<string, unknown> } {
  switch (event.kind) {
    case 'purchase':
      return { ref: event.purchaseId, detail: { description: event.description } };
    case 'refund':
      return { ref: event.purchaseId, detail: {} };
    case 'conversion':
      return {
        ref: event.planId,
        detail: {
          source: planSourceJson(event.source),
          term: event.term,
          feeRate: toExactRateString(event.feeRate),
        },
      };
    case 'payment':
    case 'payout':
      return { ref: null, detail: {} };
    case 'plan-settlement':
      return { ref: event.planId, detail: {} };
  }
}

export async function insertLineEvent(
  tx: Queryable,
  customerId: string,
  lineId: string,
  event: LineEvent,
  at: Date,
): Promise<void> {
  const { ref, detail } = eventColumns(event);
  await tx.query(
    `insert into credit_line_events (customer_id, line_id, seq, kind, effective_date, amount, ref_id, detail, received_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9)`,
    [customerId, lineId, event.seq, event.kind, event.effectiveDate, event.amount, ref, toJson(detail), at],
  );
}

/** A purchase as recorded, with what has been refunded of it and whether it was converted. */
export interface PurchaseRecord {
  readonly purchaseId: string;
  readonly lineId: string;
  readonly seq: number;
  readonly date: LocalDate;
  readonly amount: Money;
  readonly description: string;
  readonly refunded: Money;
  readonly convertedBy: string | null;
}

export async function findPurchase(
  q: Queryable,
  customerId: string,
  purchaseId: string,
): Promise<PurchaseRecord | undefined> {
  const result = await q.query<{
    line_id: string;
    seq: number;
    effective_date: string;
    amount: bigint;
    description: string;
    refunded: bigint;
    converted_by: string | null;
  }>(
    `select p.line_id, p.seq, p.effective_date::text as effective_date, p.amount,
            coalesce(p.detail ->> 'description', '') as description,
            coalesce((select sum(r.amount) from credit_line_events r
                       where r.customer_id = p.customer_id and r.ref_id = p.ref_id and r.kind = 'refund'), 0)::bigint
              as refunded,
            (select c.ref_id from credit_line_events c
              where c.customer_id = p.customer_id and c.line_id = p.line_id and c.kind = 'conversion'
                and c.detail -> 'source' ->> 'purchaseId' = p.ref_id limit 1) as converted_by
       from credit_line_events p
      where p.customer_id = $1 and p.ref_id = $2 and p.kind = 'purchase'`,
    [customerId, purchaseId],
  );
  const [row] = result.rows;
  return row
    ? {
        purchaseId,
        lineId: row.line_id,
        seq: row.seq,
        date: row.effective_date as LocalDate,
        amount: moneyFromDb(row.amount, 'purchase.amount'),
        description: row.description,
        refunded: moneyFromDb(row.refunded, 'purchase.refunded'),
        convertedBy: row.converted_by,
      }
    : undefined;
}

/** Inserts cut statements of any number of lines in one statement. */
export async function insertStatements(
  tx: Queryable,
  statements: readonly { customerId: string; lineId: string; statement: StatementDocument }[],
  at: Date,
): Promise<void> {
  if (statements.length === 0) return;
  const cols: unknown[][] = Array.from({ length: 22 }, () => []);
  for (const { customerId, lineId, statement: s } of statements) {
    const values: unknown[] = [
      customerId,
      lineId,
      s.seq,
      s.statementDate,
      s.dueDate,
      s.periodStart,
      s.periodEnd,
      s.openingBalance.toString(),
      s.purchases.toString(),
      s.refunds.toString(),
      s.payments.toString(),
      s.fees.toString(),
      s.interest.toString(),
      s.instalmentPrincipal.toString(),
      s.converted.toString(),
      s.closingBalance.toString(),
      s.minimumPayment.toString(),
      s.instalmentsNotYetBilled.toString(),
      toJson(encodeStatementInstalments(s)),
      s.instalmentRefunds.toString(),
      s.payouts.toString(),
      s.lateFees.toString(),
    ];
    values.forEach((value, index) => cols[index]?.push(value));
  }
  await tx.query(
    `insert into credit_line_statements
       (customer_id, line_id, seq, statement_date, due_date, period_start, period_end, opening_balance, purchases,
        refunds, payments, fees, interest, instalment_principal, converted, closing_balance, minimum_payment,
        instalments_not_yet_billed, instalments, instalment_refunds, payouts, late_fees, created_at)
     select s.customer_id, s.line_id, s.seq, s.statement_date, s.due_date, s.period_start, s.period_end,
            s.opening_balance, s.purchases, s.refunds, s.payments, s.fees, s.interest, s.instalment_principal,
            s.converted, s.closing_balance, s.minimum_payment, s.instalments_not_yet_billed, s.instalments::jsonb,
            s.instalment_refunds, s.payouts, s.late_fees, $23
       from unnest($1::text[], $2::text[], $3::int[], $4::date[], $5::date[], $6::date[], $7::date[], $8::bigint[],
                   $9::bigint[], $10::bigint[], $11::bigint[], $12::bigint[], $13::bigint[], $14::bigint[],
                   $15::bigint[], $16::bigint[], $17::bigint[], $18::bigint[], $19::text[], $20::bigint[],
                   $21::bigint[], $22::bigint[])
         as s (customer_id, line_id, seq, statement_date, due_date, period_start, period_end, opening_balance,
               purchases, refunds, payments, fees, interest, instalment_principal, converted, closing_balance,
               minimum_payment, instalments_not_yet_billed, instalments, instalment_refunds, payouts, late_fees)`,
    [...cols.slice(0, 22), at],
  );
}

interface StatementRow {
  seq: number;
  statement_date: string;
  due_date: string;
  period_start: string;
  period_end: string;
  opening_balance: bigint;
  purchases: bigint;
  refunds: bigint;
  payments: bigint;
  fees: bigint;
  interest: bigint;
  instalment_principal: bigint;
  converted: bigint;
  closing_balance: bigint;
  minimum_payment: bigint;
  instalments_not_yet_billed: bigint;
  instalments: unknown;
  instalment_refunds: bigint;
  payouts: bigint;
  late_fees: bigint;
}

const STATEMENT_COLUMNS = `seq, statement_date::text as statement_date, due_date::text as due_date,
  period_start::text as period_start, period_end::text as period_end, opening_balance, purchases, refunds, payments,
  fees, interest, instalment_principal, converted, closing_balance, minimum_payment, instalments_not_yet_billed,
  instalments, instalment_refunds, payouts, late_fees`;

function toStatement(row: StatementRow): StatementDocument {
  const stored = (value: bigint): Money => moneyFromDb(value, 'credit_line_statements');
  return {
    seq: row.seq,
    statementDate: row.statement_date as LocalDate,
    dueDate: row.due_date as LocalDate,
    periodStart: row.period_start as LocalDate,
    periodEnd: row.period_end as LocalDate,
    openingBalance: stored(row.opening_balance),
    purchases: stored(row.purchases),
    refunds: stored(row.refunds),
    instalmentRefunds: stored(row.instalment_refunds),
    payments: stored(row.payments),
    payouts: stored(row.payouts),
    fees: stored(row.fees),
    lateFees: stored(row.late_fees),
    interest: stored(row.interest),
    instalmentPrincipal: stored(row.instalment_principal),
    converted: stored(row.converted),
    closingBalance: stored(row.closing_balance),
    minimumPayment: stored(row.minimum_payment),
    instalmentsNotYetBilled: stored(row.instalments_not_yet_billed),
    instalments: decodeStatementInstalments(row.instalments),
  };
}

/** A line's statements, oldest first. */
export async function listStatements(
  q: Queryable,
  customerId: string,
  lineId: string,
): Promise<StatementDocument[]> {
  const result = await q.query<StatementRow>(
    `select ${STATEMENT_COLUMNS} from credit_line_statements where customer_id = $1 and line_id = $2 order by seq`,
    [customerId, lineId],
  );
  return result.rows.map(toStatement);
}

export async function findStatement(
  q: Queryable,
  customerId: string,
  lineId: string,
  seq: number,
): Promise<StatementDocument | undefined> {
  const result = await q.query<StatementRow>(
    `select ${STATEMENT_COLUMNS} from credit_line_statements where customer_id = $1 and line_id = $2 and seq = $3`,
    [customerId, lineId, seq],
  );
  const [row] = result.rows;
  return row ? toStatement(row) : undefined;
}

/** Lines whose day-end is behind `date`, in id order after `afterId` (keyset paging). */
export async function linesBehind(
  q: Queryable,
  date: LocalDate,
  afterId: string,
  limit: number,
): Promise<{ customerId: string; id: string }[]> {
  const result = await q.query<{ customer_id: string; id: string }>(
    `select customer_id, id from credit_lines where processed_through < $1 and id > $2 order by id limit $3`,
    [date, afterId, limit],
  );
  return result.rows.map((row) => ({ customerId: row.customer_id, id: row.id }));
}

export async function countLinesBehind(q: Queryable, date: LocalDate): Promise<number> {
  const result = await q.query<{ n: bigint }>(
    'select count(*) as n from credit_lines where processed_through < $1',
    [date],
  );
  return Number(result.rows[0]?.n ?? 0n);
}

/**
 * Locks the given lines that are still behind `date`, in id order (a fixed lock order, so two batch workers
 * cannot deadlock). Lines a command advanced meanwhile drop out here.
 */
export async function lockLinesBehind(
  tx: Queryable,
  items: readonly { customerId: string; id: string }[],
  date: LocalDate,
): Promise<LineRecord[]> {
  const result = await tx.query<LineRow>(
    `select ${COLUMNS} from credit_lines
      where (customer_id, id) in (select * from unnest($1::text[], $2::text[])) and processed_through < $3
        and customer_id = any ($1::text[]) -- prunes to the chunk's shard on Citus (same rows)
      order by id for update`,
    [items.map((item) => item.customerId), items.map((item) => item.id), date],
  );
  return result.rows.map(toRecord);
}

/** The earliest day-end date any line still needs, if any. */
export async function earliestLineBehind(q: Queryable): Promise<LocalDate | undefined> {
  const result = await q.query<{ next: string | null }>(
    'select (min(processed_through) + 1)::text as next from credit_lines',
  );
  const next = result.rows[0]?.next;
  return next ? (next as LocalDate) : undefined;
}

/** A credit-line facility's identity and status, as locked for a line's booking. */
export interface FacilitySnapshot {
  readonly id: string;
  readonly status: FacilityStatus;
  readonly statusReason: string | null;
  /** The temporary limit as it stands (expired by the booking step once its last day has passed). */
  readonly temporary?: TemporaryLimit | null;
}

/**
 * Locks the credit-line facilities of many customers in customer order (the batch's first lock, as the
 * commands take it) and returns their status, which the line's suspension rule reads.
 */
export async function lockLineFacilities(
  tx: Queryable,
  customerIds: readonly string[],
): Promise<Map<string, FacilitySnapshot>> {
  const out = new Map<string, FacilitySnapshot>();
  if (customerIds.length === 0) return out;
  const result = await tx.query<{
    customer_id: string;
    id: string;
    status: string;
    status_reason: string | null;
    temporary_amount: bigint;
    temporary_until: string | null;
  }>(
    `select customer_id, id, status, status_reason, temporary_amount, temporary_until::text as temporary_until
       from credit_facilities
      where customer_id = any ($1::text[]) and product = 'credit-line'
      order by customer_id, id for update`,
    [[...new Set(customerIds)]],
  );
  for (const row of result.rows) {
    out.set(row.customer_id, {
      id: row.id,
      status: parseFacilityStatus(row.status),
      statusReason: row.status_reason,
      temporary:
        row.temporary_until === null
          ? null
          : {
              amount: moneyFromDb(row.temporary_amount, 'credit_facilities.temporary_amount'),
              until: row.temporary_until as LocalDate,
            },
    });
  }
  return out;
}

/** Inserts new lines in one statement (seeding large books). */
export async function insertLines(
  tx: Queryable,
  lines: readonly { terms: LineTerms; state: LineState; nextEventSeq: number }[],
  at: Date,
): Promise<void> {
  if (lines.length === 0) return;
  const cols: unknown[][] = Array.from({ length: 13 }, () => []);
  for (const { terms, state, nextEventSeq } of lines) {
    const values: unknown[] = [
      terms.customerId,
      terms.lineId,
      terms.facilityId,
      terms.productCode,
      terms.statementDay,
      'dayOfMonth' in terms.due ? terms.due.dayOfMonth : null,
      'daysAfterStatement' in terms.due ? terms.due.daysAfterStatement : null,
      terms.openedOn,
      toJson(encodeTerms(terms)),
      state.processedThrough,
      state.nextStatementDate,
      toJson(encodeLineState(state)),
      nextEventSeq,
    ];
    values.forEach((value, index) => cols[index]?.push(value));
  }
  await tx.query(
    `insert into credit_lines (customer_id, id, facility_id, product_code, statement_day, due_day,
                               due_days_after_statement, opened_on, terms, processed_through, next_statement_date,
                               state, next_event_seq, created_at, updated_at)
     select l.customer_id, l.id, l.facility_id, l.product_code, l.statement_day, l.due_day, l.due_days,
            l.opened_on, l.terms::jsonb, l.processed_through, l.next_statement_date, l.state::jsonb, l.seq, $14, $14
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::smallint[], $6::smallint[], $7::smallint[],
                   $8::date[], $9::text[], $10::date[], $11::date[], $12::text[], $13::int[])
         as l (customer_id, id, facility_id, product_code, statement_day, due_day, due_days, opened_on, terms,
               processed_through, next_statement_date, state, seq)`,
    [...cols, at],
  );
}

/** Inserts events of many lines in one statement (seeding large books). */
export async function insertLineEvents(
  tx: Queryable,
  events: readonly { customerId: string; lineId: string; event: LineEvent }[],
  at: Date,
): Promise<void> {
  if (events.length === 0) return;
  const cols: unknown[][] = Array.from({ length: 8 }, () => []);
  for (const { customerId, lineId, event } of events) {
    const { ref, detail } = eventColumns(event);
    [
      customerId,
      lineId,
      event.seq,
      event.kind,
      event.effectiveDate,
      event.amount.toString(),
      ref,
      toJson(detail),
    ].forEach((value, index) => cols[index]?.push(value));
  }
  await tx.query(
    `insert into credit_line_events (customer_id, line_id, seq, kind, effective_date, amount, ref_id, detail, received_at)
     select e.customer_id, e.line_id, e.seq, e.kind, e.effective_date, e.amount, e.ref_id, e.detail::jsonb, $9
       from unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::date[], $6::bigint[], $7::text[], $8::text[])
         as e (customer_id, line_id, seq, kind, effective_date, amount, ref_id, detail)`,
    [...cols, at],
  );
}

/** One change of a line besides money events (migration 0505): close, limits, statement day. */
export interface LineChangeRecord {
  readonly seq: number;
  readonly kind: LineChangeKind;
  readonly effectiveDate: LocalDate;
  readonly detail: Readonly<Record<string, unknown>>;
  /** 'customer', 'staff:<id>', 'key:<id>' or 'system'. */
  readonly requestedBy: string;
  readonly reason: string | null;
  readonly createdAt: Date;
}

/** Appends a change to the line's history (the caller holds the line's lock, so seq is the next one). */
export async function insertLineChange(
  tx: Queryable,
  customerId: string,
  lineId: string,
  change: Omit<LineChangeRecord, 'seq' | 'createdAt'>,
  at: Date,
): Promise<number> {
  const result = await tx.query<{ seq: number }>(
    `insert into credit_line_changes
       (customer_id, line_id, seq, kind, effective_date, detail, requested_by, reason, created_at)
     select $1, $2, coalesce(max(seq), 0) + 1, $3, $4, $5::jsonb, $6, $7, $8
       from credit_line_changes where customer_id = $1 and line_id = $2
     returning seq`,
    [
      customerId,
      lineId,
      change.kind,
      change.effectiveDate,
      toJson(change.detail),
      change.requestedBy,
      change.reason,
      at,
    ],
  );
  return result.rows[0]?.seq ?? 0;
}

export async function listLineChanges(
  q: Queryable,
  customerId: string,
  lineId: string,
): Promise<LineChangeRecord[]> {
  const result = await q.query<{
    seq: number;
    kind: LineChangeKind;
    effective_date: string;
    detail: Record<string, unknown>;
    requested_by: string;
    reason: string | null;
    created_at: Date;
  }>(
    `select seq, kind, effective_date::text as effective_date, detail, requested_by, reason, created_at
       from credit_line_changes where customer_id = $1 and line_id = $2 order by seq`,
    [customerId, lineId],
  );
  return result.rows.map((row) => ({
    seq: row.seq,
    kind: row.kind,
    effectiveDate: row.effective_date as LocalDate,
    detail: row.detail,
    requestedBy: row.requested_by,
    reason: row.reason,
    createdAt: row.created_at,
  }));
}

/** Marks the line closed on a date (the caller holds the line's lock). */
export async function markLineClosed(
  tx: Queryable,
  customerId: string,
  lineId: string,
  closedOn: LocalDate,
  at: Date,
): Promise<void> {
  await tx.query(
    'update credit_lines set closed_on = $3, updated_at = $4 where customer_id = $1 and id = $2',
    [customerId, lineId, closedOn, at],
  );
}

/** Sets or lifts (null) the customer's limit cap. */
export async function setCustomerLimitCap(
  tx: Queryable,
  customerId: string,
  lineId: string,
  cap: Money | null,
  at: Date,
): Promise<void> {
  await tx.query(
    'update credit_lines set customer_limit_cap = $3, updated_at = $4 where customer_id = $1 and id = $2',
    [customerId, lineId, cap, at],
  );
}

/**
 * Sets (or removes, null) the temporary limit of a credit-line facility (migration 0506). The facility's
 * terms, status and version are not changed: the line's history records the grant and the expiry.
 */
export async function setTemporaryLimit(
  tx: Queryable,
  customerId: string,
  facilityId: string,
  temporary: TemporaryLimit | null,
  at: Date,
): Promise<void> {
  await tx.query(
    `update credit_facilities set temporary_amount = $3, temporary_until = $4, updated_at = $5
      where customer_id = $1 and id = $2`,
    [customerId, facilityId, temporary?.amount ?? 0n, temporary?.until ?? null, at],
  );
}

/** Writes a line's terms after a change of its statement day (the column holds the day now in force). */
export async function saveLineTerms(tx: Queryable, terms: LineTerms, at: Date): Promise<void> {
  await tx.query(
    `update credit_lines set terms = $3::jsonb, statement_day = $4, updated_at = $5
      where customer_id = $1 and id = $2`,
    [terms.customerId, terms.lineId, toJson(encodeTerms(terms)), currentStatementDay(terms), at],
  );
}
