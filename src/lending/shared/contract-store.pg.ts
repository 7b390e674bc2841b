import { inCustomerPartition, type CustomerPartition } from '../../platform/database/customer-partition.ts';
import type { Queryable } from '../../platform/database/database.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';

/**
 * The storage every lending product shares: a contract table keyed by `(customer_id, id)` whose rows carry
 * `processed_through` (the day-end watermark), and batched writes through `unnest` (one statement for any
 * number of rows). Loans (`loans`, migration 0403) and credit lines (`credit_lines`, 0501) are two
 * instances of it; each product keeps only its columns and codec. Functions take the caller's executor:
 * the use case owns the transaction.
 */

/** A product's contract and the day-end cursor over it. */
export interface ContractRef {
  readonly customerId: string;
  readonly id: string;
}

/** Where a contract lives, found by its id alone. */
export interface ContractLocation {
  readonly customerId: string;
  readonly facilityId: string;
}

/** What every contract row carries besides its product's columns (the store reads and maps these). */
export interface ContractBookkeeping {
  /** The seq the contract's next event gets. */
  readonly nextEventSeq: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

interface BookkeepingRow {
  next_event_seq: number;
  created_at: Date;
  updated_at: Date;
}

/** What one product tells the store about its table. */
export interface ContractTable<Row, Record> {
  /** The table, e.g. `loans`; a constant of the product, never input. */
  readonly table: string;
  /** The product's select list (the store adds `next_event_seq, created_at, updated_at`). */
  readonly columns: string;
  /**
   * The rows the day-end and reminders still serve (`status = 'active'` for loans); omitted: every row.
   * A constant SQL condition over the table's own columns.
   */
  readonly open?: string;
  /** The product's part of a record; the bookkeeping is added to it. */
  readonly toRecord: (row: Row) => Omit<Record, keyof ContractBookkeeping>;
}

/** Reads and locks of one product's contracts (see {@link contractStore}). */
export interface ContractStore<Record> {
  /** The contract's customer and facility, found by id alone; not locked. */
  locate(q: Queryable, id: string): Promise<ContractLocation | undefined>;
  find(q: Queryable, customerId: string, id: string): Promise<Record | undefined>;
  /** The customer's contract whose `column` (a constant of the caller, e.g. `facility_id`) equals `value`. */
  findBy(q: Queryable, customerId: string, column: string, value: string): Promise<Record | undefined>;
  /** The contract, locked for update (the caller changes its state). */
  lock(tx: Queryable, customerId: string, id: string): Promise<Record | undefined>;
  /** A customer's contracts in id order. */
  list(q: Queryable, customerId: string): Promise<Record[]>;
  /**
   * Open contracts in id order after `afterId` (keyset paging), whatever their watermark; with `partition`,
   * only its customers'.
   */
  listOpen(
    q: Queryable,
    afterId: string,
    limit: number,
    partition?: CustomerPartition,
  ): Promise<ContractRef[]>;
  countOpen(q: Queryable): Promise<number>;
  /** The given contracts (not locked), in id order. */
  load(q: Queryable, refs: readonly ContractRef[]): Promise<Record[]>;
  /**
   * Open contracts whose day-end is behind `date`, in id order after `afterId` (keyset paging); with
   * `partition`, only its customers' (a day-end partition reads its own rows only).
   */
  behind(
    q: Queryable,
    date: LocalDate,
    afterId: string,
    limit: number,
    partition?: CustomerPartition,
  ): Promise<ContractRef[]>;
  countBehind(q: Queryable, date: LocalDate): Promise<number>;
  /**
   * Locks the given contracts that are still open and behind `date`, in id order (a fixed lock order, so two
   * batch workers cannot deadlock). Contracts a command advanced meanwhile drop out here.
   */
  lockBehind(tx: Queryable, refs: readonly ContractRef[], date: LocalDate): Promise<Record[]>;
  /** The earliest day-end date any open contract still needs, if any. */
  earliestBehind(q: Queryable): Promise<LocalDate | undefined>;
}

const refsOf = (refs: readonly ContractRef[]) => [
  refs.map((ref) => ref.customerId),
  refs.map((ref) => ref.id),
];

/** The reads and locks of one contract table; every statement is built once, here. */
export function contractStore<Row, Record extends ContractBookkeeping>(
  spec: ContractTable<Row, Record>,
): ContractStore<Record> {
  const { table } = spec;
  const columns = `${spec.columns}, next_event_seq, created_at, updated_at`;
  const toRecord = (row: Row & BookkeepingRow): Record =>
    ({
      ...spec.toRecord(row),
      nextEventSeq: row.next_event_seq,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }) as Record;
  const open = spec.open ? `${spec.open} and ` : '';
  const openOnly = spec.open ? ` where ${spec.open}` : '';
  const one = async (q: Queryable, sql: string, params: unknown[]) => {
    const [row] = (await q.query<Row & BookkeepingRow>(sql, params)).rows;
    return row ? toRecord(row) : undefined;
  };
  return {
    async locate(q, id) {
      const result = await q.query<{ customer_id: string; facility_id: string }>(
        `select customer_id, facility_id from ${table} where id = $1`,
        [id],
      );
      const [row] = result.rows;
      return row ? { customerId: row.customer_id, facilityId: row.facility_id } : undefined;
    },
    find: (q, customerId, id) =>
      one(q, `select ${columns} from ${table} where customer_id = $1 and id = $2`, [customerId, id]),
    findBy: (q, customerId, column, value) =>
      one(q, `select ${columns} from ${table} where customer_id = $1 and ${column} = $2`, [
        customerId,
        value,
      ]),
    lock: (tx, customerId, id) =>
      one(tx, `select ${columns} from ${table} where customer_id = $1 and id = $2 for update`, [
        customerId,
        id,
      ]),
    async list(q, customerId) {
      const result = await q.query<Row & BookkeepingRow>(
        `select ${columns} from ${table} where customer_id = $1 order by id`,
        [customerId],
      );
      return result.rows.map(toRecord);
    },
    async listOpen(q, afterId, limit, partition) {
      const params: unknown[] = [afterId, limit];
      const mine = inCustomerPartition(partition, 'customer_id', params);
      const result = await q.query<{ customer_id: string; id: string }>(
        `select customer_id, id from ${table} where ${open}id > $1${mine} order by id limit $2`,
        params,
      );
      return result.rows.map((row) => ({ customerId: row.customer_id, id: row.id }));
    },
    async countOpen(q) {
      const result = await q.query<{ n: bigint }>(`select count(*) as n from ${table}${openOnly}`);
      return Number(result.rows[0]?.n ?? 0n);
    },
    async load(q, refs) {
      const result = await q.query<Row & BookkeepingRow>(
        `select ${columns} from ${table}
          where (customer_id, id) in (select * from unnest($1::text[], $2::text[])) order by id`,
        refsOf(refs),
      );
      return result.rows.map(toRecord);
    },
    async behind(q, date, afterId, limit, partition) {
      const params: unknown[] = [date, afterId, limit];
      const mine = inCustomerPartition(partition, 'customer_id', params);
      const result = await q.query<{ customer_id: string; id: string }>(
        `select customer_id, id from ${table}
          where ${open}id > $2 and processed_through < $1${mine}
          order by id limit $3`,
        params,
      );
      return result.rows.map((row) => ({ customerId: row.customer_id, id: row.id }));
    },
    async countBehind(q, date) {
      const result = await q.query<{ n: bigint }>(
        `select count(*) as n from ${table} where ${open}processed_through < $1`,
        [date],
      );
      return Number(result.rows[0]?.n ?? 0n);
    },
    async lockBehind(tx, refs, date) {
      const result = await tx.query<Row & BookkeepingRow>(
        `select ${columns} from ${table}
          where (customer_id, id) in (select * from unnest($1::text[], $2::text[]))
            and customer_id = any ($1::text[]) -- prunes to the chunk's shard on Citus (same rows)
            and ${open}processed_through < $3
          order by id for update`,
        [...refsOf(refs), date],
      );
      return result.rows.map(toRecord);
    },
    async earliestBehind(q) {
      const result = await q.query<{ next: string | null }>(
        `select (min(processed_through) + 1)::text as next from ${table}${openOnly}`,
      );
      const next = result.rows[0]?.next;
      return next ? (next as LocalDate) : undefined;
    },
  };
}

/** A column of a batched write: its name, its Postgres type and how an item gives its value. */
export interface BatchColumn<Item> {
  readonly name: string;
  /** `text`, `bigint`, `int`, `smallint`, `date` or `jsonb` (sent as text, cast in the statement). */
  readonly type: 'text' | 'bigint' | 'int' | 'smallint' | 'date' | 'jsonb';
  readonly of: (item: Item) => unknown;
  /** For updates: the assignment when it is not `name = v.name` (e.g. a coalesce with the old value). */
  readonly set?: string;
}

/** Column-wise parameter arrays (bigints as decimal strings, which every driver sends exactly). */
function arraysOf<Item>(columns: readonly BatchColumn<Item>[], items: readonly Item[]): unknown[][] {
  const arrays: unknown[][] = columns.map(() => []);
  for (const item of items) {
    columns.forEach((column, index) => {
      const value = column.of(item);
      arrays[index]?.push(typeof value === 'bigint' ? value.toString() : value);
    });
  }
  return arrays;
}

const paramType = (type: BatchColumn<never>['type']) => (type === 'jsonb' ? 'text' : type);
const valueOf = (column: BatchColumn<never>) =>
  column.type === 'jsonb' ? `v.${column.name}::jsonb` : `v.${column.name}`;
const unnestOf = (columns: readonly BatchColumn<never>[]) =>
  `unnest(${columns.map((column, index) => `$${index + 1}::${paramType(column.type)}[]`).join(', ')})
     as v (${columns.map((column) => column.name).join(', ')})`;

/**
 * One item's values as scalar parameters, and a column's expression with `v.<column>` read from them: one
 * row is written by an `insert … values` / `update … where customer_id = $1 and id = $2`, which Citus runs as
 * a single-shard (router) statement; the `unnest` form of many rows it plans across every shard (a purchase
 * or a repayment, one contract, must stay on its customer's shard).
 */
function scalarsOf<Item>(columns: readonly BatchColumn<Item>[], item: Item): unknown[] {
  return columns.map((column) => {
    const value = column.of(item);
    return typeof value === 'bigint' ? value.toString() : value;
  });
}

function scalarExpression(columns: readonly BatchColumn<never>[], expression: string): string {
  return expression.replace(/\bv\.([a-z_][a-z0-9_]*)/g, (whole, name: string) => {
    const index = columns.findIndex((column) => column.name === name);
    const column = columns[index];
    return column ? `$${index + 1}::${paramType(column.type)}` : whole;
  });
}

/**
 * Inserts any number of rows in one statement; `stamped` columns (e.g. `created_at`, `updated_at`) all get
 * `at`. Nothing is sent for no items.
 */
export async function insertMany<Item>(
  tx: Queryable,
  table: string,
  columns: readonly BatchColumn<Item>[],
  items: readonly Item[],
  stamp: { readonly columns: readonly string[]; readonly at: Date },
): Promise<void> {
  if (items.length === 0) return;
  const at = `$${columns.length + 1}`;
  const [only] = items;
  if (items.length === 1 && only !== undefined) {
    await tx.query(
      `insert into ${table} (${[...columns.map((column) => column.name), ...stamp.columns].join(', ')})
       values (${[...columns.map((column) => scalarExpression(columns, valueOf(column))), ...stamp.columns.map(() => at)].join(', ')})`,
      [...scalarsOf(columns, only), stamp.at],
    );
    return;
  }
  await tx.query(
    `insert into ${table} (${[...columns.map((column) => column.name), ...stamp.columns].join(', ')})
     select ${[...columns.map(valueOf), ...stamp.columns.map(() => at)].join(', ')}
       from ${unnestOf(columns)}`,
    [...arraysOf(columns, items), stamp.at],
  );
}

/**
 * Updates any number of contracts in one statement, matched on `(customer_id, id)` (the first two columns
 * must be those); `updated_at` becomes `at`. The extra `customer_id = any` filter selects the same rows and
 * lets Citus prune the statement to the customers' shards.
 */
export async function updateMany<Item>(
  tx: Queryable,
  table: string,
  columns: readonly BatchColumn<Item>[],
  items: readonly Item[],
  at: Date,
): Promise<void> {
  if (items.length === 0) return;
  const [customer, id, ...changed] = columns;
  if (customer?.name !== 'customer_id' || id?.name !== 'id') {
    throw new Error('updateMany: the first two columns must be customer_id and id');
  }
  const [only] = items;
  if (items.length === 1 && only !== undefined) {
    const scalarSets = changed.map(
      (column) => `${column.name} = ${scalarExpression(columns, column.set ?? valueOf(column))}`,
    );
    await tx.query(
      `update ${table} l set ${scalarSets.join(', ')}, updated_at = $${columns.length + 1}
        where l.customer_id = $1 and l.id = $2`,
      [...scalarsOf(columns, only), at],
    );
    return;
  }
  const sets = changed.map((column) => `${column.name} = ${column.set ?? valueOf(column)}`);
  await tx.query(
    `update ${table} l
        set ${sets.join(', ')}, updated_at = $${columns.length + 1}
       from ${unnestOf(columns)}
      where l.customer_id = v.customer_id and l.id = v.id
        and l.customer_id = any ($1::text[])`,
    [...arraysOf(columns, items), at],
  );
}
