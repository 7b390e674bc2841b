import { AppError } from '../platform/errors/app-error.ts';
import type { CategoricalColumn, Column, NumericColumn } from './dataset.ts';
import { optimalMerge, type Shape } from './optimal-merge.ts';
import { ivTermOf, woeOf } from './woe.ts';

/**
 * Binning of one characteristic. Numeric values are cut into closed-open intervals `[lower, upper)`;
 * missing values and each declared special value get bins of their own; categories are grouped; a
 * category never seen in training falls in an explicit `unknown` bin. The rule of a bin (what falls in
 * it) is kept apart from its statistics, so a scorecard can be read, checked and applied from the rules.
 */
export type BinRule =
  | { readonly kind: 'interval'; readonly lower: number | null; readonly upper: number | null }
  | { readonly kind: 'special'; readonly value: number }
  | { readonly kind: 'missing' }
  | {
      readonly kind: 'categories';
      /** The categories of the group. */
      readonly categories: readonly string[];
      /** Rare categories pooled into this group (scored like the group, listed apart). */
      readonly rare: readonly string[];
    }
  | { readonly kind: 'unknown' };

export type BinKind = BinRule['kind'];

export interface BinStats {
  readonly count: number;
  readonly goods: number;
  readonly bads: number;
}

/** A bin with its training statistics, WoE and IV contribution. */
export type FittedBin = BinRule &
  BinStats & {
    readonly eventRate: number;
    readonly woe: number;
    readonly iv: number;
  };

/** `auto` tries ascending and descending and keeps the one with the larger IV. */
export type Trend = 'auto' | Shape;

export interface BinningOptions {
  /** Quantile prebins for numeric features (default 20, at most 100). */
  readonly prebins: number;
  /** Most bins of the optimal merge, missing and special bins not counted (default 8). */
  readonly maxBins: number;
  /** Least share of all rows in each merged bin (default 0.05). */
  readonly minBinShare: number;
  readonly minGoods: number;
  readonly minBads: number;
  readonly trend: Trend;
  /** Categories rarer than this share of rows are pooled into one `rare` group first (default 0.01). */
  readonly rareCategoryShare: number;
  /** WoE smoothing α > 0 (default 0.5). */
  readonly alpha: number;
}

export const DEFAULT_BINNING: BinningOptions = {
  prebins: 20,
  maxBins: 8,
  minBinShare: 0.05,
  minGoods: 1,
  minBads: 1,
  trend: 'auto',
  rareCategoryShare: 0.01,
  alpha: 0.5,
};

/** Bins fixed by the user, respected exactly: cut points, or groups of categories. */
export type ManualBins =
  { readonly cuts: readonly number[] } | { readonly groups: ReadonlyArray<readonly string[]> };

export interface FeatureBinning {
  readonly feature: string;
  readonly kind: Column['kind'];
  /** The event-rate shape the bins follow; `manual` for bins given by the user. */
  readonly trend: Shape | 'manual';
  readonly bins: readonly FittedBin[];
  readonly iv: number;
  /** The bin of each training row. */
  readonly assignment: Uint16Array;
  /** false when the constraints could not be met and the values were kept in one bin. */
  readonly feasible: boolean;
}

export function validateBinningOptions(options: BinningOptions, field = 'binning'): BinningOptions {
  const check = (ok: boolean, name: string, rule: string, message: string): void => {
    if (!ok) throw AppError.invalid(`${field}.${name}`, rule, message);
  };
  check(
    Number.isInteger(options.prebins) && options.prebins >= 2 && options.prebins <= 100,
    'prebins',
    'range',
    'must be an integer from 2 to 100',
  );
  check(
    Number.isInteger(options.maxBins) && options.maxBins >= 1 && options.maxBins <= 50,
    'maxBins',
    'range',
    'must be an integer from 1 to 50',
  );
  check(options.minBinShare >= 0 && options.minBinShare < 0.5, 'minBinShare', 'range', 'must be in [0, 0.5)');
  check(
    Number.isInteger(options.minGoods) && options.minGoods >= 0,
    'minGoods',
    'non-negative-integer',
    'must be a non-negative integer',
  );
  check(
    Number.isInteger(options.minBads) && options.minBads >= 0,
    'minBads',
    'non-negative-integer',
    'must be a non-negative integer',
  );
  check(
    options.rareCategoryShare >= 0 && options.rareCategoryShare < 0.5,
    'rareCategoryShare',
    'range',
    'must be in [0, 0.5)',
  );
  check(
    options.alpha > 0 && Number.isFinite(options.alpha),
    'alpha',
    'positive',
    'the smoothing must be a positive number, so pure bins stay finite',
  );
  check(
    ['auto', 'ascending', 'descending', 'peak', 'valley', 'none'].includes(options.trend),
    'trend',
    'enum',
    'must be auto, ascending, descending, peak, valley or none',
  );
  return options;
}

/**
 * A "nice" cut between two adjacent observed values: the number with the fewest significant digits in
 * (below, above]. Any such number splits the training data identically; a short one reads better in the
 * scorecard table ("[130, 250)" rather than "[129.5, 247.3)").
 */
export function niceCut(below: number, above: number): number {
  if (!(below < above)) return above;
  const magnitude = Math.max(Math.abs(below), Math.abs(above));
  for (let exponent = Math.ceil(Math.log10(magnitude || 1)) + 1; exponent > -16; exponent -= 1) {
    const step = 10 ** exponent;
    const candidate = Number(((Math.floor(below / step) + 1) * step).toPrecision(15));
    if (candidate > below && candidate <= above) return candidate === 0 ? 0 : candidate;
  }
  return above;
}

/**
 * Quantile prebin cut points of sorted values: at most `prebins − 1` distinct cuts. A block of tied values
 * that swallows several quantile positions (a mass of zeros) becomes a prebin of its own: the cut after it
 * is placed at its end, so the values just above the mass are not lumped in with it.
 */
export function quantileCuts(sorted: Float64Array, prebins: number): number[] {
  const n = sorted.length;
  const positions: number[] = [];
  let lastStart = 0;
  const add = (start: number): void => {
    if (start <= lastStart || start >= n) return;
    lastStart = start;
    positions.push(start);
  };
  for (let j = 1; j < prebins && positions.length < prebins - 1; j += 1) {
    const value = sorted[Math.floor((j * n) / prebins)];
    if (value === undefined) break;
    add(lowerBound(sorted, value));
    const end = upperBound(sorted, value);
    if (end > Math.floor(((j + 1) * n) / prebins) && positions.length < prebins - 1) add(end);
  }
  return positions.map((start) => niceCut(sorted[start - 1] ?? 0, sorted[start] ?? 0));
}

/** Index of the first element > value in sorted numbers. */
function upperBound(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element ≥ value in sorted numbers. */
function lowerBound(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The interval index of a value among cut points: the number of cuts ≤ value (closed-open bins). */
export function intervalOf(cuts: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cuts[mid] ?? 0) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Totals {
  readonly goods: number;
  readonly bads: number;
  readonly rows: number;
}

function totalsOf(target: Uint8Array): Totals {
  let bads = 0;
  for (let i = 0; i < target.length; i += 1) bads += target[i] ?? 0;
  return { goods: target.length - bads, bads, rows: target.length };
}

function fit(rule: BinRule, goods: number, bads: number, totals: Totals, alpha: number): FittedBin {
  const count = goods + bads;
  return {
    ...rule,
    count,
    goods,
    bads,
    eventRate: count === 0 ? 0 : bads / count,
    woe: woeOf(goods, bads, totals.goods, totals.bads, alpha),
    iv: ivTermOf(goods, bads, totals.goods, totals.bads, alpha),
  };
}

function mergeWithShape(
  goods: Float64Array,
  bads: Float64Array,
  totals: Totals,
  options: BinningOptions,
  trend: Trend,
): { ends: readonly number[]; shape: Shape; feasible: boolean } {
  const constraints = {
    maxBins: options.maxBins,
    minCount: Math.ceil(options.minBinShare * totals.rows),
    minGoods: options.minGoods,
    minBads: options.minBads,
    alpha: options.alpha,
    totalGoods: totals.goods,
    totalBads: totals.bads,
  };
  if (trend !== 'auto') {
    const result = optimalMerge(goods, bads, { ...constraints, shape: trend });
    return { ends: result.ends, shape: trend, feasible: result.feasible };
  }
  const up = optimalMerge(goods, bads, { ...constraints, shape: 'ascending' });
  const down = optimalMerge(goods, bads, { ...constraints, shape: 'descending' });
  // Prefer a feasible merge, then the larger IV; ties go to ascending.
  const pickDown = down.feasible && (!up.feasible || down.iv > up.iv);
  return pickDown
    ? { ends: down.ends, shape: 'descending', feasible: true }
    : { ends: up.ends, shape: 'ascending', feasible: up.feasible };
}

/**
 * Bins a numeric feature: missing and special values apart; the rest pre-binned at quantiles and merged
 * optimally (or cut where the user said).
 */
export function binNumeric(
  column: NumericColumn,
  target: Uint8Array,
  options: BinningOptions,
  specials: readonly number[] = [],
  manual?: readonly number[],
): FeatureBinning {
  const values = column.values;
  const n = values.length;
  const totals = totalsOf(target);
  // Special values are few: a linear scan of a small array beats hashing every value of the column.
  const uniqueSpecials = [...new Set(specials)];
  const specialSlot = (value: number): number => {
    for (let s = 0; s < uniqueSpecials.length; s += 1) if (uniqueSpecials[s] === value) return s;
    return -1;
  };
  let regular = 0;
  for (let i = 0; i < n; i += 1) {
    const value = values[i] ?? Number.NaN;
    if (value === value && specialSlot(value) < 0) regular += 1;
  }
  const sorted = new Float64Array(regular);
  let k = 0;
  for (let i = 0; i < n; i += 1) {
    const value = values[i] ?? Number.NaN;
    if (value === value && specialSlot(value) < 0) sorted[(k += 1) - 1] = value;
  }
  sorted.sort();

  let prebinCuts: number[];
  if (manual !== undefined) {
    for (let c = 1; c < manual.length; c += 1) {
      if (!((manual[c] ?? 0) > (manual[c - 1] ?? 0))) {
        throw AppError.invalid(
          `${column.name}.cuts`,
          'ascending',
          'manual cut points must be strictly ascending',
        );
      }
    }
    if (manual.some((cut) => !Number.isFinite(cut))) {
      throw AppError.invalid(`${column.name}.cuts`, 'finite', 'manual cut points must be finite numbers');
    }
    prebinCuts = [...manual];
  } else {
    prebinCuts = quantileCuts(sorted, options.prebins);
  }
  const prebinCount = prebinCuts.length + 1;
  // A typed array keeps the bisection monomorphic (the scorer calls it with typed arrays too).
  const cutArray = Float64Array.from(prebinCuts);
  const extra = uniqueSpecials.length + 1; // specials, then missing
  const goods = new Float64Array(prebinCount + extra);
  const bads = new Float64Array(prebinCount + extra);
  const prebinOf = new Uint16Array(n);
  const missingSlot = prebinCount + uniqueSpecials.length;
  for (let i = 0; i < n; i += 1) {
    const value = values[i] ?? Number.NaN;
    let slot: number;
    if (value !== value)
      slot = missingSlot; // NaN
    else {
      const special = specialSlot(value);
      slot = special < 0 ? intervalOf(cutArray, value) : prebinCount + special;
    }
    prebinOf[i] = slot;
    if (target[i] === 1) bads[slot] = (bads[slot] ?? 0) + 1;
    else goods[slot] = (goods[slot] ?? 0) + 1;
  }

  let ends: readonly number[];
  let trend: Shape | 'manual';
  let feasible = true;
  if (manual !== undefined) {
    ends = Array.from({ length: prebinCount }, (_, c) => c + 1);
    trend = 'manual';
  } else {
    // Empty prebins cannot occur (cuts sit between observed values), except when there are no values.
    const merged =
      regular === 0
        ? { ends: [prebinCount], shape: 'ascending' as Shape, feasible: true }
        : mergeWithShape(
            goods.subarray(0, prebinCount),
            bads.subarray(0, prebinCount),
            totals,
            options,
            options.trend,
          );
    ends = merged.ends;
    trend = merged.shape;
    feasible = merged.feasible;
  }

  const bins: FittedBin[] = [];
  const binOfSlot = new Uint16Array(prebinCount + extra);
  let start = 0;
  ends.forEach((end, b) => {
    let g = 0;
    let d = 0;
    for (let s = start; s < end; s += 1) {
      g += goods[s] ?? 0;
      d += bads[s] ?? 0;
      binOfSlot[s] = b;
    }
    const lower = start === 0 ? null : (prebinCuts[start - 1] ?? null);
    const upper = end === prebinCount ? null : (prebinCuts[end - 1] ?? null);
    bins.push(fit({ kind: 'interval', lower, upper }, g, d, totals, options.alpha));
    start = end;
  });
  uniqueSpecials.forEach((value, s) => {
    const slot = prebinCount + s;
    binOfSlot[slot] = bins.length;
    bins.push(fit({ kind: 'special', value }, goods[slot] ?? 0, bads[slot] ?? 0, totals, options.alpha));
  });
  binOfSlot[missingSlot] = bins.length;
  bins.push(fit({ kind: 'missing' }, goods[missingSlot] ?? 0, bads[missingSlot] ?? 0, totals, options.alpha));

  const assignment = new Uint16Array(n);
  for (let i = 0; i < n; i += 1) assignment[i] = binOfSlot[prebinOf[i] ?? 0] ?? 0;
  return {
    feature: column.name,
    kind: 'numeric',
    trend,
    bins,
    iv: bins.reduce((sum, bin) => sum + bin.iv, 0),
    assignment,
    feasible,
  };
}

/**
 * Bins a categorical feature: rare categories pooled, the rest (and the pool) ordered by event rate and
 * merged optimally under an ascending constraint in that order; missing and unknown bins apart.
 */
export function binCategorical(
  column: CategoricalColumn,
  target: Uint8Array,
  options: BinningOptions,
  manual?: ReadonlyArray<readonly string[]>,
): FeatureBinning {
  const codes = column.codes;
  const n = codes.length;
  const totals = totalsOf(target);
  const levels = column.levels;
  const levelGoods = new Float64Array(levels.length);
  const levelBads = new Float64Array(levels.length);
  let missingGoods = 0;
  let missingBads = 0;
  for (let i = 0; i < n; i += 1) {
    const code = codes[i] ?? -1;
    const bad = target[i] === 1;
    if (code < 0) {
      if (bad) missingBads += 1;
      else missingGoods += 1;
    } else if (bad) levelBads[code] = (levelBads[code] ?? 0) + 1;
    else levelGoods[code] = (levelGoods[code] ?? 0) + 1;
  }

  const seenLevels = levels
    .map((level, code) => ({ level, code, count: (levelGoods[code] ?? 0) + (levelBads[code] ?? 0) }))
    .filter((entry) => entry.count > 0);
  if (manual !== undefined) {
    const groupOf = new Map<string, number>();
    manual.forEach((group, g) => {
      if (group.length === 0) {
        throw AppError.invalid(
          `${column.name}.groups[${g}]`,
          'non-empty',
          'a manual group has no categories',
        );
      }
      for (const category of group) {
        if (groupOf.has(category)) {
          throw AppError.invalid(
            `${column.name}.groups`,
            'disjoint',
            `category "${category}" is in two groups`,
          );
        }
        groupOf.set(category, g);
      }
    });
    for (const { level } of seenLevels) {
      if (!groupOf.has(level)) {
        throw AppError.invalid(
          `${column.name}.groups`,
          'covers-categories',
          `category "${level}" is in no manual group`,
        );
      }
    }
    const groups = manual.map(() => ({ codes: [] as number[], rareCodes: [] as number[] }));
    for (const { level, code } of seenLevels) groups[groupOf.get(level) ?? 0]?.codes.push(code);
    // Categories named in a manual group but absent from training still belong to it.
    const extraLevels = manual.map((group) => group.filter((level) => !levels.includes(level)));
    return finishCategorical(
      column,
      options,
      totals,
      groups,
      levelGoods,
      levelBads,
      missingGoods,
      missingBads,
      'manual',
      true,
      extraLevels,
    );
  }
  const minCount = options.rareCategoryShare * n;
  const common = seenLevels.filter((entry) => entry.count >= minCount);
  const rare = seenLevels.filter((entry) => entry.count < minCount);
  // More than 100 categories: keep the 99 most frequent apart and pool the rest with the rare ones.
  common.sort((a, b) => b.count - a.count || compareText(a.level, b.level));
  while (common.length > (rare.length > 0 ? 99 : 100)) {
    const dropped = common.pop();
    if (dropped !== undefined) rare.push(dropped);
  }
  const prebins: Array<{ codes: number[]; rare: boolean; rate: number; count: number; name: string }> =
    common.map((entry) => ({
      codes: [entry.code],
      rare: false,
      rate: (levelBads[entry.code] ?? 0) / entry.count,
      count: entry.count,
      name: entry.level,
    }));
  if (rare.length > 0) {
    const count = rare.reduce((sum, entry) => sum + entry.count, 0);
    const badCount = rare.reduce((sum, entry) => sum + (levelBads[entry.code] ?? 0), 0);
    const rareCodes = rare
      .map((entry) => entry.code)
      .sort((a, b) => compareText(levels[a] ?? '', levels[b] ?? ''));
    prebins.push({ codes: rareCodes, rare: true, rate: badCount / count, count, name: '' });
  }
  prebins.sort((a, b) => a.rate - b.rate || b.count - a.count || compareText(a.name, b.name));
  const goods = Float64Array.from(prebins, (p) => p.codes.reduce((s, c) => s + (levelGoods[c] ?? 0), 0));
  const bads = Float64Array.from(prebins, (p) => p.codes.reduce((s, c) => s + (levelBads[c] ?? 0), 0));
  const merged =
    prebins.length === 0
      ? { ends: [] as number[], shape: 'ascending' as Shape, feasible: true }
      : mergeWithShape(goods, bads, totals, options, 'ascending');
  const groups: Array<{ codes: number[]; rareCodes: number[] }> = [];
  let start = 0;
  for (const end of merged.ends) {
    const members = prebins.slice(start, end);
    groups.push({
      codes: members.filter((p) => !p.rare).flatMap((p) => p.codes),
      rareCodes: members.filter((p) => p.rare).flatMap((p) => p.codes),
    });
    start = end;
  }
  return finishCategorical(
    column,
    options,
    totals,
    groups,
    levelGoods,
    levelBads,
    missingGoods,
    missingBads,
    merged.shape,
    merged.feasible,
    groups.map(() => []),
  );
}

function finishCategorical(
  column: CategoricalColumn,
  options: BinningOptions,
  totals: Totals,
  groups: ReadonlyArray<{ codes: number[]; rareCodes: number[] }>,
  levelGoods: Float64Array,
  levelBads: Float64Array,
  missingGoods: number,
  missingBads: number,
  trend: Shape | 'manual',
  feasible: boolean,
  extraLevels: ReadonlyArray<readonly string[]>,
): FeatureBinning {
  const levels = column.levels;
  const binOfLevel = new Int32Array(levels.length).fill(-1);
  const bins: FittedBin[] = [];
  groups.forEach((group, g) => {
    let goods = 0;
    let bads = 0;
    for (const code of [...group.codes, ...group.rareCodes]) {
      goods += levelGoods[code] ?? 0;
      bads += levelBads[code] ?? 0;
      binOfLevel[code] = g;
    }
    const categories = [...group.codes.map((code) => levels[code] ?? ''), ...(extraLevels[g] ?? [])].sort(
      compareText,
    );
    const rare = group.rareCodes.map((code) => levels[code] ?? '').sort(compareText);
    bins.push(fit({ kind: 'categories', categories, rare }, goods, bads, totals, options.alpha));
  });
  const missingBin = bins.length;
  bins.push(fit({ kind: 'missing' }, missingGoods, missingBads, totals, options.alpha));
  const unknownBin = bins.length;
  bins.push(fit({ kind: 'unknown' }, 0, 0, totals, options.alpha));
  const assignment = new Uint16Array(column.codes.length);
  for (let i = 0; i < assignment.length; i += 1) {
    const code = column.codes[i] ?? -1;
    assignment[i] =
      code < 0 ? missingBin : (binOfLevel[code] ?? -1) < 0 ? unknownBin : (binOfLevel[code] ?? 0);
  }
  return {
    feature: column.name,
    kind: 'categorical',
    trend,
    bins,
    iv: bins.reduce((sum, bin) => sum + bin.iv, 0),
    assignment,
    feasible,
  };
}

/** Code-point order, independent of the locale of the machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The bin as text: `[130, 250)`, `(-∞, 130)`, `= -1`, `missing`, `{owner, parents}`,
 * `{rent} + rare {boat, igloo}`, `unseen category`.
 */
export function binText(rule: BinRule): string {
  switch (rule.kind) {
    case 'interval': {
      if (rule.lower === null && rule.upper === null) return '(-∞, +∞)';
      if (rule.lower === null) return `(-∞, ${formatNumber(rule.upper ?? 0)})`;
      if (rule.upper === null) return `[${formatNumber(rule.lower)}, +∞)`;
      return `[${formatNumber(rule.lower)}, ${formatNumber(rule.upper)})`;
    }
    case 'special':
      return `= ${formatNumber(rule.value)}`;
    case 'missing':
      return 'missing';
    case 'categories':
      if (rule.rare.length === 0) return `{${rule.categories.join(', ')}}`;
      if (rule.categories.length === 0) return `rare {${rule.rare.join(', ')}}`;
      return `{${rule.categories.join(', ')}} + rare {${rule.rare.join(', ')}}`;
    case 'unknown':
      return 'unseen category';
  }
}

/** Numbers in bin texts: shortest round-trip form, no exponent for ordinary magnitudes. */
export function formatNumber(value: number): string {
  if (Object.is(value, -0)) return '0';
  return String(value);
}
