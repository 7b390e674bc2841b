import { describe, expect, it } from 'vitest';
import { createAppealService } from '../../src/appeals/appeal-service.ts';
import { appealPortsFrom } from '../../src/appeal-wiring.ts';
import { createLogNotifier } from '../../src/appeals/log-notifier.node.ts';
import { BACKGROUND_JOBS, createApp } from '../../src/app.ts';
import type { Config } from '../../src/config.ts';
import { DEMO_SETTINGS } from '../../src/demo/cases/demo-cases.ts';
import type { Database } from '../../src/platform/database/database.ts';
import { openPostgres } from '../../src/platform/database/postgres.ts';
import { createIdGenerator, seededRandomBytes } from '../../src/platform/ids/ids.ts';
import { createMemoryLogger } from '../../src/platform/logging/logger.ts';
import type { MessageChannel } from '../../src/platform/notifications/channel.ts';
import { ManualClock } from '../../src/platform/time/clock.ts';
import type { LocalDate } from '../../src/platform/time/local-date.ts';
import { installDefaultPolicies } from '../../src/policy/policy-files.node.ts';
import { evidenceCipherOf, testKeyring } from '../../src/privacy/data-keyring.test-support.ts';
import type { App } from '../../src/services.ts';
import { OperatorRegister, createScriptedCustomer } from '../appeals/support.ts';
import { testScorecard } from '../decisions/scorecard.ts';
import { testConfig } from '../support/app.ts';
import { pgliteStore, postgresStore, storesUnderTest, type StoreUnderTest } from '../support/stores.ts';
import { pgBooks } from '../support/books.ts';

/**
 * The background work as jobs (issue 16, item 4): customer-message delivery, the appeals' recovery pass
 * (re-checks due) and the limit reviews due. One book of due work — 120 pending customer messages, an
 * appeal left `filed` by a process that died right after filing, a credit line whose monthly review is due —
 * and two processes that both go after it at once:
 *
 * - on every store, two API nodes in the default mode (`CREDENCE_BACKGROUND_WORK=node`: each runs its own
 *   passes through its in-process queue — the recovery pass at start, delivery on an interval — and the
 *   limit reviews after its day-end), as the embedded default and one-database deployments always did;
 * - on PostgreSQL, two `credence worker`s (the pg-boss queue, each scheduling the passes and each sent
 *   extra passes so that they overlap) beside an API node in `workers` mode, which must run none of it.
 *
 * Either way: each message goes out once, the appeal is re-checked once, the line is reviewed once. What
 * makes it once is each item's own row claim (a message's lease, the appeal's re-check lease, the review's
 * key); the queue's singleton slots only keep workers from scheduling the same pass twice per interval.
 */

const MESSAGES = 120;
const NOW = new Date('2026-11-23T02:00:00Z');
const url = process.env.DATABASE_URL;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A channel that records each message it sends, a little slowly (so passes at once overlap). */
function recordingChannel(sent: string[]): MessageChannel {
  return {
    async send(message) {
      await sleep(2);
      sent.push(message.id);
    },
  };
}

interface Book {
  readonly appealId: string;
  readonly appealCustomer: string;
  readonly lineId: string;
  readonly lineCustomer: string;
}

async function appOn(
  db: Database,
  options: { seed: number; sent: string[]; config?: Partial<Config>; clock: ManualClock },
): Promise<App> {
  return createApp({
    config: testConfig({ messageDeliveryMs: 100, ...options.config }),
    db,
    clock: options.clock,
    ids: createIdGenerator(options.clock, seededRandomBytes(options.seed)),
    logger: createMemoryLogger('warn').logger,
    verifier: new OperatorRegister(),
    messageChannel: recordingChannel(options.sent),
  });
}

/** The due work, written through `app` (which runs none of it: it is never started). */
async function seedBook(app: App, clock: ManualClock): Promise<Book> {
  const { services } = app;
  await installDefaultPolicies(services.policies);
  const scorecard = testScorecard();
  await services.models.register(scorecard);
  await services.models.activate(scorecard.version);
  await services.policies.loadSettings(DEMO_SETTINGS);

  // An appeal filed by a process that died before its re-check (as in appeal-crash-recovery).
  const appealCustomer = await createScriptedCustomer({ app, clock }, 'declined_twice');
  const declined = await services.decisions.decide({ customerId: appealCustomer, productCode: 'cash_loan' });
  const dying = createAppealService({
    db: app.db,
    clock,
    ids: app.ids,
    settings: services.appeals.settings,
    notifier: createLogNotifier(app.logger),
    ports: appealPortsFrom({ ...pgBooks(), clock, ids: app.ids, ...services }),
    evidenceCipher: evidenceCipherOf(testKeyring()),
    hooks: {
      afterFiled: () => {
        throw new Error('process killed');
      },
    },
  });
  await expect(
    dying.file(
      { decisionId: declined.id, customerId: appealCustomer, category: 'repaid_debt', statement: 'repaid' },
      { keyId: 'key_test', name: 'test', role: 'app' },
    ),
  ).rejects.toThrow('process killed');
  const [filed] = await services.appeals.list({ customerId: appealCustomer });
  expect(filed?.appeal.status).toBe('filed');

  // A credit line whose first statement's due date has passed: its monthly review (`cycle:1`) is due.
  const lineCustomer = await createScriptedCustomer({ app, clock }, 'phone_unregistered');
  const approved = await services.decisions.decide({ customerId: lineCustomer, productCode: 'credit_line' });
  expect(approved.outcome).toBe('approved');
  const { line } = await services.creditLines.openLine({ customerId: lineCustomer });
  const lineId = line.terms.lineId;
  await app.db.query(`update credit_lines set last_due_seq = 1 where customer_id = $1 and id = $2`, [
    lineCustomer,
    lineId,
  ]);

  // Messages due now.
  const ids = Array.from({ length: MESSAGES }, (_, i) => `ntf_BG${String(i).padStart(24, '0')}`);
  await app.db.query(
    `insert into customer_messages (customer_id, id, kind, subject_id, occasion, channel, text, params,
                                    created_at, status, next_attempt_at)
     select $1, id, 'statement_ready', 'background-test', id, 'email',
            '{"zh":"您的账单已出。","en":"Your statement is ready."}'::jsonb, '{}'::jsonb, $2, 'pending', $2
       from unnest($3::text[]) as id`,
    [lineCustomer, clock.now(), ids],
  );
  return { appealId: filed?.appeal.id ?? '', appealCustomer, lineId, lineCustomer };
}

/** Waits until every message is delivered, the appeal has left `filed` and the line's review is applied. */
async function allDone(db: Database, book: Book): Promise<void> {
  const deadline = performance.now() + 30_000;
  for (;;) {
    const { rows } = await db.query<{ pending: number; filed: number; applied: number }>(
      `select (select count(*)::int from customer_messages where status = 'pending') as pending,
              (select count(*)::int from appeals where id = $1 and status = 'filed') as filed,
              (select count(*)::int from credit_line_reviews where line_id = $2 and status = 'applied') as applied`,
      [book.appealId, book.lineId],
    );
    const state = rows[0];
    if (state && state.pending === 0 && state.filed === 0 && state.applied === 1) return;
    if (performance.now() > deadline) throw new Error(`background work not done: ${JSON.stringify(state)}`);
    await sleep(50);
  }
}

/** Each item of the book done exactly once. */
async function expectEachOnce(db: Database, book: Book, sent: readonly string[]): Promise<void> {
  // Every message delivered, each sent once (by whichever process), on its first attempt.
  const messages = await db.query<{ id: string; status: string; attempts: number }>(
    'select id, status, attempts from customer_messages order by id',
  );
  expect(messages.rows.length).toBeGreaterThanOrEqual(MESSAGES);
  expect(messages.rows.every((row) => row.status === 'delivered' && row.attempts === 1)).toBe(true);
  expect([...sent].sort()).toEqual(messages.rows.map((row) => row.id));

  // One re-check decision for the appeal, and the appeal settled by it.
  const rechecks = await db.query<{ n: number }>(
    `select count(*)::int as n from decisions where kind = 'recheck' and linked_to = $1`,
    [book.appealId],
  );
  expect(rechecks.rows[0]?.n).toBe(1);
  const rechecked = await db.query<{ n: number }>(
    `select count(*)::int as n from appeal_events where appeal_id = $1 and action in ('rechecked', 'recheck_resolved', 'queued')`,
    [book.appealId],
  );
  expect(rechecked.rows[0]?.n).toBeGreaterThanOrEqual(1);

  // One review of the line, applied, and one limit-review decision for it.
  const reviews = await db.query<{ review_key: string; status: string; decision_id: string }>(
    'select review_key, status, decision_id from credit_line_reviews where line_id = $1',
    [book.lineId],
  );
  expect(reviews.rows.map((row) => [row.review_key, row.status])).toEqual([['cycle:1', 'applied']]);
  const reviewDecisions = await db.query<{ n: number }>(
    `select count(*)::int as n from decisions where customer_id = $1 and kind = 'limit_review'`,
    [book.lineCustomer],
  );
  expect(reviewDecisions.rows[0]?.n).toBe(1);
}

/** A fresh database and a way to open it again, as another process would (its own pool on PostgreSQL). */
interface Shared {
  readonly db: Database;
  again(): Promise<Database>;
}

const stores: { readonly name: StoreUnderTest['name']; open(): Promise<Shared> }[] = [
  {
    name: 'pglite',
    async open() {
      // One PGlite instance per file: a second handle is the same (closing it leaves the instance open).
      const db = await pgliteStore.fresh();
      return { db, again: async () => db };
    },
  },
  ...(url
    ? [
        {
          name: 'postgres' as const,
          async open() {
            const db = await postgresStore(url).fresh();
            return { db, again: () => openPostgres({ connectionString: url, schema: db.schema, max: 5 }) };
          },
        },
      ]
    : []),
];
const selected = new Set(storesUnderTest().map((store) => store.name));

describe.each(stores.filter((store) => selected.has(store.name)))(
  'background work in the API nodes, the default mode ($name)',
  (store) => {
    it('two nodes at once: each message delivered once, the appeal re-checked once, the line reviewed once', async () => {
      const { db, again } = await store.open();
      const clock = new ManualClock(NOW);
      const sent: string[] = [];
      const first = await appOn(db, { seed: 1, sent, clock });
      const book = await seedBook(first, clock);
      const second = await appOn(await again(), { seed: 2, sent, clock });
      expect(first.background.mode).toBe('node');

      // Both nodes start: each runs the appeals' recovery pass at once and a delivery pass every 100 ms.
      await Promise.all([first.start(), second.start()]);
      // The day-end after the day (nothing else due in it) ends with the limit reviews due, in both at once.
      clock.set(new Date('2026-11-24T02:00:00Z'));
      const through = '2026-11-23' as LocalDate;
      const reports = await Promise.all([
        first.services.dayEnd.run({ through }),
        second.services.dayEnd.run({ through }),
      ]);
      const reviewed = reports.map(
        (report) => report.dates.find((d) => d.product === 'credit-line-review')?.items ?? 0,
      );
      expect(reviewed.reduce((sum, n) => sum + n, 0)).toBeGreaterThanOrEqual(1);
      await allDone(second.db, book);
      await first.stop();
      await expectEachOnce(second.db, book, sent);
      await second.stop();
    }, 60_000);
  },
);

describe.skipIf(!url || !selected.has('postgres'))(
  'background work on two credence workers, the API node running none of it (postgres)',
  () => {
    it('each message delivered once, the appeal re-checked once, the line reviewed once, by the workers', async () => {
      const { db, again } = await stores[1]!.open();
      const clock = new ManualClock(NOW);
      const workers: Partial<Config> = {
        databaseUrl: url,
        backgroundWork: 'workers',
        jobs: {
          heartbeatMs: 2_000,
          staleMs: 30_000,
          expireSeconds: 3_600,
          appealRecoveryMs: 1_000,
          limitReviewsMs: 1_000,
        },
      };
      const byNode: string[] = [];
      const node = await appOn(db, { seed: 1, sent: byNode, clock, config: workers });
      const book = await seedBook(node, clock);
      // The API node starts in `workers` mode: it delivers nothing and re-checks nothing itself.
      await node.start();
      expect(node.background.mode).toBe('workers');
      // Its day-end enqueues the limit reviews due for the workers instead of running them (and runs neither
      // the appeals' recovery pass nor a delivery pass: the workers run those on their intervals).
      clock.set(new Date('2026-11-24T02:00:00Z'));
      const report = await node.services.dayEnd.run({ through: '2026-11-23' as LocalDate });
      const after = report.dates.filter((d) => !['cash-loan', 'credit-line'].includes(d.product));
      expect(after.map((d) => d.product)).toEqual(
        expect.arrayContaining(['credit-line-review (queued)', 'data-copies', 'erasures']),
      );
      expect(after.find((d) => d.product === 'credit-line-review (queued)')?.items).toBe(1);
      expect(after.map((d) => d.product)).not.toContain('credit-line-review');
      expect(after.map((d) => d.product)).not.toContain('appeals');
      expect(after.map((d) => d.product)).not.toContain('customer-messages');
      await sleep(300);
      const untouched = await db.query<{ pending: number; filed: number; reviews: number }>(
        `select (select count(*)::int from customer_messages where status = 'pending') as pending,
                (select count(*)::int from appeals where status = 'filed') as filed,
                (select count(*)::int from credit_line_reviews) as reviews`,
      );
      expect(untouched.rows[0]).toEqual({ pending: MESSAGES, filed: 1, reviews: 0 });

      const sentA: string[] = [];
      const sentB: string[] = [];
      const a = await appOn(await again(), { seed: 2, sent: sentA, clock, config: workers });
      const b = await appOn(await again(), { seed: 3, sent: sentB, clock, config: workers });
      const jobsSchema = `${db.schema}_jobs`;
      try {
        // What `credence worker` does: take jobs, and schedule the passes (both at once: the same slots).
        await Promise.all([
          a.jobs.work({ concurrency: 2, worker: 'worker-a' }),
          b.jobs.work({ concurrency: 2, worker: 'worker-b' }),
        ]);
        const unschedule = [a.background.schedule(), b.background.schedule()];
        // And passes beyond the schedule, from both, so that passes of each kind run at once on both.
        for (const worker of [a, b]) {
          for (const name of Object.values(BACKGROUND_JOBS)) {
            await worker.jobs.enqueue(name, {});
            await worker.jobs.enqueue(name, {});
          }
        }
        await allDone(db, book);
        for (const stop of unschedule) stop();
        // Let every job queued so far finish before counting (a late pass must find nothing left to do).
        const deadline = performance.now() + 20_000;
        for (;;) {
          const open = await db.query<{ n: number }>(
            `select count(*)::int as n from "${jobsSchema}".job
              where name in ($1, $2, $3) and state in ('created', 'retry', 'active')`,
            Object.values(BACKGROUND_JOBS),
          );
          if (open.rows[0]?.n === 0) break;
          if (performance.now() > deadline) throw new Error('background jobs still queued');
          await sleep(100);
        }
        expect(byNode).toEqual([]);
        await expectEachOnce(db, book, [...sentA, ...sentB]);
        // The schedule: two workers scheduling the same pass made one job per slot between them.
        const scheduled = await db.query<{ name: string; slot: string; n: number }>(
          `select name, singleton_on::text as slot, count(*)::int as n from "${jobsSchema}".job
            where singleton_key is not null group by name, singleton_on having count(*) > 1`,
        );
        expect(scheduled.rows).toEqual([]);
        const ranBy = await db.query<{ name: string; n: number }>(
          `select name, count(*)::int as n from "${jobsSchema}".job
            where name in ($1, $2, $3) and state = 'completed' group by name order by name`,
          Object.values(BACKGROUND_JOBS),
        );
        // At least the 4 extra passes of each kind ran (plus the scheduled ones).
        expect(ranBy.rows.every((row) => row.n >= 4)).toBe(true);
        expect(ranBy.rows).toHaveLength(3);
      } finally {
        await Promise.all([a.stop(), b.stop(), node.stop()]);
        const cleanup = await openPostgres({ connectionString: url as string, max: 1 });
        await cleanup.exec(`drop schema if exists "${jobsSchema}" cascade`).catch(() => undefined);
        await cleanup.close();
      }
    }, 60_000);
  },
);
