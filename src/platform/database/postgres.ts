import pg from 'pg';
import type { Database, Queryable, QueryResult, TransactionOptions } from './database.ts';
import { quoteIdent, RETRYABLE_SQLSTATES, sqlStateOf } from './database.ts';

const INT8 = 20;
const INT8_ARRAY = 1016;
const DATE = 1082;

/** Per-pool type parsers (not the global pg.types), matching the PGlite adapter. */
const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8) return (value: string) => BigInt(value);
    if (oid === INT8_ARRAY) {
      return (value: string) => {
        const body = value.slice(1, -1).trim();
        return body === '' ? [] : body.split(',').map((item) => BigInt(item));
      };
    }
    if (oid === DATE) return (value: string) => value;
    return pg.types.getTypeParser(oid, format);
  },
};

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const result = await client.query(sql, params as unknown[]);
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? result.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await client.query(sql);
    },
  };
}

export interface PostgresOptions {
  readonly connectionString: string;
  /** Work inside this schema (created if missing) instead of `public`. */
  readonly schema?: string;
  /** Pool size; default 10. */
  readonly max?: number;
}

/** Opens a node-postgres pool against a real PostgreSQL 15+. */
export async function openPostgres(options: PostgresOptions): Promise<Database> {
  const schema = options.schema ?? 'public';
  if (schema !== 'public') {
    const admin = new pg.Client({ connectionString: options.connectionString });
    await admin.connect();
    try {
      await admin.query(`create schema if not exists ${quoteIdent(schema)}`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    types: typeParsers,
    options: schema === 'public' ? undefined : `-c search_path=${quoteIdent(schema)}`,
  });
  // An idle client that errors (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const direct = wrap(pool);

  async function transaction<T>(
    work: (tx: Queryable) => Promise<T>,
    options?: TransactionOptions,
  ): Promise<T> {
    const attempts = 1 + (options?.retries ?? 0);
    for (let attempt = 1; ; attempt += 1) {
      const client = await pool.connect();
      try {
        await client.query(options?.isolation ? `begin isolation level ${options.isolation}` : 'begin');
        const result = await work(wrap(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        const state = sqlStateOf(error);
        if (attempt < attempts && state !== undefined && RETRYABLE_SQLSTATES.has(state)) {
          // Jittered back-off keeps retries from colliding again.
          await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 5 * attempt)));
          continue;
        }
        throw error;
      } finally {
        client.release();
      }
    }
  }

  return {
    dialect: 'postgres',
    schema,
    query: direct.query,
    exec: direct.exec,
    transaction,
    async ping() {
      await pool.query('select 1');
    },
    async close() {
      await pool.end();
    },
  };
}
