import type { Database, Queryable } from './database.ts';

/** A database handle that counts the round trips made through it (`countRoundTrips`). */
export interface CountedDatabase {
  readonly db: Database;
  /** Round trips so far: every statement, and each transaction's `begin` and its `commit` or `rollback`. */
  roundTrips(): number;
}

/**
 * Wraps a database so that every round trip to it is counted: each `query` and `exec` (on the database or
 * on a transaction's handle) is one, and each attempt of a transaction adds two (`begin`, and `commit` or
 * `rollback`) — what both adapters send. For benchmarks and the tests that pin how many round trips a use
 * case makes, so the count cannot creep back unnoticed. Costs one increment per statement.
 */
export function countRoundTrips(inner: Database): CountedDatabase {
  let count = 0;
  const counted = (q: Queryable): Queryable => ({
    query(sql, params) {
      count += 1;
      return q.query(sql, params);
    },
    exec(sql) {
      count += 1;
      return q.exec(sql);
    },
  });
  const direct = counted(inner);
  const db: Database = {
    dialect: inner.dialect,
    schema: inner.schema,
    query: direct.query,
    exec: direct.exec,
    transaction: (work, options) =>
      inner.transaction((tx) => {
        count += 2;
        return work(counted(tx));
      }, options),
    ping: () => inner.ping(),
    close: () => inner.close(),
    ...(inner.announce ? { announce: inner.announce } : {}),
  };
  return { db, roundTrips: () => count };
}
