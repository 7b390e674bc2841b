import { addDays, type LocalDate } from '../platform/time/local-date.ts';
import {
  calibrationEdges,
  DEFAULT_PSI_EPSILON,
  scoreBandIndex,
  stabilityIndex,
  trainingScoreBandCounts,
  type Scorer,
  type ScoreRow,
  type StabilityVerdict,
} from '../scoring/index.ts';
import { shareOf, weekStartOf, type MonitoringWindow } from './window.ts';

/**
 * Drift: is today's population still the one the active model was trained on? Score PSI over the model's
 * PSI bands and characteristic CSI over each characteristic's own bins, per ISO week, against the
 * training counts the artefact carries — with the scoring context's `stabilityIndex` (ε floor, every bin
 * counted, verdicts at 0.1 and 0.25), so the figures agree with `credence evaluate`. Only decisions the
 * active model scored enter (the same content hash): a score from another model is on another scale.
 */

/** The part of a decision record drift reads. */
export interface DriftRecord {
  readonly decisionDate: LocalDate;
  readonly productCode: string;
  /** The score as recorded (clamped to the scale). */
  readonly score: number;
  /** The scorecard row the model read (money in yuan), as recorded. */
  readonly row: ScoreRow;
}

export interface StabilityFigure {
  readonly value: number;
  readonly verdict: StabilityVerdict;
}

export interface DriftPeriod {
  /** Monday of the week (or the window's first day for the whole window). */
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly decisions: number;
  /** Fewer decisions than the minimum a weekly figure needs to be read (see `minDecisions`). */
  readonly lowVolume: boolean;
  /** Null when the period holds no decision. */
  readonly psi: StabilityFigure | null;
  readonly csi: ReadonlyArray<{ readonly feature: string } & StabilityFigure>;
}

export interface DriftReport {
  readonly window: MonitoringWindow;
  readonly model: { readonly version: string; readonly contentHash: string; readonly trainingRows: number };
  readonly epsilon: number;
  readonly minDecisions: number;
  /** Recent decisions against training over the PSI bands, for the whole window. */
  readonly scoreDistribution: ReadonlyArray<{
    readonly from: number;
    readonly to: number;
    readonly training: number;
    readonly trainingShare: string | null;
    readonly recent: number;
    readonly recentShare: string | null;
  }>;
  readonly weeks: readonly DriftPeriod[];
  readonly overall: DriftPeriod;
  /** Decisions in the window that drift leaves out, and why. */
  readonly excluded: {
    readonly otherModel: number;
    readonly unscored: number;
    readonly overrides: number;
  };
}

/** Weekly figures below this many decisions are shown but flagged: PSI of a handful of rows is noise. */
export const DEFAULT_MIN_DECISIONS = 100;

interface Counts {
  decisions: number;
  score: number[];
  features: number[][];
}

export interface DriftAggregator {
  add(record: DriftRecord): void;
  /** A decision in the window that drift does not read, counted so the report says how many. */
  exclude(reason: 'otherModel' | 'unscored' | 'overrides'): void;
  report(): DriftReport;
}

/** A fresh fold of the active model's decisions into weekly PSI and CSI. */
export function createDriftAggregator(
  window: MonitoringWindow,
  scorer: Scorer,
  options: { readonly epsilon?: number; readonly minDecisions?: number } = {},
): DriftAggregator {
  const card = scorer.card;
  const epsilon = options.epsilon ?? DEFAULT_PSI_EPSILON;
  const minDecisions = options.minDecisions ?? DEFAULT_MIN_DECISIONS;
  const edges = calibrationEdges(card);
  const expectedScore = trainingScoreBandCounts(card);
  const expectedFeatures = card.features.map((feature) => feature.bins.map((bin) => bin.count));
  const locators = card.features.map((feature) => scorer.locator(feature.name));
  const fresh = (): Counts => ({
    decisions: 0,
    score: expectedScore.map(() => 0),
    features: expectedFeatures.map((bins) => bins.map(() => 0)),
  });
  const weeks = new Map<LocalDate, Counts>();
  const overall = fresh();
  const excluded = { otherModel: 0, unscored: 0, overrides: 0 };

  const count = (counts: Counts, band: number, bins: readonly number[]): void => {
    counts.decisions += 1;
    counts.score[band] = (counts.score[band] ?? 0) + 1;
    bins.forEach((bin, f) => {
      const row = counts.features[f] as number[];
      row[bin] = (row[bin] ?? 0) + 1;
    });
  };

  const period = (from: LocalDate, to: LocalDate, counts: Counts): DriftPeriod => ({
    from,
    to,
    decisions: counts.decisions,
    lowVolume: counts.decisions < minDecisions,
    psi: counts.decisions === 0 ? null : figure(expectedScore, counts.score, epsilon),
    csi:
      counts.decisions === 0
        ? []
        : card.features.map((feature, f) => ({
            feature: feature.name,
            ...figure(expectedFeatures[f] as number[], counts.features[f] as number[], epsilon),
          })),
  });

  return {
    add(record) {
      const band = scoreBandIndex(edges, record.score);
      // Each characteristic's value falls in the bin the scorer itself would put it in.
      const bins = locators.map(
        (locate, f) => locate(record.row[card.features[f]?.name ?? ''] ?? null).index,
      );
      const week = weekStartOf(record.decisionDate);
      let counts = weeks.get(week);
      if (!counts) {
        counts = fresh();
        weeks.set(week, counts);
      }
      count(counts, band, bins);
      count(overall, band, bins);
    },
    exclude(reason) {
      excluded[reason] += 1;
    },
    report() {
      const trainingRows = expectedScore.reduce((s, c) => s + c, 0);
      return {
        window,
        model: { version: card.version, contentHash: card.contentHash, trainingRows },
        epsilon,
        minDecisions,
        scoreDistribution: expectedScore.map((training, band) => ({
          from: edges[band] ?? 0,
          to: edges[band + 1] ?? 0,
          training,
          trainingShare: shareOf(training, trainingRows),
          recent: overall.score[band] ?? 0,
          recentShare: shareOf(overall.score[band] ?? 0, overall.decisions),
        })),
        weeks: [...weeks.entries()]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([monday, counts]) => {
            // A week cut by the window reports the days it covers.
            const from = monday < window.from ? window.from : monday;
            const sunday = addDays(monday, 6);
            return period(from, sunday > window.to ? window.to : sunday, counts);
          }),
        overall: period(window.from, window.to, overall),
        excluded,
      };
    },
  };
}

function figure(expected: readonly number[], actual: readonly number[], epsilon: number): StabilityFigure {
  const stability = stabilityIndex(expected, actual, epsilon);
  return { value: stability.value, verdict: stability.verdict };
}
