import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trackedAccounts } from '../../src/collections/collections.pg.ts';
import type { DayEndProcessor } from '../../src/lending/eod/day-end.ts';
import {
  customerPartitionsOf,
  inCustomerPartition,
  type CustomerPartition,
} from '../../src/platform/database/customer-partition.ts';
import type { Queryable } from '../../src/platform/database/database.ts';
import type { LocalDate } from '../../src/platform/time/local-date.ts';
import { storesUnderTest } from '../support/stores.ts';
import { batchDepsOn, batchOn, seed, THROUGH } from './day-end-book.ts';

/**
 * Issue 16, item 4: a day-end partition reads only its own customers. The partition is decided in each
 * step's SQL — `mod(hashtext(customer_id)::bigint & 4294967295, N) = part` — where each partition used to
 * list every account behind and keep its own by a hash computed in the worker.
 */

const PARTITIONS = 4;

interface Ref {
  readonly customerId: string;
  readonly id: string;
}

async function everyPage(list: (afterId: string, limit: number) => Promise<readonly Ref[]>): Promise<Ref[]> {
  const all: Ref[] = [];
  // Pages of 7: the keyset paging with the partition's filter in the same statement.
  for (let afterId = ''; ;) {
    const page = await list(afterId, 7);
    all.push(...page);
    if (page.length < 7) return all;
    afterId = (page[page.length - 1] as Ref).id;
  }
}

describe.each(storesUnderTest())('customer partitions in SQL ($name)', (store) => {
  it('hashtext gives the same partition on every store: worked values', async () => {
    const db = await store.fresh({ migrate: false });
    // hashtext is PostgreSQL's string hash; read as unsigned 32-bit and taken mod N:
    //   'cus_00000000000000000000000001': hashtext −246,595,782 → 2^32 − 246,595,782 = 4,048,371,514;
    //     mod 4 = 2 (4,048,371,514 = 4 × 1,012,092,878 + 2), mod 7 = 5
    //   'cus_00000000000000000000000002': 2,019,510,031 → mod 4 = 3, mod 7 = 0
    //   'cus_00000000000000000000000003': −2,124,365,547 → 2,170,601,749 → mod 4 = 1, mod 7 = 1
    //   'cus_a': −356,563,212 → 3,938,404,084 → mod 4 = 0, mod 7 = 6
    const ids = [
      'cus_00000000000000000000000001',
      'cus_00000000000000000000000002',
      'cus_00000000000000000000000003',
      'cus_a',
    ];
    const hashes = await db.query<{ h: number }>(`select hashtext(c) as h from unnest($1::text[]) as c`, [
      ids,
    ]);
    expect(hashes.rows.map((row) => row.h)).toEqual([
      -246_595_782, 2_019_510_031, -2_124_365_547, -356_563_212,
    ]);
    expect([...(await customerPartitionsOf(db, ids, 4)).values()]).toEqual([2, 3, 1, 0]);
    expect([...(await customerPartitionsOf(db, ids, 7)).values()]).toEqual([5, 0, 1, 6]);
    // One partition: everyone, no filter at all.
    expect(inCustomerPartition({ partitions: 1, part: 0 }, 'customer_id', [])).toBe('');
    expect(() => inCustomerPartition({ partitions: 4, part: 4 }, 'customer_id', [])).toThrow(
      'part must be 0–3',
    );
  });

  it("each step's listing reads only the partition's customers: each account in exactly one, the union is all", async () => {
    const db = await store.fresh();
    await seed(db);
    const dir = mkdtempSync(join(tmpdir(), 'credence-partitions-'));
    // Through 22 Jan: loans past their 20 Jan due date (collections tracks them), auto-repay attempts made.
    await batchOn(db, join(dir, 'payments.jsonl')).run({ through: '2026-01-22' as LocalDate, chunkSize: 10 });
    const { processors } = batchDepsOn(db, join(dir, 'payments.jsonl'));

    type Lister = (
      q: Queryable,
      afterId: string,
      limit: number,
      partition?: CustomerPartition,
    ) => Promise<readonly Ref[]>;
    const sources: (readonly [string, Lister])[] = [
      ...processors.map(
        (processor: DayEndProcessor) =>
          [
            processor.product,
            (q: Queryable, afterId: string, limit: number, partition?: CustomerPartition) =>
              processor.listBehind(q, THROUGH as LocalDate, afterId, limit, partition),
          ] as const,
      ),
      [
        'collection cases and promises',
        (q, afterId, limit, partition) => trackedAccounts(q, afterId, limit, partition),
      ],
    ];
    const listed: Record<string, number> = {};
    for (const [name, list] of sources) {
      const all = await everyPage((afterId, limit) => list(db, afterId, limit));
      const expected = await customerPartitionsOf(
        db,
        all.map((item) => item.customerId),
        PARTITIONS,
      );
      const seen = new Map<string, number>();
      for (let part = 0; part < PARTITIONS; part += 1) {
        const mine = await everyPage((afterId, limit) =>
          list(db, afterId, limit, { partitions: PARTITIONS, part }),
        );
        for (const item of mine) {
          // In exactly one partition, and in the one the database's hash names.
          expect(seen.has(item.id), `${name}: ${item.id} listed by two partitions`).toBe(false);
          seen.set(item.id, part);
          expect(expected.get(item.customerId), `${name}: ${item.id}`).toBe(part);
        }
      }
      // The union of the partitions is every account the unpartitioned listing finds.
      expect([...seen.keys()].sort(), name).toEqual(all.map((item) => item.id).sort());
      listed[name] = all.length;
    }
    // The steps had something to list: 80 loans and 40 lines behind 24 Jan, reminders for every open account,
    // 60 mandates (every second loan and line, 40 + 20), 80 delinquent or tracked accounts for collections.
    expect(listed['cash-loan']).toBe(80);
    expect(listed['credit-line']).toBe(40);
    expect(listed['cash-loan-reminders']).toBe(80);
    expect(listed['credit-line-reminders']).toBe(40);
    expect(listed['auto-repay']).toBe(60);
    expect(listed.collections).toBe(80);
    expect(listed['collection cases and promises']).toBe(80);
  }, 300_000);
});
