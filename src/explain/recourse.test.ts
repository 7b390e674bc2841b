import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findRecourse,
  meetsGoal,
  type ActionableFeature,
  type DecisionFunction,
  type FeatureRecord,
} from './recourse.ts';

/** Approve when a + 2b ≥ t and c ≤ 5; the limit is 100 × (a + 2b). */
function linearDecision(t: number): DecisionFunction {
  return (f) => {
    const total = Number(f.a) + 2 * Number(f.b);
    const approved = total >= t && Number(f.c) <= 5;
    return { outcome: approved ? 'approved' : 'declined', limit: approved ? BigInt(total * 100) : 0n };
  };
}

const feature = (
  name: string,
  direction: 'increase' | 'decrease',
  perUnit: number,
  bounds: { min?: number; max?: number },
): ActionableFeature => ({
  name,
  mutable: true,
  direction,
  kind: 'integer',
  ...bounds,
  cost: (from, to) => Math.abs(Number(to) - Number(from)) * perUnit,
  action: name,
});

describe('recourse search', () => {
  it('finds the cheapest combination, verified, against a brute-force reference (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          a: fc.integer({ min: 0, max: 10 }),
          b: fc.integer({ min: 0, max: 10 }),
          c: fc.integer({ min: 0, max: 12 }),
        }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        (current, t, costA, costB) => {
          const features = [
            feature('a', 'increase', costA, { max: 20 }),
            feature('b', 'increase', costB, { max: 15 }),
            feature('c', 'decrease', 1, { min: 0 }),
          ];
          const decide = linearDecision(t);
          const thresholds = new Map<string, number[]>([
            ['a', Array.from({ length: 21 }, (_, i) => i)],
            ['b', Array.from({ length: 16 }, (_, i) => i)],
            ['c', [5]],
          ]);
          const plan = findRecourse({
            current,
            decide,
            goal: { kind: 'approval' },
            features,
            thresholds,
            maxActions: 3,
            maxCandidatesPerFeature: 64,
          });
          // Brute force over every reachable integer value.
          let best = Number.POSITIVE_INFINITY;
          for (let a = current.a; a <= 20; a += 1)
            for (let b = current.b; b <= 15; b += 1)
              for (let c = current.c; c >= 0; c -= 1) {
                if (!meetsGoal(decide({ a, b, c }), { kind: 'approval' })) continue;
                best = Math.min(best, (a - current.a) * costA + (b - current.b) * costB + (current.c - c));
              }
          if (meetsGoal(decide(current), { kind: 'approval' })) {
            expect(plan.status).toBe('not-needed');
          } else if (best === Number.POSITIVE_INFINITY) {
            expect(plan).toMatchObject({ status: 'none', reason: 'fixed' });
          } else {
            expect(plan.status).toBe('plan');
            if (plan.status !== 'plan') return;
            expect(plan.totalCost).toBe(best);
            const changed: Record<string, number> = { ...current };
            for (const action of plan.actions) changed[action.feature] = Number(action.to);
            expect(meetsGoal(decide(changed), { kind: 'approval' })).toBe(true);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never touches an immutable feature, even when changing it is the only way', () => {
    const decide: DecisionFunction = (f) => ({
      outcome: Number(f.age) >= 18 ? 'approved' : 'declined',
      limit: 0n,
    });
    const plan = findRecourse({
      current: { age: 17 },
      decide,
      goal: { kind: 'approval' },
      features: [{ ...feature('age', 'increase', 1, { max: 100 }), mutable: false }],
      thresholds: new Map([['age', [18]]]),
    });
    expect(plan).toEqual({ status: 'none', reason: 'fixed', evaluations: 1 });
  });

  it('reaches a requested amount, not just any approval', () => {
    const current: FeatureRecord = { a: 10, b: 0, c: 0 };
    const plan = findRecourse({
      current,
      decide: linearDecision(5),
      goal: { kind: 'amount', amount: 1_400n },
      features: [feature('a', 'increase', 3, { max: 20 }), feature('b', 'increase', 5, { max: 15 })],
      thresholds: new Map([
        ['a', [10, 11, 12, 13, 14]],
        ['b', [1, 2]],
      ]),
    });
    expect(plan).toMatchObject({
      status: 'plan',
      totalCost: 10,
      verified: { outcome: 'approved', limit: 1_400n },
    });
    if (plan.status === 'plan')
      expect(plan.actions.map((action) => [action.feature, action.to])).toEqual([['b', 2]]);
  });

  it('says when only a plan with more actions than allowed would work', () => {
    const decide: DecisionFunction = (f) => ({
      outcome: f.x === true && f.y === true && f.z === true ? 'approved' : 'declined',
      limit: 0n,
    });
    const flag = (name: string): ActionableFeature => ({
      name,
      mutable: true,
      direction: 'increase',
      kind: 'boolean',
      cost: () => 1,
      action: name,
    });
    const plan = findRecourse({
      current: { x: false, y: false, z: false },
      decide,
      goal: { kind: 'approval' },
      features: [flag('x'), flag('y'), flag('z')],
      maxActions: 2,
    });
    expect(plan).toMatchObject({ status: 'none', reason: 'too-many-actions' });
  });
});
