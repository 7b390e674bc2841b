import { inCustomerPartition, type CustomerPartition } from '../platform/database/customer-partition.ts';
import type { Queryable } from '../platform/database/database.ts';
import { moneyFromDb, type Money } from '../platform/money/money.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import type {
  CaseBucket,
  CaseEvent,
  CaseEventKind,
  CloseReason,
  CollectionCase,
  CollectionProduct,
  CollectorRef,
} from './collection-case.ts';
import type { CollectionContact, ContactChannel, ContactOutcome } from './collection-contact.ts';
import type { PromiseStatus, PromiseToPay } from './promise-to-pay.ts';

/**
 * Storage of the collections context (migration 0841): cases, their history, promises and the contact log.
 * Functions take the caller's executor; the use case owns the transaction. Batched writes go through
 * `unnest` (one statement for any number of rows).
 */

/** An account the day-end looks at, by its customer and id. */
export interface AccountRef {
  readonly customerId: string;
  readonly id: string;
}

interface CaseRow {
  customer_id: string;
  id: string;
  account_id: string;
  product: string;
  opened_on: string;
  status: string;
  bucket: string;
  days_past_due: number;
  amount_past_due: bigint;
  oldest_due_date: string | null;
  priority: number;
  broken_promises: number;
  observed_through: string;
  closed_on: string | null;
  close_reason: string | null;
  claimed_by_id: string | null;
  claimed_by_name: string | null;
  claimed_at: Date | null;
  claim_expires_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const CASE_COLUMNS = `customer_id, id, account_id, product, opened_on::text as opened_on, status, bucket,
  days_past_due, amount_past_due, oldest_due_date::text as oldest_due_date, priority, broken_promises,
  observed_through::text as observed_through, closed_on::text as closed_on, close_reason, claimed_by_id,
  claimed_by_name, claimed_at, claim_expires_at, created_at, updated_at`;

function caseOf(row: CaseRow): CollectionCase {
  return {
    customerId: row.customer_id,
    id: row.id,
    accountId: row.account_id,
    product: row.product as CollectionProduct,
    openedOn: row.opened_on as LocalDate,
    status: row.status === 'closed' ? 'closed' : 'open',
    bucket: row.bucket as CaseBucket,
    daysPastDue: row.days_past_due,
    amountPastDue: moneyFromDb(row.amount_past_due, 'collection_cases.amount_past_due'),
    oldestDueDate: row.oldest_due_date as LocalDate | null,
    priority: row.priority,
    brokenPromises: row.broken_promises,
    observedThrough: row.observed_through as LocalDate,
    closedOn: row.closed_on as LocalDate | null,
    closeReason: row.close_reason as CloseReason | null,
    claimedBy:
      row.claimed_by_id !== null && row.claimed_by_name !== null
        ? { id: row.claimed_by_id, name: row.claimed_by_name }
        : null,
    claimedAt: row.claimed_at,
    claimExpiresAt: row.claim_expires_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const refArrays = (refs: readonly AccountRef[]) => [
  refs.map((ref) => ref.customerId),
  refs.map((ref) => ref.id),
];

/**
 * Accounts with an open case or a pending promise, in account-id order after `afterId`, at most `limit`;
 * with `partition`, only its customers' (a day-end partition's own).
 */
export async function trackedAccounts(
  q: Queryable,
  afterId: string,
  limit: number,
  partition?: CustomerPartition,
): Promise<AccountRef[]> {
  const params: unknown[] = [afterId, limit];
  const mine = inCustomerPartition(partition, 'customer_id', params);
  const result = await q.query<{ customer_id: string; account_id: string }>(
    `select customer_id, account_id from (
       (select customer_id, account_id from collection_cases
         where status = 'open' and account_id > $1${mine} order by account_id limit $2)
       union
       (select customer_id, account_id from collection_promises
         where status = 'pending' and account_id > $1${mine} order by account_id limit $2)
     ) tracked order by account_id limit $2`,
    params,
  );
  return result.rows.map((row) => ({ customerId: row.customer_id, id: row.account_id }));
}

export async function countTrackedAccounts(q: Queryable): Promise<number> {
  const result = await q.query<{ n: bigint }>(
    `select count(*) as n from (
       select customer_id, account_id from collection_cases where status = 'open'
       union
       select customer_id, account_id from collection_promises where status = 'pending') tracked`,
  );
  return Number(result.rows[0]?.n ?? 0n);
}

/** The open cases of the accounts, locked, in a fixed order (account id) so two workers cannot deadlock. */
export async function lockOpenCases(tx: Queryable, refs: readonly AccountRef[]): Promise<CollectionCase[]> {
  if (refs.length === 0) return [];
  const result = await tx.query<CaseRow>(
    `select ${CASE_COLUMNS} from collection_cases
      where (customer_id, account_id) in (select * from unnest($1::text[], $2::text[]))
        and customer_id = any ($1::text[]) and status = 'open'
      order by account_id for update`,
    refArrays(refs),
  );
  return result.rows.map(caseOf);
}

/** The last date a case of each account closed (accounts with a closed case only). */
export async function lastClosedOn(
  q: Queryable,
  refs: readonly AccountRef[],
): Promise<Map<string, LocalDate>> {
  if (refs.length === 0) return new Map();
  const result = await q.query<{ account_id: string; closed_on: string }>(
    `select account_id, max(closed_on)::text as closed_on from collection_cases
      where (customer_id, account_id) in (select * from unnest($1::text[], $2::text[]))
        and customer_id = any ($1::text[]) and status = 'closed'
      group by account_id`,
    refArrays(refs),
  );
  return new Map(result.rows.map((row) => [row.account_id, row.closed_on as LocalDate]));
}

/** The highest event seq of each case (0 for a case without events). */
export async function lastEventSeqs(
  q: Queryable,
  cases: readonly { readonly customerId: string; readonly id: string }[],
): Promise<Map<string, number>> {
  if (cases.length === 0) return new Map();
  const result = await q.query<{ case_id: string; seq: number }>(
    `select case_id, max(seq) as seq from collection_case_events
      where (customer_id, case_id) in (select * from unnest($1::text[], $2::text[]))
        and customer_id = any ($1::text[])
      group by case_id`,
    [cases.map((c) => c.customerId), cases.map((c) => c.id)],
  );
  return new Map(result.rows.map((row) => [row.case_id, Number(row.seq)]));
}

/** New cases (one statement for any number). */
export async function insertCases(tx: Queryable, cases: readonly CollectionCase[]): Promise<void> {
  if (cases.length === 0) return;
  await tx.query(
    `insert into collection_cases (customer_id, id, account_id, product, opened_on, status, bucket, days_past_due,
       amount_past_due, oldest_due_date, priority, broken_promises, observed_through, created_at, updated_at)
     select v.customer_id, v.id, v.account_id, v.product, v.opened_on, 'open', v.bucket, v.days_past_due,
            v.amount_past_due, v.oldest_due_date, v.priority, 0, v.opened_on, $10, $10
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::text[], $7::int[],
                   $8::bigint[], $9::date[], $11::smallint[])
         as v (customer_id, id, account_id, product, opened_on, bucket, days_past_due, amount_past_due,
               oldest_due_date, priority)`,
    [
      cases.map((c) => c.customerId),
      cases.map((c) => c.id),
      cases.map((c) => c.accountId),
      cases.map((c) => c.product),
      cases.map((c) => c.openedOn),
      cases.map((c) => c.bucket),
      cases.map((c) => c.daysPastDue),
      cases.map((c) => c.amountPastDue.toString()),
      cases.map((c) => c.oldestDueDate),
      cases[0]?.createdAt,
      cases.map((c) => c.priority),
    ],
  );
}

/** The day step's changes to open cases: figures, bucket, priority, the date seen, and closing. */
export async function saveCaseSteps(
  tx: Queryable,
  cases: readonly CollectionCase[],
  at: Date,
): Promise<void> {
  if (cases.length === 0) return;
  await tx.query(
    `update collection_cases c
        set status = v.status, bucket = v.bucket, days_past_due = v.days_past_due,
            amount_past_due = v.amount_past_due, oldest_due_date = v.oldest_due_date, priority = v.priority,
            broken_promises = v.broken_promises, observed_through = v.observed_through,
            closed_on = v.closed_on, close_reason = v.close_reason,
            claimed_by_id = case when v.status = 'closed' then null else c.claimed_by_id end,
            claimed_by_name = case when v.status = 'closed' then null else c.claimed_by_name end,
            claimed_at = case when v.status = 'closed' then null else c.claimed_at end,
            claim_expires_at = case when v.status = 'closed' then null else c.claim_expires_at end,
            updated_at = $13
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::bigint[], $7::date[],
                   $8::smallint[], $9::int[], $10::date[], $11::date[], $12::text[])
         as v (customer_id, id, status, bucket, days_past_due, amount_past_due, oldest_due_date, priority,
               broken_promises, observed_through, closed_on, close_reason)
      where c.customer_id = v.customer_id and c.id = v.id and c.customer_id = any ($1::text[])`,
    [
      cases.map((c) => c.customerId),
      cases.map((c) => c.id),
      cases.map((c) => c.status),
      cases.map((c) => c.bucket),
      cases.map((c) => c.daysPastDue),
      cases.map((c) => c.amountPastDue.toString()),
      cases.map((c) => c.oldestDueDate),
      cases.map((c) => c.priority),
      cases.map((c) => c.brokenPromises),
      cases.map((c) => c.observedThrough),
      cases.map((c) => c.closedOn),
      cases.map((c) => c.closeReason),
      at,
    ],
  );
}

/** A case event with where it goes. */
export interface StoredCaseEvent extends CaseEvent {
  readonly customerId: string;
  readonly caseId: string;
  readonly seq: number;
}

export async function insertCaseEvents(
  tx: Queryable,
  events: readonly StoredCaseEvent[],
  at: Date,
): Promise<void> {
  if (events.length === 0) return;
  await tx.query(
    `insert into collection_case_events (customer_id, case_id, seq, kind, occasion, business_date, from_bucket,
       to_bucket, days_past_due, amount_past_due, detail, recorded_at)
     select v.customer_id, v.case_id, v.seq, v.kind, v.occasion, v.business_date, v.from_bucket, v.to_bucket,
            v.days_past_due, v.amount_past_due, v.detail::jsonb, $12
       from unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::date[], $7::text[],
                   $8::text[], $9::int[], $10::bigint[], $11::text[])
         as v (customer_id, case_id, seq, kind, occasion, business_date, from_bucket, to_bucket, days_past_due,
               amount_past_due, detail)`,
    [
      events.map((e) => e.customerId),
      events.map((e) => e.caseId),
      events.map((e) => e.seq),
      events.map((e) => e.kind),
      events.map((e) => e.occasion),
      events.map((e) => e.businessDate),
      events.map((e) => e.fromBucket),
      events.map((e) => e.toBucket),
      events.map((e) => e.daysPastDue),
      events.map((e) => e.amountPastDue.toString()),
      events.map((e) => JSON.stringify(e.detail)),
      at,
    ],
  );
}

interface EventRow {
  seq: number;
  kind: string;
  occasion: string;
  business_date: string;
  from_bucket: string | null;
  to_bucket: string | null;
  days_past_due: number;
  amount_past_due: bigint;
  detail: Record<string, unknown>;
  recorded_at: Date;
}

/** A case's history in order. */
export async function caseEvents(
  q: Queryable,
  customerId: string,
  caseId: string,
): Promise<(StoredCaseEvent & { recordedAt: Date })[]> {
  const result = await q.query<EventRow>(
    `select seq, kind, occasion, business_date::text as business_date, from_bucket, to_bucket, days_past_due,
            amount_past_due, detail, recorded_at
       from collection_case_events where customer_id = $1 and case_id = $2 order by seq`,
    [customerId, caseId],
  );
  return result.rows.map((row) => ({
    customerId,
    caseId,
    seq: row.seq,
    kind: row.kind as CaseEventKind,
    occasion: row.occasion,
    businessDate: row.business_date as LocalDate,
    fromBucket: row.from_bucket as CaseBucket | null,
    toBucket: row.to_bucket as CaseBucket | null,
    daysPastDue: row.days_past_due,
    amountPastDue: moneyFromDb(row.amount_past_due, 'collection_case_events.amount_past_due'),
    detail: row.detail,
    recordedAt: row.recorded_at,
  }));
}

interface PromiseRow {
  customer_id: string;
  id: string;
  case_id: string;
  account_id: string;
  made_on: string;
  due_date: string;
  amount: bigint;
  status: string;
  resolved_on: string | null;
  paid: bigint | null;
  made_by_id: string;
  made_by_name: string;
  note: string | null;
  created_at: Date;
  resolved_at: Date | null;
}

const PROMISE_COLUMNS = `customer_id, id, case_id, account_id, made_on::text as made_on, due_date::text as due_date,
  amount, status, resolved_on::text as resolved_on, paid, made_by_id, made_by_name, note, created_at, resolved_at`;

function promiseOf(row: PromiseRow): PromiseToPay {
  return {
    customerId: row.customer_id,
    id: row.id,
    caseId: row.case_id,
    accountId: row.account_id,
    madeOn: row.made_on as LocalDate,
    dueDate: row.due_date as LocalDate,
    amount: moneyFromDb(row.amount, 'collection_promises.amount'),
    status: row.status as PromiseStatus,
    resolvedOn: row.resolved_on as LocalDate | null,
    paid: row.paid === null ? null : moneyFromDb(row.paid, 'collection_promises.paid'),
    madeBy: { id: row.made_by_id, name: row.made_by_name },
    note: row.note,
    createdAt: row.created_at,
    resolvedAt: row.resolved_at,
  };
}

/** The pending promises of the accounts, locked, in account order. */
export async function lockPendingPromises(
  tx: Queryable,
  refs: readonly AccountRef[],
): Promise<PromiseToPay[]> {
  if (refs.length === 0) return [];
  const result = await tx.query<PromiseRow>(
    `select ${PROMISE_COLUMNS} from collection_promises
      where (customer_id, account_id) in (select * from unnest($1::text[], $2::text[]))
        and customer_id = any ($1::text[]) and status = 'pending'
      order by account_id, id for update`,
    refArrays(refs),
  );
  return result.rows.map(promiseOf);
}

/** The earliest day a pending promise of each account was made (the start of its payments window). */
export async function promiseWindowStarts(
  q: Queryable,
  refs: readonly AccountRef[],
): Promise<Map<string, LocalDate>> {
  if (refs.length === 0) return new Map();
  const result = await q.query<{ account_id: string; made_on: string }>(
    `select account_id, min(made_on)::text as made_on from collection_promises
      where (customer_id, account_id) in (select * from unnest($1::text[], $2::text[]))
        and customer_id = any ($1::text[]) and status = 'pending'
      group by account_id`,
    refArrays(refs),
  );
  return new Map(result.rows.map((row) => [row.account_id, row.made_on as LocalDate]));
}

/** A pending promise the day-end resolved on a date, with what was paid in its window. */
export interface PromiseResolved {
  readonly promise: PromiseToPay;
  readonly status: 'kept' | 'broken';
  readonly paid: Money;
  readonly on: LocalDate;
}

export async function resolvePromises(
  tx: Queryable,
  resolved: readonly PromiseResolved[],
  at: Date,
): Promise<void> {
  if (resolved.length === 0) return;
  await tx.query(
    `update collection_promises p
        set status = v.status, paid = v.paid, resolved_on = v.resolved_on, resolved_at = $6
       from unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::date[])
         as v (customer_id, id, status, paid, resolved_on)
      where p.customer_id = v.customer_id and p.id = v.id and p.customer_id = any ($1::text[])
        and p.status = 'pending'`,
    [
      resolved.map((r) => r.promise.customerId),
      resolved.map((r) => r.promise.id),
      resolved.map((r) => r.status),
      resolved.map((r) => r.paid.toString()),
      resolved.map((r) => r.on),
      at,
    ],
  );
}

export async function insertPromise(tx: Queryable, promise: PromiseToPay): Promise<void> {
  await tx.query(
    `insert into collection_promises (customer_id, id, case_id, account_id, made_on, due_date, amount, status,
       made_by_id, made_by_name, note, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, 'pending', $8, $9, $10, $11)`,
    [
      promise.customerId,
      promise.id,
      promise.caseId,
      promise.accountId,
      promise.madeOn,
      promise.dueDate,
      promise.amount.toString(),
      promise.madeBy.id,
      promise.madeBy.name,
      promise.note,
      promise.createdAt,
    ],
  );
}

export async function findPromise(
  q: Queryable,
  customerId: string,
  id: string,
): Promise<PromiseToPay | undefined> {
  const result = await q.query<PromiseRow>(
    `select ${PROMISE_COLUMNS} from collection_promises where customer_id = $1 and id = $2`,
    [customerId, id],
  );
  const [row] = result.rows;
  return row ? promiseOf(row) : undefined;
}

export async function casePromises(
  q: Queryable,
  customerId: string,
  caseId: string,
): Promise<PromiseToPay[]> {
  const result = await q.query<PromiseRow>(
    `select ${PROMISE_COLUMNS} from collection_promises where customer_id = $1 and case_id = $2 order by id`,
    [customerId, caseId],
  );
  return result.rows.map(promiseOf);
}

/** A case by its id alone (the API's paths carry only the case id). */
export async function findCase(q: Queryable, caseId: string): Promise<CollectionCase | undefined> {
  const result = await q.query<CaseRow>(`select ${CASE_COLUMNS} from collection_cases where id = $1`, [
    caseId,
  ]);
  const [row] = result.rows;
  return row ? caseOf(row) : undefined;
}

export async function lockCase(
  tx: Queryable,
  customerId: string,
  caseId: string,
): Promise<CollectionCase | undefined> {
  const result = await tx.query<CaseRow>(
    `select ${CASE_COLUMNS} from collection_cases where customer_id = $1 and id = $2 for update`,
    [customerId, caseId],
  );
  const [row] = result.rows;
  return row ? caseOf(row) : undefined;
}

/** Every open case of a customer, locked (contacts are capped per customer: the lock serialises them). */
export async function lockCustomerOpenCases(tx: Queryable, customerId: string): Promise<void> {
  await tx.query(
    `select id from collection_cases where customer_id = $1 and status = 'open' order by id for update`,
    [customerId],
  );
}

/** Sets or clears (claim null) a collector's claim on an open case. */
export async function setClaim(
  tx: Queryable,
  current: CollectionCase,
  claim: { by: CollectorRef; at: Date; expiresAt: Date } | null,
  at: Date,
): Promise<void> {
  await tx.query(
    `update collection_cases set claimed_by_id = $3, claimed_by_name = $4, claimed_at = $5, claim_expires_at = $6,
            updated_at = $7
      where customer_id = $1 and id = $2 and status = 'open'`,
    [
      current.customerId,
      current.id,
      claim?.by.id ?? null,
      claim?.by.name ?? null,
      claim?.at ?? null,
      claim?.expiresAt ?? null,
      at,
    ],
  );
}

/** Raises nothing; appends a history line of a case outside the day-end (a promise made). */
export async function appendCaseEvent(
  tx: Queryable,
  current: CollectionCase,
  event: CaseEvent,
  at: Date,
): Promise<void> {
  const seqs = await lastEventSeqs(tx, [current]);
  await insertCaseEvents(
    tx,
    [{ ...event, customerId: current.customerId, caseId: current.id, seq: (seqs.get(current.id) ?? 0) + 1 }],
    at,
  );
}

export interface QueueFilter {
  readonly buckets: readonly CaseBucket[];
  readonly now: Date;
  /** `unclaimed`: no live claim; `mine`: claimed by this collector; `all`: both. */
  readonly claim: 'unclaimed' | 'mine' | 'all';
  readonly collectorId?: string;
  readonly product?: CollectionProduct;
  readonly limit: number;
}

/**
 * Open cases in queue order: priority, amount past due, days past due (highest first), then the oldest
 * case. A claim whose time ran out counts as no claim.
 */
export async function queue(q: Queryable, filter: QueueFilter): Promise<CollectionCase[]> {
  const params: unknown[] = [filter.buckets, filter.now, filter.limit];
  // $2 (now) is typed here once: the 'all' view does not otherwise read it.
  const where = [`status = 'open'`, `bucket = any ($1::text[])`, `$2::timestamptz is not null`];
  if (filter.claim === 'unclaimed') where.push(`(claim_expires_at is null or claim_expires_at <= $2)`);
  if (filter.claim === 'mine') {
    params.push(filter.collectorId ?? '');
    where.push(`claim_expires_at > $2 and claimed_by_id = $${params.length}`);
  }
  if (filter.product) {
    params.push(filter.product);
    where.push(`product = $${params.length}`);
  }
  const result = await q.query<CaseRow>(
    `select ${CASE_COLUMNS} from collection_cases where ${where.join(' and ')}
      order by priority desc, amount_past_due desc, days_past_due desc, opened_on, id limit $3`,
    params,
  );
  return result.rows.map(caseOf);
}

/** Cases read ahead of a claim: the queue is scanned this many at a time. */
const CLAIM_WINDOW = 16;

/**
 * The first unclaimed case in queue order, locked, skipping any another collector is taking right now.
 *
 * The queue spans every customer, and Citus locks rows only in single-shard statements: so the queue is
 * read without a lock, `CLAIM_WINDOW` cases at a time (past the ones already tried), and each case in turn
 * is locked by its full key (`skip locked`) with the test repeated — a case another collector claimed in
 * between no longer passes it, one being claimed right now is skipped. Two collectors asking at once still
 * get two different cases.
 */
export async function nextUnclaimed(
  tx: Queryable,
  buckets: readonly CaseBucket[],
  now: Date,
): Promise<CollectionCase | undefined> {
  const unclaimed = `status = 'open' and bucket = any ($1::text[]) and (claim_expires_at is null or claim_expires_at <= $2)`;
  const passed: string[] = [];
  for (;;) {
    const window = await tx.query<{ customer_id: string; id: string }>(
      `select customer_id, id from collection_cases where ${unclaimed} and id <> all ($4::text[])
        order by priority desc, amount_past_due desc, days_past_due desc, opened_on, id
        limit $3`,
      [buckets, now, CLAIM_WINDOW, passed],
    );
    for (const candidate of window.rows) {
      const result = await tx.query<CaseRow>(
        `select ${CASE_COLUMNS} from collection_cases
          where customer_id = $3 and id = $4 and ${unclaimed} for update skip locked`,
        [buckets, now, candidate.customer_id, candidate.id],
      );
      const [row] = result.rows;
      if (row) return caseOf(row);
      passed.push(candidate.id);
    }
    if (window.rows.length < CLAIM_WINDOW) return undefined;
  }
}

interface ContactRow {
  customer_id: string;
  id: string;
  case_id: string;
  channel: string;
  outcome: string;
  note: string | null;
  promise_id: string | null;
  contacted_at: Date;
  by_id: string;
  by_name: string;
  recorded_at: Date;
  idempotency_key: string;
}

function contactOf(row: ContactRow): CollectionContact {
  return {
    customerId: row.customer_id,
    id: row.id,
    caseId: row.case_id,
    channel: row.channel as ContactChannel,
    outcome: row.outcome as ContactOutcome,
    party: 'customer',
    note: row.note,
    promiseId: row.promise_id,
    contactedAt: row.contacted_at,
    by: { id: row.by_id, name: row.by_name },
    recordedAt: row.recorded_at,
    idempotencyKey: row.idempotency_key,
  };
}

const CONTACT_COLUMNS = `customer_id, id, case_id, channel, outcome, note, promise_id, contacted_at, by_id, by_name,
  recorded_at, idempotency_key`;

/** The contact logged under the customer's idempotency key, if any. */
export async function findContactByKey(
  q: Queryable,
  customerId: string,
  key: string,
): Promise<CollectionContact | undefined> {
  const result = await q.query<ContactRow>(
    `select ${CONTACT_COLUMNS} from collection_contacts where customer_id = $1 and idempotency_key = $2`,
    [customerId, key],
  );
  const [row] = result.rows;
  return row ? contactOf(row) : undefined;
}

/** How many contacts with the customer were logged in [from, to). */
export async function countContacts(q: Queryable, customerId: string, from: Date, to: Date): Promise<number> {
  const result = await q.query<{ n: bigint }>(
    `select count(*) as n from collection_contacts
      where customer_id = $1 and contacted_at >= $2 and contacted_at < $3`,
    [customerId, from, to],
  );
  return Number(result.rows[0]?.n ?? 0n);
}

export async function insertContact(tx: Queryable, contact: CollectionContact): Promise<void> {
  await tx.query(
    `insert into collection_contacts (customer_id, id, case_id, channel, outcome, party, note, promise_id,
       contacted_at, by_id, by_name, recorded_at, idempotency_key)
     values ($1, $2, $3, $4, $5, 'customer', $6, $7, $8, $9, $10, $11, $12)`,
    [
      contact.customerId,
      contact.id,
      contact.caseId,
      contact.channel,
      contact.outcome,
      contact.note,
      contact.promiseId,
      contact.contactedAt,
      contact.by.id,
      contact.by.name,
      contact.recordedAt,
      contact.idempotencyKey,
    ],
  );
}

export async function caseContacts(
  q: Queryable,
  customerId: string,
  caseId: string,
): Promise<CollectionContact[]> {
  const result = await q.query<ContactRow>(
    `select ${CONTACT_COLUMNS} from collection_contacts where customer_id = $1 and case_id = $2
      order by contacted_at, id`,
    [customerId, caseId],
  );
  return result.rows.map(contactOf);
}
