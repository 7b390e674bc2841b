import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRate } from '../../platform/money/rate.ts';
import type { Money } from '../../platform/money/money.ts';
import { offerFor } from '../credit-lines/instalment-conversion.ts';
import { flatFeeInstalmentPlan } from './instalment-apr.ts';
import { annualisedRateByIrr, formatReportedRate, internalRateOfReturn, netPresentValue } from './irr.ts';

describe('internal rate of return', () => {
  it('Given 100 out and 110 back a period later, When solved, Then the rate is 10%', () => {
    expect(internalRateOfReturn([-100, 110])).toBeCloseTo(0.1, 12);
  });

  it('Given a textbook annuity at 1.5% a month, When solved, Then it returns 1.5% and 18% a year', () => {
    const r = 0.015;
    const payment = (10_000 * r) / (1 - (1 + r) ** -12);
    const flows = [-10_000, ...Array.from({ length: 12 }, () => payment)];
    expect(internalRateOfReturn(flows)).toBeCloseTo(0.015, 10);
    expect(annualisedRateByIrr(flows, 12)).toBeCloseTo(0.18, 9);
  });

  it('refuses flows that never change sign, naming the rule', () => {
    expect(() => internalRateOfReturn([100, 10])).toThrow(/money out and money back/);
  });

  it('property: the net present value at the IRR is zero for any loan-shaped flows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 2_000_000 }), { minLength: 1, maxLength: 36 }),
        (principal, payments) => {
          // Loan-shaped: at least a tenth of the money comes back (rates near −100% are not lending).
          fc.pre(payments.reduce((a, b) => a + b, 0) >= principal / 10);
          const flows = [-principal, ...payments];
          const rate = internalRateOfReturn(flows);
          expect(rate).toBeGreaterThan(-1);
          expect(Math.abs(netPresentValue(flows, rate))).toBeLessThan(1e-6 * principal + 1e-6);
        },
      ),
    );
  });
});

describe('flat-fee instalment plans: the fee is not the rate', () => {
  it('Given ¥6,000 over 12 months at 0.75% a month, Then the IRR rate is 16.2165%, not 9%', () => {
    const plan = flatFeeInstalmentPlan({
      principal: 600_000n as Money,
      term: 12,
      feePerPeriod: parseRate('0.0075'),
    });
    expect(plan.principalParts).toEqual(Array.from({ length: 12 }, () => 50_000n));
    expect(plan.feePerPeriod).toBe(4_500n);
    expect(plan.totalFees).toBe(54_000n);
    expect(formatReportedRate(plan.apr)).toBe('0.162165');
    // Independent check: the periodic rate r solves 6000 = Σ 545/(1+r)^t.
    const r = plan.apr / 12;
    const pv = Array.from({ length: 12 }, (_, t) => 545 / (1 + r) ** (t + 1)).reduce((a, b) => a + b, 0);
    expect(pv).toBeCloseTo(6000, 6);
  });

  it('puts the leftover fen of the principal on the first parts, as a credit-line conversion bills them', () => {
    // ¥1,000.00 over 3: 100,000 = 3 × 33,333 + 1, so the one leftover fen goes to period 1.
    const plan = flatFeeInstalmentPlan({
      principal: 100_000n as Money,
      term: 3,
      feePerPeriod: parseRate('0.005'),
    });
    expect(plan.principalParts).toEqual([33_334n, 33_333n, 33_333n]);
    // ¥4,000.00 over 6: 400,000 = 6 × 66,666 + 4, so periods 1–4 take one fen more.
    const six = flatFeeInstalmentPlan({
      principal: 400_000n as Money,
      term: 6,
      feePerPeriod: parseRate('0.007'),
    });
    expect(six.principalParts).toEqual([66_667n, 66_667n, 66_667n, 66_667n, 66_666n, 66_666n]);
    expect(six.feePerPeriod).toBe(2_800n);
  });

  it('property: the plan quoted by `loan apr` is the plan a credit-line conversion bills, fen for fen', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50_000_000 }),
        fc.constantFrom(3, 6, 9, 12),
        fc.constantFrom('0.0075', '0.007', '0.0068', '0.0066', '0.00333'),
        (principal, term, fee) => {
          const feeRate = parseRate(fee);
          const quoted = flatFeeInstalmentPlan({
            principal: BigInt(principal) as Money,
            term,
            feePerPeriod: feeRate,
          });
          const billed = offerFor(BigInt(principal) as Money, term, feeRate);
          expect(quoted.principalParts).toEqual(billed.principalParts);
          expect(quoted.feePerPeriod).toBe(billed.feePerPeriod);
          expect(quoted.totalFees).toBe(billed.totalFees);
          expect(quoted.apr).toBe(billed.aprByIrr);
          expect(quoted.principalParts.reduce((a, b) => a + b, 0n)).toBe(BigInt(principal));
          const first = quoted.principalParts[0] ?? 0n;
          expect(quoted.principalParts.every((part) => part <= first && first - part <= 1n)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('property: a higher fee always shows a higher annualised rate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 200 }), (a, b) => {
        fc.pre(a !== b);
        const at = (bps: number) =>
          flatFeeInstalmentPlan({
            principal: 1_000_000n as Money,
            term: 12,
            feePerPeriod: parseRate(`${bps / 10_000}`),
          }).apr;
        expect(Math.sign(at(a) - at(b))).toBe(Math.sign(a - b));
      }),
      { numRuns: 50 },
    );
  });
});
