import { AppError } from '../platform/errors/app-error.ts';

/**
 * The five dimensions every characteristic of a scorecard is tagged with. Each score comes with one
 * sub-score per dimension on the same 350–950 scale (see `docs/scoring.md`, "Sub-scores").
 */
export const DIMENSIONS = ['identity', 'capacity', 'history', 'relationships', 'behaviour'] as const;

export type Dimension = (typeof DIMENSIONS)[number];

export function isDimension(value: unknown): value is Dimension {
  return typeof value === 'string' && (DIMENSIONS as readonly string[]).includes(value);
}

/**
 * One rule of the mapping from feature names to dimensions. The pattern is matched against the *words* of
 * a name (split at `_`, `-`, `.`, spaces and camelCase humps, lower-cased), not against raw substrings, so
 * `age` matches `Age` and `applicant_age` but not `usage` or `mortgage`. A pattern of several words
 * (`ontime_rate`) must match consecutive words; `*` and `?` are wildcards inside a word (`inquir*`).
 */
export interface DimensionRule {
  readonly pattern: string;
  readonly dimension: Dimension;
}

/** How feature names map to dimensions: ordered rules (first match wins), then a default; overrides win. */
export interface DimensionMapping {
  readonly rules: readonly DimensionRule[];
  readonly fallback: Dimension;
  /** Per-feature overrides, by exact feature name. */
  readonly overrides: Readonly<Record<string, Dimension>>;
}

/**
 * The default mapping, written for the snake_case names the customer-data context produces
 * (`inquiries_30d`, `ontime_rate_12m`) and for classic application data (`Income`, `Records`). History
 * comes first so that `late_payment_amount` is history, not capacity.
 */
export const DEFAULT_DIMENSION_MAPPING: DimensionMapping = {
  rules: [
    ...words('history', [
      'record*',
      'delinq*',
      'dpd*',
      'overdue*',
      'ontime',
      'on_time',
      'default*',
      'late',
      'repay*',
      'history',
      'arrear*',
      'writeoff*',
      'chargeoff*',
      'bankrupt*',
      'collection*',
    ]),
    ...words('behaviour', [
      'inquir*',
      'enquir*',
      'application*',
      'apply*',
      'spend*',
      'txn*',
      'transaction*',
      'usage',
      'util*',
      'login*',
      'session*',
      'device*',
      'time',
      'night*',
    ]),
    ...words('capacity', [
      'income*',
      'salary*',
      'wage*',
      'asset*',
      'debt*',
      'expense*',
      'amount*',
      'price*',
      'job*',
      'employ*',
      'seniority',
      'balance*',
      'dti',
      'saving*',
      'deposit*',
      'limit*',
    ]),
    ...words('relationships', [
      'contact*',
      'relation*',
      'network*',
      'referr*',
      'guarant*',
      'social',
      'spouse*',
      'family',
      'co_borrower*',
    ]),
    ...words('identity', [
      'age',
      'marital',
      'home',
      'housing',
      'residen*',
      'address*',
      'education',
      'verif*',
      'kyc',
      'identity',
      'tenure',
    ]),
  ],
  fallback: 'behaviour',
  overrides: {},
};

function words(dimension: Dimension, patterns: readonly string[]): DimensionRule[] {
  return patterns.map((pattern) => ({ pattern, dimension }));
}

/** Splits a name into lower-case words: `ontimeRate12m` and `ontime_rate_12m` both give ontime, rate, 12m. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_.\-/]+/)
    .filter((word) => word.length > 0);
}

function wordMatcher(pattern: string): RegExp {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`);
}

/** Whether a rule's pattern matches a feature name (consecutive words, wildcards within a word). */
export function patternMatches(pattern: string, name: string): boolean {
  // `*` and `?` are not word separators, so the pattern splits into words exactly as a name does.
  const patternWords = nameWords(pattern).map(wordMatcher);
  if (patternWords.length === 0) return false;
  const nameParts = nameWords(name);
  for (let start = 0; start + patternWords.length <= nameParts.length; start += 1) {
    if (patternWords.every((matcher, k) => matcher.test(nameParts[start + k] ?? ''))) return true;
  }
  return false;
}

/** The dimension of a feature: the override, else the first matching rule, else the fallback. */
export function dimensionOf(mapping: DimensionMapping, feature: string): Dimension {
  const override = Object.hasOwn(mapping.overrides, feature) ? mapping.overrides[feature] : undefined;
  if (override !== undefined) return override;
  for (const rule of mapping.rules) if (patternMatches(rule.pattern, feature)) return rule.dimension;
  return mapping.fallback;
}

/** Checks a mapping read from configuration; names the offending entry. */
export function validateDimensionMapping(mapping: DimensionMapping, field = 'dimensions'): DimensionMapping {
  mapping.rules.forEach((rule, index) => {
    if (!isDimension(rule.dimension)) {
      throw AppError.invalid(
        `${field}.rules[${index}].dimension`,
        'dimension',
        `must be one of ${DIMENSIONS.join(', ')}`,
      );
    }
    if (nameWords(rule.pattern).length === 0) {
      throw AppError.invalid(`${field}.rules[${index}].pattern`, 'non-empty', 'the pattern has no words');
    }
  });
  if (!isDimension(mapping.fallback)) {
    throw AppError.invalid(`${field}.fallback`, 'dimension', `must be one of ${DIMENSIONS.join(', ')}`);
  }
  for (const [feature, dimension] of Object.entries(mapping.overrides)) {
    if (!isDimension(dimension)) {
      throw AppError.invalid(
        `${field}.overrides.${feature}`,
        'dimension',
        `must be one of ${DIMENSIONS.join(', ')}`,
      );
    }
  }
  return mapping;
}
