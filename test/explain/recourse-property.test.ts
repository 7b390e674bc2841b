import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditPolicyActions, policyFeatures } from '../../src/explain/credit-recourse.ts';
import { findRecourse, meetsGoal, type RecourseGoal } from '../../src/explain/recourse.ts';
import { fen } from '../../src/platform/money/money.ts';
import { addDays, type LocalDate } from '../../src/platform/time/local-date.ts';
import type { PolicyInput } from '../../src/policy/policy-inputs.ts';
import { applicant, decisionDate, defaultPolicy, product } from '../policy/fixtures.ts';
import { toyActions, toyDecision } from './toy-scorecard.ts';

/**
 * Thousands of random applicants through the toy scorecard and the default policy. For every one that is
 * declined (or offered less than asked), the plan recourse returns is checked from the outside: re-running
 * the decision on the changed inputs meets the goal, only mutable features moved and only in their
 * direction and bounds, waiting actions carry their date. When recourse says "no plan", the most
 * favourable reachable change of everything is checked to fail too.
 */

const arbitraryCase = fc.record({
  productCode: fc.constantFrom('cash_loan' as const, 'credit_line' as const),
  verificationLevel: fc.integer({ min: 0, max: 3 }),
  age: fc.oneof(fc.integer({ min: 18, max: 60 }), fc.constantFrom(16, 17, 70)),
  blocklisted: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  overdueAmountHere: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 500_000 })),
  overdueAmountElsewhere: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 500_000 })),
  inquiryAges: fc.array(fc.integer({ min: 0, max: 29 }), { maxLength: 12 }),
  hasActiveHold: fc.boolean(),
  holdDays: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 60 })),
  historyMonths: fc.integer({ min: 0, max: 60 }),
  isNewUser: fc.boolean(),
  onTimeCycles: fc.integer({ min: 0, max: 24 }),
  monthlyIncome: fc.integer({ min: 0, max: 4_000_000 }),
  monthlyDebtPayments: fc.integer({ min: 0, max: 2_000_000 }),
  utilisationPct: fc.integer({ min: 0, max: 100 }),
  requestedAmount: fc.oneof(
    fc.constant(null),
    fc.integer({ min: 1, max: 100 }).map((n) => n * 100_000),
  ),
});

type Case = typeof arbitraryCase extends fc.Arbitrary<infer T> ? T : never;

function build(c: Case) {
  const inquiryDates = c.inquiryAges.map((age: number) => addDays(decisionDate, -age));
  const base: PolicyInput = applicant({
    productType: c.productCode,
    product: product(c.productCode),
    verificationLevel: c.verificationLevel as 0 | 1 | 2 | 3,
    age: c.age,
    blocklisted: c.blocklisted,
    overdueAmountHere: fen(BigInt(c.overdueAmountHere)),
    overdueAmountElsewhere: fen(BigInt(c.overdueAmountElsewhere)),
    inquiries30d: inquiryDates.length,
    hasActiveHold: c.hasActiveHold,
    historyMonths: c.historyMonths,
    isNewUser: c.isNewUser,
    onTimeCycles: c.onTimeCycles,
    monthlyIncome: fen(BigInt(c.monthlyIncome)),
    monthlyDebtPayments: fen(BigInt(c.monthlyDebtPayments)),
    requestedAmount: c.requestedAmount === null ? null : fen(BigInt(c.requestedAmount)),
  });
  const holdUntil: LocalDate | null = c.holdDays === null ? null : addDays(decisionDate, c.holdDays);
  const current: Record<string, number | boolean> = {
    ...policyFeatures(base),
    utilisationPct: c.utilisationPct,
  };
  const goal: RecourseGoal =
    base.requestedAmount === null ? { kind: 'approval' } : { kind: 'amount', amount: base.requestedAmount };
  const context = { asOf: decisionDate, inquiryDates, holdUntil };
  return { base, current, goal, context, decide: toyDecision(base), features: toyActions(context) };
}

describe('recourse on the default policy with a scorecard (property, thousands of applicants)', () => {
  it('returns only verified plans of mutable actions, and "no plan" only when nothing reachable works', () => {
    let declined = 0;
    let planned = 0;
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const { current, goal, context, decide, features } = build(c);
        const plan = findRecourse({ current, decide, goal, features, thresholds: defaultPolicy.thresholds });
        if (plan.status === 'not-needed') {
          expect(meetsGoal(decide(current), goal)).toBe(true);
          return;
        }
        declined += 1;
        if (plan.status === 'plan') {
          planned += 1;
          const changed: Record<string, number | boolean> = { ...current };
          for (const action of plan.actions) {
            const feature = features.find((f) => f.name === action.feature);
            expect(feature?.mutable).toBe(true);
            const from = Number(current[action.feature]);
            const to = Number(action.to);
            expect(feature?.direction === 'increase' ? to > from : to < from).toBe(true);
            if (feature?.min !== undefined) expect(to).toBeGreaterThanOrEqual(feature.min);
            if (feature?.max !== undefined) expect(to).toBeLessThanOrEqual(feature.max);
            if (feature?.dateReached) expect(action.byDate).toBeDefined();
            changed[action.feature] = action.to;
          }
          expect(plan.actions.length).toBeLessThanOrEqual(3);
          expect(plan.totalCost).toBeCloseTo(
            plan.actions.reduce((sum, action) => sum + action.cost, 0),
            9,
          );
          expect(changed.age).toBe(current.age);
          expect(changed.blocklisted).toBe(current.blocklisted);
          // Verified from the outside, by an independent run of score + policy.
          expect(meetsGoal(decide(changed), goal)).toBe(true);
        } else if (plan.reason === 'fixed') {
          const best: Record<string, number | boolean> = {
            ...current,
            overdueAmountHere: 0,
            overdueAmountElsewhere: 0,
            inquiries30d: 0,
            verificationLevel: 3,
            monthlyDebtPayments: 0,
            historyMonths: Math.max(Number(current.historyMonths), 600),
            onTimeCycles: Math.max(Number(current.onTimeCycles), 600),
            hasActiveHold: context.holdUntil ? false : Boolean(current.hasActiveHold),
            utilisationPct: 0,
          };
          expect(meetsGoal(decide(best), goal)).toBe(false);
        }
      }),
      { numRuns: 3000 },
    );
    // The generator must actually exercise declines and plans.
    expect(declined).toBeGreaterThan(1000);
    expect(planned).toBeGreaterThan(300);
  });

  it('never suggests anything for the policy alone when only immutable inputs decline (age 17)', () => {
    const base = applicant({ age: 17 });
    const features = creditPolicyActions({ asOf: decisionDate });
    const plan = findRecourse({
      current: policyFeatures(base),
      decide: toyDecision(base),
      goal: { kind: 'approval' },
      features,
      thresholds: defaultPolicy.thresholds,
    });
    expect(plan.status).toBe('none');
  });
});
