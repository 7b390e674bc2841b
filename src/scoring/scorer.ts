import { AppError } from '../platform/errors/app-error.ts';
import type { LocalizedText } from '../platform/i18n/localized.ts';
import { binText, intervalOf, type BinRule } from './binning.ts';
import { isMissingText, parseNumberText } from './dataset.ts';
import { DIMENSIONS, type Dimension } from './dimensions.ts';
import { binPhrase, reasonText, type ReasonTextParams } from './reason-messages.ts';
import type { Scorecard, ScorecardBin } from './scorecard.ts';

/** A value of one characteristic as a caller has it: a number, a category, or nothing. */
export type FeatureValue = number | string | null | undefined;

/** One applicant's characteristics, by feature name. Extra keys are ignored. */
export type ScoreRow = Readonly<Record<string, FeatureValue>>;

/** One reason a score is lower than it could be. */
export interface ReasonCode {
  /** Stable across model versions while the feature keeps its name: `CAP-INCOME`, `CAP-INCOME-MISSING`. */
  readonly code: string;
  readonly feature: string;
  readonly dimension: Dimension;
  /** The applicant's bin as text (`[75, 100)`, `missing`, `{rent}`). */
  readonly bin: string;
  /** The applicant's value (null when missing). */
  readonly value: number | string | null;
  /** Points below the best bin of this feature a person can be in (> 0; see `FeatureInfo.bestBin`). */
  readonly pointsLost: number;
  /** Customer-facing text. */
  readonly text: LocalizedText;
  /** The typed parameters the text was rendered from. */
  readonly params: ReasonTextParams;
}

export interface ScoreResult {
  /** The score, an integer in [minScore, maxScore] (350–950 by default). */
  readonly score: number;
  /** Probability of a bad at the unclamped integer score. */
  readonly pd: number;
  /** One sub-score per dimension, on the same scale (see docs/scoring.md). */
  readonly subScores: Readonly<Record<Dimension, number>>;
  /** Up to four reasons, most points lost first. */
  readonly reasons: readonly ReasonCode[];
}

/** A bin as the recourse engine sees it: what falls in it, in words and in numbers, and its points. */
export interface BinInfo {
  readonly feature: string;
  readonly index: number;
  readonly kind: BinRule['kind'];
  /** `[130, 250)`, `missing`, `{owner}`. */
  readonly text: string;
  /** The same in customer words, zh-CN and en. */
  readonly phrase: LocalizedText;
  /** Interval bounds (null = unbounded); undefined for other kinds. */
  readonly lower?: number | null;
  readonly upper?: number | null;
  /** The special value of a special bin. */
  readonly value?: number;
  /** The categories of a category bin (rare ones pooled into it included). */
  readonly categories?: readonly string[];
  readonly points: number;
  readonly woe: number;
  /** Training rows in the bin; 0 for a bin the model never saw used. */
  readonly count: number;
  readonly eventRate: number;
  readonly dimension: Dimension;
}

export interface FeatureInfo {
  readonly name: string;
  readonly kind: 'numeric' | 'categorical';
  readonly dimension: Dimension;
  readonly label: LocalizedText;
  /** The points of `bestBin`: the reference for points lost. */
  readonly maxPoints: number;
  /**
   * The best bin a person can actually be in: the regular bin (an interval, or a group of categories) with
   * the most points among those training rows fell in. Missing, special and unknown bins never set the bar:
   * nobody can move to "no data", and ranking against such a bin would name a reason nobody can act on.
   */
  readonly bestBin: BinInfo;
  readonly bins: readonly BinInfo[];
}

/** What changes when one feature takes another value. */
export interface WhatIf {
  readonly feature: string;
  readonly from: BinInfo;
  readonly to: BinInfo;
  /** Points gained (negative: lost) by the move, before clamping. */
  readonly pointsGained: number;
  readonly scoreBefore: number;
  readonly scoreAfter: number;
}

/**
 * A compiled scorecard: call it with a row to score it. The helpers are for recourse ("what would
 * change if …"): the bins of a feature, the bin of a value, and the points a row gains when one feature
 * moves. Everything is read from the artefact; two scorers built from equal artefacts give identical
 * results.
 */
export interface Scorer {
  (row: ScoreRow): ScoreResult;
  readonly card: Scorecard;
  readonly features: readonly FeatureInfo[];
  /** The bins of a feature, in artefact order. */
  bins(feature: string): readonly BinInfo[];
  /** The bin a value falls in. */
  binOf(feature: string, value: FeatureValue): BinInfo;
  /** `binOf` for one feature, with the name looked up once: for scanning many values (recourse, columns). */
  locator(feature: string): (value: FeatureValue) => BinInfo;
  /** Points the row would gain (negative: lose) if `feature` took `value`, all else equal. */
  pointsGained(row: ScoreRow, feature: string, value: FeatureValue): number;
  /** The full picture of moving one feature to a value. */
  whatIf(row: ScoreRow, feature: string, value: FeatureValue): WhatIf;
  /** The integer total (base + points) before clamping, for metrics. */
  total(row: ScoreRow): number;
  /**
   * A scorer for rows whose numbers are in other units: each listed feature's number is divided by its
   * divisor before it is binned (and shown so in reasons). `scaled({ income: 100 })(row)` equals
   * `scorer({ ...row, income: row.income / 100 })` when `row.income` is a number — without copying the
   * row (callers holding money in fen score a card binned in yuan).
   */
  scaled(divisors: Readonly<Record<string, number>>): (row: ScoreRow) => ScoreResult;
}

interface CompiledFeature {
  readonly name: string;
  readonly numeric: boolean;
  readonly cuts: Float64Array;
  readonly specials: Float64Array;
  readonly specialBins: Int32Array;
  readonly missingBin: number;
  readonly unknownBin: number;
  readonly categoryBins: ReadonlyMap<string, number>;
  /** Index of this feature's first bin in the flat arrays. */
  readonly offset: number;
  /** The name is also an Object.prototype member (`constructor`, `__proto__`): read own properties only. */
  readonly guarded: boolean;
  readonly maxPoints: number;
  readonly dimension: number;
}

const DIMENSION_PREFIX: Readonly<Record<Dimension, string>> = {
  identity: 'IDN',
  capacity: 'CAP',
  history: 'HIS',
  relationships: 'REL',
  behaviour: 'BEH',
};

/** The stable reason code of a feature's bin kind. */
export function reasonCodeOf(feature: string, dimension: Dimension, kind: BinRule['kind']): string {
  const slug = feature
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const suffix =
    kind === 'missing' ? '-MISSING' : kind === 'special' ? '-SPECIAL' : kind === 'unknown' ? '-UNKNOWN' : '';
  return `${DIMENSION_PREFIX[dimension]}-${slug || 'FEATURE'}${suffix}`;
}

function ruleOf(bin: ScorecardBin): BinRule {
  switch (bin.kind) {
    case 'interval':
      return { kind: 'interval', lower: bin.lower, upper: bin.upper };
    case 'special':
      return { kind: 'special', value: bin.value };
    case 'categories':
      return { kind: 'categories', categories: bin.categories, rare: bin.rare };
    case 'missing':
      return { kind: 'missing' };
    case 'unknown':
      return { kind: 'unknown' };
  }
}

const isRegular = (bin: ScorecardBin): boolean => bin.kind === 'interval' || bin.kind === 'categories';

/**
 * The index of the best bin a person can be in (see `FeatureInfo.bestBin`): the regular bin with the most
 * points among the populated ones; if no regular bin is populated, among all regular bins; a feature with
 * no regular bin at all (never produced by training) falls back to its best populated bin. Ties go to the
 * earlier bin.
 */
export function bestReachableBin(bins: readonly ScorecardBin[]): number {
  const tiers: Array<(bin: ScorecardBin) => boolean> = [
    (bin) => isRegular(bin) && bin.count > 0,
    isRegular,
    (bin) => bin.count > 0,
    () => true,
  ];
  for (const eligible of tiers) {
    let best = -1;
    bins.forEach((bin, index) => {
      if (eligible(bin) && (best < 0 || bin.points > (bins[best] as ScorecardBin).points)) best = index;
    });
    if (best >= 0) return best;
  }
  return 0;
}

/** The index of the bin a raw value falls in (missing, special, interval by bisection, category or unknown). */
function locateBin(feature: CompiledFeature, raw: FeatureValue): number {
  if (raw === null || raw === undefined) return feature.missingBin;
  if (feature.numeric) {
    let value: number;
    if (typeof raw === 'number') value = raw;
    else {
      const parsed = parseNumberText(raw);
      if (parsed === undefined) {
        throw AppError.invalid(feature.name, 'number', `expected a number, got "${raw}"`);
      }
      value = parsed;
    }
    if (value !== value) return feature.missingBin; // NaN
    const specials = feature.specials;
    for (let s = 0; s < specials.length; s += 1) {
      if (specials[s] === value) return feature.specialBins[s] ?? feature.missingBin;
    }
    return intervalOf(feature.cuts, value);
  }
  const key = typeof raw === 'string' ? raw : String(raw);
  const direct = feature.categoryBins.get(key);
  if (direct !== undefined) return direct;
  if (isMissingText(key)) return feature.missingBin;
  return feature.categoryBins.get(key.trim()) ?? feature.unknownBin;
}

/** Divisors by feature index (1 where none is given); each given one a finite number other than 0. */
function divisorsByFeature(
  divisors: Readonly<Record<string, number>>,
  byName: ReadonlyMap<string, number>,
  featureCount: number,
): Float64Array {
  const byFeature = new Float64Array(featureCount).fill(1);
  for (const [name, divisor] of Object.entries(divisors)) {
    if (!(typeof divisor === 'number' && Number.isFinite(divisor) && divisor !== 0))
      throw AppError.invalid(`divisors.${name}`, 'divisor', 'a divisor must be a finite number other than 0');
    const index = byName.get(name);
    if (index !== undefined) byFeature[index] = divisor;
  }
  return byFeature;
}

/** The row's value of a feature; an inherited `constructor` is not a value the caller gave. */
function valueOf(row: ScoreRow, feature: CompiledFeature): FeatureValue {
  return feature.guarded
    ? Object.hasOwn(row, feature.name)
      ? row[feature.name]
      : undefined
    : row[feature.name];
}

/** The row's value of feature f, divided by its divisor when it is a number and one is given. */
function scaledValueOf(
  row: ScoreRow,
  feature: CompiledFeature,
  f: number,
  divisors: Float64Array | null,
): FeatureValue {
  const raw = valueOf(row, feature);
  return divisors !== null && typeof raw === 'number' ? raw / (divisors[f] ?? 1) : raw;
}

/**
 * Compiles one feature of a scorecard: appends its bins' points and prepared reasons to the flat arrays
 * (`points`, `reasonBase`, from `offset = points.length`) and returns how to locate a value's bin and what
 * to say about each bin.
 */
function compileFeature(
  feature: Scorecard['features'][number],
  points: number[],
  reasonBase: Array<Omit<ReasonCode, 'value'>>,
): { readonly compiled: CompiledFeature; readonly info: FeatureInfo } {
  const offset = points.length;
  const dimension = DIMENSIONS.indexOf(feature.dimension);
  const bestIndex = bestReachableBin(feature.bins);
  const maxPoints = feature.bins[bestIndex]?.points ?? 0;
  const intervals = feature.bins.filter((bin) => bin.kind === 'interval');
  const specials: number[] = [];
  const specialBins: number[] = [];
  const categoryBins = new Map<string, number>();
  let missingBin = -1;
  let unknownBin = -1;
  const binInfos: BinInfo[] = [];
  feature.bins.forEach((bin, index) => {
    points.push(bin.points);
    if (bin.kind === 'special') {
      specials.push(bin.value);
      specialBins.push(index);
    } else if (bin.kind === 'missing') missingBin = index;
    else if (bin.kind === 'unknown') unknownBin = index;
    else if (bin.kind === 'categories')
      for (const category of [...bin.categories, ...bin.rare]) categoryBins.set(category, index);
    const rule = ruleOf(bin);
    const phrase = binPhrase(rule, feature.valueFormat);
    // Negative for a bin above the best reachable one (a well-scoring missing bin): never a reason.
    const pointsLost = maxPoints - bin.points;
    const params: ReasonTextParams = { label: feature.label, bin: phrase, pointsLost };
    reasonBase.push({
      code: reasonCodeOf(feature.name, feature.dimension, bin.kind),
      feature: feature.name,
      dimension: feature.dimension,
      bin: bin.text,
      pointsLost,
      text: pointsLost > 0 ? reasonText(bin.kind, params) : { zh: '', en: '' },
      params,
    });
    binInfos.push({
      feature: feature.name,
      index,
      kind: bin.kind,
      text: bin.text || binText(rule),
      phrase,
      ...(bin.kind === 'interval' ? { lower: bin.lower, upper: bin.upper } : {}),
      ...(bin.kind === 'special' ? { value: bin.value } : {}),
      ...(bin.kind === 'categories' ? { categories: [...bin.categories, ...bin.rare] } : {}),
      points: bin.points,
      woe: bin.woe,
      count: bin.count,
      eventRate: bin.eventRate,
      dimension: feature.dimension,
    });
  });
  // Intervals come first in the artefact, so interval k is bin k.
  const cuts = Float64Array.from(
    intervals.slice(1).map((bin) => (bin.kind === 'interval' ? (bin.lower ?? 0) : 0)),
  );
  const compiled: CompiledFeature = {
    name: feature.name,
    numeric: feature.kind === 'numeric',
    cuts,
    specials: Float64Array.from(specials),
    specialBins: Int32Array.from(specialBins),
    missingBin,
    unknownBin,
    categoryBins,
    offset,
    maxPoints,
    dimension,
    guarded: feature.name in Object.prototype,
  };
  const info: FeatureInfo = {
    name: feature.name,
    kind: feature.kind,
    dimension: feature.dimension,
    label: feature.label,
    maxPoints,
    bestBin: binInfos[bestIndex] as BinInfo,
    bins: binInfos,
  };
  return { compiled, info };
}

/**
 * Compiles a scorecard for scoring: cut points in typed arrays searched by bisection, points in one flat
 * `Int32Array`, reasons prepared per bin (code, texts, parameters), and a top-4 kept in fixed slots, so
 * scoring a row allocates only its result.
 */
export function createScorer(card: Scorecard): Scorer {
  const features: CompiledFeature[] = [];
  const points: number[] = [];
  const reasonBase: Array<Omit<ReasonCode, 'value'>> = [];
  const infos: FeatureInfo[] = [];
  const byName = new Map<string, number>();
  for (const feature of card.features) {
    const { compiled, info } = compileFeature(feature, points, reasonBase);
    byName.set(feature.name, features.length);
    features.push(compiled);
    infos.push(info);
  }
  const flatPoints = Int32Array.from(points);
  const basePoints = card.basePoints;
  const { minScore, maxScore, factor, offset } = card.scaling;
  const featureCount = features.length;

  // Reused between calls: the scorer is synchronous, so one row is scored at a time.
  const binOfFeature = new Int32Array(featureCount);
  const dims = new Float64Array(DIMENSIONS.length);
  const topLost = new Int32Array(4);
  const topFeature = new Int32Array(4);

  const totalOf = (row: ScoreRow): number => {
    let total = basePoints;
    for (let f = 0; f < featureCount; f += 1) {
      const feature = features[f] as CompiledFeature;
      total += flatPoints[feature.offset + locateBin(feature, valueOf(row, feature))] ?? 0;
    }
    return total;
  };

  const clamp = (total: number): number =>
    total < minScore ? minScore : total > maxScore ? maxScore : total;

  const scoreWith = (row: ScoreRow, divisors: Float64Array | null): ScoreResult => {
    let total = basePoints;
    dims.fill(0);
    let kept = 0;
    for (let f = 0; f < featureCount; f += 1) {
      const feature = features[f] as CompiledFeature;
      const bin = locateBin(feature, scaledValueOf(row, feature, f, divisors));
      binOfFeature[f] = bin;
      const binPoints = flatPoints[feature.offset + bin] ?? 0;
      total += binPoints;
      dims[feature.dimension] = (dims[feature.dimension] ?? 0) + binPoints;
      const lost = feature.maxPoints - binPoints;
      // Keep the four largest losses; on a tie the earlier feature (higher IV in the artefact) stays first.
      if (lost > 0 && (kept < 4 || lost > (topLost[3] ?? 0))) {
        let slot = kept < 4 ? kept : 3;
        while (slot > 0 && (topLost[slot - 1] ?? 0) < lost) {
          topLost[slot] = topLost[slot - 1] ?? 0;
          topFeature[slot] = topFeature[slot - 1] ?? 0;
          slot -= 1;
        }
        topLost[slot] = lost;
        topFeature[slot] = f;
        if (kept < 4) kept += 1;
      }
    }
    const reasons: ReasonCode[] = [];
    for (let k = 0; k < kept; k += 1) {
      const f = topFeature[k] ?? 0;
      const feature = features[f] as CompiledFeature;
      const base = reasonBase[feature.offset + (binOfFeature[f] ?? 0)] as Omit<ReasonCode, 'value'>;
      const raw = scaledValueOf(row, feature, f, divisors);
      reasons.push({
        code: base.code,
        feature: base.feature,
        dimension: base.dimension,
        bin: base.bin,
        value: raw === undefined || (typeof raw === 'number' && raw !== raw) ? null : raw,
        pointsLost: base.pointsLost,
        text: base.text,
        params: base.params,
      });
    }
    return {
      score: clamp(total),
      pd: 1 / (1 + Math.exp((total - offset) / factor)),
      subScores: {
        identity: clamp(basePoints + (dims[0] ?? 0)),
        capacity: clamp(basePoints + (dims[1] ?? 0)),
        history: clamp(basePoints + (dims[2] ?? 0)),
        relationships: clamp(basePoints + (dims[3] ?? 0)),
        behaviour: clamp(basePoints + (dims[4] ?? 0)),
      },
      reasons,
    };
  };
  const score = ((row: ScoreRow): ScoreResult => scoreWith(row, null)) as Scorer;

  const featureIndex = (name: string): number => {
    const index = byName.get(name);
    if (index === undefined) {
      throw AppError.invalid('feature', 'known-feature', `the scorecard has no feature "${name}"`);
    }
    return index;
  };
  const ownValue = (row: ScoreRow, name: string): FeatureValue =>
    Object.hasOwn(row, name) ? row[name] : undefined;
  const infoOf = (name: string, value: FeatureValue): BinInfo => {
    const index = featureIndex(name);
    const bin = locateBin(features[index] as CompiledFeature, value);
    return (infos[index] as FeatureInfo).bins[bin] as BinInfo;
  };

  Object.defineProperties(score, {
    card: { value: card, enumerable: true },
    features: { value: infos, enumerable: true },
  });
  return Object.assign(score, {
    bins: (feature: string) => (infos[featureIndex(feature)] as FeatureInfo).bins,
    binOf: infoOf,
    locator: (name: string) => {
      const index = featureIndex(name);
      const feature = features[index] as CompiledFeature;
      const bins = (infos[index] as FeatureInfo).bins;
      return (value: FeatureValue): BinInfo => bins[locateBin(feature, value)] as BinInfo;
    },
    pointsGained: (row: ScoreRow, feature: string, value: FeatureValue) =>
      infoOf(feature, value).points - infoOf(feature, ownValue(row, feature)).points,
    whatIf: (row: ScoreRow, feature: string, value: FeatureValue): WhatIf => {
      const from = infoOf(feature, ownValue(row, feature));
      const to = infoOf(feature, value);
      const before = totalOf(row);
      return {
        feature,
        from,
        to,
        pointsGained: to.points - from.points,
        scoreBefore: clamp(before),
        scoreAfter: clamp(before + to.points - from.points),
      };
    },
    total: totalOf,
    scaled: (divisors: Readonly<Record<string, number>>) => {
      const byFeature = divisorsByFeature(divisors, byName, featureCount);
      return (row: ScoreRow): ScoreResult => scoreWith(row, byFeature);
    },
  });
}
