import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/database/database.ts';
import { createIdGenerator, seededRandomBytes } from '../../src/platform/ids/ids.ts';
import { ManualClock } from '../../src/platform/time/clock.ts';
import { installDefaultPolicies } from '../../src/policy/policy-files.node.ts';
import { createPolicyService } from '../../src/policy/policy-service.ts';
import { storesUnderTest } from '../support/stores.ts';

/**
 * A loaded policy version cannot be edited in place, deleted or truncated, even by hand in SQL: the
 * database refuses it (migration 0360), and the version reads back exactly as loaded.
 */
const opened: Database[] = [];
afterAll(async () => {
  for (const db of opened) await db.close();
});

describe.each(storesUnderTest())('policy versions on $name', (store) => {
  it('refuses UPDATE, DELETE and TRUNCATE of a loaded version', async () => {
    const db = await store.fresh();
    opened.push(db);
    const clock = new ManualClock(new Date('2026-11-22T02:00:00Z'));
    const policies = createPolicyService({
      db,
      clock,
      ids: createIdGenerator(clock, seededRandomBytes(3)),
      cacheMs: 0,
    });
    const { version } = (await installDefaultPolicies(policies)).policy;
    const attempts = [
      [`update policy_versions set effective_from = '2025-01-01' where id = $1`, [version.id]],
      [`update policy_versions set content = '{}'::jsonb where id = $1`, [version.id]],
      [`delete from policy_versions where id = $1`, [version.id]],
      ['truncate policy_versions', []],
    ] as const;
    for (const [sql, params] of attempts) {
      await expect(db.query(sql, [...params])).rejects.toThrow(/policy_versions are immutable once loaded/);
    }
    const stored = await policies.get(version.id);
    expect(stored).toMatchObject({ effectiveFrom: '2026-01-01', checksum: version.checksum });
  });
});
