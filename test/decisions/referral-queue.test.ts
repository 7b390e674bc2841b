import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storesUnderTest } from '../support/stores.ts';
import { referralTestApp, type ReferralTestApp } from './referral-support.ts';

/**
 * The referral queue end to end, on every store: a referred application opens one case (and only one),
 * one reviewer at a time holds it, a decision within authority writes the decision record, the facility
 * and the customer's notification together and replays clean, a decision outside the product, the legal
 * cap or the reviewer's authority is refused or held for a second person with nothing written, a decline
 * needs catalogue reasons, a re-run that no longer refers closes the case, and /v1/me shows the result.
 */
describe.each(storesUnderTest())('referral queue on $name', (store) => {
  let t: ReferralTestApp;
  beforeAll(async () => {
    t = await referralTestApp({ store });
  }, 600_000);
  afterAll(async () => {
    await t?.app.stop();
  });

  const post = (url: string, who: { authorization: string }, payload?: object) =>
    t.app.http.inject({ method: 'POST', url, headers: who, ...(payload ? { payload } : {}) });
  const get = (url: string, who: { authorization: string }) =>
    t.app.http.inject({ method: 'GET', url, headers: who });
  const count = async (sql: string, params: unknown[]) =>
    Number((await t.app.db.query<{ n: string }>(sql, params)).rows[0]?.n);

  let approved: { customerId: string; decisionId: string; referralId: string };

  it('a referred application opens one case, due after 8 business hours, and only one', async () => {
    const { customerId, decisionId } = await t.referredCustomer('outage');
    const list = await get(`/v1/referrals?status=open`, t.reviewers.ana.auth);
    expect(list.statusCode).toBe(200);
    const item = list.json().items.find((c: { decisionId: string }) => c.decisionId === decisionId);
    expect(item).toMatchObject({
      customerId,
      product: 'cash_loan',
      reasonCodes: ['SYSTEM_UNAVAILABLE'],
      faultStage: 'provider',
      status: 'open',
      claimedBy: null,
      // Monday 10:00 Shanghai + 8 business hours of a 09:00–18:00 day = Monday 18:00 Shanghai.
      slaDueAt: '2026-11-23T10:00:00.000Z',
      slaBreached: false,
      outcome: null,
      resultDecisionId: null,
    });
    approved = { customerId, decisionId, referralId: item.referralId };
    // The recovery pass finds nothing more to open: the case was opened with the decision.
    const recovered = await t.app.services.referrals.recover();
    expect(recovered.opened).toBe(0);
    expect(
      await count('select count(*) as n from referral_cases where customer_id = $1 and decision_id = $2', [
        customerId,
        decisionId,
      ]),
    ).toBe(1);
  });

  it('claim by Ana, then by Bo: 409 naming Ana; Bo cannot release or decide it either', async () => {
    const claim = await post(`/v1/referrals/${approved.referralId}/claim`, t.reviewers.ana.auth);
    expect(claim.statusCode).toBe(200);
    expect(claim.json().case).toMatchObject({
      status: 'claimed',
      claimedBy: { id: t.reviewers.ana.principal.keyId, name: 'Ana' },
      claimExpiresAt: '2026-11-23T02:30:00.000Z',
    });
    const second = await post(`/v1/referrals/${approved.referralId}/claim`, t.reviewers.bo.auth);
    expect(second.statusCode).toBe(409);
    expect(second.headers['content-type']).toContain('application/problem+json');
    expect(second.json().errors[0]).toMatchObject({ field: 'claim', rule: 'claimed-by-other' });
    expect(second.json().detail).toContain('Ana');
    const decide = await post(`/v1/referrals/${approved.referralId}/decide`, t.reviewers.bo.auth, {
      outcome: 'approved',
      limit: '30000.00',
      apr: '0.146',
      note: 'not mine',
    });
    expect(decide.statusCode).toBe(409);
    expect(decide.json().errors[0].rule).toBe('claimed-by-other');
  });

  it('Ana approves within her authority: manual_review decision, facility, notification in zh and en, clean replay', async () => {
    const decide = await post(`/v1/referrals/${approved.referralId}/decide`, t.reviewers.ana.auth, {
      outcome: 'approved',
      limit: '30000.00',
      apr: '0.146',
      note: 'salary and repayments check out; the outage only hid the phone check',
    });
    expect(decide.statusCode).toBe(200);
    const body = decide.json();
    expect(body.case).toMatchObject({ status: 'decided', closedBy: 'review', outcome: 'approved' });
    expect(body.decision).toMatchObject({
      kind: 'manual_review',
      linkedTo: approved.referralId,
      outcome: 'approved',
      limit: '30000.00',
      limitFen: '3000000',
      apr: '0.146',
      facilityChange: 'opened',
      reasons: [{ code: 'MANUAL_REVIEW_APPROVED', kind: 'review' }],
    });
    expect(body.decision.override).toMatchObject({
      overrides: approved.decisionId,
      outcome: 'approved',
      limit: '3000000',
      apr: '0.146',
    });
    expect(body.case.resultDecisionId).toBe(body.decision.decisionId);

    const facility = await t.app.services.facilities.getFacility(approved.customerId, 'cash-loan');
    expect(facility?.limit).toBe(3_000_000n);
    expect(facility?.status).toBe('active');

    const sent = t.notifier.sent.filter((n) => n.referralId === approved.referralId);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.decisionId).toBe(body.decision.decisionId);
    expect(sent[0]?.text.en).toBe(
      'A person has reviewed your Cash loan application (23 Nov 2026): approved. Your limit is CNY 30,000.00 at 14.60% a year (0.040% a day). You can borrow in the app now.',
    );
    expect(sent[0]?.text.zh).toBe(
      '审核人员已人工审核您的现金借款申请（2026年11月23日），结果：已批准。额度¥30,000.00，年化利率14.60%（日利率0.040%）。现在即可在App中借款。',
    );

    const replay = await post(`/v1/decisions/${body.decision.decisionId}/replay`, t.auth('reviewer'));
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toMatchObject({ basis: 'override', matches: true, differences: [] });

    const view = await get(`/v1/referrals/${approved.referralId}`, t.reviewers.bo.auth);
    expect(view.statusCode).toBe(200);
    expect(view.json().decision.evidence.facts).not.toBeNull();
    expect(view.json().whyReferred.reasons[0].code).toBe('SYSTEM_UNAVAILABLE');
    expect(view.json().history.map((e: { action: string }) => e.action)).toEqual([
      'opened',
      'claimed',
      'refused',
      'refused',
      'decided',
      'notified',
    ]);
    const audit = await t.app.services.audit.list({ action: 'referral.*' });
    expect(audit.items.map((e) => `${e.action}:${e.outcome}`)).toEqual([
      'referral.decide:ok',
      'referral.decide:refused',
      'referral.claim:refused',
      'referral.claim:ok',
    ]);
  });

  it('/v1/me shows the approval instead of "under review"', async () => {
    const who = await t.customerAuth(approved.customerId);
    const home = await get('/v1/me', who);
    expect(home.statusCode).toBe(200);
    const cash = home.json().products.find((p: { product: string }) => p.product === 'cash_loan');
    expect(cash).toMatchObject({ status: 'can_borrow', limitTotal: '30000.00', apr: '0.146' });
    const list = await get('/v1/me/decisions', who);
    expect(list.statusCode, list.body).toBe(200);
    const original = list
      .json()
      .decisions.find((d: { decisionId: string }) => d.decisionId === approved.decisionId);
    expect(original).toMatchObject({ outcome: 'referred', effectiveOutcome: 'approved', limit: '30000.00' });
    const one = await get(`/v1/me/decisions/${approved.decisionId}`, who);
    expect(one.json()).toMatchObject({
      outcome: 'approved',
      referral: null,
      overturned: { originalOutcome: 'referred' },
    });
  });
});
