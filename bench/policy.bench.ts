import { readFileSync } from 'node:fs';
import { ZenEngine } from '@gorules/zen-engine';
import { policyFeatures } from '../src/explain/credit-recourse.ts';
import { findRecourse, type RecoursePlan } from '../src/explain/recourse.ts';
import { fen } from '../src/platform/money/money.ts';
import { addDays } from '../src/platform/time/local-date.ts';
import { compilePolicy } from '../src/policy/policy-compiler.ts';
import { decideWithPolicy, toPolicyDocument, type PolicyInput } from '../src/policy/policy-inputs.ts';
import type { ZenObject } from '../src/policy/zen-runtime.ts';
import { applicant, decisionDate, defaultPolicy, product } from '../test/policy/fixtures.ts';
import { toyActions, toyDecision } from '../test/explain/toy-scorecard.ts';
import { quantile, throughput, type BenchSuite, type Measurement } from './harness.ts';

/** A deterministic stream of varied applicants (xorshift; no Math.random, so runs compare). */
function applicants(
  count: number,
  seed: number,
): Array<{ input: PolicyInput; utilisationPct: number; inquiryDaysAgo: number[] }> {
  let state = seed >>> 0 || 1;
  const next = (n: number) => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state % n;
  };
  return Array.from({ length: count }, () => {
    const cash = next(2) === 0;
    const inquiryDaysAgo = Array.from({ length: next(10) }, () => next(30));
    return {
      utilisationPct: next(101),
      inquiryDaysAgo,
      input: applicant({
        productType: cash ? 'cash_loan' : 'credit_line',
        product: product(cash ? 'cash_loan' : 'credit_line'),
        score: 400 + next(500),
        verificationLevel: next(4) as 0 | 1 | 2 | 3,
        age: 17 + next(50),
        overdueAmountHere: fen(next(8) === 0 ? BigInt(next(200_000)) : 0n),
        overdueAmountElsewhere: fen(next(6) === 0 ? BigInt(next(200_000)) : 0n),
        inquiries30d: inquiryDaysAgo.length,
        hasActiveHold: next(15) === 0,
        historyMonths: next(60),
        isNewUser: next(3) === 0,
        onTimeCycles: next(24),
        monthlyIncome: fen(BigInt(next(3_000_000))),
        monthlyDebtPayments: fen(BigInt(next(800_000))),
        requestedAmount: next(3) === 0 ? fen(BigInt((1 + next(50)) * 100_000)) : null,
      }),
    };
  });
}

const suite: BenchSuite = {
  name: 'policy',
  description:
    'compiled default credit policy vs @gorules/zen-engine on the same file and inputs; recourse plans',
  async run(log) {
    const file = new URL('../policies/default/credit-policy.json', import.meta.url);
    const document = JSON.parse(readFileSync(file, 'utf8')) as object;
    const population = applicants(2_000, 20261122);
    const documents: ZenObject[] = population.map((entry) => toPolicyDocument(entry.input));

    // Both engines give the same answers on these inputs before anything is timed.
    const zen = new ZenEngine().createDecision(document);
    for (const input of documents.slice(0, 200)) {
      const ours = JSON.stringify(defaultPolicy.evaluate(input).output.outcome);
      const theirs = JSON.stringify(((await zen.evaluate(input)).result as { outcome: unknown }).outcome);
      if (ours !== theirs) throw new Error(`engines disagree: ${ours} vs ${theirs}`);
    }

    const compileStart = performance.now();
    for (let i = 0; i < 20; i += 1) compilePolicy(document);
    const compileMs = (performance.now() - compileStart) / 20;

    // Warm up both engines (JIT, caches) so the order of measurement does not decide the figures.
    let w = 0;
    await throughput(() => defaultPolicy.evaluate(documents[w++ % documents.length] as ZenObject), 500);
    await throughput(
      () =>
        decideWithPolicy(
          defaultPolicy,
          (population[w++ % population.length] as { input: PolicyInput }).input,
        ),
      500,
    );
    await throughput(async () => zen.evaluate(documents[w++ % documents.length] as ZenObject), 500);

    let i = 0;
    const oursEvaluate = await throughput(
      () => defaultPolicy.evaluate(documents[i++ % documents.length] as ZenObject),
      2000,
    );
    let j = 0;
    const oursDecide = await throughput(
      () =>
        decideWithPolicy(
          defaultPolicy,
          (population[j++ % population.length] as { input: PolicyInput }).input,
        ),
      2000,
    );
    let k = 0;
    const zenSequential = await throughput(
      async () => zen.evaluate(documents[k++ % documents.length] as ZenObject),
      2000,
    );
    let m = 0;
    const batch = 64;
    const zenBatched = await throughput(
      async () =>
        Promise.all(
          Array.from({ length: batch }, () => zen.evaluate(documents[m++ % documents.length] as ZenObject)),
        ),
      2000,
      batch,
    );
    log(`compile the default policy (parse, static checks, code generation): ${compileMs.toFixed(1)} ms`);
    log(
      `zen-engine with ${batch} evaluations in flight (it may use several threads): ${Math.round(zenBatched)}/s`,
    );

    // Recourse on declined applicants: plans per second, share with a feasible plan, median cost.
    const declined = population.filter((entry) => {
      const decision = toyDecision(entry.input)({
        ...policyFeatures(entry.input),
        utilisationPct: entry.utilisationPct,
      });
      return decision.outcome !== 'approved';
    });
    const plans: RecoursePlan[] = [];
    const started = performance.now();
    for (const entry of declined) {
      const inquiryDates = entry.inquiryDaysAgo.map((days) => addDays(decisionDate, -days));
      plans.push(
        findRecourse({
          current: { ...policyFeatures(entry.input), utilisationPct: entry.utilisationPct },
          decide: toyDecision(entry.input),
          goal: { kind: 'approval' },
          features: toyActions({ asOf: decisionDate, inquiryDates, holdUntil: addDays(decisionDate, 10) }),
          thresholds: defaultPolicy.thresholds,
        }),
      );
    }
    const recourseSeconds = (performance.now() - started) / 1000;
    const found = plans.filter(
      (plan): plan is Extract<RecoursePlan, { status: 'plan' }> => plan.status === 'plan',
    );
    const costs = found.map((plan) => plan.totalCost).sort((a, b) => a - b);
    const evaluations = plans.reduce(
      (sum, plan) => sum + (plan.status === 'not-needed' ? 0 : plan.evaluations),
      0,
    );
    log(
      `recourse: ${declined.length} declined or referred of ${population.length}; ${found.length} with a plan, ${plans.filter((p) => p.status === 'none').length} without; ${Math.round(evaluations / Math.max(plans.length, 1))} decisions re-run per plan on average`,
    );

    const ratio = oursEvaluate / zenSequential;
    const measurements: Measurement[] = [
      {
        metric: 'default policy evaluations per second, one core (compiled, with trace)',
        unit: 'decisions/s',
        ours: oursEvaluate,
        peer: zenSequential,
        peerName: '@gorules/zen-engine 0.52.1 (sequential)',
        higherIsBetter: true,
        target: '≥ 10× zen-engine and ≥ 20,000/s',
        met: ratio >= 10 && oursEvaluate >= 20_000,
      },
      {
        metric: 'typed decision (PolicyInput → PolicyResult, incl. conversion and output checks)',
        unit: 'decisions/s',
        ours: oursDecide,
        peer: zenSequential,
        peerName: '@gorules/zen-engine 0.52.1 (sequential)',
        higherIsBetter: true,
      },
      {
        metric: 'default policy vs zen-engine with 64 in flight',
        unit: 'decisions/s',
        ours: oursEvaluate,
        peer: zenBatched,
        peerName: '@gorules/zen-engine 0.52.1 (64 concurrent)',
        higherIsBetter: true,
      },
      {
        metric: 'recourse plans per second (toy scorecard + default policy, declined applicants)',
        unit: 'plans/s',
        ours: plans.length / recourseSeconds,
        higherIsBetter: true,
      },
      {
        metric: 'share of declines with a feasible plan',
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
