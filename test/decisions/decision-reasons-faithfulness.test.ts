import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { YUAN_FEATURES, type DecisionFacts } from '../../src/decisions/decision-facts.ts';
import { better, evaluateDecision, type EvaluatedDecision } from '../../src/decisions/evaluate-decision.ts';
import { arbitraryApplicant, contextFor, scorer } from './applicants.ts';

/**
 * Faithfulness of the principal reasons: for a declined applicant whose first reason is changeable,
 * changing only the input behind that reason — and nothing else — improves the decision: a better outcome
 * or limit, or (when other knock-outs remain) one knock-out fewer with the first reason gone, or (for the
 * score) a higher score. Reasons are 1–4 for every decline and reduced limit, knock-outs come before score
 * factors, and score factors are listed only when a better score would have given a better decision.
 */

/** Every knock-out the policy found (the principal reasons show at most four). */
const knockouts = (decision: EvaluatedDecision) =>
  decision.policyResult.reasons.filter((hit) => hit.stage === 'knockout').length;

/** The facts with only the input behind `code` changed to what would clear it; null when immutable. */
function changeBehind(facts: DecisionFacts, decision: EvaluatedDecision, code: string): DecisionFacts | null {
  const features = { ...facts.features };
  switch (code) {
    case 'OVERDUE_HERE':
      return { ...facts, features: { ...features, overdue_amount_here: 0 } };
    case 'OVERDUE_ELSEWHERE':
      return { ...facts, features: { ...features, overdue_amount_elsewhere: 0 } };
    case 'MULTI_HEAD_BORROWING':
      return { ...facts, features: { ...features, inquiries_30d: 5 } };
    case 'VERIFICATION_LEVEL_TOO_LOW': {
      const level = decision.input.product.requiredVerificationLevel;
      return {
        ...facts,
        verification: { ...facts.verification, level },
        features: { ...features, verification_level: level },
      };
    }
    case 'ACTIVE_RISK_HOLD':
      return { ...facts, holds: [], features: { ...features, risk_holds_active: 0 } };
    case 'THIN_FILE':
      return { ...facts, features: { ...features, credit_history_months: 3 } };
    case 'SCORE_BELOW_CUTOFF':
    case 'POLICY_TIGHTENED': {
      // The input behind a score reason is the score: the score factor that cost most, moved to its best bin.
      const factor = decision.score.reasons[0];
      if (!factor) return null;
      const best = scorer
        .bins(factor.feature)
        .filter((bin) => bin.count > 0)
        .reduce((a, b) => (b.points > a.points ? b : a));
      const value =
        best.kind === 'interval'
          ? (best.lower ?? (best.upper ?? 0) - 1)
          : best.kind === 'categories'
            ? (best.categories?.[0] ?? null)
            : best.kind === 'special'
              ? (best.value ?? null)
              : null;
      // Money characteristics are in yuan in the row and in fen in the facts.
      const fen = YUAN_FEATURES.has(factor.feature);
      return {
        ...facts,
        features: {
          ...features,
          [factor.feature]: typeof value === 'number' && fen ? Math.round(value * 100) : value,
        },
      };
    }
    default:
      return null; // age, blocklist, a limit below the product's minimum (income): not changeable
  }
}

describe('principal reasons (property, random applicants with the real scorer)', () => {
  it('are 1–4, knock-outs first, and changing the input behind the first one improves the decision', () => {
    let checked = 0;
    const firstCodes = new Set<string>();
    fc.assert(
      fc.property(arbitraryApplicant, (facts) => {
        const context = contextFor(facts.productCode as 'cash_loan' | 'credit_line');
        const decision = evaluateDecision(facts, scorer, context, { recourse: false });
        const shortfall =
          decision.input.requestedAmount !== null && decision.limit < decision.input.requestedAmount;
        if (decision.outcome === 'declined' || shortfall) {
          expect(decision.reasons.length).toBeGreaterThanOrEqual(1);
          expect(decision.reasons.length).toBeLessThanOrEqual(4);
        }
        const kinds = decision.reasons.map((reason) => reason.kind);
        const lastKnockout = kinds.lastIndexOf('knockout');
        const firstScore = kinds.indexOf('score');
        if (decision.outcome === 'declined' && firstScore >= 0)
          expect(firstScore).toBeGreaterThan(lastKnockout);
        if (decision.outcome !== 'declined') return;
        const first = decision.reasons[0];
        if (!first) throw new Error('a decline without reasons');
        const changed = changeBehind(facts, decision, first.code);
        if (!changed) return;
        checked += 1;
        firstCodes.add(first.code);
        const after = evaluateDecision(changed, scorer, context, { recourse: false });
        const improved =
          better(decision, after) ||
          (knockouts(after) < knockouts(decision) &&
            !after.policyResult.reasons.some((hit) => hit.code === first.code)) ||
          after.score.score > decision.score.score;
        expect(improved).toBe(true);
        expect(better(after, decision)).toBe(false);
      }),
      { numRuns: 3_000, seed: 7 },
    );
    expect(checked).toBeGreaterThan(1_000);
    expect([...firstCodes].sort()).toEqual(
      expect.arrayContaining([
        'ACTIVE_RISK_HOLD',
        'MULTI_HEAD_BORROWING',
        'OVERDUE_ELSEWHERE',
        'OVERDUE_HERE',
        'SCORE_BELOW_CUTOFF',
      ]),
    );
  });
});
