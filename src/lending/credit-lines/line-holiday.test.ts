import { describe, expect, it } from 'vitest';
import type { Money } from '../../platform/money/money.ts';
import { parseRate } from '../../platform/money/rate.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import { planLineHardship } from './line-hardship.ts';
import { lineDaysPastDue, replayLine } from './line-servicing.ts';
import type { LineEvent } from './line-state.ts';
import { DEFAULT_CREDIT_LINE_PRODUCT, termsFor, type LineTerms } from './line-terms.ts';
import { refusalOf, runLine } from './line-worked-example.test-support.ts';

const d = (text: string) => text as LocalDate;
const fen = (value: bigint) => value as Money;

/**
 * A payment holiday on a credit line (issue 15, item 4 for lines), worked by hand. 18.25 % a year (1/2000 a day),
 * statement day 1, due the 10th, minimum 10 % of revolving principal (up) + interest and fees billed, at least
 * ¥100.00. ¥1,000.00 bought on 10 Jan 2026; on 20 Jan, current, staff grant a holiday of 2 statements.
 *
 * - Statement 1 (1 Feb): ¥1,000.00, **minimum ¥0.00** (holiday). Not paid in full by 10 Feb: grace lost, interest
 *   from the posting date 100,000 × 31 days ÷ 2,000 = ¥15.50, then ¥0.50 a day. Nothing fell due: 0 days past due.
 * - Statement 2 (1 Mar): interest ¥15.50 + 18 × ¥0.50 = ¥24.50; closing ¥1,024.50, **minimum ¥0.00** (holiday).
 * - Statement 3 (1 Apr): interest 31 × ¥0.50 = ¥15.50; closing ¥1,040.00; minimum ⌈10 % × 1,000.00⌉ + the ¥40.00
 *   of interest billed = **¥140.00**: the holiday's interest falls due with the first statement after it.
 *
 * Without the holiday, statement 1's minimum is ¥100.00, missed on 10 Feb: 10 days past due on 20 Feb.
 */
function scenario(holiday: boolean): { terms: LineTerms; events: LineEvent[] } {
  const terms = termsFor(DEFAULT_CREDIT_LINE_PRODUCT, {
    lineId: 'cl_HO',
    customerId: 'cus_HO',
    facilityId: 'fac_HO',
    openedOn: d('2026-01-05'),
    apr: parseRate('0.1825'),
  });
  const events: LineEvent[] = [
    {
      seq: 1,
      kind: 'purchase',
      effectiveDate: d('2026-01-10'),
      amount: fen(100_000n),
      purchaseId: 'pur_A',
      description: 'phone',
    },
    ...(holiday
      ? [
          {
            seq: 2,
            kind: 'hardship' as const,
            effectiveDate: d('2026-01-20'),
            amount: fen(100_000n),
            requestId: 'lhr_2',
            change: { tool: 'holiday' as const, statements: 2 },
          },
        ]
      : []),
  ];
  return { terms, events };
}

const holiday = (statements: number) => ({ tool: 'holiday' as const, statements });

describe('a payment holiday on a credit line', () => {
  it('is checked against the rules: 1 to 3 statements, a current line, one in 12 months', () => {
    const { terms, events } = scenario(false);
    const state = runLine(terms, events, d('2026-01-20')).state;
    const line = { terms, state, events, today: d('2026-01-20') };
    expect(refusalOf(() => planLineHardship(line, holiday(4), 'x'))).toEqual({
      field: 'statements',
      rule: 'max-instalments',
    });
    expect(refusalOf(() => planLineHardship(line, holiday(0), 'x'))).toEqual({
      field: 'statements',
      rule: 'max-instalments',
    });
    const plan = planLineHardship(line, holiday(2), 'lhr_2');
    expect(plan.moneyEffect).toBe(100_000n);
    expect(plan.change).toEqual({ tool: 'holiday', statements: 2 });
    expect(plan.stateAfter.holidayStatements).toBe(2);
    // Nothing moves on the books the day it is granted.
    expect(plan.stateAfter.counters).toEqual(state.counters);

    // Overdue: a holiday does not defer a minimum already missed.
    const overdue = runLine(terms, events, d('2026-02-20')).state;
    expect(lineDaysPastDue(overdue, d('2026-02-20'))).toBe(10);
    expect(
      refusalOf(() =>
        planLineHardship({ terms, state: overdue, events, today: d('2026-02-20') }, holiday(1), 'x'),
      ),
    ).toEqual({ field: 'tool', rule: 'current' });

    // A second holiday within 12 months of the first (on 20 Mar, still current during the first).
    const withHoliday = scenario(true);
    const later = runLine(withHoliday.terms, withHoliday.events, d('2026-03-20')).state;
    const again = { terms, state: later, events: withHoliday.events, today: d('2026-03-20') };
    expect(refusalOf(() => planLineHardship(again, holiday(1), 'x'))).toEqual({
      field: 'tool',
      rule: 'once-per-period',
    });
  });

  it('cuts two statements with no minimum: no day past due, interest as always, due after the holiday', () => {
    const { terms, events } = scenario(true);
    const { state, statements } = runLine(terms, events, d('2026-04-01'));
    expect(
      statements.map((s) => ({
        seq: s.seq,
        interest: s.interest,
        closing: s.closingBalance,
        minimum: s.minimumPayment,
      })),
    ).toEqual([
      { seq: 1, interest: 0n, closing: 100_000n, minimum: 0n },
      { seq: 2, interest: 2_450n, closing: 102_450n, minimum: 0n },
      { seq: 3, interest: 1_550n, closing: 104_000n, minimum: 14_000n },
    ]);
    expect(state.holidayStatements).toBeUndefined();
    // The holiday's due dates asked nothing: neither on time nor missed for limit reviews.
    expect(state.dueOutcomes).toEqual([]);
    expect(lineDaysPastDue(runLine(terms, events, d('2026-02-20')).state, d('2026-02-20'))).toBe(0);
    expect(lineDaysPastDue(runLine(terms, events, d('2026-03-20')).state, d('2026-03-20'))).toBe(0);
    // After the holiday the minimum falls due as always: missed on 10 Apr, 1 day past due on 11 Apr.
    expect(lineDaysPastDue(runLine(terms, events, d('2026-04-11')).state, d('2026-04-11'))).toBe(1);

    const without = runLine(terms, scenario(false).events, d('2026-02-01')).statements;
    expect(without[0]?.minimumPayment).toBe(10_000n);
  });

  it('replays to the same line as it was taken in day by day', () => {
    const { terms, events } = scenario(true);
    const incremental = runLine(terms, events, d('2026-04-15'));
    const replayed = replayLine(terms, events, d('2026-04-15'));
    expect(replayed.state).toEqual(incremental.state);
    expect(replayed.statements).toEqual(incremental.statements);
  });
});
