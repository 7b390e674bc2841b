import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fen } from '../platform/money/money.ts';
import { parseRate } from '../platform/money/rate.ts';
import { createComparison, OUTCOMES, type DecidedSide, type Outcome } from './comparison.ts';

const side = (outcome: Outcome, limitYuan: number, apr: string | null, pd: number | null): DecidedSide => ({
  outcome,
  limit: fen(BigInt(limitYuan * 100)),
  apr: apr === null ? null : parseRate(apr),
  pd,
});

describe('champion against challenger, pair by pair', () => {
  it('given five pairs, counts the matrix, the swap sets with both models’ expected bad rate, and the differences', () => {
    const comparison = createComparison();
    // Approved by both: limit +2,000 yuan, price −100 bp.
    comparison.add(side('approved', 10_000, '0.18', 0.02), side('approved', 12_000, '0.17', 0.03));
    // Approved by both, the same terms.
    comparison.add(side('approved', 5_000, '0.146', 0.04), side('approved', 5_000, '0.146', 0.05));
    // Swap-out: approved by the champion, declined by the challenger.
    comparison.add(side('approved', 8_000, '0.2', 0.06), side('declined', 0, null, 0.12));
    // Swap-in: referred by the champion, approved by the challenger.
    comparison.add(side('referred', 0, '0.2', 0.1), side('approved', 3_000, '0.219', 0.08));
    // Declined by both.
    comparison.add(side('declined', 0, null, 0.3), side('declined', 0, null, 0.25));
    const figures = comparison.figures();
    expect(figures.records).toBe(5);
    expect(figures.matrix).toEqual({
      approved: { approved: 2, declined: 1, referred: 0 },
      declined: { approved: 0, declined: 1, referred: 0 },
      referred: { approved: 1, declined: 0, referred: 0 },
    });
    expect(figures.agreed).toBe(3);
    expect(figures.agreementRate).toBe('0.600000');
    expect(figures.approvalRate).toEqual({ champion: '0.600000', challenger: '0.600000' });
    expect(figures.swapIns).toEqual({ count: 1, expectedBadRate: { champion: 0.1, challenger: 0.08 } });
    expect(figures.swapOuts).toEqual({ count: 1, expectedBadRate: { champion: 0.06, challenger: 0.12 } });
    expect(figures.expectedBadRate.champion).toBeCloseTo((0.02 + 0.04 + 0.06) / 3, 12);
    expect(figures.expectedBadRate.challenger).toBeCloseTo((0.03 + 0.05 + 0.08) / 3, 12);
    expect(figures.approvedBoth).toMatchObject({
      count: 2,
      limitHigher: 1,
      limitLower: 0,
      limitSame: 1,
      meanLimitDifferenceFen: 100_000n,
      priceHigher: 0,
      priceLower: 1,
      priceSame: 1,
    });
    // +2,000 yuan falls in [1,000, 10,000); 0 in [0, 1).
    expect(figures.approvedBoth.limitDifferenceYuan.map((bucket) => bucket.count)).toEqual([
      0, 0, 0, 1, 0, 1, 0,
    ]);
    // −100 bp falls in [−200, −50); 0 in [0, 1).
    expect(figures.approvedBoth.priceDifferenceBps.map((bucket) => bucket.count)).toEqual([
      0, 1, 0, 1, 0, 0, 0,
    ]);
  });

  it('property: the matrix adds up to the records, swap sets are its off-diagonal approval cells, buckets add up to the approvals both', () => {
    const pair = fc.record({
      champion: fc.constantFrom(...OUTCOMES),
      challenger: fc.constantFrom(...OUTCOMES),
      limits: fc.tuple(fc.integer({ min: 0, max: 200_000 }), fc.integer({ min: 0, max: 200_000 })),
      prices: fc.tuple(fc.integer({ min: 730, max: 2_400 }), fc.integer({ min: 730, max: 2_400 })),
    });
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 60 }), (pairs) => {
        const comparison = createComparison();
        for (const p of pairs)
          comparison.add(
            side(p.champion, p.limits[0], `0.${String(p.prices[0]).padStart(4, '0')}`, 0.05),
            side(p.challenger, p.limits[1], `0.${String(p.prices[1]).padStart(4, '0')}`, 0.05),
          );
        const figures = comparison.figures();
        const cells = OUTCOMES.flatMap((row) => OUTCOMES.map((column) => figures.matrix[row][column]));
        expect(cells.reduce((a, b) => a + b, 0)).toBe(pairs.length);
        expect(figures.swapIns.count).toBe(
          figures.matrix.declined.approved + figures.matrix.referred.approved,
        );
        expect(figures.swapOuts.count).toBe(
          figures.matrix.approved.declined + figures.matrix.approved.referred,
        );
        const both = figures.approvedBoth;
        expect(both.count).toBe(figures.matrix.approved.approved);
        expect(both.limitHigher + both.limitLower + both.limitSame).toBe(both.count);
        expect(both.limitDifferenceYuan.reduce((a, b) => a + b.count, 0)).toBe(both.count);
        expect(both.priceDifferenceBps.reduce((a, b) => a + b.count, 0)).toBe(both.count);
      }),
    );
  });
});
