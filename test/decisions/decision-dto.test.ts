import { afterAll, describe, expect, it } from 'vitest';
import { closed, openApiAjv, openObjects, responseSchema, type OpenApiDocument } from '../support/openapi.ts';
import { storesUnderTest } from '../support/stores.ts';
import { decisionTestApp, type DecisionTestApp } from './support.ts';

/**
 * The decision's typed schemas (src/decisions/decision.dto.ts) describe what the API really answers: every
 * demo case, decided for both products, read with its evidence and listed, is checked against the schema
 * its route declares in the OpenAPI document, with every object closed — a field the view sends that the
 * schema does not declare fails here, as does a missing, mistyped or wrongly-null one (fastify writes
 * answers with JSON.stringify, so nothing else would notice a schema that drifted from the view).
 */
const apps: DecisionTestApp[] = [];
afterAll(async () => {
  for (const app of apps) await app.app.stop();
});

describe.each(storesUnderTest())('decision schemas on $name', (store) => {
  it('declare reasons, recourse and evidence field by field, and every demo answer fits them', async () => {
    // Given the demo cases seeded and the app's OpenAPI document
    const t = await decisionTestApp({ store });
    apps.push(t);
    await t.app.http.ready();
    const doc = t.app.http.swagger() as unknown as OpenApiDocument;
    const ajv = openApiAjv();
    const validator = (method: string, route: string, status: number) => {
      const schema = responseSchema(doc, method, route, status);
      expect(schema, `${method} ${route} ${status} has a schema`).toBeDefined();
      // No free-form object anywhere in a decision: reasons, recourse and evidence are all declared.
      expect(openObjects(schema), `${method} ${route} ${status}`).toEqual([]);
      return ajv.compile(closed(schema));
    };
    const decided = validator('POST', '/v1/decisions', 201);
    const shown = validator('GET', '/v1/decisions/:id', 200);
    const listed = validator('GET', '/v1/customers/:id/decisions', 200);
    const check = (validate: ReturnType<typeof validator>, body: unknown, what: string) => {
      const ok = validate(body);
      expect(ok ? [] : validate.errors, what).toEqual([]);
    };

    // When every demo case asks for each product, and the decision is read with its evidence and listed
    const seen = { plans: 0, noPlans: 0, reasons: 0, evidence: 0, faults: 0 };
    for (const [key, customerId] of t.personas) {
      for (const product of ['cash_loan', 'credit_line']) {
        const post = await t.app.http.inject({
          method: 'POST',
          url: '/v1/decisions',
          headers: t.auth('app'),
          payload: { customerId, product, requestedAmount: '8000.00' },
        });
        expect(post.statusCode, `${key} ${product} ${post.body}`).toBe(201);
        // Then each answer fits its schema exactly
        check(decided, post.json(), `POST ${key} ${product}`);
        const { decisionId } = post.json() as { decisionId: string };
        const get = await t.app.http.inject({
          method: 'GET',
          url: `/v1/decisions/${decisionId}?evidence=true`,
          headers: t.auth('reviewer'),
        });
        expect(get.statusCode).toBe(200);
        check(shown, get.json(), `GET ${key} ${product}`);
        const body = get.json() as {
          reasons: unknown[];
          recourse: { status: string } | null;
          evidence?: { trace: unknown[] | null };
          fault: unknown;
        };
        seen.reasons += body.reasons.length;
        if (body.recourse?.status === 'plan') seen.plans += 1;
        if (body.recourse?.status === 'none') seen.noPlans += 1;
        if (body.evidence?.trace?.length) seen.evidence += 1;
        if (body.fault) seen.faults += 1;
      }
      const list = await t.app.http.inject({
        method: 'GET',
        url: `/v1/customers/${customerId}/decisions`,
        headers: t.auth('reviewer'),
      });
      expect(list.statusCode).toBe(200);
      check(listed, list.json(), `list ${key}`);
    }
    // And the cases cover what the schemas type: plans, "no plan", reasons, traces and a fault
    expect(seen.plans).toBeGreaterThan(0);
    expect(seen.noPlans).toBeGreaterThan(0);
    expect(seen.reasons).toBeGreaterThan(0);
    expect(seen.evidence).toBeGreaterThan(0);
    expect(seen.faults).toBeGreaterThan(0);
    // Nine cases, two products, three reads each, then a list: minutes on a busy shared machine.
  }, 300_000);
});
