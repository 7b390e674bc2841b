import type { Queryable } from '../../platform/database/database.ts';
import { moneyFromDb, type Money } from '../../platform/money/money.ts';
import type { PaymentFailureReason } from './payment-provider.ts';
import type { AutoRepayProduct } from './payments.pg.ts';

/** Storage of pay-outs of money held for customers through the provider (migration 0436). */

export type PayoutStatus = 'requested' | 'unknown' | 'paid' | 'failed';

export interface Payout {
  readonly customerId: string;
  readonly payoutId: string;
  readonly accountId: string;
  readonly product: AutoRepayProduct;
  readonly amount: Money;
  readonly cardId: string;
  readonly cardLast4: string;
  readonly idempotencyKey: string;
  readonly requestedBy: string;
  readonly status: PayoutStatus;
  readonly failureReason: PaymentFailureReason | null;
  readonly providerRef: string | null;
  /** The account's payout event, once paid. */
  readonly bookedSeq: number | null;
  readonly providerCalls: number;
  readonly createdAt: Date;
  readonly resolvedAt: Date | null;
}

interface PayoutRow {
  customer_id: string;
  payout_id: string;
  account_id: string;
  product: AutoRepayProduct;
  amount: bigint;
  card_id: string;
  last4: string | null;
  idempotency_key: string;
  requested_by: string;
  status: PayoutStatus;
  failure_reason: PaymentFailureReason | null;
  provider_ref: string | null;
  booked_seq: number | null;
  provider_calls: number;
  created_at: Date;
  resolved_at: Date | null;
}

const COLUMNS = `p.customer_id, p.payout_id, p.account_id, p.product, p.amount, p.card_id, c.last4,
  p.idempotency_key, p.requested_by, p.status, p.failure_reason, p.provider_ref, p.booked_seq,
  p.provider_calls, p.created_at, p.resolved_at`;
const FROM = `payouts p left join customer_cards c on c.customer_id = p.customer_id and c.card_id = p.card_id`;

function payoutOf(row: PayoutRow): Payout {
  return {
    customerId: row.customer_id,
    payoutId: row.payout_id,
    accountId: row.account_id,
    product: row.product,
    amount: moneyFromDb(row.amount, 'payouts.amount'),
    cardId: row.card_id,
    cardLast4: row.last4 ?? '0000',
    idempotencyKey: row.idempotency_key,
    requestedBy: row.requested_by,
    status: row.status,
    failureReason: row.failure_reason,
    providerRef: row.provider_ref,
    bookedSeq: row.booked_seq,
    providerCalls: row.provider_calls,
    createdAt: row.created_at,
    resolvedAt: row.resolved_at,
  };
}

export async function insertPayout(
  q: Queryable,
  p: Pick<
    Payout,
    | 'customerId'
    | 'payoutId'
    | 'accountId'
    | 'product'
    | 'amount'
    | 'cardId'
    | 'idempotencyKey'
    | 'requestedBy'
  >,
  at: Date,
): Promise<void> {
  await q.query(
    `insert into payouts (customer_id, payout_id, account_id, product, amount, card_id, idempotency_key,
       requested_by, status, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, 'requested', $9, $9)`,
    [
      p.customerId,
      p.payoutId,
      p.accountId,
      p.product,
      p.amount.toString(),
      p.cardId,
      p.idempotencyKey,
      p.requestedBy,
      at,
    ],
  );
}

export async function findPayout(
  q: Queryable,
  customerId: string,
  payoutId: string,
): Promise<Payout | undefined> {
  const { rows } = await q.query<PayoutRow>(
    `select ${COLUMNS} from ${FROM} where p.customer_id = $1 and p.payout_id = $2`,
    [customerId, payoutId],
  );
  return rows[0] ? payoutOf(rows[0]) : undefined;
}

export async function findPayoutByKey(
  q: Queryable,
  customerId: string,
  accountId: string,
  idempotencyKey: string,
): Promise<Payout | undefined> {
  const { rows } = await q.query<PayoutRow>(
    `select ${COLUMNS} from ${FROM}
      where p.customer_id = $1 and p.account_id = $2 and p.idempotency_key = $3`,
    [customerId, accountId, idempotencyKey],
  );
  return rows[0] ? payoutOf(rows[0]) : undefined;
}

/** What an account's pay-outs still waiting for the provider ask, in all (not yet booked: still held). */
export async function pendingPayoutTotal(
  q: Queryable,
  customerId: string,
  accountId: string,
): Promise<Money> {
  const { rows } = await q.query<{ total: bigint | null }>(
    `select sum(amount)::bigint as total from payouts
      where customer_id = $1 and account_id = $2 and status in ('requested', 'unknown')`,
    [customerId, accountId],
  );
  return moneyFromDb(rows[0]?.total ?? 0n, 'payouts.amount');
}

export async function listPayouts(
  q: Queryable,
  filter: { customerId: string; accountId?: string },
): Promise<Payout[]> {
  const { rows } = await q.query<PayoutRow>(
    `select ${COLUMNS} from ${FROM} where p.customer_id = $1 and ($2::text is null or p.account_id = $2)
      order by p.payout_id`,
    [filter.customerId, filter.accountId ?? null],
  );
  return rows.map(payoutOf);
}

/** Pay-outs waiting for the provider (requested or unknown), after `afterId`, oldest id first. */
export async function unresolvedPayouts(q: Queryable, afterId: string, limit: number): Promise<Payout[]> {
  const { rows } = await q.query<PayoutRow>(
    `select ${COLUMNS} from ${FROM} where p.status in ('requested', 'unknown') and p.payout_id > $1
      order by p.payout_id limit $2`,
    [afterId, limit],
  );
  return rows.map(payoutOf);
}

/** Counted before the call, so a crash during it still counts it (and the next pass asks first). */
export async function countPayoutCall(q: Queryable, customerId: string, payoutId: string, at: Date) {
  await q.query(
    `update payouts set provider_calls = provider_calls + 1, updated_at = $3
      where customer_id = $1 and payout_id = $2`,
    [customerId, payoutId, at],
  );
}

export async function resolvePayout(
  q: Queryable,
  customerId: string,
  payoutId: string,
  change:
    | { status: 'unknown' }
    | { status: 'paid'; providerRef: string; bookedSeq: number }
    | { status: 'failed'; reason: PaymentFailureReason; providerRef: string },
  at: Date,
): Promise<void> {
  await q.query(
    `update payouts set status = $3, failure_reason = $4, provider_ref = $5, booked_seq = $6, updated_at = $7,
       resolved_at = case when $3 in ('paid', 'failed') then $7::timestamptz end
      where customer_id = $1 and payout_id = $2 and status in ('requested', 'unknown')`,
    [
      customerId,
      payoutId,
      change.status,
      change.status === 'failed' ? change.reason : null,
      change.status === 'unknown' ? null : change.providerRef,
      change.status === 'paid' ? change.bookedSeq : null,
      at,
    ],
  );
}
