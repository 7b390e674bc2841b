import { describe, expect, it } from 'vitest';
import { validateEntry } from '../../ledger/journal.ts';
import type { Money } from '../../platform/money/money.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import { journalsOf } from './line-books.ts';
import { planLineHardship, type LineHardshipAsk } from './line-hardship.ts';
import {
  lineDaysPastDue,
  minimumOutstanding,
  receiveLineEvent,
  replayLine,
  waivableOf,
  type LineChange,
  type StatementDocument,
} from './line-servicing.ts';
import type { LineEvent } from './line-state.ts';
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
 * A goodwill waiver on a credit line (issue 15, item 4 for lines), worked by hand. 18.25 % a year (1/2000 a
 * day), statement day 1, due the 10th. ¥1,000.00 bought on 10 Jan 2026; ¥600.00 bought on 12 Jan and
 * converted the same day into 3 × ¥200.00 with a ¥4.50 fee a period (0.75 %).
 *
 * Statement 1 (1 Feb): ¥1,000.00 revolving + instalment 1 ¥200.00 + fee ¥4.50 = ¥1,204.50; minimum
 * ⌈10 % × 1,000.00⌉ + 200.00 + 4.50 = ¥304.50, missed on 10 Feb. Interest from 11 Feb (posting-date rule):
 * 100,000 × 31 + 20,000 × 9 = 3,280,000 fen-days ÷ 2,000 = ¥16.40, plus ¥0.60 a day for 11 – 20 Feb (10 days)
 * = ¥22.40 accrued (unbilled) on 20 Feb, 10 days past due.
 *
 * On 20 Feb staff waive all ¥22.40 of interest and the ¥4.50 fee (¥26.90): the billed fee counts toward the
 * minimum, so ¥300.00 is left of it, and the customer's ¥300.00 paid the same day brings the line current
 * (without the waiver ¥4.50 would still be missing). The payment goes to the revolving principal (no fee or
 * interest is billed and unpaid any more): 90,000 principal left on statement 1, ¥0.45 a day from 21 Feb —
 * 8 days, ¥3.60, by 28 Feb.
 *
 * Statement 2 (1 Mar): opening 1,204.50 − payments 300.00 − waivers 26.90 + interest 26.00 (22.40 + 3.60) +
 * instalment 200.00 + fee 4.50 = ¥1,108.10.
 */
function scenario(withWaiver = true): { terms: LineTerms; events: LineEvent[] } {
  const terms = workedTerms('HW');
  const events: LineEvent[] = [
    ...phoneAndConvertedSofa(),
    ...(withWaiver
      ? [
          {
            seq: 4,
            kind: 'hardship' as const,
            effectiveDate: d('2026-02-20'),
            amount: fen(2_690n),
            requestId: 'lhr_1',
            change: { tool: 'waiver' as const, interest: fen(2_240n), fees: fen(450n), lateFees: fen(0n) },
          },
        ]
      : []),
    { seq: 5, kind: 'payment', effectiveDate: d('2026-02-20'), amount: fen(30_000n) },
  ];
  return { terms, events };
}

describe('a goodwill waiver on a credit line', () => {
  it('checks the ask against what is owed today: ¥22.40 interest, ¥4.50 fees, no late fee', () => {
    const { terms, events } = scenario();
    const before = events.filter((event) => event.seq <= 3);
    const state = runLine(terms, before, d('2026-02-20')).state;
    expect(waivableOf(state)).toEqual({ interest: 2_240n, fees: 450n, lateFees: 0n });
    expect(lineDaysPastDue(state, d('2026-02-20'))).toBe(10);
    expect(minimumOutstanding(state, 0)).toBe(30_450n);

    const line = { terms, state, events: before, today: d('2026-02-20') };
    const ask = (over: Partial<Extract<LineHardshipAsk, { tool: 'waiver' }>>): LineHardshipAsk => ({
      tool: 'waiver',
      interest: fen(0n),
      fees: fen(0n),
      lateFees: fen(0n),
      ...over,
    });
    expect(refusalOf(() => planLineHardship(line, ask({ interest: fen(2_241n) }), 'lhr_x'))).toEqual({
      field: 'interest',
      rule: 'within-owed',
    });
    expect(refusalOf(() => planLineHardship(line, ask({ fees: fen(451n) }), 'lhr_x'))).toEqual({
      field: 'fees',
      rule: 'within-owed',
    });
    expect(refusalOf(() => planLineHardship(line, ask({ lateFees: fen(1n) }), 'lhr_x'))).toEqual({
      field: 'lateFees',
      rule: 'within-owed',
    });
    expect(refusalOf(() => planLineHardship(line, ask({ fees: fen(-1n) }), 'lhr_x'))).toEqual({
      field: 'fees',
      rule: 'not-negative',
    });
    expect(refusalOf(() => planLineHardship(line, ask({}), 'lhr_x'))).toEqual({
      field: 'interest',
      rule: 'positive',
    });

    const plan = planLineHardship(line, ask({ interest: fen(2_240n), fees: fen(450n) }), 'lhr_1');
    expect(plan.moneyEffect).toBe(2_690n);
    expect(plan.before).toEqual({
      principal: 160_000n,
      interest: 2_240n,
      fees: 450n,
      lateFees: 0n,
      payoff: 162_690n,
      minimumDue: 30_450n,
      daysPastDue: 10,
    });
    expect(plan.after).toEqual({
      principal: 160_000n,
      interest: 0n,
      fees: 0n,
      lateFees: 0n,
      payoff: 160_000n,
      minimumDue: 30_000n,
      daysPastDue: 10,
    });
  });

  it('books income not earned (Dr income, Cr receivable) on the line and the plan, and the payment cures', () => {
    const { terms, events } = scenario();
    const { state, changes } = runLine(terms, events, d('2026-02-20'));
    const waiver = changes.find((change) => change.cause === 'hardship') as LineChange;
    const journals = journalsOf('cl_HW', 'cus_HW', waiver, () => 'jrn');
    for (const journal of journals) validateEntry(journal);
    expect(
      journals.map((j) => ({ contract: j.contractId, key: j.sourceKey, kind: j.kind, lines: j.lines })),
    ).toEqual([
      {
        contract: 'cl_HW',
        key: 'hardship:cl_HW:4',
        kind: 'hardship',
        lines: expect.arrayContaining([
          expect.objectContaining({ kind: 'interest_income', side: 'D', amount: 2_240n }),
          expect.objectContaining({ kind: 'interest_receivable', side: 'C', amount: 2_240n }),
        ]),
      },
      {
        contract: 'ipl_B',
        key: 'hardship:cl_HW:4:ipl_B',
        kind: 'hardship',
        lines: expect.arrayContaining([
          expect.objectContaining({ kind: 'fee_income', side: 'D', amount: 450n }),
          expect.objectContaining({ kind: 'fee_receivable', side: 'C', amount: 450n }),
        ]),
      },
    ]);
    expect(journals.every((j) => j.lines.length === 2)).toBe(true);
    expect(state.counters.interestWaived).toBe(2_240n);
    expect(state.plans[0]?.counters.feesWaived).toBe(450n);
    // The ¥300.00 paid the same day meets what is left of the minimum: current again.
    expect(lineDaysPastDue(state, d('2026-02-20'))).toBe(0);
    const without = runLine(scenario(false).terms, scenario(false).events, d('2026-02-20')).state;
    expect(minimumOutstanding(without, 0)).toBe(450n);
    expect(lineDaysPastDue(without, d('2026-02-20'))).toBe(10);
  });

  it('shows the waiver on the next statement, which still adds up: closing ¥1,108.10', () => {
    const { terms, events } = scenario();
    const { statements } = runLine(terms, events, d('2026-03-01'));
    const [first, second] = statements as [StatementDocument, StatementDocument];
    expect(first.closingBalance).toBe(120_450n);
    expect(second).toMatchObject({
      seq: 2,
      openingBalance: 120_450n,
      payments: 30_000n,
      waivers: 2_690n,
      interest: 2_600n,
      instalmentPrincipal: 20_000n,
      fees: 450n,
      closingBalance: 110_810n,
    });
    const s = second;
    expect(
      s.openingBalance +
        s.purchases -
        s.refunds -
        s.payments +
        s.payouts +
        s.reversals -
        s.waivers +
        s.fees +
        s.lateFees +
        s.interest +
        s.instalmentPrincipal -
        s.converted,
    ).toBe(s.closingBalance);
  });

  it('replays to the same line as it was taken in day by day', () => {
    const { terms, events } = scenario();
    const incremental = runLine(terms, events, d('2026-04-15')).state;
    expect(replayLine(terms, events, d('2026-04-15')).state).toEqual(incremental);
  });

  it('refuses a payment value-dated before a waiver (its amounts were fixed on that day)', () => {
    const { terms, events } = scenario();
    const taken = events.filter((event) => event.seq <= 4);
    const state = runLine(terms, taken, d('2026-02-25')).state;
    const backdated: LineEvent = {
      seq: 6,
      kind: 'payment',
      effectiveDate: d('2026-02-19'),
      amount: fen(10_000n),
    };
    expect(refusalOf(() => receiveLineEvent(terms, state, taken, backdated))).toEqual({
      field: 'effectiveDate',
      rule: 'within-current-cycle',
    });
  });

  it('is refused on a written-off line', () => {
    const { terms, events } = scenario();
    const before = events.filter((event) => event.seq <= 3);
    const writeOff: LineEvent = {
      seq: 4,
      kind: 'write-off',
      effectiveDate: d('2026-02-20'),
      amount: fen(1n),
      reason: 'fraud',
    };
    const state = runLine(terms, [...before, writeOff], d('2026-02-21')).state;
    expect(
      refusalOf(() =>
        planLineHardship(
          { terms, state, events: [...before, writeOff], today: d('2026-02-21') },
          { tool: 'waiver', interest: fen(1n), fees: fen(0n), lateFees: fen(0n) },
          'lhr_x',
        ),
      ),
    ).toEqual({ field: 'lineId', rule: 'not-written-off' });
  });
});
