import { fen, type Money } from '../platform/money/money.ts';
import { addDays, addMonths, daysBetween, type LocalDate } from '../platform/time/local-date.ts';
import {
  toPolicyDocument,
  type PolicyInput,
  type VerificationLevel,
  type ZenObject,
  type ZenValue,
} from '../policy/index.ts';
import type { ActionableFeature, FeatureRecord, FeatureValue } from './recourse.ts';

/**
 * What a person applying for credit can actually change, for the inputs of the default credit policy
 * (`PolicyInput`): repay what is overdue, stop applying for credit until older applications leave the
 * 30-day window, complete identity verification, pay down monthly repayments, let history and on-time
 * cycles accumulate, wait for a risk hold to end. Age, the blocklist, income and the product are not
 * actions. Costs are in "effort points": one point is a day of waiting; ¥100 repaid is one point; a
 * verification step is three.
 */

/** The policy inputs recourse reads and changes, by name. Money is integer fen. */
export const POLICY_FEATURES = [
  'overdueAmountHere',
  'overdueAmountElsewhere',
  'inquiries30d',
  'verificationLevel',
  'monthlyDebtPayments',
  'historyMonths',
  'onTimeCycles',
  'hasActiveHold',
  'age',
  'blocklisted',
] as const;

/** The policy input as a feature record (money as integer fen). */
export function policyFeatures(input: PolicyInput): FeatureRecord {
  return {
    overdueAmountHere: Number(input.overdueAmountHere),
    overdueAmountElsewhere: Number(input.overdueAmountElsewhere),
    inquiries30d: input.inquiries30d,
    verificationLevel: input.verificationLevel,
    monthlyDebtPayments: Number(input.monthlyDebtPayments),
    historyMonths: input.historyMonths,
    onTimeCycles: input.onTimeCycles,
    hasActiveHold: input.hasActiveHold,
    age: input.age,
    blocklisted: input.blocklisted,
  };
}

function money(value: FeatureValue | undefined, fallback: Money): Money {
  return typeof value === 'number' ? fen(BigInt(Math.round(value))) : fallback;
}

/** A plan's number for `name`, or the input's own value. */
function numberOr(features: FeatureRecord, name: string, fallback: number): number {
  const value = features[name];
  return typeof value === 'number' ? value : fallback;
}

/** A plan's flag for `name`, or the input's own value. */
function flagOr(features: FeatureRecord, name: string, fallback: boolean): boolean {
  const value = features[name];
  return typeof value === 'boolean' ? value : fallback;
}

/**
 * The policy input with the feature values of a plan written back (other fields untouched). Recourse calls
 * it for every combination it tries, so it is plain code: no closures made per call.
 */
export function withPolicyFeatures(input: PolicyInput, features: FeatureRecord): PolicyInput {
  return {
    ...input,
    overdueAmountHere: money(features.overdueAmountHere, input.overdueAmountHere),
    overdueAmountElsewhere: money(features.overdueAmountElsewhere, input.overdueAmountElsewhere),
    inquiries30d: numberOr(features, 'inquiries30d', input.inquiries30d),
    verificationLevel: numberOr(features, 'verificationLevel', input.verificationLevel) as VerificationLevel,
    monthlyDebtPayments: money(features.monthlyDebtPayments, input.monthlyDebtPayments),
    historyMonths: numberOr(features, 'historyMonths', input.historyMonths),
    onTimeCycles: numberOr(features, 'onTimeCycles', input.onTimeCycles),
    hasActiveHold: flagOr(features, 'hasActiveHold', input.hasActiveHold),
    age: numberOr(features, 'age', input.age),
    blocklisted: flagOr(features, 'blocklisted', input.blocklisted),
  };
}

const MONEY_FEATURES = ['overdueAmountHere', 'overdueAmountElsewhere', 'monthlyDebtPayments'] as const;
const NUMBER_FEATURES = [
  'inquiries30d',
  'verificationLevel',
  'historyMonths',
  'onTimeCycles',
  'age',
] as const;
const FLAG_FEATURES = ['hasActiveHold', 'blocklisted'] as const;

/**
 * `toPolicyDocument(withPolicyFeatures(input, features))`, from `document = toPolicyDocument(input)`
 * without building the typed input again: a fresh document with the plan's values written over it (money
 * is integer fen in both, rounded as `withPolicyFeatures` rounds it). Recourse builds one per combination
 * it tries. An amount that is not a safe integer takes the typed route, so its error is the same.
 */
export function policyDocumentWith(
  input: PolicyInput,
  document: ZenObject,
  features: FeatureRecord,
): Record<string, ZenValue> {
  const out: Record<string, ZenValue> = Object.assign({}, document);
  for (const name of MONEY_FEATURES) {
    const value = features[name];
    if (typeof value !== 'number') continue;
    const rounded = Math.round(value);
    if (!Number.isSafeInteger(rounded))
      return toPolicyDocument(withPolicyFeatures(input, features)) as Record<string, ZenValue>;
    out[name] = rounded === 0 ? 0 : rounded;
  }
  for (const name of NUMBER_FEATURES) {
    const value = features[name];
    if (typeof value === 'number') out[name] = value;
  }
  for (const name of FLAG_FEATURES) {
    const value = features[name];
    if (typeof value === 'boolean') out[name] = value;
  }
  return out;
}

export interface CreditRecourseContext {
  /** The decision date. */
  readonly asOf: LocalDate;
  /**
   * Dates of the credit applications counted in `inquiries30d`. Each counts for 30 days from its date,
   * so the count drops as they age out. When unknown, each is assumed made on `asOf` (the latest date).
   */
  readonly inquiryDates?: readonly LocalDate[];
  /**
   * Alternatively, for each counted application the first business date on which it no longer counts
   * (what the customers context's `decayExpiries` gives, as dates). Takes precedence over `inquiryDates`.
   */
  readonly inquiryDropDates?: readonly LocalDate[];
  /** When the active risk hold ends, if it has an expiry. */
  readonly holdUntil?: LocalDate | null;
}

/** Applications counted on a date stop counting 30 days later: the first day the count is at most `target`. */
export function dateApplicationsAtMost(
  asOf: LocalDate,
  dates: readonly LocalDate[],
  count: number,
  target: number,
): LocalDate | undefined {
  if (target >= count) return asOf;
  if (target < 0) return undefined;
  const known = [...dates].sort();
  // Unknown dates (fewer listed than counted) are taken as today, the latest they can be.
  while (known.length < count) known.push(asOf);
  const mustLeave = known.slice(0, count - target);
  const latest = mustLeave[mustLeave.length - 1] as LocalDate;
  const date = addDays(latest, 30);
  return date > asOf ? date : asOf;
}

/** With the dates on which counted units stop counting: the first date the count is at most `target`. */
export function dateCountAtMost(
  asOf: LocalDate,
  dropDates: readonly LocalDate[],
  count: number,
  target: number,
): LocalDate | undefined {
  if (target >= count) return asOf;
  if (target < 0 || dropDates.length < count) return undefined;
  const sorted = [...dropDates].sort();
  const date = sorted[count - target - 1] as LocalDate;
  return date > asOf ? date : asOf;
}

const perYuan100 = (from: FeatureValue, to: FeatureValue) => Math.abs(Number(from) - Number(to)) / 10_000;

/** The actionable features of the default credit policy's inputs for one applicant. */
export function creditPolicyActions(context: CreditRecourseContext): ActionableFeature[] {
  const { asOf } = context;
  const waitDays = (date: LocalDate | undefined) =>
    date === undefined ? Number.POSITIVE_INFINITY : daysBetween(asOf, date);
  const applicationsDate = (from: FeatureValue, to: FeatureValue) =>
    context.inquiryDropDates
      ? dateCountAtMost(asOf, context.inquiryDropDates, Number(from), Number(to))
      : dateApplicationsAtMost(asOf, context.inquiryDates ?? [], Number(from), Number(to));
  const monthsLater = (from: FeatureValue, to: FeatureValue) => addMonths(asOf, Number(to) - Number(from));
  return [
    {
      name: 'overdueAmountHere',
      mutable: true,
      direction: 'decrease',
      kind: 'money',
      min: 0,
      cost: (from, to) => 2 + perYuan100(from, to),
      action: 'REPAY_OVERDUE_HERE',
    },
    {
      name: 'overdueAmountElsewhere',
      mutable: true,
      direction: 'decrease',
      kind: 'money',
      min: 0,
      cost: (from, to) => 3 + perYuan100(from, to),
      action: 'REPAY_OVERDUE_ELSEWHERE',
    },
    {
      name: 'inquiries30d',
      mutable: true,
      direction: 'decrease',
      kind: 'integer',
      min: 0,
      cost: (from, to) => waitDays(applicationsDate(from, to)),
      dateReached: applicationsDate,
      action: 'NO_NEW_APPLICATIONS_UNTIL',
    },
    {
      name: 'verificationLevel',
      mutable: true,
      direction: 'increase',
      kind: 'integer',
      max: 3,
      cost: (from, to) => 3 * (Number(to) - Number(from)),
      action: 'COMPLETE_VERIFICATION',
    },
    {
      name: 'monthlyDebtPayments',
      mutable: true,
      direction: 'decrease',
      kind: 'money',
      min: 0,
      // Lowering monthly repayments means repaying principal: dearer per yuan than clearing an arrear.
      cost: (from, to) => 3 * perYuan100(from, to),
      action: 'REDUCE_MONTHLY_REPAYMENTS',
    },
    {
      name: 'historyMonths',
      mutable: true,
      direction: 'increase',
      kind: 'integer',
      max: 600,
      cost: (from, to) => waitDays(monthsLater(from, to)),
      dateReached: monthsLater,
      action: 'BUILD_HISTORY',
    },
    {
      name: 'onTimeCycles',
      mutable: true,
      direction: 'increase',
      kind: 'integer',
      max: 600,
      cost: (from, to) => waitDays(monthsLater(from, to)),
      dateReached: monthsLater,
      action: 'REPAY_ON_TIME',
    },
    {
      name: 'hasActiveHold',
      mutable: true,
      direction: 'decrease',
      kind: 'boolean',
      cost: () => waitDays(context.holdUntil ?? undefined),
      dateReached: () => context.holdUntil ?? undefined,
      action: 'WAIT_FOR_HOLD_EXPIRY',
    },
    {
      name: 'age',
      mutable: false,
      direction: 'increase',
      kind: 'integer',
      cost: () => 0,
      action: 'IMMUTABLE',
    },
    {
      name: 'blocklisted',
      mutable: false,
      direction: 'decrease',
      kind: 'boolean',
      cost: () => 0,
      action: 'IMMUTABLE',
    },
  ];
}
