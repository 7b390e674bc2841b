import { createApp } from '../../src/app.ts';
import type { App } from '../../src/services.ts';
import { DEMO_SETTINGS, seedDemoCases, type DemoCaseKey } from '../../src/demo/cases/demo-cases.ts';
import { generateApiKeySecret, ROLES, type Role } from '../../src/platform/auth/api-keys.ts';
import { createIdGenerator, seededRandomBytes } from '../../src/platform/ids/ids.ts';
import { createMemoryLogger } from '../../src/platform/logging/logger.ts';
import { ManualClock } from '../../src/platform/time/clock.ts';
import { installDefaultPolicies } from '../../src/policy/policy-files.node.ts';
import { testScorecard } from '../decisions/scorecard.ts';
import { testConfig } from '../support/app.ts';
import { pgliteStore, type StoreUnderTest } from '../support/stores.ts';

/** Setting up trains the demo scorecard and seeds nine customers: minutes on a busy shared machine. */
export const SETUP_TIMEOUT_MS = 600_000;

export interface MeTestApp {
  readonly app: App;
  readonly clock: ManualClock;
  readonly keys: Readonly<Record<Role, string>>;
  /** The demo cases' customer ids. */
  readonly personas: ReadonlyMap<DemoCaseKey, string>;
  auth(role: Role): { authorization: string };
  /** A session for a customer (asked for by the app key); returns its token. */
  session(customerId: string, ttlSeconds?: number): Promise<string>;
  bearer(token: string): { authorization: string };
}

/**
 * A whole app for the customer's API: a fresh schema, the clock pinned at 2026-11-22 10:00 Shanghai,
 * deterministic ids, one API key per role, the default policies with the demo's tightening, the demo
 * scorecard active and the nine demo customers seeded. `demo` turns on demo mode (the demo sign-in).
 */
export async function meTestApp(
  options: { store?: StoreUnderTest; demo?: boolean } = {},
): Promise<MeTestApp> {
  const db = await (options.store ?? pgliteStore).fresh();
  const clock = new ManualClock(new Date('2026-11-22T02:00:00Z'));
  const ids = createIdGenerator(clock, seededRandomBytes(20261122));
  const app = await createApp({
    config: testConfig({ logLevel: 'warn' }),
    db,
    clock,
    ids,
    logger: createMemoryLogger('warn').logger,
    demo: options.demo === true,
  });
  const keys = {} as Record<Role, string>;
  const random = seededRandomBytes(99);
  for (const role of ROLES) {
    const secret = generateApiKeySecret(role, random);
    await app.services.apiKeys.create({ name: `test ${role}`, role, secret });
    keys[role] = secret;
  }
  const { services } = app;
  await installDefaultPolicies(services.policies);
  const scorecard = testScorecard();
  await services.models.register(scorecard);
  await services.models.activate(scorecard.version);
  await services.policies.loadSettings(DEMO_SETTINGS);
  const seeded = await seedDemoCases(services.customers, clock.now());
  const auth = (role: Role) => ({ authorization: `Bearer ${keys[role]}` });
  return {
    app,
    clock,
    keys,
    personas: new Map(seeded.map((persona) => [persona.key, persona.customerId])),
    auth,
    async session(customerId, ttlSeconds) {
      const response = await app.http.inject({
        method: 'POST',
        url: `/v1/customers/${customerId}/sessions`,
        headers: auth('app'),
        payload: ttlSeconds === undefined ? {} : { ttlSeconds },
      });
      if (response.statusCode !== 201) throw new Error(`session: ${response.statusCode} ${response.body}`);
      return (response.json() as { token: string }).token;
    },
    bearer: (token) => ({ authorization: `Bearer ${token}` }),
  };
}
