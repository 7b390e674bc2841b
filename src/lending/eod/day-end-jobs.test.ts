import { describe, expect, it } from 'vitest';
import { fnv1aPartition, scopeOf } from './day-end-jobs.ts';

describe('which customers a partition of a run reads', () => {
  it('a run made since migration 0906 (hashtext) hands its partition to the statements, which filter', () => {
    // Given a run of 4 partitions partitioned in SQL
    const scope = scopeOf({ partitions: 4, partitionHash: 'hashtext' }, 2);
    // Then the statements get partition 2 of 4, and nothing read under it is dropped afterwards
    expect(scope.partition).toEqual({ partitions: 4, part: 2 });
    expect(scope.owns('cus_anyone')).toBe(true);
  });

  it('a run made before 0906 (fnv1a-32) keeps its FNV-1a partitions to its end: read all, keep its own', () => {
    // FNV-1a of "ab": offset 2,166,136,261 xor 'a' (97) = 2,166,136,228; × 16,777,619 mod 2^32 = 3,826,002,220;
    // xor 'b' (98) = 3,826,002,254; × 16,777,619 mod 2^32 = 1,294,271,946; mod 4 = 2.
    expect(fnv1aPartition('ab', 4)).toBe(2);
    const scopes = [0, 1, 2, 3].map((part) => scopeOf({ partitions: 4, partitionHash: 'fnv1a-32' }, part));
    // Given such a run, the statements read every customer (no partition), and each customer is kept by one
    expect(scopes.every((scope) => scope.partition === undefined)).toBe(true);
    expect(scopes.map((scope) => scope.owns('ab'))).toEqual([false, false, true, false]);
    const ids = Array.from({ length: 400 }, (_v, i) => `cus_${String(i).padStart(26, '0')}`);
    for (const id of ids) expect(scopes.filter((scope) => scope.owns(id))).toHaveLength(1);
  });
});
