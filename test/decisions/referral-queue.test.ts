import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDecision } from '../../src/decisions/decisions.pg.ts';
import { parseRate } from '../../src/platform/money/rate.ts';
import { parseLocalDate } from '../../src/platform/time/local-date.ts';
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

  it('only the holder releases; an analyst may not open the queue', async () => {
    const theirs = await post(`/v1/referrals/${approved.referralId}/release`, t.reviewers.bo.auth);
    expect(theirs.statusCode).toBe(409);
    expect(theirs.json().errors[0]).toMatchObject({ field: 'claim', rule: 'claimed-by-other' });
    const released = await post(`/v1/referrals/${approved.referralId}/release`, t.reviewers.ana.auth);
    expect(released.statusCode).toBe(200);
    expect(released.json().case).toMatchObject({ status: 'open', claimedBy: null, claimExpiresAt: null });
    expect((await post(`/v1/referrals/${approved.referralId}/claim`, t.reviewers.ana.auth)).statusCode).toBe(
      200,
    );
    expect((await get('/v1/referrals', t.auth('analyst'))).statusCode).toBe(403);
    const mine = await get('/v1/referrals?claimedBy=me', t.reviewers.ana.auth);
    expect(mine.json().items.map((c: { referralId: string }) => c.referralId)).toEqual([approved.referralId]);
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
      'refused',
      'released',
      'claimed',
      'decided',
      'notified',
    ]);
    const audit = await t.app.services.audit.list({ action: 'referral.*' });
    expect(audit.items.map((e) => `${e.action}:${e.outcome}`)).toEqual([
      'referral.decide:ok',
      'referral.claim:ok',
      'referral.release:ok',
      'referral.release:refused',
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
    const messages = (await get('/v1/me/messages', who)).json().messages as {
      kind: string;
      text: { en: string };
      link: { decisionId?: string };
    }[];
    const told = messages.filter((m) => m.link.decisionId === cash.latestDecisionId);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ kind: 'decision' });
    expect(told[0]?.text.en).toMatch(
      /^A person has reviewed your Cash loan application .*: approved\. Your limit is CNY 30,000\.00/,
    );
    const one = await get(`/v1/me/decisions/${approved.decisionId}`, who);
    expect(one.json()).toMatchObject({
      outcome: 'approved',
      referral: null,
      overturned: { originalOutcome: 'referred' },
    });
  });

  const caseOf = async (decisionId: string) => {
    const list = await get(
      '/v1/referrals?status=open,claimed,pending_approval,decided,expired&limit=500',
      t.reviewers.bo.auth,
    );
    return list.json().items.find((c: { decisionId: string }) => c.decisionId === decisionId) as {
      referralId: string;
      status: string;
    };
  };
  const manualReviews = (customerId: string) =>
    count(`select count(*) as n from decisions where customer_id = $1 and kind = 'manual_review'`, [
      customerId,
    ]);

  it('outside the product range or the dated legal cap: 422 naming field and rule, nothing written; above authority a second person approves', async () => {
    const { customerId, decisionId } = await t.referredCustomer('phone_unregistered');
    const { referralId } = await caseOf(decisionId);
    expect((await post(`/v1/referrals/${referralId}/claim`, t.reviewers.ana.auth)).statusCode).toBe(200);
    const approve = (limit: string, apr: string, who = t.reviewers.ana.auth) =>
      post(`/v1/referrals/${referralId}/decide`, who, {
        outcome: 'approved',
        limit,
        apr,
        note: 'checked by phone',
      });

    const tooMuch = await approve('300000.00', '0.146');
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json().errors[0]).toMatchObject({ field: 'limit', rule: 'product-max-limit' });
    const tooDear = await approve('30000.00', '0.25');
    expect(tooDear.statusCode).toBe(422);
    expect(tooDear.json().errors[0]).toMatchObject({ field: 'apr', rule: 'product-max-apr' });
    // A legal cap of 15% from 1 Nov 2026 (below the product's 21.9%): 18% is refused, naming the cap and its date.
    await t.app.services.policies.loadSettings({
      products: [],
      riskAppetite: [],
      assignments: [],
      legalRateCaps: [
        {
          effectiveFrom: parseLocalDate('2026-11-01'),
          annualRate: parseRate('0.15'),
          basis: 'test: a lower cap',
        },
      ],
    });
    const aboveCap = await approve('30000.00', '0.18');
    expect(aboveCap.statusCode).toBe(422);
    expect(aboveCap.json().errors[0]).toMatchObject({ field: 'apr', rule: 'legal-cap' });
    expect(aboveCap.json().errors[0].message).toContain('2026-11-01');
    expect(await manualReviews(customerId)).toBe(0);
    expect(await t.app.services.facilities.getFacility(customerId, 'cash-loan')).toBeUndefined();

    // ¥80,000 is above the reviewer's authority (¥50,000): held for a second person, nothing written yet.
    const held = await approve('80000.00', '0.12');
    expect(held.statusCode).toBe(200);
    expect(held.json()).toMatchObject({
      case: {
        status: 'pending_approval',
        proposal: { limit: '80000.00', limitFen: '8000000', apr: '0.12', maker: { name: 'Ana' } },
      },
      decision: null,
    });
    expect(await manualReviews(customerId)).toBe(0);
    expect(await t.app.services.facilities.getFacility(customerId, 'cash-loan')).toBeUndefined();

    // The maker cannot approve — nor can she with another key issued to her name.
    for (const maker of [t.reviewers.ana.auth, t.reviewers.anaAgain.auth]) {
      const own = await post(`/v1/referrals/${referralId}/approve`, maker);
      expect(own.statusCode).toBe(403);
      expect(own.json().errors[0]).toMatchObject({ field: 'reviewer', rule: 'maker-checker' });
    }
    const checked = await post(`/v1/referrals/${referralId}/approve`, t.reviewers.bo.auth);
    expect(checked.statusCode).toBe(200);
    expect(checked.json().case).toMatchObject({ status: 'decided', closedBy: 'review', outcome: 'approved' });
    expect(checked.json().decision).toMatchObject({
      kind: 'manual_review',
      limit: '80000.00',
      apr: '0.12',
      facilityChange: 'opened',
    });
    expect(checked.json().decision.override.reviewer).toBe(
      `Ana (${t.reviewers.ana.principal.keyId}), approved by Bo (${t.reviewers.bo.principal.keyId})`,
    );
    expect((await t.app.services.facilities.getFacility(customerId, 'cash-loan'))?.limit).toBe(8_000_000n);
    const replay = await post(
      `/v1/decisions/${checked.json().decision.decisionId}/replay`,
      t.auth('reviewer'),
    );
    expect(replay.json()).toMatchObject({ matches: true, differences: [] });
  });

  it('a decline needs catalogue reasons (unknown code 422); a claim that ran out is stale; the decline reaches the customer', async () => {
    const { customerId, decisionId } = await t.referredCustomer('disputed_overdue');
    const { referralId } = await caseOf(decisionId);
    expect((await post(`/v1/referrals/${referralId}/claim`, t.reviewers.bo.auth)).statusCode).toBe(200);
    const decline = (reasons: object[]) =>
      post(`/v1/referrals/${referralId}/decide`, t.reviewers.bo.auth, {
        outcome: 'declined',
        reasons,
        note: 'the bank confirmed the unpaid instalment',
      });
    const unknown = await decline([{ code: 'LOOKS_RISKY' }]);
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0]).toMatchObject({ field: 'reasons[0].code', rule: 'catalogue' });
    const noAmount = await decline([{ code: 'OVERDUE_ELSEWHERE' }]);
    expect(noAmount.statusCode).toBe(422);
    expect(noAmount.json().errors[0]).toMatchObject({ field: 'reasons[0].params.amount', rule: 'required' });
    expect(await manualReviews(customerId)).toBe(0);

    // Bo's claim runs out after 30 minutes: acting on it is refused until he claims again.
    t.clock.advanceMs(31 * 60_000);
    const stale = await decline([{ code: 'OVERDUE_ELSEWHERE', params: { amount: '120000' } }]);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().errors[0]).toMatchObject({ field: 'claim', rule: 'claim-expired' });
    expect((await post(`/v1/referrals/${referralId}/claim`, t.reviewers.bo.auth)).statusCode).toBe(200);

    const declined = await decline([{ code: 'OVERDUE_ELSEWHERE', params: { amount: '120000' } }]);
    expect(declined.statusCode).toBe(200);
    const decision = declined.json().decision;
    expect(decision).toMatchObject({ kind: 'manual_review', outcome: 'declined', limit: '0.00', apr: null });
    expect(decision.reasons).toHaveLength(1);
    expect(decision.reasons[0]).toMatchObject({
      code: 'OVERDUE_ELSEWHERE',
      kind: 'review',
      params: { amount: '120000' },
    });
    expect(decision.reasons[0].text.en).toContain('CNY 1,200.00');
    const sent = t.notifier.sent.filter((n) => n.referralId === referralId);
    expect(sent.map((n) => n.text.en)).toEqual([
      `A person has reviewed your Cash loan application (23 Nov 2026): we cannot approve it for now. Why: 1. ${decision.reasons[0].text.en} Each reason says what would help; once that has changed you can apply again.`,
    ]);
    expect(sent[0]?.text.zh).toBe(
      `审核人员已人工审核您的现金借款申请（2026年11月23日），结果：暂未通过。原因：1. ${decision.reasons[0].text.zh} 原因中说明了哪些情况改变后会有帮助；情况改变后您可以重新申请。`,
    );
    expect(
      (await post(`/v1/decisions/${decision.decisionId}/replay`, t.auth('reviewer'))).json().matches,
    ).toBe(true);

    const who = await t.customerAuth(customerId);
    const cash = (await get('/v1/me', who))
      .json()
      .products.find((p: { product: string }) => p.product === 'cash_loan');
    expect(cash).toMatchObject({ status: 'not_yet', latestDecisionId: decision.decisionId });
    const one = (await get(`/v1/me/decisions/${decisionId}`, who)).json();
    expect(one).toMatchObject({ outcome: 'declined', referral: null });
    expect(one.reasons[0]).toMatchObject({ code: 'OVERDUE_ELSEWHERE' });
  });

  it('a re-run that no longer refers closes the case with it (and the customer hears so)', async () => {
    const { customerId, decisionId } = await t.referredCustomer('declined_twice');
    const { referralId } = await caseOf(decisionId);
    expect((await post(`/v1/referrals/${referralId}/claim`, t.reviewers.ana.auth)).statusCode).toBe(200);
    const rerun = await post(`/v1/referrals/${referralId}/rerun`, t.reviewers.ana.auth);
    expect(rerun.statusCode).toBe(200);
    const { case: closed, decision } = rerun.json();
    // Verification now passes (the outage is over); the overdue debt elsewhere declines it.
    expect(decision).toMatchObject({ kind: 'recheck', linkedTo: referralId, outcome: 'declined' });
    expect(decision.reasons[0].code).toBe('OVERDUE_ELSEWHERE');
    expect(closed).toMatchObject({
      status: 'decided',
      closedBy: 'rerun',
      outcome: 'declined',
      resultDecisionId: decision.decisionId,
    });
    const sent = t.notifier.sent.filter((n) => n.referralId === referralId);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.text.en).toMatch(
      /^We have assessed your Cash loan application again \(23 Nov 2026\): we cannot approve it for now\. Why: 1\. /,
    );
    const list = (await get('/v1/me/decisions', await t.customerAuth(customerId))).json().decisions;
    expect(list.find((d: { decisionId: string }) => d.decisionId === decisionId)).toMatchObject({
      outcome: 'referred',
      effectiveOutcome: 'declined',
      overturnedBy: decision.decisionId,
    });
  });

  it('bad ids and closed cases: 404 or 409 problem+json, nothing written; two decides at once write one decision', async () => {
    const unknown = 'ref_01KA0000000000000000000000';
    const eventsBefore = await count('select count(*) as n from referral_events', []);
    const missing = await post(`/v1/referrals/${unknown}/claim`, t.reviewers.ana.auth);
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect((await get(`/v1/referrals/${unknown}`, t.reviewers.ana.auth)).statusCode).toBe(404);
    expect(
      (
        await post(`/v1/referrals/${unknown}/decide`, t.reviewers.ana.auth, {
          outcome: 'approved',
          limit: '30000.00',
          apr: '0.146',
          note: 'no such case',
        })
      ).statusCode,
    ).toBe(404);
    expect(await count('select count(*) as n from referral_events', [])).toBe(eventsBefore);

    // A decided case is final: a decide is refused (409 final-status), no decision is written.
    const decisionsOf = (linkedTo: string) =>
      count(`select count(*) as n from decisions where kind = 'manual_review' and linked_to = $1`, [
        linkedTo,
      ]);
    expect(await decisionsOf(approved.referralId)).toBe(1);
    const again = await post(`/v1/referrals/${approved.referralId}/decide`, t.reviewers.ana.auth, {
      outcome: 'approved',
      limit: '30000.00',
      apr: '0.146',
      note: 'once more',
    });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.json().errors[0]).toMatchObject({ field: 'status', rule: 'final-status' });
    expect(await decisionsOf(approved.referralId)).toBe(1);

    // The holder's two decides at once (a double click): one decides, the other finds it final.
    const { decisionId } = await t.referredCustomer('phone_unregistered');
    const { referralId } = await caseOf(decisionId);
    expect((await post(`/v1/referrals/${referralId}/claim`, t.reviewers.ana.auth)).statusCode).toBe(200);
    const decide = () =>
      post(`/v1/referrals/${referralId}/decide`, t.reviewers.ana.auth, {
        outcome: 'approved',
        limit: '30000.00',
        apr: '0.146',
        note: 'income verified by phone',
      });
    const both = await Promise.all([decide(), decide()]);
    expect(both.map((response) => response.statusCode).sort()).toEqual([200, 409]);
    expect(await decisionsOf(referralId)).toBe(1);
  });

  it('a customer who applied again since: the case expires with the newer answer (claim 409 superseded, or the recovery pass)', async () => {
    const applyAgain = async (customerId: string) => {
      t.clock.advanceMs(60_000);
      await t.app.services.customers.verify(customerId);
      const newer = await t.app.services.decisions.decide({ customerId, productCode: 'cash_loan' });
      expect(newer).toMatchObject({ kind: 'application', outcome: 'declined' });
      return newer;
    };
    // A reviewer's claim finds it superseded: the case closes as expired, the claim is refused.
    const first = await t.referredCustomer('declined_twice');
    const { referralId } = await caseOf(first.decisionId);
    const newer = await applyAgain(first.customerId);
    const claim = await post(`/v1/referrals/${referralId}/claim`, t.reviewers.ana.auth);
    expect(claim.statusCode).toBe(409);
    expect(claim.headers['content-type']).toContain('application/problem+json');
    expect(claim.json().errors[0]).toMatchObject({ field: 'referralId', rule: 'superseded' });
    const shown = (await get(`/v1/referrals/${referralId}`, t.reviewers.ana.auth)).json();
    expect(shown.case).toMatchObject({
      status: 'expired',
      closedBy: 'superseded',
      outcome: 'declined',
      resultDecisionId: newer.id,
      claimedBy: null,
    });
    expect(shown.history.map((e: { action: string }) => e.action)).toEqual(['opened', 'expired', 'refused']);

    // Nobody touches the next one: the recovery pass closes it, once, and counts it.
    const second = await t.referredCustomer('declined_twice');
    const { referralId: untouched } = await caseOf(second.decisionId);
    const newerToo = await applyAgain(second.customerId);
    expect((await t.app.services.referrals.recover()).superseded).toBe(1);
    expect((await t.app.services.referrals.recover()).superseded).toBe(0);
    expect((await t.app.services.referrals.get(untouched)).referral).toMatchObject({
      status: 'expired',
      closedBy: 'superseded',
      outcome: 'declined',
      resultDecisionId: newerToo.id,
    });
  });

  it('a referred decision recorded without a case (before migration 0370) gets one from the recovery pass, once', async () => {
    const { customerId, decisionId } = approved;
    const original = await t.app.services.decisions.get(decisionId);
    t.clock.advanceMs(60_000);
    const older = { ...original, id: 'dec_01KA0000000000000000000000', decidedAt: t.clock.now() };
    await insertDecision(t.app.db, older);
    const first = await t.app.services.referrals.recover();
    expect(first.opened).toBe(1);
    expect((await t.app.services.referrals.recover()).opened).toBe(0);
    const opened = await t.app.services.referrals.caseOfDecision(customerId, older.id);
    expect(opened).toMatchObject({ status: 'open', reasonCodes: ['SYSTEM_UNAVAILABLE'] });
    // The earlier case keeps its decision.
    expect((await t.app.services.referrals.caseOfDecision(customerId, decisionId))?.status).toBe('decided');
  });
});
