import { AppError } from '../platform/errors/app-error.ts';
import type { LocalizedText } from '../platform/i18n/localized.ts';
import { parseFen, type Money } from '../platform/money/money.ts';
import { compareRate, divideRate, parseRate, toExactRateString, type Rate } from '../platform/money/rate.ts';
import { parseLocalDate, type LocalDate } from '../platform/time/local-date.ts';

/**
 * Lending products, the legal cap on rates and the risk appetite: data a lender configures, with dates.
 * Everything here is pure; the database holds the dated rows (see `policy.repository.ts`).
 */

export const PRODUCT_TYPES = ['credit_line', 'cash_loan'] as const;
export type ProductType = (typeof PRODUCT_TYPES)[number];

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

/** A cap on the annualised rate in force from a date (until the next one), e.g. 24% under current rules. */
export interface LegalRateCap {
  readonly effectiveFrom: LocalDate;
  readonly annualRate: Rate;
  /** Where the cap comes from, for the audit trail. */
  readonly basis: string;
}

export function parseLegalRateCap(json: unknown, field = 'legalRateCap'): LegalRateCap {
  if (!isRecord(json)) throw AppError.invalid(field, 'object', 'a legal rate cap must be an object');
  const cap: LegalRateCap = {
    effectiveFrom: parseLocalDate(String(json.effectiveFrom), `${field}.effectiveFrom`),
    annualRate: parseRate(String(json.annualRate), `${field}.annualRate`),
    basis: text(json.basis, `${field}.basis`),
  };
  if (cap.annualRate.num <= 0n)
    throw AppError.invalid(`${field}.annualRate`, 'positive', 'a cap must be positive');
  return cap;
}

/** The cap in force on `date`: the one with the latest effective date on or before it. */
export function legalCapOn(caps: readonly LegalRateCap[], date: LocalDate): LegalRateCap | undefined {
  let found: LegalRateCap | undefined;
  for (const cap of caps) {
    if (cap.effectiveFrom <= date && (!found || cap.effectiveFrom > found.effectiveFrom)) found = cap;
  }
  return found;
}

export interface CappedRate {
  readonly apr: Rate;
  /** True when the price was lowered to the cap. */
  readonly capped: boolean;
  readonly cap: LegalRateCap | undefined;
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
