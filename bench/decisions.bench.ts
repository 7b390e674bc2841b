import { readFileSync } from 'node:fs';
import { ZenEngine } from '@gorules/zen-engine';
import type { DecisionFacts } from '../src/decisions/decision-facts.ts';
import { evaluateDecision, type EvaluatedDecision } from '../src/decisions/evaluate-decision.ts';
import type { ZenObject } from '../src/policy/index.ts';
import { contextFor, scorer } from '../test/decisions/applicants.ts';
import { populationApplicants } from '../test/decisions/population-applicants.ts';
import { quantile, type BenchSuite, type Measurement } from './harness.ts';

/**
 * A whole in-process decision — score with reasons, policy input, the default policy with its trace, legal
 * cap, the score counterfactual where it can matter, ranked principal reasons — against
 * @gorules/zen-engine evaluating the same policy file on the same policy documents (the policy alone: zen
 * does no scoring and no reasons), run as fast as it goes: its async API with 1 to 1,024 evaluations in
 * flight (it evaluates on native threads), the best of those.
 *
 * Timing is fair under a shared, loaded machine: after warm-up and zen-engine's best concurrency is found,
 * the two sides are timed in alternating rounds, and each side's best round counts.
 *
 * Applicants are drawn from the synthetic population (another seed than the scorecard's), decided six
 * months before the end of their history: their real features, holds and decay instants, both products,
 * and a mix of "the most I can get" and amounts asked for. Recourse runs on every decline, referral and
 * shortfall among them: plans per second, the share with a feasible plan, the median plan cost.
 */

const ROUNDS = 5;
const ROUND_MS = 1_500;

/** Operations per second of a synchronous step over one round of `ms`. */
function syncRound(step: () => void, ms: number): number {
  let ops = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 200; i += 1) step();
    ops += 200;
    elapsed = performance.now() - started;
  }
  return (ops / elapsed) * 1000;
}

/** Evaluations per second over one round of `ms`, keeping `inFlight` evaluations outstanding. */
function asyncRound(inFlight: number, evaluate: () => Promise<unknown>, ms: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let ops = 0;
    let running = 0;
    const started = performance.now();
    const launch = (): void => {
      while (running < inFlight && performance.now() - started < ms) {
        running += 1;
        evaluate().then(() => {
          running -= 1;
          ops += 1;
          const elapsed = performance.now() - started;
          if (elapsed < ms) launch();
          else if (running === 0) resolve((ops / elapsed) * 1000);
        }, reject);
      }
    };
    launch();
  });
}

const suite: BenchSuite = {
  name: 'decisions',
  description:
    'score + policy + reasons per decision vs zen-engine (best concurrency) on the same policy and documents; recourse on population applicants',
  async run(log) {
    const applicants: DecisionFacts[] = populationApplicants({
      customers: 3_000,
      seed: 7,
      requests: [null, null, null, 500_000, 2_000_000, 5_000_000],
    }).map((applicant) => applicant.facts);
    const contexts = applicants.map((facts) => contextFor(facts.productCode as 'cash_loan' | 'credit_line'));
    const decide = (index: number): EvaluatedDecision =>
      evaluateDecision(applicants[index] as DecisionFacts, scorer, contexts[index]!, { recourse: false });

    // What is kept of the decisions before timing: the documents (zen-engine's input), the outcomes and who
    // needs recourse. The decisions themselves (traces and all) are dropped, so neither side is timed with
    // thousands of old decisions on the heap.
    const documents: ZenObject[] = [];
    const expected: Array<{ outcome: string; limit: bigint }> = [];
    const outcomes = { approved: 0, declined: 0, referred: 0 };
    const needing: DecisionFacts[] = [];
    applicants.forEach((facts, index) => {
      const decision = decide(index);
      documents.push(decision.policyDocument);
      expected.push({ outcome: decision.policyResult.outcome, limit: decision.policyResult.computedLimit });
      outcomes[decision.outcome] += 1;
      if (
        decision.outcome !== 'approved' ||
        (decision.input.requestedAmount !== null && decision.limit < decision.input.requestedAmount)
      )
        needing.push(facts);
    });

    // zen-engine gives the same answers on these documents before anything is timed.
    const zen = new ZenEngine().createDecision(
      JSON.parse(readFileSync(new URL('../policies/default/credit-policy.json', import.meta.url), 'utf8')),
    );
    for (let i = 0; i < documents.length; i += 1) {
      const theirs = (await zen.evaluate(documents[i] as ZenObject)).result as {
        outcome: string;
        limit: number;
      };
      const ours = expected[i];
      if (theirs.outcome !== ours?.outcome || BigInt(theirs.limit) !== ours.limit)
        throw new Error(`zen-engine disagrees on applicant ${i}`);
    }

    let w = 0;
    const ours = () => {
      decide(w);
      w = (w + 1) % applicants.length;
    };
    const oursWithTexts = () => {
      // The customer texts of every reason, read (the stored record and the API show them).
      for (const reason of decide(w).reasons) void reason.text.zh.length;
      w = (w + 1) % applicants.length;
    };
    let k = 0;
    const theirs = () => zen.evaluate(documents[k++ % documents.length] as ZenObject);

    // Warm-up, and zen-engine's best concurrency.
    syncRound(ours, ROUND_MS);
    syncRound(oursWithTexts, ROUND_MS);
    const zenByConcurrency: Array<[number, number]> = [];
    for (const inFlight of [1, 16, 64, 256, 1024]) {
      await asyncRound(inFlight, theirs, 500);
      zenByConcurrency.push([inFlight, await asyncRound(inFlight, theirs, ROUND_MS)]);
    }
    const [zenInFlight] = zenByConcurrency.reduce((a, b) => (b[1] > a[1] ? b : a));
    let best = { ours: 0, texts: 0, zen: 0 };
    for (let round = 0; round < ROUNDS; round += 1) {
      best = {
        ours: Math.max(best.ours, syncRound(ours, ROUND_MS)),
        texts: Math.max(best.texts, syncRound(oursWithTexts, ROUND_MS)),
        zen: Math.max(best.zen, await asyncRound(zenInFlight, theirs, ROUND_MS)),
      };
    }

    // Recourse on every decline, referral or shortfall among the applicants.
    const started = performance.now();
    const plans = needing.map(
      (facts) =>
        evaluateDecision(facts, scorer, contextFor(facts.productCode as 'cash_loan' | 'credit_line'))
          .recourse,
    );
    const seconds = (performance.now() - started) / 1000;
    const found = plans.filter((plan) => plan?.status === 'plan');
    const costs = found.map((plan) => plan?.totalCost ?? 0).sort((a, b) => a - b);
    log(
      `applicants: ${applicants.length} from the synthetic population (seed 7, both products, a sixth asking ¥5,000, ¥20,000 or ¥50,000): ${outcomes.approved} approved, ${outcomes.declined} declined, ${outcomes.referred} referred`,
    );
    log(
      `zen-engine by evaluations in flight (one round each): ${zenByConcurrency.map(([n, rate]) => `${n}: ${Math.round(rate)}/s`).join(', ')}; timed at ${zenInFlight} in flight, ${ROUNDS} rounds alternating with ours, best round of each`,
    );
    log(
      `recourse: ${needing.length} need it (declined, referred or short), ${found.length} with a plan, ${plans.filter((p) => p?.status === 'none').length} without`,
    );
    const peerName = `@gorules/zen-engine 0.52.1 (policy only, ${zenInFlight} in flight)`;
    const measurements: Measurement[] = [
      {
        metric:
          'decisions per second, one core (score + reasons + policy with trace + counterfactual + legal cap + ranking)',
        unit: 'decisions/s',
        ours: best.ours,
        peer: best.zen,
        peerName,
        higherIsBetter: true,
        target: '≥ 10× zen-engine and ≥ 20,000/s',
        met: best.ours / best.zen >= 10 && best.ours >= 20_000,
      },
      {
        metric: 'the same, reading every reason text (zh and en)',
        unit: 'decisions/s',
        ours: best.texts,
        peer: best.zen,
        peerName,
        higherIsBetter: true,
      },
      {
        metric:
          'recourse plans per second with the real scorer (declines, referrals and shortfalls, whole decision included)',
        unit: 'plans/s',
        ours: plans.length / seconds,
        higherIsBetter: true,
      },
      {
        metric: 'share of declines, referrals and shortfalls with a feasible plan',
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
