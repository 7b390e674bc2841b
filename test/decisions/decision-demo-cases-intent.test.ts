import { describe, expect, it } from 'vitest';
import { DEMO_CASES, DEMO_TIGHTENING, type DemoCaseKey } from '../../src/demo/cases/demo-cases.ts';
import { evaluateDecision, type EvaluatedDecision } from '../../src/decisions/evaluate-decision.ts';
import { contextFor, scorer } from './applicants.ts';
import { demoCaseFacts } from './demo-case-facts.ts';

/**
 * Each demo case keeps its point on whatever day the demo is started, not only on the day the scenario
 * tests pin (2026-11-22): its scripted history is dated relative to the start, but monthly spending and
 * repayments fall on calendar days, so a case tuned on one day could cross a bin edge of the model on
 * another — the tightened-policy customer scored 597 on 6 Dec, below even the usual cut-off, and no longer
 * showed a tightening. Here every case is decided (in memory, as the seeding would write it) on every day
 * of December 2026 and February 2027 — each day of a month of 31 and of 28 days — with the demo model, the
 * default policy and the demo's tightening, and must show what the demo says it shows.
 */

const BASE_CUTOFF = { cash_loan: 600, credit_line: 560 } as const;

type Check = (decision: EvaluatedDecision) => void;
const codes = (decision: EvaluatedDecision) => decision.reasons.map((reason) => reason.code);

const INTENT: Readonly<Record<Exclude<DemoCaseKey, 'outage'>, Check>> = {
  clean_approval: (d) => {
    expect(d.outcome).toBe('approved');
    expect(codes(d)).toEqual([]);
  },
  low_score: (d) => {
    expect(d.outcome).toBe('declined');
    expect(d.score.score).toBeLessThan(BASE_CUTOFF.cash_loan);
    expect(codes(d).slice(0, 2)).toEqual(['OVERDUE_ELSEWHERE', 'SCORE_BELOW_CUTOFF']);
    expect(d.reasons.slice(2).every((reason) => reason.kind === 'score')).toBe(true);
  },
  unverified_phone: (d) => {
    expect(d.outcome).toBe('declined');
    expect(codes(d)).toEqual(['VERIFICATION_LEVEL_TOO_LOW']);
  },
  thin_file: (d) => {
    expect(d.outcome).toBe('declined');
    expect(codes(d)[0]).toBe('THIN_FILE');
  },
  multi_head: (d) => {
    expect(d.outcome).toBe('declined');
    expect(codes(d)).toEqual(['MULTI_HEAD_BORROWING']);
  },
  abnormal_limit_checks: (d) => {
    expect(d.outcome).toBe('declined');
    expect(codes(d)).toEqual(['ACTIVE_RISK_HOLD']);
  },
  tightened_policy: (d) => {
    // The point of the case: a score that clears the usual cut-off but not the tightened one.
    expect(d.outcome).toBe('declined');
    expect(d.policyResult.baseCutoff).toBe(BASE_CUTOFF.cash_loan);
    expect(d.policyResult.cutoff).toBe(BASE_CUTOFF.cash_loan + DEMO_TIGHTENING.cutoffRaise);
    expect(d.score.score).toBeGreaterThanOrEqual(d.policyResult.baseCutoff);
    expect(d.score.score).toBeLessThan(d.policyResult.cutoff);
    expect(codes(d)[0]).toBe('POLICY_TIGHTENED');
  },
  new_user_first_limit: (d) => {
    expect(d.outcome).toBe('approved');
    expect(codes(d)).toEqual(['NEW_USER_RAMP']);
  },
};

/** Every day of December 2026 and February 2027, at 10:00 Shanghai. */
const DAYS: Date[] = [];
for (const [month, days] of [
  ['2026-12', 31],
  ['2027-02', 28],
] as const)
  for (let day = 1; day <= days; day += 1)
    DAYS.push(new Date(`${month}-${String(day).padStart(2, '0')}T02:00:00Z`));

function decide(key: DemoCaseKey, asOf: Date): EvaluatedDecision {
  const demo = DEMO_CASES.find((candidate) => candidate.key === key);
  if (!demo) throw new Error(`no demo case ${key}`);
  const product = demo.product ?? 'cash_loan';
  const facts = demoCaseFacts(demo, asOf, {
    level: key === 'unverified_phone' ? 1 : 3,
    productCode: product,
  });
  return evaluateDecision(
    facts,
    scorer,
    { ...contextFor(product), appetite: DEMO_TIGHTENING },
    {
      recourse: false,
    },
  );
}

describe('demo cases keep their point on every day of the month', () => {
  it('decided in memory on 2026-11-22, each case scores what the seeded scenario tests pin', () => {
    // The same figures as decision-demo-cases.test.ts (decided through the database): the in-memory
    // facts are the seeding's.
    const asOf = new Date('2026-11-22T02:00:00Z');
    const scores = Object.fromEntries(
      Object.keys(INTENT).map((key) => [key, decide(key as DemoCaseKey, asOf).score.score]),
    );
    expect(scores).toEqual({
      clean_approval: 900,
      low_score: 530,
      unverified_phone: 690,
      thin_file: 673,
      multi_head: 749,
      abnormal_limit_checks: 718,
      tightened_policy: 612,
      new_user_first_limit: 829,
    });
  });

  for (const [key, check] of Object.entries(INTENT)) {
    it(`${key}: shows what the demo says on each of ${DAYS.length} days`, () => {
      for (const asOf of DAYS) {
        const decision = decide(key as DemoCaseKey, asOf);
        try {
          check(decision);
        } catch (error) {
          throw new Error(
            `${key} on ${asOf.toISOString().slice(0, 10)}: ${decision.outcome} ${decision.score.score} [${codes(decision).join(', ')}]: ${(error as Error).message}`,
            { cause: error },
          );
        }
      }
    });
  }
});
