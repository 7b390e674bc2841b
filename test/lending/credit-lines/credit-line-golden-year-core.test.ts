import { describe, expect, it } from 'vitest';
import { lineBalances, planBalances } from '../../../src/lending/credit-lines/line-books.ts';
import {
  advanceLine,
  initialLineState,
  lineDaysPastDue,
  receiveLineEvent,
  replayLine,
  type StatementDocument,
} from '../../../src/lending/credit-lines/line-servicing.ts';
import type { LineEvent, LineState } from '../../../src/lending/credit-lines/line-state.ts';
import { DEFAULT_CREDIT_LINE_PRODUCT, termsFor } from '../../../src/lending/credit-lines/line-terms.ts';
import type { Money } from '../../../src/platform/money/money.ts';
import { parseRate } from '../../../src/platform/money/rate.ts';
import type { LocalDate } from '../../../src/platform/time/local-date.ts';
import {
  GOLDEN_CASH_RECEIVED,
  GOLDEN_END,
  GOLDEN_FEE_INCOME,
  GOLDEN_INTEREST_INCOME,
  GOLDEN_OPENED_ON,
  GOLDEN_STATEMENTS,
  GOLDEN_STEPS,
} from './golden-year.ts';

/** The golden year on the pure core alone: day by day as the batch and the commands would take it. */
describe('golden credit-line year on the servicing core', () => {
  const terms = termsFor(DEFAULT_CREDIT_LINE_PRODUCT, {
    lineId: 'cl_GOLDEN',
    customerId: 'cus_GOLDEN',
    facilityId: 'fac_GOLDEN',
    openedOn: GOLDEN_OPENED_ON as LocalDate,
    apr: parseRate('0.1825'),
  });

  function run(): {
    state: LineState;
    statements: StatementDocument[];
    events: LineEvent[];
    dpd: Map<string, number>;
  } {
    let state = initialLineState(terms);
    const statements: StatementDocument[] = [];
    const events: LineEvent[] = [];
    const dpd = new Map<string, number>();
    for (const step of GOLDEN_STEPS) {
      const date = step.date as LocalDate;
      // The nights before: the day-end batch.
      const nightly = advanceLine(terms, state, date);
      statements.push(...nightly.statements);
      state = nightly.state;
      dpd.set(step.date, lineDaysPastDue(state, date));
      const seq = events.length + 1;
      let event: LineEvent;
      switch (step.kind) {
        case 'purchase':
          event = {
            seq,
            kind: 'purchase',
            effectiveDate: date,
            amount: step.amount as Money,
            purchaseId: `pur_${step.name}`,
            description: step.name,
          };
          break;
        case 'payment':
          event = { seq, kind: 'payment', effectiveDate: date, amount: step.amount as Money };
          break;
        case 'refund':
          event = {
            seq,
            kind: 'refund',
            effectiveDate: date,
            amount: step.amount as Money,
            purchaseId: `pur_${step.of}`,
          };
          break;
        case 'convert-statement': {
          const statement = state.statements.find((s) => s.seq === step.statementSeq);
          const amount = statement?.revolving.reduce((sum, p) => sum + p.amount, 0n) ?? 0n;
          event = {
            seq,
            kind: 'conversion',
            effectiveDate: date,
            amount: amount as Money,
            planId: 'ipl_GOLDEN',
            source: { kind: 'statement', statementSeq: step.statementSeq },
            term: step.term,
            feeRate: parseRate('0.0070'),
          };
          break;
        }
      }
      const received = receiveLineEvent(terms, state, events, event);
      statements.push(...received.statements);
      state = received.state;
      events.push(event);
    }
    const last = advanceLine(terms, state, GOLDEN_END as LocalDate);
    statements.push(...last.statements);
    return { state: last.state, statements, events, dpd };
  }

  it('cuts the twelve statements of the year exactly as worked out by hand', () => {
    const { statements } = run();
    expect(statements.map(({ instalments: _instalments, ...figures }) => figures)).toEqual(GOLDEN_STATEMENTS);
    expect(statements[4]?.instalments).toEqual([
      { planId: 'ipl_GOLDEN', period: 1, term: 6, principal: 66_667n, fee: 2_800n },
    ]);
  });

  it('marks the missed due day overdue (1 day on 11 Apr, 7 on 17 Apr) and cures it with the payment of 18 Apr', () => {
    const { dpd, state } = run();
    expect(dpd.get('2026-04-15')).toBe(5);
    expect(dpd.get('2026-04-18')).toBe(8);
    expect(dpd.get('2026-05-05')).toBe(0);
    expect(
      state.dueOutcomes.map(
        (o) => `${o.seq}:${o.minimumMet ? 'met' : 'missed'}:${o.paidInFull ? 'full' : 'part'}`,
      ),
    ).toEqual([
      '1:met:full',
      '2:met:part',
      '3:missed:part',
      '4:met:full',
      '5:met:full',
      '6:met:full',
      '7:met:part',
      '8:met:full',
      '9:met:full',
      '10:met:full',
      '11:met:full',
      '12:met:full',
    ]);
    expect(state.dueOutcomes[2]?.curedOn).toBe('2026-04-18');
  });

  it('ends the year with nothing owed, ¥68.03 of interest and ¥168.00 of fees earned, books balanced', () => {
    const { state } = run();
    expect(state.counters.cashReceived).toBe(GOLDEN_CASH_RECEIVED);
    expect(lineBalances(state.counters)).toEqual({
      principal_receivable: 0n,
      interest_receivable: 0n,
      customer_overpayment: 0n,
      funding: GOLDEN_INTEREST_INCOME,
      interest_income: GOLDEN_INTEREST_INCOME,
    });
    const plan = state.plans[0];
    expect(plan && planBalances(plan.counters)).toEqual({
      principal_receivable: 0n,
      fee_receivable: 0n,
      funding: GOLDEN_FEE_INCOME,
      fee_income: GOLDEN_FEE_INCOME,
    });
  });

  it('equals a replay of the same events from the opening', () => {
    const { state, statements, events } = run();
    const replayed = replayLine(terms, events, GOLDEN_END as LocalDate);
    expect(replayed.state).toEqual(state);
    expect(replayed.statements).toEqual(statements);
  });
});
