import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { AppError } from '../platform/errors/app-error.ts';
import type { LocalizedText } from '../platform/i18n/localized.ts';
import {
  binCategorical,
  binNumeric,
  binText,
  DEFAULT_BINNING,
  validateBinningOptions,
  type BinningOptions,
  type FeatureBinning,
  type ManualBins,
  type Trend,
} from './binning.ts';
import { fingerprintDataset, type Dataset, type TargetInfo } from './dataset.ts';
import {
  DEFAULT_DIMENSION_MAPPING,
  DIMENSIONS,
  dimensionOf,
  validateDimensionMapping,
  type Dimension,
  type DimensionMapping,
} from './dimensions.ts';
import { sampleMetrics, scoreDataset } from './evaluation.ts';
import {
  DEFAULT_SELECTION,
  selectFeatures,
  type DroppedFeature,
  type SelectionOptions,
} from './feature-selection.ts';
import { DEFAULT_LOGISTIC, fitLogistic, type LogisticFit } from './logistic-regression.ts';
import { defaultLabel } from './reason-messages.ts';
import { DEFAULT_SCALING, roundPoints, scalingOf, type ScalingOptions } from './scaling.ts';
import {
  schemaIssues,
  sealScorecard,
  type Scorecard,
  type ScorecardBin,
  type ScorecardFeature,
} from './scorecard.ts';
import { createScorer } from './scorer.ts';

/** Per-feature settings: manual bins, trend, special values, dimension, customer-facing label. */
export interface FeatureSettings {
  readonly trend?: Trend;
  readonly cuts?: readonly number[];
  readonly groups?: ReadonlyArray<readonly string[]>;
  readonly special?: readonly number[];
  readonly dimension?: Dimension;
  readonly label?: LocalizedText;
  /** How reason texts show the feature's values (see `ScorecardFeature.valueFormat`). */
  readonly valueFormat?: 'percent' | 'yuan';
}

export interface RegressionOptions {
  readonly l2: number;
  readonly maxIterations: number;
  readonly tolerance: number;
  /** When set, features with a larger Wald p-value are dropped one at a time and the model refitted. */
  readonly maxPValue: number | null;
}

/** Everything training can be told; every field has a default. */
export interface TrainingConfig {
  readonly binning: BinningOptions;
  readonly selection: SelectionOptions;
  readonly regression: RegressionOptions;
  readonly scaling: ScalingOptions;
  readonly dimensions: DimensionMapping;
  readonly features: Readonly<Record<string, FeatureSettings>>;
}

export const DEFAULT_TRAINING: TrainingConfig = {
  binning: DEFAULT_BINNING,
  selection: DEFAULT_SELECTION,
  regression: { ...DEFAULT_LOGISTIC, maxPValue: null },
  scaling: DEFAULT_SCALING,
  dimensions: DEFAULT_DIMENSION_MAPPING,
  features: {},
};

const DimensionEnum = Type.Unsafe<Dimension>({ type: 'string', enum: [...DIMENSIONS] });
const TrendEnum = Type.Unsafe<Trend>({
  type: 'string',
  enum: ['auto', 'ascending', 'descending', 'peak', 'valley', 'none'],
});
const Closed = <P extends Parameters<typeof Type.Object>[0]>(properties: P) =>
  Type.Object(properties, { additionalProperties: false });

/** The training configuration file (`train --config`): every field optional, defaults filled in. */
export const TrainingConfigSchema = Closed({
  binning: Type.Optional(
    Closed({
      prebins: Type.Optional(Type.Integer({ minimum: 2, maximum: 100 })),
      maxBins: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
      minBinShare: Type.Optional(Type.Number({ minimum: 0, maximum: 0.49 })),
      minGoods: Type.Optional(Type.Integer({ minimum: 0 })),
      minBads: Type.Optional(Type.Integer({ minimum: 0 })),
      trend: Type.Optional(TrendEnum),
      rareCategoryShare: Type.Optional(Type.Number({ minimum: 0, maximum: 0.49 })),
      alpha: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    }),
  ),
  selection: Type.Optional(
    Closed({
      minIv: Type.Optional(Type.Number({ minimum: 0 })),
      maxCorrelation: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
      maxVif: Type.Optional(Type.Number({ minimum: 1 })),
    }),
  ),
  regression: Type.Optional(
    Closed({
      l2: Type.Optional(Type.Number({ minimum: 0 })),
      maxIterations: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
      tolerance: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
      maxPValue: Type.Optional(Type.Union([Type.Number({ exclusiveMinimum: 0, maximum: 1 }), Type.Null()])),
    }),
  ),
  scaling: Type.Optional(
    Closed({
      baseScore: Type.Optional(Type.Number()),
      baseOdds: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
      pdo: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
      minScore: Type.Optional(Type.Integer()),
      maxScore: Type.Optional(Type.Integer()),
    }),
  ),
  dimensions: Type.Optional(
    Closed({
      rules: Type.Optional(
        Type.Array(Closed({ pattern: Type.String({ minLength: 1 }), dimension: DimensionEnum })),
      ),
      fallback: Type.Optional(DimensionEnum),
      overrides: Type.Optional(Type.Record(Type.String(), DimensionEnum)),
    }),
  ),
  features: Type.Optional(
    Type.Record(
      Type.String(),
      Closed({
        trend: Type.Optional(TrendEnum),
        cuts: Type.Optional(Type.Array(Type.Number())),
        groups: Type.Optional(Type.Array(Type.Array(Type.String(), { minItems: 1 }))),
        special: Type.Optional(Type.Array(Type.Number())),
        dimension: Type.Optional(DimensionEnum),
        label: Type.Optional(
          Closed({ zh: Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) }),
        ),
      }),
    ),
  ),
});

export type TrainingConfigInput = Static<typeof TrainingConfigSchema>;

/** Reads a training configuration (from a file or a request), filling in the defaults. */
export function parseTrainingConfig(json: unknown): TrainingConfig {
  if (!Value.Check(TrainingConfigSchema, json)) {
    const issues = schemaIssues(Value.Errors(TrainingConfigSchema, json), 'config', 'config');
    throw new AppError(
      'VALIDATION_FAILED',
      `invalid training configuration: ${issues.map((i) => `${i.field} ${i.message}`).join('; ')}`,
      { issues },
    );
  }
  const input = json;
  const config: TrainingConfig = {
    binning: { ...DEFAULT_BINNING, ...input.binning },
    selection: { ...DEFAULT_SELECTION, ...input.selection },
    regression: { ...DEFAULT_TRAINING.regression, ...input.regression },
    scaling: { ...DEFAULT_SCALING, ...input.scaling },
    dimensions: {
      rules: input.dimensions?.rules ?? DEFAULT_DIMENSION_MAPPING.rules,
      fallback: input.dimensions?.fallback ?? DEFAULT_DIMENSION_MAPPING.fallback,
      overrides: input.dimensions?.overrides ?? {},
    },
    features: input.features ?? {},
  };
  validateBinningOptions(config.binning);
  validateDimensionMapping(config.dimensions);
  scalingOf(config.scaling);
  return config;
}

/** A stage of training, for progress bars. */
export interface TrainingProgress {
  readonly stage: 'binning' | 'selection' | 'regression' | 'scaling' | 'evaluation';
  readonly done: number;
  readonly total: number;
  readonly detail?: string;
}

export interface TrainingInput {
  readonly train: Dataset;
  /** A labelled holdout sample; its metrics go into the artefact. */
  readonly holdout?: Dataset;
  readonly target: TargetInfo;
  readonly version: string;
  /** RFC 3339 instant, from the Clock of the caller. */
  readonly trainedAt: string;
  /** Columns the user excluded (reported as dropped). */
  readonly excluded?: readonly string[];
  /** Fingerprint of the source data; computed from `train` when omitted. */
  readonly fingerprint?: string;
  /** Extra options to record in the artefact (e.g. the command line's). */
  readonly recordedOptions?: Readonly<Record<string, unknown>>;
}

/** One refit of the regression, for the training report. */
export interface RegressionStep {
  readonly features: readonly string[];
  readonly fit: LogisticFit;
  /** The feature dropped after this fit, and why. */
  readonly dropped?: DroppedFeature;
}

export interface TrainingResult {
  readonly card: Scorecard;
  /** Every feature's binning, including those not selected (for the report). */
  readonly binnings: readonly FeatureBinning[];
  readonly regression: readonly RegressionStep[];
  /** Messages a person should read: features kept in one bin, a non-converged fit, … */
  readonly warnings: readonly string[];
}

function finiteOrNull(value: number | undefined): number | null {
  return value !== undefined && Number.isFinite(value) ? value : null;
}

/** A feature's settings: own entries only, so a feature called `constructor` inherits nothing. */
function settingsOf(config: TrainingConfig, feature: string): FeatureSettings | undefined {
  return Object.hasOwn(config.features, feature) ? config.features[feature] : undefined;
}

function manualOf(settings: FeatureSettings | undefined): ManualBins | undefined {
  if (settings?.cuts !== undefined) return { cuts: settings.cuts };
  if (settings?.groups !== undefined) return { groups: settings.groups };
  return undefined;
}

/** Bins one column as the configuration says (its trend, special values, manual cuts or groups). */
function binColumn(
  config: TrainingConfig,
  column: TrainingInput['train']['columns'][number],
  target: TrainingInput['train']['target'],
): FeatureBinning {
  const settings = settingsOf(config, column.name);
  const options = settings?.trend ? { ...config.binning, trend: settings.trend } : config.binning;
  const manual = manualOf(settings);
  if (column.kind === 'numeric') {
    if (manual && 'groups' in manual) {
      throw AppError.invalid(
        `features.${column.name}.groups`,
        'numeric-cuts',
        'a numeric feature takes cut points, not groups',
      );
    }
    return binNumeric(column, target, options, settings?.special ?? [], manual?.cuts);
  }
  if (manual && 'cuts' in manual) {
    throw AppError.invalid(
      `features.${column.name}.cuts`,
      'categorical-groups',
      'a categorical feature takes groups, not cut points',
    );
  }
  if (settings?.special && settings.special.length > 0) {
    throw AppError.invalid(
      `features.${column.name}.special`,
      'numeric-special',
      'special values apply to numeric features; a categorical value is its own category already',
    );
  }
  return binCategorical(column, target, options, manual?.groups);
}

/**
 * The feature to drop before refitting: the wrong-signed one with the largest p-value, else (when a
 * maximum is set) the least significant one above it; none when the fit stands.
 */
function regressionDropOf(
  features: readonly string[],
  fit: LogisticFit,
  maxPValue: number | null,
): DroppedFeature | undefined {
  // WoE is ln(good/bad) and the model predicts a bad, so every slope should be negative.
  let worst = -1;
  for (let j = 0; j < features.length; j += 1) {
    const beta = fit.coefficients[j + 1] ?? 0;
    if (beta >= 0 && (worst < 0 || (fit.pValues[j + 1] ?? 1) >= (fit.pValues[worst + 1] ?? 1))) worst = j;
  }
  if (worst >= 0) {
    return {
      feature: features[worst] ?? '',
      reason: 'wrong-sign',
      detail: `coefficient ${(fit.coefficients[worst + 1] ?? 0).toFixed(4)} on WoE is not negative (p = ${(fit.pValues[worst + 1] ?? Number.NaN).toPrecision(3)}); a better bin must never lower the score`,
    };
  }
  if (maxPValue !== null) {
    let least = -1;
    for (let j = 0; j < features.length; j += 1) {
      const p = fit.pValues[j + 1] ?? 0;
      if (p > maxPValue && (least < 0 || p > (fit.pValues[least + 1] ?? 0))) least = j;
    }
    if (least >= 0) {
      return {
        feature: features[least] ?? '',
        reason: 'not-significant',
        detail: `Wald p-value ${(fit.pValues[least + 1] ?? Number.NaN).toPrecision(3)} exceeds ${maxPValue}`,
      };
    }
  }
  return undefined;
}

/** One feature of the artefact: its bins with their statistics and rounded points, and its fit. */
function scorecardFeatureOf(
  config: TrainingConfig,
  binning: FeatureBinning,
  j: number,
  fit: LogisticFit,
  points: readonly number[],
): ScorecardFeature {
  const feature = binning.feature;
  const settings = settingsOf(config, feature);
  const bins: ScorecardBin[] = binning.bins.map((bin, b) => {
    const stats = {
      text: binText(bin),
      count: bin.count,
      goods: bin.goods,
      bads: bin.bads,
      eventRate: bin.eventRate,
      woe: bin.woe,
      iv: bin.iv,
      points: points[b] ?? 0,
    };
    switch (bin.kind) {
      case 'interval':
        return { kind: 'interval', lower: bin.lower, upper: bin.upper, ...stats };
      case 'special':
        return { kind: 'special', value: bin.value, ...stats };
      case 'categories':
        return { kind: 'categories', categories: [...bin.categories], rare: [...bin.rare], ...stats };
      case 'missing':
        return { kind: 'missing', ...stats };
      case 'unknown':
        return { kind: 'unknown', ...stats };
    }
  });
  return {
    name: feature,
    kind: binning.kind,
    dimension: settings?.dimension ?? dimensionOf(config.dimensions, feature),
    label: settings?.label ?? defaultLabel(feature),
    ...(settings?.valueFormat ? { valueFormat: settings.valueFormat } : {}),
    trend: binning.trend,
    iv: binning.iv,
    coefficient: fit.coefficients[j + 1] ?? 0,
    standardError: finiteOrNull(fit.standardErrors[j + 1]),
    pValue: finiteOrNull(fit.pValues[j + 1]),
    bins,
  };
}

/** The largest rounding error of a training row: its base error plus the error of each of its bins. */
function trainingRoundingMax(
  rows: number,
  features: readonly string[],
  binningOf: ReadonlyMap<string, FeatureBinning>,
  exactBase: number,
  exactPoints: ReadonlyArray<readonly number[]>,
  rounded: { readonly basePoints: number; readonly points: ReadonlyArray<readonly number[]> },
): number {
  // The rounding error of each row: base error plus the error of each of its bins.
  const rowError = new Float64Array(rows).fill(rounded.basePoints - exactBase);
  features.forEach((feature, j) => {
    const assignment = binningOf.get(feature)?.assignment ?? new Uint16Array(rows);
    const binError = Float64Array.from(
      exactPoints[j] ?? [],
      (exact, b) => (rounded.points[j]?.[b] ?? 0) - exact,
    );
    for (let i = 0; i < rows; i += 1) rowError[i] = (rowError[i] ?? 0) + (binError[assignment[i] ?? 0] ?? 0);
  });
  let trainingMax = 0;
  for (let i = 0; i < rows; i += 1) trainingMax = Math.max(trainingMax, Math.abs(rowError[i] ?? 0));
  return trainingMax;
}

/** What training produced, for the artefact. */
interface Fitted {
  readonly scaling: ReturnType<typeof scalingOf>;
  readonly fit: LogisticFit;
  readonly basePoints: number;
  readonly features: ScorecardFeature[];
  readonly dropped: DroppedFeature[];
  readonly bads: number;
  readonly refits: number;
  readonly rounding: { readonly worstCase: number; readonly trainingMax: number };
}

/** The artefact without its metrics and hash: what was trained, how, and on what. */
function draftOf(input: TrainingInput, config: TrainingConfig, fitted: Fitted) {
  const { train } = input;
  const options: Record<string, unknown> = {
    binning: config.binning,
    selection: config.selection,
    regression: config.regression,
    features: config.features,
    ...(input.recordedOptions ?? {}),
  };
  return {
    schema: 'credence.scorecard/1' as const,
    version: input.version,
    trainedAt: input.trainedAt,
    target: { column: input.target.column, bad: input.target.bad, good: [...input.target.good] },
    scaling: {
      baseScore: fitted.scaling.baseScore,
      baseOdds: fitted.scaling.baseOdds,
      pdo: fitted.scaling.pdo,
      minScore: fitted.scaling.minScore,
      maxScore: fitted.scaling.maxScore,
      factor: fitted.scaling.factor,
      offset: fitted.scaling.offset,
    },
    smoothing: { alpha: config.binning.alpha },
    intercept: fitted.fit.coefficients[0] ?? 0,
    basePoints: fitted.basePoints,
    features: fitted.features,
    dropped: fitted.dropped,
    dimensions: {
      rules: config.dimensions.rules.map((rule) => ({ pattern: rule.pattern, dimension: rule.dimension })),
      fallback: config.dimensions.fallback,
      overrides: { ...config.dimensions.overrides },
    },
    training: {
      rows: train.rows,
      goods: train.rows - fitted.bads,
      bads: fitted.bads,
      fingerprint: input.fingerprint ?? fingerprintDataset(train),
      columns: train.columns.map((column) => column.name),
      options: JSON.parse(JSON.stringify(options)) as Record<string, unknown>,
      regression: {
        l2: config.regression.l2,
        iterations: fitted.fit.iterations,
        converged: fitted.fit.converged,
        logLikelihood: fitted.fit.logLikelihood,
        gradientNorm: fitted.fit.gradientNorm,
        refits: fitted.refits,
      },
    },
    rounding: fitted.rounding,
  };
}

/**
 * Trains a scorecard: bins every feature, selects by IV / correlation / VIF, fits the logistic regression
 * on WoE (dropping wrong-signed, and optionally insignificant, features one at a time and refitting),
 * scales to points, rounds them, and measures the result on the training and holdout samples.
 */
export function trainScorecard(
  input: TrainingInput,
  config: TrainingConfig = DEFAULT_TRAINING,
  onProgress: (progress: TrainingProgress) => void = () => undefined,
): TrainingResult {
  const { train } = input;
  validateBinningOptions(config.binning);
  const scaling = scalingOf(config.scaling);
  const warnings: string[] = [];
  for (const name of Object.keys(config.features)) {
    if (!train.columns.some((column) => column.name === name)) {
      throw AppError.invalid(
        `features.${name}`,
        'column-exists',
        `the configuration names "${name}", which is not a feature of the data`,
      );
    }
  }
  let bads = 0;
  for (let i = 0; i < train.rows; i += 1) bads += train.target[i] ?? 0;
  if (bads === 0 || bads === train.rows) {
    throw AppError.invalid(
      'target',
      'two-classes',
      `the training data has ${bads === 0 ? 'no bads' : 'no goods'}; a scorecard needs both`,
    );
  }

  // 1. Binning.
  const binnings: FeatureBinning[] = [];
  train.columns.forEach((column, k) => {
    const binning = binColumn(config, column, train.target);
    if (!binning.feasible) {
      warnings.push(`${column.name}: no binning met the constraints; its values were kept in one bin`);
    }
    binnings.push(binning);
    onProgress({ stage: 'binning', done: k + 1, total: train.columns.length, detail: column.name });
  });

  // 2. Selection.
  const woeColumns = new Map<string, Float64Array>();
  for (const binning of binnings) {
    const woe = new Float64Array(binning.assignment.length);
    for (let i = 0; i < woe.length; i += 1) woe[i] = binning.bins[binning.assignment[i] ?? 0]?.woe ?? 0;
    woeColumns.set(binning.feature, woe);
  }
  const selection = selectFeatures(
    binnings.map((binning) => ({
      feature: binning.feature,
      iv: binning.iv,
      woe: woeColumns.get(binning.feature) ?? new Float64Array(),
    })),
    config.selection,
  );
  const dropped: DroppedFeature[] = [
    ...(input.excluded ?? []).map((feature) => ({
      feature,
      reason: 'excluded' as const,
      detail: 'excluded by the user',
    })),
    ...selection.dropped,
  ];
  onProgress({
    stage: 'selection',
    done: 1,
    total: 1,
    detail: `${selection.kept.length} of ${binnings.length} kept`,
  });

  // 3. Regression, refitted while a coefficient has the wrong sign (or is insignificant, if asked).
  let features = selection.kept.map((candidate) => candidate.feature);
  const steps: RegressionStep[] = [];
  let fit: LogisticFit;
  let start: number[] | undefined;
  for (;;) {
    fit = fitLogistic(
      features.map((feature) => woeColumns.get(feature) ?? new Float64Array()),
      train.target,
      config.regression,
      undefined,
      start,
    );
    onProgress({
      stage: 'regression',
      done: steps.length + 1,
      total: steps.length + 1,
      detail: `${features.length} features, ${fit.iterations} iterations`,
    });
    const drop = regressionDropOf(features, fit, config.regression.maxPValue);
    steps.push({ features, fit, ...(drop ? { dropped: drop } : {}) });
    if (drop === undefined) break;
    dropped.push(drop);
    const removed = drop.feature;
    // Refit from where the last fit ended, without the dropped feature: a few Newton steps, not a restart.
    const previous = fit.coefficients;
    start = [
      previous[0] ?? 0,
      ...features.flatMap((feature, j) => (feature === removed ? [] : [previous[j + 1] ?? 0])),
    ];
    features = features.filter((feature) => feature !== removed);
  }
  if (!fit.converged) warnings.push(`the regression did not converge in ${fit.iterations} iterations`);
  if (fit.ridgeAdded > 0)
    warnings.push(`the information matrix was singular; a ridge of ${fit.ridgeAdded} was added`);
  if (features.length === 0) warnings.push('no feature was selected: every applicant gets the base score');

  // 4. Scaling and rounding.
  const binningOf = new Map(binnings.map((binning) => [binning.feature, binning]));
  const exactPoints = features.map((feature, j) => {
    const beta = fit.coefficients[j + 1] ?? 0;
    return (binningOf.get(feature)?.bins ?? []).map((bin) => -scaling.factor * beta * bin.woe);
  });
  const exactBase = scaling.offset - scaling.factor * (fit.coefficients[0] ?? 0);
  const rounded = roundPoints(exactBase, exactPoints);
  const trainingMax = trainingRoundingMax(train.rows, features, binningOf, exactBase, exactPoints, rounded);
  onProgress({ stage: 'scaling', done: 1, total: 1 });

  const scorecardFeatures: ScorecardFeature[] = features.map((feature, j) =>
    scorecardFeatureOf(config, binningOf.get(feature) as FeatureBinning, j, fit, rounded.points[j] ?? []),
  );

  const draft = draftOf(input, config, {
    scaling,
    fit,
    basePoints: rounded.basePoints,
    features: scorecardFeatures,
    dropped,
    bads,
    refits: steps.length - 1,
    rounding: { worstCase: rounded.worstCase, trainingMax },
  });

  // 5. Metrics, computed by the scorer from the artefact itself, so they describe what will be served.
  const provisional = { ...draft, metrics: { train: emptyMetrics(), holdout: null }, contentHash: '' };
  const scorer = createScorer(provisional as Scorecard);
  const trainMetrics = sampleMetrics(provisional, scoreDataset(scorer, train), train.target);
  onProgress({ stage: 'evaluation', done: 1, total: input.holdout ? 2 : 1, detail: 'training sample' });
  const holdoutMetrics = input.holdout
    ? sampleMetrics(provisional, scoreDataset(scorer, input.holdout), input.holdout.target)
    : null;
  if (input.holdout) onProgress({ stage: 'evaluation', done: 2, total: 2, detail: 'holdout sample' });
  const card = sealScorecard({ ...draft, metrics: { train: trainMetrics, holdout: holdoutMetrics } });
  return { card, binnings, regression: steps, warnings };
}

function emptyMetrics(): Scorecard['metrics']['train'] {
  return {
    n: 0,
    bads: 0,
    badRate: 0,
    auc: null,
    ks: null,
    gini: null,
    brier: null,
    logLoss: null,
    calibration: [],
    scoreHistogram: { from: 0, width: 1, goods: [], bads: [] },
  };
}
