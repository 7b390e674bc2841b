import { DATA_SOURCES } from '../../identity/index.ts';
import { businessDateOf, startOfBusinessDate, type LocalDate } from '../../platform/time/local-date.ts';
import { featureDefinition } from './definitions.ts';
import {
  INQUIRY_CARD_APPLICATION,
  INQUIRY_LOAN_APPLICATION,
  TYPE_CODE,
  type EventColumns,
} from './event-columns.ts';

/**
 * Recourse for time-decaying counts ("inquiries over 30 days", "limit checks over 24 hours"): when will the
 * value have dropped to a target if the person adds nothing new? Each counted unit stops counting at its
 * expiry (event time + window; for distinct lenders, the lender's latest application + window), so the
 * value at instant t is the number of expiries after t.
 */

/** Which events a decaying feature counts, and which source it needs consent for. */
const DECAY_SELECTORS: ReadonlyArray<{
  readonly prefix: string;
  readonly consent: number | null;
  readonly selects: (columns: EventColumns, i: number) => boolean;
}> = [
  {
    prefix: 'inquiries_',
    consent: DATA_SOURCES.indexOf('credit_bureau'),
    selects: (c, i) =>
      c.type[i] === TYPE_CODE.inquiry &&
      (c.sub[i] === INQUIRY_LOAN_APPLICATION || c.sub[i] === INQUIRY_CARD_APPLICATION),
  },
  {
    prefix: 'distinct_lenders_',
    consent: DATA_SOURCES.indexOf('credit_bureau'),
    selects: (c, i) =>
      c.type[i] === TYPE_CODE.inquiry &&
      (c.sub[i] === INQUIRY_LOAN_APPLICATION || c.sub[i] === INQUIRY_CARD_APPLICATION),
  },
  { prefix: 'limit_views_', consent: null, selects: (c, i) => c.type[i] === TYPE_CODE.limit_view },
  {
    prefix: 'failed_logins_',
    consent: null,
    selects: (c, i) => c.type[i] === TYPE_CODE.login && c.sub[i] === 0,
  },
  { prefix: 'device_changes_', consent: null, selects: (c, i) => c.type[i] === TYPE_CODE.device_change },
];

/**
 * The expiry instants (epoch ms, ascending) of the units a decaying feature counts as of `asOfMs`; their
 * number equals the feature's value. Empty for features that do not decay, or whose source lacks consent.
 */
export function decayExpiries(
  columns: EventColumns,
  start: number,
  end: number,
  asOfMs: number,
  featureName: string,
): number[] {
  const decay = featureDefinition(featureName)?.recourse.decay;
  const selector = DECAY_SELECTORS.find((candidate) => featureName.startsWith(candidate.prefix));
  if (!decay || !selector) return [];
  const since = asOfMs - decay.windowMs;
  let consented = selector.consent === null;
  const expiries: number[] = [];
  const latestByLender = new Map<number, number>();
  for (let i = start; i < end; i += 1) {
    const t = columns.time[i] ?? 0;
    if (t > asOfMs) break;
    if (selector.consent !== null && columns.type[i] === TYPE_CODE.consent) {
      const code = columns.sub[i] ?? 0;
      if (code >> 1 === selector.consent) consented = (code & 1) === 1;
    }
    if (t <= since || !selector.selects(columns, i)) continue;
    if (decay.counts === 'distinct-lenders') latestByLender.set(columns.key[i] ?? 0, t);
    else expiries.push(t + decay.windowMs);
  }
  if (!consented) return [];
  if (decay.counts === 'distinct-lenders')
    for (const t of latestByLender.values()) expiries.push(t + decay.windowMs);
  return expiries.sort((a, b) => a - b);
}

/**
 * The first business date from whose start (00:00 Asia/Shanghai) the value is at most `target`, assuming
 * nothing new is added; `null` when it already is. "Make no new credit applications until this date."
 */
export function dateValueDropsTo(expiries: readonly number[], target: number): LocalDate | null {
  const sorted = [...expiries].sort((a, b) => a - b);
  const mustExpire = sorted.length - Math.max(0, Math.floor(target));
  if (mustExpire <= 0) return null;
  const instant = sorted[mustExpire - 1] ?? 0;
  const date = businessDateOf(new Date(instant));
  const start = startOfBusinessDate(date).getTime();
  // The value counts expiries strictly after t, so at the expiry instant itself the unit no longer counts.
  return start >= instant ? date : businessDateOf(new Date(start + 86_400_000));
}
