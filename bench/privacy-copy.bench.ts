import { gzipSync } from 'node:zlib';
import { createApp } from '../src/app.ts';
import { eventToWire } from '../src/customers/index.ts';
import { CustomerHistory } from '../src/demo/index.ts';
import { testPiiConfig } from '../src/platform/config/config.ts';
import { migrate } from '../src/platform/database/migrate.ts';
import { openPglite } from '../src/platform/database/pglite.ts';
import { createIdGenerator, seededRandomBytes } from '../src/platform/ids/ids.ts';
import { createMemoryLogger } from '../src/platform/logging/logger.ts';
import { ManualClock } from '../src/platform/time/clock.ts';
import { addDays, businessDateOf, type LocalDate } from '../src/platform/time/local-date.ts';
import { TABLE_SECTIONS } from '../src/privacy/export-sections.ts';
import type { BenchSuite, Measurement } from './harness.ts';

const YEARS = Number(process.env.BENCH_COPY_YEARS ?? 5);
const PAYMENTS_PER_DAY = Number(process.env.BENCH_COPY_PAYMENTS_PER_DAY ?? 4);

/** Peak heap above the start while `work` runs (sampled every 2 ms). */
async function peakHeap<T>(work: () => Promise<T>): Promise<{ result: T; peakMb: number; ms: number }> {
  globalThis.gc?.();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 2);
  const started = performance.now();
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    return { result, peakMb: (peak - base) / 1_048_576, ms: performance.now() - started };
  } finally {
    clearInterval(timer);
  }
}

/**
 * A copy of one customer's data with five years of history (issue 17): every day a few card payments, a
 * sign-in, monthly salary and repayments elsewhere — about 11,000 events — beside a naive peer that asks
 * one query per record kind per month (60 months × the time-keyed sections, one query for the rest), holds
 * every row, then serialises and compresses the whole document at once. Same database, same rows.
 */
const suite: BenchSuite = {
  name: 'privacy-copy',
  description: `copy of one customer's data, ${YEARS} years of history (PGlite)`,
  async run(log) {
    const db = await openPglite({});
    await migrate(db);
    const clock = new ManualClock(new Date('2026-11-22T02:00:00Z'));
    const ids = createIdGenerator(clock, seededRandomBytes(17));
    const app = await createApp({
      config: {
        port: 0,
        host: '127.0.0.1',
        dataDir: '/nonexistent',
        databaseUrl: undefined,
        logLevel: 'warn',
        bodyLimit: 1_048_576,
        pii: testPiiConfig(),
      },
      db,
      clock,
      ids,
      logger: createMemoryLogger('warn').logger,
      migrate: false,
    });
    try {
      const { customer } = await app.services.customers.createCustomer({
        externalId: 'bench-copy',
        name: '王小明',
        idNumber: '11010519491231002X',
        phone: '13800138000',
      });
      const customerId = customer.customerId;
      const today = businessDateOf(clock.now());
      const days = YEARS * 365;
      const history = new CustomerHistory(customerId, 'bench').consentAll(
        CustomerHistory.at(addDays(today, -days - 1) as LocalDate),
      );
      for (let d = days; d >= 1; d -= 1) {
        const date = addDays(today, -d) as LocalDate;
        for (let p = 0; p < PAYMENTS_PER_DAY; p += 1)
          history.payment(
            CustomerHistory.at(date, 9 + p * 3, p),
            `${20 + ((d * 7 + p * 13) % 480)}.${String(d % 100).padStart(2, '0')}`,
          );
        history.login(CustomerHistory.at(date, 8));
      }
      history.salary(today, YEARS * 12, '15000.00');
      const events = history.eventsUntil(clock.now()).map(eventToWire);
      for (let i = 0; i < events.length; i += 2_000)
        await app.services.customers.ingestEvents(events.slice(i, i + 2_000));
      log(`seeded ${events.length} events over ${YEARS} years`);

      const actor = { kind: 'customer' as const, id: customerId, name: 'customer' };
      // Warm-up (plans, JIT), then measure.
      await app.services.copies.make({ customerId, channel: 'app', requestedBy: actor, identity: 'clear' });
      const ours = await peakHeap(() =>
        app.services.copies.make({
          customerId,
          channel: 'app',
          requestedBy: actor,
          identity: 'clear',
          asOf: addDays(today, -1) as LocalDate,
        }),
      );
      log(
        `ours: ${ours.ms.toFixed(0)} ms, ${ours.result.documentBytes ?? 0} bytes, peak heap +${ours.peakMb.toFixed(1)} MB`,
      );

      const monthly = new Set(['customer_events', 'decisions', 'customer_messages']);
      const timeColumn: Record<string, string> = {
        customer_events: 'occurred_at',
        decisions: 'decided_at',
        customer_messages: 'created_at',
      };
      const peer = await peakHeap(async () => {
        const document: Record<string, unknown[]> = {};
        let queries = 0;
        for (const section of TABLE_SECTIONS) {
          const rows: unknown[] = [];
          if (monthly.has(section.table)) {
            for (let m = YEARS * 12; m >= 0; m -= 1) {
              const from = new Date(Date.UTC(2026, 10 - m, 1));
              const to = new Date(Date.UTC(2026, 11 - m, 1));
              const result = await db.query(
                `select * from ${section.table} where customer_id = $1 and ${timeColumn[section.table]} >= $2
                   and ${timeColumn[section.table]} < $3${section.where ? ` and ${section.where}` : ''}`,
                [customerId, from, to],
              );
              queries += 1;
              rows.push(...result.rows);
            }
          } else {
            const result = await db.query(`select * from ${section.table} where customer_id = $1`, [
              customerId,
            ]);
            queries += 1;
            rows.push(...result.rows);
          }
          document[section.name] = rows;
        }
        const text = JSON.stringify(document, (_key, value: unknown) =>
          typeof value === 'bigint' ? value.toString() : value instanceof Uint8Array ? undefined : value,
        );
        return { queries, gzip: gzipSync(text).length };
      });
      log(
        `peer: ${peer.ms.toFixed(0)} ms, ${peer.result.queries} queries, peak heap +${peer.peakMb.toFixed(1)} MB`,
      );

      const measurements: Measurement[] = [
        {
          metric: `copy of one customer, ${YEARS} years (${events.length} events): time`,
          unit: 'ms',
          ours: ours.ms,
          peer: peer.ms,
          peerName: 'one query per kind per month, whole document in memory',
          higherIsBetter: false,
          note: 'ours includes the identity, the point-in-time features, the HTML summary and sealing',
        },
        {
          metric: `copy of one customer, ${YEARS} years: peak heap above start`,
          unit: 'MB',
          ours: ours.peakMb,
          peer: peer.peakMb,
          peerName: 'one query per kind per month, whole document in memory',
          higherIsBetter: false,
          note: 'ours pages 1,000 rows at a time into a gzip stream',
        },
      ];
      return measurements;
    } finally {
      await app.stop();
    }
  },
};

export default suite;
