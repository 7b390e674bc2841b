import { AppError } from '../../platform/errors/app-error.ts';
import { applyRate, rate, type Rate } from '../../platform/money/rate.ts';
import { fen, toDecimalString, type Money } from '../../platform/money/money.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import {
  assertAllInCostWithinCap,
  assertRateWithinCap,
  type CappedPeriod,
  type CostCap,
} from '../shared/cost-cap.ts';
import { amortise, dueDatesFor, type InterestBasis, type RepaymentMethod } from './schedule.ts';

/** The components a repayment can settle, in the order a policy names. */
export const REPAYMENT_COMPONENTS = ['penalty', 'interest', 'principal'] as const;
export type RepaymentComponent = (typeof REPAYMENT_COMPONENTS)[number];

/**
 * How a repayment is spread over what is due.
 * - `by-component` (default): all penalty first (oldest instalment first), then all interest, then all
 *   principal — "penalty → interest → principal, oldest first", as 民法典 art. 561 orders costs, interest
 *   and principal;
 * - `by-instalment`: the oldest instalment is cleared in the component order before the next one — it
 *   brings days past due down fastest.
 */
export interface AllocationPolicy {
  readonly order: readonly RepaymentComponent[];
  readonly mode: 'by-component' | 'by-instalment';
}

export const DEFAULT_ALLOCATION: AllocationPolicy = {
  order: ['penalty', 'interest', 'principal'],
  mode: 'by-component',
};

export function validateAllocation(policy: AllocationPolicy, field = 'allocation'): AllocationPolicy {
  const sorted = [...policy.order].sort();
  if (sorted.length !== 3 || sorted.join() !== [...REPAYMENT_COMPONENTS].sort().join()) {
    throw AppError.invalid(
      `${field}.order`,
      'permutation',
      'order must name penalty, interest and principal once each',
    );
  }
  if (policy.mode !== 'by-component' && policy.mode !== 'by-instalment') {
    throw AppError.invalid(`${field}.mode`, 'one-of', 'mode must be by-component or by-instalment');
  }
  return policy;
}

/**
 * A cash-loan product: what a drawdown may ask for and how the loan is serviced. The lender configures it;
 * each loan copies the values into its contract, so changing the product never changes a loan already made.
 */
export interface LoanProduct {
  readonly code: string;
  readonly terms: readonly number[];
  readonly methods: readonly RepaymentMethod[];
  readonly basis: InterestBasis;
  readonly minAmount: Money;
  /** Fee deducted from the amount paid out, as a fraction of the principal (rounded half up). */
  readonly upfrontFeeRate: Rate;
  /**
   * Penalty interest on overdue principal as a multiple of the contract rate (1.5 by default), never above
   * the legal cap: the day-end charges min(multiple × APR, cap) a year on overdue principal.
   */
  readonly penaltyMultiple: Rate;
  readonly allocation: AllocationPolicy;
  /** Upper bounds in days past due of M1 and M2: [30, 60] gives M1 = 1–30, M2 = 31–60, M3+ = 61 and more. */
  readonly bucketBounds: readonly [number, number];
  /** Written off when days past due exceed this; `null`: only by hand. */
  readonly writeOffAfterDpd: number | null;
}

export const DEFAULT_LOAN_PRODUCT: LoanProduct = {
  code: 'cash-loan',
  terms: [3, 6, 12],
  methods: ['equal-installment', 'equal-principal', 'interest-first'],
  basis: 'daily',
  minAmount: fen(10_000n),
  upfrontFeeRate: rate(0n),
  penaltyMultiple: rate(3n, 2n),
  allocation: DEFAULT_ALLOCATION,
  bucketBounds: [30, 60],
  writeOffAfterDpd: 180,
};

/** The terms a loan was made on; immutable for the life of the loan. */
export interface LoanContract {
  readonly loanId: string;
  readonly customerId: string;
  readonly facilityId: string;
  readonly productCode: string;
  readonly principal: Money;
  readonly apr: Rate;
  readonly term: number;
  readonly method: RepaymentMethod;
  readonly basis: InterestBasis;
  readonly startDate: LocalDate;
  readonly dueDates: readonly LocalDate[];
  readonly upfrontFee: Money;
  readonly penaltyMultiple: Rate;
  /**
   * The all-in cost cap in force on the start date (annual): penalty interest is clamped to it. Absent on
   * contracts made before caps were recorded: they are held to `DEFAULT_COST_CAP` (24 %).
   */
  readonly costCap?: Rate;
  readonly allocation: AllocationPolicy;
  readonly bucketBounds: readonly [number, number];
  readonly writeOffAfterDpd: number | null;
}

export interface ContractInput {
  readonly loanId: string;
  readonly customerId: string;
  readonly facilityId: string;
  readonly principal: Money;
  readonly apr: Rate;
  readonly term: number;
  readonly method: RepaymentMethod;
  readonly startDate: LocalDate;
  /**
   * The legal cap in force on the start date. When given, the contract rate and the all-in cost with the
   * upfront fee (by IRR) must be within it, and the contract records it for the penalty clamp.
   */
  readonly costCap?: CostCap;
}

/** Builds a loan's contract from the product and the drawdown; refuses what the product does not offer. */
export function contractFor(product: LoanProduct, input: ContractInput): LoanContract {
  if (!product.terms.includes(input.term)) {
    throw AppError.invalid('term', 'one-of', `term must be one of ${product.terms.join(', ')} months`);
  }
  if (!product.methods.includes(input.method)) {
    throw AppError.invalid('method', 'one-of', `method must be one of ${product.methods.join(', ')}`);
  }
  if (input.principal < product.minAmount) {
    throw AppError.invalid(
      'amount',
      'minimum',
      `the smallest drawdown is ${toDecimalString(product.minAmount)}`,
    );
  }
  const dueDates = dueDatesFor(input.startDate, input.term);
  const upfrontFee = applyRate(input.principal, product.upfrontFeeRate, 'halfUp');
  if (input.costCap) assertContractWithinCap(input, product.basis, dueDates, upfrontFee, input.costCap);
  return {
    loanId: input.loanId,
    customerId: input.customerId,
    facilityId: input.facilityId,
    productCode: product.code,
    principal: input.principal,
    apr: input.apr,
    term: input.term,
    method: input.method,
    basis: product.basis,
    startDate: input.startDate,
    dueDates,
    upfrontFee,
    penaltyMultiple: product.penaltyMultiple,
    ...(input.costCap ? { costCap: input.costCap.annualRate } : {}),
    allocation: product.allocation,
    bucketBounds: product.bucketBounds,
    writeOffAfterDpd: product.writeOffAfterDpd,
  };
}

/**
 * A drawdown within the cap: the contract rate (rule `legal-cap`, field `apr`) and, with an upfront fee,
 * the all-in cost by IRR of (−(principal − fee), instalment₁, …) discounted at the cap — each period at
 * cap × days / 365 on the daily basis, cap / 12 on the monthly basis, as its interest accrues (rule
 * `all-in-cost-cap`, field `upfrontFee`). Without a fee the all-in cost is the contract rate itself.
 */
function assertContractWithinCap(
  input: ContractInput,
  basis: InterestBasis,
  dueDates: readonly LocalDate[],
  upfrontFee: Money,
  cap: CostCap,
): void {
  assertRateWithinCap('apr', "the loan's rate", input.apr, cap);
  if (upfrontFee === 0n) return;
  const lines = amortise({
    principal: input.principal,
    apr: input.apr,
    method: input.method,
    basis,
    periodStart: input.startDate,
    dueDates,
  });
  const periods: CappedPeriod[] = lines.map((line) => ({
    payment: line.payment,
    periodRate:
      basis === 'daily'
        ? rate(cap.annualRate.num * BigInt(line.days), cap.annualRate.den * 365n)
        : rate(cap.annualRate.num, cap.annualRate.den * 12n),
  }));
  assertAllInCostWithinCap(
    'upfrontFee',
    `a loan of ${toDecimalString(input.principal)} with an upfront fee of ${toDecimalString(upfrontFee)}`,
    input.principal - upfrontFee,
    periods,
    cap,
  );
}
