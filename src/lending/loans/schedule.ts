import { AppError } from '../../platform/errors/app-error.ts';
import {
  addMoney,
  minMoney,
  maxMoney,
  scaleMoney,
  subMoney,
  sumMoney,
  ZERO,
  type Money,
} from '../../platform/money/money.ts';
import { applyRate, type Rate } from '../../platform/money/rate.ts';
import { addMonths, dateParts, daysBetween, type LocalDate } from '../../platform/time/local-date.ts';
import { annualisedRateByIrr } from '../shared/irr.ts';

/**
 * Repayment schedules of cash loans, exact to the fen.
 *
 * Rounding convention (the common one of Chinese banks, and the one that gives the golden ¥10,000 at 1.5% a
 * month for 12 months → 91,680 fen a month, the last 91,681):
 * - the level instalment of 等额本息 is computed exactly as a fraction and rounded **half up** to the fen;
 * - each period's interest is the outstanding principal × the period rate, exact, rounded **half up**;
 * - each period's principal is the instalment minus that interest (等额本息), or the principal divided by the
 *   term rounded **down** (等额本金);
 * - the **last** instalment takes whatever principal is left, so the principal parts always sum to the loan
 *   and the rounding remainder lands there (91,681 instead of 91,680).
 */
export const REPAYMENT_METHODS = ['equal-installment', 'equal-principal', 'interest-first'] as const;
export type RepaymentMethod = (typeof REPAYMENT_METHODS)[number];

/**
 * How a period's interest is reckoned: `monthly` charges APR/12 for every period whatever its length;
 * `daily` charges APR/365 for each actual day of the period (28 to 31 days).
 */
export const INTEREST_BASES = ['monthly', 'daily'] as const;
export type InterestBasis = (typeof INTEREST_BASES)[number];

export interface ScheduleTerms {
  readonly principal: Money;
  /** Annual percentage rate as an exact fraction (`0.1825` → 365/2000). */
  readonly apr: Rate;
  /** Number of monthly instalments. */
  readonly term: number;
  readonly method: RepaymentMethod;
  readonly basis: InterestBasis;
  /** Drawdown date; instalments fall due on the same day of each following month (clamped at month ends). */
  readonly startDate: LocalDate;
  /** A fee deducted from the amount paid out (part of the IRR cash flows); 0 when omitted. */
  readonly upfrontFee?: Money;
}

export interface ScheduleLine {
  readonly period: number;
  readonly dueDate: LocalDate;
  /** Days of interest in the period (from the previous due date, exclusive, to this one, inclusive). */
  readonly days: number;
  readonly principal: Money;
  readonly interest: Money;
  readonly payment: Money;
  /** Principal still owed after this instalment. */
  readonly balance: Money;
}

export interface Schedule {
  readonly terms: ScheduleTerms;
  readonly lines: readonly ScheduleLine[];
  readonly totalInterest: Money;
  readonly totalPayment: Money;
  /** Annualised rate by IRR over the schedule's cash flows, fees included (periodic IRR × 12). */
  readonly apr: number;
}

/** The due dates of a schedule: the start date's day of month in each of the following `term` months. */
export function dueDatesFor(startDate: LocalDate, term: number): LocalDate[] {
  const anchor = dateParts(startDate).day;
  return Array.from({ length: term }, (_, index) => addMonths(startDate, index + 1, anchor));
}

/**
 * The exact rate of one period as numerator/denominator of bigints. Every period of a schedule shares the
 * denominator (12·den monthly, 365·den daily), which keeps the level-instalment formula in integers.
 */
export function periodRate(apr: Rate, basis: InterestBasis, days: number): { num: bigint; den: bigint } {
  return basis === 'monthly'
    ? { num: apr.num, den: 12n * apr.den }
    : { num: apr.num * BigInt(days), den: 365n * apr.den };
}

/**
 * The level instalment A that repays `principal` over periods with exact rates num_i/D:
 * P·Π(1+r_i) = A·Σ_j Π_{i>j}(1+r_i). Multiplying through by Dⁿ keeps it in integers:
 * A = P·ΠN_i / Σ_j (Π_{i>j}N_i · D^j) with N_i = D + num_i. Rounded half up to the fen. For equal period
 * rates this is the textbook annuity P·r(1+r)ⁿ/((1+r)ⁿ−1).
 */
export function levelInstalment(principal: Money, rates: readonly { num: bigint; den: bigint }[]): Money {
  const n = rates.length;
  if (n === 0) return principal;
  const den = rates[0]?.den ?? 1n;
  let suffix = 1n;
  let denominatorSum = 0n;
  let denPower = den ** BigInt(n);
  // Walk j = n … 1: suffix = Π_{i>j} N_i, denPower = D^j.
  for (let j = n; j >= 1; j -= 1) {
    denominatorSum += suffix * denPower;
    const rate = rates[j - 1];
    suffix *= den + (rate?.num ?? 0n);
    denPower /= den;
  }
  // After the loop suffix = Π_{all} N_i.
  return scaleMoney(principal, suffix, denominatorSum, 'halfUp');
}

export interface AmortisationInput {
  readonly principal: Money;
  readonly apr: Rate;
  readonly method: RepaymentMethod;
  readonly basis: InterestBasis;
  /** The date interest starts from (the drawdown date, or the previous due date when re-amortising). */
  readonly periodStart: LocalDate;
  readonly dueDates: readonly LocalDate[];
}

/**
 * Amortises `principal` over the given due dates. Used for new schedules and, after a partial early
 * repayment, to re-plan the principal of the periods left (same term, smaller instalments).
 */
export function amortise(input: AmortisationInput): ScheduleLine[] {
  const { principal, apr, method, basis, dueDates } = input;
  const term = dueDates.length;
  const days: number[] = [];
  let previous = input.periodStart;
  for (const due of dueDates) {
    days.push(daysBetween(previous, due));
    previous = due;
  }
  const rates = days.map((d) => periodRate(apr, basis, d));
  const level = method === 'equal-installment' ? levelInstalment(principal, rates) : ZERO;
  const equalPart = method === 'equal-principal' ? scaleMoney(principal, 1n, BigInt(term), 'down') : ZERO;
  const lines: ScheduleLine[] = [];
  let balance = principal;
  for (let index = 0; index < term; index += 1) {
    const rate = rates[index] ?? { num: 0n, den: 1n };
    const interest = applyRate(balance, rate, 'halfUp');
    const last = index === term - 1;
    let part: Money;
    if (last) part = balance;
    else if (method === 'equal-installment') part = subMoney(level, interest);
    else if (method === 'equal-principal') part = equalPart;
    else part = ZERO;
    part = minMoney(maxMoney(part, ZERO), balance);
    balance = subMoney(balance, part);
    lines.push({
      period: index + 1,
      dueDate: dueDates[index] as LocalDate,
      days: days[index] ?? 0,
      principal: part,
      interest,
      payment: addMoney(part, interest),
      balance,
    });
  }
  return lines;
}

/** Checks the terms a schedule is built from; names the field and the rule. */
export function validateScheduleTerms(terms: ScheduleTerms): void {
  if (terms.principal <= 0n) throw AppError.invalid('principal', 'positive', 'principal must be above zero');
  if (!Number.isInteger(terms.term) || terms.term < 1 || terms.term > 360) {
    throw AppError.invalid('term', 'range', 'term must be a whole number of months from 1 to 360');
  }
  if (terms.apr.num < 0n) throw AppError.invalid('apr', 'non-negative', 'apr must not be negative');
  if (terms.apr.num * 10n > terms.apr.den * 100n) {
    throw AppError.invalid('apr', 'at-most-1000-percent', 'apr above 10 (1000%) is refused as a typo');
  }
  if (!(REPAYMENT_METHODS as readonly string[]).includes(terms.method)) {
    throw AppError.invalid('method', 'one-of', `method must be one of ${REPAYMENT_METHODS.join(', ')}`);
  }
  if (!(INTEREST_BASES as readonly string[]).includes(terms.basis)) {
    throw AppError.invalid('basis', 'one-of', `basis must be one of ${INTEREST_BASES.join(', ')}`);
  }
  const fee = terms.upfrontFee ?? 0n;
  if (fee < 0n || fee >= terms.principal) {
    throw AppError.invalid('upfrontFee', 'range', 'the upfront fee must be ≥ 0 and below the principal');
  }
}

/** Cash flows of a schedule from the lender's side in fen: −(principal − fee) at 0, +payment each period. */
export function scheduleCashFlows(
  principal: Money,
  upfrontFee: Money,
  lines: readonly ScheduleLine[],
): number[] {
  return [-Number(principal - upfrontFee), ...lines.map((line) => Number(line.payment))];
}

/** A full repayment schedule with totals and its annualised rate by IRR. */
export function generateSchedule(terms: ScheduleTerms): Schedule {
  validateScheduleTerms(terms);
  const lines = amortise({
    principal: terms.principal,
    apr: terms.apr,
    method: terms.method,
    basis: terms.basis,
    periodStart: terms.startDate,
    dueDates: dueDatesFor(terms.startDate, terms.term),
  });
  const totalInterest = sumMoney(lines.map((line) => line.interest));
  const totalPayment = sumMoney(lines.map((line) => line.payment));
  const fee = terms.upfrontFee ?? ZERO;
  const flows = scheduleCashFlows(terms.principal, fee, lines);
  const apr = totalPayment === terms.principal - fee ? 0 : annualisedRateByIrr(flows, 12);
  return { terms, lines, totalInterest, totalPayment, apr };
}
