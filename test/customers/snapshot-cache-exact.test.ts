import { testKeyring } from '../../src/privacy/data-keyring.test-support.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CustomerSnapshot } from '../../src/customers/customer.ts';
import { createCustomerService } from '../../src/customers/customer-service.ts';
import { eventToWire } from '../../src/customers/events/customer-event.ts';
import { CustomerHistory } from '../../src/demo/personas/customer-history.ts';
import { createPiiVault } from '../../src/identity/pii-vault.ts';
import { createSandboxVerificationProvider } from '../../src/identity/sandbox-verification-provider.ts';
import { testPiiConfig } from '../../src/platform/config/config.ts';
import { createIdGenerator, seededRandomBytes } from '../../src/platform/ids/ids.ts';
import { addDays, businessDateOf } from '../../src/platform/time/local-date.ts';
import { ManualClock } from '../../src/platform/time/clock.ts';
import { storesUnderTest, type StoreUnderTest } from '../support/stores.ts';
import { ZHANG_SAN } from './support/service.ts';

/**
 * The snapshot cache is exact: a snapshot served from the decoded history in memory equals the one read
 * from the database at every instant — across window edges, after events added by this process, by
 * another process (another service on the same database) or straight into the table, and back-dated ones.
 */
const NOW = new Date('2026-11-22T02:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function twoServices(store: StoreUnderTest) {
  const db = await store.fresh();
  const clock = new ManualClock(NOW);
  const common = {
    db,
    clock,
    vault: createPiiVault(testPiiConfig()),
    keyring: testKeyring(),
    verifier: createSandboxVerificationProvider(),
  };
  const cached = createCustomerService({
    ...common,
    ids: createIdGenerator(clock, seededRandomBytes(42)),
  });
  // Another process on the same database, with no cache.
  const other = createCustomerService({
    ...common,
    ids: createIdGenerator(clock, seededRandomBytes(43)),
    snapshotCacheSize: 0,
  });
  return { db, clock, cached, other };
}

/** A snapshot as comparable data (instants as numbers). */
const plain = (snapshot: CustomerSnapshot) => JSON.parse(JSON.stringify(snapshot)) as unknown;

describe.each(storesUnderTest())('snapshot cache on $name', (store) => {
  it('equals the database at every instant, after writes from here, from elsewhere and back-dated ones', async () => {
    const { db, cached, other } = await twoServices(store);
    const { customer } = await cached.createCustomer(ZHANG_SAN);
    const id = customer.customerId;
    const day = (days: number) => addDays(businessDateOf(NOW), days);
    const history = new CustomerHistory(id, 'cache')
      .consentAll(CustomerHistory.at(day(-200)))
      .salary(day(0), 6, '9000.00')
      .monthlySpending(day(0), 6, 6, '120.00')
      .loan('elsewhere', 'lender-2', 'L1', day(-150), 12, '6000.00', day(0), { 2: 9 })
      // Applications whose 30-day window ends a minute either side of NOW + 1 day.
      .inquiry(new Date(NOW.getTime() - 29 * DAY + 60_000), 'lender-3')
      .inquiry(new Date(NOW.getTime() - 29 * DAY - 60_000), 'lender-4')
      .limitViews(new Date(NOW.getTime() - 2 * HOUR), 12, 4)
      .eventsUntil(NOW);
    await cached.ingestEvents(history.map(eventToWire));

    const same = async (at: Date) => {
      const mine = await cached.getSnapshot(id, at);
      expect(plain(mine)).toEqual(plain(await other.getSnapshot(id, at)));
      return mine;
    };
    const first = await same(NOW);
    expect(first.features.inquiries_30d).toBe(2);
    expect(first.holds.map((hold) => hold.reasonCode)).toContain('LIMIT_VIEW_VELOCITY');
    // Across the window edges of the two applications and the hold's expiry, from the same cached history.
    for (const offset of [DAY - 2 * 60_000, DAY, DAY + 2 * 60_000, 22 * HOUR, 40 * DAY, -30 * DAY])
      await same(new Date(NOW.getTime() + offset));
    // One left the 30-day window a minute before NOW + 1 day, the other leaves a minute after.
    expect((await cached.getSnapshot(id, new Date(NOW.getTime() + DAY))).features.inquiries_30d).toBe(1);
    expect(
      (await cached.getSnapshot(id, new Date(NOW.getTime() + DAY + 2 * 60_000))).features.inquiries_30d,
    ).toBe(0);

    // Another process adds a back-dated application: seen at once.
    await other.ingestEvents([
      {
        eventId: 'late-1',
        customerId: id,
        source: 'bureau',
        type: 'inquiry',
        occurredAt: new Date(NOW.getTime() - 3 * DAY).toISOString(),
        lender: 'lender-9',
        kind: 'loan_application',
      },
    ]);
    expect((await same(NOW)).features.inquiries_30d).toBe(3);

    // A row written straight into the table (an import tool, a restore): seen at once.
    await db.query(
      `insert into customer_events (customer_id, source, event_id, type, occurred_at, received_at, payload)
       values ($1, 'bureau', 'raw-1', 'inquiry', $2, $2, $3::jsonb)`,
      [id, new Date(NOW.getTime() - DAY), JSON.stringify({ lender: 'lender-10', kind: 'card_application' })],
    );
    expect((await same(NOW)).features.inquiries_30d).toBe(4);

    // Any instant, from the cached history, equals the database.
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -400 * 24, max: 60 * 24 }), async (hours) => {
        await same(new Date(NOW.getTime() + hours * HOUR + 1));
      }),
      { numRuns: 25 },
    );
  });
});
