import { describe, expect, it } from 'vitest';
import { cachedApiKeyStore } from '../../src/platform/auth/api-key-cache.ts';
import type { ApiKeyRecord, ApiKeyStore } from '../../src/platform/auth/api-keys.ts';

/** A store in memory that counts its lookups. */
function countingStore() {
  const keys = new Map<string, ApiKeyRecord & { hash: string }>();
  let lookups = 0;
  const store: ApiKeyStore = {
    async create({ name, role, secret }) {
      const record = {
        id: `key_${keys.size + 1}`,
        name,
        role,
        prefix: secret.slice(0, 8),
        createdAt: new Date(0),
        revokedAt: null,
        lastUsedAt: null,
        hash: `h:${secret}`,
      };
      keys.set(record.id, record);
      return record;
    },
    async findActiveByHash(hash) {
      lookups++;
      return [...keys.values()].find((key) => key.hash === hash && key.revokedAt === null);
    },
    async list() {
      return [...keys.values()];
    },
    async revoke(id) {
      const key = keys.get(id);
      if (!key) throw new Error('unknown');
      const revoked = { ...key, revokedAt: new Date(1) };
      keys.set(id, revoked);
      return revoked;
    },
    async touch() {},
  };
  return { store, lookups: () => lookups, keys };
}

describe('cachedApiKeyStore', () => {
  it('answers a known key from memory for the TTL, then asks the store again', async () => {
    let now = 0;
    const inner = countingStore();
    const cache = cachedApiKeyStore(inner.store, { elapsedMs: () => now, ttlMs: 1_000 });
    const key = await cache.create({ name: 'app', role: 'app', secret: 's1' });
    expect((await cache.findActiveByHash('h:s1'))?.id).toBe(key.id);
    now = 999;
    expect((await cache.findActiveByHash('h:s1'))?.id).toBe(key.id);
    expect(inner.lookups()).toBe(1);
    now = 1_000;
    expect((await cache.findActiveByHash('h:s1'))?.id).toBe(key.id);
    expect(inner.lookups()).toBe(2);
  });

  it('stops a key revoked through it at once, and one revoked elsewhere within the TTL', async () => {
    let now = 0;
    const inner = countingStore();
    const cache = cachedApiKeyStore(inner.store, { elapsedMs: () => now, ttlMs: 1_000 });
    const a = await cache.create({ name: 'a', role: 'app', secret: 'sa' });
    const b = await cache.create({ name: 'b', role: 'app', secret: 'sb' });
    await cache.findActiveByHash('h:sa');
    await cache.findActiveByHash('h:sb');
    await cache.revoke(a.id);
    expect(await cache.findActiveByHash('h:sa')).toBeUndefined();
    expect((await cache.findActiveByHash('h:sb'))?.id).toBe(b.id);
    // Revoked behind its back (another process): still trusted until the entry is a second old.
    await inner.store.revoke(b.id);
    expect((await cache.findActiveByHash('h:sb'))?.id).toBe(b.id);
    now = 1_000;
    expect(await cache.findActiveByHash('h:sb')).toBeUndefined();
  });

  it('never remembers a key it did not find, so a new key works at once', async () => {
    const inner = countingStore();
    const cache = cachedApiKeyStore(inner.store, { elapsedMs: () => 0 });
    expect(await cache.findActiveByHash('h:new')).toBeUndefined();
    await cache.create({ name: 'new', role: 'app', secret: 'new' });
    expect((await cache.findActiveByHash('h:new'))?.name).toBe('new');
    expect(await cache.findActiveByHash('h:guess')).toBeUndefined();
    expect(await cache.findActiveByHash('h:guess')).toBeUndefined();
    expect(inner.lookups()).toBe(4);
  });

  it('keeps at most maxEntries keys, forgetting the oldest first', async () => {
    const inner = countingStore();
    const cache = cachedApiKeyStore(inner.store, { elapsedMs: () => 0, maxEntries: 2 });
    for (const secret of ['k1', 'k2', 'k3']) await cache.create({ name: secret, role: 'app', secret });
    await cache.findActiveByHash('h:k1');
    await cache.findActiveByHash('h:k2');
    await cache.findActiveByHash('h:k3'); // k1 forgotten
    expect(inner.lookups()).toBe(3);
    await cache.findActiveByHash('h:k3');
    await cache.findActiveByHash('h:k2');
    expect(inner.lookups()).toBe(3);
    await cache.findActiveByHash('h:k1');
    expect(inner.lookups()).toBe(4);
  });
});
