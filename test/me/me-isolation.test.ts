import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closed, openApiAjv, openObjects, type ResponseDoc } from '../support/openapi.ts';
import { storesUnderTest } from '../support/stores.ts';
import { meTestApp, SETUP_TIMEOUT_MS, type MeTestApp } from './support.ts';

/**
 * Customer A's session can never read or change customer B, on every /v1/me route (the table below must
 * list every /v1/me route the server has: it is checked against the OpenAPI document). A route that names
 * one of B's records in its path answers 404 — the same as for an id that does not exist, so A learns
 * nothing of B — and B's own view is unchanged after A has tried everything.
 */

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const UNKNOWN = {
  decision: 'dec_01JD3ZK6Q8W4M2X9T7B5N1R0AE',
  loan: 'ln_01JD3ZK6Q8W4M2X9T7B5N1R0AE',
  line: 'cl_01JD3ZK6Q8W4M2X9T7B5N1R0AE',
  appeal: 'apl_01JD3ZK6Q8W4M2X9T7B5N1R0AE',
  purchase: 'pur_01JD3ZK6Q8W4M2X9T7B5N1R0AE',
  copy: 'dxp_01JD3ZK6Q8W4M2X9T7B5N1R0AE',
  correction: 'dcr_01JD3ZK6Q8W4M2X9T7B5N1R0AE',
};

interface Ids {
  decision: string;
  /** The credit-line decision (B's cash-loan decision already has an appeal). */
  lineDecision?: string;
  loan: string;
  line: string;
  appeal: string;
  purchase: string;
  /** A copy of the customer's data (asked for in the setup, made by the time the tests run). */
  copy: string;
  /** A correction the customer filed (a profile field). */
  correction: string;
}

interface Route {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The route as the server registers it. */
  readonly route: string;
  /** The URL with the ids of the customer under test (or of the other one). */
  readonly url: (ids: Ids) => string;
  readonly payload?: unknown;
  readonly headers?: Record<string, string>;
  /** The route names a record of one customer in its path. */
  readonly ownsPath: boolean;
  /** The route answers a file (a copy's document or summary), not a JSON body declared by a schema. */
  readonly file?: boolean;
  /**
   * The route erases the caller at once when nothing holds their data: not called as A (who has no open
   * credit; the later checks need A), only as B, whose open loan keeps the data (the request is recorded as
   * blocked). Erasure itself is tested in test/privacy/erasure.test.ts.
   */
  readonly erasesCaller?: boolean;
}

let keyCounter = 0;
const idem = () => ({ 'idempotency-key': `isolation-${(keyCounter += 1)}` });

const ROUTES: readonly Route[] = [
  { method: 'GET', route: '/v1/me', url: () => '/v1/me', ownsPath: false },
  { method: 'GET', route: '/v1/me/session', url: () => '/v1/me/session', ownsPath: false },
  { method: 'GET', route: '/v1/me/verification', url: () => '/v1/me/verification', ownsPath: false },
  {
    method: 'POST',
    route: '/v1/me/cards',
    url: () => '/v1/me/cards',
    payload: { cardNumber: '6222600000765432' },
    ownsPath: false,
  },
  { method: 'GET', route: '/v1/me/decisions', url: () => '/v1/me/decisions', ownsPath: false },
  {
    method: 'POST',
    route: '/v1/me/decisions',
    url: () => '/v1/me/decisions',
    payload: { product: 'cash_loan' },
    ownsPath: false,
  },
  {
    method: 'GET',
    route: '/v1/me/decisions/:decisionId',
    url: (ids) => `/v1/me/decisions/${ids.decision}`,
    ownsPath: true,
  },
  {
    method: 'POST',
    route: '/v1/me/decisions/:decisionId/appeals',
    url: (ids) => `/v1/me/decisions/${ids.decision}/appeals`,
    payload: { category: 'data_error', statement: 'my income is wrong' },
    ownsPath: true,
  },
  {
    method: 'POST',
    route: '/v1/me/loans/quote',
    url: () => '/v1/me/loans/quote',
    payload: { amount: '1000.00', term: 3, method: 'equal-installment' },
    ownsPath: false,
  },
  {
    method: 'POST',
    route: '/v1/me/loans',
    url: () => '/v1/me/loans',
    payload: { amount: '1000.00', term: 3, method: 'equal-installment' },
    headers: { 'idempotency-key': 'isolation-drawdown' },
    ownsPath: false,
  },
  { method: 'GET', route: '/v1/me/loans', url: () => '/v1/me/loans', ownsPath: false },
  { method: 'GET', route: '/v1/me/loans/:loanId', url: (ids) => `/v1/me/loans/${ids.loan}`, ownsPath: true },
  {
    method: 'POST',
    route: '/v1/me/loans/:loanId/repayments',
    url: (ids) => `/v1/me/loans/${ids.loan}/repayments`,
    payload: { amount: '10.00' },
    ownsPath: true,
  },
  {
    method: 'GET',
    route: '/v1/me/loans/:loanId/auto-repay',
    url: (ids) => `/v1/me/loans/${ids.loan}/auto-repay`,
    ownsPath: true,
  },
  {
    // After POST /v1/me/cards: the customer has a bound card to collect from.
    method: 'PUT',
    route: '/v1/me/loans/:loanId/auto-repay',
    url: (ids) => `/v1/me/loans/${ids.loan}/auto-repay`,
    payload: { enabled: true },
    ownsPath: true,
  },
  { method: 'GET', route: '/v1/me/lines', url: () => '/v1/me/lines', ownsPath: false },
  { method: 'POST', route: '/v1/me/lines', url: () => '/v1/me/lines', payload: {}, ownsPath: false },
  { method: 'GET', route: '/v1/me/lines/:lineId', url: (ids) => `/v1/me/lines/${ids.line}`, ownsPath: true },
  {
    method: 'GET',
    route: '/v1/me/lines/:lineId/auto-repay',
    url: (ids) => `/v1/me/lines/${ids.line}/auto-repay`,
    ownsPath: true,
  },
  {
    method: 'PUT',
    route: '/v1/me/lines/:lineId/auto-repay',
    url: (ids) => `/v1/me/lines/${ids.line}/auto-repay`,
    payload: { enabled: true, amountRule: 'minimum' },
    ownsPath: true,
  },
  {
    method: 'GET',
    route: '/v1/me/lines/:lineId/statements',
    url: (ids) => `/v1/me/lines/${ids.line}/statements`,
    ownsPath: true,
  },
  {
    method: 'POST',
    route: '/v1/me/lines/:lineId/payments',
    url: (ids) => `/v1/me/lines/${ids.line}/payments`,
    payload: { kind: 'amount', amount: '10.00' },
    ownsPath: true,
  },
  {
    method: 'GET',
    route: '/v1/me/lines/:lineId/offers',
    url: (ids) => `/v1/me/lines/${ids.line}/offers?purchase=${ids.purchase}`,
    ownsPath: true,
  },
  {
    method: 'POST',
    route: '/v1/me/lines/:lineId/conversions',
    url: (ids) => `/v1/me/lines/${ids.line}/conversions`,
    payload: { source: { purchaseId: UNKNOWN.purchase }, term: 3 },
    ownsPath: true,
  },
  {
    method: 'POST',
    route: '/v1/me/lines/:lineId/purchases',
    url: (ids) => `/v1/me/lines/${ids.line}/purchases`,
    payload: { amount: '10.00', description: 'Coffee' },
    ownsPath: true,
  },
  {
    method: 'POST',
    route: '/v1/me/appeals/evidence',
    url: () => '/v1/me/appeals/evidence',
    payload: PDF,
    headers: { 'content-type': 'application/pdf' },
    ownsPath: false,
  },
  { method: 'GET', route: '/v1/me/appeals', url: () => '/v1/me/appeals', ownsPath: false },
  {
    method: 'GET',
    route: '/v1/me/appeals/:appealId',
    url: (ids) => `/v1/me/appeals/${ids.appeal}`,
    ownsPath: true,
  },
  { method: 'GET', route: '/v1/me/messages', url: () => '/v1/me/messages', ownsPath: false },
  {
    method: 'POST',
    route: '/v1/me/data/copies',
    url: () => '/v1/me/data/copies',
    payload: {},
    ownsPath: false,
  },
  { method: 'GET', route: '/v1/me/data/copies', url: () => '/v1/me/data/copies', ownsPath: false },
  {
    method: 'GET',
    route: '/v1/me/data/copies/:exportId',
    url: (ids) => `/v1/me/data/copies/${ids.copy}`,
    ownsPath: true,
  },
  {
    method: 'GET',
    route: '/v1/me/data/copies/:exportId/document',
    url: (ids) => `/v1/me/data/copies/${ids.copy}/document`,
    ownsPath: true,
    file: true,
  },
  {
    method: 'GET',
    route: '/v1/me/data/copies/:exportId/summary',
    url: (ids) => `/v1/me/data/copies/${ids.copy}/summary`,
    ownsPath: true,
    file: true,
  },
  { method: 'GET', route: '/v1/me/consents', url: () => '/v1/me/consents', ownsPath: false },
  {
    method: 'POST',
    route: '/v1/me/consents',
    url: () => '/v1/me/consents',
    payload: { purpose: 'credit_assessment', dataSource: 'social_insurance', granted: false },
    ownsPath: false,
  },
  {
    method: 'POST',
    route: '/v1/me/data/corrections',
    url: () => '/v1/me/data/corrections',
    payload: {
      subject: { kind: 'profile', field: 'incomeBand' },
      statement: 'My income band is higher.',
      proposed: { incomeBand: 'gt50k' },
    },
    ownsPath: false,
  },
  { method: 'GET', route: '/v1/me/data/corrections', url: () => '/v1/me/data/corrections', ownsPath: false },
  {
    method: 'GET',
    route: '/v1/me/data/corrections/:correctionId',
    url: (ids) => `/v1/me/data/corrections/${ids.correction}`,
    ownsPath: true,
  },
  { method: 'GET', route: '/v1/me/erasure', url: () => '/v1/me/erasure', ownsPath: false },
  {
    method: 'POST',
    route: '/v1/me/erasure',
    url: () => '/v1/me/erasure',
    payload: { confirm: true },
    ownsPath: false,
    erasesCaller: true,
  },
  // Last: signs A out.
  { method: 'DELETE', route: '/v1/me/session', url: () => '/v1/me/session', ownsPath: false },
];

describe.each(storesUnderTest())('/v1/me isolation on $name', (store) => {
  let t: MeTestApp;
  let a: string;
  let b: string;
  let tokenB: string;
  const bIds = {} as Ids;

  const call = (token: string, route: Route, ids: Ids) =>
    t.app.http.inject({
      method: route.method,
      url: route.url(ids),
      headers: {
        ...t.bearer(token),
        ...(route.method === 'POST' && !route.headers?.['content-type'] ? idem() : {}),
        ...route.headers,
      },
      ...(route.payload === undefined ? {} : { payload: route.payload as never }),
    });

  /** Everything B can see of themselves (instants of the read itself left out). */
  const bState = async () => {
    const out: Record<string, unknown> = {};
    for (const url of [
      '/v1/me',
      '/v1/me/decisions',
      '/v1/me/loans',
      '/v1/me/lines',
      '/v1/me/appeals',
      '/v1/me/messages',
      '/v1/me/consents',
      '/v1/me/erasure',
    ]) {
      const response = await t.app.http.inject({ method: 'GET', url, headers: t.bearer(tokenB) });
      expect(response.statusCode, url).toBe(200);
      const body = response.json() as Record<string, unknown>;
      delete body.asOf;
      out[url] = body;
    }
    return out;
  };

  beforeAll(async () => {
    t = await meTestApp({ store, demo: true });
    a = t.personas.get('new_user_first_limit') ?? '';
    b = t.personas.get('clean_approval') ?? '';
    tokenB = await t.session(b, 43_200);
    const post = async (url: string, payload: unknown, key?: string) => {
      const response = await t.app.http.inject({
        method: 'POST',
        url,
        headers: { ...t.bearer(tokenB), ...(key ? { 'idempotency-key': key } : {}) },
        payload: payload as never,
      });
      expect(response.statusCode, `${url} ${response.body}`).toBeLessThan(300);
      return response.json() as Record<string, unknown>;
    };
    // B: a cash-loan decision, a loan, a credit-line decision, a line with a purchase, and an appeal.
    const cash = await post('/v1/me/decisions', { product: 'cash_loan', requestedAmount: '500000.00' });
    bIds.decision = cash.decisionId as string;
    const loan = await post(
      '/v1/me/loans',
      { amount: '2000.00', term: 3, method: 'equal-installment' },
      'b-loan',
    );
    bIds.loan = (loan.loan as { id: string }).id;
    const lineDecision = await post('/v1/me/decisions', { product: 'credit_line' });
    bIds.lineDecision = lineDecision.decisionId as string;
    const line = await post('/v1/me/lines', {});
    bIds.line = line.id as string;
    const purchase = await post(
      `/v1/me/lines/${bIds.line}/purchases`,
      { amount: '300.00', description: 'Shoes' },
      'b-buy',
    );
    bIds.purchase = purchase.purchaseId as string;
    const appeal = await post(`/v1/me/decisions/${bIds.decision}/appeals`, {
      category: 'data_error',
      statement: 'My salary is higher than you think.',
    });
    bIds.appeal = appeal.appealId as string;
    const copy = await post('/v1/me/data/copies', {});
    bIds.copy = copy.exportId as string;
    const correction = await post('/v1/me/data/corrections', {
      subject: { kind: 'profile', field: 'education' },
      statement: 'I have a master’s degree.',
      proposed: { education: 'master_or_above' },
    });
    bIds.correction = correction.correctionId as string;
    await t.app.services.copies.idle();
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await t.app.stop();
  });

  it('lists every /v1/me route the server has', () => {
    const doc = t.app.http.swagger() as { paths: Record<string, Record<string, unknown>> };
    const served = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/v1/me'))
      .flatMap(([path, ops]) =>
        Object.keys(ops).map((op) => `${op.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      )
      .sort();
    const tabled = ROUTES.map((route) => `${route.method} ${route.route}`).sort();
    expect(tabled).toEqual(served);
  });

  it('answers A 404 for every route naming one of B’s records — the same as for an unknown id', async () => {
    const tokenA = await t.session(a, 43_200);
    const before = await bState();
    for (const route of ROUTES.filter((r) => r.ownsPath)) {
      const theirs = await call(tokenA, route, bIds);
      const unknown = await call(tokenA, route, UNKNOWN);
      expect(theirs.statusCode, `${route.method} ${route.route}`).toBe(404);
      expect(unknown.statusCode, `${route.method} ${route.route} unknown`).toBe(404);
      expect(theirs.json().code).toBe('NOT_FOUND');
      expect(theirs.json().title).toBe(unknown.json().title);
      expect(theirs.body).not.toContain(b);
    }
    expect(await bState()).toEqual(before);
  });

  it('never shows A anything of B, whatever A does on the other routes, and B is unchanged', async () => {
    const tokenA = await t.session(a, 43_200);
    const before = await bState();
    const bValues = [b, ...Object.values(bIds)];
    for (const route of ROUTES.filter((r) => !r.ownsPath && !r.erasesCaller)) {
      const response = await call(tokenA, route, bIds);
      expect(response.statusCode, `${route.method} ${route.route}: ${response.body}`).toBeLessThan(500);
      for (const value of bValues)
        expect(response.body, `${route.method} ${route.route}`).not.toContain(value);
    }
    expect(await bState()).toEqual(before);
  });

  it('takes no customer id from the request: a customerId field is refused (422 unknown-field)', async () => {
    const tokenA = await t.session(a, 43_200);
    for (const route of ROUTES.filter(
      (r) => (r.method === 'POST' || r.method === 'PUT') && r.payload && !Buffer.isBuffer(r.payload),
    )) {
      const response = await call(
        tokenA,
        { ...route, payload: { ...(route.payload as object), customerId: b } },
        UNKNOWN,
      );
      expect(response.statusCode, `${route.method} ${route.route}`).toBe(422);
      expect(response.json().errors).toContainEqual(
        expect.objectContaining({ field: 'customerId', rule: 'unknown-field' }),
      );
    }
  });

  it('answers every route of the customer app with exactly the body its OpenAPI schema declares', async () => {
    // fastify writes answers with JSON.stringify, so a schema neither drops nor checks a field: this does.
    // The schemas are closed (additionalProperties: false), so a field a handler sends that the document
    // does not declare fails here, as does a missing, mistyped, wrongly-null or off-format one.
    const doc = t.app.http.swagger() as unknown as {
      paths: Record<string, Record<string, { responses: Record<string, ResponseDoc> }>>;
    };
    const ajv = openApiAjv();
    const checked: string[] = [];
    const check = (method: string, route: string, status: number, body: string) => {
      const path = route.replace(/:(\w+)/g, '{$1}');
      const declared = doc.paths[path]?.[method.toLowerCase()]?.responses[String(status)];
      expect(declared, `${method} ${route} declares ${status}`).toBeDefined();
      const schema = declared?.content?.['application/json']?.schema;
      if (status === 204) {
        expect(body, `${method} ${route}`).toBe('');
        return;
      }
      expect(schema, `${method} ${route} ${status} has a schema`).toBeDefined();
      // A success body is declared field by field: no open object anywhere in it (a problem document is
      // open by design: it carries the details of its error).
      if (status < 400) expect(openObjects(schema), `${method} ${route} ${status}`).toEqual([]);
      const validate = ajv.compile(status < 400 ? closed(schema) : (schema as object));
      const json: unknown = JSON.parse(body);
      const ok = validate(json);
      expect(ok ? [] : validate.errors, `${method} ${route} ${status}: ${body.slice(0, 300)}`).toEqual([]);
      checked.push(`${method} ${route} ${status}${status >= 400 ? ` ${body.slice(0, 200)}` : ''}`);
    };
    const tokenB2 = await t.session(b, 43_200);
    const ids = { ...bIds, decision: bIds.lineDecision ?? bIds.decision };
    for (const listed of ROUTES) {
      let route = listed;
      if (route.route === '/v1/me/cards') route = { ...route, payload: { cardNumber: '6217000000123451' } };
      if (route.route === '/v1/me/lines/:lineId/offers') {
        // A purchase not yet billed or paid, for its offers and its conversion.
        const purchase = await t.app.http.inject({
          method: 'POST',
          url: `/v1/me/lines/${ids.line}/purchases`,
          headers: { ...t.bearer(tokenB2), ...idem() },
          payload: { amount: '1200.00', description: 'Phone' },
        });
        expect(purchase.statusCode, purchase.body).toBe(201);
        ids.purchase = (purchase.json() as { purchaseId: string }).purchaseId;
      }
      if (route.route === '/v1/me/lines/:lineId/conversions')
        route = { ...route, payload: { source: { purchaseId: ids.purchase }, term: 3 } };
      const response = await call(tokenB2, route, ids);
      if (route.file) {
        // A file: its own media type, no JSON schema; the copy was made in the setup.
        expect(response.statusCode, `${route.route} ${response.body.slice(0, 200)}`).toBe(200);
        checked.push(`${route.method} ${route.route} 200`);
        continue;
      }
      check(route.method, route.route, response.statusCode, response.body);
    }
    // Each route answered at least once with its success body (the 4xx above are checked as problems).
    const successes = new Set(checked.filter((c) => / 2\d\d$/.test(c)).map((c) => c.replace(/ \d+$/, '')));
    const missing = ROUTES.map((r) => `${r.method} ${r.route}`).filter(
      (r) => !successes.has(r) && r !== 'DELETE /v1/me/session',
    );
    expect(missing, checked.join('\n')).toEqual([]);

    // The demo sign-in and the sessions of the lender's app.
    const inject = async (
      method: 'GET' | 'POST',
      url: string,
      route: string,
      headers = {},
      payload?: object,
    ) => {
      const response = await t.app.http.inject({
        method,
        url,
        headers,
        ...(payload ? { payload } : {}),
      });
      expect(response.statusCode, `${method} ${url} ${response.body}`).toBeLessThan(300);
      check(method, route, response.statusCode, response.body);
      return response;
    };
    await inject('GET', '/v1/demo/customers', '/v1/demo/customers');
    await inject('POST', '/v1/demo/sessions', '/v1/demo/sessions', {}, { customerId: a });
    await inject(
      'POST',
      `/v1/customers/${a}/sessions`,
      '/v1/customers/:customerId/sessions',
      t.auth('app'),
      {},
    );
    await inject(
      'POST',
      `/v1/customers/${a}/sessions/revoke`,
      '/v1/customers/:customerId/sessions/revoke',
      t.auth('app'),
      {},
    );
    // A problem answer (expired, revoked or forged session) is the shared problem document.
    const refused = await t.app.http.inject({ method: 'GET', url: '/v1/me', headers: t.bearer('cs_forged') });
    expect(refused.statusCode).toBe(401);
    check('GET', '/v1/me', 401, refused.body);
  });
});
