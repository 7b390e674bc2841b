import { testKeyring } from '../src/privacy/data-keyring.test-support.ts';
import { createPiiVault } from '../src/identity/pii-vault.ts';
import { createSandboxVerificationProvider } from '../src/identity/sandbox-verification-provider.ts';
import { createCustomerService } from '../src/customers/customer-service.ts';
import { createFeatureComputer, createFeatureVector, planAsOf } from '../src/customers/features/compute.ts';
import { parseLabelWindow } from '../src/customers/features/feature-table.ts';
import { generatePopulation, populationEvents, type Population } from '../src/demo/population/population.ts';
import { storePopulation } from '../src/demo/population/population-store.ts';
import type { CustomerEvent } from '../src/customers/events/customer-event.ts';
import { testPiiConfig } from '../src/platform/config/config.ts';
import type { Database } from '../src/platform/database/database.ts';
import { migrate } from '../src/platform/database/migrate.ts';
import { openPglite } from '../src/platform/database/pglite.ts';
import { openPostgres } from '../src/platform/database/postgres.ts';
import { createIdGenerator, seededRandomBytes } from '../src/platform/ids/ids.ts';
import { ManualClock } from '../src/platform/time/clock.ts';
import type { BenchSuite, Measurement } from './harness.ts';

const TARGET_CUSTOMERS = 1_000_000;
const POOL = 20_000;
const AS_OF = new Date('2026-10-31T16:00:00Z');
const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * The peer: what feature code usually looks like — per feature, filter the customer's event objects to the
 * window and aggregate. Computes a representative third of the catalogue (inquiries and lenders over four
 * windows, consumption over three, limit views), so the ratio flatters the peer.
 */
function naiveFeatures(events: readonly CustomerEvent[], asOf: Date): Record<string, number> {
  const t = asOf.getTime();
  const out: Record<string, number> = {};
  const DAY = 86_400_000;
  for (const days of [7, 30, 90, 180]) {
    const window = events.filter(
      (e) =>
        e.type === 'inquiry' &&
        (e.kind === 'loan_application' || e.kind === 'card_application') &&
        e.occurredAt.getTime() <= t &&
        e.occurredAt.getTime() > t - days * DAY,
    );
    out[`inquiries_${days}d`] = window.length;
    out[`distinct_lenders_${days}d`] = new Set(
      window.map((e) => (e.type === 'inquiry' ? e.lender : '')),
    ).size;
  }
  for (const months of [3, 6, 12]) {
    const window = events.filter(
      (e) =>
        e.type === 'payment' && e.occurredAt.getTime() <= t && e.occurredAt.getTime() > t - months * 30 * DAY,
    );
    out[`consumption_count_${months}m`] = window.length;
    out[`consumption_amount_${months}m`] = window.reduce(
      (sum, e) => sum + (e.type === 'payment' ? Number(e.amount) : 0),
      0,
    );
  }
  out.limit_views_24h = events.filter(
    (e) => e.type === 'limit_view' && e.occurredAt.getTime() <= t && e.occurredAt.getTime() > t - DAY,
  ).length;
  return out;
}

function inMemoryRate(population: Population, customers: number): { rate: number; seconds: number } {
  const computer = createFeatureComputer();
  const vector = createFeatureVector();
  const plan = planAsOf(AS_OF);
  const pool = population.customers;
  let checksum = 0;
  const started = performance.now();
  for (let n = 0; n < customers; n += 1) {
    const customer = pool[n % pool.length];
    if (!customer) continue;
    computer.compute(
      population.columns,
      customer.start,
      customer.end,
      { openedAtMs: customer.openedAt.getTime(), birthDate: customer.birthDate },
      plan,
      vector,
    );
    // Keeps the work observable so the loop cannot be optimised away.
    checksum += vector.holds.length + (vector.values[0] || 0);
  }
  const seconds = (performance.now() - started) / 1000;
  if (Number.isNaN(checksum)) throw new Error('unreachable');
  return { rate: customers / seconds, seconds };
}

async function databaseRate(db: Database, population: Population): Promise<number> {
  await storePopulation(db, createPiiVault(testPiiConfig()), population, {
    receivedAt: new Date('2026-11-01T00:00:00Z'),
  });
  const clock = new ManualClock(new Date('2026-11-01T00:00:00Z'));
  const service = createCustomerService({
    db,
    clock,
    ids: createIdGenerator(clock, seededRandomBytes(1)),
    vault: createPiiVault(testPiiConfig()),
    keyring: testKeyring(),
    verifier: createSandboxVerificationProvider(),
  });
  const started = performance.now();
  let rows = 0;
  await service.trainingRows(AS_OF, parseLabelWindow('1d'), () => {
    rows += 1;
  });
  return rows / ((performance.now() - started) / 1000);
}

const suite: BenchSuite = {
  name: 'features',
  description:
    'feature computation: 1,000,000 customers from in-memory events (single pass), and from PGlite / PostgreSQL',
  async run(log) {
    log(`generating a pool of ${POOL} synthetic customers (24 months)…`);
    const started = performance.now();
    const population = generatePopulation({ customers: POOL, months: 24, seed: 2026 });
    const generation = population.customers.length / ((performance.now() - started) / 1000);
    log(
      `pool: ${population.columns.length} events (${(population.columns.length / POOL).toFixed(0)} per customer)`,
    );

    inMemoryRate(population, 50_000); // warm-up
    const ours = inMemoryRate(population, TARGET_CUSTOMERS);
    log(`in memory: ${TARGET_CUSTOMERS} customers in ${ours.seconds.toFixed(2)} s`);

    const sample = population.customers.slice(0, 2000);
    const objects = sample.map((customer) => populationEvents(population, customer));
    const peerStarted = performance.now();
    for (const events of objects) naiveFeatures(events, AS_OF);
    const peer = sample.length / ((performance.now() - peerStarted) / 1000);

    const measurements: Measurement[] = [
      {
        metric: 'features for 1,000,000 customers from in-memory events, one core',
        unit: 'customers/s',
        ours: ours.rate,
        peer,
        peerName: 'per-feature filters over event objects (a third of the features)',
        higherIsBetter: true,
        target: '≥ 50,000 customers/s',
        met: ours.rate >= 50_000,
      },
      {
        metric: 'synthetic population generation',
        unit: 'customers/s',
        ours: generation,
        higherIsBetter: true,
      },
    ];

    const dbSample = generatePopulation({ customers: 1000, months: 24, seed: 7 });
    const pglite = await openPglite();
    try {
      await migrate(pglite);
      const rate = await databaseRate(pglite, dbSample);
      log(`PGlite: ${rate.toFixed(0)} customers/s`);
      measurements.push({
        metric: 'features from the database (training rows), PGlite',
        unit: 'customers/s',
        ours: rate,
        higherIsBetter: true,
      });
    } finally {
      await pglite.close();
    }
    try {
      const schema = 'bench_features';
      const admin = await openPostgres({ connectionString: POSTGRES_URL });
      await admin.exec(`drop schema if exists ${schema} cascade`);
      await admin.close();
      const pg = await openPostgres({ connectionString: POSTGRES_URL, schema });
      try {
        await migrate(pg);
        const rate = await databaseRate(pg, dbSample);
        log(`PostgreSQL: ${rate.toFixed(0)} customers/s`);
        measurements.push({
          metric: 'features from the database (training rows), PostgreSQL',
          unit: 'customers/s',
          ours: rate,
          higherIsBetter: true,
        });
        await pg.exec(`drop schema ${schema} cascade`);
      } finally {
        await pg.close();
      }
    } catch (error) {
      log(`PostgreSQL not measured: ${error instanceof Error ? error.message : String(error)}`);
    }
    return measurements;
  },
};

export default suite;
