import type { Money } from '../platform/money/money.ts';
import type { Rate } from '../platform/money/rate.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import {
  rankedCounts,
  rocCurve,
  sampleMetrics,
  type SampleMetrics,
  type Scorecard,
} from '../scoring/index.ts';
import {
  createComparison,
  type Comparison,
  type ComparisonFigures,
  type ComparisonState,
  type Outcome,
} from './comparison.ts';
import { SCORE_BANDS, scoreBandOf, shareOf, type MonitoringWindow } from './window.ts';

/**
 * Backtesting a candidate scorecard: every past application re-scored from the point-in-time facts its
 * decision recorded — by the champion (the active model) and by the candidate — and both run through the
 * **current** policy (the champion policy in force today, with today's products, appetite and caps), so the
 * two differ by the model alone. Pure fold over the pairs:
 *
 * - discrimination (AUC, KS, Gini, Brier, calibration — the scoring context's own `sampleMetrics`) of both
 *   PDs on the applications whose outcome has matured, with ROC and KS curves for the charts;
 * - the comparison (agreement matrix, swap sets, limits and prices) through the current policy, with the
 *   bad rate each set was observed to have where it matured;
 * - approval and bad-rate changes by segment: score band (champion's score), product, age band and income
 *   band.
 *
 * **Matured** is monitoring's own definition (`performance.ts`): the account the decision opened could have
 * gone 30+ days past due by now (an instalment or a statement minimum fell due 30 days before its servicing
 * date), or it already went bad, or it was repaid; **bad** is 30+ DPD ever or written off. Only decisions
 * that opened an account have an outcome (no reject inference): the metrics are on the booked population.
 */

/** One side's answer on one application. */
export interface BacktestSide {
  readonly outcome: Outcome;
  readonly limit: Money;
  readonly apr: Rate | null;
  readonly score: number;
  readonly pd: number;
}

/** One application re-decided both ways, with its segment keys and its matured outcome (if any). */
export interface BacktestPair {
  readonly decisionId: string;
  readonly productCode: string;
  readonly decisionDate: LocalDate;
  /** Whole years on the decision date (null: unknown). */
  readonly age: number | null;
  /** Monthly income estimate in fen on the decision date (null: unknown). */
  readonly monthlyIncomeFen: bigint | null;
  readonly champion: BacktestSide;
  readonly candidate: BacktestSide;
  /** 'bad' | 'good' once matured; null when no account was opened or it is not observable yet. */
  readonly verdict: 'bad' | 'good' | null;
}

/** Observed outcomes of a set: matured accounts, bads among them, and the bad rate (half-even, 6 places). */
export interface Observed {
  readonly matured: number;
  readonly bads: number;
  readonly badRate: string | null;
}

export interface BacktestSegment {
  readonly segment: string;
  readonly applications: number;
  readonly approvalRate: { readonly champion: string | null; readonly candidate: string | null };
  readonly approved: { readonly champion: number; readonly candidate: number };
  /** Mean PD of each side's approvals, by its own model. */
  readonly expectedBadRate: { readonly champion: number | null; readonly candidate: number | null };
  /** Observed among each side's approvals that matured. */
  readonly observed: { readonly champion: Observed; readonly candidate: Observed };
}

export interface CurvePoint {
  readonly x: number;
  readonly y: number;
}

export interface Discrimination {
  readonly champion: SampleMetrics;
  readonly candidate: SampleMetrics;
  /** ROC curves (false-positive rate, true-positive rate), at most ~200 points each. */
  readonly roc: { readonly champion: readonly CurvePoint[]; readonly candidate: readonly CurvePoint[] };
  /** KS curves: cumulative share of bads and goods by PD rank (x: share of applications), ~200 points each. */
  readonly ks: {
    readonly champion: ReadonlyArray<{ readonly x: number; readonly bads: number; readonly goods: number }>;
    readonly candidate: ReadonlyArray<{ readonly x: number; readonly bads: number; readonly goods: number }>;
  };
}

export interface BacktestReport {
  readonly window: { readonly from: LocalDate; readonly to: LocalDate; readonly product: string | null };
  readonly champion: { readonly version: string; readonly contentHash: string };
  readonly candidate: { readonly version: string; readonly contentHash: string };
  /** The policy the pairs ran through: each product's champion version in force on the run's date. */
  readonly policy: { readonly date: LocalDate; readonly versions: Readonly<Record<string, string>> };
  readonly maturity: { readonly definition: string; readonly badDaysPastDue: number };
  readonly applications: number;
  /** Decisions read but not re-scored: overrides, fault referrals (no facts), failures to evaluate. */
  readonly skipped: Readonly<Record<string, number>>;
  readonly matured: { readonly applications: number; readonly bads: number };
  /** Null when the matured sample has no bad or no good (AUC and KS are undefined). */
  readonly discrimination: Discrimination | null;
  readonly comparison: ComparisonFigures;
  readonly swapObserved: { readonly swapIns: Observed; readonly swapOuts: Observed };
  readonly segments: {
    readonly scoreBand: readonly BacktestSegment[];
    readonly product: readonly BacktestSegment[];
    readonly ageBand: readonly BacktestSegment[];
    readonly incomeBand: readonly BacktestSegment[];
  };
}

export const AGE_BANDS: ReadonlyArray<{ readonly label: string; readonly below: number }> = [
  { label: '< 25', below: 25 },
  { label: '25–34', below: 35 },
  { label: '35–44', below: 45 },
  { label: '45–54', below: 55 },
  { label: '55+', below: Number.POSITIVE_INFINITY },
];

/** Monthly income bands in yuan (the estimate the decision read). */
export const INCOME_BANDS_YUAN: ReadonlyArray<{ readonly label: string; readonly below: number }> = [
  { label: '< ¥3,000', below: 3_000 },
  { label: '¥3,000–7,999', below: 8_000 },
  { label: '¥8,000–14,999', below: 15_000 },
  { label: '¥15,000–29,999', below: 30_000 },
  { label: '¥30,000+', below: Number.POSITIVE_INFINITY },
];

export const MATURITY_DEFINITION =
  'an account the decision opened that could have gone 30+ days past due by now (an instalment or statement minimum fell due 30 days before its servicing date), or went bad, or was repaid — as monitoring’s performance';

/** A segment's counts so far (part of a checkpoint). */
export interface Tally {
  applications: number;
  approved: { champion: number; candidate: number };
  pd: { champion: { sum: number; count: number }; candidate: { sum: number; count: number } };
  observed: { champion: { matured: number; bads: number }; candidate: { matured: number; bads: number } };
}

const newTally = (): Tally => ({
  applications: 0,
  approved: { champion: 0, candidate: 0 },
  pd: { champion: { sum: 0, count: 0 }, candidate: { sum: 0, count: 0 } },
  observed: { champion: { matured: 0, bads: 0 }, candidate: { matured: 0, bads: 0 } },
});

function tallyPair(tally: Tally, pair: BacktestPair): void {
  tally.applications += 1;
  for (const side of ['champion', 'candidate'] as const) {
    if (pair[side].outcome !== 'approved') continue;
    tally.approved[side] += 1;
    tally.pd[side].sum += pair[side].pd;
    tally.pd[side].count += 1;
    if (pair.verdict !== null) {
      tally.observed[side].matured += 1;
      if (pair.verdict === 'bad') tally.observed[side].bads += 1;
    }
  }
}

const observedOf = (entry: { matured: number; bads: number }): Observed => ({
  matured: entry.matured,
  bads: entry.bads,
  badRate: shareOf(entry.bads, entry.matured),
});

function segmentOf(segment: string, tally: Tally): BacktestSegment {
  const mean = (entry: { sum: number; count: number }) =>
    entry.count === 0 ? null : entry.sum / entry.count;
  return {
    segment,
    applications: tally.applications,
    approvalRate: {
      champion: shareOf(tally.approved.champion, tally.applications),
      candidate: shareOf(tally.approved.candidate, tally.applications),
    },
    approved: { ...tally.approved },
    expectedBadRate: { champion: mean(tally.pd.champion), candidate: mean(tally.pd.candidate) },
    observed: {
      champion: observedOf(tally.observed.champion),
      candidate: observedOf(tally.observed.candidate),
    },
  };
}

function bandLabel(bands: ReadonlyArray<{ label: string; below: number }>, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return 'unknown';
  return (bands.find((band) => value < band.below) ?? bands[bands.length - 1])?.label ?? 'unknown';
}

/** At most `max` points of a curve, evenly spaced by index, always keeping the first and the last. */
function thin<T>(points: readonly T[], max = 200): T[] {
  if (points.length <= max) return [...points];
  const step = (points.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => points[Math.round(i * step)] as T);
}

/** ROC and KS curves of one PD over the matured sample. */
function curves(pd: Float64Array, labels: Uint8Array) {
  const counts = rankedCounts(pd, labels);
  const roc = thin(rocCurve(counts).map((point) => ({ x: point.fpr, y: point.tpr })));
  let totalBads = 0;
  let totalGoods = 0;
  for (let k = 0; k < counts.values.length; k += 1) {
    totalBads += counts.bads[k] ?? 0;
    totalGoods += counts.goods[k] ?? 0;
  }
  // From the riskiest down, as a cut-off would take them.
  const ks: Array<{ x: number; bads: number; goods: number }> = [{ x: 0, bads: 0, goods: 0 }];
  let bads = 0;
  let goods = 0;
  for (let k = counts.values.length - 1; k >= 0; k -= 1) {
    bads += counts.bads[k] ?? 0;
    goods += counts.goods[k] ?? 0;
    ks.push({
      x: (bads + goods) / (totalBads + totalGoods),
      bads: totalBads === 0 ? 0 : bads / totalBads,
      goods: totalGoods === 0 ? 0 : goods / totalGoods,
    });
  }
  return { roc, ks: thin(ks) };
}

/**
 * What a backtest has folded so far, JSON-safe (numbers as JavaScript writes them, which read back to the
 * same doubles): `createBacktestAggregator(window, state)` goes on from it, and the report it ends with is
 * the one an uninterrupted fold gives.
 */
export interface BacktestState {
  readonly applications: number;
  readonly comparison: ComparisonState;
  readonly skipped: Readonly<Record<string, number>>;
  readonly segments: Readonly<Record<keyof BacktestReport['segments'], Readonly<Record<string, Tally>>>>;
  readonly swap: { readonly swapIns: MaturedTally; readonly swapOuts: MaturedTally };
  /** The matured sample, column by column, in the order folded. */
  readonly matured: {
    readonly championPd: readonly number[];
    readonly candidatePd: readonly number[];
    readonly championScore: readonly number[];
    readonly candidateScore: readonly number[];
    readonly labels: readonly number[];
  };
}

interface MaturedTally {
  matured: number;
  bads: number;
}

const copyTally = (tally: Tally): Tally => ({
  applications: tally.applications,
  approved: { ...tally.approved },
  pd: { champion: { ...tally.pd.champion }, candidate: { ...tally.pd.candidate } },
  observed: { champion: { ...tally.observed.champion }, candidate: { ...tally.observed.candidate } },
});

export interface BacktestAggregator {
  add(pair: BacktestPair): void;
  skip(reason: string): void;
  /** The fold so far, for a checkpoint. */
  state(): BacktestState;
  report(context: {
    readonly champion: Pick<Scorecard, 'version' | 'contentHash' | 'scaling'>;
    readonly candidate: Pick<Scorecard, 'version' | 'contentHash' | 'scaling'>;
    readonly policy: BacktestReport['policy'];
    readonly badDaysPastDue: number;
  }): BacktestReport;
}

/** A fold over a window; given a `state` (a checkpoint of an earlier fold of the same run), it goes on from it. */
export function createBacktestAggregator(window: MonitoringWindow, from?: BacktestState): BacktestAggregator {
  const comparison: Comparison = createComparison(from?.comparison);
  const skipped = new Map<string, number>(Object.entries(from?.skipped ?? {}));
  const tallies = (key: keyof BacktestState['segments']) =>
    new Map<string, Tally>(
      Object.entries(from?.segments[key] ?? {}).map(([segment, tally]) => [segment, copyTally(tally)]),
    );
  const segments = {
    scoreBand: tallies('scoreBand'),
    product: tallies('product'),
    ageBand: tallies('ageBand'),
    incomeBand: tallies('incomeBand'),
  };
  const swap = {
    swapIns: { ...(from?.swap.swapIns ?? { matured: 0, bads: 0 }) },
    swapOuts: { ...(from?.swap.swapOuts ?? { matured: 0, bads: 0 }) },
  };
  // The matured sample, kept as columns (8 + 8 + 8 + 8 + 1 bytes per application).
  const restored = from?.matured;
  let size = restored?.labels.length ?? 0;
  const capacity = Math.max(1_024, size * 2);
  const column = (values: readonly number[] | undefined) => {
    const array = new Float64Array(capacity);
    if (values) array.set(values);
    return array;
  };
  let championPd = column(restored?.championPd);
  let candidatePd = column(restored?.candidatePd);
  let championScore = column(restored?.championScore);
  let candidateScore = column(restored?.candidateScore);
  let labels = new Uint8Array(capacity);
  if (restored) labels.set(restored.labels);
  let applications = from?.applications ?? 0;
  const grow = (): void => {
    const bigger = <A extends Float64Array | Uint8Array>(array: A, make: (n: number) => A): A => {
      const next = make(array.length * 2);
      next.set(array);
      return next;
    };
    championPd = bigger(championPd, (n) => new Float64Array(n));
    candidatePd = bigger(candidatePd, (n) => new Float64Array(n));
    championScore = bigger(championScore, (n) => new Float64Array(n));
    candidateScore = bigger(candidateScore, (n) => new Float64Array(n));
    labels = bigger(labels, (n) => new Uint8Array(n));
  };
  const into = (map: Map<string, Tally>, key: string, pair: BacktestPair): void => {
    let tally = map.get(key);
    if (!tally) map.set(key, (tally = newTally()));
    tallyPair(tally, pair);
  };
  return {
    add(pair) {
      applications += 1;
      comparison.add(pair.champion, pair.candidate);
      const band = SCORE_BANDS[scoreBandOf(pair.champion.score)];
      into(segments.scoreBand, band ? band.label : 'unscored', pair);
      into(segments.product, pair.productCode, pair);
      into(segments.ageBand, bandLabel(AGE_BANDS, pair.age), pair);
      into(
        segments.incomeBand,
        bandLabel(
          INCOME_BANDS_YUAN,
          pair.monthlyIncomeFen === null ? null : Number(pair.monthlyIncomeFen) / 100,
        ),
        pair,
      );
      if (pair.verdict === null) return;
      const championApproves = pair.champion.outcome === 'approved';
      const candidateApproves = pair.candidate.outcome === 'approved';
      const set =
        candidateApproves && !championApproves
          ? swap.swapIns
          : championApproves && !candidateApproves
            ? swap.swapOuts
            : null;
      if (set) {
        set.matured += 1;
        if (pair.verdict === 'bad') set.bads += 1;
      }
      if (size === labels.length) grow();
      championPd[size] = pair.champion.pd;
      candidatePd[size] = pair.candidate.pd;
      championScore[size] = pair.champion.score;
      candidateScore[size] = pair.candidate.score;
      labels[size] = pair.verdict === 'bad' ? 1 : 0;
      size += 1;
    },
    skip(reason) {
      skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
    },
    state() {
      const record = (map: Map<string, Tally>) =>
        Object.fromEntries([...map.entries()].map(([segment, tally]) => [segment, copyTally(tally)]));
      return {
        applications,
        comparison: comparison.state(),
        skipped: Object.fromEntries(skipped),
        segments: {
          scoreBand: record(segments.scoreBand),
          product: record(segments.product),
          ageBand: record(segments.ageBand),
          incomeBand: record(segments.incomeBand),
        },
        swap: { swapIns: { ...swap.swapIns }, swapOuts: { ...swap.swapOuts } },
        matured: {
          championPd: [...championPd.subarray(0, size)],
          candidatePd: [...candidatePd.subarray(0, size)],
          championScore: [...championScore.subarray(0, size)],
          candidateScore: [...candidateScore.subarray(0, size)],
          labels: [...labels.subarray(0, size)],
        },
      };
    },
    report(context) {
      const target = labels.subarray(0, size);
      let bads = 0;
      for (const label of target) bads += label;
      const discriminates = bads > 0 && bads < size;
      const metricsOf = (
        card: Pick<Scorecard, 'scaling'>,
        scores: Float64Array,
        pd: Float64Array,
      ): SampleMetrics =>
        sampleMetrics(
          card,
          { totals: scores.subarray(0, size), scores: scores.subarray(0, size), pd: pd.subarray(0, size) },
          target,
        );
      const ordered = (map: Map<string, Tally>, order?: readonly string[]) =>
        [...map.entries()]
          .sort(([a], [b]) => {
            if (order) return order.indexOf(a) - order.indexOf(b);
            return a < b ? -1 : a > b ? 1 : 0;
          })
          .map(([key, tally]) => segmentOf(key, tally));
      const championCurves = discriminates ? curves(championPd.subarray(0, size), target) : null;
      const candidateCurves = discriminates ? curves(candidatePd.subarray(0, size), target) : null;
      return {
        window: { from: window.from, to: window.to, product: window.product },
        champion: { version: context.champion.version, contentHash: context.champion.contentHash },
        candidate: { version: context.candidate.version, contentHash: context.candidate.contentHash },
        policy: context.policy,
        maturity: { definition: MATURITY_DEFINITION, badDaysPastDue: context.badDaysPastDue },
        applications,
        skipped: Object.fromEntries([...skipped.entries()].sort(([a], [b]) => (a < b ? -1 : 1))),
        matured: { applications: size, bads },
        discrimination:
          championCurves && candidateCurves
            ? {
                champion: metricsOf(context.champion, championScore, championPd),
                candidate: metricsOf(context.candidate, candidateScore, candidatePd),
                roc: { champion: championCurves.roc, candidate: candidateCurves.roc },
                ks: { champion: championCurves.ks, candidate: candidateCurves.ks },
              }
            : null,
        comparison: comparison.figures(),
        swapObserved: { swapIns: observedOf(swap.swapIns), swapOuts: observedOf(swap.swapOuts) },
        segments: {
          scoreBand: ordered(segments.scoreBand, [...SCORE_BANDS.map((band) => band.label), 'unscored']),
          product: ordered(segments.product),
          ageBand: ordered(segments.ageBand, [...AGE_BANDS.map((band) => band.label), 'unknown']),
          incomeBand: ordered(segments.incomeBand, [
            ...INCOME_BANDS_YUAN.map((band) => band.label),
            'unknown',
          ]),
        },
      };
    },
  };
}
