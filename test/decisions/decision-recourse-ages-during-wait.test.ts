import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { possibleBirthdays } from '../../src/decisions/decision-recourse.ts';
import { evaluateDecision, type RecourseStep } from '../../src/decisions/evaluate-decision.ts';
import { daysBetween, parseLocalDate } from '../../src/platform/time/local-date.ts';
import { arbitraryApplicant, contextFor, scorer } from './applicants.ts';

/**
 * A plan that waits (for applications to age out, a hold to end, history to build) is decided as of its
 * last date, and the facts hold the age in whole years, not the birthday: a 60-year-old told to wait 30
 * days for a cash loan whose maximum age is 60 may be 61 on that day and be declined for age. Every plan
 * must work at the oldest age the person can have on its last date.
 */
const planOf = (facts: Parameters<typeof evaluateDecision>[0]) => {
  const decision = evaluateDecision(facts, scorer, contextFor('cash_loan'), { maxRecourseEvaluations: 600 });
  const recourse = decision.recourse;
  if (!recourse || recourse.status !== 'plan') return null;
  return { asOf: facts.asOfDate, actions: recourse.actions as readonly RecourseStep[] };
};
const lastWait = (plan: { asOf: string; actions: readonly RecourseStep[] }) =>
  Math.max(
    0,
    ...plan.actions
      .filter((action) => action.byDate !== null)
      .map((action) => daysBetween(parseLocalDate(plan.asOf), parseLocalDate(action.byDate ?? ''))),
  );

describe('recourse for applicants near the maximum age', () => {
  it('counts the birthdays possible before a date', () => {
    const asOf = parseLocalDate('2026-11-22');
    expect(possibleBirthdays(asOf, undefined)).toBe(0);
    expect(possibleBirthdays(asOf, asOf)).toBe(0);
    expect(possibleBirthdays(asOf, parseLocalDate('2026-11-23'))).toBe(1);
    expect(possibleBirthdays(asOf, parseLocalDate('2027-11-22'))).toBe(1); // 365 days
    expect(possibleBirthdays(asOf, parseLocalDate('2027-11-23'))).toBe(2); // 366 days
  });

  it('offers a 60-year-old no plan that waits (the cash loan stops at 60), but still plans that do not', () => {
    const cashLoan = arbitraryApplicant.filter((facts) => facts.productCode === 'cash_loan');
    let immediate = 0;
    fc.assert(
      fc.property(cashLoan, (drawn) => {
        const plan = planOf({ ...drawn, age: 60, features: { ...drawn.features, age_years: 60 } });
        if (!plan) return;
        expect(lastWait(plan)).toBe(0);
        immediate += 1;
      }),
      { numRuns: 400, seed: 5 },
    );
    expect(immediate).toBeGreaterThan(0);
  });

  it('still offers a 59-year-old waits of up to a year, and none longer', () => {
    const cashLoan = arbitraryApplicant.filter((facts) => facts.productCode === 'cash_loan');
    let waiting = 0;
    fc.assert(
      fc.property(cashLoan, (drawn) => {
        const plan = planOf({ ...drawn, age: 59, features: { ...drawn.features, age_years: 59 } });
        if (!plan) return;
        const days = lastWait(plan);
        expect(days).toBeLessThanOrEqual(365);
        if (days > 0) waiting += 1;
      }),
      { numRuns: 400, seed: 5 },
    );
    expect(waiting).toBeGreaterThan(0);
  });
});
