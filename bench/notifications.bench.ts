import type { Database } from '../src/platform/database/database.ts';
import { migrate } from '../src/platform/database/migrate.ts';
import { openPglite } from '../src/platform/database/pglite.ts';
import { openPostgres } from '../src/platform/database/postgres.ts';
import { createIdGenerator, seededRandomBytes } from '../src/platform/ids/ids.ts';
import type { Money } from '../src/platform/money/money.ts';
import { createSandboxChannel, type MessageDraft } from '../src/platform/notifications/index.ts';
import { createNotifications } from '../src/platform/notifications/notifications.ts';
import { ManualClock } from '../src/platform/time/clock.ts';
import type { LocalDate } from '../src/platform/time/local-date.ts';
import { DEFAULT_LOAN_PRODUCT } from '../src/lending/loans/loan-contract.ts';
import { createLoanReminderProcessor } from '../src/lending/loans/loan-reminders.pg.ts';
import { seedLoanBook } from '../src/lending/loans/loan-seeding.pg.ts';
import { parseRate } from '../src/platform/money/rate.ts';
import type { BenchSuite, Measurement } from './harness.ts';
import { pgBooks } from '../test/support/books.ts';

const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = 'bench_notifications';
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 20_000);
const PEER_MESSAGES = 2_000;
const REMINDER_LOANS = Number(process.env.BENCH_REMINDER_LOANS ?? 10_000);

/**
 * The day-end's reminders step on a book of `loans` loans drawn on 5 Jan 2026: the night of 1 Feb (notice
 * day 2 Feb) finds every first instalment due on 5 Feb, so each loan gets a "due in 3 days". Chunks of 500
 * in transactions, as the batch runs them; returns loans read per second and messages written.
 */
async function reminderStep(db: Database, loans: number): Promise<{ perSecond: number; written: number }> {
  const clock = new ManualClock('2026-01-05' as LocalDate);
  const ids = createIdGenerator(clock, seededRandomBytes(44));
  await seedLoanBook(
    db,
    { ...pgBooks(), clock, ids },
    {
      customers: loans,
      startDate: '2026-01-05' as LocalDate,
      limit: 5_000_000n as Money,
      apr: parseRate('0.18'),
      amountOf: (index) => BigInt(100_000 + (index % 400) * 1_000) as Money,
      product: DEFAULT_LOAN_PRODUCT,
      batchSize: 2000,
    },
  );
  await db.exec('analyze');
  clock.set('2026-02-02' as LocalDate);
  const notifications = createNotifications({ db, clock, ids, channel: createSandboxChannel() });
  const step = createLoanReminderProcessor({ clock, outbox: notifications.outbox });
  const date = '2026-02-01' as LocalDate;
  const started = performance.now();
  let afterId = '';
  for (;;) {
    const items = await step.listBehind(db, date, afterId, 500);
    if (items.length === 0) break;
    afterId = items[items.length - 1]?.id ?? afterId;
    await db.transaction((tx) => step.advance(tx, items, date));
  }
  const seconds = (performance.now() - started) / 1000;
  const written = await db.query<{ n: bigint }>(
    `select count(*) as n from customer_messages where kind = 'due_in_3_days'`,
  );
  return { perSecond: loans / seconds, written: Number(written.rows[0]?.n ?? 0n) };
}

function drafts(from: number, count: number, occasion: string): MessageDraft[] {
  return Array.from({ length: count }, (_, i) => ({
    customerId: `cus_${from + i}`,
    subjectId: `ln_${from + i}`,
    occasion,
    content: {
      kind: 'due_tomorrow',
      params: { product: 'loan', dueDate: '2026-12-05' as LocalDate, amountDue: BigInt(91_680 + i) as Money },
    },
  }));
}

/**
 * Writes `count` messages through the outbox in transactions of 1,000 (as day-end chunks do), then drains
 * them with delivery passes through the sandbox channel. 10:00 Shanghai: no quiet hours.
 */
async function measure(
  db: Database,
  count: number,
  occasion: string,
): Promise<{ writtenPerSecond: number; deliveredPerSecond: number }> {
  const clock = new ManualClock(new Date('2026-12-04T02:00:00Z'));
  const ids = createIdGenerator(clock, seededRandomBytes(42));
  const channel = createSandboxChannel();
  const notifications = createNotifications({ db, clock, ids, channel });
  const writeStart = performance.now();
  for (let from = 0; from < count; from += 1000) {
    await db.transaction((tx) =>
      notifications.outbox.write(tx, drafts(from, Math.min(1000, count - from), occasion)),
    );
  }
  const writeMs = performance.now() - writeStart;
  const deliverStart = performance.now();
  let delivered = 0;
  for (;;) {
    const report = await notifications.deliver({ batchSize: 500, concurrency: 8, maxRounds: 1000 });
    delivered += report.delivered;
    if (report.delivered === 0) break;
  }
  const deliverMs = performance.now() - deliverStart;
  if (delivered !== count || channel.sent.length !== count) {
    throw new Error(`delivered ${delivered} of ${count} (${channel.sent.length} sent)`);
  }
  return { writtenPerSecond: (count / writeMs) * 1000, deliveredPerSecond: (count / deliverMs) * 1000 };
}

/**
 * The peer: the textbook outbox poller — one message at a time: claim the oldest due row (FOR UPDATE SKIP
 * LOCKED) in a transaction, send it, mark it delivered, commit; eight such pollers at once.
 */
async function peerOneAtATime(db: Database, count: number): Promise<number> {
  const clock = new ManualClock(new Date('2026-12-04T02:00:00Z'));
  const ids = createIdGenerator(clock, seededRandomBytes(43));
  const channel = createSandboxChannel();
  const notifications = createNotifications({ db, clock, ids, channel });
  for (let from = 0; from < count; from += 1000) {
    await db.transaction((tx) =>
      notifications.outbox.write(tx, drafts(from, Math.min(1000, count - from), 'peer')),
    );
  }
  const started = performance.now();
  let sent = 0;
  // Eight pollers at once, as ours has eight sends in flight (PGlite runs them one after another).
  const poller = async (): Promise<void> => {
    for (;;) {
      const done = await db.transaction(async (tx) => {
        const result = await tx.query<{ customer_id: string; id: string; text: { zh: string; en: string } }>(
          `select customer_id, id, text from customer_messages
          where status = 'pending' and next_attempt_at <= $1
          order by next_attempt_at, id limit 1 for update skip locked`,
          [clock.now()],
        );
        const row = result.rows[0];
        if (!row) return false;
        await channel.send({
          id: row.id,
          customerId: row.customer_id,
          channel: 'sms',
          kind: 'due_tomorrow',
          text: row.text,
        });
        await tx.query(
          `update customer_messages set status = 'delivered', delivered_at = $3, attempts = attempts + 1
          where customer_id = $1 and id = $2`,
          [row.customer_id, row.id, clock.now()],
        );
        return true;
      });
      if (!done) break;
      sent += 1;
    }
  };
  await Promise.all(Array.from({ length: 8 }, poller));
  if (sent !== count) throw new Error(`peer sent ${sent} of ${count}`);
  return (count / (performance.now() - started)) * 1000;
}

const suite: BenchSuite = {
  name: 'notifications',
  description: `customer messages: ${MESSAGES.toLocaleString('en')} written through the outbox, then delivered through the sandbox channel (claims of 500, 8 sends in flight), PGlite and PostgreSQL; peer: eight one-row-per-transaction outbox pollers`,
  async run(log) {
    const results: Measurement[] = [];
    const stores: Array<{ label: string; open: () => Promise<Database> }> = [
      { label: 'PGlite', open: () => openPglite() },
      {
        label: 'PostgreSQL',
        open: async () => {
          const admin = await openPostgres({ connectionString: POSTGRES_URL, max: 1 });
          await admin.exec(`drop schema if exists ${SCHEMA} cascade`);
          await admin.close();
          return openPostgres({ connectionString: POSTGRES_URL, schema: SCHEMA, max: 10 });
        },
      },
    ];
    for (const store of stores) {
      const db = await store.open();
      try {
        await migrate(db);
        const ours = await measure(db, MESSAGES, 'ours');
        const peer = await peerOneAtATime(db, PEER_MESSAGES);
        const reminders = await reminderStep(db, REMINDER_LOANS);
        log(
          `${store.label}: reminders step over ${REMINDER_LOANS} loans: ${reminders.perSecond.toFixed(0)} loans/s, ${reminders.written} messages written`,
        );
        log(
          `${store.label}: written ${ours.writtenPerSecond.toFixed(0)}/s, delivered ${ours.deliveredPerSecond.toFixed(0)}/s; eight one-row pollers ${peer.toFixed(0)}/s`,
        );
        results.push(
          {
            metric: `messages delivered per second, ${store.label}`,
            unit: 'msg/s',
            ours: ours.deliveredPerSecond,
            peer,
            peerName: 'one row per transaction',
            higherIsBetter: true,
          },
          {
            metric: `day-end reminders step, loans read and reminded per second, ${store.label}`,
            unit: 'loans/s',
            ours: reminders.perSecond,
            higherIsBetter: true,
            note: `${REMINDER_LOANS.toLocaleString('en')} loans, ${reminders.written.toLocaleString('en')} reminders written`,
          },
          {
            metric: `messages written per second (outbox, 1,000 a transaction), ${store.label}`,
            unit: 'msg/s',
            ours: ours.writtenPerSecond,
            higherIsBetter: true,
          },
        );
      } finally {
        if (store.label === 'PostgreSQL') await db.exec(`drop schema if exists ${SCHEMA} cascade`);
        await db.close();
      }
    }
    return results;
  },
};

export default suite;
