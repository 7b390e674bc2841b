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
import { lineBalancesOf, planStatusOf, replayLine } from './line-servicing.ts';
import type { LineEvent } from './line-state.ts';
import {
  changeStatementDay,
  currentStatementDay,
  DEFAULT_CREDIT_LINE_PRODUCT,
  statementDateAfterCut,
  termsFor,
} from './line-terms.ts';
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

describe('changing the statement day', () => {
  const day31 = termsFor(DEFAULT_CREDIT_LINE_PRODUCT, {
    lineId: 'cl_TEST',
    customerId: 'cus_TEST',
    facilityId: 'fac_TEST',
    openedOn: d('2027-01-05'),
    apr: parseRate('0.1825'), // 0.05 % a day: 1/2000
    statementDay: 31,
  });

  it('day 31 → 15 asked on 3 Feb: the cycle in flight is cut on 28 Feb (old day), the next on 15 Mar, then monthly', () => {
    const { terms, change, firstOnNewDay } = changeStatementDay(day31, d('2027-02-28'), 15, d('2027-02-03'));
    expect(change).toEqual({ requestedOn: '2027-02-03', fromCut: '2027-02-28', day: 15 });
    expect(firstOnNewDay).toBe('2027-03-15');
    expect(currentStatementDay(terms)).toBe(15);
    // Past cuts keep the old day; the transition cut's due date (10 Mar) falls before the next statement.
    expect(statementDateAfterCut(terms, d('2027-01-31'))).toBe('2027-02-28');
    expect(statementDateAfterCut(terms, d('2027-02-28'))).toBe('2027-03-15');
    expect(statementDateAfterCut(terms, d('2027-03-15'))).toBe('2027-04-15');

    // ¥500.00 bought on 10 Jan (paid on its due date), ¥1,000.00 on 1 Mar in the transition cycle; ¥600.00
    // paid on the transition statement's due date (10 Apr) leaves ¥400.00 of it: interest from the
    // posting date, 2 Mar – 10 Apr = 40 days, and 11 Apr: 41 × 40,000 / 2,000 = 820 fen.
    const { state, statements } = replayLine(
      terms,
      [
        purchase('2027-01-10', 50_000n, 'pur_JAN'),
        payment('2027-02-10', 50_000n),
        purchase('2027-03-01', 100_000n, 'pur_MAR'),
        payment('2027-04-10', 60_000n),
      ],
      d('2027-04-11'),
    );
    expect(
      statements.map((s) => [s.statementDate, s.dueDate, s.periodStart, s.periodEnd, s.closingBalance]),
    ).toEqual([
      ['2027-01-31', '2027-02-10', '2027-01-05', '2027-01-30', 50_000n],
      ['2027-02-28', '2027-03-10', '2027-01-31', '2027-02-27', 0n],
      ['2027-03-15', '2027-04-10', '2027-02-28', '2027-03-14', 100_000n],
    ]);
    expect(state.nextStatementDate).toBe('2027-04-15');
    expect(state.counters.interestAccrued).toBe(820n);
  });

  it('in a leap year, day 1 → 29 asked on 20 Jan 2028: cut on 1 Feb (old day), then 29 Feb, 29 Mar', () => {
    const day1 = termsFor(DEFAULT_CREDIT_LINE_PRODUCT, {
      lineId: 'cl_TEST',
      customerId: 'cus_TEST',
      facilityId: 'fac_TEST',
      openedOn: d('2027-12-05'),
      apr: parseRate('0.1825'),
      statementDay: 1,
    });
    const { terms, firstOnNewDay } = changeStatementDay(day1, d('2028-02-01'), 29, d('2028-01-20'));
    expect(firstOnNewDay).toBe('2028-02-29');
    expect(statementDateAfterCut(terms, d('2028-02-29'))).toBe('2028-03-29');
    expect(statementDateAfterCut(terms, d('2029-01-29'))).toBe('2029-02-28');
  });

  it('when the new day falls before the old statement is due (day 25 → 1), the transition cycle runs to the first new-day date after it', () => {
    const day25 = termsFor(DEFAULT_CREDIT_LINE_PRODUCT, {
      lineId: 'cl_TEST',
      customerId: 'cus_TEST',
      facilityId: 'fac_TEST',
      openedOn: d('2027-01-05'),
      apr: parseRate('0.1825'),
      statementDay: 25,
    });
    // Cut on 25 Mar, due 10 Apr: 1 Apr would come before that due date, so the next statement is 1 May.
    expect(changeStatementDay(day25, d('2027-03-25'), 1, d('2027-03-02')).firstOnNewDay).toBe('2027-05-01');
  });

  it('refuses the current day, a day that does not fit the due rule, and a second change within 6 months', () => {
    const refusalOf = (call: () => unknown) => {
      try {
        call();
      } catch (error) {
        return (error as { issues: unknown[] }).issues[0];
      }
      return undefined;
    };
    expect(refusalOf(() => changeStatementDay(day31, d('2027-02-28'), 31, d('2027-02-03')))).toMatchObject({
      field: 'statementDay',
      rule: 'different-day',
    });
    expect(refusalOf(() => changeStatementDay(day31, d('2027-02-28'), 32, d('2027-02-03')))).toMatchObject({
      field: 'statementDay',
      rule: 'day-of-month',
    });
    const { terms } = changeStatementDay(day31, d('2027-02-28'), 15, d('2027-02-03'));
    expect(refusalOf(() => changeStatementDay(terms, d('2027-04-15'), 20, d('2027-08-02')))).toEqual({
      field: 'statementDay',
      rule: 'once-in-6-months',
      message: 'the statement day was changed on 2027-02-03; it can be changed again from 2027-08-03',
    });
    expect(changeStatementDay(terms, d('2027-08-15'), 20, d('2027-08-03')).firstOnNewDay).toBe('2027-09-20');
  });
});

describe('early settlement of an instalment plan', () => {
  it('¥2,400.00 in 3 × (¥800.00 + ¥18.00), settled on 5 Feb: ¥1,600.00 + ¥18.00 billed on 1 Mar, ¥18.00 waived', () => {
    const tv = purchase('2026-01-05', 240_000n, 'pur_TV');
    const plan = conversion('2026-01-05', 240_000n, 'pur_TV');
    const settle: LineEvent = {
      seq: (seq += 1),
      kind: 'plan-settlement',
      effectiveDate: d('2026-02-05'),
      amount: fen(160_000n),
      planId: 'ipl_TEST',
    };
    const { state, statements } = replayLine(
      terms,
      [tv, plan, payment('2026-02-10', 81_800n), settle, payment('2026-03-10', 161_800n)],
      d('2026-04-05'),
    );
    expect(
      statements.map((s) => [s.statementDate, s.instalmentPrincipal, s.fees, s.instalmentsNotYetBilled]),
    ).toEqual([
      ['2026-02-01', 80_000n, 1_800n, 160_000n],
      ['2026-03-01', 160_000n, 1_800n, 0n],
      ['2026-04-01', 0n, 0n, 0n],
    ]);
    const [settled] = state.plans;
    expect(settled).toMatchObject({
      parts: [80_000n, 160_000n, 0n],
      billedPeriods: 2,
      earlySettlement: { on: '2026-02-05', lastPeriod: 2 },
      counters: { converted: 240_000n, feesBilled: 3_600n, principalRepaid: 240_000n, feesRepaid: 3_600n },
    });
    expect(settled && planStatusOf(settled)).toBe('settled');
    expect(lineBalancesOf(state).payoff).toBe(0n);
  });
});
