import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Money } from '../../src/platform/money/money.ts';
import { parseRate } from '../../src/platform/money/rate.ts';
import { appealTestApp, createScriptedCustomer, FILES, type AppealTestApp } from '../appeals/support.ts';

/**
 * Issue 12 item 3: a NUL character (U+0000) in any text the API stores made PostgreSQL refuse the insert and
 * the API answer 500. Each example of the issue, over HTTP, on a state where the request would otherwise
 * be carried out: now 422 naming the field as the request has it and the rule, and nothing written.
 */
let t: AppealTestApp;
const NUL = 'a\u0000b';
const RULE = { rule: 'no-nul', message: 'must not contain NUL (U+0000) characters' };

async function send(
  method: 'GET' | 'POST',
  url: string,
  headers: Record<string, string>,
  payload?: Record<string, unknown>,
) {
  const response = await t.app.http.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  return {
    status: response.statusCode,
    type: response.headers['content-type'],
    body: response.json() as { code?: string; errors?: unknown[] } & Record<string, unknown>,
  };
}

async function rowCount(table: string): Promise<number> {
  const result = await t.app.db.query<{ n: bigint }>(`select count(*) as n from ${table}`);
  return Number(result.rows[0]?.n ?? 0n);
}

function expectNulRefused(answer: Awaited<ReturnType<typeof send>>, field: string): void {
  expect(answer.status).toBe(422);
  expect(answer.type).toMatch(/application\/problem\+json/);
  expect(answer.body.code).toBe('VALIDATION_FAILED');
  expect(answer.body.errors).toEqual([{ field, ...RULE }]);
}

let customerId: string;
let lineId: string;
let loanCustomerId: string;
let appealId: string;

beforeAll(async () => {
  t = await appealTestApp();
  const { services, ids } = t.app;
  // A customer with an open credit line (purchases) and one with a cash-loan facility (freeze).
  customerId = ids.next('customer');
  await services.facilities.openOrAdjustFacility({
    customerId,
    product: 'credit-line',
    limit: 1_000_000n as Money,
    apr: parseRate('0.18'),
    decisionId: ids.next('decision'),
  });
  lineId = (await services.creditLines.openLine({ customerId })).line.terms.lineId;
  loanCustomerId = ids.next('customer');
  await services.facilities.openOrAdjustFacility({
    customerId: loanCustomerId,
    product: 'cash-loan',
    limit: 1_000_000n as Money,
    apr: parseRate('0.18'),
    decisionId: ids.next('decision'),
  });
  // An appeal of a declined decision, claimed by Ana (comments).
  const appellant = await createScriptedCustomer(t, 'declined_twice');
  const decided = await send('POST', '/v1/decisions', t.auth('app'), {
    customerId: appellant,
    product: 'cash_loan',
  });
  expect(decided.body.outcome).toBe('declined');
  const filed = await send(
    'POST',
    `/v1/decisions/${String(decided.body.decisionId)}/appeals`,
    t.auth('app'),
    {
      customerId: appellant,
      category: 'repaid_debt',
      statement: 'I repaid that loan last month.',
    },
  );
  expect(filed.status).toBe(201);
  appealId = String(filed.body.appealId);
  expect((await send('POST', `/v1/appeals/${appealId}/claim`, t.reviewers.ana.auth)).status).toBe(200);
});

afterAll(async () => {
  await t.app.stop();
});

describe('NUL in text is refused at the edge (422, field and rule), for every example of the issue', () => {
  it('a purchase description', async () => {
    const before = await rowCount('ledger_journals');
    const answer = await send(
      'POST',
      `/v1/lines/${lineId}/purchases`,
      { ...t.auth('app'), 'idempotency-key': 'nul-purchase-1' },
      { amount: '12.00', description: NUL },
    );
    expectNulRefused(answer, 'description');
    expect(await rowCount('ledger_journals')).toBe(before);
    // The same purchase without the NUL goes through: the line was ready for it.
    const clean = await send(
      'POST',
      `/v1/lines/${lineId}/purchases`,
      { ...t.auth('app'), 'idempotency-key': 'nul-purchase-2' },
      { amount: '12.00', description: 'ab' },
    );
    expect(clean.status).toBe(201);
  });

  it('an appeal comment', async () => {
    const before = await rowCount('appeal_events');
    expectNulRefused(
      await send('POST', `/v1/appeals/${appealId}/comments`, t.reviewers.ana.auth, { note: NUL }),
      'note',
    );
    expect(await rowCount('appeal_events')).toBe(before);
    expect(
      (await send('POST', `/v1/appeals/${appealId}/comments`, t.reviewers.ana.auth, { note: 'ab' })).status,
    ).toBe(200);
  });

  it('a freeze reason', async () => {
    const url = `/v1/customers/${loanCustomerId}/facilities/cash_loan/freeze`;
    expectNulRefused(await send('POST', url, t.auth('reviewer'), { reason: NUL }), 'reason');
    const statuses = await t.app.db.query<{ status: string }>(
      'select status from credit_facilities where customer_id = $1',
      [loanCustomerId],
    );
    expect(statuses.rows.map((row) => row.status)).toEqual(['active']);
    const clean = await send('POST', url, t.auth('reviewer'), { reason: 'ab' });
    expect(clean.status).toBe(200);
  });

  it('a key name', async () => {
    const before = await rowCount('api_keys');
    expectNulRefused(await send('POST', '/v1/keys', t.auth('admin'), { name: NUL, role: 'app' }), 'name');
    expect(await rowCount('api_keys')).toBe(before);
  });

  it('a blocklist reason', async () => {
    const before = await rowCount('customer_blocklist');
    expectNulRefused(
      await send('POST', '/v1/blocklist', t.auth('admin'), {
        kind: 'phone',
        value: '13800000000',
        reason: NUL,
      }),
      'reason',
    );
    expect(await rowCount('customer_blocklist')).toBe(before);
  });

  it('?model=%00 in a query string', async () => {
    expectNulRefused(await send('GET', '/v1/monitoring/drift?model=%00', t.auth('analyst')), 'query.model');
  });

  it('names every field that has one, nested and in path parameters too', async () => {
    const answer = await send('POST', `/v1/appeals/${appealId}%00/comments`, t.reviewers.ana.auth, {
      note: NUL,
    });
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([
      { field: 'params.id', ...RULE },
      { field: 'note', ...RULE },
    ]);
    const nested = await send('POST', '/v1/keys', t.auth('admin'), {
      name: 'ok',
      role: 'app',
      extra: { list: ['x', NUL] },
    });
    expect(nested.status).toBe(422);
    expect(nested.body.errors).toEqual([{ field: 'extra.list.1', ...RULE }]);
  });
});

describe('evidence served back', () => {
  it('is an attachment, with nosniff, never cached', async () => {
    const appellant = await createScriptedCustomer(t, 'disputed_overdue');
    const upload = await t.app.http.inject({
      method: 'POST',
      url: `/v1/appeals/evidence?customerId=${appellant}`,
      headers: { ...t.auth('app'), 'content-type': 'application/pdf' },
      payload: Buffer.from(FILES.pdf),
    });
    expect(upload.statusCode).toBe(201);
    const evidenceId = String(
      (upload.json() as { evidenceId?: string; id?: string }).evidenceId ?? upload.json().id,
    );
    const decided = await send('POST', '/v1/decisions', t.auth('app'), {
      customerId: appellant,
      product: 'cash_loan',
    });
    const filed = await send(
      'POST',
      `/v1/decisions/${String(decided.body.decisionId)}/appeals`,
      t.auth('app'),
      {
        customerId: appellant,
        category: 'repaid_debt',
        statement: 'Here is the receipt.',
        evidence: [evidenceId],
      },
    );
    expect(filed.status).toBe(201);
    const served = await t.app.http.inject({
      method: 'GET',
      url: `/v1/appeals/${String(filed.body.appealId)}/evidence/${evidenceId}`,
      headers: t.reviewers.ana.auth,
    });
    expect(served.statusCode).toBe(200);
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-disposition']).toMatch(/^attachment;/);
    expect(served.headers['cache-control']).toBe('no-store');
    expect(served.rawPayload.equals(Buffer.from(FILES.pdf))).toBe(true);
  });
});
