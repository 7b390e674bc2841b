import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  binCategorical,
  binNumeric,
  binText,
  DEFAULT_BINNING,
  intervalOf,
  niceCut,
  quantileCuts,
  type FittedBin,
} from './binning.ts';
import type { CategoricalColumn, NumericColumn } from './dataset.ts';

const numeric = (values: number[]): NumericColumn => ({
  kind: 'numeric',
  name: 'x',
  values: Float64Array.from(values),
});
const labels = (values: number[]): Uint8Array => Uint8Array.from(values);

function intervalRates(bins: readonly FittedBin[]): number[] {
  return bins.filter((bin) => bin.kind === 'interval').map((bin) => bin.eventRate);
}

describe('niceCut', () => {
  it('picks the shortest number between two observed values', () => {
    expect(niceCut(129, 131)).toBe(130);
    expect(niceCut(0, 1)).toBe(1);
    expect(niceCut(1234.7, 1300.2)).toBe(1300);
    expect(niceCut(-5, -3)).toBe(-4);
    expect(niceCut(0.123, 0.1234)).toBe(0.1231);
  });

  it('always lies in (below, above]', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
        (below, gap) => {
          const above = below + gap;
          fc.pre(above > below);
          const cut = niceCut(below, above);
          expect(cut).toBeGreaterThan(below);
          expect(cut).toBeLessThanOrEqual(above);
        },
      ),
    );
  });
});

describe('quantile prebinning and intervals', () => {
  it('cuts between distinct values at the quantiles', () => {
    expect(quantileCuts(Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 5)).toEqual([3, 5, 7, 9]);
    // A mass of ties is never split.
    expect(quantileCuts(Float64Array.from([0, 0, 0, 0, 0, 0, 0, 1, 2, 3]), 5)).toEqual([1, 2]);
  });

  it('is closed-open: a value equal to a cut falls in the upper interval', () => {
    expect(intervalOf([10, 20], 9.99)).toBe(0);
    expect(intervalOf([10, 20], 10)).toBe(1);
    expect(intervalOf([10, 20], 19.99)).toBe(1);
    expect(intervalOf([10, 20], 20)).toBe(2);
  });
});

describe('binNumeric', () => {
  it('gives missing values and each special value bins of their own, and bins the rest', () => {
    const values = [Number.NaN, -1, -1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const target = [1, 1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 1, 0, 0, 0];
    const binning = binNumeric(
      numeric(values),
      labels(target),
      { ...DEFAULT_BINNING, minBinShare: 0.1, prebins: 4 },
      [-1],
    );
    const kinds = binning.bins.map((bin) => bin.kind);
    expect(kinds.slice(-2)).toEqual(['special', 'missing']);
    expect(binning.bins.at(-1)).toMatchObject({ kind: 'missing', count: 1, bads: 1 });
    expect(binning.bins.at(-2)).toMatchObject({ kind: 'special', value: -1, count: 2, bads: 1 });
    // The special value never reaches an interval, and intervals cover the line.
    const intervals = binning.bins.filter((bin) => bin.kind === 'interval');
    expect(intervals[0]).toMatchObject({ lower: null });
    expect(intervals.at(-1)).toMatchObject({ upper: null });
    expect(intervals.reduce((s, b) => s + b.count, 0)).toBe(12);
    expect(binning.assignment[0]).toBe(binning.bins.length - 1);
    expect(binning.assignment[1]).toBe(binning.bins.length - 2);
  });

  it('respects manual cut points exactly, without merging or enforcing a trend', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8];
    const target = [0, 1, 0, 1, 1, 0, 0, 1];
    const binning = binNumeric(numeric(values), labels(target), DEFAULT_BINNING, [], [2.5, 5, 7]);
    expect(binning.trend).toBe('manual');
    expect(binning.bins.map((bin) => binText(bin))).toEqual([
      '(-∞, 2.5)',
      '[2.5, 5)',
      '[5, 7)',
      '[7, +∞)',
      'missing',
    ]);
    expect(binning.bins.map((bin) => bin.count)).toEqual([2, 2, 2, 2, 0]);
  });

  it('refuses manual cuts that do not ascend, naming the feature', () => {
    expect(() => binNumeric(numeric([1, 2]), labels([0, 1]), DEFAULT_BINNING, [], [5, 3])).toThrow(/x\.cuts/);
  });

  it('keeps every monotone-constrained feature monotone across its interval bins', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.boolean()), { minLength: 20, maxLength: 300 }),
        fc.constantFrom('ascending', 'descending', 'auto') as fc.Arbitrary<
          'ascending' | 'descending' | 'auto'
        >,
        (rows, trend) => {
          const binning = binNumeric(
            numeric(rows.map(([v]) => v)),
            labels(rows.map(([, bad]) => (bad ? 1 : 0))),
            { ...DEFAULT_BINNING, trend, minBinShare: 0.05, minGoods: 0, minBads: 0 },
          );
          const rates = intervalRates(binning.bins);
          const resolved = binning.trend;
          for (let k = 1; k < rates.length; k += 1) {
            if (resolved === 'ascending') expect(rates[k]).toBeGreaterThan(rates[k - 1] ?? 0);
            if (resolved === 'descending') expect(rates[k]).toBeLessThan(rates[k - 1] ?? 0);
          }
          expect(binning.bins.every((bin) => Number.isFinite(bin.woe))).toBe(true);
          expect(binning.bins.reduce((s, b) => s + b.count, 0)).toBe(rows.length);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('binCategorical', () => {
  const column = (values: Array<string | null>): CategoricalColumn => {
    const levels: string[] = [];
    const codes = values.map((value) => {
      if (value === null) return -1;
      if (!levels.includes(value)) levels.push(value);
      return levels.indexOf(value);
    });
    return { kind: 'categorical', name: 'home', codes: Int32Array.from(codes), levels };
  };

  it('orders categories by bad rate, pools rare ones, and adds missing and unknown bins', () => {
    const values: Array<string | null> = [];
    const target: number[] = [];
    const add = (value: string | null, goods: number, bads: number) => {
      for (let k = 0; k < goods + bads; k += 1) {
        values.push(value);
        target.push(k < goods ? 0 : 1);
      }
    };
    add('owner', 90, 10);
    add('rent', 60, 40);
    add('parents', 80, 20);
    add('boat', 1, 0);
    add(null, 3, 2);
    const binning = binCategorical(column(values), labels(target), { ...DEFAULT_BINNING, minBinShare: 0.05 });
    expect(binning.bins.map((bin) => binText(bin))).toEqual([
      '{owner} + rare {boat}',
      '{parents}',
      '{rent}',
      'missing',
      'unseen category',
    ]);
    expect(binning.bins.at(-1)).toMatchObject({ kind: 'unknown', count: 0, woe: 0 });
    const rates = binning.bins.filter((bin) => bin.kind === 'categories').map((bin) => bin.eventRate);
    expect(rates).toEqual([...rates].sort((a, b) => a - b));
  });

  it('respects manual groups and names a category left out of them', () => {
    const data = column(['a', 'b', 'c', 'a']);
    const binning = binCategorical(data, labels([0, 1, 1, 0]), DEFAULT_BINNING, [['a'], ['b', 'c', 'z']]);
    expect(binning.bins.map((bin) => binText(bin))).toEqual([
      '{a}',
      '{b, c, z}',
      'missing',
      'unseen category',
    ]);
    expect(() => binCategorical(data, labels([0, 1, 1, 0]), DEFAULT_BINNING, [['a'], ['b']])).toThrow(
      /category "c" is in no manual group/,
    );
  });
});
