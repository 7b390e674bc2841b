import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storesUnderTest } from '../support/stores.ts';
import { meTestApp, SETUP_TIMEOUT_MS, type MeTestApp } from './support.ts';

/**
 * What the customer reads, scenario by scenario, on every store: the home screen (can borrow now, limit,
 * the annual rate, score and its five dimensions, verification's next step), a declined decision with its
 * reasons, a referral for an outage that says when to try again (from the settings: decided + 30 min), an
 * overturned decline that shows the new outcome and not the old reasons, and the demo sign-in.
 */
describe.each(storesUnderTest())('/v1/me home and decisions on $name', (store) => {
  let t: MeTestApp;
  const tokens = new Map<string, string>();
  const as = (key: string) => t.bearer(tokens.get(key) ?? '');
  const get = (key: string, url: string) => t.app.http.inject({ method: 'GET', url, headers: as(key) });
  const post = (key: string, url: string, payload: unknown) =>
    t.app.http.inject({ method: 'POST', url, headers: as(key), payload: payload as never });

  beforeAll(async () => {
    t = await meTestApp({ store, demo: true });
    for (const [key, customerId] of t.personas) tokens.set(key, await t.session(customerId, 43_200));
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await t.app.stop();
  });

  it('shows a new customer "not applied", then after an approval "can borrow" with limit, APR and score', async () => {
    const before = (await get('clean_approval', '/v1/me')).json();
    expect(before.products.map((p: { status: string }) => p.status)).toEqual(['not_applied', 'not_applied']);
    expect(before.score).toBeNull();
    const decided = await post('clean_approval', '/v1/me/decisions', { product: 'cash_loan' });
    expect(decided.statusCode).toBe(201);
    const decision = decided.json();
    expect(decision.outcome).toBe('approved');
    expect(decision.reasons).toEqual([]);
    const home = (await get('clean_approval', '/v1/me')).json();
    const cash = home.products[0];
    expect(cash).toMatchObject({
      product: 'cash_loan',
      status: 'can_borrow',
      limitTotal: decision.limit,
      limitAvailable: decision.limit,
      apr: decision.apr,
      latestDecisionId: decision.decisionId,
    });
    expect(cash.headline.en).toContain('You can borrow now');
    expect(cash.headline['zh-CN']).toContain('现在可以借款');
    expect(home.score.dimensions.map((d: { key: string }) => d.key).sort()).toEqual([
      'behaviour',
      'capacity',
      'history',
      'identity',
      'relationships',
    ]);
    expect(home.score.value).toBeGreaterThanOrEqual(350);
    expect(home.verification).toMatchObject({ level: 3, nextStep: null });
    expect(home.customer.maskedName).not.toBe('王芳');
  });

  it('gives a declined customer 1–4 reasons in both languages and "not yet" on the home screen', async () => {
    const decided = (await post('low_score', '/v1/me/decisions', { product: 'cash_loan' })).json();
    expect(decided.outcome).toBe('declined');
    expect(decided.reasons.length).toBeGreaterThanOrEqual(1);
    expect(decided.reasons.length).toBeLessThanOrEqual(4);
    for (const reason of decided.reasons) {
      expect(reason.text['zh-CN'].length).toBeGreaterThan(0);
      expect(reason.text.en.length).toBeGreaterThan(0);
    }
    expect(decided.appeal).toMatchObject({ canAppeal: true, deadline: '2026-12-22', appealId: null });
    const home = (await get('low_score', '/v1/me')).json();
    expect(home.products[0]).toMatchObject({ status: 'not_yet', limitTotal: null });
  });

  it('tells the unverified-phone customer the next step to the level the product needs', async () => {
    const verification = (await get('unverified_phone', '/v1/me/verification')).json();
    expect(verification.level).toBeLessThan(verification.levelsNeeded.cash_loan);
    expect(verification.nextStep.en).toBe('Use a mobile number registered in your own name');
    expect(verification.failures.map((f: { code: string }) => f.code)).toContain(
      'PHONE_NOT_OWNED_BY_ID_HOLDER',
    );
  });

  it('says after an outage referral when to apply again: 30 minutes (the setting) after the decision', async () => {
    const decided = (await post('outage', '/v1/me/decisions', { product: 'cash_loan' })).json();
    expect(decided.outcome).toBe('referred');
    const expected = new Date(Date.parse(decided.decidedAt) + 30 * 60_000);
    expect(decided.referral).toMatchObject({
      kind: 'fault',
      action: 'reapply',
      byWhen: expected.toISOString(),
      byWhenDate: '2026-11-22',
    });
    // 02:00Z decided → 02:30Z = 10:30 Beijing time.
    expect(decided.referral.whatNext.en).toContain('10:30');
    expect(decided.referral.whatNext['zh-CN']).toContain('10:30');
    const home = (await get('outage', '/v1/me')).json();
    expect(home.products[0].status).toBe('under_review');
  });

  it('shows an overturned decline as the new approval, without the decline’s reasons', async () => {
    const declined = (await post('thin_file', '/v1/me/decisions', { product: 'cash_loan' })).json();
    expect(declined.outcome).toBe('declined');
    expect(declined.reasons.length).toBeGreaterThan(0);
    const filed = await post('thin_file', `/v1/me/decisions/${declined.decisionId}/appeals`, {
      category: 'data_error',
      statement: 'I have a steady job; my salary was not counted.',
    });
    expect(filed.statusCode).toBe(201);
    const appealId = filed.json().appealId as string;
    const reviewer = t.auth('reviewer');
    expect(
      (
        await t.app.http.inject({
          method: 'POST',
          url: `/v1/appeals/${appealId}/claim`,
          headers: reviewer,
          payload: {},
        })
      ).statusCode,
    ).toBe(200);
    const overturn = await t.app.http.inject({
      method: 'POST',
      url: `/v1/appeals/${appealId}/decision`,
      headers: reviewer,
      payload: { outcome: 'overturn', limit: '5000.00', apr: '0.146', note: 'salary evidence checked' },
    });
    expect(overturn.statusCode, overturn.body).toBe(200);
    const view = (await get('thin_file', `/v1/me/decisions/${declined.decisionId}`)).json();
    expect(view.outcome).toBe('approved');
    expect(view.limit).toBe('5000.00');
    expect(view.apr).toBe('0.146');
    expect(view.headline.en).toBe('Approved, limit CNY 5,000.00');
    expect(view.overturned).toMatchObject({ originalOutcome: 'declined', on: '2026-11-22' });
    const oldCodes = declined.reasons.map((r: { code: string }) => r.code);
    for (const reason of view.reasons) expect(oldCodes).not.toContain(reason.code);
    // The override's own reason, as the decisions context words it.
    expect(view.reasons.map((r: { code: string }) => r.code)).toEqual(['DECISION_OVERTURNED']);
    expect(view.plan).toBeNull();
    const list = (await get('thin_file', '/v1/me/decisions')).json().decisions;
    const original = list.find((d: { decisionId: string }) => d.decisionId === declined.decisionId);
    expect(original).toMatchObject({ outcome: 'declined', effectiveOutcome: 'approved', limit: '5000.00' });
    const messages = (await get('thin_file', '/v1/me/messages')).json().messages;
    expect(messages.some((m: { kind: string }) => m.kind === 'appeal')).toBe(true);
  });

  it('lists the nine demo customers and signs in as one of them, and no one else, in demo mode', async () => {
    const list = await t.app.http.inject({ method: 'GET', url: '/v1/demo/customers' });
    expect(list.statusCode).toBe(200);
    const customers = list.json().customers as Array<{
      customerId: string;
      case: string;
      displayName: string;
    }>;
    expect(customers.map((c) => c.case)).toEqual([
      'clean_approval',
      'low_score',
      'unverified_phone',
      'thin_file',
      'multi_head',
      'abnormal_limit_checks',
      'tightened_policy',
      'new_user_first_limit',
      'outage',
    ]);
    expect(customers.every((c) => c.displayName.includes('*'))).toBe(true);
    const signIn = await t.app.http.inject({
      method: 'POST',
      url: '/v1/demo/sessions',
      payload: { customerId: customers[0]?.customerId },
    });
    expect(signIn.statusCode).toBe(201);
    const session = await t.app.http.inject({
      method: 'GET',
      url: '/v1/me/session',
      headers: t.bearer(signIn.json().token),
    });
    expect(session.json()).toMatchObject({ customerId: customers[0]?.customerId, demo: true });
    const stranger = await t.app.http.inject({
      method: 'POST',
      url: '/v1/demo/sessions',
      payload: { customerId: 'cus_01JD3ZK6Q8W4M2X9T7B5N1R0AE' },
    });
    expect(stranger.statusCode).toBe(404);
  });
});
