import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { optimalMerge, type MergeConstraints, type Shape } from './optimal-merge.ts';
import { ivTermOf } from './woe.ts';

/** Every partition of `n` prebins into contiguous groups, as lists of exclusive ends. */
function* partitions(n: number): Generator<number[]> {
  // Each of the n − 1 gaps is a cut or not.
  for (let mask = 0; mask < 1 << (n - 1); mask += 1) {
    const ends: number[] = [];
    for (let k = 1; k < n; k += 1) if (mask & (1 << (k - 1))) ends.push(k);
    ends.push(n);
    yield ends;
  }
}

function follows(rates: readonly number[], shape: Shape): boolean {
  const up = (a: number, b: number) => a < b;
  const down = (a: number, b: number) => a > b;
  if (shape === 'none') return true;
  if (shape === 'ascending') return rates.every((r, k) => k === 0 || up(rates[k - 1] ?? 0, r));
  if (shape === 'descending') return rates.every((r, k) => k === 0 || down(rates[k - 1] ?? 0, r));
  // peak: up then down (either leg may be empty); valley: down then up.
  const [first, second] = shape === 'peak' ? [up, down] : [down, up];
  let k = 1;
  while (k < rates.length && first(rates[k - 1] ?? 0, rates[k] ?? 0)) k += 1;
  while (k < rates.length && second(rates[k - 1] ?? 0, rates[k] ?? 0)) k += 1;
  return k >= rates.length;
}

/** The plain reference: try every partition, keep the best feasible one. */
function bruteForce(goods: number[], bads: number[], c: MergeConstraints): number | undefined {
  let best: number | undefined;
  for (const ends of partitions(goods.length)) {
    if (ends.length > c.maxBins) continue;
    let start = 0;
    let iv = 0;
    const rates: number[] = [];
    let ok = true;
    for (const end of ends) {
      const g = goods.slice(start, end).reduce((s, v) => s + v, 0);
      const b = bads.slice(start, end).reduce((s, v) => s + v, 0);
      if (g + b < c.minCount || g < c.minGoods || b < c.minBads) ok = false;
      rates.push(b / (g + b));
      iv += ivTermOf(g, b, c.totalGoods, c.totalBads, c.alpha);
      start = end;
    }
    if (ok && follows(rates, c.shape) && (best === undefined || iv > best)) best = iv;
  }
  return best;
}

const constraintsFor = (
  goods: number[],
  bads: number[],
  shape: Shape,
  maxBins: number,
  minCount: number,
): MergeConstraints => ({
  maxBins,
  minCount,
  minGoods: 1,
  minBads: 1,
  shape,
  alpha: 0.5,
  totalGoods: goods.reduce((s, v) => s + v, 0),
  totalBads: bads.reduce((s, v) => s + v, 0),
});

describe('optimalMerge', () => {
  it('given prebins whose bad rate rises, when merged ascending with room for all, then keeps every prebin', () => {
    const result = optimalMerge(
      [50, 40, 30, 20, 10],
      [5, 8, 10, 12, 15],
      constraintsFor([50, 40, 30, 20, 10], [5, 8, 10, 12, 15], 'ascending', 8, 1),
    );
    expect(result.ends).toEqual([1, 2, 3, 4, 5]);
    expect(result.feasible).toBe(true);
    expect(result.iv).toBeCloseTo(0.720281336510521, 12);
  });

  it('given a dip in the bad rate, when merged ascending, then merges the dip into its neighbour', () => {
    const goods = [50, 40, 45, 20];
    const bads = [5, 10, 5, 15]; // rates 0.09, 0.2, 0.1, 0.43
    const result = optimalMerge(goods, bads, constraintsFor(goods, bads, 'ascending', 8, 1));
    expect(result.ends).toEqual([1, 3, 4]);
  });

  it('given a minimum bin size, when a prebin is too small, then it is merged', () => {
    const goods = [50, 3, 30, 20];
    const bads = [5, 1, 10, 15];
    const result = optimalMerge(goods, bads, constraintsFor(goods, bads, 'ascending', 8, 10));
    expect(result.ends).toEqual([1, 3, 4]);
  });

  it('given constraints nothing meets, then returns one bin and says it was not feasible', () => {
    const result = optimalMerge([10, 10], [0, 0], constraintsFor([10, 10], [0, 0], 'ascending', 8, 1));
    expect(result).toMatchObject({ ends: [2], feasible: false });
  });

  it('finds the same optimum as trying every partition (all shapes, random prebins)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 30 })), {
          minLength: 1,
          maxLength: 9,
        }),
        fc.constantFrom<Shape>('ascending', 'descending', 'peak', 'valley', 'none'),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 40 }),
        (cells, shape, maxBins, minCount) => {
          const prebins = cells.filter(([g, b]) => g + b > 0);
          fc.pre(prebins.length > 0);
          const goods = prebins.map(([g]) => g);
          const bads = prebins.map(([, b]) => b);
          const c = constraintsFor(goods, bads, shape, maxBins, minCount);
          const expected = bruteForce(goods, bads, c);
          const result = optimalMerge(goods, bads, c);
          if (expected === undefined) {
            expect(result.feasible).toBe(false);
          } else {
            expect(result.feasible).toBe(true);
            expect(result.iv).toBeCloseTo(expected, 10);
            // The returned partition is itself feasible and worth what it claims.
            let start = 0;
            const rates: number[] = [];
            let iv = 0;
            for (const end of result.ends) {
              const g = goods.slice(start, end).reduce((s, v) => s + v, 0);
              const b = bads.slice(start, end).reduce((s, v) => s + v, 0);
              expect(g + b).toBeGreaterThanOrEqual(minCount);
              rates.push(b / (g + b));
              iv += ivTermOf(g, b, c.totalGoods, c.totalBads, c.alpha);
              start = end;
            }
            expect(follows(rates, shape)).toBe(true);
            expect(result.ends.length).toBeLessThanOrEqual(maxBins);
            expect(iv).toBeCloseTo(result.iv, 10);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('handles 100 prebins and 8 bins quickly', () => {
    const goods = Array.from({ length: 100 }, (_, k) => 100 + ((k * 37) % 50));
    const bads = Array.from({ length: 100 }, (_, k) => 5 + Math.floor(k / 4) + ((k * 13) % 7));
    const started = performance.now();
    const result = optimalMerge(goods, bads, { ...constraintsFor(goods, bads, 'peak', 8, 500) });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.feasible).toBe(true);
    expect(result.ends.length).toBeLessThanOrEqual(8);
  });
});
