import { createApp } from '../../src/app.ts';
import type { PaymentProvider } from '../../src/lending/payments/payment-provider.ts';
import type { App } from '../../src/services.ts';
import { generateApiKeySecret, ROLES, type Role } from '../../src/platform/auth/api-keys.ts';
import type { Config } from '../../src/config.ts';
import { testPiiConfig } from '../../src/platform/config/config.ts';
import { createIdGenerator, seededRandomBytes } from '../../src/platform/ids/ids.ts';
import { createMemoryLogger } from '../../src/platform/logging/logger.ts';
import { ManualClock, type MonotonicClock } from '../../src/platform/time/clock.ts';
import { pgliteStore, type StoreUnderTest } from './stores.ts';

export interface TestApp {
  readonly app: App;
  readonly clock: ManualClock;
  /** One API key secret per role. */
  readonly keys: Readonly<Record<Role, string>>;
  /** Everything the app logged so far, one JSON line each. */
  logLines(): string[];
  /** `Authorization` header for a role. */
  auth(role: Role): { authorization: string };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: '/nonexistent-credence-test-dir',
    databaseUrl: undefined,
    logLevel: 'debug',
    bodyLimit: 1_048_576,
    pii: testPiiConfig(),
    ...overrides,
  };
}

/**
 * A whole application on a fresh, migrated schema, with a pinned clock (2026-11-22 10:00 Shanghai),
 * deterministic ids, an in-memory log and one API key per role. Nothing listens: use `app.http.inject`.
 */
export async function createTestApp(
  options: {
    store?: StoreUnderTest;
    now?: Date;
    seed?: number;
    config?: Partial<Config>;
    /** The payment provider (default: the app's sandbox); pass one to read its movements and calls. */
    paymentProvider?: PaymentProvider;
    /** The app's monotonic clock (durations, the API-key cache's age); the process's when absent. */
    monotonic?: MonotonicClock;
  } = {},
): Promise<TestApp> {
  const store = options.store ?? pgliteStore;
  const db = await store.fresh();
  const clock = new ManualClock(options.now ?? new Date('2026-11-22T02:00:00Z'));
  const ids = createIdGenerator(clock, seededRandomBytes(options.seed ?? 20261122));
  const memory = createMemoryLogger('debug');
  const app = await createApp({
    config: testConfig(options.config),
    db,
    clock,
    ids,
    logger: memory.logger,
    ...(options.paymentProvider ? { paymentProvider: options.paymentProvider } : {}),
    ...(options.monotonic ? { monotonic: options.monotonic } : {}),
  });
  const keys = {} as Record<Role, string>;
  const random = seededRandomBytes(99);
  for (const role of ROLES) {
    const secret = generateApiKeySecret(role, random);
    await app.services.apiKeys.create({ name: `test ${role}`, role, secret });
    keys[role] = secret;
  }
  return {
    app,
    clock,
    keys,
    logLines: memory.lines,
    auth: (role) => ({ authorization: `Bearer ${keys[role]}` }),
  };
}
