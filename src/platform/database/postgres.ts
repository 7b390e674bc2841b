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

/**
 * Names of prepared statements, by SQL text. A parameterised statement is prepared (parsed and planned) once
 * per connection under its name and then only bound and executed: PostgreSQL's CPU per statement drops,
 * which on a busy shared machine is most of a short query's cost. Texts are the application's own (a few
 * hundred); statements built with a varying number of rows (multi-row inserts) would each be new, so past
 * `MAX_PREPARED` texts the rest run unnamed.
 */
const preparedNames = new Map<string, string>();
const MAX_PREPARED = 1_000;
let nextPrepared = 0;

function preparedName(sql: string): string | undefined {
  let name = preparedNames.get(sql);
  if (name === undefined && preparedNames.size < MAX_PREPARED) {
    name = `credence_${nextPrepared++}`;
    preparedNames.set(sql, name);
  }
  return name;
}

/**
 * After DDL that changes a prepared statement's result columns (a migration by another process), the
 * server refuses the cached plan once; the statement then runs unnamed.
 */
function isStalePlan(error: unknown): boolean {
  return (
    sqlStateOf(error) === '0A000' &&
    error instanceof Error &&
    /cached plan must not change/.test(error.message)
  );
}

function wrap(client: pg.Pool | pg.PoolClient, prepare: boolean): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const name = prepare && params.length > 0 ? preparedName(sql) : undefined;
      let result: pg.QueryResult;
      if (name === undefined) result = await client.query(sql, params as unknown[]);
      else {
        try {
          result = await client.query({ name, text: sql, values: params as unknown[] });
        } catch (error) {
          if (!isStalePlan(error)) throw error;
          // A new name, so every connection prepares the statement again for the new columns.
          preparedNames.delete(sql);
          result = await client.query(sql, params as unknown[]);
        }
      }
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
  /** Prepare parameterised statements once per connection (default true; see `preparedName`). */
  readonly prepareStatements?: boolean;
  /** `application_name` of the connections (pg_stat_activity shows it; benchmarks find their backends by it). */
  readonly applicationName?: string;
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
    ...(options.applicationName !== undefined ? { application_name: options.applicationName } : {}),
  });
  // An idle client that errors (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const prepare = options.prepareStatements !== false;
  const direct = wrap(pool, prepare);

  async function transaction<T>(
    work: (tx: Queryable) => Promise<T>,
    options?: TransactionOptions,
  ): Promise<T> {
    const attempts = 1 + (options?.retries ?? 0);
    for (let attempt = 1; ; attempt += 1) {
      const client = await pool.connect();
      try {
        await client.query(options?.isolation ? `begin isolation level ${options.isolation}` : 'begin');
        const result = await work(wrap(client, prepare));
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
