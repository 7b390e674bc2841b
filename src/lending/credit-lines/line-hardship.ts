import { AppError } from '../../platform/errors/app-error.ts';
import {
  addMoney,
  maxMoney,
  minMoney,
  positivePart,
  subMoney,
  sumMoney,
  toDecimalString,
  ZERO,
  type Money,
} from '../../platform/money/money.ts';
import { compareRate, formatPercent, mulRate, rate, type Rate } from '../../platform/money/rate.ts';
import { daysBetween, type LocalDate } from '../../platform/time/local-date.ts';
import { DEFAULT_HARDSHIP_RULES, type HardshipRules } from '../loans/hardship.ts';
import { assertAllInCostWithinCap, monthlyPeriods, type CostCap } from '../shared/cost-cap.ts';
import { checkOncePerPeriod } from '../shared/hardship-period.ts';
import { standingEvents } from '../shared/reversals.ts';
import { workoutPlanApr } from './instalment-conversion.ts';
import {
  freeHeldOf,
  heldFor,
  lineBalancesOf,
  lineDaysPastDue,
  minimumOutstanding,
  receiveLineEvent,
  reservedOf,
  waivableOf,
  workoutInForce,
  workoutMovedOf,
  workoutPlanFigures,
  writtenOffOf,
  type Waivable,
  type WorkoutMoved,
} from './line-servicing.ts';
import type { BilledStatement, LineEvent, LineHardshipChange, LineState } from './line-state.ts';
import { dueDateOf, statementDateAfterCut, writeOffAfterDpdOf, type LineTerms } from './line-terms.ts';

/**
 * Hardship tools on a credit line (issue 15, item 4 for lines), pure rules: what each tool may do to a line on
 * a day, refused with the field and the rule when it may not, and what it changes. The servicing core applies
 * the change (`applyHardship` in `line-servicing.ts`, replayed day by day like every line event); the use
 * cases (`request-line-hardship.ts`, `decide-line-hardship.ts`) add the request, its reasons, the second
 * person, the books, the message and the audit. The reasons and the second-person threshold are the cash
 * loans' (`../loans/hardship.ts`): one set of rules for the lender's staff.
 *
 * Built: the **goodwill waiver** of interest, instalment fees and late fees, **settlement for less** than owed,
 * the **payment holiday**, the **re-age** and the **reschedule** into a workout plan (docs/credit-lines.md).
 */

/** What staff ask for, as the API and the CLI take it (amounts in fen). */
export type LineHardshipAsk =
  | {
      readonly tool: 'waiver';
      readonly interest: Money;
      readonly fees: Money;
      readonly lateFees: Money;
    }
  | {
      /** Settlement for less: what the customer pays now (0: money already held settles it). */
      readonly tool: 'settlement';
      readonly amount: Money;
    }
  | {
      /** Payment holiday: how many of the next statements ask no minimum payment. */
      readonly tool: 'holiday';
      readonly statements: number;
    }
  | {
      /** Re-age: the line brought current (no other field). */
      readonly tool: 're-age';
    }
  | {
      /**
       * Reschedule into a workout plan: the whole balance owed over `instalments` monthly instalments, charging
       * `rate` a year (exact; 0: interest frozen) on what is left of the principal moved.
       */
      readonly tool: 'reschedule';
      readonly instalments: number;
      readonly rate: Rate;
    };

/**
 * The rules of a workout plan on a line (code, not yet dated settings; docs/credit-lines.md "Reschedule"):
 * `minInstalments` to `maxInstalments` monthly instalments (`instalments` / `range`), at most one reschedule
 * starting in any `oncePerMonths` months (`tool` / `once-per-period`). The rate is bounded by the line's own
 * contract rate and by the all-in cost cap in force (not by a number here).
 */
export interface LineWorkoutRules {
  readonly minInstalments: number;
  readonly maxInstalments: number;
  readonly oncePerMonths: number;
}

export const LINE_WORKOUT_RULES: LineWorkoutRules = {
  minInstalments: 3,
  maxInstalments: 36,
  oncePerMonths: 24,
};

/** What a workout plan is, as staff and the customer are shown it before and after it is set up. */
export interface LineWorkoutFigures {
  readonly planId: string;
  /** Everything moved into the plan, and by what it was. */
  readonly moved: WorkoutMoved;
  readonly instalments: number;
  /** The annual rate asked; the line's own contract rate (its daily rate × 365) for comparison. */
  readonly rate: Rate;
  readonly contractRate: Rate;
  /** Each instalment: its statement and due dates, principal part and charge. */
  readonly schedule: readonly {
    readonly period: number;
    readonly statementDate: LocalDate;
    readonly dueDate: LocalDate;
    readonly principal: Money;
    readonly charge: Money;
  }[];
  readonly totalCharge: Money;
  /** The plan's annualised rate by IRR (charges included; at most `rate`). */
  readonly aprByIrr: number;
  /** A line that was behind: the due date its days past due keep counting from until instalment 1 is met. */
  readonly arrearsSince: LocalDate | null;
}

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
  /** After a reschedule: the workout plan it sets up (absent otherwise). */
  readonly workout?: LineWorkoutFigures;
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
  /**
   * What the second-person threshold is compared with: the total waived (waiver), written off (settlement), the
   * balance whose minimums are deferred (holiday), what stops being past due (re-age).
   */
  readonly moneyEffect: Money;
  readonly before: LineHardshipFigures;
  readonly after: LineHardshipFigures;
  readonly stateAfter: LineState;
  /** A settlement's figures (absent for other tools). */
  readonly settlement?: LineSettlementFigures;
  /** A re-age's: the next due date that asks a payment, after it (absent for other tools). */
  readonly nextDueDate?: LocalDate;
  /** A reschedule's workout plan (absent for other tools). */
  readonly workout?: LineWorkoutFigures;
}

/**
 * What a settlement for less does: `payoff` settled the line in full today (`settlementPayoff`); the
 * customer's money — the agreed `amount` and what was held for them and free — covered `paid` of it, and
 * `writtenOff` (= payoff − paid) was written off and forgiven; `heldAfter` is left held for the customer
 * (money reserved for a pay-out in flight).
 */
export interface LineSettlementFigures {
  readonly payoff: Money;
  readonly paid: Money;
  readonly writtenOff: Money;
  readonly heldAfter: Money;
}

function checkWaiver(line: LineToday, ask: Extract<LineHardshipAsk, { tool: 'waiver' }>): LineHardshipChange {
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
 * What settles the line today: everything owed (principal billed, unbilled and in plans not yet billed,
 * interest, instalment fees, late fees) less the money held for the customer that is free to be used (money
 * reserved for a pay-out in flight is not: it may be on its way back to the customer).
 */
export function settlementPayoff(state: LineState): Money {
  const balances = lineBalancesOf(state);
  return positivePart(sumMoney([balances.payoff, reservedOf(state)]));
}

function checkSettlement(
  line: LineToday,
  ask: Extract<LineHardshipAsk, { tool: 'settlement' }>,
): LineHardshipChange {
  if (ask.amount < 0n) throw AppError.invalid('amount', 'not-negative', 'amount cannot be negative');
  const payoff = settlementPayoff(line.state);
  if (ask.amount >= payoff)
    throw AppError.invalid(
      'amount',
      'less-than-owed',
      `${toDecimalString(payoff)} settles the line in full today; a settlement is for less (use a payment)`,
    );
  if (ask.amount === 0n && freeHeldOf(line.state) === 0n)
    throw AppError.invalid(
      'amount',
      'positive',
      'nothing is held for the customer: a settlement needs a payment above 0',
    );
  return { tool: 'settlement', amount: ask.amount };
}

/**
 * A payment holiday: 1 to `holidayMaxInstalments` statements (the loans' rule, one set of rules for staff), on a
 * line that is current (`tool` / `current`: an overdue minimum is not deferred — a waiver or a settlement may
 * help), at most one starting in any `holidayOncePerMonths` months (`tool` / `once-per-period`).
 */
function checkHoliday(
  line: LineToday,
  ask: Extract<LineHardshipAsk, { tool: 'holiday' }>,
  rules: HardshipRules,
): LineHardshipChange {
  if (
    !Number.isSafeInteger(ask.statements) ||
    ask.statements < 1 ||
    ask.statements > rules.holidayMaxInstalments
  )
    throw AppError.invalid(
      'statements',
      'max-instalments',
      `a payment holiday defers the minimum of 1 to ${rules.holidayMaxInstalments} statements`,
    );
  const dpd = lineDaysPastDue(line.state, line.today);
  if (dpd > 0)
    throw AppError.invalid(
      'tool',
      'current',
      `the line is ${dpd} days past due; a holiday is for a line that is current (a waiver or a settlement may help)`,
    );
  checkOncePerPeriod(line, 'holiday', rules.holidayOncePerMonths, 'tool', 'this line had a holiday');
  return { tool: 'holiday', statements: ask.statements };
}

/**
 * What is past due on the line on `today`: what a payment would have to be to bring it current — the largest
 * unmet minimum of a statement already due (each statement's minimum counts every credit since its cut, so
 * paying the largest one meets them all). 0 when the line is current.
 */
export function linePastDue(state: LineState, today: LocalDate): Money {
  let pastDue: Money = ZERO;
  for (let index = 0; index < state.statements.length; index += 1) {
    const statement = state.statements[index] as BilledStatement;
    if (statement.dueDate >= today) break;
    const left = minimumOutstanding(state, index);
    if (left > pastDue) pastDue = left;
  }
  return pastDue;
}

/**
 * A statement's **regular minimum**: its minimum payment less the part of it that was already past due when it
 * was cut (the statement's formula takes every billed amount, arrears included), never below the line's
 * minimum floor (or the whole minimum, when that is smaller). What was past due at the cut is the largest
 * unmet minimum then of an earlier statement already due, without a re-age: its minimum less the credits
 * to billed statements between its cut and this one's.
 */
export function regularMinimumOf(terms: LineTerms, state: LineState, index: number): Money {
  const statement = state.statements[index] as BilledStatement;
  let pastDueAtCut: Money = ZERO;
  for (let i = 0; i < index; i += 1) {
    const earlier = state.statements[i] as BilledStatement;
    if (earlier.reAged || earlier.dueDate >= statement.statementDate) continue;
    const left = subMoney(
      earlier.minimumPayment,
      subMoney(statement.billedCreditsAtCut, earlier.billedCreditsAtCut),
    );
    if (left > pastDueAtCut) pastDueAtCut = left;
  }
  const floor = minMoney(statement.minimumPayment, terms.minimumPayment.floor);
  return maxMoney(subMoney(statement.minimumPayment, pastDueAtCut), floor);
}

/** Payments received and not reversed (`standingEvents`) from `from` through `through`, by effective date. */
function paymentsBetween(payments: readonly LineEvent[], from: LocalDate, through: LocalDate): Money {
  let paid: Money = ZERO;
  for (const event of payments)
    if (event.kind === 'payment' && event.effectiveDate >= from && event.effectiveDate <= through)
      paid = addMoney(paid, event.amount);
  return paid;
}

/**
 * How many statements in a row, the latest already due back, the customer paid on time since the line fell
 * behind (the line's equivalent of the loans' instalments paid in full): statements cut after the oldest one
 * whose minimum is unmet and due before `today`, payment holidays skipped, each with payments received from its
 * statement date through its due date of at least its regular minimum (`regularMinimumOf`). Paying a
 * statement's whole minimum brings the line current (that minimum includes the arrears), so a line still behind
 * is measured by the minimum it would have asked with nothing past due. 0 when the line is current.
 */
export function lineConsecutivePaid(line: LineToday): number {
  const { state, today } = line;
  let oldest = -1;
  for (let index = 0; index < state.statements.length; index += 1) {
    const statement = state.statements[index] as BilledStatement;
    if (statement.dueDate >= today) break;
    if (minimumOutstanding(state, index) > 0n) {
      oldest = index;
      break;
    }
  }
  if (oldest < 0) return 0;
  const standing = standingEvents(line.events);
  let run = 0;
  for (let index = state.statements.length - 1; index > oldest; index -= 1) {
    const statement = state.statements[index] as BilledStatement;
    if (statement.dueDate >= today || statement.holiday) continue;
    const paid = paymentsBetween(standing, statement.statementDate, statement.dueDate);
    if (paid < regularMinimumOf(line.terms, state, index)) break;
    run += 1;
  }
  return run;
}

/**
 * A re-age: on a line that is past due (`tool` / `delinquent`), whose customer has since paid
 * `reAgeMinConsecutivePaid` statements in a row on time (`lineConsecutivePaid`; `tool` /
 * `min-consecutive-paid`), at most one in any `reAgeOncePerMonths` months (`tool` / `once-per-period`).
 */
function checkReAge(line: LineToday, rules: HardshipRules): LineHardshipChange {
  const dpd = lineDaysPastDue(line.state, line.today);
  if (dpd === 0)
    throw AppError.invalid(
      'tool',
      'delinquent',
      'nothing of this line is past due: there is nothing to re-age',
    );
  const paid = lineConsecutivePaid(line);
  if (paid < rules.reAgeMinConsecutivePaid)
    throw AppError.invalid(
      'tool',
      'min-consecutive-paid',
      `a re-age needs ${rules.reAgeMinConsecutivePaid} statements in a row paid on time since the line fell behind; this line has ${paid}`,
    );
  checkOncePerPeriod(line, 're-age', rules.reAgeOncePerMonths, 'tool', 'this line was re-aged');
  return { tool: 're-age' };
}

/**
 * The next due date on or after `today` that asks a payment: the earliest statement cut and not yet due with
 * some of its minimum left, else the due date of the next statement to be cut.
 */
export function nextLineDueDate(terms: LineTerms, state: LineState, today: LocalDate): LocalDate {
  for (let index = 0; index < state.statements.length; index += 1) {
    const statement = state.statements[index] as BilledStatement;
    if (statement.dueDate >= today && minimumOutstanding(state, index) > 0n) return statement.dueDate;
  }
  return dueDateOf(state.nextStatementDate, terms.due);
}

/** The line's contract rate a year: its exact daily rate × 365 (the facility's APR when it opened). */
export function lineContractRate(terms: LineTerms): Rate {
  return mulRate(terms.dailyRate, rate(365n));
}

/** The oldest due date already passed whose minimum is unmet (else a reschedule's hold; null: current). */
function oldestUnmetDueDate(state: LineState, today: LocalDate): LocalDate | null {
  for (let index = 0; index < state.statements.length; index += 1) {
    const statement = state.statements[index] as BilledStatement;
    if (statement.dueDate >= today) break;
    if (minimumOutstanding(state, index) > 0n) return statement.dueDate;
  }
  return state.workoutArrearsSince ?? null;
}

/** The statement dates and due dates the next `count` statements will have after `state`. */
function nextStatements(
  terms: LineTerms,
  state: LineState,
  count: number,
): { statementDate: LocalDate; dueDate: LocalDate }[] {
  const out: { statementDate: LocalDate; dueDate: LocalDate }[] = [];
  let date = state.nextStatementDate;
  for (let index = 0; index < count; index += 1) {
    out.push({ statementDate: date, dueDate: dueDateOf(date, terms.due) });
    date = statementDateAfterCut(terms, date);
  }
  return out;
}

/**
 * A reschedule into a workout plan, refused with the field and the rule when it may not be: `instalments`
 * outside the rules' range (`instalments` / `range`); a negative rate (`rate` / `not-negative`) or one above the
 * line's contract rate (`rate` / `within-contract-rate`); a workout plan still being paid or a payment holiday
 * still running (`tool` / `other-tool-in-force`); a line not behind (`tool` / `delinquent`: a holiday is for a
 * customer at risk who is still current); a second reschedule too soon (`tool` / `once-per-period`); a line
 * whose days past due would pass the charge-off limit before the first instalment falls due (`tool` /
 * `before-charge-off`: too late — a settlement may help); a plan whose all-in cost is above the cap in force
 * today (`rate` / `all-in-cost-cap`).
 */
function checkReschedule(
  line: LineToday,
  ask: Extract<LineHardshipAsk, { tool: 'reschedule' }>,
  planId: string,
  cap: CostCap | undefined,
  rules: LineWorkoutRules,
): { change: Extract<LineHardshipChange, { tool: 'reschedule' }>; moved: WorkoutMoved } {
  const { terms, state, today } = line;
  if (
    !Number.isSafeInteger(ask.instalments) ||
    ask.instalments < rules.minInstalments ||
    ask.instalments > rules.maxInstalments
  )
    throw AppError.invalid(
      'instalments',
      'range',
      `a workout plan runs ${rules.minInstalments} to ${rules.maxInstalments} monthly instalments`,
    );
  if (ask.rate.num < 0n) throw AppError.invalid('rate', 'not-negative', 'the rate cannot be negative');
  const contractRate = lineContractRate(terms);
  if (compareRate(ask.rate, contractRate) > 0)
    throw AppError.invalid(
      'rate',
      'within-contract-rate',
      `a workout plan charges at most the line's contract rate of ${formatPercent(contractRate)} a year; ` +
        `${formatPercent(ask.rate)} was asked`,
    );
  const running = workoutInForce(state);
  if (running)
    throw AppError.invalid(
      'tool',
      'other-tool-in-force',
      `the workout plan of ${running.createdOn} is still being paid: a line has one at a time`,
    );
  if ((state.holidayStatements ?? 0) > 0)
    throw AppError.invalid(
      'tool',
      'other-tool-in-force',
      `a payment holiday is running (${state.holidayStatements ?? 0} statements still to ask no minimum)`,
    );
  const dpd = lineDaysPastDue(state, today);
  if (dpd === 0)
    throw AppError.invalid(
      'tool',
      'delinquent',
      'the line is current: a workout plan is for a line behind (a payment holiday may help a customer at risk)',
    );
  checkOncePerPeriod(line, 'reschedule', rules.oncePerMonths, 'tool', 'this line was rescheduled');
  const moved = workoutMovedOf(terms, state, today);
  if (moved.amount === 0n)
    throw AppError.invalid(
      'tool',
      'nothing-owed',
      'nothing is owed on this line: there is nothing to reschedule',
    );
  const since = oldestUnmetDueDate(state, today);
  const limit = writeOffAfterDpdOf(terms);
  const first = nextStatements(terms, state, 1)[0];
  if (since !== null && limit !== null && first && daysBetween(since, first.dueDate) > limit)
    throw AppError.invalid(
      'tool',
      'before-charge-off',
      `the line is past due since ${since}: by the first instalment's due date (${first.dueDate}) it would be ` +
        `${daysBetween(since, first.dueDate)} days past due, beyond the charge-off limit of ${limit} (a settlement may help)`,
    );
  if (cap) {
    const figures = workoutPlanFigures(moved.amount, moved.principal, ask.instalments, ask.rate);
    assertAllInCostWithinCap(
      'rate',
      `a workout plan of ${toDecimalString(moved.amount)} over ${ask.instalments} instalments at ${formatPercent(ask.rate)} a year`,
      moved.amount,
      monthlyPeriods(
        figures.parts.map((part, i) => addMoney(part, figures.fees[i] ?? ZERO)),
        cap.annualRate,
      ),
      cap,
    );
  }
  return {
    change: { tool: 'reschedule', instalments: ask.instalments, rate: ask.rate, planId },
    moved,
  };
}

/** The workout plan a reschedule made, as its figures say (`stateAfter` holds it). */
function workoutFiguresOf(
  line: LineToday,
  change: Extract<LineHardshipChange, { tool: 'reschedule' }>,
  moved: WorkoutMoved,
  stateAfter: LineState,
): LineWorkoutFigures {
  const plan = stateAfter.plans.find((candidate) => candidate.planId === change.planId);
  const parts = plan?.parts ?? [];
  const fees = plan?.fees ?? [];
  const dates = nextStatements(line.terms, stateAfter, parts.length);
  const schedule = parts.map((principal, i) => {
    const when = dates[i] as { statementDate: LocalDate; dueDate: LocalDate };
    return { period: i + 1, ...when, principal, charge: fees[i] ?? ZERO };
  });
  return {
    planId: change.planId,
    moved,
    instalments: change.instalments,
    rate: change.rate,
    contractRate: lineContractRate(line.terms),
    schedule,
    totalCharge: sumMoney(schedule.map((row) => row.charge)),
    aprByIrr: plan ? workoutPlanApr(plan) : 0,
    arrearsSince: stateAfter.workoutArrearsSince ?? null,
  };
}

/** What the line has written off in all (0 before any write-off). */
function writtenOffTotal(state: LineState): Money {
  return writtenOffOf(state)?.total ?? ZERO;
}

/**
 * Checks a request against the line on `today` and says what it does: refused with the field and the rule
 * (422) when it may not — a written-off line (`lineId` / `not-written-off`: what it owes is off the books;
 * a settlement of the recovery is not a waiver), a waiver above what is owed of a kind (`interest` | `fees` |
 * `lateFees` / `within-owed`), a waiver of nothing (`interest` / `positive`); a settlement of the whole payoff
 * or more (`amount` / `less-than-owed`), of a negative amount (`amount` / `not-negative`), or of 0 with nothing
 * held for the customer (`amount` / `positive`); a holiday of too many statements (`statements` /
 * `max-instalments`), on an overdue line (`tool` / `current`) or too soon after the last (`tool` /
 * `once-per-period`); a re-age of a line not past due (`tool` / `delinquent`), with fewer statements paid on
 * time in a row than the rules ask (`tool` / `min-consecutive-paid`) or too soon after the last (`tool` /
 * `once-per-period`). A closed line is refused before
 * (`line` / `line-open`, the command frame).
 */
export function planLineHardship(
  line: LineToday,
  ask: LineHardshipAsk,
  requestId: string,
  rules: HardshipRules = DEFAULT_HARDSHIP_RULES,
  options: {
    /** The id the workout plan of a reschedule gets (its ledger contract). */
    readonly planId?: string;
    /** The all-in cost cap in force today (none: no cap). */
    readonly cap?: CostCap | undefined;
    readonly rules?: LineWorkoutRules;
  } = {},
): LineHardshipPlan {
  if (line.state.writtenOffOn)
    throw AppError.invalid(
      'lineId',
      'not-written-off',
      `the line was written off on ${line.state.writtenOffOn}; hardship tools apply to a line on the books`,
    );
  const rescheduled =
    ask.tool === 'reschedule'
      ? checkReschedule(
          line,
          ask,
          options.planId ?? `ipl_${requestId}`,
          options.cap,
          options.rules ?? LINE_WORKOUT_RULES,
        )
      : null;
  const change: LineHardshipChange =
    rescheduled !== null
      ? rescheduled.change
      : ask.tool === 'waiver'
        ? checkWaiver(line, ask)
        : ask.tool === 'settlement'
          ? checkSettlement(line, ask)
          : ask.tool === 'holiday'
            ? checkHoliday(line, ask, rules)
            : checkReAge(line, rules);
  const event: LineEvent = {
    seq: Math.max(0, ...line.events.map((e) => e.seq)) + 1,
    kind: 'hardship',
    effectiveDate: line.today,
    amount: ZERO,
    requestId,
    change,
  };
  const { state: stateAfter } = receiveLineEvent(line.terms, line.state, line.events, event);
  // A holiday's money effect is the balance whose minimum payments it defers: everything owed today less money
  // held (the minimums themselves depend on the statements still to be cut).
  const moneyEffect =
    change.tool === 'waiver'
      ? sumMoney([change.interest, change.fees, change.lateFees])
      : change.tool === 'settlement'
        ? subMoney(writtenOffTotal(stateAfter), writtenOffTotal(line.state))
        : change.tool === 'holiday'
          ? positivePart(lineBalancesOf(line.state).payoff)
          : change.tool === 'reschedule'
            ? (rescheduled?.moved.amount ?? ZERO)
            : linePastDue(line.state, line.today);
  const payoff = settlementPayoff(line.state);
  const workout =
    change.tool === 'reschedule' && rescheduled
      ? workoutFiguresOf(line, change, rescheduled.moved, stateAfter)
      : undefined;
  return {
    change,
    moneyEffect,
    ...(change.tool === 'settlement'
      ? {
          settlement: {
            payoff,
            paid: subMoney(payoff, moneyEffect),
            writtenOff: moneyEffect,
            heldAfter: heldFor(stateAfter),
          },
        }
      : {}),
    ...(change.tool === 're-age' ? { nextDueDate: nextLineDueDate(line.terms, stateAfter, line.today) } : {}),
    ...(workout ? { workout } : {}),
    before: lineHardshipFigures(line.state, line.today),
    after: { ...lineHardshipFigures(stateAfter, line.today), ...(workout ? { workout } : {}) },
    stateAfter,
  };
}
