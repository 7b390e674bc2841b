import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/platform/audit/audit-log.ts';
import { DEFAULT_STAFF_SETTINGS } from '../../src/platform/auth/staff-auth.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storesUnderTest } from '../support/stores.ts';

/**
 * Staff sign-in for the console (issue 14): scrypt passwords, the credence_staff cookie, lock-out, idle and
 * absolute expiry on the pinned clock, sign-out, CSRF, roles, and the audit entries of each — on every store.
 */

const PASSWORD = 'correct horse battery';
const MINUTE = 60_000;

interface SignedIn {
  readonly cookie: string;
  readonly csrf: string;
  readonly body: {
    user: { id: string; username: string; role: string };
    idleExpiresAt: string;
    expiresAt: string;
  };
}

describe.each(storesUnderTest())('staff sign-in ($name)', (store) => {
  let t: TestApp;
  const userIds: Record<string, string> = {};

  beforeAll(async () => {
    // At production's scrypt cost (the other test files use TEST_SCRYPT_COST): a wrong password and an
    // unknown user are compared by the time they take, which the hash must dominate.
    t = await createTestApp({ store, config: { staff: DEFAULT_STAFF_SETTINGS } });
    for (const [username, role] of [
      ['ana', 'analyst'],
      ['rita', 'reviewer'],
      ['root', 'admin'],
      ['lock', 'reviewer'],
      ['gone', 'reviewer'],
      ['idle', 'reviewer'],
      ['long', 'reviewer'],
    ] as const) {
      const user = await t.app.services.staff.createUser(
        { username, displayName: `User ${username}`, role, password: PASSWORD },
        SYSTEM_ACTOR,
      );
      userIds[username] = user.id;
    }
  });
  afterAll(async () => {
    await t.app.stop();
  });

  const post = (username: string, password: string) =>
    t.app.http.inject({ method: 'POST', url: '/v1/staff/sign-in', payload: { username, password } });

  async function signIn(username: string): Promise<SignedIn> {
    const res = await post(username, PASSWORD);
    expect(res.statusCode, res.body).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'credence_staff');
    const body = res.json<SignedIn['body'] & { csrfToken: string }>();
    return { cookie: cookie?.value ?? '', csrf: body.csrfToken, body };
  }

  const session = (cookie: string) =>
    t.app.http.inject({ method: 'GET', url: '/v1/staff/session', cookies: { credence_staff: cookie } });

  it('signs in: the cookie is HttpOnly, SameSite=Strict, Path=/; the session answers the user, CSRF token and expiries', async () => {
    const now = t.clock.now().getTime();
    const res = await post('ANA ', PASSWORD);
    expect(res.statusCode).toBe(200);
    const header = String(res.headers['set-cookie']);
    expect(header).toMatch(/^credence_staff=[A-Za-z0-9_-]{43}; /);
    expect(header).toContain('HttpOnly');
    expect(header).toContain('SameSite=Strict');
    expect(header).toContain('Path=/');
    expect(header).not.toContain('Secure');
    const body = res.json<{ user: unknown; csrfToken: string; idleExpiresAt: string; expiresAt: string }>();
    expect(body.user).toEqual({ id: userIds.ana, username: 'ana', displayName: 'User ana', role: 'analyst' });
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.idleExpiresAt).toBe(new Date(now + 30 * MINUTE).toISOString());
    expect(body.expiresAt).toBe(new Date(now + 12 * 60 * MINUTE).toISOString());
    expect(header).toContain(`Expires=${new Date(now + 12 * 60 * MINUTE).toUTCString()}`);

    const cookie = res.cookies.find((c) => c.name === 'credence_staff')?.value ?? '';
    const again = await session(cookie);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(body);
    // The analyst's cookie opens an analyst route, as an analyst key would.
    const outcomes = await t.app.http.inject({
      method: 'GET',
      url: '/v1/monitoring/outcomes',
      cookies: { credence_staff: cookie },
    });
    expect(outcomes.statusCode).not.toBe(401);
    expect(outcomes.statusCode).not.toBe(403);

    const entries = await t.app.services.audit.list({ action: 'staff.sign-in', actor: userIds.ana ?? '' });
    expect(entries.items.map((e) => [e.outcome, e.actor.name, e.subject.id])).toEqual([
      ['ok', 'ana', userIds.ana],
    ]);
  });

  it('answers a wrong password and an unknown user alike (401, same words), both paying for scrypt', async () => {
    const timed = async (username: string) => {
      const started = performance.now();
      const res = await post(username, 'not the password');
      return { res, ms: performance.now() - started };
    };
    const wrong = await timed('rita');
    const unknown = await timed('nobody');
    expect(wrong.res.statusCode).toBe(401);
    expect(unknown.res.statusCode).toBe(401);
    const shape = (body: Record<string, unknown>) => ({ ...body, instance: undefined, requestId: undefined });
    expect(shape(unknown.res.json())).toEqual(shape(wrong.res.json()));
    expect(wrong.res.json()).toMatchObject({ detail: 'the username or the password is wrong' });
    // Both hash the password once (scrypt, tens of ms); an unknown user is never answered in a fraction of that.
    expect(unknown.ms).toBeGreaterThan(wrong.ms * 0.3);

    const failed = await t.app.services.audit.list({ action: 'staff.sign-in' });
    const last = failed.items.slice(0, 2).map((e) => [e.outcome, e.actor.name, e.details.reason]);
    expect(last).toEqual([
      ['failed', 'nobody', 'unknown-user'],
      ['failed', 'rita', 'wrong-password'],
    ]);
  });

  it('locks an account after 5 consecutive failures for 15 minutes, then lets it in again', async () => {
    for (let i = 1; i <= 4; i += 1) expect((await post('lock', `wrong ${i} password`)).statusCode).toBe(401);
    const start = t.clock.now().getTime();
    const fifth = await post('lock', 'wrong 5 password');
    expect(fifth.statusCode).toBe(429);
    const lockedUntil = new Date(start + 15 * MINUTE).toISOString();
    expect(fifth.json()).toMatchObject({ reason: 'locked', lockedUntil, retryAfterSeconds: 900 });
    expect(fifth.headers['retry-after']).toBe('900');

    // Even the right password is refused while locked.
    t.clock.advanceMs(14 * MINUTE);
    const during = await post('lock', PASSWORD);
    expect(during.statusCode).toBe(429);
    expect(during.json()).toMatchObject({ lockedUntil, retryAfterSeconds: 60 });

    t.clock.advanceMs(MINUTE);
    const after = await signIn('lock');
    expect(after.body.user.username).toBe('lock');
    expect((await t.app.services.staff.findUser('lock')).failedAttempts).toBe(0);

    const entries = await t.app.services.audit.list({ actor: userIds.lock ?? '' });
    expect(
      entries.items.map((e) => [e.outcome, e.details.reason ?? null, e.details.failedAttempts ?? null]),
    ).toEqual([
      ['ok', null, null],
      ['refused', 'locked', null],
      ['failed', 'wrong-password', 5],
      ['failed', 'wrong-password', 4],
      ['failed', 'wrong-password', 3],
      ['failed', 'wrong-password', 2],
      ['failed', 'wrong-password', 1],
    ]);
    expect(entries.items[2]?.details.lockedUntil).toBe(lockedUntil);
  });

  it('refuses a disabled user with the same 401, ends their sessions, and lets them in once enabled', async () => {
    const live = await signIn('gone');
    const root = await signIn('root');
    const disable = await t.app.http.inject({
      method: 'POST',
      url: `/v1/staff/users/${userIds.gone}/disable`,
      cookies: { credence_staff: root.cookie },
      headers: { 'x-csrf-token': root.csrf },
    });
    expect(disable.statusCode).toBe(200);
    expect(disable.json()).toMatchObject({ user: { username: 'gone', disabled: true } });
    const old = await session(live.cookie);
    expect(old.statusCode).toBe(401);
    expect(old.json()).toMatchObject({ reason: 'revoked' });
    const refused = await post('gone', PASSWORD);
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ detail: 'the username or the password is wrong' });

    const enable = await t.app.http.inject({
      method: 'POST',
      url: `/v1/staff/users/${userIds.gone}/enable`,
      cookies: { credence_staff: root.cookie },
      headers: { 'x-csrf-token': root.csrf },
    });
    expect(enable.statusCode).toBe(200);
    await signIn('gone');

    const trail = await t.app.services.audit.list({ action: 'staff-user.*' });
    expect(trail.items.slice(0, 2).map((e) => [e.action, e.actor.name, e.subject.id])).toEqual([
      ['staff-user.enable', 'root', userIds.gone],
      ['staff-user.disable', 'root', userIds.gone],
    ]);
    const refusal = await t.app.services.audit.list({ actor: userIds.gone ?? '', action: 'staff.sign-in' });
    expect(refusal.items.map((e) => [e.outcome, e.details.reason ?? null])).toEqual([
      ['ok', null],
      ['refused', 'disabled'],
      ['ok', null],
    ]);
  });

  it('ends a session 30 minutes after its last use (each use moves it), and 12 hours after sign-in whatever', async () => {
    const idle = await signIn('idle');
    t.clock.advanceMs(29 * MINUTE);
    const used = await session(idle.cookie);
    expect(used.statusCode).toBe(200);
    expect(used.json()).toMatchObject({
      idleExpiresAt: new Date(t.clock.now().getTime() + 30 * MINUTE).toISOString(),
    });
    t.clock.advanceMs(29 * MINUTE);
    expect((await session(idle.cookie)).statusCode).toBe(200);
    t.clock.advanceMs(30 * MINUTE);
    const expired = await session(idle.cookie);
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ reason: 'expired', expiry: 'idle' });
    expect(String(expired.headers['set-cookie'])).toMatch(/^credence_staff=; /);

    const long = await signIn('long');
    const signedInAt = t.clock.now().getTime();
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      t.clock.set(new Date(signedInAt + minutes * MINUTE));
      const res = await session(long.cookie);
      expect(res.statusCode, `at ${minutes} min`).toBe(200);
    }
    // The idle expiry never passes the absolute one.
    t.clock.set(new Date(signedInAt + (12 * 60 - 10) * MINUTE));
    expect((await session(long.cookie)).json()).toMatchObject({ idleExpiresAt: long.body.expiresAt });
    t.clock.set(new Date(signedInAt + 12 * 60 * MINUTE));
    const over = await session(long.cookie);
    expect(over.statusCode).toBe(401);
    expect(over.json()).toMatchObject({ reason: 'expired', expiry: 'absolute' });
  });

  it('writes the session row at most once a minute: a request within a minute of the last write reads only', async () => {
    const busy = await signIn('idle');
    const signedInAt = t.clock.now().getTime();
    const lastSeen = async () =>
      (
        await t.app.db.query<{ last_seen_at: Date }>(
          `select s.last_seen_at from staff_sessions s join staff_users u on u.id = s.user_id
           where u.username = 'idle' and s.revoked_at is null order by s.created_at desc limit 1`,
        )
      ).rows[0]?.last_seen_at.getTime();
    t.clock.advanceMs(59_000);
    const soon = await session(busy.cookie);
    expect(soon.statusCode).toBe(200);
    // The stored idle expiry is answered: the row was not written.
    expect(soon.json()).toMatchObject({ idleExpiresAt: new Date(signedInAt + 30 * MINUTE).toISOString() });
    expect(await lastSeen()).toBe(signedInAt);
    t.clock.advanceMs(1_000);
    const later = await session(busy.cookie);
    expect(later.json()).toMatchObject({
      idleExpiresAt: new Date(signedInAt + MINUTE + 30 * MINUTE).toISOString(),
    });
    expect(await lastSeen()).toBe(signedInAt + MINUTE);
  });

  it('signs out: 204, cookie cleared, the session ended and audited', async () => {
    const rita = await signIn('rita');
    const withoutCsrf = await t.app.http.inject({
      method: 'POST',
      url: '/v1/staff/sign-out',
      cookies: { credence_staff: rita.cookie },
    });
    expect(withoutCsrf.statusCode).toBe(403);
    const out = await t.app.http.inject({
      method: 'POST',
      url: '/v1/staff/sign-out',
      cookies: { credence_staff: rita.cookie },
      headers: { 'x-csrf-token': rita.csrf },
    });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/^credence_staff=; .*Expires=Thu, 01 Jan 1970/);
    const after = await session(rita.cookie);
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ reason: 'revoked' });
    const entries = await t.app.services.audit.list({ action: 'staff.sign-out' });
    expect(entries.items[0]).toMatchObject({
      actor: { kind: 'staff', id: userIds.rita, name: 'rita' },
      outcome: 'ok',
    });
  });

  it('refuses a state-changing request without or with a wrong CSRF token (403 csrf, audited), accepts the right one', async () => {
    const root = await signIn('root');
    const create = (headers: Record<string, string>) =>
      t.app.http.inject({
        method: 'POST',
        url: '/v1/staff/users',
        cookies: { credence_staff: root.cookie },
        headers,
        payload: { username: 'newbie', displayName: 'New Bie', role: 'reviewer', password: PASSWORD },
      });
    const missing = await create({});
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toMatchObject({ reason: 'csrf' });
    const wrong = await create({ 'x-csrf-token': 'A'.repeat(43) });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({ reason: 'csrf' });
    expect((await t.app.services.staff.listUsers()).some((u) => u.username === 'newbie')).toBe(false);
    const entries = await t.app.services.audit.list({ action: 'staff.csrf' });
    expect(
      entries.items.slice(0, 2).map((e) => [e.outcome, e.actor.name, e.details.reason, e.details.path]),
    ).toEqual([
      ['refused', 'root', 'wrong-token', '/v1/staff/users'],
      ['refused', 'root', 'missing-token', '/v1/staff/users'],
    ]);
    const ok = await create({ 'x-csrf-token': root.csrf });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ user: { username: 'newbie', role: 'reviewer', disabled: false } });
    const created = await t.app.services.audit.list({ action: 'staff-user.create' });
    expect(created.items[0]).toMatchObject({
      actor: { kind: 'staff', name: 'root' },
      details: { username: 'newbie', displayName: 'New Bie', role: 'reviewer' },
    });
  });

  it("refuses a reviewer's cookie on analyst and admin routes (403), as it would a reviewer key", async () => {
    const rita = await signIn('rita');
    for (const url of ['/v1/monitoring/outcomes', '/v1/audit', '/v1/staff/users']) {
      const res = await t.app.http.inject({ method: 'GET', url, cookies: { credence_staff: rita.cookie } });
      expect(res.statusCode, url).toBe(403);
      expect(res.json()).toMatchObject({ detail: 'role "reviewer" may not call this endpoint' });
    }
  });

  it('keeps API keys working as before; a key is not a staff session', async () => {
    const rita = await signIn('rita');
    // The bearer key wins over a cookie sent beside it.
    const keys = await t.app.http.inject({
      method: 'GET',
      url: '/v1/keys',
      headers: t.auth('admin'),
      cookies: { credence_staff: rita.cookie },
    });
    expect(keys.statusCode).toBe(200);
    const reviewerKey = await t.app.http.inject({
      method: 'GET',
      url: '/v1/keys',
      headers: t.auth('reviewer'),
    });
    expect(reviewerKey.statusCode).toBe(403);
    const staffOnly = await t.app.http.inject({
      method: 'GET',
      url: '/v1/staff/session',
      headers: t.auth('admin'),
    });
    expect(staffOnly.statusCode).toBe(403);
    const nothing = await t.app.http.inject({ method: 'GET', url: '/v1/staff/session' });
    expect(nothing.statusCode).toBe(401);
    const forged = await session('B'.repeat(43));
    expect(forged.statusCode).toBe(401);
    expect(forged.json()).toMatchObject({ reason: 'invalid' });
    // An API key needs no CSRF token (no browser sends it on its own).
    const create = await t.app.http.inject({
      method: 'POST',
      url: '/v1/keys',
      headers: t.auth('admin'),
      payload: { name: 'batch', role: 'app' },
    });
    expect(create.statusCode).toBe(201);
  });

  it('never returns or logs a password or its hash; the admin reads the audit log over HTTP', async () => {
    // At least four staff.* entries, whichever tests ran before.
    for (let i = 0; i < 3; i += 1) await signIn('root');
    const root = await signIn('root');
    const users = await t.app.http.inject({
      method: 'GET',
      url: '/v1/staff/users',
      cookies: { credence_staff: root.cookie },
    });
    expect(users.statusCode).toBe(200);
    expect(users.body).not.toContain('scrypt$');
    expect(users.json<{ users: Array<Record<string, unknown>> }>().users[0]).not.toHaveProperty(
      'passwordHash',
    );
    const audit = await t.app.http.inject({
      method: 'GET',
      url: '/v1/audit?action=staff.*&limit=3',
      cookies: { credence_staff: root.cookie },
    });
    expect(audit.statusCode).toBe(200);
    const page = audit.json<{ items: Array<{ action: string }>; next: string | null }>();
    expect(page.items).toHaveLength(3);
    expect(page.items.every((item) => item.action.startsWith('staff.'))).toBe(true);
    expect(page.next).toMatch(/^aud_/);
    const next = await t.app.http.inject({
      method: 'GET',
      url: `/v1/audit?action=staff.*&limit=3&before=${page.next ?? ''}`,
      cookies: { credence_staff: root.cookie },
    });
    const older = next.json<{ items: Array<{ id: string }> }>().items;
    expect(older.length).toBeGreaterThan(0);
    expect((older[0]?.id ?? '') < (page.next ?? '')).toBe(true);

    const everything = (await t.app.services.audit.list({ limit: 500 })).items;
    const logs = t.logLines().join('\n');
    for (const text of [JSON.stringify(everything), logs, users.body, audit.body]) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain('scrypt$');
    }
  });
});
