import type { ApiKeyRecord, ApiKeyStore } from './api-keys.ts';

export interface ApiKeyCacheOptions {
  /** Monotonic milliseconds (e.g. `performance.now()`), for the entries' age. */
  readonly elapsedMs: () => number;
  /** How long a found key is trusted without asking the store again (default 1,000 ms). */
  readonly ttlMs?: number;
  /** Keys remembered at most (default 1,000); the oldest is forgotten first. */
  readonly maxEntries?: number;
}

/**
 * Every API request looks its key up by hash; on a busy server that is a database round trip per request
 * for an answer that almost never changes. This keeps the keys found for a short time (1 s by default):
 *
 * - a key revoked through this store stops working at once here (the whole cache is dropped), and one
 *   revoked elsewhere — another process, or SQL — within `ttlMs`;
 * - a key not found is never remembered, so a key just created works at once and a guessed one always costs
 *   a lookup (as before);
 * - only the lookup is cached; everything else goes to the store.
 */
export function cachedApiKeyStore(store: ApiKeyStore, options: ApiKeyCacheOptions): ApiKeyStore {
  const ttlMs = options.ttlMs ?? 1_000;
  const maxEntries = options.maxEntries ?? 1_000;
  const found = new Map<string, { readonly record: ApiKeyRecord; readonly until: number }>();
  return {
    create: (input) => store.create(input),
    list: () => store.list(),
    touch: (id, at) => store.touch(id, at),
    async revoke(id) {
      found.clear();
      try {
        return await store.revoke(id);
      } finally {
        // A lookup that raced the revocation may have put the key back; drop it again.
        found.clear();
      }
    },
    async findActiveByHash(hash) {
      const now = options.elapsedMs();
      const hit = found.get(hash);
      if (hit && hit.until > now) return hit.record;
      found.delete(hash);
      const record = await store.findActiveByHash(hash);
      if (record) {
        if (found.size >= maxEntries) {
          const oldest = found.keys().next();
          if (!oldest.done) found.delete(oldest.value);
        }
        found.set(hash, { record, until: now + ttlMs });
      }
      return record;
    },
  };
}
