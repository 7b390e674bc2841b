import { AppError } from '../errors/app-error.ts';
import type { Database, Queryable } from './database.ts';
import { GLOBAL_TABLES } from './distribution.ts';

/**
 * Citus as a deployment of the same schema (issue 16). The distribution rule (`distribution.ts`) says how:
 * every table with `customer_id` is distributed by it, colocated with `customers`, so everything one
 * customer owns lives on one shard group and a customer's statements are single-shard router queries;
 * every other table is one of the listed global tables and becomes a reference table (a copy on every node,
 * so a customer's shard joins it locally).
 *
 * Nothing here runs on PostgreSQL without the extension or on PGlite: `migrate` asks `hasCitus` first.
 */

/** The name of the table every customer table is colocated with. */
export const COLOCATION_ANCHOR = 'customers';

/**
 * Session settings a migration needs on Citus: our triggers on distributed tables touch only the same
 * customer's colocated shards or reference tables (the safe use of what Citus calls "unsafe" triggers;
 * docs/citus.md says why each is safe). Applied with `set local` inside each migration's transaction.
 */
export const CITUS_MIGRATION_SETTINGS = 'set local citus.enable_unsafe_triggers = on';

/**
 * A migration on a cluster already installed runs its multi-shard statements over one connection per node
 * (`set local`, that transaction only). Citus refuses a function or type command, or placing a table, after a
 * statement that used several connections to a node in the same transaction ("cannot run function command
 * because there was a parallel operation on a distributed table": 0420 alters `loan_events`, then creates
 * a function). Slower for DDL over many shards, which only migrations do.
 */
export const CITUS_SEQUENTIAL_DDL = "set local citus.multi_shard_modify_mode = 'sequential'";

/** True when the database has the `citus` extension (a coordinator). */
export async function hasCitus(q: Queryable): Promise<boolean> {
  const result = await q.query<{ present: boolean }>(
    `select exists (select 1 from pg_extension where extname = 'citus') as present`,
  );
  return result.rows[0]?.present === true;
}

export interface TablePlacement {
  readonly table: string;
  readonly how: 'distributed' | 'reference';
}

interface TableRow {
  table_name: string;
  has_customer: boolean;
  citus_kind: string | null;
}

interface ForeignKeyRow {
  table_name: string;
  referenced: string;
}

/**
 * Orders tables so that every table comes after the tables its foreign keys point at (Citus distributes a
 * table with a foreign key only once the referenced table is distributed or a reference table). Global
 * tables first (no global table refers to a customer table: the rule forbids it), then `customers`, then
 * the other customer tables.
 */
export function distributionOrder(
  tables: readonly { readonly name: string; readonly global: boolean }[],
  foreignKeys: readonly { readonly from: string; readonly to: string }[],
): string[] {
  const names = new Set(tables.map((t) => t.name));
  const dependsOn = new Map<string, Set<string>>();
  for (const table of tables) dependsOn.set(table.name, new Set());
  for (const fk of foreignKeys) {
    if (fk.from !== fk.to && names.has(fk.to)) dependsOn.get(fk.from)?.add(fk.to);
  }
  const rank = (t: { name: string; global: boolean }) =>
    t.global ? 0 : t.name === COLOCATION_ANCHOR ? 1 : 2;
  const pending = [...tables].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (pending.length > 0) {
    const index = pending.findIndex((t) => [...(dependsOn.get(t.name) ?? [])].every((d) => placed.has(d)));
    if (index < 0) {
      throw new AppError(
        'MIGRATION_FAILED',
        `foreign keys form a cycle between ${pending.map((t) => t.name).join(', ')}; Citus cannot distribute them`,
      );
    }
    const [next] = pending.splice(index, 1);
    if (next === undefined) break;
    ordered.push(next.name);
    placed.add(next.name);
  }
  return ordered;
}

/**
 * The tables of the current schema that are not yet Citus tables, in the order they can be placed (after the
 * tables their foreign keys point at), each with how the rule places it. A table without `customer_id` that
 * the rule does not list is refused, naming it.
 */
async function pendingPlacements(q: Queryable): Promise<TablePlacement[]> {
  const tables = await q.query<TableRow>(
    `select c.relname::text as table_name,
            exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'customer_id'
                      and not a.attisdropped) as has_customer,
            p.partmethod::text as citus_kind
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       left join pg_dist_partition p on p.logicalrelid = c.oid
      where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition`,
  );
  const foreignKeys = await q.query<ForeignKeyRow>(
    `select rel.relname::text as table_name, ref.relname::text as referenced
       from pg_constraint con
       join pg_class rel on rel.oid = con.conrelid
       join pg_class ref on ref.oid = con.confrelid
       join pg_namespace n on n.oid = rel.relnamespace
      where n.nspname = current_schema() and con.contype = 'f'`,
  );
  const unlisted = tables.rows.filter((t) => !t.has_customer && !(t.table_name in GLOBAL_TABLES));
  if (unlisted.length > 0) {
    throw new AppError(
      'MIGRATION_FAILED',
      `table(s) ${unlisted.map((t) => t.table_name).join(', ')} have no customer_id and are not listed as global ` +
        'in src/platform/database/distribution.ts: Citus would not know how to place them',
    );
  }
  const byName = new Map(tables.rows.map((t) => [t.table_name, t]));
  const order = distributionOrder(
    tables.rows.map((t) => ({ name: t.table_name, global: !t.has_customer })),
    foreignKeys.rows.map((fk) => ({ from: fk.table_name, to: fk.referenced })),
  );
  const pending: TablePlacement[] = [];
  for (const name of order) {
    const table = byName.get(name);
    if (table === undefined || table.citus_kind !== null) continue;
    pending.push({ table: name, how: table.has_customer ? 'distributed' : 'reference' });
  }
  return pending;
}

/** Places one table by the rule, in the caller's transaction. */
async function placeTable(q: Queryable, schema: string, placement: TablePlacement): Promise<void> {
  const qualified = `${schema}.${placement.table}`;
  if (placement.how === 'reference') await q.query('select create_reference_table($1)', [qualified]);
  else if (placement.table === COLOCATION_ANCHOR) {
    await q.query(`select create_distributed_table($1, 'customer_id')`, [qualified]);
  } else {
    await q.query(`select create_distributed_table($1, 'customer_id', colocate_with => $2)`, [
      qualified,
      `${schema}.${COLOCATION_ANCHOR}`,
    ]);
  }
}

/**
 * Distributes every table of the current schema that is not yet a Citus table, by the rule: customer tables
 * with `create_distributed_table(t, 'customer_id', colocate_with => 'customers')`, global tables with
 * `create_reference_table(t)`. Idempotent: tables already distributed are left alone, so it runs after every
 * `migrate` (new tables from new migrations are distributed then, unless `placeNewTables` already did). Each
 * table in its own transaction under the migration lock; a table without `customer_id` that the rule does
 * not list is refused.
 */
export async function distributeTables(db: Database, lockKey: bigint): Promise<TablePlacement[]> {
  const placed: TablePlacement[] = [];
  for (const placement of await pendingPlacements(db)) {
    await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [lockKey]);
      await tx.exec(CITUS_MIGRATION_SETTINGS);
      // Another migrator may have distributed it while we waited for the lock.
      const again = await tx.query(
        `select 1 from pg_dist_partition where logicalrelid = to_regclass(quote_ident(current_schema()) || '.' || quote_ident($1))`,
        [placement.table],
      );
      if (again.rows.length > 0) return;
      await placeTable(tx, db.schema, placement);
    });
    placed.push({ table: placement.table, how: placement.how });
  }
  return placed;
}

/** True when `customers`, the table every customer table is colocated with, is already distributed. */
export async function anchorIsPlaced(q: Queryable): Promise<boolean> {
  const result = await q.query(
    `select 1 from pg_dist_partition
      where logicalrelid = to_regclass(quote_ident(current_schema()) || '.' || quote_ident($1))`,
    [COLOCATION_ANCHOR],
  );
  return result.rows.length > 0;
}

/** Whether a migration statement creates a table (then, on an installed cluster, it is placed at once). */
export function createsTable(statement: string): boolean {
  const code = statement.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, '').trimStart();
  return /^create\s+(?:unlogged\s+)?table\s/i.test(code);
}

/**
 * Places, in the caller's transaction (a migration's), the tables of the current schema not yet placed —
 * on a cluster whose tables are already distributed, right after the statement that created them. A
 * migration that creates a table and, further on, points a foreign key of an existing distributed table at
 * it (0420: `loan_events` → `loan_hardship_requests`) needs the new table placed first: Citus refuses a
 * foreign key from a distributed table to a local one. On a fresh install nothing is placed until every
 * migration has run (`distributeTables`), as before.
 */
export async function placeNewTables(q: Queryable, schema: string): Promise<TablePlacement[]> {
  const placed: TablePlacement[] = [];
  for (const placement of await pendingPlacements(q)) {
    await placeTable(q, schema, placement);
    placed.push({ table: placement.table, how: placement.how });
  }
  return placed;
}

/**
 * Splits a migration file into its statements, for Citus: it propagates some DDL to the workers as the
 * original query text, and a text holding several statements is refused there ("cannot insert multiple
 * commands into a prepared statement"). Knows what a migration uses: `--` and `/* *\/` comments, single-quoted
 * strings (with '' inside), double-quoted identifiers and dollar-quoted bodies (`$$`, `$tag$`). Empty
 * statements and comment-only tails are dropped.
 */
export function splitSqlStatements(sql: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  const push = (end: number) => {
    const text = sql.slice(start, end).trim();
    if (text.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, '').trim() !== '') statements.push(text);
  };
  while (i < sql.length) {
    const char = sql[i];
    const next = sql[i + 1];
    if (char === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end + 1;
    } else if (char === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
    } else if (char === "'" || char === '"') {
      let j = i + 1;
      for (;;) {
        const end = sql.indexOf(char, j);
        if (end < 0) {
          j = sql.length;
          break;
        }
        if (sql[end + 1] === char) j = end + 2;
        else {
          j = end + 1;
          break;
        }
      }
      i = j;
    } else if (char === '$') {
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i));
      if (tag) {
        const end = sql.indexOf(tag[0], i + tag[0].length);
        i = end < 0 ? sql.length : end + tag[0].length;
      } else i += 1;
    } else if (char === ';') {
      push(i);
      i += 1;
      start = i;
    } else i += 1;
  }
  push(sql.length);
  return statements;
}

const distributed = new WeakMap<Database, Promise<boolean>>();

/** Whether `db` is a Citus coordinator; asked once per handle (PGlite and plain PostgreSQL: false). */
export function isDistributed(db: Database): Promise<boolean> {
  if (db.dialect !== 'postgres') return Promise.resolve(false);
  let known = distributed.get(db);
  if (known === undefined) {
    known = hasCitus(db);
    distributed.set(db, known);
  }
  return known;
}

/**
 * Splits items into groups whose customers live on the same shard group, keeping their order within each
 * group; one group on PostgreSQL and PGlite. A transaction that locks many customers' rows in one statement
 * (a day-end chunk) must stay within one shard on Citus, which locks rows only in single-shard queries.
 */
export async function groupByShard<T extends { readonly customerId: string }>(
  db: Database,
  items: readonly T[],
): Promise<T[][]> {
  if (items.length === 0) return [];
  if (!(await isDistributed(db))) return [[...items]];
  const ids = [...new Set(items.map((item) => item.customerId))];
  const shards = await db.query<{ customer_id: string; shard: bigint }>(
    `select c as customer_id, get_shard_id_for_distribution_column($2, c) as shard
       from unnest($1::text[]) as c`,
    [ids, `${db.schema}.${COLOCATION_ANCHOR}`],
  );
  const shardOf = new Map(shards.rows.map((row) => [row.customer_id, row.shard.toString()]));
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const shard = shardOf.get(item.customerId) ?? '';
    const group = groups.get(shard);
    if (group) group.push(item);
    else groups.set(shard, [item]);
  }
  return [...groups.values()];
}
