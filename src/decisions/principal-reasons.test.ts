import { describe, expect, it } from 'vitest';
import { fen } from '../platform/money/money.ts';
import { renderReason } from '../policy/index.ts';
import type { ReasonCode } from '../scoring/index.ts';
import { MAX_PRINCIPAL_REASONS, paramJson, principalReasons } from './principal-reasons.ts';

const factor = (feature: string, pointsLost: number): ReasonCode => ({
  code: `BEH-${feature.toUpperCase()}`,
  feature,
  dimension: 'behaviour',
  bin: '[2, +∞)',
  value: 3,
  pointsLost,
  text: { zh: `${feature} 扣 ${pointsLost} 分`, en: `${feature} costs ${pointsLost} points` },
  params: { label: { zh: feature, en: feature }, bin: { zh: '≥2', en: '2 or more' }, pointsLost },
});

describe('principal reasons', () => {
  const hold = renderReason('ACTIVE_RISK_HOLD', { until: null });
  const cutoff = renderReason('SCORE_BELOW_CUTOFF', { score: 540, cutoff: 600 });
  const ramp = renderReason('NEW_USER_RAMP', { limit: fen(500_000n), onTimeCycles: 0 });
  const short = renderReason('LIMIT_BELOW_REQUEST', { limit: fen(500_000n), requested: fen(800_000n) });
  const review = renderReason('REFERRED_FOR_REVIEW', {});

  it('Given a decline, When the score is a cause, Then knock-outs come first and score factors follow by points lost', () => {
    const reasons = principalReasons({
      outcome: 'declined',
      policyReasons: [hold, cutoff],
      scoreReasons: [factor('inquiries_30d', 53), factor('utilisation', 40), factor('city', 9)],
      scoreIsCause: true,
    });
    expect(reasons.map((r) => [r.code, r.kind])).toEqual([
      ['ACTIVE_RISK_HOLD', 'knockout'],
      ['SCORE_BELOW_CUTOFF', 'knockout'],
      ['BEH-INQUIRIES_30D', 'score'],
      ['BEH-UTILISATION', 'score'],
    ]);
    expect(reasons).toHaveLength(MAX_PRINCIPAL_REASONS);
    expect(reasons[2]?.params).toMatchObject({ feature: 'inquiries_30d', pointsLost: 53 });
  });

  it('Given a decline by a rule alone, Then no score factor is listed (the score did not cause it)', () => {
    const reasons = principalReasons({
      outcome: 'declined',
      policyReasons: [hold],
      scoreReasons: [factor('inquiries_30d', 53)],
      scoreIsCause: false,
    });
    expect(reasons.map((r) => r.code)).toEqual(['ACTIVE_RISK_HOLD']);
  });

  it('Given an approval below the request, Then the cap comes before the shortfall, with typed params as JSON', () => {
    const reasons = principalReasons({
      outcome: 'approved',
      policyReasons: [short, ramp],
      scoreReasons: [],
      scoreIsCause: false,
    });
    expect(reasons.map((r) => r.code)).toEqual(['NEW_USER_RAMP', 'LIMIT_BELOW_REQUEST']);
    expect(reasons[1]?.params).toEqual({ limit: '500000', requested: '800000' });
    expect(reasons[1]?.text.en).toBe('You asked for CNY 8,000.00; we can offer CNY 5,000.00 for now.');
  });

  it('Given a referral, Then the review comes first', () => {
    const reasons = principalReasons({
      outcome: 'referred',
      policyReasons: [review],
      scoreReasons: [factor('utilisation', 20)],
      scoreIsCause: true,
    });
    expect(reasons.map((r) => r.code)).toEqual(['REFERRED_FOR_REVIEW', 'BEH-UTILISATION']);
  });

  it('writes rates as exact decimals and fen as strings', () => {
    expect(paramJson({ scale: { num: 4n, den: 5n }, amount: 123n, nested: [{ n: 1n }] })).toEqual({
      scale: '0.8',
      amount: '123',
      nested: [{ n: '1' }],
    });
  });
});
