import { AppError } from '../../platform/errors/app-error.ts';
import { positivePart, sumMoney, toDecimalString, ZERO, type Money } from '../../platform/money/money.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import {
  lineBalancesOf,
  lineDaysPastDue,
  minimumOutstanding,
  receiveLineEvent,
  waivableOf,
  type Waivable,
} from './line-servicing.ts';
import type { LineEvent, LineHardshipChange, LineState } from './line-state.ts';
import type { LineTerms } from './line-terms.ts';

/**
 * Hardship tools on a credit line (issue 15, item 4 for lines), pure rules: what each tool may do to a line on
 * a day, refused with the field and the rule when it may not, and what it changes. The servicing core applies
 * the change (`applyHardship` in `line-servicing.ts`, replayed day by day like every line event); the use
 * cases (`request-line-hardship.ts`, `decide-line-hardship.ts`) add the request, its reasons, the second
 * person, the books, the message and the audit. The reasons and the second-person threshold are the cash
 * loans' (`../loans/hardship.ts`): one set of rules for the lender's staff.
 *
 * Built: the **goodwill waiver** of interest, instalment fees and late fees. Not yet: settlement for less,
 * payment holiday, re-age, reschedule (see docs/credit-lines.md).
 */

/** What staff ask for, as the API and the CLI take it (amounts in fen). */
export type LineHardshipAsk = {
  readonly tool: 'waiver';
  readonly interest: Money;
  readonly fees: Money;
  readonly lateFees: Money;
};

/** The line on the day a request is made or applied: its terms, its state stepped through that day. */
export interface LineToday {
  readonly terms: LineTerms;
  /** Stepped through `today` (`advanceLine`), as the event will be booked. */
  readonly state: LineState;
  readonly events: readonly LineEvent[];
  readonly today: LocalDate;
}

/** What the customer owes on a line, by what a hardship tool changes (the console's before / after). */
export interface LineHardshipFigures {
  /** Principal owed (revolving billed and unbilled, instalments billed and not yet billed). */
  readonly principal: Money;
  /** Interest owed, billed and accrued in the cycle. */
  readonly interest: Money;
  /** Instalment fees billed and unpaid. */
  readonly fees: Money;
  /** Late fees owed, billed and charged in the cycle. */
  readonly lateFees: Money;
  /** Everything owed less money held: what pays the line off today. */
  readonly payoff: Money;
  /** What is left to pay of the minimums of statements already cut. */
  readonly minimumDue: Money;
  readonly daysPastDue: number;
}

export function lineHardshipFigures(state: LineState, today: LocalDate): LineHardshipFigures {
  const owed: Waivable = waivableOf(state);
  const balances = lineBalancesOf(state);
  let minimumDue: Money = ZERO;
  for (let index = 0; index < state.statements.length; index += 1)
    minimumDue = sumMoney([minimumDue, minimumOutstanding(state, index)]);
  return {
    principal: balances.principalOwed,
    interest: owed.interest,
    fees: owed.fees,
    lateFees: owed.lateFees,
    payoff: positivePart(balances.payoff),
    minimumDue,
    daysPastDue: lineDaysPastDue(state, today),
  };
}

/** A request checked against the line and the rules: the change, its money effect, the line after it. */
export interface LineHardshipPlan {
  readonly change: LineHardshipChange;
  /** What the second-person threshold is compared with: the total waived (waiver). */
  readonly moneyEffect: Money;
  readonly before: LineHardshipFigures;
  readonly after: LineHardshipFigures;
  readonly stateAfter: LineState;
}

function checkWaiver(line: LineToday, ask: LineHardshipAsk): LineHardshipChange {
  const owed = waivableOf(line.state);
  const names = { interest: 'interest', fees: 'instalment fees', lateFees: 'late fees' } as const;
  for (const field of ['interest', 'fees', 'lateFees'] as const) {
    const asked = ask[field];
    if (asked < 0n) throw AppError.invalid(field, 'not-negative', `${field} cannot be negative`);
    if (asked > owed[field])
      throw AppError.invalid(
        field,
        'within-owed',
        `${toDecimalString(owed[field])} of ${names[field]} is owed on this line today; ` +
          `${toDecimalString(asked)} cannot be waived`,
      );
  }
  if (ask.interest === 0n && ask.fees === 0n && ask.lateFees === 0n)
    throw AppError.invalid('interest', 'positive', 'a waiver waives some interest, fees or late fees');
  return { tool: 'waiver', interest: ask.interest, fees: ask.fees, lateFees: ask.lateFees };
}

/**
 * Checks a request against the line on `today` and says what it does: refused with the field and the rule
 * (422) when it may not — a written-off line (`lineId` / `not-written-off`: what it owes is off the books;
 * a settlement of the recovery is not a waiver), a waiver above what is owed of a kind (`interest` | `fees` |
 * `lateFees` / `within-owed`), a waiver of nothing (`interest` / `positive`). A closed line is refused before
 * (`line` / `line-open`, the command frame).
 */
export function planLineHardship(line: LineToday, ask: LineHardshipAsk, requestId: string): LineHardshipPlan {
  if (line.state.writtenOffOn)
    throw AppError.invalid(
      'lineId',
      'not-written-off',
      `the line was written off on ${line.state.writtenOffOn}; hardship tools apply to a line on the books`,
    );
  const change = checkWaiver(line, ask);
  const moneyEffect = sumMoney([change.interest, change.fees, change.lateFees]);
  const event: LineEvent = {
    seq: Math.max(0, ...line.events.map((e) => e.seq)) + 1,
    kind: 'hardship',
    effectiveDate: line.today,
    amount: moneyEffect,
    requestId,
    change,
  };
  const { state: stateAfter } = receiveLineEvent(line.terms, line.state, line.events, event);
  return {
    change,
    moneyEffect,
    before: lineHardshipFigures(line.state, line.today),
    after: lineHardshipFigures(stateAfter, line.today),
    stateAfter,
  };
}
