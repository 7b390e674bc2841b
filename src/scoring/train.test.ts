import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors/app-error.ts';
import type { Dataset } from './dataset.ts';
import { seededUniform, syntheticCreditData } from './synthetic-data.ts';
import { smallTraining } from './scoring.test-support.ts';
import { DEFAULT_TRAINING, parseTrainingConfig, trainScorecard, type TrainingProgress } from './train.ts';

const target = { column: 'bad', bad: '1', good: ['0'], chosen: 'given' as const };

function caught(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('parseTrainingConfig', () => {
  it('fills in defaults and keeps what was given', () => {
    const config = parseTrainingConfig({ binning: { maxBins: 5 }, features: { age: { cuts: [25, 40] } } });
    expect(config.binning).toEqual({ ...DEFAULT_TRAINING.binning, maxBins: 5 });
    expect(config.features.age?.cuts).toEqual([25, 40]);
    expect(config.scaling.pdo).toBe(40);
  });

  it('names the field of a bad option', () => {
    expect(caught(() => parseTrainingConfig({ binning: { prebins: 500 } })).issues[0]).toMatchObject({
      field: 'config.binning.prebins',
      rule: 'maximum',
    });
    expect(caught(() => parseTrainingConfig({ binnig: {} })).issues[0]).toMatchObject({
      field: 'config.binnig',
      rule: 'unknown-field',
    });
    expect(caught(() => parseTrainingConfig({ binning: { alpha: 0 } })).issues[0]?.field).toBe(
      'config.binning.alpha',
    );
  });
});

describe('trainScorecard', () => {
  it('reports progress through every stage and gives no warnings on clean data', () => {
    const stages = new Set<TrainingProgress['stage']>();
    const data = syntheticCreditData(1500, seededUniform(3));
    const result = trainScorecard(
      { train: data, target, version: 'p', trainedAt: '2026-11-22T02:00:00.000Z' },
      DEFAULT_TRAINING,
      (p) => stages.add(p.stage),
    );
    expect([...stages]).toEqual(['binning', 'selection', 'regression', 'scaling', 'evaluation']);
    expect(result.warnings).toEqual([]);
    expect(result.card.metrics.holdout).toBeNull();
  });

  it('gives every selected feature a negative coefficient on WoE, so a better bin never scores lower', () => {
    const { card } = smallTraining();
    for (const feature of card.features) {
      expect(feature.coefficient).toBeLessThan(0);
      const byWoe = [...feature.bins].filter((b) => b.count > 0).sort((a, b) => a.woe - b.woe);
      for (let k = 1; k < byWoe.length; k += 1)
        expect(byWoe[k]?.points).toBeGreaterThanOrEqual(byWoe[k - 1]?.points ?? 0);
    }
  });

  it('drops a feature with the wrong sign, refits, and says so', () => {
    // Simpson's paradox: B is bad on its own (it comes with A), but good within each level of A, so its
    // coefficient on WoE turns positive once A is in the model.
    const cells: Array<[a: number, b: number, rows: number, bads: number]> = [
      [0, 0, 400, 40],
      [0, 1, 100, 5],
      [1, 0, 100, 60],
      [1, 1, 400, 200],
    ];
    const a: number[] = [];
    const b: number[] = [];
    const y: number[] = [];
    for (const [av, bv, rows, bads] of cells) {
      for (let k = 0; k < rows; k += 1) {
        a.push(av);
        b.push(bv);
        y.push(k < bads ? 1 : 0);
      }
    }
    const data: Dataset = {
      rows: y.length,
      columns: [
        { kind: 'categorical', name: 'a', codes: Int32Array.from(a), levels: ['no', 'yes'] },
        { kind: 'categorical', name: 'b', codes: Int32Array.from(b), levels: ['no', 'yes'] },
      ],
      target: Uint8Array.from(y),
    };
    const result = trainScorecard(
      { train: data, target, version: 'w', trainedAt: '2026-11-22T02:00:00.000Z' },
      { ...DEFAULT_TRAINING, selection: { minIv: 0.02, maxCorrelation: 1, maxVif: 1e9 } },
    );
    expect(result.regression.length).toBe(2);
    expect(result.regression[0]?.fit.coefficients[2]).toBeGreaterThan(0);
    expect(result.card.dropped).toEqual([
      expect.objectContaining({
        feature: 'b',
        reason: 'wrong-sign',
        detail: expect.stringMatching(/^coefficient 0\.\d{4} on WoE is not negative/),
      }),
    ]);
    expect(result.card.features.map((f) => f.name)).toEqual(['a']);
    expect(result.card.training.regression.refits).toBe(1);
  });

  it('uses manual bins and declared special values exactly as configured', () => {
    const data = syntheticCreditData(2000, seededUniform(9));
    const result = trainScorecard(
      { train: data, target, version: 'm', trainedAt: '2026-11-22T02:00:00.000Z' },
      {
        ...DEFAULT_TRAINING,
        features: {
          age: { cuts: [25, 35, 50], dimension: 'relationships' },
          ontime_rate_12m: { special: [-1] },
          home: { groups: [['owner'], ['rent', 'parents'], ['other', 'company']] },
        },
      },
    );
    const age = result.card.features.find((f) => f.name === 'age');
    expect(age?.bins.map((b) => b.text)).toEqual(['(-∞, 25)', '[25, 35)', '[35, 50)', '[50, +∞)', 'missing']);
    expect(age?.trend).toBe('manual');
    expect(age?.dimension).toBe('relationships');
    const home = result.card.features.find((f) => f.name === 'home');
    expect(home?.bins.map((b) => b.text)).toEqual([
      '{owner}',
      '{parents, rent}',
      '{company, other}',
      'missing',
      'unseen category',
    ]);
    expect(
      result.card.features
        .find((f) => f.name === 'ontime_rate_12m')
        ?.bins.some((b) => b.kind === 'special' && b.value === -1),
    ).toBe(true);
  });

  it('refuses one-class data and configuration for a column that does not exist', () => {
    const data = syntheticCreditData(200, seededUniform(1));
    const allGood = { ...data, target: new Uint8Array(data.rows) };
    expect(
      caught(() =>
        trainScorecard({ train: allGood, target, version: 'x', trainedAt: '2026-11-22T02:00:00.000Z' }),
      ).issues[0],
    ).toMatchObject({
      rule: 'two-classes',
    });
    expect(
      caught(() =>
        trainScorecard(
          { train: data, target, version: 'x', trainedAt: '2026-11-22T02:00:00.000Z' },
          { ...DEFAULT_TRAINING, features: { shoe_size: {} } },
        ),
      ).issues[0],
    ).toMatchObject({ field: 'features.shoe_size', rule: 'column-exists' });
  });
});
