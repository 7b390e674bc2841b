import { FEATURES, type FeatureTable } from '../../customers/index.ts';
import { generatePopulation } from '../population/population.ts';
import { populationFeatureTable } from '../population/population-features.ts';
import {
  DEFAULT_TRAINING,
  trainScorecard,
  type Dataset,
  type FeatureSettings,
  type ScalingOptions,
  type Scorecard,
  type TrainingResult,
} from '../../scoring/index.ts';
import { YUAN_FEATURES } from '../../decisions/index.ts';
import type { Column } from '../../scoring/index.ts';
import { addMonths, businessDateOf, startOfBusinessDate } from '../../platform/time/local-date.ts';

/**
 * The demo's scorecard: trained in memory on the synthetic population of the customers context, on the
 * same feature names the snapshot serves (`snapshot.features`), so a decision scores a customer with the
 * row it already has. Pure and deterministic in its options (the population is seeded; the training
 * instant is passed in), so the same seed and version give the same artefact and content hash.
 */
export interface DemoScorecardOptions {
  /** Synthetic customers to generate (default 4,000). */
  readonly customers?: number;
  /** Months of history per customer (default 24). */
  readonly months?: number;
  readonly seed?: number;
  /** The model's version name; default `demo-synthetic-v3-s<seed>-n<customers>`. */
  readonly version?: string;
  /** RFC 3339 instant recorded as the training time (from the caller's clock). */
  readonly trainedAt: string;
  /** The points scale (default `DEMO_SCALING`). */
  readonly scaling?: Partial<ScalingOptions>;
}

/**
 * The demo's points scale: **650 points at good:bad odds of 5:1 (PD 16.7%), 40 points to double the odds**,
 * clamped to 350–950. Why: the synthetic population is a consumer-credit book with a bad rate of about
 * 15% (odds ≈ 5.7:1). On the library's default scale (600 at 50:1) its average applicant scores about 475
 * and 99% of applicants fall below the default policy's cut-offs — a policy no lender would run. Anchoring
 * odds of 5:1 at 650 puts the population's average at about 657 and its middle 80% between 580 and 775,
 * where Sesame-style scores of a mass-market book sit (600–650 "good", 650–700 "very good", 700+
 * "excellent"); PDO 40 keeps the width, so 350 still means odds worse than 1:3 and 950 better than 900:1.
 * The default policy's cut-offs (cash loan 600, credit line 560) are left as they are. On applicants drawn
 * from the population (seed 7, decided six months before the end of their history, labels from the six
 * months after) the default policy approves 56% of cash-loan and 70% of credit-line applications (the rest
 * mostly for verification below the product's level, arrears, debt service or the score), and the bad rate
 * rises as scores fall: about 3% from 750 up, 6% at 700–749, 10% at 650–699, 22% at 600–649, 28% at
 * 550–599, 63% at 500–549 and above 85% below 500 (`test/decisions/decision-calibration.test.ts`).
 */
export const DEMO_SCALING: Partial<ScalingOptions> = { baseScore: 650, baseOdds: 5, pdo: 40 };

/** The demo's choice: 4,000 customers (about a second of generation and training), seed 1. */
export const DEMO_SCORECARD = { customers: 4_000, seed: 1 } as const;

/**
 * The version name the demo uses for a seed and size, so a later start can find and reuse it. `v2`: the
 * calibrated scale and the debt-service and on-time-here features; `v3`: reason texts show ratios as
 * percentages and money in yuan (a start with an older model trains the current one).
 */
export function demoScorecardVersion(seed: number, customers: number): string {
  return `demo-synthetic-v3-s${seed}-n${customers}`;
}

/** A `FeatureTable` as a scoring `Dataset` (numeric columns as they are; categorical coded by level). */
export function featureTableDataset(table: FeatureTable, rows?: readonly number[]): Dataset {
  const pick = rows ?? Array.from({ length: table.customerIds.length }, (_, i) => i);
  const columns: Column[] = [];
  for (const feature of FEATURES) {
    const numeric = table.numeric[feature.name];
    if (numeric) {
      const values = new Float64Array(pick.length);
      const scale = YUAN_FEATURES.has(feature.name) ? 100 : 1;
      pick.forEach((row, i) => {
        values[i] = (numeric[row] ?? Number.NaN) / scale;
      });
      columns.push({ kind: 'numeric', name: feature.name, values });
      continue;
    }
    const categorical = table.categorical[feature.name];
    if (!categorical) continue;
    const levels: string[] = [];
    const index = new Map<string, number>();
    const codes = new Int32Array(pick.length);
    pick.forEach((row, i) => {
      const value = categorical[row] ?? null;
      if (value === null) {
        codes[i] = -1;
        return;
      }
      let code = index.get(value);
      if (code === undefined) {
        code = levels.length;
        levels.push(value);
        index.set(value, code);
      }
      codes[i] = code;
    });
    columns.push({ kind: 'categorical', name: feature.name, codes, levels });
  }
  const target = new Uint8Array(pick.length);
  pick.forEach((row, i) => {
    target[i] = table.bad[row] ?? 0;
  });
  return { rows: pick.length, columns, target };
}

/** Generates the population, builds its training table six months before the end, and trains. */
export function trainDemoScorecard(options: DemoScorecardOptions): TrainingResult & { card: Scorecard } {
  const customers = options.customers ?? DEMO_SCORECARD.customers;
  const seed = options.seed ?? DEMO_SCORECARD.seed;
  const population = generatePopulation({ customers, months: options.months ?? 24, seed });
  // Features six months before the history ends, labels from the six months after (30+ DPD): the
  // customers context's own training convention.
  const asOf = startOfBusinessDate(addMonths(businessDateOf(population.end), -6));
  return trainScorecard(
    {
      train: featureTableDataset(populationFeatureTable(population, { asOf })),
      target: { column: 'bad', bad: '1', good: ['0'], chosen: 'given' },
      version: options.version ?? demoScorecardVersion(seed, customers),
      trainedAt: options.trainedAt,
    },
    {
      ...DEFAULT_TRAINING,
      scaling: { ...DEFAULT_TRAINING.scaling, ...DEMO_SCALING, ...options.scaling },
      features: DEMO_FEATURE_SETTINGS,
    },
  );
}

/**
 * Customer-facing labels (the catalogue's descriptions, without the unit note) and how reason texts show
 * the values: ratios as percentages, money in yuan (the row's unit), the rest as numbers.
 */
const DEMO_FEATURE_SETTINGS: Record<string, FeatureSettings> = Object.fromEntries(
  FEATURES.map((feature) => [
    feature.name,
    {
      label: {
        zh: feature.description.zh.replace('（分）', '').split('：')[0] ?? feature.name,
        en: feature.description.en.replace(' (fen)', '').split(':')[0] ?? feature.name,
      },
      ...(feature.unit === 'ratio'
        ? { valueFormat: 'percent' as const }
        : feature.unit === 'fen'
          ? { valueFormat: 'yuan' as const }
          : {}),
    },
  ]),
);
