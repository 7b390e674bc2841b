import { beforeAll, describe, expect, it } from 'vitest';
import type { DecisionRecord } from '../../src/decisions/decision.ts';
import { customerText } from '../../src/decisions/decision-view.ts';
import type { DemoCaseKey } from '../../src/decisions/demo-cases.ts';
import { parseMoney } from '../../src/platform/money/money.ts';
import { toExactRateString } from '../../src/platform/money/rate.ts';
import { decisionTestApp, type DecisionTestApp } from './support.ts';

/**
 * The demo's cases, decided on 2026-11-22 10:00 Shanghai with the demo scorecard, the default policy and
 * the demo's tightening (cut-offs +30 from 2026-11-01): exact outcome, score, limit, price, reasons in
 * rank order with their parameters, recourse — and every one replays identically.
 */
let t: DecisionTestApp;
beforeAll(async () => {
  t = await decisionTestApp();
});

async function decide(key: DemoCaseKey, product = 'cash_loan', amount?: string): Promise<DecisionRecord> {
  const customerId = t.personas.get(key);
  if (!customerId) throw new Error(`no demo case ${key}`);
  const record = await t.app.services.decisions.decide({
    customerId,
    productCode: product,
    requestedAmount: amount === undefined ? null : parseMoney(amount),
  });
  const replay = await t.app.services.decisions.replay(record.id);
  expect(replay.differences).toEqual([]);
  expect(replay.matches).toBe(true);
  return record;
}

const codes = (record: DecisionRecord) => record.reasons.map((reason) => reason.code);

describe('decision-clean-approval', () => {
  it('approves ¥50,000 at 10.95% (0.03% a day) with nothing to explain, and opens the facility', async () => {
    const record = await decide('clean_approval');
    expect(record).toMatchObject({ outcome: 'approved', limit: 5_000_000n, score: 704, arm: 'champion' });
    expect(toExactRateString(record.apr!)).toBe('0.1095');
    expect(toExactRateString(record.dailyRate!)).toBe('0.0003');
    expect(record.reasons).toEqual([]);
    expect(record.recourse).toBeNull();
    expect(record.facilityChange).toBe('opened');
    const facility = await t.app.services.facilities.getFacility(record.customerId, 'cash-loan');
    expect(facility).toMatchObject({ limit: 5_000_000n, decisionId: record.id, status: 'active' });
  });
});

describe('decision-low-score-declined', () => {
  it('names the arrear elsewhere, the cut-off, then the two score factors that cost most', async () => {
    const record = await decide('low_score');
    expect(record).toMatchObject({ outcome: 'declined', limit: 0n, score: 476, apr: null });
    expect(codes(record)).toEqual([
      'OVERDUE_ELSEWHERE',
      'SCORE_BELOW_CUTOFF',
      'BEH-UTILISATION',
      'CAP-CONSUMPTION_AMOUNT_12M',
    ]);
    expect(record.reasons[0]?.params).toEqual({ amount: '200000' });
    expect(record.reasons[1]?.text.en).toBe('Your credit score is 476, below the 600 this product requires.');
    expect(record.reasons[2]?.params).toMatchObject({ feature: 'utilisation', pointsLost: 133 });
    expect(record.recourse).toMatchObject({ status: 'none', reason: 'fixed' });
  });
});

describe('decision-unverified-phone-declined', () => {
  it('puts verification first (L1 of L3)', async () => {
    const record = await decide('unverified_phone');
    expect(record).toMatchObject({ outcome: 'declined', score: 522 });
    expect(codes(record)[0]).toBe('VERIFICATION_LEVEL_TOO_LOW');
    expect(record.reasons[0]?.params).toEqual({ current: 1, required: 3 });
  });
});

describe('decision-thin-file-declined', () => {
  it('gives the cut-off and the thin file (1 month of history, 3 needed)', async () => {
    const record = await decide('thin_file');
    expect(record).toMatchObject({ outcome: 'declined', score: 507 });
    expect(codes(record).slice(0, 2)).toEqual(['SCORE_BELOW_CUTOFF', 'THIN_FILE']);
    expect(record.reasons[1]?.params).toEqual({ historyMonths: 1, requiredMonths: 3 });
  });
});

describe('decision-multi-head-declined', () => {
  it('declines the credit line for 7 applications in 30 days and dates the way back: 16 Dec 2026', async () => {
    const record = await decide('multi_head', 'credit_line');
    expect(record).toMatchObject({ outcome: 'declined', score: 587 });
    expect(codes(record)).toEqual([
      'MULTI_HEAD_BORROWING',
      'POLICY_TIGHTENED',
      'BEH-INQUIRIES_30D',
      'BEH-INQUIRIES_180D',
    ]);
    expect(record.reasons[0]?.params).toEqual({ applications: 7, days: 30, maximum: 5 });
    expect(record.recourse?.status).toBe('plan');
    expect(record.recourse?.actions.map((a) => [a.code, a.to, a.byDate])).toEqual([
      ['NO_NEW_APPLICATIONS_UNTIL', 0, '2026-12-16'],
    ]);
    expect(record.recourse?.actions[0]?.text.en).toBe(
      'Make no new credit applications until 16 Dec 2026 (you will then have 0 in the last 30 days)',
    );
    expect(record.recourse?.verified?.outcome).toBe('approved');
  });
});

describe('decision-abnormal-limit-checks-declined', () => {
  it('names the risk hold with the date it lifts', async () => {
    const record = await decide('abnormal_limit_checks');
    expect(codes(record)[0]).toBe('ACTIVE_RISK_HOLD');
    expect(record.reasons[0]?.params).toEqual({ until: '2026-11-26' });
    expect(record.reasons[0]?.text.zh).toContain('2026年11月26日');
  });
});

describe('decision-tightened-policy-declined', () => {
  it('shows the cut-off raised from 600 to 630 for a 619 score, and the utilisation that would clear it', async () => {
    const record = await decide('tightened_policy');
    expect(record).toMatchObject({ outcome: 'declined', score: 619 });
    expect(codes(record)[0]).toBe('POLICY_TIGHTENED');
    expect(record.reasons[0]?.params).toEqual({ score: 619, cutoff: 630, usualCutoff: 600 });
    expect(record.recourse?.actions.map((a) => [a.code, a.to])).toEqual([['LOWER_UTILISATION_RATIO', 14]]);
  });
});

describe('decision-new-user-first-limit', () => {
  it('approves a first limit of ¥5,000 at 14.6% (the ramp), and plans 3 on-time cycles for ¥8,000', async () => {
    const first = await decide('new_user_first_limit');
    expect(first).toMatchObject({ outcome: 'approved', limit: 500_000n, score: 666 });
    expect(toExactRateString(first.apr!)).toBe('0.146');
    expect(codes(first)).toEqual(['NEW_USER_RAMP']);
    expect(first.reasons[0]?.params).toEqual({ limit: '500000', onTimeCycles: 0 });

    const asked = await decide('new_user_first_limit', 'cash_loan', '8000.00');
    expect(asked).toMatchObject({ outcome: 'approved', limit: 500_000n });
    expect(codes(asked)).toEqual(['NEW_USER_RAMP', 'LIMIT_BELOW_REQUEST']);
    expect(asked.reasons[1]?.params).toEqual({ limit: '500000', requested: '800000' });
    expect(asked.recourse?.actions.map((a) => [a.code, a.to, a.byDate])).toEqual([
      ['REPAY_ON_TIME', 3, '2027-02-22'],
    ]);
    expect(asked.recourse?.verified).toEqual({ outcome: 'approved', limit: '1000000' });
    expect(asked.facilityChange).toBe('unchanged');
  });
});

describe('decision-outage-referred', () => {
  it('refers (SYSTEM_UNAVAILABLE, not a decline) when the identity provider was down, and records the fault', async () => {
    const record = await decide('outage');
    expect(record).toMatchObject({ outcome: 'referred', limit: 0n, score: null });
    expect(codes(record)).toEqual(['SYSTEM_UNAVAILABLE']);
    expect(record.fault).toMatchObject({ stage: 'provider', code: 'PROVIDER_UNAVAILABLE' });
    expect(record.reasons[0]?.text.en).toContain('This is not a decline');
    expect(customerText(record, 'en')).toContain('Passed to a person for review');
  });
});

describe('listing', () => {
  it("lists a customer's decisions newest first", async () => {
    const customerId = t.personas.get('new_user_first_limit') ?? '';
    const listed = await t.app.services.decisions.list(customerId);
    expect(listed.length).toBeGreaterThanOrEqual(2);
    expect(listed.map((d) => d.id)).toEqual([...listed.map((d) => d.id)].sort().reverse());
  });
});
