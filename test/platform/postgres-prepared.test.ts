import { describe, expect, it } from 'vitest';
import { storesUnderTest } from '../support/stores.ts';

/**
 * The PostgreSQL adapter prepares parameterised statements once per connection: results are the same as
 * unprepared, inside and outside transactions, and a statement whose result columns changed under it
 * (DDL by another process) still answers, with the new columns. Runs when DATABASE_URL is set.
 */
const postgres = storesUnderTest().find((store) => store.name === 'postgres');

describe('prepared statements on PostgreSQL', () => {
  it.skipIf(!postgres)('answer as unprepared, and survive a change of the result columns', async () => {
    if (!postgres) return;
    const db = await postgres.fresh();
    await db.exec('create table prepared_probe (id int primary key, label text)');
    for (let i = 0; i < 5; i += 1)
      await db.query('insert into prepared_probe (id, label) values ($1, $2)', [i, `n${i}`]);
    const read = () =>
      db.query<Record<string, unknown>>('select * from prepared_probe where id >= $1 order by id', [3]);
    // Many times, on every connection of the pool, and inside a transaction.
    for (let i = 0; i < 25; i += 1)
      expect((await read()).rows).toEqual([
        { id: 3, label: 'n3' },
        { id: 4, label: 'n4' },
      ]);
    const inside = await db.transaction((tx) =>
      tx.query('select label from prepared_probe where id = $1', [2]),
    );
    expect(inside.rows).toEqual([{ label: 'n2' }]);
    await db.exec("alter table prepared_probe add column note text not null default 'x'");
    for (let i = 0; i < 25; i += 1)
      expect((await read()).rows).toEqual([
        { id: 3, label: 'n3', note: 'x' },
        { id: 4, label: 'n4', note: 'x' },
      ]);
    await db.close();
  });
});
