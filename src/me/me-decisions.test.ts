import { describe, expect, it } from 'vitest';
import type { Appeal } from '../appeals/index.ts';
import type { DecisionRecord } from '../decisions/decision.ts';
import { beijingTime, overturnOf, planSteps } from './me-decisions.ts';
import { scoreBand } from './me-home.ts';

const appeal = (over: Partial<Appeal>): Appeal =>
  ({
    id: 'apl_1',
    decisionId: 'dec_original',
    status: 'resolved',
    resolution: 'overturned',
    overrideDecisionId: 'dec_override',
    recheckDecisionId: 'dec_recheck',
    resolvedAt: new Date('2026-11-22T17:30:00Z'),
    ...over,
  }) as Appeal;

describe('the customer view of decisions (pure)', () => {
  it('finds the decision an overturn put in place, dated on the Beijing business date', () => {
    expect(overturnOf([appeal({})], 'dec_original')).toEqual({
      decisionId: 'dec_override',
      on: '2026-11-23',
    });
    expect(overturnOf([appeal({ resolution: 'overturned_by_recheck' })], 'dec_original')).toEqual({
      decisionId: 'dec_recheck',
      on: '2026-11-23',
    });
  });

  it('finds no overturn for an upheld, open or other decision’s appeal', () => {
    expect(overturnOf([appeal({ resolution: 'upheld' })], 'dec_original')).toBeNull();
    expect(overturnOf([appeal({ status: 'in_review', resolution: null })], 'dec_original')).toBeNull();
    expect(overturnOf([appeal({})], 'dec_other')).toBeNull();
  });

  it('writes times in Beijing time (UTC+8)', () => {
    expect(beijingTime(new Date('2026-11-22T02:30:00Z'))).toBe('10:30');
    expect(beijingTime(new Date('2026-11-22T16:05:00Z'))).toBe('00:05');
  });

  it('bands scores at 550, 650 and 750', () => {
    expect([349, 549, 550, 649, 650, 749, 750, 950].map(scoreBand)).toEqual([
      'poor',
      'poor',
      'fair',
      'fair',
      'good',
      'good',
      'excellent',
      'excellent',
    ]);
  });
});

describe('a plan step is done only when the person has done it', () => {
  // The plan states a ratio in whole percentage points (from 98 to 14); the feature record holds 0.98.
  const record = {
    recourse: {
      status: 'plan',
      goal: { kind: 'approval' },
      reason: null,
      totalCost: 42,
      verified: { outcome: 'approved', limit: '5000.00' },
      text: null,
      actions: [
        {
          code: 'LOWER_UTILISATION_RATIO',
          feature: 'utilisation',
          from: 98,
          to: 14,
          byDate: null,
          cost: 42,
          params: { percent: 14 },
          text: { zh: '还掉部分欠款', en: 'Pay your balances down' },
        },
        {
          code: 'REPAY_ON_TIME',
          feature: 'onTimeCycles',
          from: 0,
          to: 3,
          byDate: '2027-03-01',
          cost: 90,
          params: { cycles: 3 },
          text: { zh: '按时还款', en: 'Repay on time' },
        },
      ],
    },
  } as unknown as DecisionRecord;

  it('compares a ratio in the plan’s units: 98 % used is not "14 % or less"', () => {
    // Before: 0.98 <= 14 read as done.
    const [lower, repay] = planSteps(record, { utilisation: 0.98, onTimeCycles: 2 });
    expect(lower?.done).toBe(false);
    expect(repay).toMatchObject({ done: false, progress: { done: 2, total: 3 } });
  });

  it('says done once the ratio is at or below the target, and counts reached', () => {
    const [lower, repay] = planSteps(record, { utilisation: 0.14, onTimeCycles: 3 });
    expect(lower?.done).toBe(true);
    expect(repay).toMatchObject({ done: true, progress: { done: 3, total: 3 } });
    expect(planSteps(record, { utilisation: 0.15 })[0]?.done).toBe(false);
  });

  it('says nothing is done when the record lacks the feature', () => {
    expect(planSteps(record, {}).map((step) => step.done)).toEqual([false, false]);
    expect(planSteps(record, null).map((step) => step.done)).toEqual([false, false]);
  });
});
