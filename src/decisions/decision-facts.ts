import { FEATURES, type CustomerSnapshot } from '../customers/index.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { fen, type Money } from '../platform/money/money.ts';
import { businessDateOf, startOfBusinessDate, type LocalDate } from '../platform/time/local-date.ts';
import { toExactRateString, type Rate } from '../platform/money/rate.ts';
import {
  legalRateCapToJson,
  parseLendingSettings,
  productToJson,
  type LegalRateCap,
  type PolicyInput,
  type Product,
  type RiskAppetite,
  type VerificationLevel,
} from '../policy/index.ts';
// The JSON form of a product; the policy index does not re-export it, the module is pure.
import type { Scorer, ScoreResult, ScoreRow } from '../scoring/index.ts';

/**
 * The facts a decision is made on, frozen at the decision instant: what the customer snapshot said (the
 * features, verification, holds and the decay data recourse dates come from), what the lender knew of the
 * customer's facility, and what was asked. Everything the decision computes — the scorecard row, the policy
 * input, the score, the policy's answer, reasons and recourse — is a function of these facts, the model and
 * the policy version; a replay re-runs that function on the stored facts.
 *
 * Plain JSON-safe values only (numbers, strings, booleans, null; instants as RFC 3339 strings), so the facts
 * are stored as they are and read back identical.
 */
export interface DecisionFacts {
  readonly customerId: string;
  readonly productCode: string;
  /** The decision instant and its business date (Asia/Shanghai). */
  readonly asOf: string;
  readonly asOfDate: LocalDate;
  /** Integer fen as a decimal string, or null for "the most I can get". */
  readonly requestedAmount: string | null;
  /** Every feature of the snapshot by name (money as integer fen, ratios 0–1, null unknown). */
  readonly features: Readonly<Record<string, number | string | null>>;
  readonly verification: {
    readonly level: number;
    readonly failures: readonly string[];
    readonly provider: string | null;
  };
  /** Whole years on the decision date. */
  readonly age: number;
  /**
   * On the lender's blocklist at the instant (by ID number, phone or a bound card). Absent in records made
   * before the blocklist existed: read as false, which is what those decisions used.
   */
  readonly blocklisted?: boolean;
  /** Risk holds in force at the instant: reason code and when each lifts. */
  readonly holds: ReadonlyArray<{ readonly reasonCode: string; readonly expiresAt: string }>;
  /** For time-decaying features: the instants (epoch ms) their counted units stop counting, ascending. */
  readonly decay: Readonly<Record<string, readonly number[]>>;
  /** The customer's facility for this product type before the decision (null: none yet). */
  readonly facility: { readonly openedAt: string; readonly status: string } | null;
  /**
   * The lender's terms in force at the decision, as a lending-settings document (the product, the risk
   * appetite, the legal rate caps), so a replay prices and words the decision as it was even after the
   * settings change. Null when they could not be read (a fault).
   */
  readonly terms: TermsJson | null;
  /**
   * The consents the decision relied on: each grant in force at the instant (credit assessment of a data
   * source, and the bureau query when one was made for the decision), by its event and the notice version
   * accepted. A source without one here was not read. Absent in records made before consents were recorded
   * with decisions (issue 17).
   */
  readonly consents?: readonly ReliedConsent[];
}

/** A consent a decision relied on (see `DecisionFacts.consents`). */
export interface ReliedConsent {
  readonly purpose: string;
  /** The data source, for credit assessment; null otherwise. */
  readonly dataSource: string | null;
  /** The consent event: `source/eventId`. */
  readonly eventRef: string;
  /** The notice version accepted; null for a consent given before versioned notices. */
  readonly noticeVersion: number | null;
  /** When the consent was given (RFC 3339). */
  readonly since: string;
}

/** The settings a decision was made under, in the JSON form of `policies/settings.json`. */
export interface TermsJson {
  readonly products: readonly Readonly<Record<string, unknown>>[];
  readonly legalRateCaps: readonly Readonly<Record<string, unknown>>[];
  readonly riskAppetite: readonly Readonly<Record<string, unknown>>[];
}

/** The terms of one decision as a settings document (see `DecisionFacts.terms`). */
export function termsJson(
  date: LocalDate,
  product: Product,
  appetite: RiskAppetite,
  caps: readonly LegalRateCap[],
): TermsJson {
  return {
    products: [{ effectiveFrom: date, ...productToJson(product) }],
    legalRateCaps: caps.map(legalRateCapToJson),
    riskAppetite: [
      {
        effectiveFrom: appetite.effectiveFrom,
        name: appetite.name,
        cutoffRaise: appetite.cutoffRaise,
        limitScale: toExactRateString(appetite.limitScale),
        note: appetite.note,
      },
    ],
  };
}

/** Reads stored terms back into the product, appetite and caps they describe. */
export function parseTerms(terms: TermsJson): {
  product: Product;
  appetite: RiskAppetite;
  legalRateCaps: readonly LegalRateCap[];
} {
  const settings = parseLendingSettings(terms);
  const product = settings.products[0]?.product;
  const appetite = settings.riskAppetite[0];
  if (!product || !appetite)
    throw new AppError('INTERNAL', 'stored decision terms lack a product or appetite');
  return { product, appetite, legalRateCaps: settings.legalRateCaps };
}

/** What the lender knows of the customer's existing facility, from the lending context. */
export interface FacilityFact {
  readonly openedAt: Date;
  readonly status: string;
  /**
   * Its terms, when the port knows them: an approval that would leave them as they are is recorded
   * without touching the facility (not part of the decision's facts).
   */
  readonly limit?: Money;
  readonly apr?: Rate;
}

/** Freezes a snapshot and the request into decision facts. */
export function factsFromSnapshot(
  snapshot: CustomerSnapshot,
  request: { readonly productCode: string; readonly requestedAmount: Money | null },
  facility: FacilityFact | null,
  terms: TermsJson | null,
): DecisionFacts {
  const decay: Record<string, number[]> = {};
  for (const [name, instants] of Object.entries(snapshot.decay)) {
    decay[name] = instants.map((instant) => instant.getTime());
  }
  return {
    customerId: snapshot.customerId,
    productCode: request.productCode,
    asOf: snapshot.asOf.toISOString(),
    asOfDate: snapshot.asOfDate,
    requestedAmount: request.requestedAmount === null ? null : request.requestedAmount.toString(),
    features: { ...snapshot.features },
    verification: {
      level: snapshot.verification.level,
      failures: [...snapshot.verification.failures],
      provider: snapshot.verification.provider,
    },
    age: snapshot.age,
    blocklisted: snapshot.blocklisted,
    holds: snapshot.holds.map((hold) => ({
      reasonCode: hold.reasonCode,
      expiresAt: hold.expiresAt.toISOString(),
    })),
    decay,
    facility: facility ? { openedAt: facility.openedAt.toISOString(), status: facility.status } : null,
    terms,
    consents: snapshot.consents.flatMap((consent) =>
      consent.granted && consent.since !== null
        ? [
            {
              purpose: 'credit_assessment',
              dataSource: consent.dataSource,
              eventRef: consent.eventRef ?? 'unknown',
              noticeVersion: consent.noticeVersion,
              since: consent.since.toISOString(),
            },
          ]
        : [],
    ),
  };
}

/**
 * Money features (integer fen in the snapshot) enter the scorecard in yuan, so its bins and reason texts
 * read "below 12,000" rather than "below 1200000". Training (`featureTableDataset`) does the same.
 */
export const YUAN_FEATURES: ReadonlySet<string> = new Set(
  FEATURES.filter((feature) => feature.unit === 'fen').map((feature) => feature.name),
);

/** The scorecard row: the snapshot's features under the names the scorecard was trained on, money in yuan. */
export function scorecardRow(facts: DecisionFacts): Record<string, number | string | null> {
  const row: Record<string, number | string | null> = Object.assign({}, facts.features);
  for (const name of YUAN_FEATURES) {
    const value = row[name];
    if (typeof value === 'number') row[name] = value / 100;
  }
  return row;
}

/** Per scorer, the scorer that reads the snapshot's units (money in fen) as the scorecard's (yuan). */
const factScorers = new WeakMap<Scorer, (row: ScoreRow) => ScoreResult>();

/**
 * Scores the facts' features as `scorer(scorecardRow(facts))` would — money features divided by 100 into
 * yuan, everything else as it is — without copying the row (`Scorer.scaled`).
 */
export function scoreFacts(facts: DecisionFacts, scorer: Scorer): ScoreResult {
  let scaled = factScorers.get(scorer);
  if (!scaled) {
    const divisors: Record<string, number> = {};
    for (const info of scorer.features) if (YUAN_FEATURES.has(info.name)) divisors[info.name] = 100;
    scaled = scorer.scaled(divisors);
    factScorers.set(scorer, scaled);
  }
  return scaled(facts.features);
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil), by integer arithmetic. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The decimal number written in `text[from, to)`, or −1 when a character is not a digit. */
function digitsOf(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i += 1) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Milliseconds since the epoch of an RFC 3339 instant. The facts hold instants as `toISOString` wrote them
 * (`2026-11-22T02:00:00.000Z`); those are read by integer arithmetic, anything else by `Date.parse`.
 */
export function instantMs(text: string): number {
  if (
    text.length === 24 &&
    text.charCodeAt(4) === 45 /* - */ &&
    text.charCodeAt(7) === 45 &&
    text.charCodeAt(10) === 84 /* T */ &&
    text.charCodeAt(13) === 58 /* : */ &&
    text.charCodeAt(16) === 58 &&
    text.charCodeAt(19) === 46 /* . */ &&
    text.charCodeAt(23) === 90 /* Z */
  ) {
    const year = digitsOf(text, 0, 4);
    const month = digitsOf(text, 5, 7);
    const day = digitsOf(text, 8, 10);
    const hour = digitsOf(text, 11, 13);
    const minute = digitsOf(text, 14, 16);
    const second = digitsOf(text, 17, 19);
    const milli = digitsOf(text, 20, 23);
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const monthDays =
      month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
    // Out-of-range fields are not toISOString's: those (and years below 100) go to Date.parse.
    if (
      year >= 100 &&
      month >= 1 &&
      month <= 12 &&
      day >= 1 &&
      day <= monthDays &&
      hour >= 0 &&
      hour <= 23 &&
      minute >= 0 &&
      minute <= 59 &&
      second >= 0 &&
      second <= 59 &&
      milli >= 0
    )
      return (
        daysFromCivil(year, month, day) * 86_400_000 + ((hour * 60 + minute) * 60 + second) * 1000 + milli
      );
  }
  return Date.parse(text);
}

function count(facts: DecisionFacts, name: string): number {
  const value = facts.features[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function money(facts: DecisionFacts, name: string): Money {
  const value = facts.features[name];
  if (value === null || value === undefined) return fen(0n);
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw AppError.invalid(`features.${name}`, 'integer-fen', 'a money feature must be whole fen');
  }
  return fen(BigInt(value), `features.${name}`);
}

/** The business date from whose start every hold in force has lifted (null when there is none). */
export function holdUntil(facts: DecisionFacts): LocalDate | null {
  let latest = Number.NEGATIVE_INFINITY;
  for (const hold of facts.holds) latest = Math.max(latest, Date.parse(hold.expiresAt));
  if (!Number.isFinite(latest)) return null;
  const date = businessDateOf(new Date(latest));
  // A hold that lifts during a day is still on at that day's start: the first clear day is the next one.
  return startOfBusinessDate(date).getTime() >= latest
    ? date
    : businessDateOf(new Date(startOfBusinessDate(date).getTime() + 86_400_000));
}

/** Days in a year of facility history before a customer counts as established (off the new-user ramp). */
const ESTABLISHED_AFTER_MS = 365 * 86_400_000;

/**
 * Whether the customer is still new here: no facility for this product type yet, or one opened less than
 * a year ago. Only then does the new-user ramp (and the thin-file rule) apply.
 */
export function isNewUser(facts: DecisionFacts): boolean {
  if (facts.facility === null) return true;
  return instantMs(facts.asOf) - instantMs(facts.facility.openedAt) < ESTABLISHED_AFTER_MS;
}

/**
 * Billing cycles repaid on time here in the last 12 months (`ontime_cycles_here_12m`): the new-user ramp
 * grows with the record *here*. Facts recorded before that feature existed carry only the mixed count, and
 * are read as they were decided: ⌊`repayments_12m` × `ontime_rate_12m`⌋ (here and, with consent,
 * elsewhere), so their replay still matches.
 */
export function onTimeCycles(facts: DecisionFacts): number {
  const here = facts.features.ontime_cycles_here_12m;
  if (here !== undefined) return typeof here === 'number' && Number.isFinite(here) ? here : 0;
  const due = count(facts, 'repayments_12m');
  const rate = facts.features.ontime_rate_12m;
  if (typeof rate !== 'number' || !Number.isFinite(rate)) return 0;
  return Math.floor(due * rate + 1e-9);
}

/**
 * Months of history on file: the longer of the credit history (months since the first loan, line or
 * instalment) and the months with spending in the last 12 — "repayment and consumption history", so a
 * salaried newcomer with half a year of card spending is not a thin file, and a student with one purchase is.
 */
export function historyMonths(facts: DecisionFacts): number {
  return Math.max(count(facts, 'credit_history_months'), count(facts, 'active_months_12m'));
}

export interface PolicyInputContext {
  readonly product: Product;
  readonly appetite: RiskAppetite;
  readonly score: number;
  readonly subScores: PolicyInput['subScores'];
}

/**
 * The policy input, from the facts and the score (mapping in docs/decisions.md). Unknown values are read as
 * the absence of what they measure (no overdue known → 0, no income known → 0): a missing bureau consent
 * cannot make an applicant look worse than no data would, and the score already prices the missing data.
 */
export function policyInputOf(facts: DecisionFacts, context: PolicyInputContext): PolicyInput {
  const level = Math.min(3, Math.max(0, Math.trunc(facts.verification.level))) as VerificationLevel;
  return {
    productType: context.product.type,
    score: context.score,
    subScores: context.subScores,
    verificationLevel: level,
    // The policy's input schema accepts ages 16–100; every product's range lies inside it, so clamping
    // keeps the outcome of an age outside it (still outside the product's range) without a schema fault.
    age: Math.min(100, Math.max(16, facts.age)),
    blocklisted: facts.blocklisted === true,
    overdueAmountHere: money(facts, 'overdue_amount_here'),
    overdueAmountElsewhere: money(facts, 'overdue_amount_elsewhere'),
    inquiries30d: count(facts, 'inquiries_30d'),
    hasActiveHold: facts.holds.length > 0,
    historyMonths: historyMonths(facts),
    isNewUser: isNewUser(facts),
    onTimeCycles: onTimeCycles(facts),
    monthlyIncome: money(facts, 'income_monthly_estimate'),
    // Repayments owed each month on open loans here and (with consent) elsewhere; records made before the
    // feature existed have none, and were decided with 0.
    monthlyDebtPayments: money(facts, 'debt_service_monthly'),
    requestedAmount: facts.requestedAmount === null ? null : fen(BigInt(facts.requestedAmount)),
    product: context.product,
    appetite: context.appetite,
  };
}

/** The facts a decision was made on, with the customer's time-decaying counts as they will be on `date`. */
export function countsOn(
  facts: DecisionFacts,
  names: readonly string[],
  date: LocalDate,
): Record<string, number> {
  const start = startOfBusinessDate(date).getTime();
  const out: Record<string, number> = {};
  for (const name of names) {
    const expiries = facts.decay[name];
    if (!expiries) continue;
    // A unit counts while its expiry lies after the instant (see the customers context's decay rule).
    let n = 0;
    for (const expiry of expiries) if (expiry > start) n += 1;
    out[name] = n;
  }
  return out;
}
