import { describe, expect, it } from 'vitest';
import type { Money } from '../../platform/money/money.ts';
import { parseRate } from '../../platform/money/rate.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import {
  closeRefusal,
  limitUnderCustomerCap,
  lowerLimitRefusal,
  temporaryExpired,
  temporaryGrantRefusal,
} from './line-lifecycle.ts';
import { replayLine } from './line-servicing.ts';
import type { LineEvent } from './line-state.ts';
import { DEFAULT_CREDIT_LINE_PRODUCT, termsFor } from './line-terms.ts';
import { planReview } from './limit-review.ts';

const d = (text: string) => text as LocalDate;
const fen = (value: bigint) => value as Money;
const terms = termsFor(DEFAULT_CREDIT_LINE_PRODUCT, {
  lineId: 'cl_TEST',
  customerId: 'cus_TEST',
  facilityId: 'fac_TEST',
  openedOn: d('2026-01-05'),
  apr: parseRate('0.1825'),
});

let seq = 0;
const purchase = (date: string, amount: bigint, id: string): LineEvent => ({
  seq: (seq += 1),
  kind: 'purchase',
  effectiveDate: d(date),
  amount: fen(amount),
  purchaseId: id,
  description: id,
});
const payment = (date: string, amount: bigint): LineEvent => ({
  seq: (seq += 1),
  kind: 'payment',
  effectiveDate: d(date),
  amount: fen(amount),
});
const conversion = (date: string, amount: bigint, purchaseId: string): LineEvent => ({
  seq: (seq += 1),
  kind: 'conversion',
  effectiveDate: d(date),
  amount: fen(amount),
  planId: 'ipl_TEST',
  source: { kind: 'purchase', purchaseId },
  term: 3,
  feeRate: parseRate('0.0075'),
});

describe('closing a line', () => {
  it('Given ¥1,000.00 unpaid, When closing, Then refused: balance / nothing-owed naming ¥1,000.00', () => {
    const { state } = replayLine(terms, [purchase('2026-01-10', 100_000n, 'pur_A')], d('2026-01-20'));
    expect(closeRefusal(state)).toEqual({
      field: 'balance',
      rule: 'nothing-owed',
      message: '1000.00 is still owed on the line; a line closes at zero balance',
    });
  });

  it('Given a running plan, When closing, Then refused: plans / no-open-plan (before the balance)', () => {
    const { state } = replayLine(
      terms,
      [purchase('2026-01-10', 120_000n, 'pur_A'), conversion('2026-01-11', 120_000n, 'pur_A')],
      d('2026-01-20'),
    );
    expect(closeRefusal(state)).toMatchObject({ field: 'plans', rule: 'no-open-plan' });
  });

  it('Given ¥50.00 paid beyond the debt, When closing, Then refused: heldForCustomer / nothing-held', () => {
    const { state } = replayLine(
      terms,
      [purchase('2026-01-10', 10_000n, 'pur_A'), payment('2026-01-12', 15_000n)],
      d('2026-01-20'),
    );
    expect(closeRefusal(state)).toEqual({
      field: 'heldForCustomer',
      rule: 'nothing-held',
      message: '50.00 is held for the customer; pay it out before closing',
    });
  });

  it('Given a purchase paid in full, When closing, Then allowed', () => {
    const { state } = replayLine(
      terms,
      [purchase('2026-01-10', 10_000n, 'pur_A'), payment('2026-01-12', 10_000n)],
      d('2026-01-20'),
    );
    expect(closeRefusal(state)).toBeNull();
  });
});

describe("the customer's lower limit", () => {
  const facility = { limit: fen(500_000n), used: fen(120_000n), status: 'active' as const };

  it('refuses a limit not below the current one, or below what is used, naming the figures', () => {
    expect(lowerLimitRefusal(fen(500_000n), facility)).toMatchObject({
      field: 'limit',
      rule: 'below-current-limit',
      message: 'the limit asked for must be below the current limit of 5000.00',
    });
    expect(lowerLimitRefusal(fen(119_999n), facility)).toMatchObject({
      field: 'limit',
      rule: 'at-least-used',
      message: 'the limit cannot be below the 1200.00 in use',
    });
    expect(lowerLimitRefusal(fen(0n), facility)).toMatchObject({ field: 'limit', rule: 'positive' });
    expect(lowerLimitRefusal(fen(120_000n), facility)).toBeNull();
  });

  it('caps what a review grants: ¥6,000.00 approved under a ¥2,000.00 cap sets ¥2,000.00; a lower one passes', () => {
    expect(limitUnderCustomerCap(fen(600_000n), fen(200_000n))).toBe(200_000n);
    expect(limitUnderCustomerCap(fen(150_000n), fen(200_000n))).toBe(150_000n);
    expect(limitUnderCustomerCap(fen(600_000n), null)).toBe(600_000n);
    const facilityAtCap = { limit: fen(200_000n), status: 'active' as const, statusReason: null };
    expect(planReview({ outcome: 'approved', limit: fen(600_000n) }, facilityAtCap, fen(200_000n))).toEqual({
      action: 'unchanged',
      newLimit: null,
      freeze: false,
      reactivate: false,
    });
    expect(planReview({ outcome: 'approved', limit: fen(600_000n) }, facilityAtCap, null)).toMatchObject({
      action: 'raised',
      newLimit: 600_000n,
    });
  });
});

describe('a temporary limit', () => {
  const active = { status: 'active' as const };
  const today = d('2026-03-10');

  it('runs 0–90 days from today, on an active line, for a positive amount', () => {
    expect(
      temporaryGrantRefusal({ amount: fen(100_000n), until: d('2026-06-08') }, today, active),
    ).toBeNull();
    expect(temporaryGrantRefusal({ amount: fen(100_000n), until: d('2026-06-09') }, today, active)).toEqual({
      field: 'until',
      rule: 'within-90-days',
      message: 'a temporary limit runs at most 90 days: 2026-06-08 at the latest',
    });
    expect(
      temporaryGrantRefusal({ amount: fen(100_000n), until: d('2026-03-09') }, today, active),
    ).toMatchObject({ field: 'until', rule: 'not-in-the-past' });
    expect(temporaryGrantRefusal({ amount: fen(0n), until: today }, today, active)).toMatchObject({
      field: 'amount',
      rule: 'positive',
    });
    expect(
      temporaryGrantRefusal({ amount: fen(1n), until: today }, today, { status: 'suspended' }),
    ).toMatchObject({ field: 'facility', rule: 'facility-active' });
  });

  it('counts through its last day and has run out from the next', () => {
    const grant = { amount: fen(100_000n), until: d('2026-03-31') };
    expect(temporaryExpired(grant, d('2026-03-31'))).toBe(false);
    expect(temporaryExpired(grant, d('2026-04-01'))).toBe(true);
    expect(temporaryExpired(null, d('2026-04-01'))).toBe(false);
  });
});
