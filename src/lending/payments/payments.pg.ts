import { inCustomerPartition, type CustomerPartition } from '../../platform/database/customer-partition.ts';
import type { Queryable } from '../../platform/database/database.ts';
import { moneyFromDb, type Money } from '../../platform/money/money.ts';
import { addDays, type LocalDate } from '../../platform/time/local-date.ts';
import type { DayEndItem } from '../eod/day-end.ts';
import type { AutoRepayNotice } from './auto-repay.ts';
import type { PaymentFailureReason } from './payment-provider.ts';

/** Storage of auto-repay: mandates, their consents, and payment attempts (migration 0430). */

export type AutoRepayProduct = 'cash_loan' | 'credit_line';

/**
 * What a credit line's auto-repay collects on a statement: its full balance still unpaid (`full`, the
 * default) or its minimum payment still unmet (`minimum`). A cash loan has none (everything due).
 */
export type AmountRule = 'full' | 'minimum';
export const AMOUNT_RULES: readonly AmountRule[] = ['full', 'minimum'];

export interface Mandate {
  readonly customerId: string;
  readonly accountId: string;
  readonly product: AutoRepayProduct;
  readonly cardId: string;
  readonly enabled: boolean;
  readonly noticeVersion: number;
  /** A credit line's amount rule; null for a cash loan. */
  readonly amountRule: AmountRule | null;
  readonly processedThrough: LocalDate;
  readonly updatedAt: Date;
}

export interface AutoRepayConsent {
  readonly seq: number;
  readonly granted: boolean;
  readonly cardId: string | null;
  readonly noticeVersion: number | null;
  readonly noticeHash: string | null;
  /** The amount rule granted (credit lines' grants only). */
  readonly amountRule: AmountRule | null;
  readonly actorKind: 'customer' | 'staff';
  readonly actor: string;
  readonly recordedAt: Date;
}

export type AttemptStatus = 'requested' | 'unknown' | 'succeeded' | 'failed';

export interface PaymentAttempt {
  readonly customerId: string;
  readonly paymentId: string;
  readonly accountId: string;
  readonly product: AutoRepayProduct;
  readonly businessDate: LocalDate;
  readonly dueDate: LocalDate;
  readonly tryNumber: number;
  readonly amount: Money;
  readonly cardId: string;
  readonly cardLast4: string;
  readonly status: AttemptStatus;
  readonly failureReason: PaymentFailureReason | 'account_settled' | null;
  readonly providerRef: string | null;
  readonly bookedSeq: number | null;
  readonly providerCalls: number;
  readonly createdAt: Date;
  readonly resolvedAt: Date | null;
}

interface MandateRow {
  customer_id: string;
  account_id: string;
  product: AutoRepayProduct;
  card_id: string;
  enabled: boolean;
  notice_version: number;
  amount_rule: AmountRule | null;
  processed_through: string;
  updated_at: Date;
}

const MANDATE_COLUMNS = `customer_id, account_id, product, card_id, enabled, notice_version, amount_rule,
  processed_through::text as processed_through, updated_at`;

function mandateOf(row: MandateRow): Mandate {
  return {
    customerId: row.customer_id,
    accountId: row.account_id,
    product: row.product,
    cardId: row.card_id,
    enabled: row.enabled,
    noticeVersion: row.notice_version,
    amountRule: row.amount_rule,
    processedThrough: row.processed_through as LocalDate,
    updatedAt: row.updated_at,
  };
}

export async function findMandate(
  q: Queryable,
  customerId: string,
  accountId: string,
  options: { lock?: boolean } = {},
): Promise<Mandate | undefined> {
  const { rows } = await q.query<MandateRow>(
    `select ${MANDATE_COLUMNS} from auto_repay_mandates where customer_id = $1 and account_id = $2
     ${options.lock ? 'for update' : ''}`,
    [customerId, accountId],
  );
  return rows[0] ? mandateOf(rows[0]) : undefined;
}

/**
 * The amount rules of the mandates of `accounts`, in one statement (settling a page of attempts reads them
 * once, not once an attempt). An account without a mandate is absent.
 */
export async function mandateAmountRules(
  q: Queryable,
  accounts: readonly { customerId: string; accountId: string }[],
): Promise<Map<string, AmountRule | null>> {
  if (accounts.length === 0) return new Map();
  const { rows } = await q.query<{ account_id: string; amount_rule: AmountRule | null }>(
    `select account_id, amount_rule from auto_repay_mandates
      where (customer_id, account_id) in (select * from unnest($1::text[], $2::text[]))
        and customer_id = any ($1::text[])`,
    [accounts.map((a) => a.customerId), accounts.map((a) => a.accountId)],
  );
  return new Map(rows.map((row) => [row.account_id, row.amount_rule]));
}

/** Writes the mandate's new state (insert or update) and appends the consent that changed it. */
export async function saveMandate(
  q: Queryable,
  mandate: Omit<Mandate, 'updatedAt'>,
  consent: Omit<AutoRepayConsent, 'seq' | 'recordedAt'>,
  at: Date,
): Promise<number> {
  await q.query(
    `insert into auto_repay_mandates (customer_id, account_id, product, card_id, enabled, notice_version,
       processed_through, created_at, updated_at, amount_rule)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9)
     on conflict (customer_id, account_id) do update set card_id = excluded.card_id,
       enabled = excluded.enabled, notice_version = excluded.notice_version,
       amount_rule = excluded.amount_rule,
       processed_through = greatest(auto_repay_mandates.processed_through, excluded.processed_through),
       updated_at = excluded.updated_at`,
    [
      mandate.customerId,
      mandate.accountId,
      mandate.product,
      mandate.cardId,
      mandate.enabled,
      mandate.noticeVersion,
      mandate.processedThrough,
      at,
      mandate.amountRule,
    ],
  );
  const { rows } = await q.query<{ seq: number }>(
    `insert into auto_repay_consents (customer_id, account_id, seq, granted, card_id, notice_version,
       notice_hash, actor_kind, actor, recorded_at, amount_rule)
     select $1, $2, coalesce(max(seq), 0) + 1, $3, $4, $5, $6, $7, $8, $9, $10
       from auto_repay_consents where customer_id = $1 and account_id = $2
     returning seq`,
    [
      mandate.customerId,
      mandate.accountId,
      consent.granted,
      consent.cardId,
      consent.noticeVersion,
      consent.noticeHash,
      consent.actorKind,
      consent.actor,
      at,
      consent.amountRule,
    ],
  );
  return (rows[0] as { seq: number }).seq;
}

export async function consentHistory(
  q: Queryable,
  customerId: string,
  accountId: string,
): Promise<AutoRepayConsent[]> {
  const { rows } = await q.query<{
    seq: number;
    granted: boolean;
    card_id: string | null;
    notice_version: number | null;
    notice_hash: string | null;
    amount_rule: AmountRule | null;
    actor_kind: 'customer' | 'staff';
    actor: string;
    recorded_at: Date;
  }>(
    `select seq, granted, card_id, notice_version, notice_hash, amount_rule, actor_kind, actor, recorded_at
       from auto_repay_consents where customer_id = $1 and account_id = $2 order by seq`,
    [customerId, accountId],
  );
  return rows.map((row) => ({
    seq: row.seq,
    granted: row.granted,
    cardId: row.card_id,
    noticeVersion: row.notice_version,
    noticeHash: row.notice_hash,
    amountRule: row.amount_rule,
    actorKind: row.actor_kind,
    actor: row.actor,
    recordedAt: row.recorded_at,
  }));
}

/** The last four digits of a bound card still bound (undefined when unknown or removed). */
export async function boundCardLast4(
  q: Queryable,
  customerId: string,
  cardId: string,
): Promise<string | undefined> {
  const { rows } = await q.query<{ last4: string }>(
    `select last4 from customer_cards where customer_id = $1 and card_id = $2 and removed_at is null`,
    [customerId, cardId],
  );
  return rows[0]?.last4;
}

/** The first date an enabled mandate still needs (its watermark + 1), if any. */
export async function earliestMandateBehind(q: Queryable): Promise<LocalDate | undefined> {
  const { rows } = await q.query<{ through: string | null }>(
    `select min(processed_through)::text as through from auto_repay_mandates where enabled`,
  );
  const through = rows[0]?.through;
  return through ? addDays(through as LocalDate, 1) : undefined;
}

export async function countMandatesBehind(q: Queryable, date: LocalDate): Promise<number> {
  const { rows } = await q.query<{ n: bigint | number }>(
    `select count(*) as n from auto_repay_mandates where enabled and processed_through < $1`,
    [date],
  );
  return Number(rows[0]?.n ?? 0);
}

/** Enabled mandates behind `date` after `afterId` (account-id order); with `partition`, its customers' only. */
export async function mandatesBehind(
  q: Queryable,
  date: LocalDate,
  afterId: string,
  limit: number,
  partition?: CustomerPartition,
): Promise<DayEndItem[]> {
  const params: unknown[] = [date, afterId, limit];
  const mine = inCustomerPartition(partition, 'customer_id', params);
  const { rows } = await q.query<{ customer_id: string; account_id: string }>(
    `select customer_id, account_id from auto_repay_mandates
      where enabled and processed_through < $1 and account_id > $2${mine} order by account_id limit $3`,
    params,
  );
  return rows.map((row) => ({ customerId: row.customer_id, id: row.account_id }));
}

/** Locks the mandates of `items` still behind `date` and enabled (in account-id order). */
export async function lockMandatesBehind(
  q: Queryable,
  items: readonly DayEndItem[],
  date: LocalDate,
): Promise<Mandate[]> {
  if (items.length === 0) return [];
  const { rows } = await q.query<MandateRow>(
    `select ${MANDATE_COLUMNS} from auto_repay_mandates
      where (customer_id, account_id) in (select * from unnest($1::text[], $2::text[]))
        and customer_id = any ($1::text[]) -- prunes to the chunk's shard on Citus (same rows)
        and enabled and processed_through < $3
      order by account_id for update`,
    [items.map((item) => item.customerId), items.map((item) => item.id), date],
  );
  return rows.map(mandateOf);
}

export async function advanceMandates(
  q: Queryable,
  mandates: readonly Pick<Mandate, 'customerId' | 'accountId'>[],
  date: LocalDate,
  at: Date,
): Promise<void> {
  if (mandates.length === 0) return;
  await q.query(
    `update auto_repay_mandates set processed_through = $3, updated_at = $4
      where (customer_id, account_id) in (select * from unnest($1::text[], $2::text[]))`,
    [mandates.map((m) => m.customerId), mandates.map((m) => m.accountId), date, at],
  );
}

/** Accounts of `items` with an attempt still waiting for the provider (no new try while one is open). */
export async function accountsWithOpenAttempt(
  q: Queryable,
  items: readonly Pick<Mandate, 'customerId' | 'accountId'>[],
): Promise<Set<string>> {
  if (items.length === 0) return new Set();
  const { rows } = await q.query<{ account_id: string }>(
    `select distinct account_id from payment_attempts
      where (customer_id, account_id) in (select * from unnest($1::text[], $2::text[]))
        and status in ('requested', 'unknown')`,
    [items.map((m) => m.customerId), items.map((m) => m.accountId)],
  );
  return new Set(rows.map((row) => row.account_id));
}

export interface NewAttempt {
  readonly customerId: string;
  readonly paymentId: string;
  readonly accountId: string;
  readonly product: AutoRepayProduct;
  readonly businessDate: LocalDate;
  readonly dueDate: LocalDate;
  readonly tryNumber: number;
  readonly amount: Money;
  readonly cardId: string;
}

/** Inserts attempts; one per account and business date (a second is ignored: the unique index). */
export async function insertAttempts(q: Queryable, attempts: readonly NewAttempt[], at: Date): Promise<void> {
  if (attempts.length === 0) return;
  await q.query(
    `insert into payment_attempts (customer_id, payment_id, purpose, account_id, product, business_date,
       due_date, try_number, amount, card_id, status, created_at, updated_at)
     select c, p, 'auto_repay', a, pr, bd, dd, tn, am, cd, 'requested', $10, $10
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::date[], $7::int[],
                   $8::bigint[], $9::text[]) as t(c, p, a, pr, bd, dd, tn, am, cd)
     on conflict (customer_id, account_id, business_date) do nothing`,
    [
      attempts.map((a) => a.customerId),
      attempts.map((a) => a.paymentId),
      attempts.map((a) => a.accountId),
      attempts.map((a) => a.product),
      attempts.map((a) => a.businessDate),
      attempts.map((a) => a.dueDate),
      attempts.map((a) => a.tryNumber),
      attempts.map((a) => a.amount.toString()),
      attempts.map((a) => a.cardId),
      at,
    ],
  );
}

interface AttemptRow {
  customer_id: string;
  payment_id: string;
  account_id: string;
  product: AutoRepayProduct;
  business_date: string;
  due_date: string;
  try_number: number;
  amount: bigint;
  card_id: string;
  last4: string | null;
  status: AttemptStatus;
  failure_reason: PaymentAttempt['failureReason'];
  provider_ref: string | null;
  booked_seq: number | null;
  provider_calls: number;
  created_at: Date;
  resolved_at: Date | null;
}

const ATTEMPT_COLUMNS = `a.customer_id, a.payment_id, a.account_id, a.product, a.business_date::text as business_date,
  a.due_date::text as due_date, a.try_number, a.amount, a.card_id, c.last4, a.status, a.failure_reason,
  a.provider_ref, a.booked_seq, a.provider_calls, a.created_at, a.resolved_at`;
const ATTEMPT_FROM = `payment_attempts a left join customer_cards c
  on c.customer_id = a.customer_id and c.card_id = a.card_id`;

function attemptOf(row: AttemptRow): PaymentAttempt {
  return {
    customerId: row.customer_id,
    paymentId: row.payment_id,
    accountId: row.account_id,
    product: row.product,
    businessDate: row.business_date as LocalDate,
    dueDate: row.due_date as LocalDate,
    tryNumber: row.try_number,
    amount: moneyFromDb(row.amount, 'payment_attempts.amount'),
    cardId: row.card_id,
    cardLast4: row.last4 ?? '0000',
    status: row.status,
    failureReason: row.failure_reason,
    providerRef: row.provider_ref,
    bookedSeq: row.booked_seq,
    providerCalls: row.provider_calls,
    createdAt: row.created_at,
    resolvedAt: row.resolved_at,
  };
}

/** Attempts waiting for the provider, business date up to `through`, after `afterId`, oldest id first. */
export async function unresolvedAttempts(
  q: Queryable,
  through: LocalDate,
  afterId: string,
  limit: number,
  partition?: CustomerPartition,
): Promise<PaymentAttempt[]> {
  const params: unknown[] = [through, afterId, limit];
  const mine = inCustomerPartition(partition, 'a.customer_id', params);
  const { rows } = await q.query<AttemptRow>(
    `select ${ATTEMPT_COLUMNS} from ${ATTEMPT_FROM}
      where a.status in ('requested', 'unknown') and a.business_date <= $1 and a.payment_id > $2${mine}
      order by a.payment_id limit $3`,
    params,
  );
  return rows.map(attemptOf);
}

export async function findAttempt(
  q: Queryable,
  customerId: string,
  paymentId: string,
  options: { lock?: boolean } = {},
): Promise<PaymentAttempt | undefined> {
  const { rows } = await q.query<AttemptRow>(
    `select ${ATTEMPT_COLUMNS} from ${ATTEMPT_FROM} where a.customer_id = $1 and a.payment_id = $2
     ${options.lock ? 'for update of a' : ''}`,
    [customerId, paymentId],
  );
  return rows[0] ? attemptOf(rows[0]) : undefined;
}

export async function listAttempts(
  q: Queryable,
  filter: { customerId: string; accountId?: string },
): Promise<PaymentAttempt[]> {
  const { rows } = await q.query<AttemptRow>(
    `select ${ATTEMPT_COLUMNS} from ${ATTEMPT_FROM}
      where a.customer_id = $1 and ($2::text is null or a.account_id = $2)
      order by a.payment_id`,
    [filter.customerId, filter.accountId ?? null],
  );
  return rows.map(attemptOf);
}

/** Records one call to the provider (counted before the call, so a crash during it still counts it). */
export async function countProviderCall(q: Queryable, customerId: string, paymentId: string, at: Date) {
  await q.query(
    `update payment_attempts set provider_calls = provider_calls + 1, updated_at = $3
      where customer_id = $1 and payment_id = $2`,
    [customerId, paymentId, at],
  );
}

/** Moves an unresolved attempt on: to unknown (timeout) or to its final state. */
export async function resolveAttempt(
  q: Queryable,
  customerId: string,
  paymentId: string,
  change:
    | { status: 'unknown' }
    | { status: 'succeeded'; providerRef: string | null; bookedSeq: number }
    | { status: 'failed'; reason: PaymentFailureReason | 'account_settled'; providerRef: string | null },
  at: Date,
): Promise<void> {
  await q.query(
    `update payment_attempts set status = $3, failure_reason = $4, provider_ref = $5, booked_seq = $6,
       updated_at = $7, resolved_at = case when $3 in ('succeeded', 'failed') then $7::timestamptz end
      where customer_id = $1 and payment_id = $2 and status in ('requested', 'unknown')`,
    [
      customerId,
      paymentId,
      change.status,
      change.status === 'failed' ? change.reason : null,
      change.status === 'unknown' ? null : change.providerRef,
      change.status === 'succeeded' ? change.bookedSeq : null,
      at,
    ],
  );
}

/**
 * The versions of the auto-repay notice stored in `consent_notices` (purpose `auto_repay`, migration 0824),
 * in version order: the words a customer accepted, with the SHA-256 the consent names.
 */
export async function autoRepayNoticeVersions(q: Queryable): Promise<AutoRepayNotice[]> {
  const { rows } = await q.query<{
    version: number;
    effective_from: Date;
    text_zh: string;
    text_en: string;
    sha256: string;
  }>(
    `select version, effective_from, text_zh, text_en, sha256 from consent_notices
      where purpose = 'auto_repay' order by version`,
  );
  return rows.map((row) => ({
    version: row.version,
    effectiveFrom: row.effective_from,
    text: { zh: row.text_zh, en: row.text_en },
    sha256: row.sha256,
  }));
}
