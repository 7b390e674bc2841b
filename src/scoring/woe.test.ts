import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ivStrength, ivTermOf, woeOf } from './woe.ts';

describe('WoE = ln(%good / %bad) with smoothing α', () => {
  it('given 30 goods and 10 bads of 300 and 100, then WoE is ln((30.5/300.5)/(10.5/100.5))', () => {
    expect(woeOf(30, 10, 300, 100, 0.5)).toBeCloseTo(Math.log(30.5 / 300.5 / (10.5 / 100.5)), 15);
    expect(woeOf(30, 10, 300, 100, 0.5)).toBeCloseTo(-0.02894, 5);
  });

  it('gives a pure bin a finite WoE and an empty bin WoE 0', () => {
    expect(Number.isFinite(woeOf(50, 0, 300, 100, 0.5))).toBe(true);
    expect(woeOf(50, 0, 300, 100, 0.5)).toBeCloseTo(Math.log(50.5 / 300.5 / (0.5 / 100.5)), 12);
    expect(Number.isFinite(woeOf(0, 50, 300, 100, 0.5))).toBe(true);
    expect(woeOf(0, 0, 300, 100, 0.5)).toBe(0);
  });

  it('gives the bin holding the whole sample WoE 0 and IV 0', () => {
    expect(woeOf(300, 100, 300, 100, 0.5)).toBe(0);
    expect(ivTermOf(300, 100, 300, 100, 0.5)).toBe(0);
  });

  it('positive WoE means more goods than average', () => {
    expect(woeOf(90, 10, 300, 100, 0.5)).toBeGreaterThan(0);
    expect(woeOf(10, 90, 300, 100, 0.5)).toBeLessThan(0);
  });

  it('every IV term is finite and never negative', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        (g, b, extraG, extraB, alpha) => {
          const term = ivTermOf(g, b, g + extraG + 1, b + extraB + 1, alpha);
          expect(Number.isFinite(term)).toBe(true);
          expect(term).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it('reads IV the usual way', () => {
    expect([0.01, 0.05, 0.2, 0.4, 0.6].map(ivStrength)).toEqual([
      'unpredictive',
      'weak',
      'medium',
      'strong',
      'suspicious',
    ]);
  });
});
