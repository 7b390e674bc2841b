import { testKeyring } from '../src/privacy/data-keyring.test-support.ts';
import { createPiiVault } from '../src/identity/pii-vault.ts';
import { createSandboxVerificationProvider } from '../src/identity/sandbox-verification-provider.ts';
import { createCustomerService } from '../src/customers/customer-service.ts';
import { insertCards, insertCustomers } from '../src/customers/customers.pg.ts';
import { eventToWire, typeFields } from '../src/customers/events/customer-event.ts';
import { generatePopulation, populationEvents, type Population } from '../src/demo/population/population.ts';
import { syntheticCustomerRecord } from '../src/demo/population/population-store.ts';
import { testPiiConfig } from '../src/platform/config/config.ts';
import { toJson, type Database } from '../src/platform/database/database.ts';
import { migrate } from '../src/platform/database/migrate.ts';
import { openPglite } from '../src/platform/database/pglite.ts';
import { openPostgres } from '../src/platform/database/postgres.ts';
import { createIdGenerator, seededRandomBytes } from '../src/platform/ids/ids.ts';
import { ManualClock } from '../src/platform/time/clock.ts';
import type { BenchSuite, Measurement } from './harness.ts';

const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const BATCH = 2000;

async function prepare(db: Database, population: Population): Promise<Array<Record<string, unknown>>> {
  await migrate(db);
  const vault = createPiiVault(testPiiConfig());
  const records = population.customers.map((customer) => syntheticCustomerRecord(vault, customer));
  for (let i = 0; i < records.length; i += 200) {
    await insertCustomers(
      db,
      records.slice(i, i + 200).map((r) => r.customer),
    );
    await insertCards(
      db,
      records.slice(i, i + 200).flatMap((r) => r.cards),
    );
  }
  return population.customers.flatMap((customer) =>
    populationEvents(population, customer)
      .filter((event) => event.source !== 'credence')
      .map((event) => eventToWire(event)),
  );
}

/** The import path: validation, idempotency checks and one multi-row insert per batch, each batch a transaction. */
async function importRate(db: Database, rows: ReadonlyArray<Record<string, unknown>>): Promise<number> {
  const clock = new ManualClock(new Date('2026-11-02T00:00:00Z'));
  const service = createCustomerService({
    db,
    clock,
    ids: createIdGenerator(clock, seededRandomBytes(3)),
    vault: createPiiVault(testPiiConfig()),
    keyring: testKeyring(),
    verifier: createSandboxVerificationProvider(),
  });
  const started = performance.now();
  let accepted = 0;
  // Two batches in flight, as `credence import events` does: while the database stores one, the next is validated.
  const inFlight = new Set<Promise<void>>();
  for (let i = 0; i < rows.length; i += BATCH) {
    const task: Promise<void> = service.ingestEvents(rows.slice(i, i + BATCH)).then((report) => {
      accepted += report.accepted;
      if (report.rejected.length > 0) throw new Error(`rejected: ${JSON.stringify(report.rejected[0])}`);
    });
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task)).catch(() => undefined);
    if (inFlight.size >= 2) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  return accepted / ((performance.now() - started) / 1000);
}

/** The peer: one INSERT per event inside a single transaction, with no validation at all. */
async function rowByRowRate(db: Database, population: Population, count: number): Promise<number> {
  const events = population.customers
    .flatMap((customer) => populationEvents(population, customer))
    .slice(0, count);
  const started = performance.now();
  await db.transaction(async (tx) => {
    for (const event of events) {
      await tx.query(
        `insert into customer_events (customer_id, source, event_id, type, occurred_at, received_at, payload)
         values ($1, $2, $3, $4, $5, now(), $6::jsonb)`,
        [
          event.customerId,
          `${event.source}-peer`,
          event.eventId,
          event.type,
          event.occurredAt,
          toJson(typeFields(event)),
        ],
      );
    }
  });
  return events.length / ((performance.now() - started) / 1000);
}

const suite: BenchSuite = {
  name: 'import',
  description:
    'event import (validate, deduplicate, batch insert) into PostgreSQL and PGlite, vs row-by-row INSERT',
  async run(log) {
    const population = generatePopulation({ customers: 500, months: 24, seed: 99 });
    const measurements: Measurement[] = [];
    try {
      const schema = 'bench_import';
      const admin = await openPostgres({ connectionString: POSTGRES_URL });
      await admin.exec(`drop schema if exists ${schema} cascade`);
      await admin.close();
      const pg = await openPostgres({ connectionString: POSTGRES_URL, schema });
      try {
        const rows = await prepare(pg, population);
        log(`PostgreSQL: importing ${rows.length} events in batches of ${BATCH}…`);
        const ours = await importRate(pg, rows);
        const peer = await rowByRowRate(pg, population, 10_000);
        measurements.push({
          metric: 'import events into PostgreSQL',
          unit: 'events/s',
          ours,
          peer,
          peerName: 'one INSERT per event in a transaction, unvalidated',
          higherIsBetter: true,
          target: '≥ 20,000 events/s',
          met: ours >= 20_000,
        });
        await pg.exec(`drop schema ${schema} cascade`);
      } finally {
        await pg.close();
      }
    } catch (error) {
      log(`PostgreSQL not measured: ${error instanceof Error ? error.message : String(error)}`);
    }
    const pglite = await openPglite();
    try {
      const rows = await prepare(pglite, population);
      const ours = await importRate(pglite, rows);
      const peer = await rowByRowRate(pglite, population, 10_000);
      measurements.push({
        metric: 'import events into PGlite',
        unit: 'events/s',
        ours,
        peer,
        peerName: 'one INSERT per event in a transaction, unvalidated',
        higherIsBetter: true,
      });
    } finally {
      await pglite.close();
    }
    return measurements;
  },
};

export default suite;
