import { describe, expect, it } from 'vitest';
import type { DecisionRecord } from '../../src/decisions/decision.ts';
import { DEFAULT_ME_SETTINGS } from '../../src/me/me-settings.ts';
import { meDecisionView } from '../../src/me/me-decisions.ts';
import { fen } from '../../src/platform/money/money.ts';
import type { LocalDate } from '../../src/platform/time/local-date.ts';
import { addDays } from '../../src/platform/time/local-date.ts';
import type { ReferralCase } from '../../src/referrals/referral.ts';

/**
 * What the customer reads of a referral-band decision while its review case is open: a person is on it,
 * nothing to do, and the answer by the case's SLA — not "ask for a review (an appeal)".
 */
const decidedAt = new Date('2026-11-27T09:00:00Z'); // Friday 17:00 Shanghai
const record = {
  id: 'dec_01KA0000000000000000000001',
  customerId: 'cus_01KA0000000000000000000001',
  kind: 'application',
  linkedTo: null,
  productCode: 'cash_loan',
  productType: 'cash_loan',
  outcome: 'referred',
  limit: fen(0n),
  requestedAmount: null,
  apr: null,
  dailyRate: null,
  score: 612,
  pd: 0.08,
  subScores: null,
  reasons: [
    {
      code: 'REFERRED_FOR_REVIEW',
      kind: 'referral',
      params: {},
      text: { zh: '需要人工审核', en: 'needs a manual review' },
    },
  ],
  recourse: null,
  policyVersionId: null,
  policyChecksum: null,
  arm: null,
  modelVersion: null,
  modelHash: null,
  legalCap: null,
  facts: null,
  scorecardRow: null,
  policyDocument: null,
  policyOutput: null,
  trace: null,
  fault: null,
  override: null,
  facilityChange: null,
  decidedAt,
  decisionDate: '2026-11-27' as LocalDate,
} satisfies DecisionRecord;

const openCase: ReferralCase = {
  id: 'ref_01KA0000000000000000000001',
  customerId: record.customerId,
  decisionId: record.id,
  productCode: 'cash_loan',
  reasonCodes: ['REFERRED_FOR_REVIEW'],
  faultStage: null,
  status: 'claimed',
  version: 2,
  claimedBy: { kind: 'reviewer', id: 'key_01KA0000000000000000000001', name: 'Ana' },
  claimedAt: decidedAt,
  claimExpiresAt: new Date(decidedAt.getTime() + 1_800_000),
  proposal: null,
  // Friday 17:00 + 8 business hours = Monday 16:00 Shanghai.
  slaDueAt: new Date('2026-11-30T08:00:00Z'),
  createdAt: decidedAt,
  decidedAt: null,
  closedBy: null,
  outcome: null,
  resultDecisionId: null,
};

const view = (referrals: readonly ReferralCase[]) =>
  meDecisionView(
    {
      settings: DEFAULT_ME_SETTINGS,
      now: new Date(decidedAt.getTime() + 600_000),
      windowDays: 30,
      slaDue: (today) => addDays(today, 5),
    },
    { record, appeals: [], replacement: null, features: null, referrals },
  );

describe('a referral-band decision under review, as the customer reads it', () => {
  it('says a person is reviewing it and promises the case’s SLA date', () => {
    expect(view([openCase]).referral).toEqual({
      kind: 'review',
      whatNext: {
        'zh-CN': '您的申请正在由审核人员人工审核，无需其他操作。我们会在2026年11月30日（含）之前给您答复。',
        en: 'A person is reviewing your application; there is nothing you need to do. You will have our answer by the end of 30 Nov 2026.',
      },
      byWhen: '2026-11-30T08:00:00.000Z',
      byWhenDate: '2026-11-30',
      action: 'appeal',
    });
  });

  it('without a case (an expired one) keeps the appeal route and the appeals’ SLA', () => {
    const referral = view([{ ...openCase, status: 'expired' }]).referral;
    expect(referral?.byWhenDate).toBe('2026-12-02');
    expect(referral?.whatNext.en).toContain('Ask for a review (an appeal)');
  });
});
