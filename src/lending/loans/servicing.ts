import { AppError } from '../../platform/errors/app-error.ts';
import {
  addMoney,
  minMoney,
  positivePart,
  roundToFen,
  subMoney,
  sumMoney,
  toDecimalString,
  ZERO,
  type Money,
} from '../../platform/money/money.ts';
import { addDays, daysBetween, type LocalDate } from '../../platform/time/local-date.ts';
import type { LoanContract, RepaymentComponent } from './loan-contract.ts';
import {
  cloneState,
  compareEvents,
  freeHeldOf,
  reservedOf,
  outstandingOf,
  standingEvents,
  zeroCounters,
  type Instalment,
  type LoanCounters,
  type AmendedSchedule,
  type HardshipChange,
  type LoanEvent,
  type LoanState,
  type RepaymentIntent,
} from './loan-state.ts';
import { amortise, dueDatesFor } from './schedule.ts';
import { DEFAULT_COST_CAP } from '../shared/cost-cap.ts';
import { reversiblePayment } from '../shared/reversals.ts';

/**
 * Loan servicing as pure functions of (contract, state, date, events): the same core runs the day-end
 * batch, the repayment commands, the replay of back-dated events and the in-memory simulation.
 *
 * The business day D of a loan ("day step") runs in this order:
 * 1. interest for day D on the principal not yet billed (APR/365 a day on the daily basis; on the monthly
 *    basis APR/12 spread evenly over the period's days, so a whole period accrues exactly APR/12);
 * 2. penalty interest for day D on billed principal whose due date is before D (from the day after the due
 *    date), at the penalty multiple × APR/365, clamped to the contract's all-in cost cap / 365;
 * 3. if D is a due date, the instalment is billed: its planned principal (the last takes all that is left)
 *    and the interest accrued over its period; money held for the customer is used on it at once;
 * 4. write-off once days past due exceed the product's limit; closing once nothing is owed.
 * Events dated D (repayments, a manual write-off, payouts) come after the day step of D, in arrival order. So a
 * payoff quote for D includes interest for day D, and paying it on D leaves nothing owed.
 *
 * Exact amounts accumulate as fractions and are rounded half up cumulatively (per period for interest,
 * per instalment for penalty): the books are always the rounded exact figure, never a sum of roundings.
 */

/**
 * The loan's schedule as it stands: the contract's, or as hardship amended it (`state.schedule`: a
 * reschedule or a holiday changed the due dates; a holiday's periods are skipped). Every use of the due
 * dates and the term in servicing goes through this.
 */
export interface ScheduleTerms {
  readonly term: number;
  readonly dueDates: readonly LocalDate[];
  readonly skipped: ReadonlySet<number>;
}

export function scheduleOf(contract: LoanContract, state: LoanState): ScheduleTerms {
  if (!state.schedule) return { term: contract.term, dueDates: contract.dueDates, skipped: new Set() };
  return {
    term: state.schedule.dueDates.length,
    dueDates: state.schedule.dueDates,
    skipped: new Set(state.schedule.skipped),
  };
}

/** The contract with the schedule as it stands (term and due dates amended by hardship). */
export function termsOf(contract: LoanContract, state: LoanState): LoanContract {
  if (!state.schedule) return contract;
  return { ...contract, term: state.schedule.dueDates.length, dueDates: state.schedule.dueDates };
}

/** The periods from `from` to the end that bill principal (not skipped by a holiday). */
export function billablePeriods(schedule: ScheduleTerms, from: number): number[] {
  const periods: number[] = [];
  for (let period = from; period <= schedule.term; period += 1)
    if (!schedule.skipped.has(period)) periods.push(period);
  return periods;
}

/**
 * The part of a carried pool (hardship) an instalment bills when `left` instalments (this one included) are
 * left to bill: ⌊pool ÷ left⌋, rounded down; the last takes all that is left, so the parts sum to the pool.
 */
export function carriedShare(pool: Money, left: bigint): Money {
  return left <= 1n ? pool : roundToFen(pool, left, 'down');
}

/** The denominator of the current period's exact interest. */
function periodDenominator(contract: LoanContract, period: number): bigint {
  if (contract.basis === 'daily') return 365n * contract.apr.den;
  const start = period === 1 ? contract.startDate : (contract.dueDates[period - 2] as LocalDate);
  const end = contract.dueDates[period - 1] as LocalDate;
  return 12n * contract.apr.den * BigInt(daysBetween(start, end));
}

function penaltyDenominator(contract: LoanContract): bigint {
  return 365n * contract.apr.den * contract.penaltyMultiple.den;
}

function penaltyNumerator(contract: LoanContract): bigint {
  return contract.apr.num * contract.penaltyMultiple.num;
}

/**
 * An instalment's penalty from its exact accumulator (Σ overdue principal × multiple × APR over the days
 * overdue): half up at multiple × APR / 365 as always, but never above the same principal-days at the cap
 * (rounded down), so contract + penalty on overdue principal stays within the cap (contract interest has
 * stopped on billed principal). Below the cap the figure is what it always was, except within a fen of it,
 * where the half-up figure would be above the cap and the cap's figure (down) is charged.
 */
function penaltyOf(contract: LoanContract, penaltyExact: bigint, penaltyNum: bigint): Money {
  const asked = roundToFen(penaltyExact, penaltyDenominator(contract), 'halfUp');
  if (penaltyNum === 0n) return asked;
  const cap = contract.costCap ?? DEFAULT_COST_CAP;
  const principalDays = penaltyExact / penaltyNum;
  return minMoney(asked, roundToFen(principalDays * cap.num, 365n * cap.den, 'down'));
}

/** The state of a loan on its drawdown date, before any day step. */
export function initialState(contract: LoanContract): LoanState {
  const plan = amortise({
    principal: contract.principal,
    apr: contract.apr,
    method: contract.method,
    basis: contract.basis,
    periodStart: contract.startDate,
    dueDates: contract.dueDates,
  }).map((line) => line.principal);
  const counters = zeroCounters();
  counters.disbursed = contract.principal;
  counters.upfrontFee = contract.upfrontFee;
  return {
    processedThrough: contract.startDate,
    status: 'active',
    nextPeriod: 1,
    unbilledPrincipal: contract.principal,
    principalPlan: plan,
    periodExact: 0n,
    periodPosted: ZERO,
    periodPaid: ZERO,
    instalments: [],
    counters,
    closedOn: null,
    writtenOffOn: null,
    carriedInterest: ZERO,
    carriedPenalty: ZERO,
  };
}

function isSettled(instalment: Instalment): boolean {
  return (
    instalment.principalPaid === instalment.principal &&
    instalment.interestPaid === instalment.interest &&
    instalment.penaltyPaid === instalment.penalty
  );
}

/** Days past due on `date`: since the oldest due date with anything unpaid (0 when none is overdue). */
export function daysPastDue(state: LoanState, date: LocalDate): number {
  if (state.status !== 'active') return 0;
  for (const instalment of state.instalments) {
    if (instalment.settledOn !== null) continue;
    return instalment.dueDate < date ? daysBetween(instalment.dueDate, date) : 0;
  }
  return 0;
}

export const BUCKETS = ['M0', 'M1', 'M2', 'M3+'] as const;
export type Bucket = (typeof BUCKETS)[number];

/** M0 current; M1 up to the first bound (30); M2 up to the second (60); M3+ beyond. */
export function bucketOf(dpd: number, bounds: readonly [number, number]): Bucket {
  if (dpd <= 0) return 'M0';
  if (dpd <= bounds[0]) return 'M1';
  if (dpd <= bounds[1]) return 'M2';
  return 'M3+';
}

/** Pays `amount` of one component of one instalment; returns what is left of the amount. */
function payComponent(
  state: LoanState,
  instalment: Instalment,
  component: RepaymentComponent,
  amount: Money,
): Money {
  if (amount === 0n) return ZERO;
  const c = state.counters;
  if (component === 'principal') {
    const pay = minMoney(amount, subMoney(instalment.principal, instalment.principalPaid));
    instalment.principalPaid = addMoney(instalment.principalPaid, pay);
    c.principalRepaid = addMoney(c.principalRepaid, pay);
    return subMoney(amount, pay);
  }
  if (component === 'interest') {
    const pay = minMoney(amount, subMoney(instalment.interest, instalment.interestPaid));
    instalment.interestPaid = addMoney(instalment.interestPaid, pay);
    c.interestRepaid = addMoney(c.interestRepaid, pay);
    return subMoney(amount, pay);
  }
  const pay = minMoney(amount, subMoney(instalment.penalty, instalment.penaltyPaid));
  instalment.penaltyPaid = addMoney(instalment.penaltyPaid, pay);
  c.penaltyRepaid = addMoney(c.penaltyRepaid, pay);
  return subMoney(amount, pay);
}

/** Pays billed instalments by the contract's allocation policy; returns what is left of `amount`. */
function payDues(contract: LoanContract, state: LoanState, amount: Money, date: LocalDate): Money {
  let left = amount;
  const open = state.instalments.filter((instalment) => instalment.settledOn === null);
  if (open.length === 0 || left === 0n) return left;
  const { order, mode } = contract.allocation;
  if (mode === 'by-component') {
    for (const component of order) {
      for (const instalment of open) left = payComponent(state, instalment, component, left);
    }
  } else {
    for (const instalment of open) {
      for (const component of order) left = payComponent(state, instalment, component, left);
    }
  }
  for (const instalment of open) if (isSettled(instalment)) instalment.settledOn = date;
  return left;
}

/**
 * Re-plans the principal of the periods not yet billed (after principal was repaid early, or the schedule
 * changed by hardship): the principal not yet billed amortised at the contract rate over the periods that
 * bill principal, from the due date before the first of them; skipped periods (a holiday) plan none.
 */
export function replan(contract: LoanContract, state: LoanState): void {
  const schedule = scheduleOf(contract, state);
  const first = state.nextPeriod;
  // A schedule only grows (a reschedule or a holiday adds periods); the plan follows it.
  while (state.principalPlan.length < schedule.term) state.principalPlan.push(ZERO);
  for (let period = first; period <= schedule.term; period += 1) state.principalPlan[period - 1] = ZERO;
  const billable = billablePeriods(schedule, first);
  const head = billable[0];
  if (head === undefined || state.unbilledPrincipal === 0n) return;
  const lines = amortise({
    principal: state.unbilledPrincipal,
    apr: contract.apr,
    method: contract.method,
    basis: contract.basis,
    periodStart: head === 1 ? contract.startDate : (schedule.dueDates[head - 2] as LocalDate),
    dueDates: billable.map((period) => schedule.dueDates[period - 1] as LocalDate),
  });
  lines.forEach((line, index) => {
    state.principalPlan[(billable[index] as number) - 1] = line.principal;
  });
}

/**
 * Pays early: the current period's accrued interest, then interest and penalty carried to later instalments
 * (hardship), then principal not yet billed. Returns what is left.
 */
function payEarly(contract: LoanContract, state: LoanState, amount: Money): Money {
  let left = amount;
  const interest = minMoney(left, subMoney(state.periodPosted, state.periodPaid));
  state.periodPaid = addMoney(state.periodPaid, interest);
  state.counters.interestRepaid = addMoney(state.counters.interestRepaid, interest);
  left = subMoney(left, interest);
  const carriedInterest = minMoney(left, state.carriedInterest);
  state.carriedInterest = subMoney(state.carriedInterest, carriedInterest);
  state.counters.interestRepaid = addMoney(state.counters.interestRepaid, carriedInterest);
  left = subMoney(left, carriedInterest);
  const carriedPenalty = minMoney(left, state.carriedPenalty);
  state.carriedPenalty = subMoney(state.carriedPenalty, carriedPenalty);
  state.counters.penaltyRepaid = addMoney(state.counters.penaltyRepaid, carriedPenalty);
  left = subMoney(left, carriedPenalty);
  const principal = minMoney(left, state.unbilledPrincipal);
  if (principal > 0n) {
    state.unbilledPrincipal = subMoney(state.unbilledPrincipal, principal);
    state.counters.principalRepaid = addMoney(state.counters.principalRepaid, principal);
    left = subMoney(left, principal);
    replan(contract, state);
  }
  return left;
}

/** Uses money held for the customer on what is owed (`dues`, or also early with `prepay`). */
function useHeldMoney(
  contract: LoanContract,
  state: LoanState,
  date: LocalDate,
  how: 'dues' | 'prepay',
): void {
  const c = state.counters;
  // Money reserved for a pay-out the provider has not answered is not used: it may be on its way out.
  const held = freeHeldOf(state);
  if (held <= 0n) return;
  let left = payDues(contract, state, held, date);
  if (how === 'prepay') left = payEarly(contract, state, left);
  c.overpaymentApplied = addMoney(c.overpaymentApplied, subMoney(held, left));
}

function maybeClose(state: LoanState, date: LocalDate): void {
  if (
    state.status !== 'active' ||
    state.unbilledPrincipal !== 0n ||
    state.periodPosted !== state.periodPaid ||
    state.carriedInterest !== 0n ||
    state.carriedPenalty !== 0n
  ) {
    return;
  }
  for (const instalment of state.instalments) if (instalment.settledOn === null) return;
  state.status = 'closed';
  state.closedOn = date;
}

function writeOff(state: LoanState, date: LocalDate): void {
  const c = state.counters;
  const owed = outstandingOf(state);
  c.principalWrittenOff = addMoney(c.principalWrittenOff, owed.principal);
  c.interestWrittenOff = addMoney(c.interestWrittenOff, owed.interest);
  c.penaltyWrittenOff = addMoney(c.penaltyWrittenOff, owed.penalty);
  state.status = 'written_off';
  state.writtenOffOn = date;
}

/**
 * The day step of `date` (which must be the day after `processedThrough`), in place. Callers use
 * `advance`, which clones first.
 */
function stepDay(original: LoanContract, state: LoanState, date: LocalDate): void {
  state.processedThrough = date;
  if (state.status !== 'active') return;
  const contract = termsOf(original, state);
  const c = state.counters;
  const period = state.nextPeriod;
  if (period <= contract.term && state.unbilledPrincipal > 0n) {
    state.periodExact += state.unbilledPrincipal * contract.apr.num;
    const posted = roundToFen(state.periodExact, periodDenominator(contract, period), 'halfUp');
    c.interestAccrued = addMoney(c.interestAccrued, subMoney(posted, state.periodPosted));
    state.periodPosted = posted;
  }
  let penaltyNum = -1n;
  for (const instalment of state.instalments) {
    if (instalment.settledOn !== null || instalment.dueDate >= date) continue;
    const overdue = instalment.principal - instalment.principalPaid;
    if (overdue === 0n) continue;
    if (penaltyNum < 0n) penaltyNum = penaltyNumerator(contract);
    instalment.penaltyExact += overdue * penaltyNum;
    const penalty = addMoney(
      instalment.penaltyCarried ?? ZERO,
      penaltyOf(contract, instalment.penaltyExact, penaltyNum),
    );
    c.penaltyAccrued = addMoney(c.penaltyAccrued, subMoney(penalty, instalment.penalty));
    instalment.penalty = penalty;
  }
  if (period <= contract.term && contract.dueDates[period - 1] === date) {
    const skipped = state.schedule?.skipped.includes(period) === true;
    const planned = skipped ? ZERO : (state.principalPlan[period - 1] ?? ZERO);
    const principal =
      period === contract.term ? state.unbilledPrincipal : minMoney(planned, state.unbilledPrincipal);
    let interest = state.periodPosted;
    let penaltyCarried = ZERO;
    if (skipped) {
      // A holiday: nothing falls due; the period's interest is deferred to the instalments after it.
      state.carriedInterest = addMoney(state.carriedInterest, subMoney(state.periodPosted, state.periodPaid));
      interest = state.periodPaid;
    } else if (state.carriedInterest > 0n || state.carriedPenalty > 0n) {
      const left = BigInt(billablePeriods(scheduleOf(original, state), period).length);
      const interestShare = carriedShare(state.carriedInterest, left);
      const penaltyShare = carriedShare(state.carriedPenalty, left);
      state.carriedInterest = subMoney(state.carriedInterest, interestShare);
      state.carriedPenalty = subMoney(state.carriedPenalty, penaltyShare);
      interest = addMoney(interest, interestShare);
      penaltyCarried = penaltyShare;
    }
    const instalment: Instalment = {
      period,
      dueDate: date,
      principal,
      interest,
      principalPaid: ZERO,
      interestPaid: state.periodPaid,
      penaltyExact: 0n,
      penalty: penaltyCarried,
      penaltyPaid: ZERO,
      settledOn: null,
      ...(penaltyCarried > 0n ? { penaltyCarried } : {}),
    };
    if (isSettled(instalment)) instalment.settledOn = date;
    state.instalments.push(instalment);
    state.unbilledPrincipal = subMoney(state.unbilledPrincipal, principal);
    state.periodExact = 0n;
    state.periodPosted = ZERO;
    state.periodPaid = ZERO;
    state.nextPeriod = period + 1;
    useHeldMoney(contract, state, date, 'dues');
  }
  if (contract.writeOffAfterDpd !== null && daysPastDue(state, date) > contract.writeOffAfterDpd) {
    writeOff(state, date);
    return;
  }
  maybeClose(state, date);
}

/** One booked change: the counters before and after, as the journal of a day or of an event. */
export interface BookedChange {
  readonly cause: 'day-end' | 'repayment' | 'write-off' | 'payout' | 'restatement' | 'hardship';
  readonly effectiveDate: LocalDate;
  /** The event's arrival number for repayments, write-offs and payouts. */
  readonly seq?: number;
  readonly before: LoanCounters;
  readonly after: LoanCounters;
}

/**
 * Runs the day steps after `processedThrough` up to and including `through`, on a copy. Returns the new
 * state and one change per day whose books moved (a day with nothing to accrue books nothing).
 */
export function advance(
  contract: LoanContract,
  state: LoanState,
  through: LocalDate,
): { state: LoanState; changes: BookedChange[] } {
  const next = cloneState(state);
  const changes: BookedChange[] = [];
  if (next.status !== 'active') {
    // A closed or written-off loan has no days of its own; only an event moves its date on.
    if (through > next.processedThrough) next.processedThrough = through;
    return { state: next, changes };
  }
  for (let date = addDays(next.processedThrough, 1); date <= through; date = addDays(date, 1)) {
    const before = { ...next.counters };
    stepDay(contract, next, date);
    if (countersDiffer(before, next.counters)) {
      changes.push({ cause: 'day-end', effectiveDate: date, before, after: { ...next.counters } });
    }
    // The watermark of a loan that closed or was written off stays on that day.
    if (next.status !== 'active') break;
  }
  return { state: next, changes };
}

export function countersDiffer(a: LoanCounters, b: LoanCounters): boolean {
  for (const key of Object.keys(a) as (keyof LoanCounters)[]) if (a[key] !== b[key]) return true;
  return false;
}

function applyRepayment(
  contract: LoanContract,
  state: LoanState,
  amount: Money,
  intent: RepaymentIntent,
  date: LocalDate,
): void {
  const c = state.counters;
  c.cashReceived = addMoney(c.cashReceived, amount);
  if (state.status === 'written_off') {
    const recoverable = outstandingOf(state).writtenOff;
    const recovered = minMoney(amount, recoverable);
    c.recovered = addMoney(c.recovered, recovered);
    c.overpaid = addMoney(c.overpaid, subMoney(amount, recovered));
    return;
  }
  if (state.status === 'closed') {
    c.overpaid = addMoney(c.overpaid, amount);
    return;
  }
  if (intent === 'prepayment') useHeldMoney(contract, state, date, 'prepay');
  let left = payDues(contract, state, amount, date);
  if (intent === 'prepayment') left = payEarly(contract, state, left);
  c.overpaid = addMoney(c.overpaid, left);
  // Money held that now covers everything owed pays the loan off rather than waiting for due dates.
  const owed = outstandingOf(state);
  if (owed.overpayment > 0n && owed.overpayment >= owed.principal + owed.interest + owed.penalty) {
    useHeldMoney(contract, state, date, 'prepay');
  }
  maybeClose(state, date);
}

/**
 * A payout asked for more than was held for the customer at its point in the books. Raised by the pure
 * core; `receiveEvent` turns it into the caller's error (the payout's amount, or the value date of an
 * event whose restatement would use money already paid out).
 */
export class HeldShortfall extends Error {
  constructor(
    readonly payoutDate: LocalDate,
    readonly requested: Money,
    readonly held: Money,
  ) {
    super(`a payout of ${requested} fen on ${payoutDate} exceeds the ${held} fen held`);
  }
}

/**
 * Pays held money back to the customer: from a pay-out's reservation (`payoutId`, never more than is
 * reserved), else from money held and not reserved.
 */
function applyPayout(state: LoanState, amount: Money, date: LocalDate, payoutId?: string): void {
  const c = state.counters;
  const from = payoutId === undefined ? freeHeldOf(state) : reservedOf(state);
  if (amount <= 0n || amount > from) throw new HeldShortfall(date, amount, from);
  if (payoutId !== undefined) setReserved(state, subMoney(reservedOf(state), amount));
  c.heldPaidOut = addMoney(c.heldPaidOut, amount);
}

/** Sets held money aside for a pay-out (never more than is free), or gives a reservation back. */
function applyReservation(
  state: LoanState,
  kind: 'reserve' | 'release',
  amount: Money,
  date: LocalDate,
): void {
  if (kind === 'reserve') {
    const free = freeHeldOf(state);
    if (amount <= 0n || amount > free) throw new HeldShortfall(date, amount, free);
    setReserved(state, addMoney(reservedOf(state), amount));
    return;
  }
  const reserved = reservedOf(state);
  if (amount <= 0n || amount > reserved) throw new HeldShortfall(date, amount, reserved);
  setReserved(state, subMoney(reserved, amount));
}

/** None reserved is no field at all, so a state and its stored copy compare equal. */
function setReserved(state: LoanState, amount: Money): void {
  if (amount === 0n) delete state.reserved;
  else state.reserved = amount;
}

/**
 * Waives up to `amount` of one component (interest or penalty) owed: billed instalments oldest first, then
 * what is carried to later instalments, then (interest) the current period's accrual. Returns what was
 * waived — never more than is owed at that point (a back-dated payment may have left less to waive).
 */
function waive(state: LoanState, component: 'interest' | 'penalty', amount: Money, date: LocalDate): Money {
  let left = amount;
  for (const instalment of state.instalments) {
    if (instalment.settledOn !== null || left === 0n) continue;
    if (component === 'interest') {
      const take = minMoney(left, subMoney(instalment.interest, instalment.interestPaid));
      instalment.interestPaid = addMoney(instalment.interestPaid, take);
      left = subMoney(left, take);
    } else {
      const take = minMoney(left, subMoney(instalment.penalty, instalment.penaltyPaid));
      instalment.penaltyPaid = addMoney(instalment.penaltyPaid, take);
      left = subMoney(left, take);
    }
    if (isSettled(instalment)) instalment.settledOn = date;
  }
  if (component === 'interest') {
    const carried = minMoney(left, state.carriedInterest);
    state.carriedInterest = subMoney(state.carriedInterest, carried);
    left = subMoney(left, carried);
    const current = minMoney(left, subMoney(state.periodPosted, state.periodPaid));
    state.periodPaid = addMoney(state.periodPaid, current);
    left = subMoney(left, current);
  } else {
    const carried = minMoney(left, state.carriedPenalty);
    state.carriedPenalty = subMoney(state.carriedPenalty, carried);
    left = subMoney(left, carried);
  }
  return subMoney(amount, left);
}

/**
 * Re-age: every instalment overdue on `date` is brought current — what is unpaid of its principal goes
 * back to the principal not yet billed (re-planned over the instalments left, bearing the contract rate
 * again), its unpaid interest and penalty are carried to the instalments left (billed in parts, no
 * interest on them). With no instalment left to bill, nothing moves.
 */
function reAge(contract: LoanContract, state: LoanState, date: LocalDate): void {
  if (billablePeriods(scheduleOf(contract, state), state.nextPeriod).length === 0) return;
  state.instalments = state.instalments.map((instalment) => {
    if (instalment.settledOn !== null || instalment.dueDate >= date) return instalment;
    state.unbilledPrincipal = addMoney(
      state.unbilledPrincipal,
      subMoney(instalment.principal, instalment.principalPaid),
    );
    state.carriedInterest = addMoney(
      state.carriedInterest,
      subMoney(instalment.interest, instalment.interestPaid),
    );
    state.carriedPenalty = addMoney(
      state.carriedPenalty,
      subMoney(instalment.penalty, instalment.penaltyPaid),
    );
    return {
      ...instalment,
      principal: instalment.principalPaid,
      interest: instalment.interestPaid,
      penalty: instalment.penaltyPaid,
      settledOn: date,
      reagedOn: date,
    };
  });
  replan(contract, state);
}

/** Due dates of a schedule of `term` periods: the contract's day of month, from its start (a prefix stays). */
function amendedSchedule(contract: LoanContract, term: number, skipped: readonly number[]): AmendedSchedule {
  return { dueDates: dueDatesFor(contract.startDate, term), skipped: [...skipped].sort((a, b) => a - b) };
}

/**
 * A hardship change on `date` (after the day step), in place; an active loan only (on a loan a back-dated
 * payment closed before it, it changes nothing).
 */
function applyHardship(
  contract: LoanContract,
  state: LoanState,
  change: HardshipChange,
  date: LocalDate,
): void {
  if (state.status !== 'active') return;
  const c = state.counters;
  const schedule = scheduleOf(contract, state);
  const billed = state.nextPeriod - 1;
  const futureSkipped = [...schedule.skipped].filter((period) => period > billed);
  // Re-timing needs an instalment still to fall due (a due date before today would never be billed).
  const retimes = change.tool === 'reschedule' || change.tool === 'holiday';
  if (retimes && billablePeriods(schedule, state.nextPeriod).length === 0) return;
  switch (change.tool) {
    case 'reschedule': {
      // The instalments still to pay become `instalments`, from the next due date (after any holiday).
      const term = billed + futureSkipped.length + change.instalments;
      if (change.instalments < 1 || term <= schedule.term) return;
      state.schedule = amendedSchedule(contract, term, [...schedule.skipped]);
      replan(contract, state);
      return;
    }
    case 'holiday': {
      // The next `instalments` periods that would bill are skipped; the schedule grows by as many months.
      const next = billablePeriods(schedule, state.nextPeriod).slice(0, change.instalments);
      if (next.length === 0) return;
      state.schedule = amendedSchedule(contract, schedule.term + next.length, [...schedule.skipped, ...next]);
      replan(contract, state);
      return;
    }
    case 're-age':
      reAge(contract, state, date);
      maybeClose(state, date);
      return;
    case 'waiver': {
      const interest = waive(state, 'interest', change.interest, date);
      const penalty = waive(state, 'penalty', change.penalty, date);
      c.interestWaived = addMoney(c.interestWaived, interest);
      c.penaltyWaived = addMoney(c.penaltyWaived, penalty);
      maybeClose(state, date);
      return;
    }
    case 'settlement': {
      applyRepayment(contract, state, change.amount, 'prepayment', date);
      if (state.status !== 'active') return;
      // The rest of what is owed is written off, and the loan is closed as settled (not written off: money
      // received later is held for the customer, not a recovery).
      writeOff(state, date);
      state.status = 'closed';
      state.writtenOffOn = null;
      state.closedOn = date;
      state.settledOn = date;
      return;
    }
  }
}

/** Applies one event to a state that has had the day step of the event's date, in place. */
function applyEventInPlace(contract: LoanContract, state: LoanState, event: LoanEvent): void {
  if (event.kind === 'repayment') {
    applyRepayment(contract, state, event.amount, event.intent, event.effectiveDate);
  } else if (event.kind === 'payout') {
    applyPayout(state, event.amount, event.effectiveDate, event.payoutId);
  } else if (event.kind === 'reserve' || event.kind === 'release') {
    applyReservation(state, event.kind, event.amount, event.effectiveDate);
  } else if (event.kind === 'reversal') {
    // Moves nothing itself: the repayment it reverses is left out of the events the books are made of.
  } else if (event.kind === 'hardship') {
    applyHardship(contract, state, event.change, event.effectiveDate);
  } else if (state.status === 'active') {
    writeOff(state, event.effectiveDate);
  }
}

function causeOf(event: LoanEvent): BookedChange['cause'] {
  if (event.kind === 'reserve' || event.kind === 'release') return 'payout'; // moves nothing: no journal
  return event.kind === 'reversal' ? 'restatement' : event.kind;
}

/** The caller's error for a payout the books cannot make (see `HeldShortfall`). */
function shortfallError(event: LoanEvent, shortfall: HeldShortfall): AppError {
  const held = toDecimalString(shortfall.held);
  if (event.kind === 'release') {
    return AppError.invalid(
      'amount',
      'within-reserved',
      `only ${held} is reserved for pay-outs; ${toDecimalString(shortfall.requested)} cannot be released`,
    );
  }
  if (event.kind === 'payout' || event.kind === 'reserve') {
    return AppError.invalid(
      'amount',
      'within-held',
      shortfall.held === 0n
        ? `nothing is held for the customer on ${shortfall.payoutDate}`
        : `at most ${held} is held for the customer on ${shortfall.payoutDate}; ${toDecimalString(shortfall.requested)} was asked`,
    );
  }
  return AppError.invalid(
    'effectiveDate',
    'not-using-paid-out-money',
    `restating the books from ${event.effectiveDate} would use money held for the customer that was paid out on ` +
      `${shortfall.payoutDate} (${toDecimalString(shortfall.requested)} paid out, ${held} would be held)`,
  );
}

/**
 * The state after every event, from the drawdown, through `through`: day steps and events interleaved by
 * date, events of one date in arrival order. This is the definition of a loan's books; the incremental
 * paths (day-end, a repayment dated today) are this function computed one day at a time.
 */
export function replay(contract: LoanContract, events: readonly LoanEvent[], through: LocalDate): LoanState {
  const sorted = standingEvents(events).sort(compareEvents);
  const state = initialState(contract);
  let index = 0;
  while (index < sorted.length && (sorted[index] as LoanEvent).effectiveDate <= contract.startDate) {
    applyEventInPlace(contract, state, sorted[index] as LoanEvent);
    index += 1;
  }
  for (let date = addDays(contract.startDate, 1); date <= through; date = addDays(date, 1)) {
    stepDay(contract, state, date);
    while (index < sorted.length && (sorted[index] as LoanEvent).effectiveDate === date) {
      applyEventInPlace(contract, state, sorted[index] as LoanEvent);
      index += 1;
    }
    if (state.status !== 'active' && index >= sorted.length) break;
  }
  return state;
}

/**
 * Takes in a new event as it arrives. Dated after the loan's last processed day: the missing day steps run
 * first (booked as that day's day-end, so the batch will not book them again), then the event. Dated on
 * that day: applied directly. Dated earlier (back-dated), or due before an event already applied that day: the books are recomputed from the drawdown with
 * every event in date order (`replay`), and the difference is booked as one restatement — reversing what
 * no longer applies (penalty that would not have accrued) and adding what now does. Either way the result
 * equals `replay` of all events, so arrival order never changes the books. A reversal always restates: the
 * days up to its date are stepped first (booked as day-ends), then the books are replayed without the
 * repayment it reverses, and the difference is one restatement.
 */
export function receiveEvent(
  contract: LoanContract,
  state: LoanState,
  earlierEvents: readonly LoanEvent[],
  event: LoanEvent,
): { state: LoanState; changes: BookedChange[] } {
  if (event.effectiveDate < contract.startDate) {
    throw AppError.invalid('effectiveDate', 'not-before-drawdown', 'an event cannot predate the drawdown');
  }
  if (event.kind === 'reversal') return receiveReversal(contract, state, earlierEvents, event);
  // Same day as the last processed one, but due before an event already applied that day: restate.
  const outOfOrder =
    event.effectiveDate === state.processedThrough &&
    earlierEvents.some(
      (earlier) => earlier.effectiveDate === event.effectiveDate && compareEvents(event, earlier) < 0,
    );
  if (event.effectiveDate >= state.processedThrough && !outOfOrder) {
    const { state: advanced, changes } = advance(contract, state, event.effectiveDate);
    const before = { ...advanced.counters };
    try {
      applyEventInPlace(contract, advanced, event);
    } catch (error) {
      if (error instanceof HeldShortfall) throw shortfallError(event, error);
      throw error;
    }
    changes.push({
      cause: causeOf(event),
      effectiveDate: event.effectiveDate,
      seq: event.seq,
      before,
      after: { ...advanced.counters },
    });
    return { state: advanced, changes };
  }
  let restated: LoanState;
  try {
    restated = replay(contract, [...earlierEvents, event], state.processedThrough);
  } catch (error) {
    if (error instanceof HeldShortfall) throw shortfallError(event, error);
    throw error;
  }
  return {
    state: restated,
    changes: [
      {
        cause: 'restatement',
        effectiveDate: state.processedThrough,
        seq: event.seq,
        before: { ...state.counters },
        after: { ...restated.counters },
      },
    ],
  };
}

/** The repayment a reversal names, checked: it exists, is a repayment and is not reversed already. */
export function reversibleRepayment(
  earlierEvents: readonly LoanEvent[],
  reverses: number,
): Extract<LoanEvent, { kind: 'repayment' }> {
  return reversiblePayment(earlierEvents, reverses, {
    kind: 'repayment',
    rule: 'a-repayment',
    contract: 'loan',
  });
}

function receiveReversal(
  contract: LoanContract,
  state: LoanState,
  earlierEvents: readonly LoanEvent[],
  event: Extract<LoanEvent, { kind: 'reversal' }>,
): { state: LoanState; changes: BookedChange[] } {
  const target = reversibleRepayment(earlierEvents, event.reverses);
  if (event.effectiveDate < target.effectiveDate) {
    throw AppError.invalid(
      'effectiveDate',
      'not-before-the-repayment',
      `repayment ${target.seq} was received on ${target.effectiveDate}`,
    );
  }
  const { state: advanced, changes } = advance(contract, state, event.effectiveDate);
  let restated: LoanState;
  try {
    restated = replay(contract, [...earlierEvents, event], advanced.processedThrough);
  } catch (error) {
    if (error instanceof HeldShortfall) {
      throw AppError.invalid(
        'paymentSeq',
        'held-money-not-paid-out',
        `without repayment ${target.seq} the money paid back to the customer on ${error.payoutDate} ` +
          `(${toDecimalString(error.requested)}) was never held; recover it before reversing`,
      );
    }
    throw error;
  }
  changes.push({
    cause: 'restatement',
    effectiveDate: advanced.processedThrough,
    seq: event.seq,
    before: { ...advanced.counters },
    after: { ...restated.counters },
  });
  return { state: restated, changes };
}

/** What paying everything off on `date` takes, by component. */
export interface PayoffQuote {
  readonly date: LocalDate;
  readonly principal: Money;
  /** Interest billed and unpaid plus interest accrued up to and including `date`. */
  readonly interest: Money;
  readonly penalty: Money;
  /** Money held for the customer, used first. */
  readonly heldForCustomer: Money;
  /** What to pay with intent `prepayment` on `date` to owe nothing. */
  readonly total: Money;
}

/** The payoff quote for `date` (on or after the last processed day). */
export function payoffQuote(contract: LoanContract, state: LoanState, date: LocalDate): PayoffQuote {
  if (date < state.processedThrough) {
    throw AppError.invalid('date', 'not-in-the-past', `quotes start from ${state.processedThrough}`);
  }
  const { state: at } = advance(contract, state, date);
  const owed = outstandingOf(at);
  const writtenOff = at.status === 'written_off';
  const principal = writtenOff ? ZERO : owed.principal;
  const interest = writtenOff ? ZERO : owed.interest;
  const penalty = writtenOff ? ZERO : owed.penalty;
  const debt = sumMoney([principal, interest, penalty, writtenOff ? owed.writtenOff : ZERO]);
  return {
    date,
    principal,
    interest,
    penalty,
    heldForCustomer: owed.overpayment,
    total: positivePart(subMoney(debt, owed.overpayment)),
  };
}

/** One instalment as the customer sees it on a date. */
export interface InstalmentView {
  readonly period: number;
  readonly dueDate: LocalDate;
  readonly status: 'paid' | 'due' | 'overdue' | 'upcoming' | 'written-off';
  readonly principal: Money;
  /** Billed interest; for upcoming periods the interest projected on today's plan. */
  readonly interest: Money;
  readonly penalty: Money;
  readonly paid: Money;
  readonly owed: Money;
  readonly daysPastDue: number;
  readonly settledOn: LocalDate | null;
}

/** Every instalment — billed ones as they stand, later ones as currently planned — on `asOf`. */
export function instalmentViews(contract: LoanContract, state: LoanState, asOf: LocalDate): InstalmentView[] {
  const views: InstalmentView[] = state.instalments.map((instalment) => {
    const paid = sumMoney([instalment.principalPaid, instalment.interestPaid, instalment.penaltyPaid]);
    const due = sumMoney([instalment.principal, instalment.interest, instalment.penalty]);
    const dpd =
      instalment.settledOn === null && instalment.dueDate < asOf ? daysBetween(instalment.dueDate, asOf) : 0;
    const status: InstalmentView['status'] =
      state.status === 'written_off' && instalment.settledOn === null
        ? 'written-off'
        : instalment.settledOn !== null
          ? 'paid'
          : dpd > 0
            ? 'overdue'
            : 'due';
    return {
      period: instalment.period,
      dueDate: instalment.dueDate,
      status,
      principal: instalment.principal,
      interest: instalment.interest,
      penalty: instalment.penalty,
      paid,
      owed: subMoney(due, paid),
      daysPastDue: dpd,
      settledOn: instalment.settledOn,
    };
  });
  const schedule = scheduleOf(contract, state);
  const first = state.nextPeriod;
  if (state.status !== 'active' || first > schedule.term) return views;
  const billable = billablePeriods(schedule, first);
  const head = billable[0];
  const projected =
    head === undefined || state.unbilledPrincipal === 0n
      ? []
      : amortise({
          principal: state.unbilledPrincipal,
          apr: contract.apr,
          method: contract.method,
          basis: contract.basis,
          periodStart: head === 1 ? contract.startDate : (schedule.dueDates[head - 2] as LocalDate),
          dueDates: billable.map((period) => schedule.dueDates[period - 1] as LocalDate),
        });
  // Interest and penalty carried by hardship, in the parts the billing will take (⌊pool ÷ left⌋, last the rest).
  let carriedInterest = state.carriedInterest;
  let carriedPenalty = state.carriedPenalty;
  for (let period = first; period <= schedule.term; period += 1) {
    const dueDate = schedule.dueDates[period - 1] as LocalDate;
    const paid = period === first ? state.periodPaid : ZERO;
    const index = billable.indexOf(period);
    if (index < 0) {
      // A holiday: nothing falls due (the period's interest is carried to the instalments after it).
      views.push({
        period,
        dueDate,
        status: 'upcoming',
        principal: ZERO,
        interest: paid,
        penalty: ZERO,
        paid,
        owed: ZERO,
        daysPastDue: 0,
        settledOn: null,
      });
      continue;
    }
    const line = projected[index];
    if (!line && state.unbilledPrincipal === 0n && carriedInterest === 0n && carriedPenalty === 0n) continue;
    const left = BigInt(billable.length - index);
    const interestShare = carriedShare(carriedInterest, left);
    const penaltyShare = carriedShare(carriedPenalty, left);
    carriedInterest = subMoney(carriedInterest, interestShare);
    carriedPenalty = subMoney(carriedPenalty, penaltyShare);
    const principal = state.principalPlan[period - 1] ?? line?.principal ?? ZERO;
    // The current period's interest is what has accrued plus the projection for the days left.
    const interest = addMoney(line?.interest ?? ZERO, interestShare);
    views.push({
      period,
      dueDate,
      status: 'upcoming',
      principal,
      interest,
      penalty: penaltyShare,
      paid,
      owed: subMoney(sumMoney([principal, interest, penaltyShare]), paid),
      daysPastDue: 0,
      settledOn: null,
    });
  }
  return views;
}
