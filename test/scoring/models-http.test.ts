import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealScorecard, serializeScorecard, type Scorecard } from '../../src/scoring/scorecard.ts';
import { smallCard } from '../../src/scoring/scoring.test-support.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t.app.stop();
});

function asVersion(name: string): Scorecard {
  const { contentHash: _hash, ...rest } = smallCard();
  return sealScorecard({ ...rest, version: name });
}

const post = (url: string, role: 'analyst' | 'app' | 'reviewer', payload?: unknown) =>
  t.app.http.inject({
    method: 'POST',
    url,
    headers: { ...t.auth(role), ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
  });

describe('/v1/models', () => {
  it('lets an analyst upload an artefact and anyone with a key read it', async () => {
    const upload = await post('/v1/models', 'analyst', asVersion('http-1'));
    expect(upload.statusCode).toBe(201);
    expect(upload.json().model).toMatchObject({
      version: 'http-1',
      status: 'candidate',
      createdBy: 'test analyst',
    });
    const list = await t.app.http.inject({ method: 'GET', url: '/v1/models', headers: t.auth('app') });
    expect(list.statusCode).toBe(200);
    expect(list.json().models.map((m: { version: string }) => m.version)).toContain('http-1');
    const one = await t.app.http.inject({
      method: 'GET',
      url: '/v1/models/http-1',
      headers: t.auth('reviewer'),
    });
    expect(one.statusCode).toBe(200);
    expect(one.json().artefact).toEqual(JSON.parse(serializeScorecard(asVersion('http-1'))));
  });

  it('refuses uploads from other roles (403), twice (409), tampered (422 naming contentHash), malformed (422 naming the field)', async () => {
    expect((await post('/v1/models', 'app', asVersion('http-2'))).statusCode).toBe(403);
    expect((await post('/v1/models', 'analyst', asVersion('http-2'))).statusCode).toBe(201);
    const again = await post('/v1/models', 'analyst', asVersion('http-2'));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'CONFLICT' });
    const tampered = JSON.parse(serializeScorecard(asVersion('http-3'))) as Scorecard;
    tampered.basePoints += 1;
    const refused = await post('/v1/models', 'analyst', tampered);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toContainEqual(
      expect.objectContaining({ field: 'contentHash', rule: 'content-hash' }),
    );
    const malformed = await post('/v1/models', 'analyst', { ...asVersion('http-4'), basePoints: '431' });
    expect(malformed.statusCode).toBe(422);
    expect(JSON.stringify(malformed.json().errors)).toContain('basePoints');
  });

  it('activates a model on a second analyst’s approval (analyst only) and 404s an unknown one', async () => {
    await post('/v1/models', 'analyst', asVersion('http-5'));
    expect((await post('/v1/models/http-5/activate', 'reviewer')).statusCode).toBe(403);
    const requested = await post('/v1/models/http-5/activate', 'analyst');
    expect(requested.statusCode).toBe(202);
    expect(requested.json().change).toMatchObject({
      kind: 'model',
      status: 'pending',
      requestedBy: 'test analyst',
      payloadRef: '/v1/models/http-5',
    });
    // Four-eyes: not active until a second person approves.
    expect((await t.app.services.models.get('http-5')).status).toBe('candidate');
    const approved = await t.app.http.inject({
      method: 'POST',
      url: `/v1/approvals/${requested.json().changeId}/approve`,
      headers: t.auth('admin'),
      payload: { note: 'holdout AUC checked' },
    });
    expect(approved.statusCode).toBe(200);
    const model = await t.app.http.inject({
      method: 'GET',
      url: '/v1/models/http-5',
      headers: t.auth('app'),
    });
    expect(model.json().model).toMatchObject({ version: 'http-5', status: 'active' });
    expect((await t.app.services.models.scorer()).card.version).toBe('http-5');
    const missing = await post('/v1/models/nope/activate', 'analyst');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('is documented in a valid OpenAPI document', async () => {
    const response = await t.app.http.inject({ method: 'GET', url: '/openapi.json' });
    const document = response.json();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/v1/models', '/v1/models/{version}', '/v1/models/{version}/activate']),
    );
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
  });
});
