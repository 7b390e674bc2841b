import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import type { Database, Queryable, QueryResult, TransactionOptions } from './database.ts';
import { quoteIdent } from './database.ts';

/** The same parsing rules as the node-postgres adapter, so code cannot tell the two apart. */
const PARSERS = {
  [types.INT8]: (value: string) => BigInt(value),
  1016: (value: string) => parseInt8Array(value),
  [types.DATE]: (value: string) => value,
  [types.NUMERIC]: (value: string) => value,
};

function parseInt8Array(value: string): bigint[] {
  const body = value.slice(1, -1).trim();
  return body === '' ? [] : body.split(',').map((item) => BigInt(item));
}

function wrap(target: PGlite | Transaction): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const result = await target.query<Row>(sql, params as unknown[]);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await target.exec(sql);
    },
  };
}

function isolationSql(options: TransactionOptions | undefined): string | undefined {
  return options?.isolation ? `set transaction isolation level ${options.isolation}` : undefined;
}

export interface PgliteOptions {
  /** A directory for a persistent database; omitted for in-memory. */
  readonly dataDir?: string;
  /**
   * Work inside this schema instead of `public` (tests). Every statement then runs in a short transaction
   * that sets `search_path` locally, so several schema handles can share one PGlite instance safely.
   */
  readonly schema?: string;
  /** Share an already-open instance (one per test file); `close()` then leaves it open. */
  readonly instance?: PGlite;
}

/** Opens (or shares) a PGlite instance. PGlite is one connection; it serialises transactions itself. */
export async function openPglite(options: PgliteOptions = {}): Promise<Database> {
  const owned = options.instance === undefined;
  const pg =
    options.instance ??
    (await PGlite.create(options.dataDir ? `file://${options.dataDir}` : undefined, { parsers: PARSERS }));
  const schema = options.schema ?? 'public';
  const scoped = schema !== 'public';
  if (scoped) await pg.exec(`create schema if not exists ${quoteIdent(schema)}`);
  const setPath = `set local search_path to ${quoteIdent(schema)}`;

  const inTransaction = async <T>(
    work: (tx: Queryable) => Promise<T>,
    options?: TransactionOptions,
  ): Promise<T> =>
    pg.transaction(async (tx) => {
      const iso = isolationSql(options);
      if (iso) await tx.exec(iso);
      if (scoped) await tx.exec(setPath);
      return work(wrap(tx));
    });

  const direct = wrap(pg);
  return {
    dialect: 'pglite',
    schema,
    query: scoped ? (sql, params) => inTransaction((tx) => tx.query(sql, params)) : direct.query,
    exec: scoped ? (sql) => inTransaction((tx) => tx.exec(sql)) : direct.exec,
    // PGlite runs one transaction at a time, so serialization failures cannot occur; no retry loop needed.
    transaction: inTransaction,
    async ping() {
      await pg.query('select 1');
    },
    async close() {
      if (owned) await pg.close();
    },
  };
}

/**
 * Starts a bare PGlite with Credence's type parsers, to share between schema handles: in memory, or on the
 * data directory `dataDir` (the test suites start every file on a copy of one migrated snapshot directory).
 */
export async function createPgliteInstance(dataDir?: string): Promise<PGlite> {
  return PGlite.create(dataDir ? `file://${dataDir}` : undefined, { parsers: PARSERS });
}
