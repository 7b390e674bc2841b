import { AppError } from '../platform/errors/app-error.ts';

/**
 * Points-to-double-odds scaling. A score s means good:bad odds of baseOdds · 2^((s − baseScore)/pdo):
 *
 *   factor = pdo / ln 2,   offset = baseScore − factor · ln(baseOdds),   s = offset + factor · ln(odds)
 *
 * With the logistic model logit(PD) = β₀ + Σ βⱼ·WoEⱼ (PD = probability of a bad), ln(odds) = −logit(PD),
 * so the unrounded score is offset − factor·β₀ − Σ factor·βⱼ·WoEⱼ: a base plus one term per
 * characteristic, the bin's points. Defaults (600 points at 50:1, 40 points to double the odds) and the
 * reasons for them are in `docs/scoring.md`.
 */
export interface ScalingOptions {
  readonly baseScore: number;
  readonly baseOdds: number;
  readonly pdo: number;
  readonly minScore: number;
  readonly maxScore: number;
}

export const DEFAULT_SCALING: ScalingOptions = {
  baseScore: 600,
  baseOdds: 50,
  pdo: 40,
  minScore: 350,
  maxScore: 950,
};

export interface Scaling extends ScalingOptions {
  readonly factor: number;
  readonly offset: number;
}

export function scalingOf(options: ScalingOptions = DEFAULT_SCALING): Scaling {
  if (!(options.pdo > 0) || !Number.isFinite(options.pdo)) {
    throw AppError.invalid('scaling.pdo', 'positive', 'points to double the odds must be positive');
  }
  if (!(options.baseOdds > 0) || !Number.isFinite(options.baseOdds)) {
    throw AppError.invalid('scaling.baseOdds', 'positive', 'the base odds must be positive');
  }
  if (!Number.isFinite(options.baseScore)) {
    throw AppError.invalid('scaling.baseScore', 'finite', 'the base score must be a number');
  }
  if (!(
    Number.isInteger(options.minScore) &&
    Number.isInteger(options.maxScore) &&
    options.minScore < options.maxScore
  )) {
    throw AppError.invalid('scaling.minScore', 'range', 'the score range must be integers with min < max');
  }
  const factor = options.pdo / Math.LN2;
  return { ...options, factor, offset: options.baseScore - factor * Math.log(options.baseOdds) };
}

/** The probability of a bad at a given (unclamped) score: 1 / (1 + odds). */
export function pdAtScore(scaling: Pick<Scaling, 'factor' | 'offset'>, score: number): number {
  return 1 / (1 + Math.exp((score - scaling.offset) / scaling.factor));
}

export interface RoundedPoints {
  readonly basePoints: number;
  /** Integer points of each bin of each feature. */
  readonly points: ReadonlyArray<readonly number[]>;
  /**
   * The largest |integer total − unrounded score| over every combination of bins: a guarantee for any
   * applicant, not only those seen in training.
   */
  readonly worstCase: number;
}

/**
 * Rounds the unrounded points of each bin to integers so that the total stays as close as possible to
 * the unrounded score for *every* combination of bins. Rounding each bin to the nearest integer lets the
 * errors of p features add up to p/2. Instead, each feature gets its own rounding threshold, placed in
 * the widest gap between the fractional parts of its bins, which makes the spread of that feature's
 * errors as small as it can be (1 − widest gap); the feature's errors are then centred on 0 by an
 * integer shift, and the base is rounded so that the sum of all error ranges is centred on 0. With one
 * or two features, or bins whose fractions cluster, this keeps every total within 1 point; with many
 * features the exact bound is reported (`worstCase`) rather than promised, since no integer rounding can
 * do better than half the sum of the minimal spreads.
 */
export function roundPoints(base: number, exact: ReadonlyArray<readonly number[]>): RoundedPoints {
  let lowSum = 0;
  let highSum = 0;
  const points = exact.map((values) => {
    if (values.length === 0) return [];
    const fractions = values.map((value) => value - Math.floor(value)).sort((a, b) => a - b);
    // Widest gap between consecutive fractions on the circle [0, 1).
    let threshold = 0; // round every bin up: the wrap-around gap
    let widest = 1 + (fractions[0] ?? 0) - (fractions[fractions.length - 1] ?? 0);
    for (let k = 1; k < fractions.length; k += 1) {
      const gap = (fractions[k] ?? 0) - (fractions[k - 1] ?? 0);
      if (gap > widest) {
        widest = gap;
        threshold = fractions[k] ?? 0;
      }
    }
    const rounded = values.map((value) => {
      const fraction = value - Math.floor(value);
      return Math.floor(value) + (fraction >= threshold ? 1 : 0);
    });
    let low = Number.POSITIVE_INFINITY;
    let high = Number.NEGATIVE_INFINITY;
    rounded.forEach((r, b) => {
      const error = r - (values[b] ?? 0);
      low = Math.min(low, error);
      high = Math.max(high, error);
    });
    const shift = -Math.round((low + high) / 2);
    lowSum += low + shift;
    highSum += high + shift;
    return rounded.map((r) => r + shift);
  });
  const basePoints = Math.round(base - (lowSum + highSum) / 2);
  const baseError = basePoints - base;
  const worstCase = Math.max(Math.abs(lowSum + baseError), Math.abs(highSum + baseError));
  return { basePoints, points, worstCase };
}

/** The score as used in decisions: the integer total clamped to the scale's range. */
export function clampScore(total: number, scaling: Pick<Scaling, 'minScore' | 'maxScore'>): number {
  return Math.min(scaling.maxScore, Math.max(scaling.minScore, total));
}
