import { describe, expect, it } from 'vitest';
import type { Appeal } from '../appeals/index.ts';
import { beijingTime, overturnOf } from './me-decisions.ts';
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
