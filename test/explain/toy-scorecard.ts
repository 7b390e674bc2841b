import type { ActionableFeature, DecisionOutcome, FeatureRecord } from '../../src/explain/recourse.ts';
import {
  creditPolicyActions,
  withPolicyFeatures,
  type CreditRecourseContext,
} from '../../src/explain/credit-recourse.ts';
import { decideWithPolicy, type PolicyInput } from '../../src/policy/policy-inputs.ts';
import { defaultPolicy } from '../policy/fixtures.ts';

/**
 * A small additive scorecard of our own, standing in for the scoring engine (issue 3) in recourse tests:
 * 600 points plus bin points for applications in 30 days, overdue elsewhere, months of history,
 * utilisation and verification, clamped to 350–950. Its bin edges are the recourse candidates the
 * scoring engine's what-if helpers will provide later.
 */
export const TOY_BIN_EDGES: Readonly<Record<string, readonly number[]>> = {
  inquiries30d: [2, 4, 6],
  overdueAmountElsewhere: [1],
  historyMonths: [6, 12, 24],
  utilisationPct: [30, 60, 90],
  verificationLevel: [3],
};

export function toyScore(features: FeatureRecord): number {
  const inquiries = Number(features.inquiries30d);
  const overdue = Number(features.overdueAmountElsewhere);
  const history = Number(features.historyMonths);
  const utilisation = Number(features.utilisationPct);
  let score = 600;
  score += inquiries < 2 ? 40 : inquiries < 4 ? 20 : inquiries < 6 ? 0 : -40;
  score += overdue < 1 ? 30 : -80;
  score += history < 6 ? -30 : history < 12 ? 0 : history < 24 ? 20 : 40;
  score += utilisation < 30 ? 40 : utilisation < 60 ? 10 : utilisation < 90 ? -20 : -60;
  score += Number(features.verificationLevel) >= 3 ? 10 : 0;
  return Math.min(950, Math.max(350, score));
}

/** Score with the toy scorecard, then decide with the default policy: the function recourse re-runs. */
export function toyDecision(base: PolicyInput): (features: FeatureRecord) => DecisionOutcome {
  return (features) => {
    const input = withPolicyFeatures({ ...base, score: toyScore(features) }, features);
    const { result } = decideWithPolicy(defaultPolicy, input);
    return { outcome: result.outcome, limit: result.limit };
  };
}

/** The credit actions plus the toy scorecard's own actionable feature (utilisation), with bin edges. */
export function toyActions(context: CreditRecourseContext): ActionableFeature[] {
  const actions: ActionableFeature[] = creditPolicyActions(context).map((feature) =>
    TOY_BIN_EDGES[feature.name] ? { ...feature, candidates: TOY_BIN_EDGES[feature.name] } : feature,
  );
  actions.push({
    name: 'utilisationPct',
    mutable: true,
    direction: 'decrease',
    kind: 'integer',
    min: 0,
    max: 100,
    cost: (from, to) => (Number(from) - Number(to)) * 0.5,
    candidates: TOY_BIN_EDGES.utilisationPct,
    action: 'LOWER_UTILISATION',
  });
  return actions;
}
