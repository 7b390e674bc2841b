import { AppError } from '../../platform/errors/app-error.ts';
import { fen, type Money } from '../../platform/money/money.ts';
import { divideRate, parseRate, rate, type Rate } from '../../platform/money/rate.ts';
import { isRounding, type Rounding } from '../../platform/money/rounding.ts';
import { addDays, addMonths, withDayOfMonth, type LocalDate } from '../../platform/time/local-date.ts';
import { DEFAULT_LOAN_PRODUCT } from '../loans/loan-contract.ts';

/**
 * The terms of a revolving credit line (消费信用额度): when statements are cut and fall due, how the
 * minimum payment is worked out, which balance bears interest from when, how payments are spread, and what
 * an instalment conversion costs. The lender configures a `CreditLineProduct`; each line copies it into its
 * own `LineTerms` when it opens, so changing the product never changes a line already open.
 */

/** What a payment can settle on a statement. `fee`: instalment fees; `principal`: revolving and instalment. */
export const WATERFALL_COMPONENTS = ['fee', 'interest', 'principal'] as const;
export type WaterfallComponent = (typeof WATERFALL_COMPONENTS)[number];

/**
 * How a payment (or refund credit, or money held for the customer) is spread over billed statements.
 * - `by-component` (default): all fees of every statement, oldest statement first; then all interest; then
 *   all principal — "fees → interest → principal, oldest statement first".
 * - `by-statement`: the oldest statement is cleared in the component order before the next one.
 * What is left after every billed statement pays the current cycle's unbilled interest, then its unbilled
 * principal (restoring the limit at once), and the rest is held for the customer.
 */
export interface Waterfall {
  readonly order: readonly WaterfallComponent[];
  readonly mode: 'by-component' | 'by-statement';
}

export const DEFAULT_WATERFALL: Waterfall = { order: ['fee', 'interest', 'principal'], mode: 'by-component' };

/**
 * When a statement is not paid in full by its due date, which of its principal bears interest and from when.
 * - `posting-date` (default, the common card rule, on the unpaid part only — 按未还部分计息): the principal of
 *   the statement still unpaid at the end of the due date bears interest from the day after each posting's
 *   date (a purchase's date; an instalment's statement date) through the due date, booked the day after the
 *   due date, and then daily until paid. Payments are taken to pay the oldest postings first, so the unpaid
 *   rest is made of the newest ones.
 * - `day-after-due`: only the daily interest from the day after the due date, on the unpaid principal.
 * Either way a statement paid in full by its due date bears no interest (the grace period), interest is
 * never charged on interest or fees, and the daily rate is exact (rounded half up, cumulatively per statement).
 */
export const INTEREST_RULES = ['posting-date', 'day-after-due'] as const;
export type InterestRule = (typeof INTEREST_RULES)[number];

/**
 * The minimum payment of a statement (最低还款额):
 * `min(balance owed, max(floor, principalRate × revolving principal owed  [rounded by rounding]
 *   + instalment principal billed and unpaid + fees unpaid + interest unpaid))`, on the amounts owed at the
 * statement date after money held for the customer was used. The revolving share is rounded by the named
 * rule (`up` by default: never below the exact share).
 */
export interface MinimumPaymentRule {
  readonly principalRate: Rate;
  readonly floor: Money;
  readonly rounding: Rounding;
}

/**
 * When a statement falls due: on a day of the month — the first such day after the statement date, clamped
 * at month ends (statement day 1, due day 10) — or a number of days after the statement date (1–27, so it is
 * always before the next statement, whatever statement day a customer picks).
 */
export type DueRule = { readonly dayOfMonth: number } | { readonly daysAfterStatement: number };

export const CONVERSION_TERMS = [3, 6, 9, 12] as const;

/** Instalment conversion (分期): the terms offered and the fee per period, a fraction of the amount. */
export interface ConversionTerms {
  readonly feeRates: Readonly<Record<number, Rate>>;
  /** The smallest amount that may be converted. */
  readonly minAmount: Money;
}

/**
 * A late fee (违约金) when a statement's minimum is missed: `rate` × the minimum still unpaid at the end of
 * the due date, rounded half up, at least `floor` and at most `max` (never more than that unpaid minimum).
 * It is charged from the day after the due date within the all-in cost cap (`line-late-fee.ts`).
 */
export interface LateFeeRule {
  readonly rate: Rate;
  readonly floor: Money;
  readonly max: Money;
}

export interface CreditLineProduct {
  readonly code: string;
  /** The statement day of new lines (1–31; clamped to the month's last day). A line may choose its own. */
  readonly statementDay: number;
  readonly due: DueRule;
  readonly minimumPayment: MinimumPaymentRule;
  readonly interestFrom: InterestRule;
  readonly waterfall: Waterfall;
  readonly conversion: ConversionTerms;
  /** Upper bounds in days past due of M1 and M2, as for loans: [30, 60] → M1 1–30, M2 31–60, M3+ 61+. */
  readonly bucketBounds: readonly [number, number];
  /** The facility is suspended once days past due exceed this, and reactivated when the line is current. */
  readonly suspendAfterDpd: number;
  /** A late fee when a minimum is missed; none when absent (the default). */
  readonly lateFee?: LateFeeRule | null;
  /**
   * Written off (charged off) once days past due exceed this — the cash loan's rule and default (180, deep in
   * M3+); `null`: only by hand. Absent: the default.
   */
  readonly writeOffAfterDpd?: number | null;
}

/** The charge-off rule lines share with cash loans: days past due beyond the loan product's default. */
export const DEFAULT_LINE_WRITE_OFF_AFTER_DPD = DEFAULT_LOAN_PRODUCT.writeOffAfterDpd;

export const DEFAULT_CREDIT_LINE_PRODUCT: CreditLineProduct = {
  code: 'credit-line',
  statementDay: 1,
  due: { dayOfMonth: 10 },
  minimumPayment: { principalRate: rate(1n, 10n), floor: fen(10_000n), rounding: 'up' },
  interestFrom: 'posting-date',
  waterfall: DEFAULT_WATERFALL,
  conversion: {
    feeRates: {
      3: parseRate('0.0075'),
      6: parseRate('0.0070'),
      9: parseRate('0.0068'),
      12: parseRate('0.0066'),
    },
    minAmount: fen(50_000n),
  },
  bucketBounds: [30, 60],
  suspendAfterDpd: 30,
  writeOffAfterDpd: DEFAULT_LINE_WRITE_OFF_AFTER_DPD,
};

/**
 * A change of the line's statement day (`credit_line_changes` kind `statement-day`): the statement cut on
 * `fromCut` (the cycle that was in flight when it was asked for, on the old day) is the last on the old day;
 * the cycles after it end on `day`.
 */
export interface StatementDayChange {
  readonly requestedOn: LocalDate;
  readonly fromCut: LocalDate;
  readonly day: number;
}

/** A line's own terms, fixed when it opens (the statement day may change later, see `statementDayChanges`). */
export interface LineTerms {
  readonly lineId: string;
  readonly customerId: string;
  readonly facilityId: string;
  readonly productCode: string;
  readonly openedOn: LocalDate;
  readonly statementDay: number;
  readonly due: DueRule;
  /** Interest a day on principal that bears it: the facility's APR / 365 when the line opened (exact). */
  readonly dailyRate: Rate;
  readonly minimumPayment: MinimumPaymentRule;
  readonly interestFrom: InterestRule;
  readonly waterfall: Waterfall;
  readonly conversion: ConversionTerms;
  readonly bucketBounds: readonly [number, number];
  readonly suspendAfterDpd: number;
  /**
   * Changes of the statement day, oldest first (absent: none). `statementDay` stays the day the line opened
   * with, so replaying the line from its opening cuts every past statement on the day it was cut on.
   */
  readonly statementDayChanges?: readonly StatementDayChange[];
  /** The product's late fee rule when the line opened (absent: none). */
  readonly lateFee?: LateFeeRule | null;
  /**
   * Written off once days past due exceed this (`null`: only by hand). Absent — lines opened before lines
   * could be written off — the default rule (`DEFAULT_LINE_WRITE_OFF_AFTER_DPD`), so they are charged off too.
   */
  readonly writeOffAfterDpd?: number | null;
  /**
   * The all-in cost cap (annual) in force when the line opened: interest and late fees charged because of a
   * statement never exceed it on that statement's principal-days. Absent: no cap was in force.
   */
  readonly costCap?: Rate | null;
}

/** The days past due beyond which the day-end writes a line off, or null (only by hand). */
export function writeOffAfterDpdOf(terms: Pick<LineTerms, 'writeOffAfterDpd'>): number | null {
  return terms.writeOffAfterDpd === undefined ? DEFAULT_LINE_WRITE_OFF_AFTER_DPD : terms.writeOffAfterDpd;
}

/** The statement day that decides the cycle after a statement cut on `cut`. */
export function statementDayAfterCut(terms: LineTerms, cut: LocalDate): number {
  let day = terms.statementDay;
  for (const change of terms.statementDayChanges ?? []) if (change.fromCut <= cut) day = change.day;
  return day;
}

/** The statement day now (the latest change's, or the one the line opened with). */
export function currentStatementDay(terms: LineTerms): number {
  return terms.statementDayChanges?.at(-1)?.day ?? terms.statementDay;
}

/**
 * The statement date after a statement cut on `cut`: a month later on the statement day, as always — except
 * for the cut that closes the last cycle on an old statement day (it is not on the new day): then the first
 * new-day date after that statement's due date, so its due date still falls before the next statement
 * (the transition cycle runs from the old-day cut to that date: shorter or longer than a month).
 */
export function statementDateAfterCut(terms: LineTerms, cut: LocalDate): LocalDate {
  const day = statementDayAfterCut(terms, cut);
  if (statementDateInMonth(cut, day) === cut) return nextStatementDate(cut, day);
  return firstStatementDateAfter(dueDateOf(cut, terms.due), day);
}

/** How often a customer may change the statement day. */
export const STATEMENT_DAY_CHANGE_MONTHS = 6;

/**
 * A new statement day asked for on `today`, with the cycle in flight ending on `inFlightCut` (the line's next
 * statement date, on the old day): the new terms and the transition. Refused (field `statementDay`) when the
 * day is not valid with the line's due rule, is the current day, or the last change was asked for less than
 * 6 months ago (`once-in-6-months`).
 */
export function changeStatementDay(
  terms: LineTerms,
  inFlightCut: LocalDate,
  day: number,
  today: LocalDate,
): { terms: LineTerms; change: StatementDayChange; firstOnNewDay: LocalDate } {
  validateCycleDays(day, terms.due);
  const current = currentStatementDay(terms);
  if (day === current) {
    throw AppError.invalid('statementDay', 'different-day', `the statement day is already ${current}`);
  }
  const last = terms.statementDayChanges?.at(-1);
  if (last) {
    const allowed = addMonths(last.requestedOn, STATEMENT_DAY_CHANGE_MONTHS);
    if (today < allowed) {
      throw AppError.invalid(
        'statementDay',
        'once-in-6-months',
        `the statement day was changed on ${last.requestedOn}; it can be changed again from ${allowed}`,
      );
    }
  }
  const change: StatementDayChange = { requestedOn: today, fromCut: inFlightCut, day };
  const next: LineTerms = { ...terms, statementDayChanges: [...(terms.statementDayChanges ?? []), change] };
  return { terms: next, change, firstOnNewDay: statementDateAfterCut(next, inFlightCut) };
}

/** The statement date in the month of `date` (the statement day, clamped to the month's length). */
export function statementDateInMonth(date: LocalDate, statementDay: number): LocalDate {
  return withDayOfMonth(date, statementDay);
}

/** The first statement date strictly after `date`. */
export function firstStatementDateAfter(date: LocalDate, statementDay: number): LocalDate {
  const inMonth = statementDateInMonth(date, statementDay);
  return inMonth > date ? inMonth : addMonths(inMonth, 1, statementDay);
}

/** The statement date after `statementDate` (31 Jan → 28/29 Feb → 31 Mar with a statement day of 31). */
export function nextStatementDate(statementDate: LocalDate, statementDay: number): LocalDate {
  return addMonths(statementDate, 1, statementDay);
}

/** The due date of a statement under the rule (see `DueRule`). */
export function dueDateOf(statementDate: LocalDate, rule: DueRule): LocalDate {
  if ('daysAfterStatement' in rule) return addDays(statementDate, rule.daysAfterStatement);
  const inMonth = withDayOfMonth(statementDate, rule.dayOfMonth);
  return inMonth > statementDate ? inMonth : addMonths(statementDate, 1, rule.dayOfMonth);
}

function dayOfMonth(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 1 || value > 31) {
    throw AppError.invalid(field, 'day-of-month', `${field} must be a day of the month, 1–31`);
  }
  return value;
}

/**
 * Checks a statement day and due rule together: every due date must fall strictly before the next statement
 * date, in every month of a leap and a common year (a statement day of 31 with a due day of 30 would make
 * February's due date the next statement date, and is refused).
 */
export function validateCycleDays(statementDay: number, rule: DueRule): void {
  dayOfMonth(statementDay, 'statementDay');
  if ('daysAfterStatement' in rule) {
    const days = rule.daysAfterStatement;
    if (!Number.isInteger(days) || days < 1 || days > 27) {
      throw AppError.invalid(
        'due.daysAfterStatement',
        'range',
        'the due date must be 1–27 days after the statement date',
      );
    }
    return;
  }
  dayOfMonth(rule.dayOfMonth, 'due.dayOfMonth');
  let statement = statementDateInMonth('2027-01-01' as LocalDate, statementDay);
  for (let month = 0; month < 24; month += 1) {
    const next = nextStatementDate(statement, statementDay);
    const due = dueDateOf(statement, rule);
    if (due >= next) {
      throw AppError.invalid(
        'statementDay',
        'due-before-next-statement',
        `with statement day ${statementDay}, due day ${rule.dayOfMonth} falls on or after the next statement date (${statement} → due ${due}, next statement ${next})`,
      );
    }
    statement = next;
  }
}

/** Checks a product's settings, naming the field and the rule. */
export function validateProduct(product: CreditLineProduct): CreditLineProduct {
  validateCycleDays(product.statementDay, product.due);
  const { principalRate, floor, rounding } = product.minimumPayment;
  if (principalRate.num <= 0n || principalRate.num > principalRate.den) {
    throw AppError.invalid('minimumPayment.principalRate', 'range', 'the principal share must be in (0, 1]');
  }
  if (floor < 0n) throw AppError.invalid('minimumPayment.floor', 'non-negative', 'the floor must be ≥ 0');
  if (!isRounding(rounding)) throw AppError.invalid('minimumPayment.rounding', 'one-of', 'unknown rounding');
  if (!(INTEREST_RULES as readonly string[]).includes(product.interestFrom)) {
    throw AppError.invalid(
      'interestFrom',
      'one-of',
      `interestFrom must be one of ${INTEREST_RULES.join(', ')}`,
    );
  }
  const order = [...product.waterfall.order].sort().join();
  if (product.waterfall.order.length !== 3 || order !== [...WATERFALL_COMPONENTS].sort().join()) {
    throw AppError.invalid(
      'waterfall.order',
      'permutation',
      'order must name fee, interest and principal once each',
    );
  }
  if (product.waterfall.mode !== 'by-component' && product.waterfall.mode !== 'by-statement') {
    throw AppError.invalid('waterfall.mode', 'one-of', 'mode must be by-component or by-statement');
  }
  for (const [term, feeRate] of Object.entries(product.conversion.feeRates)) {
    if (!(CONVERSION_TERMS as readonly number[]).includes(Number(term))) {
      throw AppError.invalid(
        'conversion.feeRates',
        'term',
        `term ${term} is not one of ${CONVERSION_TERMS.join(', ')}`,
      );
    }
    if (feeRate.num < 0n) throw AppError.invalid(`conversion.feeRates.${term}`, 'non-negative', 'fee ≥ 0');
  }
  const [m1, m2] = product.bucketBounds;
  if (!Number.isInteger(m1) || !Number.isInteger(m2) || m1 < 1 || m2 <= m1) {
    throw AppError.invalid('bucketBounds', 'increasing', 'bucket bounds must be increasing whole days');
  }
  if (product.lateFee) {
    const { rate: share, floor: least, max } = product.lateFee;
    if (share.num < 0n || share.num > share.den)
      throw AppError.invalid('lateFee.rate', 'range', 'the late fee rate must be in [0, 1]');
    if (least < 0n) throw AppError.invalid('lateFee.floor', 'non-negative', 'the floor must be ≥ 0');
    if (max < least)
      throw AppError.invalid('lateFee.max', 'at-least-floor', 'the maximum must be ≥ the floor');
  }
  if (!Number.isInteger(product.suspendAfterDpd) || product.suspendAfterDpd < 0) {
    throw AppError.invalid('suspendAfterDpd', 'non-negative', 'suspendAfterDpd must be a whole number ≥ 0');
  }
  const writeOff = product.writeOffAfterDpd;
  if (
    writeOff !== undefined &&
    writeOff !== null &&
    (!Number.isInteger(writeOff) || writeOff < product.suspendAfterDpd)
  ) {
    throw AppError.invalid(
      'writeOffAfterDpd',
      'at-least-suspension',
      'writeOffAfterDpd must be a whole number of days, not below suspendAfterDpd',
    );
  }
  return product;
}

export interface OpenLineInput {
  readonly lineId: string;
  readonly customerId: string;
  readonly facilityId: string;
  readonly openedOn: LocalDate;
  /** The facility's annual rate; the line's daily rate is APR / 365, exact. */
  readonly apr: Rate;
  /** The customer's chosen statement day; the product's when omitted. */
  readonly statementDay?: number;
  /** The all-in cost cap in force on the opening day (annual), if any. */
  readonly costCap?: Rate;
}

/** A new line's terms from the product and the facility it draws on. */
export function termsFor(product: CreditLineProduct, input: OpenLineInput): LineTerms {
  const statementDay = input.statementDay ?? product.statementDay;
  validateCycleDays(statementDay, product.due);
  if (input.apr.num < 0n) throw AppError.invalid('apr', 'non-negative', 'the rate must not be negative');
  return {
    lineId: input.lineId,
    customerId: input.customerId,
    facilityId: input.facilityId,
    productCode: product.code,
    openedOn: input.openedOn,
    statementDay,
    due: product.due,
    dailyRate: divideRate(input.apr, 365n),
    minimumPayment: product.minimumPayment,
    interestFrom: product.interestFrom,
    waterfall: product.waterfall,
    conversion: product.conversion,
    bucketBounds: product.bucketBounds,
    suspendAfterDpd: product.suspendAfterDpd,
    writeOffAfterDpd:
      product.writeOffAfterDpd === undefined ? DEFAULT_LINE_WRITE_OFF_AFTER_DPD : product.writeOffAfterDpd,
    ...(product.lateFee ? { lateFee: product.lateFee } : {}),
    ...(input.costCap ? { costCap: input.costCap } : {}),
  };
}
