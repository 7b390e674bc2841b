import { describe, expect, it } from 'vitest';
import { validateEntry } from '../../ledger/journal.ts';
import type { Money } from '../../platform/money/money.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import { journalsOf, lineBalances, planBalances } from './line-books.ts';
import { planLineHardship, settlementPayoff } from './line-hardship.ts';
import { closeRefusal } from './line-lifecycle.ts';
import { heldFor, lineBalancesOf, replayLine, writtenOffOf, type LineChange } from './line-servicing.ts';
import type { InstalmentPlan, LineEvent } from './line-state.ts';
import { type LineTerms } from './line-terms.ts';
import {
  phoneAndConvertedSofa,
  refusalOf,
  runLine,
  workedTerms,
} from './line-worked-example.test-support.ts';

const d = (text: string) => text as LocalDate;
const fen = (value: bigint) => value as Money;

/**
 * Settlement for less than owed on a credit line (issue 15, item 4 for lines), worked by hand on the waiver's
 * line (`line-hardship.test.ts`): 18.25 % a year (1/2000 a day), statement day 1, due the 10th; ¥1,000.00 bought
 * on 10 Jan 2026; ¥600.00 bought on 12 Jan and converted the same day into 3 × ¥200.00 with a ¥4.50 fee a period.
 * Statement 1 (1 Feb) bills ¥1,000.00 revolving + instalment 1 ¥200.00 + fee ¥4.50; its minimum is missed, and
 * by 20 Feb ¥22.40 of interest has accrued (unbilled). What settles the line in full on 20 Feb:
 * 1,000.00 + 200.00 + 4.50 + 22.40 + the plan's 2 × 200.00 not yet billed = **¥1,626.90**.
 *
 * A. Staff agree **¥1,000.00**. Paid by the waterfall (the default: fees, interest, principal, statement by
 *    statement): the ¥4.50 fee, then ¥995.50 of the revolving principal (the oldest posting), nothing unbilled
 *    is left for it. The rest — ¥4.50 revolving principal and ¥22.40 interest on the line; ¥200.00 billed and
 *    ¥400.00 not-yet-billed principal on the plan — is written off: **¥626.90** (= 1,626.90 − 1,000.00), the
 *    money effect. Written off and settled, the line owes nothing; ¥50.00 paid on 21 Feb is held for the
 *    customer (not a recovery).
 * B. The customer paid ¥1,500.00 on 20 Feb: it pays the ¥1,204.50 billed and the ¥22.40 of interest, and
 *    ¥273.10 is held. What settles the line is then the plan's ¥400.00 less ¥273.10 = **¥126.90**. A settlement
 *    of **¥0.00** (money held settles it) uses the ¥273.10 on the plan's ¥400.00 of principal not yet billed and
 *    writes off the ¥126.90 left of it.
 */
function opening(): { terms: LineTerms; events: LineEvent[] } {
  const terms = workedTerms('ST');
  const events: LineEvent[] = [...phoneAndConvertedSofa()];
  return { terms, events };
}

function settlement(seq: number, amount: bigint, date = '2026-02-20'): LineEvent {
  return {
    seq,
    kind: 'hardship',
    effectiveDate: d(date),
    amount: fen(0n),
    requestId: `lhr_${seq}`,
    change: { tool: 'settlement', amount: fen(amount) },
  };
}

const settle = (amount: bigint) => ({ tool: 'settlement' as const, amount: fen(amount) });

describe('a settlement for less on a credit line', () => {
  it('settles ¥1,626.90 owed for ¥1,000.00, writing off ¥626.90, and refuses what is not less', () => {
    const { terms, events } = opening();
    const state = runLine(terms, events, d('2026-02-20')).state;
    expect(settlementPayoff(state)).toBe(162_690n);
    const line = { terms, state, events, today: d('2026-02-20') };

    expect(refusalOf(() => planLineHardship(line, settle(162_690n), 'lhr_x'))).toEqual({
      field: 'amount',
      rule: 'less-than-owed',
    });
    expect(refusalOf(() => planLineHardship(line, settle(-1n), 'lhr_x'))).toEqual({
      field: 'amount',
      rule: 'not-negative',
    });
    // Nothing is held for the customer: a settlement of 0 would be a write-off, not a settlement.
    expect(refusalOf(() => planLineHardship(line, settle(0n), 'lhr_x'))).toEqual({
      field: 'amount',
      rule: 'positive',
    });

    const plan = planLineHardship(line, settle(100_000n), 'lhr_4');
    expect(plan.moneyEffect).toBe(62_690n);
    expect(plan.settlement).toEqual({ payoff: 162_690n, paid: 100_000n, writtenOff: 62_690n, heldAfter: 0n });
    expect(plan.before).toMatchObject({
      principal: 160_000n,
      interest: 2_240n,
      fees: 450n,
      payoff: 162_690n,
    });
    expect(plan.after).toEqual({
      principal: 0n,
      interest: 0n,
      fees: 0n,
      lateFees: 0n,
      payoff: 0n,
      minimumDue: 0n,
      daysPastDue: 0,
    });
    expect(plan.stateAfter.settledOn).toBe('2026-02-20');
    expect(plan.stateAfter.writtenOffOn).toBe('2026-02-20');
    expect(writtenOffOf(plan.stateAfter)).toEqual({
      on: '2026-02-20',
      principal: 60_450n,
      interest: 2_240n,
      fees: 0n,
      total: 62_690n,
      recovered: 0n,
      outstanding: 0n,
      settledOn: '2026-02-20',
    });
  });

  it('books the payment and the write-off in one balanced journal per contract', () => {
    const { terms, events } = opening();
    const { state, changes } = runLine(terms, [...events, settlement(4, 100_000n)], d('2026-02-20'));
    const change = changes.find((candidate) => candidate.cause === 'hardship') as LineChange;
    const journals = journalsOf('cl_ST', 'cus_ST', change, () => 'jrn');
    for (const journal of journals) validateEntry(journal);
    expect(journals.map((j) => [j.contractId, j.sourceKey, j.kind])).toEqual([
      ['cl_ST', 'hardship:cl_ST:4', 'hardship'],
      ['ipl_B', 'hardship:cl_ST:4:ipl_B', 'hardship'],
    ]);
    // The line: ¥1,000.00 cash in, ¥995.50 principal repaid, ¥4.50 passed on to the plan (its fee);
    // ¥4.50 principal and ¥22.40 interest written off.
    expect(lineBalances(state.counters)).toMatchObject({
      principal_receivable: 0n,
      interest_receivable: 0n,
      customer_overpayment: 0n,
      write_off_expense: 2_690n,
      recovery_income: 0n,
    });
    expect(state.counters).toMatchObject({
      cashReceived: 100_000n,
      principalRepaid: 99_550n,
      forwardedToPlans: 450n,
      principalWrittenOff: 450n,
      interestWrittenOff: 2_240n,
      lateFeesWrittenOff: 0n,
      recovered: 0n,
    });
    // The plan: its ¥4.50 fee paid; ¥200.00 billed and ¥400.00 not yet billed written off.
    const plan = state.plans[0] as InstalmentPlan;
    expect(plan.counters).toMatchObject({
      feesRepaid: 450n,
      principalWrittenOff: 60_000n,
      feesWrittenOff: 0n,
    });
    expect(plan.writtenOffOn).toBe('2026-02-20');
    expect(planBalances(plan.counters)).toMatchObject({
      principal_receivable: 0n,
      fee_receivable: 0n,
      write_off_expense: 60_000n,
    });
    expect(lineBalancesOf(state).payoff).toBe(0n);
  });

  it('holds money received after it for the customer, accrues nothing more, and lets the line close', () => {
    const { terms, events } = opening();
    const later: LineEvent = { seq: 5, kind: 'payment', effectiveDate: d('2026-02-21'), amount: fen(5_000n) };
    const all = [...events, settlement(4, 100_000n), later];
    const { state, changes, statements } = runLine(terms, all, d('2026-04-15'));
    const after = changes.find((change) => change.seq === 5) as LineChange;
    expect(after.cause).toBe('payment');
    expect(state.counters.recovered).toBe(0n);
    expect(heldFor(state)).toBe(5_000n);
    expect(writtenOffOf(state)?.outstanding).toBe(0n);
    // No statement after the settlement, no interest: the counters moved only by the ¥50.00.
    expect(statements.map((s) => s.seq)).toEqual([1]);
    expect(state.counters.interestAccrued).toBe(2_240n);
    // Held money stands in the way of closing (pay it out first); with none held, nothing is owed.
    expect(closeRefusal(state)).toMatchObject({ field: 'heldForCustomer', rule: 'nothing-held' });
    const settledOnly = runLine(terms, [...events, settlement(4, 100_000n)], d('2026-04-15')).state;
    expect(closeRefusal(settledOnly)).toBeNull();
    // The same events replayed give the same line.
    expect(replayLine(terms, all, d('2026-04-15')).state).toEqual(state);
  });

  it("settles from money held: ¥273.10 held pays the plan's principal not yet billed, ¥126.90 written off", () => {
    const { terms, events } = opening();
    const paid: LineEvent = {
      seq: 4,
      kind: 'payment',
      effectiveDate: d('2026-02-20'),
      amount: fen(150_000n),
    };
    const state = runLine(terms, [...events, paid], d('2026-02-20')).state;
    expect(heldFor(state)).toBe(27_310n);
    expect(settlementPayoff(state)).toBe(12_690n);
    const line = { terms, state, events: [...events, paid], today: d('2026-02-20') };
    expect(refusalOf(() => planLineHardship(line, settle(12_690n), 'lhr_x'))).toEqual({
      field: 'amount',
      rule: 'less-than-owed',
    });
    const plan = planLineHardship(line, settle(0n), 'lhr_5');
    expect(plan.moneyEffect).toBe(12_690n);
    expect(plan.settlement).toEqual({ payoff: 12_690n, paid: 0n, writtenOff: 12_690n, heldAfter: 0n });
    const after = plan.stateAfter;
    // The plan's schedule stays as a record; its principal not yet billed was paid ¥273.10, written off ¥126.90.
    expect(after.plans[0]?.parts).toEqual([20_000n, 20_000n, 20_000n]);
    expect(after.plans[0]?.writtenOffOn).toBe('2026-02-20');
    expect(after.plans[0]?.counters).toMatchObject({
      principalRepaid: 47_310n,
      principalWrittenOff: 12_690n,
    });
    expect(after.counters).toMatchObject({ overpaymentApplied: 27_310n, principalWrittenOff: 0n });
    expect(heldFor(after)).toBe(0n);
  });

  it('is refused once the line is settled (written off)', () => {
    const { terms, events } = opening();
    const all = [...events, settlement(4, 100_000n)];
    const state = runLine(terms, all, d('2026-02-21')).state;
    expect(
      refusalOf(() =>
        planLineHardship({ terms, state, events: all, today: d('2026-02-21') }, settle(1n), 'x'),
      ),
    ).toEqual({ field: 'lineId', rule: 'not-written-off' });
  });
});
