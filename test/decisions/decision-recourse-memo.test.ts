import { describe, expect, it } from 'vitest';
import {
  createRecourseMemo,
  evaluateDecision,
  type RecourseMemo,
} from '../../src/decisions/evaluate-decision.ts';
import { canonical } from '../../src/decisions/replay.ts';
import { contextFor, scorer } from './applicants.ts';
import { populationApplicants } from './population-applicants.ts';

/**
 * The recourse memo gives exactly the plan the search finds: for applicants from the synthetic population
 * (declines, referrals and shortfalls), the decision with the memo — first searched, then remembered —
 * equals the decision searched afresh, and the second time no search runs.
 */
describe('recourse memo', () => {
  it('returns the plan a fresh search finds, and searches once per identical inputs', () => {
    const inner = createRecourseMemo(50);
    let hits = 0;
    const memo: RecourseMemo = {
      get: (policy, s, key) => {
        const found = inner.get(policy, s, key);
        if (found) hits += 1;
        return found;
      },
      set: (policy, s, key, recourse) => inner.set(policy, s, key, recourse),
    };
    const applicants = populationApplicants({
      customers: 400,
      seed: 11,
      requests: [null, 500_000, 2_000_000],
    }).map((applicant) => applicant.facts);
    let searched = 0;
    for (const facts of applicants) {
      const context = contextFor(facts.productCode as 'cash_loan' | 'credit_line');
      const fresh = evaluateDecision(facts, scorer, context);
      if (!fresh.recourse) continue;
      searched += 1;
      const first = evaluateDecision(facts, scorer, context, { recourseMemo: memo });
      const before = hits;
      const second = evaluateDecision(facts, scorer, context, { recourseMemo: memo });
      expect(hits).toBe(before + 1);
      expect(canonical(first.recourse)).toBe(canonical(fresh.recourse));
      expect(canonical(second.recourse)).toBe(canonical(fresh.recourse));
      // Another decision instant on the same date and facts: the same plan.
      const later = evaluateDecision(
        { ...facts, asOf: new Date(Date.parse(facts.asOf) + 60_000).toISOString() },
        scorer,
        context,
        {
          recourseMemo: memo,
        },
      );
      expect(canonical(later.recourse)).toBe(canonical(fresh.recourse));
    }
    expect(searched).toBeGreaterThan(100);
  });

  it('keeps at most its capacity, the oldest going first', () => {
    const memo = createRecourseMemo(2);
    const context = contextFor('cash_loan');
    const plan = {
      status: 'none',
      goal: { kind: 'approval' },
      reason: 'fixed',
      actions: [],
      totalCost: null,
      verified: null,
      text: null,
    } as const;
    for (const key of ['a', 'b', 'c']) memo.set(context.policy, scorer, key, { ...plan });
    expect(memo.get(context.policy, scorer, 'a')).toBeUndefined();
    expect(memo.get(context.policy, scorer, 'b')).toEqual(plan);
    expect(memo.get(context.policy, scorer, 'c')).toEqual(plan);
  });
});
