import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';

/**
 * Issue 12, item 8: `POST /v1/customers/{id}/cards` answers 409 problem+json when the card is bound to another
 * customer (test/customers/card-bound-to-another-customer.test.ts); the OpenAPI document must say so, or a
 * client generated from it (web/'s typed client) knows of no such answer.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.app.stop();
});

describe('POST /v1/customers/{id}/cards in /openapi.json', () => {
  it('declares its 409 with the problem schema', async () => {
    const response = await t.app.http.inject({ method: 'GET', url: '/openapi.json' });
    const document = response.json() as {
      paths: Record<
        string,
        Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>
      >;
    };
    const responses = document.paths['/v1/customers/{id}/cards']?.post?.responses ?? {};
    expect(Object.keys(responses)).toContain('409');
    // Declared as every other problem answer is (here: a facility override's 409).
    const problem = document.paths['/v1/customers/{customerId}/facilities/{product}']?.put?.responses['409'];
    expect(problem).toBeDefined();
    expect(responses['409']).toEqual(problem);
  });
});
