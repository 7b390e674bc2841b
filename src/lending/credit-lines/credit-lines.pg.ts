import { toJson, type Queryable } from '../../platform/database/database.ts';
import { moneyFromDb, moneyFromDbOrNull, type Money } from '../../platform/money/money.ts';
import { parseRate, toExactRateString } from '../../platform/money/rate.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import { parseFacilityStatus } from '../facilities/facility.ts';
import type { FacilityStatus, TemporaryLimit } from '../facilities/facility.ts';
import type { LineChangeKind } from './line-lifecycle.ts';
import {
  decodeLineHardshipChange,
  decodeLineState,
  decodeStatementInstalments,
  encodeLineHardshipChange,
  decodeTerms,
  encodeLineState,
  encodeStatementInstalments,
  encodeTerms,
  planSourceJson,
  sourceOf,
} from './line-codec.ts';
import { lineBucket, lineDaysPastDue, type StatementDocument } from './line-servicing.ts';
import { contractStore, insertMany, updateMany } from '../shared/contract-store.pg.ts';
import type { BatchColumn, ContractBookkeeping } from '../shared/contract-store.pg.ts';
import type { LineEvent, LineState } from './line-state.ts';
import { currentStatementDay, type LineTerms } from './line-terms.ts';

/** Storage of credit lines, their events and statements (migrations 0501, 0504). Functions take the caller's transaction. */

export interface LineRecord extends ContractBookkeeping {
  readonly terms: LineTerms;
  readonly state: LineState;
  /** The business date the line was closed (migration 0505); null while open. */
  readonly closedOn: LocalDate | null;
  /** The limit the customer asked for: reviews never set the facility above it; null when none. */
  readonly customerLimitCap: Money | null;
}

interface LineRow {
  terms: unknown;
  state: unknown;
  closed_on: string | null;
  customer_limit_cap: bigint | null;
}

function toRecord(row: LineRow): Omit<LineRecord, keyof ContractBookkeeping> {
  return {
    terms: decodeTerms(row.terms),
    state: decodeLineState(row.state),
    closedOn: row.closed_on as LocalDate | null,
    customerLimitCap: moneyFromDbOrNull(row.customer_limit_cap, 'credit_lines.customer_limit_cap'),
  };
}

/** The credit lines' reads and locks on the shared contract store (every line is served by the day-end). */
export const lineStore = contractStore<LineRow, LineRecord>({
  table: 'credit_lines',
  columns: 'terms, state, closed_on::text as closed_on, customer_limit_cap',
  toRecord,
});

/** By id (`locateLine`), by `(customer, id)` (`findLine`, `lockLine` for update) and by customer (`listLines`). */
export const { locate: locateLine, find: findLine, lock: lockLine, list: listLines } = lineStore;

type NewLine = { terms: LineTerms; state: LineState; nextEventSeq?: number };

const LINE_COLUMNS: readonly BatchColumn<NewLine>[] = [
  { name: 'customer_id', type: 'text', of: ({ terms }) => terms.customerId },
  { name: 'id', type: 'text', of: ({ terms }) => terms.lineId },
  { name: 'facility_id', type: 'text', of: ({ terms }) => terms.facilityId },
  { name: 'product_code', type: 'text', of: ({ terms }) => terms.productCode },
  { name: 'statement_day', type: 'smallint', of: ({ terms }) => terms.statementDay },
  {
    name: 'due_day',
    type: 'smallint',
    of: ({ terms }) => ('dayOfMonth' in terms.due ? terms.due.dayOfMonth : null),
  },
  {
    name: 'due_days_after_statement',
    type: 'smallint',
    of: ({ terms }) => ('daysAfterStatement' in terms.due ? terms.due.daysAfterStatement : null),
  },
  { name: 'opened_on', type: 'date', of: ({ terms }) => terms.openedOn },
  { name: 'terms', type: 'jsonb', of: ({ terms }) => toJson(encodeTerms(terms)) },
  { name: 'processed_through', type: 'date', of: ({ state }) => state.processedThrough },
  { name: 'next_statement_date', type: 'date', of: ({ state }) => state.nextStatementDate },
  { name: 'state', type: 'jsonb', of: ({ state }) => toJson(encodeLineState(state)) },
  // A new line's first event gets seq 1 unless a seeded book brings its events along.
  { name: 'next_event_seq', type: 'int', of: ({ nextEventSeq }) => nextEventSeq ?? 1 },
];

/** Inserts new lines in one statement (one line opened, or a seeded book). */
export async function insertLines(tx: Queryable, lines: readonly NewLine[], at: Date): Promise<void> {
  await insertMany(tx, 'credit_lines', LINE_COLUMNS, lines, { columns: ['created_at', 'updated_at'], at });
}

/** The line drawn on a facility, if one was opened. */
export function findLineOfFacility(
  q: Queryable,
  customerId: string,
  facilityId: string,
): Promise<LineRecord | undefined> {
  return lineStore.findBy(q, customerId, 'facility_id', facilityId);
}

/** Writes lines' new states (one statement for any number); their event seq counters move too. */
export async function saveLineStates(
  tx: Queryable,
  lines: readonly { terms: LineTerms; state: LineState; nextEventSeq?: number }[],
  at: Date,
): Promise<void> {
  await updateMany(tx, 'credit_lines', STATE_COLUMNS, lines, at);
}

const STATE_COLUMNS: readonly BatchColumn<NewLine>[] = [
  { name: 'customer_id', type: 'text', of: ({ terms }) => terms.customerId },
  { name: 'id', type: 'text', of: ({ terms }) => terms.lineId },
  { name: 'processed_through', type: 'date', of: ({ state }) => state.processedThrough },
  { name: 'next_statement_date', type: 'date', of: ({ state }) => state.nextStatementDate },
  { name: 'days_past_due', type: 'int', of: ({ state }) => lineDaysPastDue(state, state.processedThrough) },
  {
    name: 'bucket',
    type: 'text',
    of: ({ terms, state }) => lineBucket(terms, state, state.processedThrough),
  },
  { name: 'state', type: 'jsonb', of: ({ state }) => toJson(encodeLineState(state)) },
  { name: 'written_off_on', type: 'date', of: ({ state }) => state.writtenOffOn ?? null },
  {
    name: 'next_event_seq',
    type: 'int',
    of: ({ nextEventSeq }) => nextEventSeq ?? null,
    set: 'coalesce(v.next_event_seq, l.next_event_seq)',
  },
  {
    name: 'last_due_seq',
    type: 'int',
    of: ({ state }) => state.dueOutcomes[state.dueOutcomes.length - 1]?.seq ?? 0,
  },
];

interface EventRow {
  seq: number;
  kind: string;
  effective_date: string;
  amount: bigint;
  ref_id: string | null;
  detail: Record<string, unknown>;
  reverses: number | null;
  reason: string | null;
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
      return {
        seq: row.seq,
        kind: 'payout',
        effectiveDate,
        amount,
        ...(row.ref_id === null ? {} : { payoutId: row.ref_id }),
      };
    case 'reserve':
    case 'release':
      return { seq: row.seq, kind: row.kind, effectiveDate, amount, payoutId: ref };
    case 'plan-settlement':
      return { seq: row.seq, kind: 'plan-settlement', effectiveDate, amount, planId: ref };
    case 'write-off':
      return {
        seq: row.seq,
        kind: 'write-off',
        effectiveDate,
        amount,
        reason: String(row.detail.reason ?? ''),
      };
    case 'hardship':
      return {
        seq: row.seq,
        kind: 'hardship',
        effectiveDate,
        amount,
        requestId: ref,
        change: decodeLineHardshipChange(row.detail),
      };
    case 'reversal':
      return {
        seq: row.seq,
        kind: 'reversal',
        effectiveDate,
        amount,
        reverses: Number(row.reverses),
        reason: row.reason === 'chargeback' ? 'chargeback' : 'returned',
      };
    default:
      return { seq: row.seq, kind: 'payment', effectiveDate, amount };
  }
}

export async function lineEvents(q: Queryable, customerId: string, lineId: string): Promise<LineEvent[]> {
  const result = await q.query<EventRow>(
    `select seq, kind, effective_date::text as effective_date, amount, ref_id, detail, reverses, reason
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
    case 'reversal':
      return { ref: null, detail: {} };
    case 'payout':
      return { ref: event.payoutId ?? null, detail: {} };
    case 'reserve':
    case 'release':
      return { ref: event.payoutId, detail: {} };
    case 'plan-settlement':
      return { ref: event.planId, detail: {} };
    case 'write-off':
      return { ref: null, detail: { reason: event.reason } };
    case 'hardship':
      return { ref: event.requestId, detail: encodeLineHardshipChange(event.change) };
  }
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

type StatementItem = { customerId: string; lineId: string; statement: StatementDocument };

const money = (name: string, of: (s: StatementDocument) => Money): BatchColumn<StatementItem> => ({
  name,
  type: 'bigint',
  of: ({ statement }) => of(statement),
});

const STATEMENT_INSERT: readonly BatchColumn<StatementItem>[] = [
  { name: 'customer_id', type: 'text', of: (item) => item.customerId },
  { name: 'line_id', type: 'text', of: (item) => item.lineId },
  { name: 'seq', type: 'int', of: ({ statement }) => statement.seq },
  { name: 'statement_date', type: 'date', of: ({ statement }) => statement.statementDate },
  { name: 'due_date', type: 'date', of: ({ statement }) => statement.dueDate },
  { name: 'period_start', type: 'date', of: ({ statement }) => statement.periodStart },
  { name: 'period_end', type: 'date', of: ({ statement }) => statement.periodEnd },
  money('opening_balance', (s) => s.openingBalance),
  money('purchases', (s) => s.purchases),
  money('refunds', (s) => s.refunds),
  money('payments', (s) => s.payments),
  money('fees', (s) => s.fees),
  money('interest', (s) => s.interest),
  money('instalment_principal', (s) => s.instalmentPrincipal),
  money('converted', (s) => s.converted),
  money('closing_balance', (s) => s.closingBalance),
  money('minimum_payment', (s) => s.minimumPayment),
  money('instalments_not_yet_billed', (s) => s.instalmentsNotYetBilled),
  {
    name: 'instalments',
    type: 'jsonb',
    of: ({ statement }) => toJson(encodeStatementInstalments(statement)),
  },
  money('instalment_refunds', (s) => s.instalmentRefunds),
  money('payouts', (s) => s.payouts),
  money('late_fees', (s) => s.lateFees),
  money('reversals', (s) => s.reversals),
  money('waivers', (s) => s.waivers),
];

/** Inserts cut statements of any number of lines in one statement. */
export async function insertStatements(
  tx: Queryable,
  statements: readonly StatementItem[],
  at: Date,
): Promise<void> {
  await insertMany(tx, 'credit_line_statements', STATEMENT_INSERT, statements, {
    columns: ['created_at'],
    at,
  });
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
  reversals: bigint;
  waivers: bigint;
}

const STATEMENT_COLUMNS = `seq, statement_date::text as statement_date, due_date::text as due_date,
  period_start::text as period_start, period_end::text as period_end, opening_balance, purchases, refunds, payments,
  fees, interest, instalment_principal, converted, closing_balance, minimum_payment, instalments_not_yet_billed,
  instalments, instalment_refunds, payouts, late_fees, reversals, waivers`;

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
    reversals: stored(row.reversals),
    waivers: stored(row.waivers),
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

type LineEventItem = { customerId: string; lineId: string; event: LineEvent };

const EVENT_COLUMNS: readonly BatchColumn<LineEventItem & { ref: string | null; detail: string }>[] = [
  { name: 'customer_id', type: 'text', of: (item) => item.customerId },
  { name: 'line_id', type: 'text', of: (item) => item.lineId },
  { name: 'seq', type: 'int', of: (item) => item.event.seq },
  { name: 'kind', type: 'text', of: (item) => item.event.kind },
  { name: 'effective_date', type: 'date', of: (item) => item.event.effectiveDate },
  { name: 'amount', type: 'bigint', of: (item) => item.event.amount },
  { name: 'ref_id', type: 'text', of: (item) => item.ref },
  { name: 'detail', type: 'jsonb', of: (item) => item.detail },
  {
    name: 'reverses',
    type: 'int',
    of: (item) => (item.event.kind === 'reversal' ? item.event.reverses : null),
  },
  {
    name: 'reason',
    type: 'text',
    of: (item) => (item.event.kind === 'reversal' ? item.event.reason : null),
  },
];

/** Inserts events of any number of lines in one statement (a command's event, or a seeded book's). */
export async function insertLineEvents(
  tx: Queryable,
  events: readonly LineEventItem[],
  at: Date,
): Promise<void> {
  const rows = events.map((item) => {
    const { ref, detail } = eventColumns(item.event);
    return { ...item, ref, detail: toJson(detail) };
  });
  await insertMany(tx, 'credit_line_events', EVENT_COLUMNS, rows, { columns: ['received_at'], at });
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
