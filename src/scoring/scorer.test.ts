import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors/app-error.ts';
import { parseScorecard, serializeScorecard } from './scorecard.ts';
import { createScorer, reasonCodeOf, type FeatureValue, type ScoreRow } from './scorer.ts';
import { smallCard } from './scoring.test-support.ts';
import { seededUniform, syntheticCreditData } from './synthetic-data.ts';
import { trainScorecard } from './train.ts';

const card = smallCard();
const scorer = createScorer(card);

/** Random applicants: any number or nothing for numeric features, known or unseen categories. */
const rowArbitrary: fc.Arbitrary<ScoreRow> = fc.record(
  Object.fromEntries(
    card.features.map((feature) => {
      const categories = feature.bins.flatMap((bin) =>
        bin.kind === 'categories' ? [...bin.categories, ...bin.rare] : [],
      );
      const value: fc.Arbitrary<FeatureValue> =
        feature.kind === 'numeric'
          ? fc.oneof(
              fc.double({ min: -10, max: 50_000, noNaN: true }),
              fc.constantFrom<FeatureValue>(null, undefined, Number.NaN, -1),
              fc.constantFrom(
                ...feature.bins.flatMap((bin) =>
                  bin.kind === 'interval' ? [bin.lower ?? -5, bin.upper ?? 1e9] : [],
                ),
              ),
            )
          : fc.oneof(fc.constantFrom<FeatureValue>(...categories, null, 'never-seen', 'NA'));
      return [feature.name, value];
    }),
  ),
);

function pointsOf(row: ScoreRow): { total: number; byFeature: Map<string, number> } {
  let total = card.basePoints;
  const byFeature = new Map<string, number>();
  for (const feature of card.features) {
    const bin = scorer.binOf(feature.name, row[feature.name]);
    total += bin.points;
    byFeature.set(feature.name, bin.points);
  }
  return { total, byFeature };
}

describe('createScorer', () => {
  it('scores every row as exactly the base plus the points of its bins (clamped), with a PD that matches', () => {
    fc.assert(
      fc.property(rowArbitrary, (row) => {
        const result = scorer(row);
        const { total } = pointsOf(row);
        expect(scorer.total(row)).toBe(total);
        expect(result.score).toBe(Math.min(950, Math.max(350, total)));
        expect(Number.isInteger(result.score)).toBe(true);
        expect(result.pd).toBeCloseTo(
          1 / (1 + Math.exp((total - card.scaling.offset) / card.scaling.factor)),
          15,
        );
      }),
      { numRuns: 500 },
    );
  });

  it('builds each sub-score from its own dimension only, on the same scale', () => {
    fc.assert(
      fc.property(rowArbitrary, (row) => {
        const result = scorer(row);
        const { byFeature } = pointsOf(row);
        for (const dimension of ['identity', 'capacity', 'history', 'relationships', 'behaviour'] as const) {
          const own = card.features
            .filter((f) => f.dimension === dimension)
            .reduce((s, f) => s + (byFeature.get(f.name) ?? 0), 0);
          expect(result.subScores[dimension]).toBe(Math.min(950, Math.max(350, card.basePoints + own)));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('ranks up to four reasons by points lost against the best bin, ties to the earlier feature', () => {
    fc.assert(
      fc.property(rowArbitrary, (row) => {
        const result = scorer(row);
        const losses = card.features
          .map((feature, order) => {
            const info = scorer.features[order];
            return {
              feature: feature.name,
              order,
              lost: (info?.maxPoints ?? 0) - scorer.binOf(feature.name, row[feature.name]).points,
            };
          })
          .filter((entry) => entry.lost > 0)
          .sort((a, b) => b.lost - a.lost || a.order - b.order)
          .slice(0, 4);
        expect(result.reasons.map((r) => [r.feature, r.pointsLost])).toEqual(
          losses.map((l) => [l.feature, l.lost]),
        );
        for (const reason of result.reasons) {
          expect(reason.text.en).toContain(`${reason.pointsLost} point`);
          expect(reason.text.zh).toContain(`少 ${reason.pointsLost} 分`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('ranks reasons against the best bin a person can be in: a well-scoring missing bin never sets the bar', () => {
    // Given a card whose missing bin of inquiries_30d scores 17 points above its best interval (as the
    // demo scorecard's did: applicants without bureau consent looked better than those with 0 inquiries)
    const inquiries = card.features.find((feature) => feature.name === 'inquiries_30d');
    if (!inquiries) throw new Error('the small card has inquiries_30d');
    const intervals = inquiries.bins.filter((bin) => bin.kind === 'interval');
    const bestInterval = Math.max(...intervals.map((bin) => bin.points));
    const worstInterval = Math.min(...intervals.map((bin) => bin.points));
    const odd = {
      ...card,
      features: card.features.map((feature) =>
        feature === inquiries
          ? {
              ...feature,
              bins: feature.bins.map((bin) =>
                bin.kind === 'missing'
                  ? { ...bin, points: bestInterval + 17, count: 40, goods: 39, bads: 1 }
                  : bin,
              ),
            }
          : feature,
      ),
    };
    const oddScorer = createScorer(odd);
    const info = oddScorer.features.find((feature) => feature.name === 'inquiries_30d');
    // Then the reference is the best interval, not the missing bin
    expect(info?.bestBin.kind).toBe('interval');
    expect(info?.maxPoints).toBe(bestInterval);
    const best = intervals.find((bin) => bin.points === bestInterval);
    const worst = intervals.find((bin) => bin.points === worstInterval);
    if (best?.kind !== 'interval' || worst?.kind !== 'interval') throw new Error('intervals');
    const valueIn = (bin: { lower: number | null; upper: number | null }) =>
      bin.lower ?? (bin.upper ?? 0) - 1;
    const reasonFor = (value: number | null) =>
      oddScorer({ monthly_income: 3000, inquiries_30d: value }).reasons.find(
        (reason) => reason.feature === 'inquiries_30d',
      );
    // When the applicant is in the best interval, or in the (better-scoring) missing bin: no reason
    expect(reasonFor(valueIn(best))).toBeUndefined();
    expect(reasonFor(null)).toBeUndefined();
    // When in the worst interval: the loss is measured against the best interval
    expect(reasonFor(valueIn(worst))?.pointsLost).toBe(bestInterval - worstInterval);
    expect(reasonFor(valueIn(worst))?.text.en).toContain(`${bestInterval - worstInterval} point`);
  });

  it('never gives a reason for a feature in its best reachable bin, and always measures from it (property)', () => {
    fc.assert(
      fc.property(rowArbitrary, (row) => {
        for (const reason of scorer(row).reasons) {
          const info = scorer.features.find((feature) => feature.name === reason.feature);
          const bin = scorer.binOf(reason.feature, row[reason.feature]);
          expect(info?.bestBin.kind === 'interval' || info?.bestBin.kind === 'categories').toBe(true);
          expect(bin.index).not.toBe(info?.bestBin.index);
          expect(reason.pointsLost).toBe((info?.bestBin.points ?? 0) - bin.points);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('scores rows in other units exactly as the converted rows (scaled), without copying them', () => {
    // Given a caller holding monthly income in fen (the decisions context's unit)
    const inFen = scorer.scaled({ monthly_income: 100, not_a_feature: 7 });
    fc.assert(
      fc.property(rowArbitrary, (row) => {
        const income = row.monthly_income;
        // When a number: the scaled scorer bins income / 100, and reports that value in reasons
        const converted = typeof income === 'number' ? { ...row, monthly_income: income / 100 } : row;
        expect(inFen(row)).toEqual(scorer(converted));
      }),
      { numRuns: 300 },
    );
    expect(() => scorer.scaled({ monthly_income: 0 })).toThrow(/divisor/);
  });

  it('gives a reload of the artefact bit-identical results', () => {
    const reloaded = createScorer(parseScorecard(JSON.parse(serializeScorecard(card))));
    fc.assert(
      fc.property(rowArbitrary, (row) => {
        const a = scorer(row);
        const b = reloaded(row);
        expect(b).toEqual(a);
        expect(Object.is(a.pd, b.pd)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('explains a concrete applicant with exact figures', () => {
    const row = {
      monthly_income: 3000,
      ontime_rate_12m: -1,
      inquiries_30d: 5,
      home: 'rent',
      job: 'partime',
      age: 22,
      tenure_months: 2,
      debt_ratio: 0.5,
    };
    const result = scorer(row);
    const income = scorer.binOf('monthly_income', 3000);
    expect(income.text).toBe('(-∞, 3420)');
    expect(result.reasons[0]).toEqual({
      code: 'CAP-MONTHLY_INCOME',
      feature: 'monthly_income',
      dimension: 'capacity',
      bin: '(-∞, 3420)',
      value: 3000,
      pointsLost: 102,
      text: {
        zh: '您的月收入低于 3420，比最佳区间少 102 分。',
        en: 'Your monthly income is below 3420, 102 points below the best range.',
      },
      params: {
        label: { zh: '月收入', en: 'monthly income' },
        bin: { zh: '低于 3420', en: 'below 3420' },
        pointsLost: 102,
      },
    });
    expect(result.reasons.map((r) => r.code)).toEqual([
      'CAP-MONTHLY_INCOME',
      'BEH-INQUIRIES_30D',
      'CAP-JOB',
      'IDN-AGE',
    ]);
    expect(result.score).toBe(350);
  });

  it('puts values in the right bins: closed-open intervals, specials, missing, unseen categories', () => {
    const bins = scorer.bins('monthly_income');
    const second = bins[1];
    if (second?.kind !== 'interval' || second.lower === null || second.lower === undefined)
      throw new Error('expected an interval');
    expect(scorer.binOf('monthly_income', second.lower).index).toBe(1);
    expect(scorer.binOf('monthly_income', second.lower - 0.001).index).toBe(0);
    expect(scorer.binOf('monthly_income', null).kind).toBe('missing');
    expect(scorer.binOf('monthly_income', Number.NaN).kind).toBe('missing');
    expect(scorer.binOf('monthly_income', 'NA').kind).toBe('missing');
    expect(scorer.binOf('monthly_income', '3000').index).toBe(0);
    expect(scorer.binOf('ontime_rate_12m', -1)).toMatchObject({ kind: 'special', value: -1 });
    expect(scorer.binOf('home', 'igloo')).toMatchObject({ kind: 'unknown', points: 0, count: 0 });
    expect(scorer.binOf('home', ' rent ').categories).toEqual(['rent']);
    expect(scorer.binOf('home', 'company').categories).toEqual(['other', 'company']);
    const locate = scorer.locator('monthly_income');
    for (const value of [3000, second.lower, null, 'NA', 1e9])
      expect(locate(value)).toBe(scorer.binOf('monthly_income', value));
  });

  it('helps recourse: the points a row gains by moving one feature', () => {
    const row = {
      monthly_income: 3000,
      ontime_rate_12m: 0.99,
      inquiries_30d: 0,
      home: 'owner',
      job: 'fixed',
      age: 40,
      tenure_months: 50,
      debt_ratio: 0.3,
    };
    const move = scorer.whatIf(row, 'monthly_income', 13000);
    expect(move.from.points).toBe(-49);
    expect(move.to.points).toBe(53);
    expect(move.pointsGained).toBe(102);
    expect(scorer.pointsGained(row, 'monthly_income', 13000)).toBe(102);
    expect(move.scoreAfter - move.scoreBefore).toBe(102);
    expect(scorer(row).score).toBe(move.scoreBefore);
    expect(scorer({ ...row, monthly_income: 13000 }).score).toBe(move.scoreAfter);
  });

  it('refuses a text that is not a number for a numeric feature, and an unknown feature, naming them', () => {
    const error = (() => {
      try {
        scorer({ monthly_income: 'a lot' });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).issues[0]).toMatchObject({ field: 'monthly_income', rule: 'number' });
    expect(() => scorer.bins('shoe_size')).toThrow(/no feature "shoe_size"/);
  });

  it('takes feature names as data: a feature called "constructor" is read from the row, never inherited', () => {
    const data = syntheticCreditData(1500, seededUniform(2));
    const renamed = {
      ...data,
      columns: data.columns.map((c) => (c.name === 'inquiries_30d' ? { ...c, name: 'constructor' } : c)),
    };
    const odd = trainScorecard({
      train: renamed,
      target: { column: 'bad', bad: '1', good: ['0'], chosen: 'given' },
      version: 'odd',
      trainedAt: '2026-11-22T02:00:00.000Z',
    }).card;
    const oddScorer = createScorer(odd);
    expect(odd.features.map((f) => f.name)).toContain('constructor');
    expect(oddScorer.binOf('constructor', undefined).kind).toBe('missing');
    expect(() => oddScorer({ monthly_income: 5000 })).not.toThrow();
    expect(oddScorer.whatIf({}, 'constructor', 0).from.kind).toBe('missing');
    const withValue = Object.fromEntries([['constructor', 9]]);
    expect(oddScorer.total(withValue)).toBe(
      oddScorer.total({}) -
        oddScorer.binOf('constructor', null).points +
        oddScorer.binOf('constructor', 9).points,
    );
  });

  it('derives stable reason codes from the dimension and the feature name', () => {
    expect(reasonCodeOf('ontime_rate_12m', 'history', 'interval')).toBe('HIS-ONTIME_RATE_12M');
    expect(reasonCodeOf('Income', 'capacity', 'missing')).toBe('CAP-INCOME-MISSING');
    expect(reasonCodeOf('home', 'identity', 'unknown')).toBe('IDN-HOME-UNKNOWN');
  });

  it('serialises a result to JSON with its texts', () => {
    const json = JSON.parse(JSON.stringify(scorer({ monthly_income: 3000 }))) as {
      reasons: Array<{ text: { en: string } }>;
    };
    expect(json.reasons[0]?.text.en).toMatch(/^Your monthly income is below 3420/);
  });
});
