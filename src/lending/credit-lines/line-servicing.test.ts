import { describe, expect, it } from 'vitest';
import type { Money } from '../../platform/money/money.ts';
import { parseRate } from '../../platform/money/rate.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import { lineBalances, planBalances } from './line-books.ts';
import {
  DEFAULT_CREDIT_LINE_PRODUCT,
  termsFor,
  type CreditLineProduct,
  type LineTerms,
} from './line-terms.ts';
import type { LineEvent } from './line-state.ts';
import {
  advanceLine,
  initialLineState,
  lineBalancesOf,
  lineDaysPastDue,
  receiveLineEvent,
  replayLine,
} from './line-servicing.ts';

const d = (text: string) => text as LocalDate;
const fen = (value: bigint) => value as Money;

function termsOf(product: Partial<CreditLineProduct> = {}, statementDay?: number): LineTerms {
  return termsFor(
    { ...DEFAULT_CREDIT_LINE_PRODUCT, ...product },
    {
      lineId: 'cl_TEST',
      customerId: 'cus_TEST',
      facilityId: 'fac_TEST',
      openedOn: d('2026-01-05'),
      apr: parseRate('0.1825'), // 0.05 % a day, exactly 1/2000
      ...(statementDay === undefined ? {} : { statementDay }),
    },
  );
}

let seq = 0;
const purchase = (date: string, yuanFen: bigint, id: string): LineEvent => ({
  seq: (seq += 1),
  kind: 'purchase',
  effectiveDate: d(date),
  amount: fen(yuanFen),
  purchaseId: id,
  description: id,
});
const payment = (date: string, amount: bigint): LineEvent => ({
  seq: (seq += 1),
  kind: 'payment',
  effectiveDate: d(date),
  amount: fen(amount),
});

describe('grace period and interest on the unpaid part', () => {
  it('charges nothing when the statement is paid in full on its due date', () => {
    const terms = termsOf();
    const { state, statements } = replayLine(
      terms,
      [purchase('2026-01-10', 100_000n, 'pur_A'), payment('2026-02-10', 100_000n)],
      d('2026-03-05'),
    );
    expect(statements).toHaveLength(2);
    expect(statements[0]).toMatchObject({
      closingBalance: 100_000n,
      minimumPayment: 10_000n,
      dueDate: '2026-02-10',
    });
    expect(state.counters.interestAccrued).toBe(0n);
    expect(statements[1]).toMatchObject({ openingBalance: 100_000n, payments: 100_000n, closingBalance: 0n });
  });

  it('charges from each posting date on the unpaid newest postings, then daily (posting-date rule)', () => {
    // ¥1,000 on 10 Jan and ¥500 on 20 Jan; ¥600 paid on the due date 10 Feb pays the oldest posting first,
    // leaving ¥400 of the 10 Jan purchase and the ¥500. On 11 Feb: 40,000 × 31 days + 50,000 × 21 days =
    // 2,290,000 fen-days at 1/2000 = 1,145 fen, plus day 11 Feb on 90,000 fen = 45 fen: 1,190 fen.
    const terms = termsOf();
    const events = [
      purchase('2026-01-10', 100_000n, 'pur_A'),
      purchase('2026-01-20', 50_000n, 'pur_B'),
      payment('2026-02-10', 60_000n),
    ];
    expect(replayLine(terms, events, d('2026-02-10')).state.counters.interestAccrued).toBe(0n);
    const day1 = replayLine(terms, events, d('2026-02-11')).state;
    expect(day1.counters.interestAccrued).toBe(1_190n);
    // Then 45 fen a day: 20 more days to 3 Mar → 2,090 fen, all of it in February's cycle but day 1–3 March.
    const later = replayLine(terms, events, d('2026-03-03'));
    expect(later.state.counters.interestAccrued).toBe(1_190n + 20n * 45n);
    const march = later.statements[1];
    expect(march).toMatchObject({
      interest: 1_190n + 17n * 45n,
      openingBalance: 150_000n,
      payments: 60_000n,
    });
    expect(march?.closingBalance).toBe(90_000n + 1_190n + 17n * 45n);
  });

  it('charges only from the day after the due date under the day-after-due rule', () => {
    const terms = termsOf({ interestFrom: 'day-after-due' });
    const events = [
      purchase('2026-01-10', 100_000n, 'pur_A'),
      purchase('2026-01-20', 50_000n, 'pur_B'),
      payment('2026-02-10', 60_000n),
    ];
    expect(replayLine(terms, events, d('2026-02-11')).state.counters.interestAccrued).toBe(45n);
    expect(replayLine(terms, events, d('2026-02-20')).state.counters.interestAccrued).toBe(450n);
  });
});

describe('minimum payment, overdue and suspension', () => {
  it('takes 10 % of revolving principal rounded up with a ¥100 floor, never more than owed', () => {
    const terms = termsOf();
    const small = replayLine(terms, [purchase('2026-01-10', 5_000n, 'pur_A')], d('2026-02-01')).statements[0];
    expect(small?.minimumPayment).toBe(5_000n); // the whole ¥50 balance: below the floor
    const odd = replayLine(terms, [purchase('2026-01-10', 123_457n, 'pur_A')], d('2026-02-01')).statements[0];
    expect(odd?.minimumPayment).toBe(12_346n); // 12,345.7 fen rounded up
  });

  it('counts days past due from the due date, suspends past 30 days and lifts when the minimum is met', () => {
    const terms = termsOf();
    const events = [purchase('2026-01-10', 200_000n, 'pur_A')];
    expect(lineDaysPastDue(replayLine(terms, events, d('2026-02-10')).state, d('2026-02-10'))).toBe(0);
    const eleventh = replayLine(terms, events, d('2026-02-11')).state;
    expect(lineDaysPastDue(eleventh, d('2026-02-11'))).toBe(1);
    expect(replayLine(terms, events, d('2026-03-12')).state.suspended).toBe(false); // 30 days past due
    const suspended = replayLine(terms, events, d('2026-03-13')).state;
    expect(lineDaysPastDue(suspended, d('2026-03-13'))).toBe(31);
    expect(suspended.suspended).toBe(true);
    // Statement 2 (1 Mar) asks for 10 % of ¥2,000 + February's interest; paying the first minimum alone
    // still leaves March's unmet once its due date passes, so pay what statement 2 asks.
    const march = replayLine(terms, events, d('2026-03-01')).statements[1];
    expect(march?.minimumPayment).toBeGreaterThan(20_000n);
    const cured = replayLine(
      terms,
      [...events, payment('2026-03-13', march?.minimumPayment ?? 0n)],
      d('2026-03-13'),
    );
    expect(lineDaysPastDue(cured.state, d('2026-03-13'))).toBe(0);
    expect(cured.state.suspended).toBe(false);
  });
});

describe('money held for the customer', () => {
  it('holds an overpayment, spends it on the next purchase and keeps every contract balanced', () => {
    const terms = termsOf();
    const events = [
      purchase('2026-01-10', 10_000n, 'pur_A'),
      payment('2026-01-12', 30_000n),
      purchase('2026-01-15', 15_000n, 'pur_B'),
    ];
    const { state } = replayLine(terms, events, d('2026-01-20'));
    const balances = lineBalances(state.counters);
    expect(balances.customer_overpayment).toBe(5_000n);
    expect(balances.principal_receivable).toBe(0n);
    expect(lineBalancesOf(state).payoff).toBe(-5_000n);
  });
});

describe('instalment conversion', () => {
  it('bills ⌊P/n⌋ with the extra fen on the first periods and the same fee each statement', () => {
    const terms = termsOf();
    const events: LineEvent[] = [
      purchase('2026-01-10', 400_000n, 'pur_A'),
      {
        seq: (seq += 1),
        kind: 'conversion',
        effectiveDate: d('2026-01-12'),
        amount: fen(400_000n),
        planId: 'ipl_A',
        source: { kind: 'purchase', purchaseId: 'pur_A' },
        term: 6,
        feeRate: parseRate('0.007'),
      },
    ];
    const { state, statements } = replayLine(terms, events, d('2026-07-01'));
    expect(statements.map((s) => s.instalmentPrincipal)).toEqual([
      66_667n,
      66_667n,
      66_667n,
      66_667n,
      66_666n,
      66_666n,
    ]);
    expect(statements.map((s) => s.fees)).toEqual(Array(6).fill(2_800n));
    expect(statements[0]).toMatchObject({
      purchases: 400_000n,
      converted: 400_000n,
      instalmentsNotYetBilled: 333_333n,
    });
    const plan = state.plans[0];
    expect(plan && planBalances(plan.counters)).toMatchObject({
      principal_receivable: 400_000n,
      fee_income: 16_800n,
    });
  });
});

describe('incremental processing equals replay', () => {
  it('gives the same state whether days and events are taken one by one or replayed', () => {
    const terms = termsOf();
    const events = [
      purchase('2026-01-10', 100_000n, 'pur_A'),
      purchase('2026-02-03', 20_000n, 'pur_B'),
      payment('2026-02-12', 50_000n),
      payment('2026-03-09', 10_000n),
    ];
    let state = initialLineState(terms);
    const seen: LineEvent[] = [];
    for (const event of events) {
      state = receiveLineEvent(terms, state, seen, event).state;
      seen.push(event);
    }
    state = advanceLine(terms, state, d('2026-04-15')).state;
    expect(state).toEqual(replayLine(terms, events, d('2026-04-15')).state);
  });

  it('restates a back-dated payment: interest reversed when the statement was in fact paid in time', () => {
    const terms = termsOf();
    const events = [purchase('2026-01-10', 100_000n, 'pur_A')];
    let state = replayLine(terms, events, d('2026-02-12')).state;
    expect(state.counters.interestAccrued).toBe(1_550n + 100n); // 31 days back from 10 Feb, then 11 and 12 Feb, at 50 fen a day
    const late = payment('2026-02-10', 100_000n);
    const received = receiveLineEvent(terms, state, events, late);
    state = received.state;
    expect(received.changes).toHaveLength(1);
    expect(received.changes[0]?.cause).toBe('restatement');
    expect(state.counters.interestAccrued).toBe(0n);
    expect(() => receiveLineEvent(terms, state, [...events, late], payment('2026-01-31', 1n))).toThrow(
      /within-current-cycle|earliest/,
    );
  });
});
