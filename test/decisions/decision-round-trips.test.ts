import { afterAll, describe, expect, it } from 'vitest';
import type { DemoCaseKey } from '../../src/demo/cases/demo-cases.ts';
import { countRoundTrips, type CountedDatabase } from '../../src/platform/database/round-trips.ts';
import { ManualMonotonicClock } from '../../src/platform/time/clock.ts';
import { storesUnderTest, type StoreUnderTest } from '../support/stores.ts';
import { decisionTestApp, type DecisionTestApp } from './support.ts';

/**
 * How many database round trips one `POST /v1/decisions` makes, pinned per kind of decision, so that the
 * count cannot creep back (issue 16 item 5: on a co-located PostgreSQL each round trip costs the server and
 * the database a write, a read and a wake-up — most of a decision's CPU). With the caches warm (API key,
 * policy, scorer, the customer's decoded events):
 *
 * - a decline, or an approval that leaves the facility as it stands: 2 — the customer's probe (events
 *   version, blocklist) carrying the facility read, and the one-statement record;
 * - a first approval: the probe, then the transaction that opens the facility and records the decision;
 * - a referral: the probe, then the transaction that records it with its review case;
 * - a customer whose events changed: one more, to read their history again.
 *
 * Counted at the database port (`countRoundTrips`): every statement, and each transaction's begin and
 * commit. The monotonic clock is held still so the API-key cache does not expire between requests.
 */
const apps: DecisionTestApp[] = [];
afterAll(async () => {
  for (const t of apps) await t.app.stop();
});

function counting(store: StoreUnderTest): { store: StoreUnderTest; counted: () => CountedDatabase } {
  let counted: CountedDatabase | undefined;
  return {
    store: {
      name: store.name,
      async fresh(options) {
        counted = countRoundTrips(await store.fresh(options));
        return counted.db;
      },
    },
    counted: () => {
      if (!counted) throw new Error('no database yet');
      return counted;
    },
  };
}

describe.each(storesUnderTest())('decision round trips ($name)', (underTest) => {
  it('makes two round trips for a decline or a confirming approval, and no more than pinned for the rest', async () => {
    const { store, counted } = counting(underTest);
    const t = await decisionTestApp({ store, monotonic: new ManualMonotonicClock() });
    apps.push(t);
    const customer = (key: DemoCaseKey): string => {
      const id = t.personas.get(key);
      if (!id) throw new Error(`${key} not seeded`);
      return id;
    };
    /** Decides over HTTP; the round trips it took and the outcome it gave. */
    const decide = async (key: DemoCaseKey, product: string) => {
      const before = counted().roundTrips();
      const response = await t.app.http.inject({
        method: 'POST',
        url: '/v1/decisions',
        headers: t.auth('app'),
        payload: { customerId: customer(key), product },
      });
      expect(response.statusCode).toBe(201);
      const body = response.json<{ outcome: string; facilityChange: string | null }>();
      return { trips: counted().roundTrips() - before, outcome: body.outcome, change: body.facilityChange };
    };

    // Warm the caches: the API key, the policy in force and settings, the active scorer, the customer's
    // decoded events (each decision of a cold customer reads its history once).
    await decide('low_score', 'cash_loan');

    expect(await decide('low_score', 'cash_loan')).toEqual({ trips: 2, outcome: 'declined', change: null });
    const opened = await decide('clean_approval', 'cash_loan');
    expect([opened.outcome, opened.change]).toEqual(['approved', 'opened']);
    expect(opened.trips).toBe(OPENING_TRIPS);
    expect(await decide('clean_approval', 'cash_loan')).toEqual({
      trips: 2,
      outcome: 'approved',
      change: 'unchanged',
    });
    const referred = await decide('outage', 'cash_loan');
    expect(referred.outcome).toBe('referred');
    expect(referred.trips).toBe(REFERRAL_TRIPS);
  }, 240_000);
});

/**
 * A first approval of a customer whose events are not in memory yet: the probe with the facility, the
 * history, then begin, the grant's idempotency key, the facility locked, inserted, its change, the key's
 * answer, the facility read back, the record, commit.
 */
const OPENING_TRIPS = 11;
/**
 * A first referral of a customer whose events are not in memory yet: the probe with the facility, the
 * history, then begin, the record, its case, the case's first event, the older open cases locked, commit.
 */
const REFERRAL_TRIPS = 8;
