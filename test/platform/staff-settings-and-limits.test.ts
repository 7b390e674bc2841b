import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/platform/audit/audit-log.ts';
import { DEFAULT_STAFF_SETTINGS, staffSettingsFromEnv } from '../../src/platform/auth/staff-auth.ts';
import {
  DEFAULT_SCRYPT_COST,
  hashPassword,
  needsRehash,
  verifyPassword,
} from '../../src/platform/auth/staff-passwords.ts';
import { seededRandomBytes } from '../../src/platform/ids/ids.ts';
import { createTestApp, TEST_SCRYPT_COST, testConfig, type TestApp } from '../support/app.ts';

describe('staff settings from the environment', () => {
  it('defaults to 30 min idle, 12 h absolute, 5 attempts, 15 min lock; each variable overrides its own', () => {
    expect(staffSettingsFromEnv({})).toEqual(DEFAULT_STAFF_SETTINGS);
    expect(
      staffSettingsFromEnv({
        CREDENCE_STAFF_IDLE_MINUTES: '10',
        CREDENCE_STAFF_SESSION_HOURS: '8',
        CREDENCE_STAFF_LOCKOUT_ATTEMPTS: '3',
        CREDENCE_STAFF_LOCKOUT_MINUTES: '60',
      }),
    ).toEqual({
      ...DEFAULT_STAFF_SETTINGS,
      idleMinutes: 10,
      absoluteHours: 8,
      lockoutAttempts: 3,
      lockoutMinutes: 60,
    });
    expect(() => staffSettingsFromEnv({ CREDENCE_STAFF_IDLE_MINUTES: 'ten' })).toThrow(
      expect.objectContaining({
        issues: [expect.objectContaining({ field: 'CREDENCE_STAFF_IDLE_MINUTES' })],
      }),
    );
    expect(() => staffSettingsFromEnv({ CREDENCE_STAFF_LOCKOUT_ATTEMPTS: '0' })).toThrow(/from 1 to 100/);
  });
});

describe('staff passwords', () => {
  it('hashes with scrypt, a fresh salt each time, parameters in the hash; verifies only the right password', async () => {
    const random = seededRandomBytes(5);
    const first = await hashPassword('correct horse battery', random, { logN: 12, r: 8, p: 1 });
    const second = await hashPassword('correct horse battery', random, { logN: 12, r: 8, p: 1 });
    expect(first).toMatch(/^scrypt\$12\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(second).not.toBe(first);
    expect(await verifyPassword('correct horse battery', first)).toBe(true);
    expect(await verifyPassword('correct horse batterz', first)).toBe(false);
    expect(await verifyPassword('correct horse battery', 'plain text')).toBe(false);
    expect(needsRehash(first, { logN: 12, r: 8, p: 1 })).toBe(false);
    expect(needsRehash(first, DEFAULT_STAFF_SETTINGS.scrypt)).toBe(true);
  });
});

describe('the scrypt cost of staff passwords', () => {
  it('is N = 2^15, r = 8, p = 1 in production — the defaults, the settings read from the environment (what `loadConfig` uses), an app given no staff settings; only the tests lower it', async () => {
    expect(DEFAULT_SCRYPT_COST).toEqual({ logN: 15, r: 8, p: 1 });
    expect(DEFAULT_STAFF_SETTINGS.scrypt).toEqual(DEFAULT_SCRYPT_COST);
    expect(staffSettingsFromEnv({}).scrypt).toEqual(DEFAULT_SCRYPT_COST);
    // The tests' configuration (test/support/app.ts) is the only place with a lower cost…
    expect(testConfig().staff?.scrypt).toEqual(TEST_SCRYPT_COST);
    expect(TEST_SCRYPT_COST.logN).toBeLessThan(DEFAULT_SCRYPT_COST.logN);
    // …and an application configured without staff settings hashes at production cost.
    const app = await createTestApp({ config: { staff: undefined } });
    try {
      await app.app.services.staff.createUser(
        { username: 'prod', displayName: 'Prod', role: 'reviewer', password: 'correct horse battery' },
        SYSTEM_ACTOR,
      );
      const stored = await app.app.db.query<{ password_hash: string }>(
        `select password_hash from staff_users where username = 'prod'`,
      );
      expect(stored.rows[0]?.password_hash).toMatch(/^scrypt\$15\$8\$1\$/);
    } finally {
      await app.app.stop();
    }
  });
});

describe('staff sign-in and the per-address sign-in limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { rateLimits: { requestsPerMinute: 0, authFailuresPerMinute: 3 } } });
    await t.app.services.staff.createUser(
      { username: 'rita', displayName: 'Rita', role: 'reviewer', password: 'correct horse battery' },
      SYSTEM_ACTOR,
    );
  });
  afterAll(async () => {
    await t.app.stop();
  });

  it('counts failed sign-ins against the address like failed keys: the 4th within the minute is 429', async () => {
    const attempt = (password: string) =>
      t.app.http.inject({
        method: 'POST',
        url: '/v1/staff/sign-in',
        payload: { username: 'rita', password },
      });
    const signedIn = await attempt('correct horse battery');
    expect(signedIn.statusCode).toBe(200);
    const cookie = signedIn.cookies.find((c) => c.name === 'credence_staff')?.value ?? '';
    const sessionCall = () =>
      t.app.http.inject({ method: 'GET', url: '/v1/staff/session', cookies: { credence_staff: cookie } });
    expect((await sessionCall()).statusCode).toBe(200);
    for (let i = 0; i < 3; i += 1) expect((await attempt(`wrong password ${i}`)).statusCode).toBe(401);
    const limited = await attempt('correct horse battery');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(limited.json().detail).toMatch(/more than 3 failed sign-ins a minute from this address/);
    // A cookie that worked does not let a sign-in skip the bound…
    const withCookie = await t.app.http.inject({
      method: 'POST',
      url: '/v1/staff/sign-in',
      cookies: { credence_staff: cookie },
      payload: { username: 'rita', password: 'correct horse battery' },
    });
    expect(withCookie.statusCode).toBe(429);
    // …and a console session that worked is not held back by the address's failures (its own bucket).
    const inParallel = await Promise.all(Array.from({ length: 5 }, () => sessionCall()));
    expect(inParallel.map((res) => res.statusCode)).toEqual([200, 200, 200, 200, 200]);
    // Not the account's lock-out: three failures are under its five.
    expect((await t.app.services.staff.findUser('rita')).failedAttempts).toBe(3);
  });
});
