import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiKeySecret } from '../../src/platform/auth/api-keys.ts';
import { seededRandomBytes } from '../../src/platform/ids/ids.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/platform/http/hardening.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

/**
 * Issue 12 items 4, 6 and 7 over HTTP: router and plugin errors as problem+json with their status, security
 * headers, request limits (sign-in attempts counted before the key lookup), and request ids that only the
 * server makes. One app with small limits; the flood of guessed keys runs last (it blocks the address).
 */
let t: TestApp;
const AUTH_FAILURES_PER_MINUTE = 20;
const REQUESTS_PER_MINUTE = 40;

beforeAll(async () => {
  t = await createTestApp({
    config: {
      rateLimits: {
        requestsPerMinute: REQUESTS_PER_MINUTE,
        authFailuresPerMinute: AUTH_FAILURES_PER_MINUTE,
      },
    },
  });
});

afterAll(async () => {
  await t.app.stop();
});

/** Log lines at error level or above, or carrying a stack. */
function faultLines(from: number): string[] {
  return t
    .logLines()
    .slice(from)
    .filter((line) => {
      const entry = JSON.parse(line) as { level: number };
      return entry.level >= 50 || line.includes('"stack"');
    });
}

/** A raw request on a socket, the path sent as it is (like `curl --path-as-is`). */
function rawGet(base: string, path: string): Promise<{ status: number; type: string; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type']),
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('router and plugin errors are problem+json with their status, logged without a stack', () => {
  it('a 3,000-character path id → 414 URI_TOO_LONG', async () => {
    const from = t.logLines().length;
    const response = await t.app.http.inject({
      method: 'GET',
      url: `/v1/customers/${'a'.repeat(3000)}`,
      headers: t.auth('admin'),
    });
    expect(response.statusCode).toBe(414);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    const problem = response.json();
    expect(problem).toMatchObject({ status: 414, code: 'URI_TOO_LONG', title: 'Request path too long' });
    expect(problem.requestId).toMatch(/^req_/);
    expect(response.body.length).toBeLessThan(600); // the path is not echoed back
    expect(faultLines(from)).toEqual([]);
  });

  it('%ZZ in the path → 400 BAD_REQUEST', async () => {
    const response = await t.app.http.inject({
      method: 'GET',
      url: '/v1/customers/%ZZ',
      headers: t.auth('admin'),
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.json()).toMatchObject({
      status: 400,
      code: 'BAD_REQUEST',
      instance: '/v1/customers/%ZZ',
    });
  });

  it('/docs/static/../../package.json sent as it is → 403 FORBIDDEN, not 500', async () => {
    const base = await t.app.start();
    const from = t.logLines().length;
    const response = await rawGet(base, '/docs/static/../../package.json');
    expect(response.status).toBe(403);
    expect(response.type).toMatch(/application\/problem\+json/);
    expect(JSON.parse(response.body)).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(response.body).not.toContain('"name":"credence"');
    expect(faultLines(from)).toEqual([]);
  });
});

describe('security headers', () => {
  it('the docs page: a CSP that allows it, nosniff, no framing', async () => {
    const docs = await t.app.http.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    const csp = String(docs.headers['content-security-policy']);
    for (const [directive, values] of Object.entries(CONTENT_SECURITY_POLICY)) {
      expect(csp).toContain(`${directive} ${values.join(' ')}`);
    }
    // WebAssembly (the console's policy editor) may compile; JavaScript eval may not.
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(docs.headers['x-content-type-options']).toBe('nosniff');
    expect(docs.headers['x-frame-options']).toBe('DENY');
    // The page's own scripts and styles are files of this origin (no inline script to allow).
    expect(docs.body).not.toMatch(/<script>(?!\s*<\/script>)/);
  });

  it('the customer web app under /app/ gets the same policy (built or not)', async () => {
    const docs = await t.app.http.inject({ method: 'GET', url: '/docs/' });
    const webApp = await t.app.http.inject({ method: 'GET', url: '/app/' });
    expect(webApp.headers['content-security-policy']).toBe(docs.headers['content-security-policy']);
    expect(webApp.headers['x-content-type-options']).toBe('nosniff');
    expect(webApp.headers['x-frame-options']).toBe('DENY');
  });

  it('every /v1 answer is no-store (customer data); 401 says Bearer', async () => {
    const keys = await t.app.http.inject({ method: 'GET', url: '/v1/keys', headers: t.auth('admin') });
    expect(keys.statusCode).toBe(200);
    expect(keys.headers['cache-control']).toBe('no-store');
    expect(keys.headers['x-content-type-options']).toBe('nosniff');
    const missing = await t.app.http.inject({ method: 'GET', url: '/v1/customers/nothing-here' });
    expect(missing.statusCode).toBe(401);
    expect(missing.headers['cache-control']).toBe('no-store');
    expect(String(missing.headers['www-authenticate'])).toMatch(/^Bearer/);
  });
});

describe('request ids', () => {
  it('are always the server’s; a client’s id is kept as the correlation id in the log and echoed', async () => {
    const from = t.logLines().length;
    const sent = { ...t.auth('admin'), 'x-request-id': 'client-chosen-1' };
    const first = await t.app.http.inject({ method: 'GET', url: '/v1/keys', headers: sent });
    const second = await t.app.http.inject({ method: 'GET', url: '/v1/keys', headers: sent });
    const ids = [first.headers['x-request-id'], second.headers['x-request-id']];
    expect(ids[0]).toMatch(/^req_[0-9A-Z]{26}$/);
    expect(ids[1]).toMatch(/^req_[0-9A-Z]{26}$/);
    expect(ids[0]).not.toBe(ids[1]);
    expect(first.headers['x-correlation-id']).toBe('client-chosen-1');
    const entries = t
      .logLines()
      .slice(from)
      .map((line) => JSON.parse(line) as { reqId?: string; correlationId?: string });
    expect(new Set(entries.map((entry) => entry.reqId))).toEqual(new Set(ids));
    expect(entries.every((entry) => entry.correlationId === 'client-chosen-1')).toBe(true);
  });

  it('a correlation id that is too long or has unsafe characters is ignored', async () => {
    const from = t.logLines().length;
    for (const bad of ['x'.repeat(65), 'a b', 'a"b', '<script>']) {
      const response = await t.app.http.inject({
        method: 'GET',
        url: '/healthz',
        headers: { 'x-request-id': bad },
      });
      expect(response.headers['x-correlation-id']).toBeUndefined();
      expect(response.headers['x-request-id']).toMatch(/^req_/);
    }
    expect(t.logLines().slice(from).join('\n')).not.toContain('correlationId');
  });
});

describe('request limits', () => {
  it('one credential: after the limit a minute, 429 problem+json with Retry-After', async () => {
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof t.app.http.inject>> | undefined;
    for (let i = 0; i <= REQUESTS_PER_MINUTE; i += 1) {
      last = await t.app.http.inject({ method: 'GET', url: '/v1/appeals', headers: t.auth('reviewer') });
      statuses.push(last.statusCode);
    }
    expect(statuses.slice(0, REQUESTS_PER_MINUTE).every((status) => status !== 429)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect(last?.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(last?.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
    // Another credential is counted on its own.
    const other = await t.app.http.inject({ method: 'GET', url: '/v1/keys', headers: t.auth('admin') });
    expect(other.statusCode).toBe(200);
  });

  it('many new credentials from one address (a NAT) are not held back: only failures count', async () => {
    const remoteAddress = '198.51.100.20';
    const random = seededRandomBytes(404);
    const secrets: string[] = [];
    for (let i = 0; i < AUTH_FAILURES_PER_MINUTE + 5; i += 1) {
      const secret = generateApiKeySecret('app', random);
      await t.app.services.apiKeys.create({ name: `nat ${i}`, role: 'app', secret });
      secrets.push(secret);
    }
    for (const secret of secrets) {
      const answer = await t.app.http.inject({
        method: 'GET',
        url: '/v1/keys',
        headers: { authorization: `Bearer ${secret}` },
        remoteAddress,
      });
      expect(answer.statusCode).toBe(403); // authenticated, not an admin: never 429
    }
    const statuses: number[] = [];
    for (let i = 0; i <= AUTH_FAILURES_PER_MINUTE; i += 1) {
      const answer = await t.app.http.inject({
        method: 'GET',
        url: '/v1/keys',
        headers: { authorization: `Bearer crd_app_wrong${i}` },
        remoteAddress,
      });
      statuses.push(answer.statusCode);
    }
    expect(statuses.slice(0, AUTH_FAILURES_PER_MINUTE).every((status) => status === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('500 guessed keys at once: at most the bound are looked up, the rest get 429; a key that worked still works', async () => {
    // From an address of its own, so the attempts of the tests above do not count. The admin key has
    // worked here before (above); the app key has not been used yet.
    const remoteAddress = '203.0.113.7';
    const store = t.app.services.apiKeys;
    const find = store.findActiveByHash.bind(store);
    let lookups = 0;
    store.findActiveByHash = async (hash) => {
      lookups += 1;
      return find(hash);
    };
    try {
      const answers = await Promise.all(
        Array.from({ length: 500 }, (_, i) =>
          t.app.http.inject({
            method: 'GET',
            url: '/v1/keys',
            headers: { authorization: `Bearer crd_admin_guess${String(i).padStart(4, '0')}` },
            remoteAddress,
          }),
        ),
      );
      const count = (status: number) => answers.filter((answer) => answer.statusCode === status).length;
      expect(count(401)).toBe(AUTH_FAILURES_PER_MINUTE);
      expect(count(429)).toBe(500 - AUTH_FAILURES_PER_MINUTE);
      expect(lookups).toBe(AUTH_FAILURES_PER_MINUTE);
      const refused = answers.find((answer) => answer.statusCode === 429);
      expect(refused?.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(refused?.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
      expect(Number(refused?.headers['retry-after'])).toBeGreaterThan(0);

      const known = await t.app.http.inject({
        method: 'GET',
        url: '/v1/keys',
        headers: t.auth('admin'),
        remoteAddress,
      });
      expect(known.statusCode).toBe(200);
      // A key not yet seen to work waits like any other attempt from this address.
      const unseen = await t.app.http.inject({
        method: 'GET',
        url: '/v1/appeals',
        headers: t.auth('app'),
        remoteAddress,
      });
      expect(unseen.statusCode).toBe(429);
      expect(lookups).toBe(AUTH_FAILURES_PER_MINUTE + 1); // the known key's (cached) lookup only
      // Another address is not held back by this one: the key is looked up (and its role refused here).
      const elsewhere = await t.app.http.inject({ method: 'GET', url: '/v1/keys', headers: t.auth('app') });
      expect(elsewhere.statusCode).toBe(403);
      expect(elsewhere.json()).toMatchObject({ code: 'FORBIDDEN' });
    } finally {
      store.findActiveByHash = find;
    }
  });
});
