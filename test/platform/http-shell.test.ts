import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t.app.stop();
});

describe('HTTP shell', () => {
  it('answers /healthz and /readyz without a key', async () => {
    const health = await t.app.http.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok', version: t.app.version });
    const ready = await t.app.http.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().checks.database.ok).toBe(true);
    expect(ready.json().checks.migrations.ok).toBe(true);
  });

  it('serves a valid OpenAPI 3.1 document and a docs page', async () => {
    const response = await t.app.http.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    // A role's route takes an API key or a staff console session (the cookie); the staff routes only the cookie.
    expect(document.paths['/v1/keys'].get.security).toEqual([{ apiKey: [] }, { staffSession: [] }]);
    expect(document.paths['/v1/staff/session'].get.security).toEqual([{ staffSession: [] }]);
    expect(document.components.securitySchemes.staffSession).toMatchObject({
      type: 'apiKey',
      in: 'cookie',
      name: 'credence_staff',
    });
    const docs = await t.app.http.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
  });

  it('401 without a key, 401 with an unknown key, 403 for a role without the right, 200 for admin', async () => {
    const none = await t.app.http.inject({ method: 'GET', url: '/v1/keys' });
    expect(none.statusCode).toBe(401);
    expect(none.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(none.json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', instance: '/v1/keys' });
    const wrong = await t.app.http.inject({
      method: 'GET',
      url: '/v1/keys',
      headers: { authorization: 'Bearer crd_admin_nope' },
    });
    expect(wrong.statusCode).toBe(401);
    const reviewer = await t.app.http.inject({ method: 'GET', url: '/v1/keys', headers: t.auth('reviewer') });
    expect(reviewer.statusCode).toBe(403);
    expect(reviewer.json()).toMatchObject({ code: 'FORBIDDEN', requiredRoles: ['admin'] });
    const admin = await t.app.http.inject({ method: 'GET', url: '/v1/keys', headers: t.auth('admin') });
    expect(admin.statusCode).toBe(200);
    const body = admin.json() as { keys: Array<{ role: string; prefix: string }> };
    expect(body.keys.map((k) => k.role).sort()).toEqual(['admin', 'analyst', 'app', 'collector', 'reviewer']);
    expect(JSON.stringify(body)).not.toContain(t.keys.admin);
  });

  it('400 for malformed JSON, 422 naming the field and rule for wrong types and unknown fields', async () => {
    const headers = { ...t.auth('admin'), 'content-type': 'application/json' };
    const malformed = await t.app.http.inject({
      method: 'POST',
      url: '/v1/keys',
      headers,
      payload: '{"name": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'BAD_REQUEST', status: 400 });

    const wrongType = await t.app.http.inject({
      method: 'POST',
      url: '/v1/keys',
      headers,
      payload: { name: 5, role: 'app' },
    });
    expect(wrongType.statusCode).toBe(422);
    expect(wrongType.json().errors).toContainEqual({
      field: 'name',
      rule: 'type',
      message: 'must be string',
    });

    const unknown = await t.app.http.inject({
      method: 'POST',
      url: '/v1/keys',
      headers,
      payload: { name: 'x', role: 'app', colour: 'red' },
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors).toContainEqual({
      field: 'colour',
      rule: 'unknown-field',
      message: 'is not a known field',
    });

    const missing = await t.app.http.inject({
      method: 'POST',
      url: '/v1/keys',
      headers,
      payload: { name: 'x' },
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors).toContainEqual({ field: 'role', rule: 'required', message: 'is required' });

    const badRole = await t.app.http.inject({
      method: 'POST',
      url: '/v1/keys',
      headers,
      payload: { name: 'x', role: 'root' },
    });
    expect(badRole.statusCode).toBe(422);
    expect(badRole.json().errors[0]).toMatchObject({ field: 'role', rule: 'enum' });

    // A shared format is refused in words, not with the regular expression it failed.
    const badFormats = await t.app.http.inject({
      method: 'POST',
      url: '/v1/decisions',
      headers,
      payload: { customerId: 'cus_123', product: 'cash_loan', requestedAmount: '5000.001' },
    });
    expect(badFormats.statusCode).toBe(422);
    const errors = badFormats.json().errors as Array<{ field: string; rule: string; message: string }>;
    expect(errors).toContainEqual({
      field: 'customerId',
      rule: 'id',
      message: 'must be a customer id: "cus_" and 26 characters',
    });
    expect(errors).toContainEqual({
      field: 'requestedAmount',
      rule: 'money',
      message: 'must be an amount in yuan as a string, with at most two decimals, e.g. "1234.56"',
    });
    expect(JSON.stringify(errors)).not.toContain('must match pattern');
  });

  it('413 for an oversized body and 415 for a non-JSON body', async () => {
    const big = await t.app.http.inject({
      method: 'POST',
      url: '/v1/keys',
      headers: { ...t.auth('admin'), 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(2_000_000), role: 'app' }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    const text = await t.app.http.inject({
      method: 'POST',
      url: '/v1/keys',
      headers: { ...t.auth('admin'), 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(text.statusCode).toBe(415);
  });

  it('404 problem for an unknown route; the request id is ours, the client id is its correlation id', async () => {
    const response = await t.app.http.inject({
      method: 'GET',
      url: '/v1/nothing',
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(response.statusCode).toBe(404);
    const requestId = response.headers['x-request-id'];
    expect(requestId).toMatch(/^req_[0-9A-Z]{26}$/);
    expect(response.headers['x-correlation-id']).toBe('abc-123');
    expect(response.json()).toMatchObject({ code: 'NOT_FOUND', requestId });
  });

  it('creates and revokes keys over the API; a revoked key stops working', async () => {
    const created = await t.app.http.inject({
      method: 'POST',
      url: '/v1/keys',
      headers: t.auth('admin'),
      payload: { name: 'temp', role: 'analyst' },
    });
    expect(created.statusCode).toBe(201);
    const { key, secret } = created.json() as { key: { id: string }; secret: string };
    const revoked = await t.app.http.inject({
      method: 'DELETE',
      url: `/v1/keys/${key.id}`,
      headers: t.auth('admin'),
    });
    expect(revoked.statusCode).toBe(200);
    const after = await t.app.http.inject({
      method: 'GET',
      url: '/readyz',
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(after.statusCode).toBe(200); // public route still fine
    const refused = await t.app.http.inject({
      method: 'GET',
      url: '/v1/keys',
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(refused.statusCode).toBe(401);
  });

  it('logs requests as JSON lines without raw identifiers', async () => {
    await t.app.http.inject({
      method: 'GET',
      url: '/v1/nothing?idNumber=11010519491231002X&phone=13812345678',
    });
    const logs = t.logLines().join('\n');
    expect(logs).not.toContain('11010519491231002X');
    expect(logs).not.toContain('13812345678');
    expect(logs).toContain('110105********002X');
  });
});
