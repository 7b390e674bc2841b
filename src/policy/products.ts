import { AppError } from '../platform/errors/app-error.ts';
import type { LocalizedText } from '../platform/i18n/localized.ts';
import { parseFen, type Money } from '../platform/money/money.ts';
import { describeLprMultiple, ONE_YEAR_LPR, rateOn, type DatedRate } from '../platform/money/one-year-lpr.ts';
import {
  compareRate,
  divideRate,
  formatPercent,
  mulRate,
  parseRate,
  toExactRateString,
  type Rate,
} from '../platform/money/rate.ts';
import { parseLocalDate, type LocalDate } from '../platform/time/local-date.ts';

/**
 * Lending products, the legal cap on rates and the risk appetite: data a lender configures, with dates.
 * Everything here is pure; the database holds the dated rows (see `policy.pg.ts`).
 */

export const PRODUCT_TYPES = ['credit_line', 'cash_loan'] as const;
export type ProductType = (typeof PRODUCT_TYPES)[number];

/**
 * A product type has one public spelling, `ProductType` (`cash_loan`, `credit_line`): decisions, policies,
 * monitoring, the API's answers and the CLI. Lending's own tables (facilities, loans, credit lines, their
 * idempotency records and day-end runs; migration 0402) store the same two spelt `cash-loan` /
 * `credit-line`, which the API and CLI also still accept on input. This is the one mapping between them.
 */
export const STORED_PRODUCT_SPELLINGS = ['cash-loan', 'credit-line'] as const;
export type StoredProductSpelling = (typeof STORED_PRODUCT_SPELLINGS)[number];

const STORED_SPELLING: Readonly<Record<ProductType, StoredProductSpelling>> = {
  cash_loan: 'cash-loan',
  credit_line: 'credit-line',
};

/** How lending's tables spell a product type: `cash_loan` → `cash-loan`. */
export function storedSpellingOf(type: ProductType): StoredProductSpelling {
  return STORED_SPELLING[type];
}

/** The product type of lending's stored spelling: `cash-loan` → `cash_loan`. */
export function productTypeOfStored(spelling: StoredProductSpelling): ProductType {
  return spelling === 'cash-loan' ? 'cash_loan' : 'credit_line';
}

export const LOAN_TERMS = [3, 6, 12] as const;
export type LoanTerm = (typeof LOAN_TERMS)[number];

/** L0 none, L1 ID matched to name, L2 plus phone, L3 plus bank card (issue 4's verification levels). */
export type VerificationLevel = 0 | 1 | 2 | 3;

/** One product as a lender offers it. Amounts in fen, rates exact, ages in whole years. */
export interface Product {
  /** Unique per lender: `cash_loan`, `credit_line`, or a lender's own code such as `cash_loan_plus`. */
  readonly code: string;
  readonly type: ProductType;
  readonly name: LocalizedText;
  readonly minLimit: Money;
  readonly maxLimit: Money;
  /** Annual rates; the daily rate is APR / 365 (exact). */
  readonly minApr: Rate;
  readonly maxApr: Rate;
  readonly terms: readonly LoanTerm[];
  /** The most a new user may get as a first limit, before the ramp raises it. */
  readonly firstLimitCap: Money;
  readonly requiredVerificationLevel: VerificationLevel;
  readonly minAge: number;
  readonly maxAge: number;
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw AppError.invalid(field, 'required', 'a non-empty string is required');
  return value;
}

function wholeNumber(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw AppError.invalid(field, 'range', `must be a whole number from ${min} to ${max}`);
  }
  return value;
}

/**
 * Validates a product definition (JSON as in `policies/settings.json`): amounts as integer-fen strings,
 * rates as decimal strings, terms among 3/6/12, bounds consistent with each other.
 */
export function parseProduct(json: unknown, field = 'product'): Product {
  if (!isRecord(json)) throw AppError.invalid(field, 'object', 'a product must be an object');
  const code = text(json.code, `${field}.code`);
  if (!/^[a-z][a-z0-9_]{1,39}$/.test(code))
    throw AppError.invalid(`${field}.code`, 'code', 'lower-case letters, digits and _');
  const type = json.type;
  if (!PRODUCT_TYPES.includes(type as ProductType)) {
    throw AppError.invalid(`${field}.type`, 'enum', `must be one of ${PRODUCT_TYPES.join(', ')}`);
  }
  const name = isRecord(json.name) ? json.name : {};
  const product: Product = {
    code,
    type: type as ProductType,
    name: { zh: text(name.zh, `${field}.name.zh`), en: text(name.en, `${field}.name.en`) },
    minLimit: parseFen(String(json.minLimit), `${field}.minLimit`),
    maxLimit: parseFen(String(json.maxLimit), `${field}.maxLimit`),
    minApr: parseRate(String(json.minApr), `${field}.minApr`),
    maxApr: parseRate(String(json.maxApr), `${field}.maxApr`),
    terms: parseTerms(json.terms, `${field}.terms`),
    firstLimitCap: parseFen(String(json.firstLimitCap), `${field}.firstLimitCap`),
    requiredVerificationLevel: wholeNumber(
      json.requiredVerificationLevel,
      `${field}.requiredVerificationLevel`,
      0,
      3,
    ) as VerificationLevel,
    minAge: wholeNumber(json.minAge, `${field}.minAge`, 16, 100),
    maxAge: wholeNumber(json.maxAge, `${field}.maxAge`, 16, 100),
  };
  if (product.minLimit <= 0n || product.minLimit > product.maxLimit) {
    throw AppError.invalid(`${field}.minLimit`, 'bounds', 'minLimit must be positive and at most maxLimit');
  }
  if (product.firstLimitCap < product.minLimit || product.firstLimitCap > product.maxLimit) {
    throw AppError.invalid(
      `${field}.firstLimitCap`,
      'bounds',
      'firstLimitCap must lie between minLimit and maxLimit',
    );
  }
  if (product.minApr.num < 0n || compareRate(product.minApr, product.maxApr) > 0) {
    throw AppError.invalid(`${field}.minApr`, 'bounds', 'minApr must be non-negative and at most maxApr');
  }
  if (product.minAge > product.maxAge)
    throw AppError.invalid(`${field}.minAge`, 'bounds', 'minAge must be at most maxAge');
  return product;
}

function parseTerms(value: unknown, field: string): LoanTerm[] {
  if (!Array.isArray(value) || value.length === 0)
    throw AppError.invalid(field, 'required', 'at least one term (3, 6, 12)');
  const terms = value.map((term) => {
    if (!LOAN_TERMS.includes(term as LoanTerm))
      throw AppError.invalid(field, 'enum', 'terms are 3, 6 or 12 months');
    return term as LoanTerm;
  });
  return [...new Set(terms)].sort((a, b) => a - b);
}

/** The JSON form of a product (amounts as fen strings, rates as exact decimal strings). */
export function productToJson(product: Product): Json {
  return {
    code: product.code,
    type: product.type,
    name: product.name,
    minLimit: product.minLimit.toString(),
    maxLimit: product.maxLimit.toString(),
    minApr: toExactRateString(product.minApr),
    maxApr: toExactRateString(product.maxApr),
    terms: product.terms,
    firstLimitCap: product.firstLimitCap.toString(),
    requiredVerificationLevel: product.requiredVerificationLevel,
    minAge: product.minAge,
    maxAge: product.maxAge,
  };
}

/** The daily rate of an annual rate, exact: 0.219 / 365 = 0.0006. */
export function dailyRateOf(apr: Rate): Rate {
  return divideRate(apr, 365n);
}

// -------------------------------------------------------------------------------------------------
// The legal cap on the annualised rate.

/**
 * A cap on the annualised rate in force from a date (until the next one), written as Chinese rules write
 * it: either a fixed annual rate (24 %) or a multiple of the one-year LPR (4 × LPR), exactly one of the two.
 * A multiple is resolved against the LPR in force on each day it is read for (`legalCapOn`).
 */
export type LegalRateCap =
  | {
      readonly effectiveFrom: LocalDate;
      readonly annualRate: Rate;
      readonly lprMultiple?: undefined;
      /** Where the cap comes from, for the audit trail. */
      readonly basis: string;
    }
  | {
      readonly effectiveFrom: LocalDate;
      readonly annualRate?: undefined;
      /** The multiple of the one-year LPR, exact ("4"). */
      readonly lprMultiple: Rate;
      readonly basis: string;
    };

/**
 * Validates one legal cap entry: `{effectiveFrom, annualRate, basis}` or `{effectiveFrom, lprMultiple, basis}`,
 * rates and multiples as decimal strings parsed exactly. Exactly one of the two (`legal-cap-form`); a
 * multiple from before the first LPR value is refused (`lpr-in-force`): it could not be resolved.
 */
export function parseLegalRateCap(json: unknown, field = 'legalRateCap'): LegalRateCap {
  if (!isRecord(json)) throw AppError.invalid(field, 'object', 'a legal rate cap must be an object');
  const effectiveFrom = parseLocalDate(String(json.effectiveFrom), `${field}.effectiveFrom`);
  const basis = text(json.basis, `${field}.basis`);
  const hasRate = json.annualRate !== undefined && json.annualRate !== null;
  const hasMultiple = json.lprMultiple !== undefined && json.lprMultiple !== null;
  if (hasRate === hasMultiple) {
    throw AppError.invalid(
      hasRate ? `${field}.lprMultiple` : `${field}.annualRate`,
      'legal-cap-form',
      hasRate
        ? 'a cap is either a fixed annualRate or an lprMultiple, not both'
        : 'a cap needs either a fixed annualRate ("0.24") or an lprMultiple of the one-year LPR ("4")',
    );
  }
  if (hasRate) {
    const annualRate = parseRate(String(json.annualRate), `${field}.annualRate`);
    if (annualRate.num <= 0n)
      throw AppError.invalid(`${field}.annualRate`, 'positive', 'a cap must be positive');
    return { effectiveFrom, annualRate, basis };
  }
  const written = json.lprMultiple;
  if (typeof written !== 'string' || !/^\d+(\.\d+)?$/.test(written))
    throw AppError.invalid(
      `${field}.lprMultiple`,
      'decimal-multiple',
      `"${String(written)}" is not a multiple such as "4" or "3.5"`,
    );
  const lprMultiple = parseRate(written, `${field}.lprMultiple`);
  if (lprMultiple.num <= 0n)
    throw AppError.invalid(`${field}.lprMultiple`, 'positive', 'a multiple must be positive');
  const first = ONE_YEAR_LPR[0];
  if (first && effectiveFrom < first.effectiveFrom)
    throw AppError.invalid(
      `${field}.effectiveFrom`,
      'lpr-in-force',
      `a multiple of the one-year LPR needs an LPR in force: the first is of ${first.effectiveFrom}`,
    );
  return { effectiveFrom, lprMultiple, basis };
}

/** The JSON form of a cap entry, as `parseLegalRateCap` reads it: exactly one of the two rates. */
export type LegalRateCapJson =
  | { effectiveFrom: string; annualRate: string; basis: string }
  | { effectiveFrom: string; lprMultiple: string; basis: string };

/** The JSON form of a cap entry, as `parseLegalRateCap` reads it. */
export function legalRateCapToJson(cap: LegalRateCap): LegalRateCapJson {
  return cap.lprMultiple !== undefined
    ? { effectiveFrom: cap.effectiveFrom, lprMultiple: toExactRateString(cap.lprMultiple), basis: cap.basis }
    : { effectiveFrom: cap.effectiveFrom, annualRate: toExactRateString(cap.annualRate), basis: cap.basis };
}

/** The cap in force on a date, resolved to an annual rate, with the rule (and LPR) it came from. */
export interface LegalCapInForce {
  /** The rule's date. */
  readonly effectiveFrom: LocalDate;
  /** The rate the cap stands at that day: the fixed rate, or multiple × the LPR in force that day. */
  readonly annualRate: Rate;
  readonly basis: string;
  /** For a multiple-of-LPR rule: the multiple, and the LPR value it was applied to. */
  readonly lprMultiple?: Rate;
  readonly lpr?: DatedRate;
}

/**
 * The cap in force on `date`, for everyone (decisions, terms guards, appeals, referrals, drawdowns): the
 * rule with the latest effective date on or before it; a multiple of the LPR is multiplied (exactly) by
 * the one-year LPR in force on `date` — so a 4 × LPR cap falls on the day the LPR falls.
 */
export function legalCapOn(
  caps: readonly LegalRateCap[],
  date: LocalDate,
  lprValues: readonly DatedRate[] = ONE_YEAR_LPR,
): LegalCapInForce | undefined {
  let found: LegalRateCap | undefined;
  for (const cap of caps) {
    if (cap.effectiveFrom <= date && (!found || cap.effectiveFrom > found.effectiveFrom)) found = cap;
  }
  if (!found) return undefined;
  // One resolved object per rule and LPR value: every decision of a day shares it (and what is built from it).
  let byLpr = resolvedCaps.get(found);
  if (!byLpr) resolvedCaps.set(found, (byLpr = new Map()));
  if (found.lprMultiple === undefined) {
    let resolved = byLpr.get(found);
    if (!resolved) {
      resolved = { effectiveFrom: found.effectiveFrom, annualRate: found.annualRate, basis: found.basis };
      byLpr.set(found, resolved);
    }
    return resolved;
  }
  // Parsing refuses a multiple dated before the first LPR, so none is only found with a foreign table.
  const lpr = rateOn(lprValues, date);
  if (!lpr) return undefined;
  let resolved = byLpr.get(lpr);
  if (!resolved) {
    resolved = {
      effectiveFrom: found.effectiveFrom,
      annualRate: mulRate(found.lprMultiple, lpr.annualRate),
      basis: found.basis,
      lprMultiple: found.lprMultiple,
      lpr,
    };
    byLpr.set(lpr, resolved);
  }
  return resolved;
}

const resolvedCaps = new WeakMap<LegalRateCap, Map<object, LegalCapInForce>>();

/** How the cap was found, for messages: "24.00%" or "4 × the one-year LPR 3.00% = 12.00%". */
export function describeLegalCapRate(cap: LegalCapInForce): string {
  if (cap.lprMultiple === undefined || !cap.lpr) return formatPercent(cap.annualRate);
  return describeLprMultiple(cap.lprMultiple, cap.lpr.annualRate, cap.annualRate);
}

/** How a cap entry is written, for summaries: "24.00%" or "4 × LPR". */
export function describeLegalRateCap(cap: LegalRateCap): string {
  return cap.lprMultiple !== undefined
    ? `${toExactRateString(cap.lprMultiple)} × LPR`
    : formatPercent(cap.annualRate);
}

export interface CappedRate {
  readonly apr: Rate;
  /** True when the price was lowered to the cap. */
  readonly capped: boolean;
  readonly cap: LegalCapInForce | undefined;
}

/**
 * Clamps an annual rate to the legal cap in force on the decision date. With no cap in force the rate is
 * returned unchanged; with one, the result never exceeds it (property-tested).
 */
export function clampToLegalCap(apr: Rate, caps: readonly LegalRateCap[], date: LocalDate): CappedRate {
  const cap = legalCapOn(caps, date);
  if (cap && compareRate(apr, cap.annualRate) > 0) return { apr: cap.annualRate, capped: true, cap };
  return { apr, capped: false, cap };
}

// -------------------------------------------------------------------------------------------------
// Risk appetite.

/**
 * A dated, global tightening (or loosening) of credit: cut-offs rise by `cutoffRaise` points and limits
 * are scaled by `limitScale` (≤ 1 to tighten). In force from its date until the next setting.
 */
export interface RiskAppetite {
  readonly effectiveFrom: LocalDate;
  readonly name: string;
  readonly cutoffRaise: number;
  readonly limitScale: Rate;
  readonly note: string;
}

export const NEUTRAL_APPETITE: RiskAppetite = {
  effectiveFrom: '1970-01-01' as LocalDate,
  name: 'neutral',
  cutoffRaise: 0,
  limitScale: { num: 1n, den: 1n },
  note: 'no tightening',
};

export function parseRiskAppetite(json: unknown, field = 'riskAppetite'): RiskAppetite {
  if (!isRecord(json)) throw AppError.invalid(field, 'object', 'a risk appetite setting must be an object');
  const limitScale = parseRate(String(json.limitScale), `${field}.limitScale`);
  if (limitScale.num <= 0n || compareRate(limitScale, { num: 2n, den: 1n }) > 0) {
    throw AppError.invalid(`${field}.limitScale`, 'range', 'limitScale must be above 0 and at most 2');
  }
  if (limitScale.den > 10_000n || 10_000n % limitScale.den !== 0n) {
    throw AppError.invalid(`${field}.limitScale`, 'precision', 'limitScale has at most 4 decimals');
  }
  return {
    effectiveFrom: parseLocalDate(String(json.effectiveFrom), `${field}.effectiveFrom`),
    name: text(json.name, `${field}.name`),
    cutoffRaise: wholeNumber(json.cutoffRaise, `${field}.cutoffRaise`, -100, 300),
    limitScale,
    note: typeof json.note === 'string' ? json.note : '',
  };
}

/** The appetite in force on `date`, or the neutral setting when none is. */
export function appetiteOn(settings: readonly RiskAppetite[], date: LocalDate): RiskAppetite {
  let found: RiskAppetite | undefined;
  for (const setting of settings) {
    if (setting.effectiveFrom <= date && (!found || setting.effectiveFrom > found.effectiveFrom))
      found = setting;
  }
  return found ?? NEUTRAL_APPETITE;
}
