import { describe, expect, it } from 'vitest';
import { evaluateDecision } from '../../src/decisions/evaluate-decision.ts';
import { createScorer } from '../../src/scoring/index.ts';
import { contextFor } from './applicants.ts';
import { populationApplicants } from './population-applicants.ts';
import { testScorecard } from './scorecard.ts';

/**
 * The demo's calibration (`DEMO_SCALING`): on applicants drawn from the synthetic population (another
 * seed than the scorecard's), the default policy approves a share a lender would run, and the bad rate
 * (30+ days past due in the six months after the decision) rises as scores fall.
 */
describe('decision calibration on the synthetic population', () => {
  const scorer = createScorer(testScorecard());
  const applicants = populationApplicants({ customers: 3_000, seed: 7 });
  const decided = (['cash_loan', 'credit_line'] as const).map((product) =>
    applicants.map((applicant) => ({
      bad: applicant.bad,
      decision: evaluateDecision({ ...applicant.facts, productCode: product }, scorer, contextFor(product), {
        recourse: false,
      }),
    })),
  );

  it('approves 55–75% of cash-loan and of credit-line applications', () => {
    for (const product of decided) {
      const share = product.filter((entry) => entry.decision.outcome === 'approved').length / product.length;
      expect(share).toBeGreaterThanOrEqual(0.55);
      expect(share).toBeLessThanOrEqual(0.75);
    }
  });

  it('has bad rates rising as scores fall (50-point bands), and approves far fewer bads than it declines', () => {
    const bands = new Map<number, { n: number; bads: number }>();
    for (const { bad, decision } of decided[0] ?? []) {
      const band = Math.floor(decision.score.score / 50) * 50;
      const entry = bands.get(band) ?? { n: 0, bads: 0 };
      entry.n += 1;
      entry.bads += bad;
      bands.set(band, entry);
    }
    const rates = [...bands]
      .filter(([, entry]) => entry.n >= 30)
      .sort(([a], [b]) => a - b)
      .map(([band, entry]) => ({ band, rate: entry.bads / entry.n }));
    expect(rates.length).toBeGreaterThanOrEqual(8);
    for (let i = 1; i < rates.length; i += 1)
      expect(rates[i]?.rate, `band ${rates[i]?.band}`).toBeLessThanOrEqual(rates[i - 1]?.rate ?? 1);
    const rate = (approved: boolean) => {
      const group = (decided[0] ?? []).filter(
        (entry) => (entry.decision.outcome === 'approved') === approved,
      );
      return group.reduce((sum, entry) => sum + entry.bad, 0) / group.length;
    };
    expect(rate(true)).toBeLessThan(rate(false) / 2);
  });
});
