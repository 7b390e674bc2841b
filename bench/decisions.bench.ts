import { readFileSync } from 'node:fs';
import { ZenEngine } from '@gorules/zen-engine';
import { evaluateDecision, type EvaluatedDecision } from '../src/decisions/evaluate-decision.ts';
import type { DecisionFacts } from '../src/decisions/decision-facts.ts';
import type { ZenObject } from '../src/policy/index.ts';
import fc from 'fast-check';
import { arbitraryApplicant, contextFor, scorer } from '../test/decisions/applicants.ts';
import { quantile, throughput, type BenchSuite, type Measurement } from './harness.ts';

/**
 * A whole in-process decision — scorecard row, score with reasons, policy input, the default policy with
 * its trace, legal cap, ranked principal reasons — against @gorules/zen-engine evaluating the same policy
 * file on the same policy documents (the policy alone: zen does no scoring and no reasons). Then recourse
 * with the real scorer on the declines: plans per second, the share with a feasible plan, the median cost.
 */
const suite: BenchSuite = {
  name: 'decisions',
  description:
    'score + policy + reasons per decision vs zen-engine on the same policy; recourse with the real scorer',
  async run(log) {
    const applicants: DecisionFacts[] = fc.sample(arbitraryApplicant, { numRuns: 2_000, seed: 42 });
    const decided: EvaluatedDecision[] = applicants.map((facts) =>
      evaluateDecision(facts, scorer, contextFor(facts.productCode as 'cash_loan' | 'credit_line'), {
        recourse: false,
      }),
    );
    const documents: ZenObject[] = decided.map((decision) => decision.policyDocument);
    const zen = new ZenEngine().createDecision(
      JSON.parse(readFileSync(new URL('../policies/default/credit-policy.json', import.meta.url), 'utf8')),
    );
    for (let i = 0; i < 200; i += 1) {
      const theirs = ((await zen.evaluate(documents[i] as ZenObject)).result as { outcome: string }).outcome;
      if (theirs !== decided[i]?.outcome) throw new Error(`zen-engine disagrees on applicant ${i}`);
    }
    const contexts = applicants.map((facts) => contextFor(facts.productCode as 'cash_loan' | 'credit_line'));
    let w = 0;
    const one = () => {
      const index = w++ % applicants.length;
      return evaluateDecision(applicants[index] as DecisionFacts, scorer, contexts[index]!, {
        recourse: false,
      });
    };
    await throughput(one, 500);
    await throughput(async () => zen.evaluate(documents[w++ % documents.length] as ZenObject), 500);
    const ours = await throughput(one, 3000);
    let k = 0;
    const theirs = await throughput(
      async () => zen.evaluate(documents[k++ % documents.length] as ZenObject),
      3000,
    );

    // Recourse on every decline or shortfall among the applicants.
    const needing = applicants.filter((_, index) => {
      const decision = decided[index];
      return (
        decision !== undefined &&
        (decision.outcome !== 'approved' ||
          (decision.input.requestedAmount !== null && decision.limit < decision.input.requestedAmount))
      );
    });
    const started = performance.now();
    const plans = needing.map(
      (facts) =>
        evaluateDecision(facts, scorer, contextFor(facts.productCode as 'cash_loan' | 'credit_line'))
          .recourse,
    );
    const seconds = (performance.now() - started) / 1000;
    const found = plans.filter((plan) => plan?.status === 'plan');
    const costs = found.map((plan) => plan?.totalCost ?? 0).sort((a, b) => a - b);
    const outcomes = { approved: 0, declined: 0, referred: 0 };
    for (const decision of decided) outcomes[decision.outcome] += 1;
    log(
      `applicants: ${applicants.length} (synthetic population, seed 99, with drawn applications, arrears, verification, holds): ${outcomes.approved} approved, ${outcomes.declined} declined, ${outcomes.referred} referred`,
    );
    log(
      `recourse: ${needing.length} need it, ${found.length} with a plan, ${plans.filter((p) => p?.status === 'none').length} without`,
    );
    const measurements: Measurement[] = [
      {
        metric:
          'decisions per second, one core (score + reasons + policy with trace + legal cap + ranked reasons)',
        unit: 'decisions/s',
        ours,
        peer: theirs,
        peerName: '@gorules/zen-engine 0.52.1 (policy only, sequential)',
        higherIsBetter: true,
        target: '≥ 10× zen-engine and ≥ 20,000/s',
        met: ours / theirs >= 10 && ours >= 20_000,
      },
      {
        metric:
          'recourse plans per second with the real scorer (declines and shortfalls, whole decision included)',
        unit: 'plans/s',
        ours: plans.length / seconds,
        higherIsBetter: true,
      },
      {
        metric: 'share of declines and shortfalls with a feasible plan',
        unit: '%',
        ours: (100 * found.length) / Math.max(plans.length, 1),
        higherIsBetter: true,
      },
      {
        metric: 'median plan cost (effort points: 1 = a day of waiting or ¥100 repaid)',
        unit: 'points',
        ours: quantile(costs, 0.5),
        higherIsBetter: false,
      },
    ];
    return measurements;
  },
};

export default suite;
