import { unwrapDataKey, wrapDataKey } from './data-key.ts';
import { groupByShard } from '../platform/database/citus.ts';
import { customersWithKeysNotWrappedBy, lockDataKeysNotWrappedBy, rewrapDataKey } from './data-keys.pg.ts';
import type { PrivacyDeps } from './privacy-ports.ts';

/**
 * Key rotation for data keys: every customer's DEK still wrapped by an older lender key is unwrapped and
 * wrapped again under the active one — one 61-byte row per customer, while the values sealed under the DEK
 * (names, ID numbers, phones, cards, evidence files) are not touched. Batches of `batchSize`, a transaction
 * per shard group of a batch (one on PostgreSQL and PGlite; a crash loses nothing; the next run continues); returns how many keys were re-wrapped.
 */
export async function rewrapDataKeys(
  deps: Pick<PrivacyDeps, 'db' | 'clock' | 'keyring'>,
  options: { batchSize?: number; onProgress?: (done: number) => void } = {},
): Promise<number> {
  const { db, clock, keyring } = deps;
  const active = keyring.lender.activeKeyId;
  const batchSize = options.batchSize ?? 500;
  let done = 0;
  let after = '';
  for (;;) {
    // Found without a lock, then locked and re-wrapped one shard group per transaction (on PostgreSQL and
    // PGlite one group: the batch); a key re-wrapped in between is no longer found by the lock.
    const customers = await customersWithKeysNotWrappedBy(db, active, after, batchSize);
    if (customers.length === 0) return done;
    after = customers.at(-1) ?? after;
    const groups = await groupByShard(
      db,
      customers.map((customerId) => ({ customerId })),
    );
    let count = 0;
    for (const group of groups) {
      count += await db.transaction(async (tx) => {
        const keys = await lockDataKeysNotWrappedBy(
          tx,
          group.map((item) => item.customerId),
          active,
        );
        const now = clock.now();
        for (const key of keys) {
          const dek = unwrapDataKey(keyring.lender, key);
          await rewrapDataKey(tx, { ...key, wrapped: wrapDataKey(keyring.lender, key.customerId, dek) }, now);
        }
        return keys.length;
      });
    }
    done += count;
    options.onProgress?.(done);
  }
}
