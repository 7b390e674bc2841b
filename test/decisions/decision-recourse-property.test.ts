import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countsOn, type DecisionFacts } from '../../src/decisions/decision-facts.ts';
import { evaluateDecision, type RecourseStep } from '../../src/decisions/evaluate-decision.ts';
import { businessDateOf, parseLocalDate } from '../../src/platform/time/local-date.ts';
import { arbitraryApplicant, contextFor, DAY_MS, scorer } from './applicants.ts';

/**
 * Recourse with the real scorer (the demo scorecard) and the default policy, for thousands of random
 * applicants: every plan offered to a declined (or short) applicant is verified from the outside — its
 * actions are applied to the applicant's *facts* (not to the search's own feature record) and the whole
 * decision is run again, scorecard row and policy input rebuilt from scratch — and must meet the goal; only
 * mutable inputs move, in their direction, waiting actions carry their date, and "no plan" is said only
 * when even the most favourable reachable facts do not meet the goal.
 */

const APPLICATION_COUNTS = [
  'inquiries_7d',
  'inquiries_30d',
  'inquiries_90d',
  'inquiries_180d',
  'distinct_lenders_7d',
  'distinct_lenders_30d',
  'distinct_lenders_90d',
  'distinct_lenders_180d',
];

/** The facts as they will be once the person has done what the plan says. */
function applyPlan(facts: DecisionFacts, actions: readonly RecourseStep[]): DecisionFacts {
  const features: Record<string, number | string | null> = { ...facts.features };
  let verification = facts.verification;
  let holds = facts.holds;
  for (const action of actions) {
    const to = Number(action.to);
    switch (action.feature) {
      case 'overdueAmountHere':
        features.overdue_amount_here = to;
        break;
      case 'overdueAmountElsewhere':
        features.overdue_amount_elsewhere = to;
        break;
      case 'verificationLevel':
        verification = { ...verification, level: to };
        features.verification_level = to;
        break;
      case 'inquiries30d':
        expect(action.byDate).not.toBeNull();
        Object.assign(features, countsOn(facts, APPLICATION_COUNTS, parseLocalDate(action.byDate ?? '')));
        expect(features.inquiries_30d).toBeLessThanOrEqual(to);
        break;
      case 'historyMonths':
        features.credit_history_months = to;
        break;
      case 'onTimeCycles':
        features.ontime_cycles_here_12m = to;
        break;
      case 'monthlyDebtPayments':
        features.debt_service_monthly = to;
        break;
      case 'hasActiveHold':
        expect(action.byDate).not.toBeNull();
        holds = [];
        break;
      case 'utilisation':
        features.utilisation = to / 100;
        break;
      default:
        features[action.feature] = to;
    }
  }
  return { ...facts, features, verification, holds };
}

/**
 * Everything the person could change, at its most favourable value recourse can reach. Waiting is modelled
 * up to the day the 30-day application count reaches zero (every application count as of that day); a
 * longer wait that would also empty the 90- and 180-day counts is not an action recourse proposes.
 */
function bestReachable(facts: DecisionFacts): DecisionFacts {
  const features: Record<string, number | string | null> = { ...facts.features };
  features.overdue_amount_here = 0;
  features.overdue_amount_elsewhere = 0;
  features.verification_level = 3;
  const lastExpiry = Math.max(...(facts.decay.inquiries_30d ?? []));
  if (Number.isFinite(lastExpiry)) {
    const clear = businessDateOf(new Date(lastExpiry + DAY_MS));
    Object.assign(features, countsOn(facts, APPLICATION_COUNTS, clear));
  }
  features.credit_history_months = 600;
  features.ontime_cycles_here_12m = 600;
  features.debt_service_monthly = 0;
  if (typeof features.utilisation === 'number') features.utilisation = 0;
  return {
    ...facts,
    features,
    verification: { ...facts.verification, level: 3 },
    holds: [],
  };
}

const meets = (
  decision: { outcome: string; limit: bigint },
  goal: { kind: 'approval' } | { kind: 'amount'; amount: string },
) => decision.outcome === 'approved' && (goal.kind === 'approval' || decision.limit >= BigInt(goal.amount));

describe('recourse with the real scorer (property, thousands of random applicants)', () => {
  it('offers only plans that work when re-run on the changed facts, and "no plan" only when nothing reachable works', async () => {
    let needing = 0;
    let planned = 0;
    let fixed = 0;
    await fc.assert(
      fc.asyncProperty(arbitraryApplicant, async (facts) => {
        // A run is pure CPU; yielding between runs lets the worker answer vitest's RPC. Run synchronously,
        // the minute-long loop held the event loop and, on a loaded machine, the worker's report timed out
        // ("Timeout calling onTaskUpdate"), an unhandled error that fails the whole run.
        await new Promise<void>((resolve) => setImmediate(resolve));
        const context = contextFor(facts.productCode as 'cash_loan' | 'credit_line');
        const decision = evaluateDecision(facts, scorer, context, { maxRecourseEvaluations: 600 });
        const recourse = decision.recourse;
        if (!recourse) {
          expect(decision.outcome).toBe('approved');
          return;
        }
        needing += 1;
        if (recourse.status === 'plan') {
          planned += 1;
          for (const action of recourse.actions) {
            expect(['age', 'blocklisted']).not.toContain(action.feature);
            expect(Number(action.to)).not.toBe(Number(action.from));
          }
          const after = evaluateDecision(applyPlan(facts, recourse.actions), scorer, context, {
            recourse: false,
          });
          expect(meets(after, recourse.goal)).toBe(true);
          expect(recourse.verified?.outcome).toBe('approved');
        } else if (recourse.status === 'none' && recourse.reason === 'fixed') {
          fixed += 1;
          const best = evaluateDecision(bestReachable(facts), scorer, context, { recourse: false });
          // The hold only lifts by waiting when it has an end: the generator always gives one.
          expect(meets(best, recourse.goal)).toBe(false);
        }
      }),
      // 5,000 runs are needed, not a habit: with waiting no longer moving the other application counts
      // (changedRow without its countsOn), the first counterexample at this seed is run 4,228 (checked
      // 2026-12-07); an off-by-one in the day a count drops is found at run 37.
      { numRuns: 5_000, seed: 20261122 },
    );
    expect(needing).toBeGreaterThan(1_000);
    expect(planned).toBeGreaterThan(150);
    expect(fixed).toBeGreaterThan(1_000);
    // Thousands of scorer runs: about 70 s when the machine is shared (a timeout, not a target).
  }, 240_000);
});
