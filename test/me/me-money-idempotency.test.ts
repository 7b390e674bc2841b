import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storesUnderTest } from '../support/stores.ts';
import { meTestApp, SETUP_TIMEOUT_MS, type MeTestApp } from './support.ts';

/**
 * Money actions from the customer's app on every store: each needs an Idempotency-Key; the same key twice
 * (a double tap, a retry after a lost connection) has one effect and answers the first result again; the
 * same key with a different body is 409; bad input is 422 naming the field and changes nothing.
 */
describe.each(storesUnderTest())('/v1/me money actions on $name', (store) => {
  let t: MeTestApp;
  let token: string;
  let lineId: string;

  const post = (url: string, payload: unknown, key?: string) =>
    t.app.http.inject({
      method: 'POST',
      url,
      headers: { ...t.bearer(token), ...(key === undefined ? {} : { 'idempotency-key': key }) },
      payload: payload as never,
    });
  const get = (url: string) => t.app.http.inject({ method: 'GET', url, headers: t.bearer(token) });

  beforeAll(async () => {
    t = await meTestApp({ store, demo: true });
    token = await t.session(t.personas.get('clean_approval') ?? '', 43_200);
    for (const product of ['cash_loan', 'credit_line'])
      expect((await post('/v1/me/decisions', { product })).json().outcome).toBe('approved');
    const line = await post('/v1/me/lines', {});
    expect(line.statusCode).toBe(201);
    lineId = line.json().id;
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await t.app.stop();
  });

  it('draws a loan once for one key; the same key with another body is 409', async () => {
    const body = { amount: '3000.00', term: 6, method: 'equal-installment' };
    const first = await post('/v1/me/loans', body, 'draw-1');
    expect(first.statusCode).toBe(201);
    const again = await post('/v1/me/loans', body, 'draw-1');
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().loan.id).toBe(first.json().loan.id);
    expect(again.json().availableAfter).toBe(first.json().availableAfter);
    const loans = (await get('/v1/me/loans')).json().loans as unknown[];
    expect(loans).toHaveLength(1);
    const other = await post('/v1/me/loans', { ...body, amount: '3500.00' }, 'draw-1');
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe('IDEMPOTENCY_MISMATCH');
    expect((await get('/v1/me/loans')).json().loans).toHaveLength(1);
  });

  it('repays once for one key', async () => {
    const loanId = ((await get('/v1/me/loans')).json().loans[0] as { id: string }).id;
    const first = await post(`/v1/me/loans/${loanId}/repayments`, { amount: '100.00' }, 'repay-1');
    expect(first.statusCode).toBe(201);
    const again = await post(`/v1/me/loans/${loanId}/repayments`, { amount: '100.00' }, 'repay-1');
    expect(again.statusCode).toBe(201);
    expect(again.json().seq).toBe(first.json().seq);
    const loan = (await get(`/v1/me/loans/${loanId}`)).json();
    expect(loan.repayments).toHaveLength(1);
    expect(loan.repayments[0].amount).toBe('100.00');
    expect((await post(`/v1/me/loans/${loanId}/repayments`, { amount: '90.00' }, 'repay-1')).statusCode).toBe(
      409,
    );
  });

  it('pays a line "in full" once for one key, though the full balance is 0 after the first payment', async () => {
    const purchase = await post(
      `/v1/me/lines/${lineId}/purchases`,
      { amount: '300.00', description: 'Shoes' },
      'buy-1',
    );
    expect(purchase.statusCode).toBe(201);
    const owed = (await get(`/v1/me/lines/${lineId}`)).json().balances.payoff as string;
    expect(owed).toBe('300.00');
    const first = await post(`/v1/me/lines/${lineId}/payments`, { kind: 'full' }, 'pay-full-1');
    expect(first.statusCode).toBe(201);
    expect(first.json().amount).toBe('300.00');
    const again = await post(`/v1/me/lines/${lineId}/payments`, { kind: 'full' }, 'pay-full-1');
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().seq).toBe(first.json().seq);
    const line = (await get(`/v1/me/lines/${lineId}`)).json();
    expect(line.balances.payoff).toBe('0.00');
    expect(line.balances.heldForCustomer).toBe('0.00');
    // A new key now: nothing is owed.
    const nothing = await post(`/v1/me/lines/${lineId}/payments`, { kind: 'full' }, 'pay-full-2');
    expect(nothing.statusCode).toBe(422);
    expect(nothing.json().reason).toBe('nothing-owed');
    const mismatch = await post(
      `/v1/me/lines/${lineId}/payments`,
      { kind: 'amount', amount: '5.00' },
      'pay-full-1',
    );
    expect(mismatch.statusCode).toBe(409);
    expect(mismatch.json().code).toBe('IDEMPOTENCY_MISMATCH');
  });

  it('refuses a money action without an Idempotency-Key (422 naming the header) and writes nothing', async () => {
    for (const [url, body] of [
      ['/v1/me/loans', { amount: '100.00', term: 3, method: 'equal-installment' }],
      [`/v1/me/lines/${lineId}/payments`, { kind: 'amount', amount: '1.00' }],
      [`/v1/me/lines/${lineId}/purchases`, { amount: '1.00', description: 'x' }],
    ] as const) {
      const response = await post(url, body);
      expect(response.statusCode, url).toBe(422);
      expect(response.json().errors[0].field).toBe('headers.idempotency-key');
    }
    expect((await get('/v1/me/loans')).json().loans).toHaveLength(1);
  });

  it('answers bad input with 422 naming the field', async () => {
    const cases: Array<[string, unknown, string]> = [
      ['/v1/me/loans/quote', { amount: '12.345', term: 3, method: 'equal-installment' }, 'amount'],
      ['/v1/me/loans/quote', { amount: '1000.00', term: '3', method: 'equal-installment' }, 'term'],
      ['/v1/me/loans/quote', { amount: '1000.00', term: 5, method: 'equal-installment' }, 'term'],
      ['/v1/me/loans/quote', { amount: '1000.00', term: 3, method: 'balloon' }, 'method'],
      ['/v1/me/decisions', { product: 'mortgage' }, 'product'],
      ['/v1/me/decisions', { product: 'cash_loan', requestedAmount: 5000 }, 'requestedAmount'],
      [`/v1/me/lines/${lineId}/payments`, { kind: 'amount' }, 'amount'],
      [`/v1/me/lines/${lineId}/payments`, { kind: 'full', amount: '5.00' }, 'amount'],
      [`/v1/me/lines/${lineId}/payments`, { kind: 'amount', amount: '0.00' }, 'amount'],
      ['/v1/me/cards', { cardNumber: '1234' }, 'cardNumber'],
      ['/v1/me/cards', { cardNumber: '6222600000765431' }, 'cardNumber'],
    ];
    for (const [url, body, field] of cases) {
      const response = await post(url, body, `bad-${field}-${Math.abs(JSON.stringify(body).length)}`);
      expect(response.statusCode, `${url} ${JSON.stringify(body)}: ${response.body}`).toBe(422);
      expect(response.json().errors?.[0]?.field, `${url} ${JSON.stringify(body)}`).toBe(field);
    }
  });

  it('quotes a loan without storing it: schedule rows sum to the principal, APR by IRR', async () => {
    const quote = await post('/v1/me/loans/quote', { amount: '1200.00', term: 3, method: 'equal-principal' });
    expect(quote.statusCode).toBe(200);
    const body = quote.json() as {
      rows: Array<{ principal: string }>;
      aprByIrr: string;
      totalInterest: string;
    };
    const principal = body.rows.reduce((sum, row) => sum + Math.round(Number(row.principal) * 100), 0);
    expect(principal).toBe(120_000);
    expect(Number(body.aprByIrr)).toBeGreaterThan(0);
    expect((await get('/v1/me/loans')).json().loans).toHaveLength(1);
  });
  it('takes evidence from the phone: too large 413, not a photo or PDF 415, another customer’s evidence 422', async () => {
    const maxBytes = t.app.services.appeals.settings.maxEvidenceBytes;
    const upload = (content: Buffer, type: string, as = token) =>
      t.app.http.inject({
        method: 'POST',
        url: '/v1/me/appeals/evidence',
        headers: { ...t.bearer(as), 'content-type': type },
        payload: content,
      });
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const big = Buffer.alloc(maxBytes + 1);
    pdf.copy(big);
    const tooBig = await upload(big, 'application/pdf');
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().errors[0]).toMatchObject({ field: 'body', rule: 'max-bytes' });
    const exe = await upload(Buffer.from('MZ\x90\x00 not a picture'), 'application/x-msdownload');
    expect(exe.statusCode).toBe(415);
    expect(exe.json().errors[0]).toMatchObject({ field: 'content-type', rule: 'allowed-media-type' });
    const disguised = await upload(Buffer.from('MZ\x90\x00 not a picture'), 'application/pdf');
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json().errors[0]).toMatchObject({ field: 'body', rule: 'magic-bytes' });
    const mine = await upload(pdf, 'application/pdf');
    expect(mine.statusCode).toBe(201);
    // Another customer cannot attach it to their appeal.
    const other = await t.session(t.personas.get('low_score') ?? '', 3_600);
    const declined = await t.app.http.inject({
      method: 'POST',
      url: '/v1/me/decisions',
      headers: t.bearer(other),
      payload: { product: 'cash_loan' },
    });
    expect(declined.json().outcome).toBe('declined');
    const appeal = await t.app.http.inject({
      method: 'POST',
      url: `/v1/me/decisions/${declined.json().decisionId}/appeals`,
      headers: t.bearer(other),
      payload: { category: 'data_error', statement: 'see the file', evidence: [mine.json().evidenceId] },
    });
    expect(appeal.statusCode).toBe(422);
    expect(appeal.json().errors[0]).toMatchObject({ field: 'evidence[0]', rule: 'unknown-evidence' });
  });
});
