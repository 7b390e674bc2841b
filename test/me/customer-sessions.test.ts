import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storesUnderTest } from '../support/stores.ts';
import { meTestApp, SETUP_TIMEOUT_MS, type MeTestApp } from './support.ts';

/**
 * Customer sessions over HTTP on every store: issued to the app for one customer, expiry (clock pinned),
 * sign-out and revoke-all, forged and malformed tokens — each refused with 401 problem+json and
 * WWW-Authenticate — and the two kinds of principal kept apart: a session on a staff route is 403, an API
 * key on /v1/me is 403.
 */
describe.each(storesUnderTest())('customer sessions on $name', (store) => {
  let t: MeTestApp;
  let customerId: string;
  beforeAll(async () => {
    t = await meTestApp({ store });
    customerId = t.personas.get('clean_approval') ?? '';
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await t.app.stop();
  });

  const me = (headers: Record<string, string>) =>
    t.app.http.inject({ method: 'GET', url: '/v1/me/session', headers });

  it('issues a cs_ token that reads /v1/me/session for its customer, and stores only its hash', async () => {
    const response = await t.app.http.inject({
      method: 'POST',
      url: `/v1/customers/${customerId}/sessions`,
      headers: t.auth('app'),
      payload: {},
    });
    expect(response.statusCode).toBe(201);
    const session = response.json() as {
      token: string;
      sessionId: string;
      expiresAt: string;
      customerId: string;
    };
    expect(session.token).toMatch(/^cs_[0-9A-Za-z]{43}$/);
    expect(session.sessionId).toMatch(/^ses_/);
    expect(session.customerId).toBe(customerId);
    // Default lifetime: 15 minutes from the pinned clock.
    expect(session.expiresAt).toBe('2026-11-22T02:15:00.000Z');
    const read = await me(t.bearer(session.token));
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({
      sessionId: session.sessionId,
      customerId,
      expiresAt: session.expiresAt,
      demo: false,
    });
    const stored = await t.app.db.query<{ token_hash: string }>(
      'select token_hash from customer_sessions where session_id = $1',
      [session.sessionId],
    );
    expect(stored.rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored.rows)).not.toContain(session.token.slice(3));
  });

  it('refuses a lifetime outside 60 s – 12 h (422 naming ttlSeconds) and an unknown customer (404)', async () => {
    for (const ttlSeconds of [59, 43_201]) {
      const response = await t.app.http.inject({
        method: 'POST',
        url: `/v1/customers/${customerId}/sessions`,
        headers: t.auth('app'),
        payload: { ttlSeconds },
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().errors[0].field).toBe('ttlSeconds');
    }
    const unknown = await t.app.http.inject({
      method: 'POST',
      url: '/v1/customers/cus_01JD3ZK6Q8W4M2X9T7B5N1R0AE/sessions',
      headers: t.auth('app'),
      payload: {},
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('expires: works one second before expiresAt, 401 expired at it', async () => {
    const token = await t.session(customerId, 60);
    t.clock.advanceMs(59_000);
    expect((await me(t.bearer(token))).statusCode).toBe(200);
    t.clock.advanceMs(1_000);
    const expired = await me(t.bearer(token));
    expect(expired.statusCode).toBe(401);
    expect(expired.headers['content-type']).toContain('application/problem+json');
    expect(expired.json()).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'expired' });
    expect(expired.headers['www-authenticate']).toMatch(/^Bearer realm="credence", error="invalid_token"/);
  });

  it('signs out: DELETE /v1/me/session ends that session only', async () => {
    const first = await t.session(customerId);
    const second = await t.session(customerId);
    const out = await t.app.http.inject({
      method: 'DELETE',
      url: '/v1/me/session',
      headers: t.bearer(first),
    });
    expect(out.statusCode).toBe(204);
    const after = await me(t.bearer(first));
    expect(after.statusCode).toBe(401);
    expect(after.json().reason).toBe('revoked');
    expect((await me(t.bearer(second))).statusCode).toBe(200);
  });

  it('revoke-all ends every live session of the customer and no one else’s', async () => {
    const other = t.personas.get('low_score') ?? '';
    const a1 = await t.session(customerId);
    const a2 = await t.session(customerId);
    const b = await t.session(other);
    const revoke = await t.app.http.inject({
      method: 'POST',
      url: `/v1/customers/${customerId}/sessions/revoke`,
      headers: t.auth('app'),
      payload: {},
    });
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json().revoked).toBeGreaterThanOrEqual(2);
    for (const token of [a1, a2]) expect((await me(t.bearer(token))).json().reason).toBe('revoked');
    expect((await me(t.bearer(b))).statusCode).toBe(200);
  });

  it('refuses forged, malformed and missing tokens with 401 and WWW-Authenticate', async () => {
    const real = await t.session(customerId);
    const forged = `${real.slice(0, -1)}${real.endsWith('A') ? 'B' : 'A'}`;
    for (const [token, reason] of [
      [forged, 'invalid'],
      ['cs_short', 'invalid'],
      ['cs_' + 'x'.repeat(43) + '!', 'invalid'],
    ] as const) {
      const response = await me(t.bearer(token));
      expect(response.statusCode).toBe(401);
      expect(response.json().reason).toBe(reason);
      expect(response.headers['www-authenticate']).toContain('error="invalid_token"');
    }
    const none = await me({});
    expect(none.statusCode).toBe(401);
    expect(none.json().reason).toBe('missing');
    expect(none.headers['www-authenticate']).toBe('Bearer realm="credence"');
  });

  it('keeps the principals apart: a session on a staff route is 403, an API key on /v1/me is 403', async () => {
    const token = await t.session(customerId);
    for (const url of [`/v1/customers/${customerId}`, `/v1/customers/${customerId}/decisions`, '/v1/keys']) {
      const response = await t.app.http.inject({ method: 'GET', url, headers: t.bearer(token) });
      expect(response.statusCode, url).toBe(403);
    }
    const asSession = await t.app.http.inject({
      method: 'POST',
      url: `/v1/customers/${customerId}/sessions`,
      headers: t.bearer(token),
      payload: {},
    });
    expect(asSession.statusCode).toBe(403);
    for (const role of ['app', 'admin'] as const) {
      const response = await me(t.auth(role));
      expect(response.statusCode, role).toBe(403);
      expect(response.json().code).toBe('FORBIDDEN');
    }
  });

  it('has no demo sign-in outside demo mode (404)', async () => {
    const list = await t.app.http.inject({ method: 'GET', url: '/v1/demo/customers' });
    expect(list.statusCode).toBe(404);
    const sign = await t.app.http.inject({
      method: 'POST',
      url: '/v1/demo/sessions',
      payload: { customerId },
    });
    expect(sign.statusCode).toBe(404);
  });
});
