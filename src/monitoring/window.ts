import { AppError } from '../platform/errors/app-error.ts';
import { divRound } from '../platform/money/rounding.ts';
import { rate, toRateString, type Rate } from '../platform/money/rate.ts';
import {
  addDays,
  daysBetween,
  isoDayOfWeek,
  parseLocalDate,
  type LocalDate,
} from '../platform/time/local-date.ts';
import { calibrationEdges, DEFAULT_SCALING, scoreBandIndex } from '../scoring/index.ts';

/**
 * What every monitoring question is asked over: a range of business dates (Asia/Shanghai, both ends
 * included), optionally one product. Parsed here once for the API, the CLI and the service, so a bad
 * parameter reads the same everywhere: the field and the rule.
 */
export interface MonitoringWindow {
  readonly from: LocalDate;
  readonly to: LocalDate;
  /** A product code (`cash_loan`), or null for every product. */
  readonly product: string | null;
}

/** The raw parameters, as strings (query string or command-line options). */
export interface WindowParams {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly product?: string | undefined;
}

/** The longest window one request may cover (two years and a day: a leap year included). */
export const MAX_WINDOW_DAYS = 732;

const PRODUCT_CODE = /^[a-z][a-z0-9_]{1,39}$/;

/**
 * Reads a window. `to` defaults to `today`, `from` to `defaultDays − 1` days before `to`. Refuses a date
 * that is not `YYYY-MM-DD` (rule `date`), `from` after `to` (rule `order`), a span over
 * `MAX_WINDOW_DAYS` (rule `max-span`) and a product code of the wrong shape (rule `product-code`).
 */
export function parseWindow(params: WindowParams, today: LocalDate, defaultDays: number): MonitoringWindow {
  const to = params.to === undefined || params.to === '' ? today : parseLocalDate(params.to, 'to');
  const from =
    params.from === undefined || params.from === ''
      ? addDays(to, -(defaultDays - 1))
      : parseLocalDate(params.from, 'from');
  if (from > to) throw AppError.invalid('from', 'order', `from (${from}) is after to (${to})`);
  const span = daysBetween(from, to) + 1;
  if (span > MAX_WINDOW_DAYS) {
    throw AppError.invalid(
      'to',
      'max-span',
      `the window covers ${span} days; at most ${MAX_WINDOW_DAYS} may be asked for at once`,
    );
  }
  let product: string | null = null;
  if (params.product !== undefined && params.product !== '') {
    if (!PRODUCT_CODE.test(params.product)) {
      throw AppError.invalid('product', 'product-code', 'a product code is lower-case letters, digits and _');
    }
    product = params.product;
  }
  return { from, to, product };
}

/** The Monday of the ISO week a date falls in: weeks are labelled by the day they start. */
export function weekStartOf(date: LocalDate): LocalDate {
  return addDays(date, 1 - isoDayOfWeek(date));
}

/** The score scale every Credence model uses (350–950) cut into the PSI bands: 350, 400, …, 950. */
export const SCORE_BAND_EDGES: readonly number[] = calibrationEdges({ scaling: DEFAULT_SCALING });

/** One 50-point score band, `[from, to)`; the last includes 950. */
export interface ScoreBand {
  readonly from: number;
  readonly to: number;
  /** `350–399`, …, `900–950`. */
  readonly label: string;
}

export const SCORE_BANDS: readonly ScoreBand[] = SCORE_BAND_EDGES.slice(0, -1).map((from, index) => {
  const to = SCORE_BAND_EDGES[index + 1] ?? from;
  const last = index === SCORE_BAND_EDGES.length - 2;
  return { from, to, label: `${from}–${last ? to : to - 1}` };
});

/** The index in `SCORE_BANDS` of a score (the same rule as the scoring context's PSI bands). */
export function scoreBandOf(score: number): number {
  return scoreBandIndex(SCORE_BAND_EDGES, score);
}

/**
 * A share as a decimal string rounded half-even to 6 places (`"0.333333"`), or null when there is
 * nothing to share. The counts it comes from are always reported beside it: they are the exact figures.
 */
export function shareOf(count: number, total: number): string | null {
  return total === 0 ? null : toRateString(rate(BigInt(count), BigInt(total)), 6);
}

/** The exact mean of rates (APR), as a decimal rounded half-even to 6 places; null for none. */
export function meanRate(sum: Rate, count: number): string | null {
  return count === 0 ? null : toRateString(rate(sum.num, sum.den * BigInt(count)), 6);
}

/** The mean of amounts in fen, rounded half-even to the fen; null for none. */
export function meanFen(sum: bigint, count: number): bigint | null {
  return count === 0 ? null : divRound(sum, BigInt(count), 'halfEven');
}
