/**
 * The database port. Repositories take a `Queryable` (the database or an open transaction) as their first
 * parameter; the use case owns the transaction. Both adapters (PGlite and node-postgres) return `int8` as
 * `bigint`, `numeric` as `string`, `date` as a `YYYY-MM-DD` string and `timestamptz` as `Date`.
 */
export interface QueryResult<Row> {
  readonly rows: Row[];
  /** Rows affected by INSERT/UPDATE/DELETE, or returned by SELECT. */
  readonly rowCount: number;
}

export interface Queryable {
  /** One parameterised statement (`$1`, `$2`, …). */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;
  /** Several statements with no parameters (migrations, DDL). */
  exec(sql: string): Promise<void>;
}

export type IsolationLevel = 'read committed' | 'repeatable read' | 'serializable';

export interface TransactionOptions {
  readonly isolation?: IsolationLevel;
  /**
   * Retries the whole callback on serialization failures and deadlocks (SQLSTATE 40001, 40P01), up to this
   * many extra attempts. The callback must therefore be safe to run again (it only talks to the database).
   */
  readonly retries?: number;
}

export type Dialect = 'pglite' | 'postgres';

export interface Database extends Queryable {
  readonly dialect: Dialect;
  /** The schema this handle works in (`public` unless opened for an isolated test). */
  readonly schema: string;
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Cheap liveness probe. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /**
   * Tells other processes that would open the same embedded database where this one serves the API, so
   * they can be sent there (see `data-dir-lock.node.ts`). Absent on PostgreSQL, which many processes share.
   */
  readonly announce?: (url: string, cliKey?: string) => void;
}

/** SQLSTATEs that mean "run the transaction again". */
export const RETRYABLE_SQLSTATES: ReadonlySet<string> = new Set(['40001', '40P01']);

export function sqlStateOf(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/** Quotes an identifier (schema names in tests); refuses anything but [a-z0-9_]. */
export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`unsafe SQL identifier: ${name}`);
  return `"${name}"`;
}

/**
 * JSON for jsonb parameters: bigints are written as decimal strings (JSON has no integer type wide enough
 * for fen), so values survive the round trip exactly.
 */
export function toJson(value: unknown): string {
  // Plain JSON.stringify first (no replacer call per key: most values hold no bigint); a bigint makes it throw
  // a TypeError, and then the replacer writes every bigint as a decimal string.
  try {
    return JSON.stringify(value);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
  }
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

/**
 * A scalar SQL expression that one context asks another context's statement to carry, so that two reads
 * of the same customer's rows make one round trip instead of two (each context still writes only the SQL
 * of its own tables). `sql` gets the placeholder the carrying statement already binds to the customer id —
 * so on a distributed store the statement stays on that customer's shard — and `bind`, which adds a
 * parameter and returns its placeholder. `read` turns the value the adapter returned into `T`.
 */
export interface AlongsideRead<T> {
  sql(customerId: string, bind: (value: unknown) => string): string;
  read(value: unknown): T;
}
