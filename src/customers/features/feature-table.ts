import { AppError } from '../../platform/errors/app-error.ts';
import { addDays, addMonths, businessDateOf, startOfBusinessDate } from '../../platform/time/local-date.ts';
import type { FeatureVector } from './compute.ts';
import { FEATURES } from './definitions.ts';

/**
 * Training tables: one row per customer with every feature as of one instant and the label `bad`
 * (30+ days past due within the label window after it). Built by the same `computeFeatures` pass that
 * serves decisions, from the database (the `features` command) or from a synthetic population in memory
 * (`populationFeatureTable` in `src/demo/population/`).
 */

/** A label window: `6m` (calendar months) or `90d` (days). */
export interface LabelWindow {
  readonly months?: number;
  readonly days?: number;
  readonly text: string;
}

export function parseLabelWindow(text: string, field = 'labelWindow'): LabelWindow {
  const match = /^(\d{1,3})([md])$/.exec(typeof text === 'string' ? text.trim() : '');
  const amount = match ? Number(match[1]) : 0;
  if (!match || amount < 1) {
    throw AppError.invalid(
      field,
      'window',
      `"${String(text)}" is not a window such as 6m (months) or 90d (days)`,
    );
  }
  return match[2] === 'm' ? { months: amount, text } : { days: amount, text };
}

/** The end of the label window: the same time of day, `window` later in Asia/Shanghai dates. */
export function labelEndOf(asOf: Date, window: LabelWindow): Date {
  const date = businessDateOf(asOf);
  const timeOfDay = asOf.getTime() - startOfBusinessDate(date).getTime();
  const endDate =
    window.months !== undefined ? addMonths(date, window.months) : addDays(date, window.days ?? 0);
  return new Date(startOfBusinessDate(endDate).getTime() + timeOfDay);
}

/** A column-oriented training table (what a scorecard fits on). */
export interface FeatureTable {
  readonly asOf: Date;
  readonly labelEnd: Date;
  readonly customerIds: string[];
  /** Numeric features by name; NaN is null (no data, no consent, not applicable). */
  readonly numeric: Record<string, Float64Array>;
  /** Categorical features by name. */
  readonly categorical: Record<string, Array<string | null>>;
  /** 1 = bad (30+ days past due within the window), 0 = good. */
  readonly bad: Uint8Array;
}

/**
 * Accumulates rows into a `FeatureTable` (used for the population, and by anyone computing in batches).
 */
export class FeatureTableBuilder {
  private readonly customerIds: string[] = [];
  private readonly numeric: number[][] = FEATURES.map(() => []);
  private readonly categorical: Array<Array<string | null>> = FEATURES.map(() => []);
  private readonly bad: number[] = [];

  constructor(
    private readonly asOf: Date,
    private readonly labelEnd: Date,
  ) {}

  add(customerId: string, vector: FeatureVector, bad: 0 | 1): void {
    this.customerIds.push(customerId);
    for (let i = 0; i < FEATURES.length; i += 1) {
      if (FEATURES[i]?.unit === 'category') this.categorical[i]?.push(vector.categories[i] ?? null);
      else this.numeric[i]?.push(vector.values[i] ?? NaN);
    }
    this.bad.push(bad);
  }

  build(): FeatureTable {
    const numeric: Record<string, Float64Array> = {};
    const categorical: Record<string, Array<string | null>> = {};
    FEATURES.forEach((feature, i) => {
      if (feature.unit === 'category') categorical[feature.name] = this.categorical[i] ?? [];
      else numeric[feature.name] = Float64Array.from(this.numeric[i] ?? []);
    });
    return {
      asOf: this.asOf,
      labelEnd: this.labelEnd,
      customerIds: this.customerIds,
      numeric,
      categorical,
      bad: Uint8Array.from(this.bad),
    };
  }
}

/** CSV of a training table's header: customer id, every feature in catalogue order, then `bad`. */
export function featureCsvHeader(): string {
  return ['customer_id', ...FEATURES.map((feature) => feature.name), 'bad'].join(',');
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One CSV line (empty cells for null). Numbers print exactly as JavaScript writes them. */
export function featureCsvLine(customerId: string, vector: FeatureVector, bad: 0 | 1 | null): string {
  const cells: string[] = [customerId];
  for (let i = 0; i < FEATURES.length; i += 1) {
    if (FEATURES[i]?.unit === 'category') cells.push(csvCell(vector.categories[i] ?? ''));
    else {
      const value = vector.values[i] ?? NaN;
      cells.push(Number.isNaN(value) ? '' : String(value));
    }
  }
  cells.push(bad === null ? '' : String(bad));
  return cells.join(',');
}
