import { describe, expect, it } from 'vitest';
import { ACCOUNT_KINDS } from '../../src/ledger/account.ts';
import type { JournalEntry } from '../../src/ledger/journal.ts';
import { openAccounts, postJournals, verifyLedger } from '../../src/ledger/ledger.pg.ts';
import { createsTable, distributionOrder, splitSqlStatements } from '../../src/platform/database/citus.ts';
import { sqlStateOf, type Database } from '../../src/platform/database/database.ts';
import { GLOBAL_TABLES } from '../../src/platform/database/distribution.ts';
import { loadMigrations, migrate } from '../../src/platform/database/migrate.ts';
import type { Money } from '../../src/platform/money/money.ts';
import type { LocalDate } from '../../src/platform/time/local-date.ts';
import { seedDemo } from '../../src/demo/seeding/demo-seeding.ts';
import { seedDemoHistory } from '../../src/demo/history/history-seeder.ts';
import { createTestApp } from '../support/app.ts';
import { lineWorld } from '../lending/credit-lines/support.ts';
import { lendingWorld } from '../lending/support.ts';
import { openPostgres } from '../../src/platform/database/postgres.ts';
import type { Queryable } from '../../src/platform/database/database.ts';
import { citusStore, pgliteStore, type StoreUnderTest } from '../support/stores.ts';

/**
 * Credence on Citus (issue 16), against the coordinator at `CITUS_URL` (a coordinator and two workers; see
 * docs/citus.md for a cluster on loopback ports). Skipped when `CITUS_URL` is not set, like the PostgreSQL
 * suites without `DATABASE_URL`. The database at `CITUS_URL` is the suite's own: each test empties its
 * `public` schema and migrates it again, which distributes every table by the rule. (Not a schema per test,
 * as on PostgreSQL: trigger functions run on the workers under the worker session's search_path, which
 * Citus does not carry over from the coordinator — Credence on Citus lives in `public`; docs/citus.md.)
 */
const citusUrl = process.env.CITUS_URL;

/**
 * The database at `url` itself, emptied and migrated again by each `fresh()`: `migrate` from nothing on a
 * live cluster (every table distributed by `credence migrate`). The other tests take copies of the migrated
 * template (`citusStore`, test/support/citus-template.ts): seconds instead of a migration each.
 */
const publicSchemaStore = (url: string): StoreUnderTest => {
  let open: Database | undefined;
  return {
    name: 'citus',
    async fresh(options = {}) {
      // The previous test may have closed it already (an app stops its database).
      await open?.close().catch(() => undefined);
      const admin = await openPostgres({ connectionString: url, max: 1 });
      try {
        // Not `drop schema public cascade`: on a Citus node that drops the citus extension with it.
        const tables = await admin.query<{ name: string }>(
          `select format('%I.%I', n.nspname, c.relname) as name from pg_class c
             join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'public' and c.relkind in ('r', 'p')
              and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e')`,
        );
        if (tables.rows.length > 0) {
          await admin.exec(`drop table ${tables.rows.map((t) => t.name).join(', ')} cascade`);
        }
        const functions = await admin.query<{ name: string }>(
          `select p.oid::regprocedure::text as name from pg_proc p
             join pg_namespace n on n.oid = p.pronamespace
            where n.nspname = 'public'
              and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')`,
        );
        for (const fn of functions.rows) await admin.exec(`drop function if exists ${fn.name} cascade`);
      } finally {
        await admin.close();
      }
      open = await openPostgres({ connectionString: url, max: options.poolSize ?? 5 });
      if (options.migrate !== false) await migrate(open);
      return open;
    },
  };
};

describe('distribution order (pure)', () => {
  it('puts global tables first, then customers, then each customer table after the tables it refers to', () => {
    const order = distributionOrder(
      [
        { name: 'ledger_postings', global: false },
        { name: 'ledger_journals', global: false },
        { name: 'customers', global: false },
        { name: 'staff_sessions', global: true },
        { name: 'staff_users', global: true },
        { name: 'appeals', global: false },
      ],
      [
        { from: 'ledger_postings', to: 'ledger_journals' },
        { from: 'appeals', to: 'customers' },
        { from: 'staff_sessions', to: 'staff_users' },
        { from: 'ledger_journals', to: 'ledger_journals' },
      ],
    );
    expect(order).toEqual([
      'staff_users',
      'staff_sessions',
      'customers',
      'appeals',
      'ledger_journals',
      'ledger_postings',
    ]);
  });
});

describe('migration statements for Citus (pure)', () => {
  it('splits at semicolons outside comments, strings, quoted names and dollar-quoted bodies', () => {
    const sql = `-- a comment; not a split
create function f() returns trigger language plpgsql as $$ begin raise exception 'a;b'; end $$;
insert into t values ('it''s; fine', "odd;name"); /* c; */
create function g() returns int language sql as $body$ select 1; $body$;
-- a tail; only comments`;
    expect(splitSqlStatements(sql)).toEqual([
      `-- a comment; not a split
create function f() returns trigger language plpgsql as $$ begin raise exception 'a;b'; end $$`,
      `insert into t values ('it''s; fine', "odd;name")`,
      `/* c; */
create function g() returns int language sql as $body$ select 1; $body$`,
    ]);
  });

  it('leaves every statement of every migration whole (each split ends outside any quote)', async () => {
    for (const file of await loadMigrations()) {
      const statements = splitSqlStatements(file.sql);
      expect(statements.length, file.name).toBeGreaterThan(0);
      for (const statement of statements) {
        expect(splitSqlStatements(statement), file.name).toEqual([statement]);
        expect((statement.match(/\$\$/g) ?? []).length % 2, `${file.name}: ${statement.slice(0, 80)}`).toBe(
          0,
        );
      }
    }
  });
});

/**
 * The `add column` clauses of an `alter table` statement that declare a constraint without naming it
 * (`check`, `unique`, `references`, `primary key` not preceded by `constraint <name>`). Clauses are cut at
 * commas outside parentheses; comments are dropped first.
 */
function unnamedColumnConstraints(statement: string): string[] {
  const code = statement.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ' ');
  if (!/^\s*alter\s+table\s/i.test(code)) return [];
  const clauses: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < code.length; i += 1) {
    if (code[i] === '(') depth += 1;
    else if (code[i] === ')') depth -= 1;
    else if (code[i] === ',' && depth === 0) {
      clauses.push(code.slice(start, i));
      start = i + 1;
    }
  }
  clauses.push(code.slice(start));
  return clauses
    .map((clause) => clause.replace(/^\s*alter\s+table\s+(?:if\s+exists\s+)?(?:only\s+)?\S+/i, '').trim())
    .filter((clause) => /^add\s+column\b/i.test(clause))
    .filter((clause) => {
      // Each constraint keyword must follow `constraint <name>` directly.
      const keywords = [...clause.matchAll(/\b(check|unique|references|primary\s+key)\b/gi)];
      return keywords.some((k) => !/constraint\s+\S+\s*$/i.test(clause.slice(0, k.index)));
    });
}

describe('migrations a Citus cluster can apply (pure)', () => {
  it('finds a column added with an unnamed constraint, and passes one added with a named constraint', () => {
    expect(
      unnamedColumnConstraints(
        'alter table t\n  add column a integer not null default 0 check (a >= 0),\n  add column b jsonb',
      ),
    ).toEqual(['add column a integer not null default 0 check (a >= 0)']);
    expect(
      unnamedColumnConstraints("alter table t add column r text\n  constraint t_r check (r in ('x', 'y'))"),
    ).toEqual([]);
    expect(unnamedColumnConstraints('alter table t add constraint t_c check (a > 0)')).toEqual([]);
    expect(unnamedColumnConstraints('alter table t add column k text references u (id)')).toEqual([
      'add column k text references u (id)',
    ]);
  });

  it('no migration adds a column with an unnamed constraint (Citus refuses it on a placed table)', async () => {
    // "all constraints in Citus must have explicit names": add the column, then `add constraint <name>`.
    // These ran before the first Citus support (every cluster was installed after them, with nothing placed
    // yet while they ran); a migration written since must name them.
    const beforeCitus = new Set([
      '0502_credit_line_due_rules.sql',
      '0503_credit_line_reviews.sql',
      '0504_credit_line_plan_refunds_and_payouts.sql',
      '0508_credit_line_review_claims.sql',
      '0812_data_corrections_filed_by.sql',
      '0831_shadow_mode.sql',
    ]);
    const found: string[] = [];
    for (const file of (await loadMigrations()).filter((f) => !beforeCitus.has(f.name))) {
      for (const statement of splitSqlStatements(file.sql)) {
        for (const clause of unnamedColumnConstraints(statement)) found.push(`${file.name}: ${clause}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('a statement that creates a table is known, whatever precedes it', () => {
    expect(createsTable('-- the requests\ncreate table r (id text)')).toBe(true);
    expect(createsTable('CREATE UNLOGGED TABLE r (id text)')).toBe(true);
    expect(createsTable('create index r_by_id on r (id)')).toBe(false);
    expect(createsTable('create function f() returns int language sql as $$ select 1 $$')).toBe(false);
  });
});

describe('table names (pure)', () => {
  it('no table of the schema ends in _<digits>, the form of a Citus shard name that refusals strip (0904)', async () => {
    const names = (await loadMigrations()).flatMap((file) =>
      [...file.sql.matchAll(/create table (?:if not exists )?([a-z_][a-z0-9_]*)/gi)].map((m) => m[1] ?? ''),
    );
    expect(names.length).toBeGreaterThan(40);
    expect(names.filter((name) => /_[0-9]+$/.test(name))).toEqual([]);
  });
});

/**
 * A store whose databases, while `watch.strict` is on, refuse every statement Citus would run on more than
 * one shard (`citus.multi_task_query_log_level = error`, set for each transaction) — except the lookup of a
 * contract's customer by the contract id alone (a repayment or a purchase names only the loan or the line),
 * which is allowed and counted in `watch.lookups`.
 */
function routerOnly(store: StoreUnderTest) {
  const watch = { strict: false, lookups: [] as string[] };
  const LOOKUP = /^select customer_id, facility_id from (loans|credit_lines) where id = \$1$/;
  const strictly = (tx: Queryable): Queryable => ({
    async query<Row>(sql: string, params?: readonly unknown[]) {
      const text = sql.trim().replace(/\s+/g, ' ');
      if (!LOOKUP.test(text)) {
        return tx.query<Row>(sql, params).catch((error: unknown) => {
          // Names the statement that would have run on several shards.
          if (error instanceof Error) error.message = `${error.message}: ${text.slice(0, 300)}`;
          throw error;
        });
      }
      watch.lookups.push(text);
      await tx.exec(`set local citus.multi_task_query_log_level = 'off'`);
      const result = await tx.query<Row>(sql, params);
      await tx.exec(`set local citus.multi_task_query_log_level = 'error'`);
      return result;
    },
    exec: (sql) => tx.exec(sql),
  });
  const watched: StoreUnderTest = {
    name: store.name,
    async fresh(options) {
      const db = await store.fresh(options);
      const transaction: Database['transaction'] = (work, transactionOptions) =>
        db.transaction(async (tx) => {
          if (!watch.strict) return work(tx);
          await tx.exec(`set local citus.multi_task_query_log_level = 'error'`);
          return work(strictly(tx));
        }, transactionOptions);
      return {
        ...db,
        transaction,
        query: (sql, params) =>
          watch.strict ? transaction((tx) => tx.query(sql, params)) : db.query(sql, params),
        exec: (sql) => (watch.strict ? transaction((tx) => tx.exec(sql)) : db.exec(sql)),
      };
    },
  };
  return { store: watched, watch };
}

describe.skipIf(!citusUrl)('Credence on Citus (CITUS_URL)', () => {
  const store = citusStore(citusUrl ?? 'postgres://unset');
  const at = new Date('2026-11-22T02:00:00Z');
  const day = '2026-11-22' as LocalDate;

  function entry(
    id: string,
    customerId: string,
    lines: [string, 'D' | 'C', bigint][],
    contractId = 'k1',
  ): JournalEntry {
    return {
      id,
      customerId,
      contractId,
      sourceKey: `test:${id}`,
      kind: 'test',
      effectiveDate: day,
      description: '',
      lines: lines.map(([kind, side, amount]) => ({
        kind: kind as JournalEntry['lines'][number]['kind'],
        side,
        amount: amount as Money,
      })),
    };
  }

  async function refusal(work: Promise<unknown>): Promise<string | undefined> {
    return work.then(
      () => undefined,
      (error: unknown) => sqlStateOf(error) ?? String(error),
    );
  }

  it('migrate places every table by the rule: customer tables distributed with customers, the rest reference', async () => {
    // Installed from the migrations of the first Citus run (everything placed at the end), then upgraded
    // with the 13 written since, on the distributed cluster: 0420 creates loan_hardship_requests and points
    // a foreign key of the distributed loan_events at it, so the new table is placed as it is created (and
    // the upgrade's DDL runs over one connection per node); 0834 adds a column, then its named check.
    const db = await publicSchemaStore(citusUrl ?? '').fresh({ migrate: false });
    const since = ['0411', '0420', '0435', '0436', '0440', '0530', '0540', '0541', '0550', '0551', '0552'];
    since.push('0824', '0834');
    const files = await loadMigrations();
    await migrate(db, { files: files.filter((f) => !since.includes(f.version)) });
    const placedInUpgrade: string[] = [];
    expect(await migrate(db, { onDistribute: (p) => placedInUpgrade.push(`${p.table} ${p.how}`) })).toEqual(
      files.filter((f) => since.includes(f.version)).map((f) => f.name),
    );
    expect(placedInUpgrade).toEqual([
      'day_end_jobs reference',
      'loan_hardship_requests distributed',
      'loan_hardship_rules reference',
      'payouts distributed',
      'credit_line_hardship_requests distributed',
    ]);
    const placed = await db.query<{
      table_name: string;
      has_customer: boolean;
      method: string | null;
      column_name: string | null;
      colocated: boolean | null;
    }>(
      `select c.relname::text as table_name,
              exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'customer_id'
                        and not a.attisdropped) as has_customer,
              p.partmethod::text as method,
              case when p.partmethod = 'h' then column_to_column_name(p.logicalrelid, p.partkey) end as column_name,
              p.colocationid = (select colocationid from pg_dist_partition
                                 where logicalrelid = to_regclass(quote_ident(current_schema()) || '.customers')) as colocated
         from pg_class c
         join pg_namespace n on n.oid = c.relnamespace
         left join pg_dist_partition p on p.logicalrelid = c.oid
        where n.nspname = current_schema() and c.relkind = 'r'
        order by 1`,
    );
    const wrong = placed.rows.filter((t) =>
      t.has_customer
        ? !(t.method === 'h' && t.column_name === 'customer_id' && t.colocated === true)
        : !(t.method === 'n' && t.table_name in GLOBAL_TABLES),
    );
    expect(wrong).toEqual([]);
    expect(placed.rows.filter((t) => t.has_customer).length).toBeGreaterThan(20);
    expect(placed.rows.filter((t) => !t.has_customer).length).toBeGreaterThan(10);
    // Again: nothing to apply, nothing to distribute.
    const distributed: string[] = [];
    expect(await migrate(db, { onDistribute: (p) => distributed.push(p.table) })).toEqual([]);
    expect(distributed).toEqual([]);
    await db.close();
  }, 600_000);

  it('the ledger holds its rules on the shards: balances from postings, balanced journals, sealed, append-only, non-negative', async () => {
    const db: Database = await store.fresh();
    await openAccounts(
      db,
      ['cus_a', 'cus_b', 'cus_c'].map((customerId) => ({ customerId, contractId: 'k1' })),
      ACCOUNT_KINDS,
      at,
    );
    // Three customers (on different shards, most likely) in one statement, and a journal that debits and
    // credits the same non-negative account (raised before lowered, so the net is what counts).
    await db.transaction((tx) =>
      postJournals(
        tx,
        [
          entry('jrn_a1', 'cus_a', [
            ['principal_receivable', 'D', 100_000n],
            ['funding', 'C', 100_000n],
          ]),
          entry('jrn_b1', 'cus_b', [
            ['principal_receivable', 'D', 250_00n],
            ['funding', 'C', 250_00n],
          ]),
          entry('jrn_c1', 'cus_c', [
            ['customer_overpayment', 'D', 1n],
            ['customer_overpayment', 'C', 1n],
          ]),
        ],
        at,
      ),
    );
    const balances = await db.query<{ customer_id: string; balance: bigint; posting_count: bigint }>(
      `select customer_id, balance, posting_count from ledger_accounts
        where kind = 'principal_receivable' order by customer_id`,
    );
    expect(balances.rows).toEqual([
      { customer_id: 'cus_a', balance: 100_000n, posting_count: 1n },
      { customer_id: 'cus_b', balance: 25_000n, posting_count: 1n },
      { customer_id: 'cus_c', balance: 0n, posting_count: 0n },
    ]);

    // An unbalanced journal is refused at commit (the deferred check runs on the shard at its commit; Citus
    // reports it as 'could not commit transaction for shard …', XX000, where PostgreSQL says 23514), and
    // nothing is written.
    expect(
      await refusal(
        db.transaction(async (tx) => {
          await tx.query(
            `insert into ledger_journals (customer_id, id, contract_id, source_key, kind, effective_date, posted_at)
             values ('cus_a', 'jrn_bad', 'k1', 'test:bad', 'test', $1, $2)`,
            [day, at],
          );
          await tx.query(
            `insert into ledger_postings (customer_id, journal_id, line_no, contract_id, kind, side, amount, effective_date)
             values ('cus_a', 'jrn_bad', 1, 'k1', 'principal_receivable', 'D', 5, $1)`,
            [day],
          );
        }),
      ),
    ).toBe('XX000');
    const bad = await db.query(
      `select 1 from ledger_journals where customer_id = 'cus_a' and id = 'jrn_bad'`,
    );
    expect(bad.rows).toEqual([]);
    // A posting added to a journal of an earlier transaction is refused (the seal).
    expect(
      await refusal(
        db.query(
          `insert into ledger_postings (customer_id, journal_id, line_no, contract_id, kind, side, amount, effective_date)
           values ('cus_a', 'jrn_a1', 3, 'k1', 'funding', 'C', 5, $1)`,
          [day],
        ),
      ),
    ).toBe('55000');
    // Append-only, and balances change only by posting.
    expect(await refusal(db.query(`update ledger_postings set amount = 1 where customer_id = 'cus_a'`))).toBe(
      '55000',
    );
    expect(await refusal(db.query(`delete from ledger_journals where customer_id = 'cus_a'`))).toBe('55000');
    expect(
      await refusal(
        db.query(`update ledger_accounts set balance = 0, debit_total = 0 where customer_id = 'cus_a'`),
      ),
    ).toBe('55000');
    // A receivable may not go below zero.
    expect(
      await refusal(
        db.transaction((tx) =>
          postJournals(
            tx,
            [
              entry('jrn_b2', 'cus_b', [
                ['funding', 'D', 25_001n],
                ['principal_receivable', 'C', 25_001n],
              ]),
            ],
            at,
          ),
        ),
      ),
    ).toBe('23514');
    const verification = await verifyLedger(db);
    expect(verification.ok).toBe(true);
    expect(verification.journals).toBe(3);
  });

  it('a drawdown, its idempotent replay, an over-limit draw refused and a repayment are router queries', async () => {
    const { store: watched, watch } = routerOnly(store);
    const world = await lendingWorld(watched, { start: '2026-01-15' });
    const customerId = await world.customerWithLimit(2_000_000n);
    // From here every statement must run on one shard, but the repayment's lookup of the loan's customer.
    watch.strict = true;
    const request = {
      customerId,
      amount: 1_000_000n as Money,
      term: 12,
      method: 'equal-installment' as const,
      idempotencyKey: 'draw-1',
    };
    const drawn = await world.loans.drawdown(request);
    if (drawn.outcome !== 'drawn') throw new Error(`declined: ${JSON.stringify(drawn.refusal)}`);
    const replay = await world.loans.drawdown(request);
    expect(replay).toEqual({ ...drawn, replayed: true });
    const over = await world.loans.drawdown({
      ...request,
      amount: 1_000_001n as Money,
      idempotencyKey: 'draw-2',
    });
    expect(over.outcome).toBe('declined');
    const repaid = await world.loans.repay({
      loanId: drawn.receipt.loanId,
      amount: 50_000n as Money,
      intent: 'prepayment',
      idempotencyKey: 'pay-1',
    });
    expect(repaid.receipt.allocation.principal).toBe(50_000n);
    expect(watch.lookups).toEqual(['select customer_id, facility_id from loans where id = $1']);
    watch.strict = false;
    const verification = await verifyLedger(world.db);
    expect(verification.ok).toBe(true);
  });
  it('the demo seeds with a small history (its day-end catch-ups per shard group), decides over HTTP as a router query and the books are sound', async () => {
    const { store: watched, watch } = routerOnly(store);
    const t = await createTestApp({ store: watched, now: new Date('2026-12-06T02:00:00Z') });
    try {
      await seedDemo(t.app);
      const report = await seedDemoHistory(t.app, { applicants: 20 });
      expect(report.seeded).toBe(true);
      expect(report.loans + report.lines).toBeGreaterThan(0);
      const customer = await t.app.db.query<{ customer_id: string }>(
        `select customer_id from customers where external_id = 'demo-clean-approval'`,
      );
      // The decision runs on the customer's shard alone.
      watch.strict = true;
      const response = await t.app.http.inject({
        method: 'POST',
        url: '/v1/decisions',
        headers: t.auth('app'),
        payload: { customerId: customer.rows[0]?.customer_id, product: 'cash_loan' },
      });
      expect(response.statusCode).toBe(201);
      expect(response.json<{ outcome: string }>().outcome).toBe('approved');
      watch.strict = false;
      expect(watch.lookups).toEqual([]);
      expect((await verifyLedger(t.app.db)).ok).toBe(true);
    } finally {
      await t.app.stop();
    }
  });
  it('credit lines: purchases (one replayed), a month of day-ends in chunks of one shard group each, statements as on PGlite, books sound', async () => {
    const onCitus = await creditLineMonth(store);
    const onPglite = await creditLineMonth(pgliteStore);
    // Statement days 1–4 fall on 1–4 Feb; day 6 on 6 Jan, the day after opening; day 5 was the opening day
    // itself, so its first statement is 5 Feb, not reached.
    expect(onCitus).toEqual({
      creditLineDates: 30,
      statements: [1, 1, 1, 1, 0, 1],
      upToDateAfter: true,
      sound: true,
    });
    expect(onCitus).toEqual(onPglite);
  });
});

/** Six credit lines with a purchase each (one replayed), then the day-ends of 6 Jan – 4 Feb in chunks of two. */
async function creditLineMonth(store: StoreUnderTest): Promise<unknown> {
  const { store: watched, watch } = routerOnly(store);
  const world = await lineWorld(store.name === 'citus' ? watched : store, { start: '2026-01-05' });
  const lines: { customerId: string; lineId: string }[] = [];
  for (let index = 0; index < 6; index += 1) {
    const line = await world.customerWithLine(1_000_000n, { statementDay: 1 + index });
    // A purchase runs on the customer's shard, but the lookup of the line's customer by the line id.
    watch.strict = true;
    const made = await world.lines.purchase({
      lineId: line.lineId,
      amount: BigInt(10_000 + index * 1_000) as Money,
      description: 'shop',
      idempotencyKey: `p${index}`,
    });
    watch.strict = false;
    expect(made.outcome).toBe('made');
    lines.push(line);
  }
  const [first] = lines;
  if (!first) throw new Error('no line');
  watch.strict = true;
  const replay = await world.lines.purchase({
    lineId: first.lineId,
    amount: 10_000n as Money,
    description: 'shop',
    idempotencyKey: 'p0',
  });
  watch.strict = false;
  expect(replay.outcome === 'made' && replay.replayed).toBe(true);
  if (store.name === 'citus')
    expect(new Set(watch.lookups)).toEqual(
      new Set(['select customer_id, facility_id from credit_lines where id = $1']),
    );
  world.today('2026-02-05');
  const report = await world.dayEnd.run({ through: '2026-02-04' as LocalDate, chunkSize: 2 });
  const statements = await Promise.all(
    lines.map(async (line) => (await world.lines.statements(line.lineId)).length),
  );
  const again = await world.dayEnd.run({ through: '2026-02-04' as LocalDate });
  return {
    creditLineDates: report.dates.filter((d) => d.product === 'credit-line').length,
    statements,
    upToDateAfter: again.upToDate,
    sound: (await verifyLedger(world.db)).ok,
  };
}
