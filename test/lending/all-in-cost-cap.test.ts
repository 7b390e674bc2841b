import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offerFor, withinCostCap } from '../../src/lending/credit-lines/instalment-conversion.ts';
import {
  contractFor,
  DEFAULT_LOAN_PRODUCT,
  type LoanContract,
  type LoanProduct,
} from '../../src/lending/loans/loan-contract.ts';
import { amortise, REPAYMENT_METHODS, INTEREST_BASES } from '../../src/lending/loans/schedule.ts';
import { replay } from '../../src/lending/loans/servicing.ts';
import {
  costCapOn,
  ONE_YEAR_LPR,
  type CostCap,
  type CostCapRule,
} from '../../src/lending/shared/cost-cap.ts';
import { assertSettingsWithinCostCap, settingsCostCapIssues } from '../../src/policy/settings-cost-cap.ts';
import { isAppError } from '../../src/platform/errors/app-error.ts';
import { parseLendingSettings } from '../../src/policy/index.ts';
import type { Money } from '../../src/platform/money/money.ts';
import {
  parseRate,
  rate,
  rateToNumber,
  toExactRateString,
  type Rate,
} from '../../src/platform/money/rate.ts';
import { addDays, daysBetween, type LocalDate } from '../../src/platform/time/local-date.ts';

/**
 * Issue 15, item 1: nobody is charged above the legal cap in force — contract interest, fees by IRR and
 * penalty interest together. Pure: the same core runs the drawdown, the day-end and the conversions.
 */

const D = (text: string) => text as LocalDate;
const fen = (value: bigint) => value as Money;

const RULES: readonly CostCapRule[] = [
  { effectiveFrom: D('2020-08-20'), kind: 'fixed', annualRate: parseRate('0.24'), basis: 'fixed 24 %' },
  { effectiveFrom: D('2027-01-01'), kind: 'lpr-multiple', multiple: rate(4n), basis: '4 × LPR' },
];

function capOn(date: string): CostCap {
  const cap = costCapOn(RULES, D(date));
  if (!cap) throw new Error(`no cap on ${date}`);
  return cap;
}

function loanOf(
  product: LoanProduct,
  apr: Rate,
  cap: CostCap | undefined,
  extra: Partial<{
    principal: bigint;
    term: number;
    method: (typeof REPAYMENT_METHODS)[number];
    start: string;
  }> = {},
): LoanContract {
  return contractFor(product, {
    loanId: 'ln_1',
    customerId: 'cus_1',
    facilityId: 'fac_1',
    principal: fen(extra.principal ?? 1_000_000n),
    apr,
    term: extra.term ?? 12,
    method: extra.method ?? 'equal-installment',
    startDate: D(extra.start ?? '2026-01-15'),
    ...(cap ? { costCap: cap } : {}),
  });
}

/** Σ over the days an instalment was overdue of its overdue principal, read back from the exact accumulator. */
function principalDays(contract: LoanContract, penaltyExact: bigint): bigint {
  const perDay = contract.apr.num * contract.penaltyMultiple.num;
  return perDay === 0n ? 0n : penaltyExact / perDay;
}

/**
 * A plain float reference of the all-in check: present value of the instalments discounted at the cap
 * (cap × days / 365 a period on the daily basis, cap / 12 on the monthly basis) minus what was paid out,
 * relative to the amount paid out. At most 0 when the cost is within the cap.
 */
function referenceCost(contract: LoanContract, cap: CostCap): number {
  const lines = amortise({
    principal: contract.principal,
    apr: contract.apr,
    method: contract.method,
    basis: contract.basis,
    periodStart: contract.startDate,
    dueDates: contract.dueDates,
  });
  const annual = rateToNumber(cap.annualRate);
  let discount = 1;
  let presentValue = 0;
  for (const line of lines) {
    discount *= 1 + (contract.basis === 'daily' ? (annual * line.days) / 365 : annual / 12);
    presentValue += Number(line.payment) / discount;
  }
  const paidOut = Number(contract.principal - contract.upfrontFee);
  return (presentValue - paidOut) / paidOut;
}

describe('the cap in force on a date', () => {
  it('is a fixed rate, or a multiple of the one-year LPR with the LPR in force that day (exact)', () => {
    expect(toExactRateString(capOn('2026-06-30').annualRate)).toBe('0.24');
    const lpr = [
      { effectiveFrom: D('2024-10-21'), annualRate: parseRate('0.031') },
      { effectiveFrom: D('2025-05-20'), annualRate: parseRate('0.03') },
    ];
    const fourTimes: CostCapRule[] = [
      { effectiveFrom: D('2020-08-20'), kind: 'lpr-multiple', multiple: rate(4n), basis: '4 × LPR' },
    ];
    expect(toExactRateString(costCapOn(fourTimes, D('2025-05-19'), lpr)?.annualRate ?? rate(0n))).toBe(
      '0.124',
    );
    expect(toExactRateString(costCapOn(fourTimes, D('2025-05-20'), lpr)?.annualRate ?? rate(0n))).toBe(
      '0.12',
    );
    expect(costCapOn(fourTimes, D('2024-10-20'), lpr)).toBeUndefined(); // no LPR of ours in force
    // The recorded history: 3.10 % from 2024-10-21, 3.00 % from 2025-05-20 (PBOC / NIFC announcements).
    expect(toExactRateString(capOn('2027-03-01').annualRate)).toBe('0.12');
    expect(ONE_YEAR_LPR.at(-1)).toEqual({ effectiveFrom: '2025-05-20', annualRate: parseRate('0.03') });
  });
});

describe('worked example: a 21.9 % loan, instalment 1 thirty days overdue', () => {
  it('accrues at 24 % a year on its overdue principal now, not 32.85 %', () => {
    const contract = loanOf(
      { ...DEFAULT_LOAN_PRODUCT, basis: 'daily' },
      parseRate('0.219'),
      capOn('2026-01-15'),
    );
    const first = replay(contract, [], D('2026-02-15')).instalments[0];
    expect(first?.principal).toBe(74_902n); // ¥749.02 of ¥10,000 over 12 months, due 2026-02-15
    const overdue = replay(contract, [], D('2026-03-17')).instalments[0];
    // Before: 74,902 × 0.3285 × 30 / 365 = 2,022.35… → 2,022 fen (half up), 32.85 % a year.
    // Now:    74,902 × 0.24 × 30 / 365   = 1,477.51… → 1,477 fen (down at the cap), 24 % a year.
    expect(overdue?.penalty).toBe(1_477n);
    expect(principalDays(contract, overdue?.penaltyExact ?? 0n)).toBe(74_902n * 30n);
    const unclamped = { ...contract, costCap: parseRate('10') };
    expect(replay(unclamped, [], D('2026-03-17')).instalments[0]?.penalty).toBe(2_022n);
  });
});

describe('the rounding edge: a penalty rate just below the cap', () => {
  it("takes the cap's figure rounded down when the half-up figure would be above it (15.94 % × 1.5 = 23.91 %)", () => {
    const contract = loanOf(
      { ...DEFAULT_LOAN_PRODUCT, basis: 'daily' },
      parseRate('0.1594'),
      capOn('2026-01-15'),
    );
    const first = replay(contract, [], addDays(contract.dueDates[0] as LocalDate, 1)).instalments[0];
    expect(first?.principal).toBe(77_133n);
    // 77,133 × 0.2391 / 365 = 50.53 → 51 half up, but 77,133 × 0.24 / 365 = 50.72: 51 would be above the
    // cap, so the penalty is the cap's figure rounded down.
    expect(first?.penalty).toBe(50n);
  });
});

const productArb = fc.record({
  basis: fc.constantFrom(...INTEREST_BASES),
  upfrontFeeBps: fc.integer({ min: 0, max: 600 }),
  penaltyMultiple: fc.tuple(fc.integer({ min: 0, max: 40 }), fc.constantFrom(10, 20)),
});

describe('property: the annualised all-in cost never exceeds the cap in force on the date', () => {
  it('drawdowns: a contract is made only when its rate and its fees by IRR are within the cap; else legal-cap / all-in-cost-cap', () => {
    fc.assert(
      fc.property(
        productArb,
        fc.integer({ min: 0, max: 3600 }), // APR in bp, up to 36 %
        fc.bigInt({ min: 50_000n, max: 20_000_000n }),
        fc.constantFrom(3, 6, 12),
        fc.constantFrom(...REPAYMENT_METHODS),
        fc.constantFrom('2026-01-15', '2026-03-31', '2027-02-28'),
        (p, aprBps, principal, term, method, start) => {
          const product: LoanProduct = {
            ...DEFAULT_LOAN_PRODUCT,
            basis: p.basis,
            upfrontFeeRate: rate(BigInt(p.upfrontFeeBps), 10_000n),
            penaltyMultiple: rate(BigInt(p.penaltyMultiple[0]), BigInt(p.penaltyMultiple[1])),
          };
          const cap = capOn(start);
          const apr = rate(BigInt(aprBps), 10_000n);
          let contract: LoanContract;
          try {
            contract = loanOf(product, apr, cap, { principal, term, method, start });
          } catch (error) {
            if (!isAppError(error)) throw error;
            const issue = error.issues[0];
            if (issue?.rule === 'legal-cap') {
              expect(issue.field).toBe('apr');
              expect(aprBps / 10_000).toBeGreaterThan(rateToNumber(cap.annualRate));
              return;
            }
            expect(issue).toMatchObject({ field: 'upfrontFee', rule: 'all-in-cost-cap' });
            // Refused only when the plain float reference agrees (a hair of tolerance for floats).
            const refused = loanOf(product, apr, undefined, { principal, term, method, start });
            expect(referenceCost(refused, cap)).toBeGreaterThan(-1e-6);
            return;
          }
          expect(aprBps / 10_000).toBeLessThanOrEqual(rateToNumber(cap.annualRate));
          expect(referenceCost(contract, cap)).toBeLessThan(1e-6);
          expect(contract.costCap).toEqual(cap.annualRate);
        },
      ),
      { numRuns: 300, seed: 15 },
    );
  });

  it('day-end: penalty on overdue principal never exceeds the cap a year, and is unchanged below it', () => {
    fc.assert(
      fc.property(
        productArb,
        fc.integer({ min: 1, max: 2400 }),
        fc.constantFrom(3, 6, 12),
        fc.constantFrom(...REPAYMENT_METHODS),
        fc.integer({ min: 1, max: 200 }),
        fc.constantFrom('2026-01-15', '2027-01-31'),
        (p, aprBps, term, method, daysOverdue, start) => {
          const product: LoanProduct = {
            ...DEFAULT_LOAN_PRODUCT,
            basis: p.basis,
            penaltyMultiple: rate(BigInt(p.penaltyMultiple[0]), BigInt(p.penaltyMultiple[1])),
            writeOffAfterDpd: null,
          };
          const cap = capOn(start);
          const apr = rate(BigInt(aprBps), 10_000n);
          if (rateToNumber(apr) > rateToNumber(cap.annualRate)) return;
          const contract = loanOf(product, apr, cap, { term, method, start });
          const firstDue = contract.dueDates[0] as LocalDate;
          const asOf = addDays(firstDue, daysOverdue);
          const state = replay(contract, [], asOf);
          for (const [index, instalment] of state.instalments.entries()) {
            // Principal-days from the schedule, not from the code's accumulator: with no repayment each
            // instalment's principal is overdue from the day after its due date to `asOf`.
            const due = contract.dueDates[index] as LocalDate;
            const days = due < asOf ? instalment.principal * BigInt(daysBetween(due, asOf)) : 0n;
            // penalty / (principal-days / 365) ≤ cap, exactly.
            expect(instalment.penalty * 365n * cap.annualRate.den).toBeLessThanOrEqual(
              days * cap.annualRate.num,
            );
            // Exactly min(half up at multiple × APR / 365, down at cap / 365): below the cap the half-up
            // figure, except within a fen of the cap where the cap's figure (down) is the smaller.
            const askedDen = 365n * contract.apr.den * contract.penaltyMultiple.den;
            const asked =
              (2n * days * contract.apr.num * contract.penaltyMultiple.num + askedDen) / (2n * askedDen);
            const capped = (days * cap.annualRate.num) / (365n * cap.annualRate.den);
            expect(instalment.penalty).toBe(asked < capped ? asked : capped);
          }
        },
      ),
      { numRuns: 200, seed: 15 },
    );
  });

  it('conversions: an offer stands only when its fees by IRR are within the cap; else all-in-cost-cap on term', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 10_000n, max: 5_000_000n }),
        fc.constantFrom(3, 6, 9, 12),
        fc.integer({ min: 0, max: 300 }), // fee a period in hundredths of a percent, up to 3 %
        fc.constantFrom('2026-06-01', '2027-06-01'),
        (amount, term, feeBp, date) => {
          const cap = capOn(date);
          const offer = offerFor(fen(amount), term, rate(BigInt(feeBp), 10_000n));
          try {
            withinCostCap(offer, cap);
          } catch (error) {
            if (!isAppError(error)) throw error;
            expect(error.issues[0]).toMatchObject({ field: 'term', rule: 'all-in-cost-cap' });
            expect(offer.aprByIrr).toBeGreaterThan(rateToNumber(cap.annualRate) - 1e-9);
            return;
          }
          expect(offer.aprByIrr).toBeLessThanOrEqual(rateToNumber(cap.annualRate) + 1e-9);
        },
      ),
      { numRuns: 300, seed: 15 },
    );
  });

  it('exact figures: 0.75 % a month over 12 (16.22 % by IRR) passes 24 % and is refused under 4 × LPR = 12 %', () => {
    const offer = offerFor(fen(1_200_000n), 12, parseRate('0.0075'));
    expect(offer.aprByIrr.toFixed(4)).toBe('0.1622');
    expect(withinCostCap(offer, capOn('2026-06-01'))).toBe(offer);
    expect(() => withinCostCap(offer, capOn('2027-06-01'))).toThrow(
      'term: converting 12000.00 over 12 periods at 0.75% a period: its all-in annualised cost (interest and fees, by IRR) is above the legal cap of 4 × the one-year LPR 3.00% = 12.00% (in force since 2027-01-01; LPR of 2025-05-20)',
    );
  });
});

describe('settings within the cap (the four-eyes settings path checks them on submission)', () => {
  const product = (effectiveFrom: string, maxApr: string) => ({
    code: 'cash_loan',
    type: 'cash_loan',
    name: { zh: '现金借款', en: 'Cash loan' },
    effectiveFrom,
    minLimit: '100000',
    maxLimit: '20000000',
    minApr: '0.073',
    maxApr,
    terms: [3, 6, 12],
    firstLimitCap: '500000',
    requiredVerificationLevel: 3,
    minAge: 18,
    maxAge: 60,
  });
  const stored = parseLendingSettings({
    products: [product('2026-01-01', '0.219')],
    legalRateCaps: [{ effectiveFrom: '2020-08-20', annualRate: '0.24', basis: 'cap' }],
  });

  it('refuses a product above the cap in force on a day of its life, and a cap below a product in force', () => {
    expect(() =>
      assertSettingsWithinCostCap(
        parseLendingSettings({ products: [product('2027-01-01', '0.30')] }),
        stored,
      ),
    ).toThrow(
      'products[0].maxApr: cash_loan from 2027-01-01 offers up to 30.00%, above the legal cap of 24.00% in force from 2020-08-20',
    );
    const lowered = parseLendingSettings({
      legalRateCaps: [{ effectiveFrom: '2027-01-01', annualRate: '0.18', basis: 'lower cap' }],
    });
    expect(settingsCostCapIssues(lowered, stored)).toEqual([
      {
        field: 'legalRateCaps[0].annualRate',
        rule: 'legal-cap',
        message:
          'cash_loan from 2026-01-01 offers up to 21.90%, above the legal cap of 18.00% in force from 2027-01-01',
      },
    ]);
    // Lowering the cap together with a product that fits it from the same day is fine.
    const together = parseLendingSettings({
      products: [product('2027-01-01', '0.18')],
      legalRateCaps: [{ effectiveFrom: '2027-01-01', annualRate: '0.18', basis: 'lower cap' }],
    });
    expect(settingsCostCapIssues(together, stored)).toEqual([]);
    expect(
      settingsCostCapIssues(parseLendingSettings({ products: [product('2027-01-01', '0.24')] }), stored),
    ).toEqual([]);
  });
});
