import type { Queryable } from '../platform/database/database.ts';
import type { WrappedDataKey } from './data-key.ts';

/** Storage of wrapped data keys (`customer_data_keys`, migration 0802). The use case owns the transaction. */

interface DataKeyRow {
  customer_id: string;
  wrapped_key: Uint8Array;
  wrap_key_id: string;
  created_at: Date;
}

const toKey = (row: DataKeyRow): WrappedDataKey => ({
  customerId: row.customer_id,
  wrapped: { keyId: row.wrap_key_id, ciphertext: new Uint8Array(row.wrapped_key) },
  createdAt: row.created_at,
});

const bytes = (value: Uint8Array): Buffer => Buffer.from(value.buffer, value.byteOffset, value.byteLength);

/** Stores a wrapped key unless the customer has one; returns the one stored (theirs or this). */
export async function insertDataKey(q: Queryable, key: WrappedDataKey): Promise<WrappedDataKey> {
  await q.query(
    `insert into customer_data_keys (customer_id, wrapped_key, wrap_key_id, created_at)
     values ($1, $2, $3, $4) on conflict (customer_id) do nothing`,
    [key.customerId, bytes(key.wrapped.ciphertext), key.wrapped.keyId, key.createdAt],
  );
  const stored = await findDataKey(q, key.customerId);
  if (!stored.key) throw new Error(`data key of ${key.customerId} neither inserted nor found`);
  return stored.key;
}

/**
 * The customer's wrapped key and whether (and when) they were erased, in one statement; `exists` false for
 * an unknown customer.
 */
export async function findDataKey(
  q: Queryable,
  customerId: string,
): Promise<{ exists: boolean; erasedAt: Date | null; key: WrappedDataKey | undefined }> {
  const result = await q.query<DataKeyRow & { erased_at: Date | null; wrapped_key: Uint8Array | null }>(
    `select c.customer_id, c.erased_at, k.wrapped_key, k.wrap_key_id, k.created_at
       from customers c left join customer_data_keys k on k.customer_id = c.customer_id
      where c.customer_id = $1`,
    [customerId],
  );
  const [row] = result.rows;
  if (!row) return { exists: false, erasedAt: null, key: undefined };
  return { exists: true, erasedAt: row.erased_at, key: row.wrapped_key === null ? undefined : toKey(row) };
}

/**
 * Customers whose key is wrapped by a lender key other than `activeKeyId`, in customer order after `after`;
 * not locked (a read across customers: see `lockDataKeysNotWrappedBy`).
 */
export async function customersWithKeysNotWrappedBy(
  q: Queryable,
  activeKeyId: string,
  after: string,
  limit: number,
): Promise<string[]> {
  const result = await q.query<{ customer_id: string }>(
    `select customer_id from customer_data_keys
      where wrap_key_id <> $1 and customer_id > $2 order by customer_id limit $3`,
    [activeKeyId, after, limit],
  );
  return result.rows.map((row) => row.customer_id);
}

/**
 * The keys of these customers still wrapped by a lender key other than `activeKeyId`, locked. The customers
 * must be on one shard group on Citus (`groupByShard`), where rows are locked only in single-shard statements.
 */
export async function lockDataKeysNotWrappedBy(
  q: Queryable,
  customerIds: readonly string[],
  activeKeyId: string,
): Promise<WrappedDataKey[]> {
  const result = await q.query<DataKeyRow>(
    `select customer_id, wrapped_key, wrap_key_id, created_at from customer_data_keys
      where customer_id = any ($1::text[]) and wrap_key_id <> $2 order by customer_id for update`,
    [customerIds, activeKeyId],
  );
  return result.rows.map(toKey);
}

/** Replaces a key's wrapping (rotation); the key itself, its customer and creation time stay. */
export async function rewrapDataKey(q: Queryable, key: WrappedDataKey, at: Date): Promise<void> {
  await q.query(
    `update customer_data_keys set wrapped_key = $2, wrap_key_id = $3, rewrapped_at = $4 where customer_id = $1`,
    [key.customerId, bytes(key.wrapped.ciphertext), key.wrapped.keyId, at],
  );
}

/** Destroys the customer's key (the database allows it only once the customer is marked erased). */
export async function deleteDataKey(q: Queryable, customerId: string): Promise<boolean> {
  const result = await q.query('delete from customer_data_keys where customer_id = $1', [customerId]);
  return result.rowCount > 0;
}
