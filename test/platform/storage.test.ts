import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/platform/errors/app-error.ts';
import {
  checksumOf,
  loadMigrations,
  migrate,
  migrationStatus,
  type MigrationFile,
  REWRITTEN_MIGRATIONS,
} from '../../src/platform/database/migrate.ts';
import type { Database } from '../../src/platform/database/database.ts';
import { storesUnderTest } from '../support/stores.ts';

function file(version: string, name: string, sql: string): MigrationFile {
  return { version, name: `${version}_${name}.sql`, checksum: checksumOf(sql), sql };
}

async function tableExists(
  db: { query: (sql: string, params?: unknown[]) => Promise<{ rows: unknown[] }> },
  table: string,
) {
  const result = await db.query(
    'select 1 from information_schema.tables where table_schema = current_schema() and table_name = $1',
    [table],
  );
  return result.rows.length > 0;
}

for (const store of storesUnderTest()) {
  describe(`storage on ${store.name}`, () => {
    it('applies every migration once; applying again is a no-op', async () => {
      const db = await store.fresh({ migrate: false });
      const files = await loadMigrations();
      const first = await migrate(db);
      expect(first).toEqual(files.map((f) => f.name));
      expect(await migrate(db)).toEqual([]);
      const status = await migrationStatus(db);
      expect(status.pending).toEqual([]);
      expect(status.applied.length).toBe(files.length);
    });

    it("compresses decisions' evidence with lz4 where the server has it, and keeps pglz where it has not", async () => {
      const db = await store.fresh();
      const lz4 = await db.query(
        `select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any (enumvals)`,
      );
      const columns = await db.query<{ attname: string; attcompression: string }>(
        `select a.attname, a.attcompression::text as attcompression from pg_attribute a
          where a.attrelid = 'decisions'::regclass and a.attname in ('facts', 'trace', 'policy_document')
          order by a.attname`,
      );
      const expected = lz4.rows.length > 0 ? 'l' : '';
      expect(columns.rows.map((row) => [row.attname, row.attcompression])).toEqual([
        ['facts', expected],
        ['policy_document', expected],
        ['trace', expected],
      ]);
      if (store.name === 'postgres') expect(expected).toBe('l');
    });

    it('refuses an applied migration whose file changed, before applying anything', async () => {
      const db = await store.fresh({ migrate: false });
      // Keyed by customer_id (a customer table), so that Citus can place it too.
      const one = file(
        '0001',
        'one',
        'create table t_one (customer_id text, id int, primary key (customer_id, id));',
      );
      await migrate(db, { files: [one] });
      const edited = file(
        '0001',
        'one',
        'create table t_one (customer_id text, id int, extra text, primary key (customer_id, id));',
      );
      const two = file('0002', 'two', 'create table t_two (id int primary key);');
      const error = await migrate(db, { files: [edited, two] }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('MIGRATION_CHECKSUM_MISMATCH');
      expect((error as AppError).message).toMatch(/0001_one\.sql/);
      expect(await tableExists(db, 't_two')).toBe(false);
    });

    it('accepts 0834 as first shipped (rewritten for Citus, same effect) and refuses any other change to it', async () => {
      // 0834 added a column with an inline unnamed check, which Citus refuses on a placed table; it now adds
      // the column, then the check under the name PostgreSQL gave the inline one. A database that applied the
      // first form has the same columns and constraints, so its checksum is accepted (REWRITTEN_MIGRATIONS).
      const first = await readFile(
        new URL('./fixtures/0834_model_backtests_checkpoint.as-first-shipped.sql', import.meta.url),
        'utf8',
      );
      expect(REWRITTEN_MIGRATIONS['0834']).toEqual([checksumOf(first)]);
      const files = await loadMigrations();
      const current = files.find((f) => f.version === '0834');
      expect(current?.checksum).not.toBe(checksumOf(first));
      const asShipped = files.map((f) =>
        f.version === '0834' ? file('0834', 'model_backtests_checkpoint', first) : f,
      );
      const shape = async (db: Database) =>
        (
          await db.query<{ item: string }>(
            `select format('%s %s', a.attname, format_type(a.atttypid, a.atttypmod)) as item from pg_attribute a
              where a.attrelid = 'model_backtests'::regclass and a.attnum > 0 and not a.attisdropped
             union all
             select format('%s %s', conname, pg_get_constraintdef(oid)) from pg_constraint
              where conrelid = 'model_backtests'::regclass
             order by 1`,
          )
        ).rows.map((row) => row.item);
      const old = await store.fresh({ migrate: false });
      await migrate(old, { files: asShipped });
      const now = await store.fresh();
      expect(await shape(old)).toEqual(await shape(now));
      expect(await shape(now)).toContain('model_backtests_attempts_check CHECK ((attempts >= 0))');
      // The first form applied: nothing changed, nothing pending; migrate does nothing.
      expect((await migrationStatus(old)).changed).toEqual([]);
      expect(await migrate(old)).toEqual([]);
      // Any other text is still refused.
      await old.query(`update schema_migrations set checksum = $1 where version = '0834'`, ['0'.repeat(64)]);
      expect((await migrationStatus(old)).changed).toEqual(['0834_model_backtests_checkpoint.sql']);
    });

    it('rolls a broken migration back completely: no partial schema, no bookkeeping row', async () => {
      const db = await store.fresh({ migrate: false });
      const good = file('0001', 'good', 'create table t_good (id int primary key);');
      const broken = file(
        '0002',
        'broken',
        'create table t_half (id int primary key);\ncreate tabel oops (x int);',
      );
      const error = await migrate(db, { files: [good, broken] }).catch((e: unknown) => e);
      expect((error as AppError).code).toBe('MIGRATION_FAILED');
      expect((error as AppError).message).toMatch(/0002_broken\.sql/);
      expect(await tableExists(db, 't_good')).toBe(true);
      expect(await tableExists(db, 't_half')).toBe(false);
      const status = await migrationStatus(db, [good, broken]);
      expect(status.applied).toEqual(['0001_good.sql']);
      expect(status.pending).toEqual(['0002_broken.sql']);
    });

    it('returns int8 as bigint, numeric as string, date as YYYY-MM-DD and timestamptz as Date', async () => {
      const db = await store.fresh({ migrate: false });
      const result = await db.query<{ big: bigint; num: string; day: string; at: Date; arr: bigint[] }>(
        `select $1::int8 as big, 0.1825::numeric as num, '2028-02-29'::date as day,
                '2026-11-22T00:00:00Z'::timestamptz as at, array[1, 9223372036854775807]::int8[] as arr`,
        [9_007_199_254_740_993n],
      );
      const [row] = result.rows;
      expect(row?.big).toBe(9_007_199_254_740_993n);
      expect(row?.num).toBe('0.1825');
      expect(row?.day).toBe('2028-02-29');
      expect(row?.at).toBeInstanceOf(Date);
      expect(row?.at.toISOString()).toBe('2026-11-22T00:00:00.000Z');
      expect(row?.arr).toEqual([1n, 9_223_372_036_854_775_807n]);
    });

    it('commits a transaction that resolves and rolls back one that throws', async () => {
      const db = await store.fresh({ migrate: false });
      await db.exec('create table t_tx (id int primary key)');
      await db.transaction(async (tx) => {
        await tx.query('insert into t_tx values (1)');
      });
      await expect(
        db.transaction(async (tx) => {
          await tx.query('insert into t_tx values (2)');
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      const rows = await db.query<{ id: number }>('select id from t_tx order by id');
      expect(rows.rows.map((r) => r.id)).toEqual([1]);
    });
  });
}
