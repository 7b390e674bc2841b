import type { Population, SyntheticCustomer } from '../population/population.ts';
import { chance, createRandom, pick, randomInt, type Random } from '../population/random.ts';
import {
  addDays,
  addMonths,
  businessDateOf,
  daysBetween,
  startOfBusinessDate,
  type LocalDate,
} from '../../platform/time/local-date.ts';

/**
 * The plan of the demo's history, pure: who applies for what and when, who repays and who does not, which
 * declines are appealed and how each appeal ends. Everything comes from the seed and the synthetic
 * population (same seed, same anchor → same plan); the seeder (`history-seeder.ts`) carries it out through
 * the real use cases with a clock set to the past.
 */

export type HistoryProduct = 'cash_loan' | 'credit_line';

/** How the seeded appeals end up: one scripted path per state the reviewer screens show. */
export const APPEAL_ENDINGS = [
  'submitted',
  'claimed',
  'upheld',
  'overturned',
  'awaiting_approval',
  'withdrawn',
  'sla_breached',
] as const;
export type AppealEnding = (typeof APPEAL_ENDINGS)[number];

export interface HistoryOptions {
  /** Seed of the synthetic population and of every choice the plan makes. */
  readonly seed: number;
  /** Synthetic applicants (customers of the population). */
  readonly applicants: number;
  /** Months of activity before the anchor. */
  readonly months: number;
}

/** The default demo history: ~6 months, measured to add about 20 s to a first start (docs/demo.md). */
export const DEFAULT_HISTORY: HistoryOptions = { seed: 2026, applicants: 300, months: 6 };

export interface PlannedApplication {
  readonly customerIndex: number;
  readonly product: HistoryProduct;
  /** When the customer applies (an instant on a past business day, office hours Shanghai). */
  readonly at: Date;
  /** Share of the approved limit drawn (cash loans) or spent each month (credit lines), in percent. */
  readonly usePercent: number;
  /** Cash loans: the term asked for (months). */
  readonly term: number;
}

export interface HistoryPlan {
  readonly options: HistoryOptions;
  /** The first business day of the history's activity. */
  readonly from: LocalDate;
  /** The anchor: the day of the first start; the history ends the day before. */
  readonly anchor: LocalDate;
  /** The drift episode: applicants of a weaker mix apply in [driftFrom, driftTo). */
  readonly driftFrom: LocalDate;
  readonly driftTo: LocalDate;
  /** Applications in time order. */
  readonly applications: readonly PlannedApplication[];
}

const HOUR_MS = 3_600_000;

/** Office-hours instant on `date` (09:00–20:59 Shanghai), from the random source. */
function officeHours(random: Random, date: LocalDate): Date {
  const offset = (9 + randomInt(random, 0, 11)) * HOUR_MS + randomInt(random, 0, 3_599) * 1000;
  return new Date(startOfBusinessDate(date).getTime() + offset);
}

/**
 * Whether a customer belongs to the weaker mix the drift episode brings (a campaign on a new channel: more
 * thin files and multi-head borrowers, lower creditworthiness).
 */
function weakerMix(customer: SyntheticCustomer): boolean {
  return (
    customer.segment === 'thin_file' ||
    customer.segment === 'multi_head' ||
    customer.latent.creditworthiness < -0.6
  );
}

/**
 * Plans the history ending the day before `anchor`. Volume grows over the months (a lender that is
 * growing: the last eight weeks carry about half of the applications, so the weekly drift figures there
 * are read on enough decisions); the drift episode is weeks 7–4 before the anchor, inside the monitoring
 * report's default 56-day window, so it shows on the first look.
 */
export function planHistory(population: Population, options: HistoryOptions, anchor: LocalDate): HistoryPlan {
  const random = createRandom(options.seed ^ 0x5eed);
  const from = addMonths(anchor, -options.months);
  const last = addDays(anchor, -1);
  const driftFrom = addDays(anchor, -49);
  const driftTo = addDays(anchor, -28);
  const recentFrom = addDays(anchor, -56);
  const applications: PlannedApplication[] = [];
  for (const customer of population.customers) {
    const opened = businessDateOf(customer.openedAt);
    // A customer applies once their file has a month of data with us, within the history.
    const earliest = addDays(opened, 30) > from ? addDays(opened, 30) : from;
    if (earliest > last) continue;
    let date: LocalDate;
    if (weakerMix(customer) && earliest < driftTo && chance(random, 0.45)) {
      // The campaign's applicants arrive during the episode.
      const start = earliest > driftFrom ? earliest : driftFrom;
      date = addDays(start, randomInt(random, 0, Math.max(0, daysBetween(start, driftTo) - 1)));
    } else if (chance(random, 0.6) && earliest <= last) {
      // Most of the rest in the last eight weeks (a lender that is growing), outside the episode.
      const start = earliest > recentFrom ? earliest : recentFrom;
      date = addDays(start, randomInt(random, 0, daysBetween(start, last)));
      if (date >= driftFrom && date < driftTo) date = addDays(driftTo, randomInt(random, 0, 27));
    } else {
      date = addDays(earliest, randomInt(random, 0, daysBetween(earliest, last)));
      if (date >= driftFrom && date < driftTo) date = addDays(date, -21);
    }
    if (date < earliest) date = earliest;
    if (date > last) date = last;
    const products: HistoryProduct[] = chance(random, 0.35)
      ? ['cash_loan', 'credit_line']
      : [pick(random, ['cash_loan', 'credit_line'] as const)];
    for (const product of products) {
      applications.push({
        customerIndex: customer.index,
        product,
        at: officeHours(random, date),
        usePercent: randomInt(random, 3, 10) * 10,
        term: pick(random, [3, 6, 6, 12, 12]),
      });
    }
  }
  applications.sort(
    (a, b) =>
      a.at.getTime() - b.at.getTime() ||
      a.customerIndex - b.customerIndex ||
      (a.product < b.product ? -1 : 1),
  );
  return { options, from, anchor, driftFrom, driftTo, applications };
}
