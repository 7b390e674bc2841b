import { AppError } from '../../platform/errors/app-error.ts';
import {
  fen,
  positivePart,
  subMoney,
  sumMoney,
  toDecimalString,
  ZERO,
  type Money,
} from '../../platform/money/money.ts';
import { parseLocalDate, type LocalDate } from '../../platform/time/local-date.ts';
import { assertRateWithinCap, type CostCap } from '../shared/cost-cap.ts';
import { checkOncePerPeriod } from '../shared/hardship-period.ts';
import type { LoanContract } from './loan-contract.ts';
import { outstandingOf, type HardshipChange, type LoanEvent, type LoanState } from './loan-state.ts';
import { amortise, dueDatesFor } from './schedule.ts';
import {
  billablePeriods,
  daysPastDue,
  instalmentViews,
  receiveEvent,
  scheduleOf,
  type InstalmentView,
} from './servicing.ts';

/**
 * Hardship tools for a borrower in trouble (issue 15, item 4), pure rules: what each tool may do to a loan
 * on a day, refused with the field and the rule when it may not, and what it changes. The servicing core
 * applies the change (`applyHardship` in `servicing.ts`); the use cases (`hardship-requests.ts`) add the
 * request, the reasons, the second person, the books, the message and the audit. See docs/lending.md.
 */

/** Why staff help: a coded reason and a note (1–500 characters), one to five of them. */
export const HARDSHIP_REASON_CODES = [
  'income-loss',
  'unemployment',
  'illness-or-injury',
  'bereavement',
  'natural-disaster',
  'complaint-resolution',
  'other',
] as const;
export type HardshipReasonCode = (typeof HARDSHIP_REASON_CODES)[number];

export interface HardshipReason {
  readonly code: HardshipReasonCode;
  readonly note: string;
}

export function parseHardshipReasons(value: readonly { code: string; note: string }[]): HardshipReason[] {
  if (value.length === 0)
    throw AppError.invalid(
      'reasons',
      'required',
      'a hardship request needs at least one reason (code and note)',
    );
  if (value.length > 5) throw AppError.invalid('reasons', 'max-items', 'at most five reasons');
  return value.map((reason, index) => {
    if (!(HARDSHIP_REASON_CODES as readonly string[]).includes(reason.code))
      throw AppError.invalid(
        `reasons[${index}].code`,
        'one-of',
        `the reason code must be one of ${HARDSHIP_REASON_CODES.join(', ')}`,
      );
    const note = reason.note.trim();
    if (note === '' || note.length > 500)
      throw AppError.invalid(`reasons[${index}].note`, 'length', 'say why in 1–500 characters');
    return { code: reason.code as HardshipReasonCode, note };
  });
}

/**
 * The rules in force from a date (lending data, `loan_hardship_rules`): above `secondPersonAbove` of money
 * effect a second person approves; how long a reschedule may run; how many instalments a holiday may skip
 * and how often; what a re-age asks of the borrower and how often it may happen.
 */
export interface HardshipRules {
  readonly effectiveFrom: LocalDate;
  /** A request whose money effect is above this waits for a second person (another key, another name). */
  readonly secondPersonAbove: Money;
  /** At most this many instalments still to pay after a reschedule. */
  readonly rescheduleMaxInstalments: number;
  /** A holiday skips at most this many instalments… */
  readonly holidayMaxInstalments: number;
  /** …and at most one holiday starts in any this many months. */
  readonly holidayOncePerMonths: number;
  /** A re-age needs this many instalments in a row paid in full (not by an earlier re-age)… */
  readonly reAgeMinConsecutivePaid: number;
  /** …and at most one re-age in any this many months. */
  readonly reAgeOncePerMonths: number;
}

export const DEFAULT_HARDSHIP_RULES: HardshipRules = {
  effectiveFrom: '2020-01-01' as LocalDate,
  secondPersonAbove: fen(100_000n),
  rescheduleMaxInstalments: 60,
  holidayMaxInstalments: 3,
  holidayOncePerMonths: 12,
  reAgeMinConsecutivePaid: 3,
  reAgeOncePerMonths: 12,
};

function wholeNumber(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max)
    throw AppError.invalid(field, 'range', `${field} must be a whole number from ${min} to ${max}`);
  return value;
}

/** Validates a rules document (every field required; amounts as integer fen strings). */
export function parseHardshipRules(json: unknown): HardshipRules {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw AppError.invalid('rules', 'object', 'hardship rules must be a JSON object');
  const j = json as Record<string, unknown>;
  const above = j.secondPersonAbove;
  if (typeof above !== 'string' || !/^\d{1,15}$/.test(above))
    throw AppError.invalid(
      'secondPersonAbove',
      'fen',
      'secondPersonAbove is an amount in integer fen, e.g. "100000"',
    );
  return {
    effectiveFrom: parseLocalDate(String(j.effectiveFrom), 'effectiveFrom'),
    secondPersonAbove: fen(BigInt(above)),
    rescheduleMaxInstalments: wholeNumber(j.rescheduleMaxInstalments, 'rescheduleMaxInstalments', 1, 120),
    holidayMaxInstalments: wholeNumber(j.holidayMaxInstalments, 'holidayMaxInstalments', 1, 12),
    holidayOncePerMonths: wholeNumber(j.holidayOncePerMonths, 'holidayOncePerMonths', 0, 60),
    reAgeMinConsecutivePaid: wholeNumber(j.reAgeMinConsecutivePaid, 'reAgeMinConsecutivePaid', 0, 24),
    reAgeOncePerMonths: wholeNumber(j.reAgeOncePerMonths, 'reAgeOncePerMonths', 0, 60),
  };
}

/** The rules in force on `date` (the latest from on or before it; the defaults before any). */
export function hardshipRulesOn(rules: readonly HardshipRules[], date: LocalDate): HardshipRules {
  let found = DEFAULT_HARDSHIP_RULES;
  for (const entry of rules)
    if (entry.effectiveFrom <= date && entry.effectiveFrom >= found.effectiveFrom) found = entry;
  return found;
}

/** What staff ask for, as the API and the CLI take it (amounts in fen). */
export type HardshipAsk =
  | { readonly tool: 'reschedule'; readonly instalments?: number; readonly maxInstalment?: Money }
  | { readonly tool: 're-age' }
  | { readonly tool: 'holiday'; readonly instalments: number }
  | { readonly tool: 'waiver'; readonly interest: Money; readonly penalty: Money; readonly fees: Money }
  | { readonly tool: 'settlement'; readonly amount: Money };

/** The loan on the day a request is made or applied: its contract, its state stepped through that day. */
export interface LoanToday {
  readonly contract: LoanContract;
  /** Stepped through `today` (`advance`), as the event will be booked. */
  readonly state: LoanState;
  readonly events: readonly LoanEvent[];
  readonly today: LocalDate;
}

/** A request checked against the loan and the rules: the change, its money effect, and the loan after it. */
export interface HardshipPlan {
  readonly change: HardshipChange;
  /**
   * What the second-person threshold is compared with: waived (waiver), written off (settlement), overdue
   * amount moved (re-age), instalments deferred (holiday), principal re-planned (reschedule).
   */
  readonly moneyEffect: Money;
  readonly before: readonly InstalmentView[];
  readonly after: readonly InstalmentView[];
  readonly stateAfter: LoanState;
}

const active = (loan: LoanToday): void => {
  if (loan.state.status !== 'active')
    throw AppError.invalid(
      'loanId',
      'active-loan',
      `loan ${loan.contract.loanId} is ${loan.state.status === 'written_off' ? 'written off' : loan.state.status}; hardship tools apply to an active loan`,
    );
};

/** The instalments still to fall due that bill principal (not skipped by a holiday). */
function instalmentsLeft(loan: LoanToday): number {
  return billablePeriods(scheduleOf(loan.contract, loan.state), loan.state.nextPeriod).length;
}

/** The longest run of instalments in a row paid in full (a re-aged one breaks the run). */
export function consecutivePaid(state: LoanState): number {
  let best = 0;
  let run = 0;
  for (const instalment of state.instalments) {
    const paid =
      instalment.settledOn !== null && instalment.reagedOn === undefined && instalment.principal > 0n;
    run = paid ? run + 1 : instalment.principal === 0n && instalment.settledOn !== null ? run : 0;
    best = Math.max(best, run);
  }
  return best;
}

/** The level instalment of a reschedule over `instalments` instalments from the next due date. */
function firstPaymentOver(loan: LoanToday, instalments: number): Money {
  const { contract, state } = loan;
  const schedule = scheduleOf(contract, state);
  const first = state.nextPeriod;
  const skipped = [...schedule.skipped].filter((period) => period >= first).length;
  const head = first + skipped;
  const start = head === 1 ? contract.startDate : (schedule.dueDates[head - 2] as LocalDate);
  const dueDates = dueDatesFor(contract.startDate, head - 1 + instalments).slice(head - 1);
  const lines = amortise({
    principal: state.unbilledPrincipal,
    apr: contract.apr,
    method: contract.method,
    basis: contract.basis,
    periodStart: start,
    dueDates,
  });
  return lines[0]?.payment ?? ZERO;
}

function checkReschedule(
  loan: LoanToday,
  ask: Extract<HardshipAsk, { tool: 'reschedule' }>,
  rules: HardshipRules,
  cap: CostCap | undefined,
): HardshipChange {
  const left = instalmentsLeft(loan);
  if (left === 0 || loan.state.unbilledPrincipal === 0n)
    throw AppError.invalid(
      'instalments',
      'instalments-left',
      'every instalment of this loan has fallen due: nothing is left to reschedule (a re-age or a settlement may help)',
    );
  // A new schedule is a new promise: at the contract rate, within the legal cap in force today (a cap of
  // 4 × LPR may have fallen below the rate the loan was made at).
  if (cap)
    assertRateWithinCap(
      ask.maxInstalment !== undefined ? 'maxInstalment' : 'instalments',
      'the new schedule at the contract rate',
      loan.contract.apr,
      cap,
    );
  let instalments = ask.instalments;
  if (instalments === undefined) {
    const target = ask.maxInstalment;
    if (target === undefined || target <= 0n)
      throw AppError.invalid(
        'instalments',
        'required',
        'give instalments (how many) or maxInstalment (how much)',
      );
    for (let candidate = left + 1; candidate <= rules.rescheduleMaxInstalments; candidate += 1) {
      if (firstPaymentOver(loan, candidate) <= target) {
        instalments = candidate;
        break;
      }
    }
    if (instalments === undefined)
      throw AppError.invalid(
        'maxInstalment',
        'reachable',
        `even over ${rules.rescheduleMaxInstalments} instalments (the most the rules allow) the instalment is ` +
          `${toDecimalString(firstPaymentOver(loan, rules.rescheduleMaxInstalments))}, above ${toDecimalString(target)}`,
      );
  }
  if (!Number.isSafeInteger(instalments) || instalments <= left)
    throw AppError.invalid(
      'instalments',
      'longer-than-now',
      `${left} instalments are left; a reschedule spreads the principal over more of them`,
    );
  if (instalments > rules.rescheduleMaxInstalments)
    throw AppError.invalid(
      'instalments',
      'max-instalments',
      `at most ${rules.rescheduleMaxInstalments} instalments after a reschedule`,
    );
  return { tool: 'reschedule', instalments };
}

function checkReAge(loan: LoanToday, rules: HardshipRules): HardshipChange {
  if (daysPastDue(loan.state, loan.today) === 0)
    throw AppError.invalid('tool', 'overdue', 'nothing of this loan is overdue: there is nothing to re-age');
  if (instalmentsLeft(loan) === 0)
    throw AppError.invalid(
      'tool',
      'instalments-left',
      'every instalment has fallen due: nothing is left to spread the overdue amount over',
    );
  const paid = consecutivePaid(loan.state);
  if (paid < rules.reAgeMinConsecutivePaid)
    throw AppError.invalid(
      'tool',
      'min-consecutive-paid',
      `a re-age needs ${rules.reAgeMinConsecutivePaid} instalments in a row paid in full; this loan has ${paid}`,
    );
  checkOncePerPeriod(loan, 're-age', rules.reAgeOncePerMonths, 'tool', 'this loan had a re-age');
  return { tool: 're-age' };
}

function checkHoliday(
  loan: LoanToday,
  ask: Extract<HardshipAsk, { tool: 'holiday' }>,
  rules: HardshipRules,
): HardshipChange {
  if (
    !Number.isSafeInteger(ask.instalments) ||
    ask.instalments < 1 ||
    ask.instalments > rules.holidayMaxInstalments
  )
    throw AppError.invalid(
      'instalments',
      'max-instalments',
      `a payment holiday skips from 1 to ${rules.holidayMaxInstalments} instalments`,
    );
  const dpd = daysPastDue(loan.state, loan.today);
  if (dpd > 0)
    throw AppError.invalid(
      'tool',
      'current',
      `the loan is ${dpd} days overdue; a holiday is for a loan that is current (re-age it first)`,
    );
  if (instalmentsLeft(loan) === 0)
    throw AppError.invalid('instalments', 'instalments-left', 'every instalment of this loan has fallen due');
  checkOncePerPeriod(loan, 'holiday', rules.holidayOncePerMonths, 'tool', 'this loan had a holiday');
  return { tool: 'holiday', instalments: ask.instalments };
}

function checkWaiver(loan: LoanToday, ask: Extract<HardshipAsk, { tool: 'waiver' }>): HardshipChange {
  const owed = outstandingOf(loan.state);
  for (const [field, asked, within] of [
    ['interest', ask.interest, owed.interest],
    ['penalty', ask.penalty, owed.penalty],
    // A cash loan's only fee is taken at drawdown: no fee is ever owed.
    ['fees', ask.fees, ZERO],
  ] as const) {
    if (asked < 0n) throw AppError.invalid(field, 'not-negative', `${field} cannot be negative`);
    if (asked > within)
      throw AppError.invalid(
        field,
        'within-owed',
        `${toDecimalString(within)} of ${field === 'penalty' ? 'penalty interest' : field} is owed today; ` +
          `${toDecimalString(asked)} cannot be waived`,
      );
  }
  if (ask.interest === 0n && ask.penalty === 0n)
    throw AppError.invalid('interest', 'positive', 'a waiver waives some interest or penalty interest');
  return { tool: 'waiver', interest: ask.interest, penalty: ask.penalty };
}

/** What settles the loan today: everything owed less what is held for the customer. */
export function owedToday(state: LoanState): Money {
  const owed = outstandingOf(state);
  return positivePart(subMoney(sumMoney([owed.principal, owed.interest, owed.penalty]), owed.overpayment));
}

function checkSettlement(loan: LoanToday, ask: Extract<HardshipAsk, { tool: 'settlement' }>): HardshipChange {
  const owed = owedToday(loan.state);
  if (ask.amount <= 0n) throw AppError.invalid('amount', 'positive', 'the customer pays something to settle');
  if (ask.amount >= owed)
    throw AppError.invalid(
      'amount',
      'less-than-owed',
      `${toDecimalString(owed)} settles the loan in full today; a settlement is for less (use a repayment)`,
    );
  return { tool: 'settlement', amount: ask.amount };
}

/**
 * Checks a request against the loan on `today` and the rules, and says what it does: refused with the field
 * and the rule (422) when it may not — a closed or written-off loan (`loanId` / `active-loan`), a waiver
 * above what is owed (`interest` | `penalty` | `fees` / `within-owed`), a reschedule above the legal cap
 * (`instalments` / `legal-cap`), and the rules of each tool.
 */
export function planHardship(
  loan: LoanToday,
  ask: HardshipAsk,
  rules: HardshipRules,
  cap: CostCap | undefined,
  requestId: string,
): HardshipPlan {
  active(loan);
  const change =
    ask.tool === 'reschedule'
      ? checkReschedule(loan, ask, rules, cap)
      : ask.tool === 're-age'
        ? checkReAge(loan, rules)
        : ask.tool === 'holiday'
          ? checkHoliday(loan, ask, rules)
          : ask.tool === 'waiver'
            ? checkWaiver(loan, ask)
            : checkSettlement(loan, ask);
  const event: LoanEvent = {
    seq: Math.max(0, ...loan.events.map((e) => e.seq)) + 1,
    kind: 'hardship',
    effectiveDate: loan.today,
    requestId,
    change,
  };
  const { state: stateAfter } = receiveEvent(loan.contract, loan.state, loan.events, event);
  const before = instalmentViews(loan.contract, loan.state, loan.today);
  const after = instalmentViews(loan.contract, stateAfter, loan.today);
  return {
    change,
    moneyEffect: moneyEffectOf(loan, change, stateAfter, before, after),
    before,
    after,
    stateAfter,
  };
}

function moneyEffectOf(
  loan: LoanToday,
  change: HardshipChange,
  after: LoanState,
  viewsBefore: readonly InstalmentView[],
  viewsAfter: readonly InstalmentView[],
): Money {
  const c0 = loan.state.counters;
  const c1 = after.counters;
  switch (change.tool) {
    case 'waiver':
      return sumMoney([change.interest, change.penalty]);
    case 'settlement':
      return subMoney(
        sumMoney([c1.principalWrittenOff, c1.interestWrittenOff, c1.penaltyWrittenOff]),
        sumMoney([c0.principalWrittenOff, c0.interestWrittenOff, c0.penaltyWrittenOff]),
      );
    case 're-age':
      return sumMoney(viewsBefore.filter((view) => view.status === 'overdue').map((view) => view.owed));
    case 'holiday': {
      const skipped = viewsAfter.filter((view) => view.status === 'upcoming' && view.principal === 0n);
      const dates = new Set(skipped.map((view) => view.dueDate));
      return sumMoney(
        viewsBefore
          .filter((view) => view.status === 'upcoming' && dates.has(view.dueDate))
          .map((view) => view.owed),
      );
    }
    case 'reschedule':
      return loan.state.unbilledPrincipal;
  }
}

/** The first instalment still to pay and the last due date, as the customer's message says them. */
export function scheduleSummary(views: readonly InstalmentView[]): {
  readonly next: InstalmentView | undefined;
  readonly lastDueDate: LocalDate | undefined;
  readonly instalmentsLeft: number;
} {
  const upcoming = views.filter((view) => view.status === 'upcoming' && view.owed > 0n);
  return {
    next: upcoming[0],
    lastDueDate: upcoming[upcoming.length - 1]?.dueDate,
    instalmentsLeft: upcoming.length,
  };
}
