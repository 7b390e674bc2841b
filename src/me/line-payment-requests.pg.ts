import type { Queryable } from '../platform/database/database.ts';
import { moneyFromDb, moneyFromDbOrNull, type Money } from '../platform/money/money.ts';

/** A line payment request as first made: its kind and the amount it resolved to then. */
export interface LinePaymentRequest {
  readonly customerId: string;
  readonly idempotencyKey: string;
  readonly lineId: string;
  readonly kind: 'full' | 'minimum' | 'amount';
  readonly requestedAmount: Money | null;
  readonly resolvedAmount: Money;
}

interface Row {
  customer_id: string;
  idempotency_key: string;
  line_id: string;
  kind: LinePaymentRequest['kind'];
  requested_amount: bigint | null;
  resolved_amount: bigint;
}

const toRequest = (row: Row): LinePaymentRequest => ({
  customerId: row.customer_id,
  idempotencyKey: row.idempotency_key,
  lineId: row.line_id,
  kind: row.kind,
  requestedAmount: moneyFromDbOrNull(row.requested_amount, 'me_line_payment_requests.requested_amount'),
  resolvedAmount: moneyFromDb(row.resolved_amount, 'me_line_payment_requests.resolved_amount'),
});

/** `me_line_payment_requests` (migration 0121). */
export const linePaymentRequests = {
  async find(db: Queryable, customerId: string, key: string): Promise<LinePaymentRequest | undefined> {
    const result = await db.query<Row>(
      `select customer_id, idempotency_key, line_id, kind, requested_amount, resolved_amount
         from me_line_payment_requests where customer_id = $1 and idempotency_key = $2`,
      [customerId, key],
    );
    const [row] = result.rows;
    return row ? toRequest(row) : undefined;
  },
  /** Records the request unless the key is taken (a concurrent first request); the caller reads it back. */
  async insert(db: Queryable, request: LinePaymentRequest, at: Date): Promise<void> {
    await db.query(
      `insert into me_line_payment_requests
         (customer_id, idempotency_key, line_id, kind, requested_amount, resolved_amount, created_at)
       values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (customer_id, idempotency_key) do nothing`,
      [
        request.customerId,
        request.idempotencyKey,
        request.lineId,
        request.kind,
        request.requestedAmount,
        request.resolvedAmount,
        at,
      ],
    );
  },
};

/** The port the use case sees. */
export interface LinePaymentRequestStore {
  find(customerId: string, key: string): Promise<LinePaymentRequest | undefined>;
  insert(request: LinePaymentRequest, at: Date): Promise<void>;
}

export function createPgLinePaymentRequestStore(db: Queryable): LinePaymentRequestStore {
  return {
    find: (customerId, key) => linePaymentRequests.find(db, customerId, key),
    insert: (request, at) => linePaymentRequests.insert(db, request, at),
  };
}
