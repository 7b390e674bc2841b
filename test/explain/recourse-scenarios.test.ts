import { describe, expect, it } from 'vitest';
import { policyFeatures } from '../../src/explain/credit-recourse.ts';
import { findRecourse, type RecourseGoal } from '../../src/explain/recourse.ts';
import { renderRecoursePlan } from '../../src/explain/recourse-actions.ts';
import { fen } from '../../src/platform/money/money.ts';
import { addDays, type LocalDate } from '../../src/platform/time/local-date.ts';
import type { PolicyInput } from '../../src/policy/policy-inputs.ts';
import { applicant, decisionDate, defaultPolicy, product } from '../policy/fixtures.ts';
import { toyActions, toyDecision } from './toy-scorecard.ts';

/** Recourse case by case, on the default policy with the toy scorecard, with exact plans. */
function recourse(
  base: PolicyInput,
  options: {
    utilisationPct?: number;
    inquiryDaysAgo?: number[];
    holdUntil?: LocalDate;
    goal?: RecourseGoal;
  } = {},
) {
  const inquiryDates = (options.inquiryDaysAgo ?? []).map((days) => addDays(decisionDate, -days));
  const input = { ...base, inquiries30d: options.inquiryDaysAgo?.length ?? base.inquiries30d };
  const plan = findRecourse({
    current: { ...policyFeatures(input), utilisationPct: options.utilisationPct ?? 20 },
    decide: toyDecision(input),
    goal: options.goal ?? { kind: 'approval' },
    features: toyActions({ asOf: decisionDate, inquiryDates, holdUntil: options.holdUntil ?? null }),
    thresholds: defaultPolicy.thresholds,
  });
  return { plan, text: renderRecoursePlan(plan).map((action) => action.text) };
}

describe('recourse: what a declined applicant can do', () => {
  it('multi-head borrowing: wait until two applications leave the 30-day window (2 Dec 2026)', () => {
    // 7 applications, 25 to 1 days ago; the two oldest (25 and 20 days ago) must drop out.
    const { plan, text } = recourse(applicant(), { inquiryDaysAgo: [25, 20, 15, 10, 5, 3, 1] });
    expect(plan).toMatchObject({
      status: 'plan',
      totalCost: 10,
      actions: [{ feature: 'inquiries30d', from: 7, to: 5, byDate: '2026-12-02', cost: 10 }],
      verified: { outcome: 'approved' },
    });
    expect(text).toEqual([
      {
        zh: '2026年12月2日前不要再提交新的贷款或信用卡申请（届时近30天的申请将降至5次）',
        en: 'Make no new credit applications until 2 Dec 2026 (you will then have 5 in the last 30 days)',
      },
    ]);
  });

  it('overdue elsewhere and a score below the cut-off: repaying ¥350 fixes both', () => {
    const { plan, text } = recourse(applicant({ overdueAmountElsewhere: fen(35_000n) }), {
      utilisationPct: 70,
    });
    expect(plan).toMatchObject({
      status: 'plan',
      totalCost: 6.5,
      actions: [{ feature: 'overdueAmountElsewhere', from: 35_000, to: 0, cost: 6.5 }],
    });
    expect(text.map((line) => line.en)).toEqual(['Repay the CNY 350.00 overdue with other lenders']);
  });

  it('unverified phone for the credit line: verify to L2', () => {
    const { plan, text } = recourse(
      applicant({ productType: 'credit_line', product: product('credit_line'), verificationLevel: 1 }),
    );
    expect(plan).toMatchObject({
      status: 'plan',
      totalCost: 3,
      actions: [{ feature: 'verificationLevel', from: 1, to: 2 }],
    });
    expect(text.map((line) => line.en)).toEqual([
      'Complete your identity check: confirm a phone number registered in your own name',
    ]);
  });

  it('an active risk hold with a known end: wait until it lifts', () => {
    const { plan, text } = recourse(applicant({ hasActiveHold: true }), {
      holdUntil: addDays(decisionDate, 14),
    });
    expect(plan).toMatchObject({
      status: 'plan',
      totalCost: 14,
      actions: [{ feature: 'hasActiveHold', to: false, byDate: '2026-12-06' }],
    });
    expect(text.map((line) => line.en)).toEqual([
      'The safety hold ends on 6 Dec 2026; you can apply again after that',
    ]);
  });

  it('a limit below the amount asked for: bring monthly repayments down to ¥4,000', () => {
    // Income ¥12,000, repayments ¥5,000: the debt-service cap is (6,000 − 5,000) × 10 = ¥10,000.
    const base = applicant({ monthlyDebtPayments: fen(500_000n), requestedAmount: fen(2_000_000n) });
    const { plan, text } = recourse(base, { goal: { kind: 'amount', amount: fen(2_000_000n) } });
    expect(plan).toMatchObject({
      status: 'plan',
      actions: [{ feature: 'monthlyDebtPayments', from: 500_000, to: 400_000, cost: 30 }],
      verified: { outcome: 'approved', limit: 2_000_000n },
    });
    expect(text.map((line) => line.en)).toEqual([
      'Bring your monthly repayments down to CNY 4,000.00 or less',
    ]);
  });

  it('too young for the product: no plan, and it says so', () => {
    const { plan, text } = recourse(applicant({ age: 17 }));
    expect(plan).toMatchObject({ status: 'none', reason: 'fixed' });
    expect(text).toEqual([
      {
        zh: '目前没有您可以采取的措施能改变这一结果。',
        en: 'There is nothing you can change right now that would alter this decision.',
      },
    ]);
  });
});
