import { describe, expect, it } from 'vitest';
import { GLOBAL_TABLES } from '../../src/platform/database/distribution.ts';
import { pgliteStore } from '../support/stores.ts';

interface ConstraintRow {
  table_name: string;
  constraint_name: string;
  constraint_type: string;
  columns: string[];
}

/**
 * The rule in docs/architecture.md: a customer table has `customer_id` in every primary key and unique
 * constraint (and foreign keys to other customer tables include it); any other table is listed as global.
 */
describe('schema distribution rule (by customer_id)', () => {
  it('holds for every table the migrations create', async () => {
    const db = await pgliteStore.fresh();
    const tables = await db.query<{ table_name: string; has_customer: boolean }>(
      `select t.table_name,
              exists (select 1 from information_schema.columns c
                      where c.table_schema = t.table_schema and c.table_name = t.table_name
                        and c.column_name = 'customer_id') as has_customer
         from information_schema.tables t
        where t.table_schema = current_schema() and t.table_type = 'BASE TABLE'
        order by t.table_name`,
    );
    const constraints = await db.query<ConstraintRow>(
      `select rel.relname as table_name, con.conname as constraint_name, con.contype::text as constraint_type,
              array(select att.attname::text from unnest(con.conkey) k
                      join pg_attribute att on att.attrelid = con.conrelid and att.attnum = k) as columns
         from pg_constraint con
         join pg_class rel on rel.oid = con.conrelid
         join pg_namespace ns on ns.oid = rel.relnamespace
        where ns.nspname = current_schema() and con.contype in ('p', 'u', 'f')`,
    );
    const uniqueIndexes = await db.query<{ table_name: string; index_name: string; definition: string }>(
      `select tablename as table_name, indexname as index_name, indexdef as definition
         from pg_indexes where schemaname = current_schema() and indexdef like 'CREATE UNIQUE INDEX%'`,
    );
    const customerTables = new Set(tables.rows.filter((t) => t.has_customer).map((t) => t.table_name));
    const violations: string[] = [];
    for (const table of tables.rows) {
      if (!table.has_customer && !(table.table_name in GLOBAL_TABLES)) {
        violations.push(`${table.table_name}: no customer_id and not listed in GLOBAL_TABLES`);
      }
      if (table.has_customer && table.table_name in GLOBAL_TABLES) {
        violations.push(`${table.table_name}: has customer_id but is listed as global`);
      }
    }
    for (const constraint of constraints.rows) {
      if (!customerTables.has(constraint.table_name)) continue;
      if (!constraint.columns.includes('customer_id')) {
        violations.push(
          `${constraint.table_name}.${constraint.constraint_name} (${constraint.constraint_type}) lacks customer_id`,
        );
      }
    }
    for (const index of uniqueIndexes.rows) {
      if (customerTables.has(index.table_name) && !/\bcustomer_id\b/.test(index.definition)) {
        violations.push(`${index.table_name}.${index.index_name} is unique without customer_id`);
      }
    }
    expect(violations).toEqual([]);
    expect(tables.rows.length).toBeGreaterThan(1);
  });
});
