import { unwrapDataKey, wrapDataKey } from './data-key.ts';
import { dataKeysNotWrappedBy, rewrapDataKey } from './data-keys.pg.ts';
import type { PrivacyDeps } from './privacy-ports.ts';

/**
 * Key rotation for data keys: every customer's DEK still wrapped by an older lender key is unwrapped and
 * wrapped again under the active one — one 61-byte row per customer, while the values sealed under the DEK
 * (names, ID numbers, phones, cards, evidence files) are not touched. Batches of `batchSize`, a transaction
 * each (a crash loses nothing; the next run continues); returns how many keys were re-wrapped.
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
    const count = await db.transaction(async (tx) => {
      const keys = await dataKeysNotWrappedBy(tx, active, after, batchSize);
      const now = clock.now();
      for (const key of keys) {
        const dek = unwrapDataKey(keyring.lender, key);
        await rewrapDataKey(tx, { ...key, wrapped: wrapDataKey(keyring.lender, key.customerId, dek) }, now);
      }
      after = keys.at(-1)?.customerId ?? after;
      return keys.length;
    });
    if (count === 0) return done;
    done += count;
    options.onProgress?.(done);
  }
}
