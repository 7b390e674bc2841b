import { describe, expect, it } from 'vitest';
import { validateEntry } from '../../ledger/journal.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { Money } from '../../platform/money/money.ts';
import { parseRate } from '../../platform/money/rate.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import { formatReportedRate } from '../shared/irr.ts';
import { remainingPlanApr } from './instalment-conversion.ts';
import { journalsOf, lineBalances, planBalances } from './line-books.ts';
import {
  lineBalancesOf,
  planNotYetBilled,
  planStatusOf,
  receiveLineEvent,
  replayLine,
} from './line-servicing.ts';
import type { InstalmentPlan, LineEvent } from './line-state.ts';
import { DEFAULT_CREDIT_LINE_PRODUCT, termsFor } from './line-terms.ts';

/**
 * Given ¥2,400.00 bought on 10 Jan and converted on 12 Jan into 3 instalments of ¥800.00 + ¥18.00 fee
 * (0.75 % a period), statement day 1, due day 10, the first instalment billed on 1 Feb — when the merchant
 * refunds some or all of the purchase, then the refund goes to the plan first, and money left over can be
 * paid out. Every figure below is worked by hand.
 */

const d = (text: string) => text as LocalDate;
const fen = (value: bigint) => value as Money;
const terms = termsFor(DEFAULT_CREDIT_LINE_PRODUCT, {
  lineId: 'cl_T',
  customerId: 'cus_T',
  facilityId: 'fac_T',
  openedOn: d('2026-01-05'),
  apr: parseRate('0.1825'),
});

let seq = 0;
const next = () => (seq += 1);
const converted = (): LineEvent[] => [
  {
    seq: next(),
    kind: 'purchase',
    effectiveDate: d('2026-01-10'),
    amount: fen(240_000n),
    purchaseId: 'pur_TV',
    description: 'television',
  },
  {
    seq: next(),
    kind: 'conversion',
    effectiveDate: d('2026-01-12'),
    amount: fen(240_000n),
    planId: 'ipl_TV',
    source: { kind: 'purchase', purchaseId: 'pur_TV' },
    term: 3,
    feeRate: parseRate('0.0075'),
  },
];
const refund = (date: string, amount: bigint, purchaseId = 'pur_TV'): LineEvent => ({
  seq: next(),
  kind: 'refund',
  effectiveDate: d(date),
  amount: fen(amount),
  purchaseId,
});
const payment = (date: string, amount: bigint): LineEvent => ({
  seq: next(),
  kind: 'payment',
  effectiveDate: d(date),
  amount: fen(amount),
});
const payout = (date: string, amount: bigint): LineEvent => ({
  seq: next(),
  kind: 'payout',
  effectiveDate: d(date),
  amount: fen(amount),
});

function planOf(plans: readonly InstalmentPlan[]): InstalmentPlan {
  const plan = plans.find((candidate) => candidate.planId === 'ipl_TV');
  if (!plan) throw new Error('the plan is missing');
  return plan;
}

describe('a refund of a converted purchase goes to its plan first', () => {
  it('a full refund after period 1 cancels periods 2 and 3 and their ¥36.00 of fees; ¥800.00 pays what is billed', () => {
    const events = [...converted(), refund('2026-02-05', 240_000n)];
    const { state, statements } = replayLine(terms, events, d('2026-05-01'));
    // Statement 1 (1 Feb): period 1 billed, 800.00 + 18.00.
    expect(statements[0]).toMatchObject({
      purchases: 240_000n,
      converted: 240_000n,
      instalmentPrincipal: 80_000n,
      fees: 1_800n,
      closingBalance: 81_800n,
      instalmentsNotYetBilled: 160_000n,
    });
    // The refund: 1,600.00 takes periods 2 and 3 off the plan; 800.00 goes through the waterfall — fee 18.00
    // first, then 782.00 of period 1's principal — so 18.00 of period 1 is still owed (the fee billed stays).
    const plan = planOf(state.plans);
    expect(planStatusOf(plan)).toBe('cancelled');
    expect(plan.cancelledOn).toBe('2026-02-05');
    expect(plan.parts).toEqual([80_000n, 0n, 0n]);
    expect(plan.refunded).toBe(160_000n);
    expect(planNotYetBilled(plan)).toBe(0n);
    expect(planBalances(plan.counters)).toEqual({
      principal_receivable: 1_800n,
      fee_receivable: 0n,
      funding: 0n, // 238,200 principal + 1,800 fee passed on − 240,000 converted
      fee_income: 1_800n,
    });
    expect(lineBalancesOf(state)).toMatchObject({
      billedPrincipal: 1_800n,
      billedFees: 0n,
      instalmentsNotYetBilled: 0n,
      principalOwed: 1_800n,
      heldForCustomer: 0n,
    });
    // Statement 2 (1 Mar): nothing billed any more; the refund shows split by where it went. The 18.00 left
    // unpaid at the due date (10 Feb) bears interest at 0.05 % a day by the posting-date rule: 9 days from
    // the statement date (1 Feb) through the due date, then 11–28 Feb, 18 days: 1,800 × 27 ÷ 2,000 = 24.3 fen.
    expect(statements[1]).toMatchObject({
      seq: 2,
      openingBalance: 81_800n,
      refunds: 80_000n,
      instalmentRefunds: 160_000n,
      payments: 0n,
      instalmentPrincipal: 0n,
      fees: 0n,
      interest: 24n,
      closingBalance: 1_824n,
      instalmentsNotYetBilled: 0n,
      instalments: [],
    });
    // No more instalments after the cancellation: the fees billed over the plan's life are 18.00, not 54.00.
    expect(statements.flatMap((s) => s.instalments).map((i) => i.period)).toEqual([1]);
    expect(plan.counters.feesBilled).toBe(1_800n);
  });

  it('a partial refund re-spreads the unbilled principal over the remaining periods with a fee on what was kept', () => {
    const events = [...converted(), refund('2026-02-05', 60_000n), payment('2026-02-10', 81_800n)];
    const { state, statements } = replayLine(terms, events, d('2026-04-01'));
    const plan = planOf(state.plans);
    // 1,600.00 − 600.00 = 1,000.00 over periods 2 and 3: 500.00 each; fee (2,400.00 − 600.00) × 0.75 % = 13.50.
    expect(plan.parts).toEqual([80_000n, 50_000n, 50_000n]);
    expect(plan.feePerPeriod).toBe(1_350n);
    expect(plan.refunded).toBe(60_000n);
    expect(statements.map((s) => [s.instalmentPrincipal, s.fees, s.instalmentRefunds, s.refunds])).toEqual([
      [80_000n, 1_800n, 0n, 0n],
      [50_000n, 1_350n, 60_000n, 0n],
      [50_000n, 1_350n, 0n, 0n],
    ]);
    // Instalments still to come: 1,600.00 → 1,600.00 − 500.00 − 600.00 = 500.00 → 0.
    expect(statements.map((s) => s.instalmentsNotYetBilled)).toEqual([160_000n, 50_000n, 0n]);
    expect(statements[1]?.closingBalance).toBe(51_350n);
    expect(planStatusOf(plan)).toBe('active');
    // Fees over the plan's life: 18.00 + 2 × 13.50 = 45.00 (54.00 before the refund).
    expect(plan.counters.feesBilled).toBe(4_500n);
  });

  it('the annualised rate of what remains: 1,000.00 repaid as 2 × 513.50 is 21.5362 % a year', () => {
    const { state } = replayLine(terms, [...converted(), refund('2026-02-05', 60_000n)], d('2026-02-05'));
    // 100,000 = 51,350/(1+r) + 51,350/(1+r)²  ⇒  r = 1.794680 % a month, × 12.
    expect(formatReportedRate(remainingPlanApr(planOf(state.plans)) ?? -1)).toBe('0.215362');
  });

  it('a refund beyond the whole debt is held for the customer, and the plan is settled by it', () => {
    const events = [...converted(), payment('2026-02-08', 81_800n), refund('2026-02-15', 240_000n)];
    const { state } = replayLine(terms, events, d('2026-02-15'));
    // 1,600.00 cancels periods 2 and 3; nothing else is owed, so 800.00 is held.
    expect(lineBalancesOf(state)).toMatchObject({
      heldForCustomer: 80_000n,
      payoff: -80_000n,
      principalOwed: 0n,
    });
    expect(planStatusOf(planOf(state.plans))).toBe('cancelled');
  });

  it('a refund of a purchase converted through its statement is credited like a payment', () => {
    const events: LineEvent[] = [
      {
        seq: next(),
        kind: 'purchase',
        effectiveDate: d('2026-01-10'),
        amount: fen(240_000n),
        purchaseId: 'pur_S',
        description: 'sofa',
      },
      {
        seq: next(),
        kind: 'conversion',
        effectiveDate: d('2026-02-03'),
        amount: fen(240_000n),
        planId: 'ipl_S',
        source: { kind: 'statement', statementSeq: 1 },
        term: 3,
        feeRate: parseRate('0.0075'),
      },
      refund('2026-02-05', 100_000n, 'pur_S'),
    ];
    const { state } = replayLine(terms, events, d('2026-02-05'));
    const plan = state.plans[0];
    expect(plan?.parts).toEqual([80_000n, 80_000n, 80_000n]);
    expect(state.cycle).toMatchObject({ refunds: 100_000n, instalmentRefunds: 0n });
    expect(lineBalancesOf(state).heldForCustomer).toBe(100_000n);
  });
});

describe('payouts of money held', () => {
  const held = () => [...converted(), payment('2026-02-08', 81_800n), refund('2026-02-15', 240_000n)];

  it('pays held money out: Dr customer overpayment / Cr funding; the statement shows it and still adds up', () => {
    const before = replayLine(terms, held(), d('2026-02-20')).state;
    const out = payout('2026-02-20', 30_000n);
    const received = receiveLineEvent(terms, before, held(), out);
    const change = received.changes.at(-1);
    expect(change?.cause).toBe('payout');
    const journals = change ? journalsOf('cl_T', 'cus_T', change, () => 'jrn_1') : [];
    expect(journals).toHaveLength(1);
    expect(journals[0]).toMatchObject({ kind: 'payout', sourceKey: `payout:cl_T:${out.seq}` });
    expect(journals[0]?.lines).toEqual([
      { kind: 'customer_overpayment', side: 'D', amount: 30_000n },
      { kind: 'funding', side: 'C', amount: 30_000n },
    ]);
    for (const journal of journals) validateEntry(journal);
    expect(lineBalances(received.state.counters).customer_overpayment).toBe(50_000n);

    const { statements } = replayLine(terms, [...held(), out], d('2026-03-01'));
    // 81,800 − 81,800 paid − 80,000 refunded + 30,000 paid out = −50,000: a credit of 500.00.
    expect(statements[1]).toMatchObject({
      openingBalance: 81_800n,
      payments: 81_800n,
      refunds: 80_000n,
      instalmentRefunds: 160_000n,
      payouts: 30_000n,
      closingBalance: -50_000n,
    });
  });

  it('refuses more than is held, naming the field and the rule, and changes nothing', () => {
    const events = held();
    const state = replayLine(terms, events, d('2026-02-20')).state;
    let error: unknown;
    try {
      receiveLineEvent(terms, state, events, payout('2026-02-20', 80_001n));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('VALIDATION_FAILED');
    expect((error as AppError).message).toMatch(/at most 800\.00 is held/);
    expect((error as AppError).issues).toMatchObject([{ field: 'amount', rule: 'within-held' }]);
    expect(lineBalancesOf(state).heldForCustomer).toBe(80_000n);
  });
});
