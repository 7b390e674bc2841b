import { beforeAll, describe, expect, it } from 'vitest';
import { appealTestApp, createScriptedCustomer, type AppealTestApp } from './support.ts';

/**
 * The reviewer's uphold form: the catalogue it offers, and the preview of what the customer will read —
 * which must be, word for word, what the customer reads once the appeal is upheld with those reasons.
 */
let t: AppealTestApp;
let customerId: string;

async function call(
  method: 'GET' | 'POST',
  url: string,
  headers: Record<string, string>,
  payload?: Record<string, unknown>,
) {
  const response = await t.app.http.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  return { status: response.statusCode, body: response.json() };
}

beforeAll(async () => {
  t = await appealTestApp();
  customerId = await createScriptedCustomer(t, 'declined_twice');
});

describe('uphold-reason-catalogue', () => {
  it('lists every code with the parameters it needs', async () => {
    const { status, body } = await call('GET', '/v1/appeals/uphold-reasons', t.reviewers.ana.auth);
    expect(status).toBe(200);
    expect(body.minReasons).toBe(1);
    expect(body.maxReasons).toBe(4);
    const byCode = Object.fromEntries(
      (body.reasons as { code: string; params: { name: string; kind: string }[] }[]).map((reason) => [
        reason.code,
        reason.params.map((param) => `${param.name}:${param.kind}`),
      ]),
    );
    expect(byCode).toEqual({
      ORIGINAL_REASONS_STAND: [],
      EVIDENCE_INSUFFICIENT: [],
      RECORD_CONFIRMED_BY_SOURCE: ['source:source'],
      DEBT_STILL_OVERDUE: ['amount:fen'],
      IDENTITY_NOT_VERIFIED: ['current:level', 'required:level'],
    });
    const source = body.reasons.find(
      (reason: { code: string }) => reason.code === 'RECORD_CONFIRMED_BY_SOURCE',
    );
    expect(source.params[0].options.map((option: { code: string }) => option.code)).toEqual([
      'credit_bureau',
      'lender',
      'identity_provider',
    ]);
  });

  it('is for reviewers: an analyst is refused', async () => {
    expect((await call('GET', '/v1/appeals/uphold-reasons', t.auth('analyst'))).status).toBe(403);
  });
});

describe('uphold-preview-is-what-the-customer-reads', () => {
  it('renders both languages, and the upheld appeal then reads exactly the same', async () => {
    const reasons = [
      { code: 'DEBT_STILL_OVERDUE', params: { amount: '200000' } },
      { code: 'ORIGINAL_REASONS_STAND' },
    ];
    const message = { zh: '如有疑问请致电 13812345678。', en: 'Call 13812345678 with any question.' };
    const preview = await call('POST', '/v1/appeals/uphold-reasons/preview', t.reviewers.ana.auth, {
      reasons,
      message,
    });
    expect(preview.status).toBe(200);
    expect(preview.body.statusText).toEqual({
      zh: '我们仔细复核了您的申诉，决定维持原决定。原因如下。',
      en: 'We reviewed your appeal carefully and the original decision stands, for the reasons below.',
    });
    expect(preview.body.reasons[0]).toEqual({
      code: 'DEBT_STILL_OVERDUE',
      params: { amount: '200000' },
      text: {
        zh: '截至复核时，仍有¥2,000.00逾期未还。还清后可以重新申请。',
        en: 'When we reviewed it, CNY 2,000.00 was still overdue. You can apply again once it is repaid.',
      },
    });
    // The phone number is masked, as the customer's view masks it.
    expect(preview.body.message.en).not.toContain('13812345678');

    const decision = await call('POST', '/v1/decisions', t.auth('app'), { customerId, product: 'cash_loan' });
    expect(decision.body.outcome).toBe('declined');
    const filed = await call('POST', `/v1/decisions/${decision.body.decisionId}/appeals`, t.auth('app'), {
      customerId,
      category: 'repaid_debt',
      statement: 'I repaid that loan last month.',
    });
    expect(filed.body.status).toBe('queued');
    const appealId = filed.body.appealId as string;
    expect((await call('POST', `/v1/appeals/${appealId}/claim`, t.reviewers.ana.auth)).status).toBe(200);
    const decided = await call('POST', `/v1/appeals/${appealId}/decision`, t.reviewers.ana.auth, {
      outcome: 'uphold',
      reasons,
      message,
    });
    expect(decided.status).toBe(200);

    const seen = await call('GET', `/v1/appeals/${appealId}?customerId=${customerId}`, t.auth('app'));
    expect(seen.body.statusText).toEqual(preview.body.statusText);
    expect(seen.body.reasons).toEqual(
      preview.body.reasons.map((reason: { code: string; text: unknown }) => ({
        code: reason.code,
        text: reason.text,
      })),
    );
    expect(seen.body.message).toEqual(preview.body.message);
  });

  it('refuses a bad parameter naming it, as the decision would', async () => {
    const { status, body } = await call('POST', '/v1/appeals/uphold-reasons/preview', t.reviewers.ana.auth, {
      reasons: [{ code: 'IDENTITY_NOT_VERIFIED', params: { current: 1, required: 7 } }],
    });
    expect(status).toBe(422);
    expect(body.errors).toEqual([
      { field: 'reasons[0].params.required', rule: 'level', message: 'required must be a level 0–3' },
    ]);
  });
});
