import { describe, expect, it } from 'vitest';
import { validateEntry } from '../../ledger/journal.ts';
import type { Money } from '../../platform/money/money.ts';
import { parseRate } from '../../platform/money/rate.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import { journalsOf } from './line-books.ts';
import {
  advanceLine,
  lineBalancesOf,
  lineDaysPastDue,
  planStatusOf,
  receiveLineEvent,
  replayLine,
  writtenOffOf,
  type LineChange,
} from './line-servicing.ts';
import type { LineEvent } from './line-state.ts';
import { DEFAULT_CREDIT_LINE_PRODUCT, termsFor, validateProduct, type LineTerms } from './line-terms.ts';
import { phoneAndConvertedSofa, runLine, workedTerms } from './line-worked-example.test-support.ts';

const d = (text: string) => text as LocalDate;
const fen = (value: bigint) => value as Money;

/**
 * Charge-off of a line (issue 15, item 6), worked by hand. ¥1,000.00 bought on 10 Jan 2026 and ¥600.00 bought
 * on 12 Jan converted the same day into 3 × ¥200.00 with a ¥4.50 fee a period (0.75 %); 18.25 % a year
 * (1/2000 a day), statement day 1, due the 10th; nothing is ever paid. Statement 1 (1 Feb) bills ¥1,000.00 and
 * the first instalment; its minimum is missed on 10 Feb, so the line is 181 days past due on 10 Aug — beyond
 * the 180 of the cash loan's rule — and the day-end writes it off that day, after the day's interest.
 *
 * Interest (posting-date rule, then daily until written off, on principal only):
 * - statement 1: 100,000 × 31 (10 Jan – 10 Feb) + 20,000 × 9 (1 – 10 Feb) + 120,000 × 181 (11 Feb – 10 Aug)
 *   = 25,000,000 fen-days ÷ 2,000 = ¥125.00;
 * - statement 2 (1 Mar, instalment 2): 20,000 × 9 + 20,000 × 153 (11 Mar – 10 Aug) = 3,240,000 → ¥16.20;
 * - statement 3 (1 Apr, instalment 3): 20,000 × 9 + 20,000 × 122 (11 Apr – 10 Aug) = 2,620,000 → ¥13.10;
 * so ¥154.30 in all. Written off: the line ¥1,000.00 principal + ¥154.30 interest = ¥1,154.30; the plan
 * ¥600.00 principal + 3 × ¥4.50 fees = ¥613.50; ¥1,767.80 in all.
 */
function scenario(): { terms: LineTerms; events: LineEvent[] } {
  const terms = workedTerms('WO');
  const events: LineEvent[] = [...phoneAndConvertedSofa()];
  return { terms, events };
}

const balancesOf = (change: LineChange, contractId: string) => {
  const journal = journalsOf('cl_WO', 'cus_WO', change, () => 'jrn').find((j) => j.contractId === contractId);
  if (!journal) return undefined;
  validateEntry(journal);
  return { kind: journal.kind, sourceKey: journal.sourceKey, lines: journal.lines };
};

describe('a credit line written off by the day-end, with recoveries', () => {
  it('is written off on the first day past 180 days past due, for ¥1,767.80, in journals of its own', () => {
    const { terms, events } = scenario();
    const on9Aug = runLine(terms, events, d('2026-08-09')).state;
    expect(lineDaysPastDue(on9Aug, d('2026-08-09'))).toBe(180);
    expect(on9Aug.writtenOffOn).toBeUndefined();

    const { state, changes } = runLine(terms, events, d('2026-08-10'));
    expect(writtenOffOf(state)).toEqual({
      on: '2026-08-10',
      principal: 160_000n,
      interest: 15_430n,
      fees: 1_350n,
      total: 176_780n,
      recovered: 0n,
      outstanding: 176_780n,
    });
    // Nothing is left on the books; the line stays suspended; the plan stops.
    expect(lineBalancesOf(state)).toMatchObject({ payoff: 0n, principalOwed: 0n, heldForCustomer: 0n });
    expect(state.suspended).toBe(true);
    expect(state.statements).toEqual([]);
    expect(planStatusOf(state.plans[0] as (typeof state.plans)[number])).toBe('written-off');

    const writeOff = changes.filter((change) => change.cause === 'write-off');
    expect(writeOff).toHaveLength(1);
    const [change] = writeOff as [LineChange];
    expect(journalsOf('cl_WO', 'cus_WO', change, () => 'jrn')[0]?.description).toBe(
      'written off by the charge-off rule on 2026-08-10',
    );
    expect(balancesOf(change, 'cl_WO')).toEqual({
      kind: 'write-off',
      sourceKey: 'write-off:cl_WO:0',
      lines: expect.arrayContaining([
        expect.objectContaining({ kind: 'write_off_expense', side: 'D', amount: 115_430n }),
        expect.objectContaining({ kind: 'principal_receivable', side: 'C', amount: 100_000n }),
        expect.objectContaining({ kind: 'interest_receivable', side: 'C', amount: 15_430n }),
      ]),
    });
    expect(balancesOf(change, 'ipl_B')).toEqual({
      kind: 'write-off',
      sourceKey: 'write-off:cl_WO:0:ipl_B',
      lines: expect.arrayContaining([
        expect.objectContaining({ kind: 'write_off_expense', side: 'D', amount: 61_350n }),
        expect.objectContaining({ kind: 'principal_receivable', side: 'C', amount: 60_000n }),
        expect.objectContaining({ kind: 'fee_receivable', side: 'C', amount: 1_350n }),
      ]),
    });
    // The day's interest is booked by the day-end journal before it (¥0.60 on 10 Aug: 120,000 fen ÷ 2,000).
    const dayEnd = changes.find((c) => c.cause === 'day-end' && c.effectiveDate === '2026-08-10');
    expect(dayEnd && dayEnd.after.line.interestAccrued - dayEnd.before.line.interestAccrued).toBe(
      60n + 10n + 10n,
    );
  });

  it('accrues nothing afterwards, cuts no statement; payments are recoveries, the rest is held', () => {
    const { terms, events } = scenario();
    const written = runLine(terms, events, d('2026-08-10')).state;
    const later = advanceLine(terms, written, d('2026-10-31'));
    expect(later.changes).toEqual([]);
    expect(later.statements).toEqual([]);
    expect(later.state.nextStatementDate).toBe('2026-11-01');

    const recoveries: LineEvent[] = [
      { seq: 4, kind: 'payment', effectiveDate: d('2026-09-01'), amount: fen(50_000n) },
      { seq: 5, kind: 'payment', effectiveDate: d('2026-09-02'), amount: fen(130_000n) },
      { seq: 6, kind: 'payout', effectiveDate: d('2026-09-03'), amount: fen(3_220n) },
    ];
    const { state, changes } = runLine(terms, [...events, ...recoveries], d('2026-09-03'));
    expect(writtenOffOf(state)).toMatchObject({ total: 176_780n, recovered: 176_780n, outstanding: 0n });
    // ¥1,300.00 against ¥1,267.80 still written off: ¥32.20 held for the customer, then paid out.
    const recovery = changes.filter((c) => c.cause === 'recovery');
    expect(recovery.map((c) => c.seq)).toEqual([4, 5]);
    expect(balancesOf(recovery[0] as LineChange, 'cl_WO')).toEqual({
      kind: 'recovery',
      sourceKey: 'recovery:cl_WO:4',
      lines: [
        expect.objectContaining({ kind: 'funding', side: 'D', amount: 50_000n }),
        expect.objectContaining({ kind: 'recovery_income', side: 'C', amount: 50_000n }),
      ],
    });
    expect(balancesOf(recovery[1] as LineChange, 'cl_WO')?.lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'funding', side: 'D', amount: 130_000n }),
        expect.objectContaining({ kind: 'recovery_income', side: 'C', amount: 126_780n }),
        expect.objectContaining({ kind: 'customer_overpayment', side: 'C', amount: 3_220n }),
      ]),
    );
    expect(lineBalancesOf(state).heldForCustomer).toBe(0n);
    // The replay of the events is the same line (the write-off comes from the day steps, not an event).
    expect(replayLine(terms, [...events, ...recoveries], d('2026-09-03')).state).toEqual(state);
  });

  it('keeps its write-off: a payment may not be value-dated on or before the write-off day', () => {
    const { terms, events } = scenario();
    const written = runLine(terms, events, d('2026-09-15')).state;
    // The last statement was cut on 1 Aug, so without the write-off a payment could be dated back to then:
    // replayed before the day's rule, ¥1,500.00 on 5 Aug used to undo the write-off and cut a 1 Sep statement
    // nobody was sent.
    for (const date of ['2026-08-05', '2026-08-10'])
      expect(() =>
        receiveLineEvent(terms, written, events, {
          seq: 4,
          kind: 'payment',
          effectiveDate: d(date),
          amount: fen(150_000n),
        }),
      ).toThrow(/value-dated back to 2026-08-11 at the earliest .*write-off on 2026-08-10/);
    const after = receiveLineEvent(terms, written, events, {
      seq: 4,
      kind: 'payment',
      effectiveDate: d('2026-08-11'),
      amount: fen(150_000n),
    });
    expect(after.state.writtenOffOn).toBe('2026-08-10');
    expect(writtenOffOf(after.state)).toMatchObject({
      total: 176_780n,
      recovered: 150_000n,
      outstanding: 26_780n,
    });
  });

  it('refuses purchases, conversions and plan settlements once written off', () => {
    const { terms, events } = scenario();
    const written = runLine(terms, events, d('2026-08-12')).state;
    expect(() =>
      receiveLineEvent(terms, written, events, {
        seq: 4,
        kind: 'purchase',
        effectiveDate: d('2026-08-12'),
        amount: fen(100n),
        purchaseId: 'pur_C',
        description: 'x',
      }),
    ).toThrow(/written off on 2026-08-10/);
  });

  it('a reversed recovery is owed again, exactly as if it had never been paid', () => {
    const { terms, events } = scenario();
    const paid: LineEvent[] = [
      ...events,
      { seq: 4, kind: 'payment', effectiveDate: d('2026-09-01'), amount: fen(50_000n) },
      {
        seq: 5,
        kind: 'reversal',
        effectiveDate: d('2026-09-04'),
        amount: fen(50_000n),
        reverses: 4,
        reason: 'returned',
      },
    ];
    const { state, changes } = runLine(terms, paid, d('2026-09-04'));
    expect(writtenOffOf(state)).toMatchObject({ recovered: 0n, outstanding: 176_780n });
    const restatement = changes.find((c) => c.cause === 'restatement');
    expect(restatement && balancesOf(restatement, 'cl_WO')?.lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'funding', side: 'C', amount: 50_000n }),
        expect.objectContaining({ kind: 'recovery_income', side: 'D', amount: 50_000n }),
      ]),
    );
  });
});

describe('a credit line written off by staff', () => {
  it('on day 40 past due: what is owed that day moves to write-off, the day steps before it are booked', () => {
    const { terms, events } = scenario();
    const byHand: LineEvent = {
      seq: 4,
      kind: 'write-off',
      effectiveDate: d('2026-03-22'),
      amount: fen(0n),
      reason: 'fraud confirmed',
    };
    const { state, changes } = runLine(terms, [...events, byHand], d('2026-03-31'));
    // 22 Mar: statement 1 interest 100,000 × 31 + 20,000 × 9 + 120,000 × 40 (11 Feb – 22 Mar) = 8,080,000 →
    // ¥40.40; statement 2: 20,000 × 9 + 20,000 × 12 (11 – 22 Mar) = 420,000 → ¥2.10; instalment 3 not yet
    // billed (its principal is the plan's, written off unbilled; its fee was never billed).
    expect(writtenOffOf(state)).toEqual({
      on: '2026-03-22',
      principal: 160_000n,
      interest: 4_250n,
      fees: 900n,
      total: 165_150n,
      recovered: 0n,
      outstanding: 165_150n,
    });
    const change = changes.find((c) => c.cause === 'write-off');
    expect(change?.seq).toBe(4);
    expect(change && balancesOf(change, 'cl_WO')?.sourceKey).toBe('write-off:cl_WO:4');
    // The journal says who wrote it off: staff here, the charge-off rule in the day-end's case.
    expect(change && journalsOf('cl_WO', 'cus_WO', change, () => 'jrn')[0]?.description).toBe(
      'written off by staff on 2026-03-22',
    );
    expect(replayLine(terms, [...events, byHand], d('2026-03-31')).state).toEqual(state);
  });

  it('the product may turn the rule off (written off only by hand), never below the suspension', () => {
    const { events } = scenario();
    const terms = termsFor(
      { ...DEFAULT_CREDIT_LINE_PRODUCT, writeOffAfterDpd: null },
      {
        lineId: 'cl_WO',
        customerId: 'cus_WO',
        facilityId: 'fac_WO',
        openedOn: d('2026-01-05'),
        apr: parseRate('0.1825'),
      },
    );
    expect(runLine(terms, events, d('2026-09-30')).state.writtenOffOn).toBeUndefined();
    expect(() => validateProduct({ ...DEFAULT_CREDIT_LINE_PRODUCT, writeOffAfterDpd: 20 })).toThrow(
      /not below suspendAfterDpd/,
    );
  });
});
