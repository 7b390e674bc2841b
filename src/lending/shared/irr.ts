import { AppError } from '../../platform/errors/app-error.ts';

/**
 * Internal rate of return of a series of equally spaced cash flows, and the annualised rate built from it.
 *
 * An IRR is a *reported* rate — it answers "what does this really cost a year?" — so it is computed in
 * floating point, unlike money, which never is. Cash flows are numbers of fen (exact up to 2^53, far beyond
 * any consumer loan), from the lender's side or the borrower's: the root is the same.
 */

/** Net present value of `flows` (flow t at the end of period t) at the periodic rate `rate`. */
export function netPresentValue(flows: readonly number[], rate: number): number {
  let value = 0;
  let discount = 1;
  const factor = 1 / (1 + rate);
  for (const flow of flows) {
    value += flow * discount;
    discount *= factor;
  }
  return value;
}

function derivative(flows: readonly number[], rate: number): number {
  let value = 0;
  for (let t = 1; t < flows.length; t += 1) value -= (t * (flows[t] ?? 0)) / (1 + rate) ** (t + 1);
  return value;
}

/**
 * The periodic rate r > −1 at which the flows' net present value is zero. Newton's method from 1% a period,
 * falling back to bisection on [−0.99, 100] when Newton leaves the domain or stalls. Refuses flows that do
 * not change sign (no rate makes them worth zero).
 */
export function internalRateOfReturn(flows: readonly number[], tolerance = 1e-12): number {
  const hasPositive = flows.some((flow) => flow > 0);
  const hasNegative = flows.some((flow) => flow < 0);
  if (!hasPositive || !hasNegative) {
    throw AppError.invalid('cashFlows', 'sign-change', 'an IRR needs both money out and money back');
  }
  let rate = 0.01;
  for (let iteration = 0; iteration < 50; iteration += 1) {
    const value = netPresentValue(flows, rate);
    const slope = derivative(flows, rate);
    if (slope === 0 || !Number.isFinite(slope)) break;
    const next = rate - value / slope;
    if (!Number.isFinite(next) || next <= -0.99) break;
    if (Math.abs(next - rate) < tolerance) return next;
    rate = next;
  }
  // Bisection: NPV is monotone in r for a loan's flows (one sign change), so the bracket holds the root.
  let low = -0.99;
  let high = 100;
  let lowValue = netPresentValue(flows, low);
  for (let iteration = 0; iteration < 200; iteration += 1) {
    const mid = (low + high) / 2;
    const midValue = netPresentValue(flows, mid);
    if (Math.abs(high - low) < tolerance) return mid;
    if (Math.sign(midValue) === Math.sign(lowValue)) {
      low = mid;
      lowValue = midValue;
    } else {
      high = mid;
    }
  }
  return (low + high) / 2;
}

/**
 * The annualised rate by IRR: periodic IRR × periods per year (the nominal APR that Chinese regulators ask
 * lenders to show, 年化利率 by the IRR method). Fees are part of the flows, so a flat 0.5% a month fee shows
 * as about 11% a year, not 6%.
 */
export function annualisedRateByIrr(flows: readonly number[], periodsPerYear: number): number {
  return internalRateOfReturn(flows) * periodsPerYear;
}

/** A reported rate as the decimal fraction string the API and CLI print: six places (`"0.182500"`). */
export function formatReportedRate(rate: number): string {
  return (Math.round(rate * 1e6) / 1e6).toFixed(6);
}
