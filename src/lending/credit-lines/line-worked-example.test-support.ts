import { AppError } from '../../platform/errors/app-error.ts';
import type { Money } from '../../platform/money/money.ts';
import { parseRate } from '../../platform/money/rate.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import {
  advanceLine,
  initialLineState,
  receiveLineEvent,
  type LineChange,
  type StatementDocument,
} from './line-servicing.ts';
import type { LineEvent, LineState } from './line-state.ts';
import { DEFAULT_CREDIT_LINE_PRODUCT, termsFor, type LineTerms } from './line-terms.ts';

/**
 * What the credit line's hand-worked tests share (waiver, settlement, holiday, re-age, write-off): the
 * default product at 18.25 % a year (1/2000 a day), statement day 1, due the 10th, opened 5 Jan 2026.
 */
export function workedTerms(tag: string): LineTerms {
  return termsFor(DEFAULT_CREDIT_LINE_PRODUCT, {
    lineId: `cl_${tag}`,
    customerId: `cus_${tag}`,
    facilityId: `fac_${tag}`,
    openedOn: '2026-01-05' as LocalDate,
    apr: parseRate('0.1825'),
  });
}

/**
 * Events 1–3 of the worked examples: ¥1,000.00 bought on 10 Jan 2026 (a phone); ¥600.00 bought on 12 Jan (a
 * sofa) and converted the same day into 3 × ¥200.00 with a ¥4.50 fee a period (0.75 %).
 */
export function phoneAndConvertedSofa(): LineEvent[] {
  return [
    {
      seq: 1,
      kind: 'purchase',
      effectiveDate: '2026-01-10' as LocalDate,
      amount: 100_000n as Money,
      purchaseId: 'pur_A',
      description: 'phone',
    },
    {
      seq: 2,
      kind: 'purchase',
      effectiveDate: '2026-01-12' as LocalDate,
      amount: 60_000n as Money,
      purchaseId: 'pur_B',
      description: 'sofa',
    },
    {
      seq: 3,
      kind: 'conversion',
      effectiveDate: '2026-01-12' as LocalDate,
      amount: 60_000n as Money,
      planId: 'ipl_B',
      source: { kind: 'purchase', purchaseId: 'pur_B' },
      term: 3,
      feeRate: parseRate('0.0075'),
    },
  ];
}

/**
 * Takes the events in one by one as the commands would (each stepping the line to its day), then steps it to
 * `through`; returns the state, every change and every statement cut.
 */
export function runLine(
  terms: LineTerms,
  events: readonly LineEvent[],
  through: LocalDate,
): { state: LineState; changes: LineChange[]; statements: StatementDocument[] } {
  let state = initialLineState(terms);
  const changes: LineChange[] = [];
  const statements: StatementDocument[] = [];
  const taken: LineEvent[] = [];
  for (const event of events) {
    const received = receiveLineEvent(terms, state, taken, event);
    changes.push(...received.changes);
    statements.push(...received.statements);
    state = received.state;
    taken.push(event);
  }
  const advanced = advanceLine(terms, state, through);
  changes.push(...advanced.changes);
  statements.push(...advanced.statements);
  return { state: advanced.state, changes, statements };
}

/** The field and rule a pure rule refused with; fails the test when it did not refuse. */
export function refusalOf(fn: () => unknown): { field?: string; rule?: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return { field: error.issues[0]?.field, rule: error.issues[0]?.rule };
    throw error;
  }
  throw new Error('not refused');
}
