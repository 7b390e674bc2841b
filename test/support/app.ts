import { createApp } from '../../src/app.ts';
import type { PaymentProvider } from '../../src/lending/payments/payment-provider.ts';
import type { App } from '../../src/services.ts';
import { generateApiKeySecret, ROLES, type Role } from '../../src/platform/auth/api-keys.ts';
import type { Config } from '../../src/config.ts';
import { DEFAULT_STAFF_SETTINGS, type StaffSettings } from '../../src/platform/auth/staff-auth.ts';
import type { ScryptCost } from '../../src/platform/auth/staff-passwords.ts';
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

/**
 * The scrypt cost of staff passwords in tests: N = 2^10 (the lowest the code accepts), 1 MiB and ~4 ms a
 * hash, instead of production's N = 2^15 (32 MiB, ~100-220 ms of CPU a hash on the test machine). Every
 * staff user a test creates and every sign-in pays one hash. Only tests set it — through the same
 * configuration an operator has (`Config.staff`, `createApp({ staff })`); the defaults stay
 * DEFAULT_SCRYPT_COST, asserted in test/platform/staff-settings-and-limits.test.ts, and
 * test/platform/staff-sign-in.test.ts signs in at production cost (it compares the time of a wrong password
 * with an unknown user's).
 */
export const TEST_SCRYPT_COST: ScryptCost = { logN: 10, r: 8, p: 1 };

/** Production's staff settings with {@link TEST_SCRYPT_COST}. */
export const TEST_STAFF_SETTINGS: StaffSettings = { ...DEFAULT_STAFF_SETTINGS, scrypt: TEST_SCRYPT_COST };

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: '/nonexistent-credence-test-dir',
    databaseUrl: undefined,
    logLevel: 'debug',
    bodyLimit: 1_048_576,
    pii: testPiiConfig(),
    staff: TEST_STAFF_SETTINGS,
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
