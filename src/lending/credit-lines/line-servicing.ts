import { AppError } from '../../platform/errors/app-error.ts';
import {
  addMoney,
  fen,
  maxMoney,
  minMoney,
  roundToFen,
  subMoney,
  sumMoney,
  toDecimalString,
  ZERO,
  type Money,
} from '../../platform/money/money.ts';
import { allocateEvenly } from '../../platform/money/allocate.ts';
import { applyRate, divideRate, type Rate } from '../../platform/money/rate.ts';
import { addDays, daysBetween, type LocalDate } from '../../platform/time/local-date.ts';
import { bucketOf, type Bucket } from '../loans/servicing.ts';
import { reversiblePayment, standingEvents } from '../shared/reversals.ts';
import { planFigures } from './instalment-conversion.ts';
import { lateFeeChargeable, nominalLateFee } from './line-late-fee.ts';
import {
  dueDateOf,
  firstStatementDateAfter,
  statementDateAfterCut,
  writeOffAfterDpdOf,
  type LineTerms,
  type WaterfallComponent,
} from './line-terms.ts';
import {
  cloneLineState,
  compareLineEvents,
  MAX_DUE_OUTCOMES,
  zeroCycle,
  zeroLineCounters,
  lastPeriodOf,
  type BilledStatement,
  type InstalmentBill,
  type InstalmentPlan,
  type LineCounters,
  type LineEvent,
  type LineHardshipChange,
  type LineState,
  type PlanCounters,
  type Posting,
} from './line-state.ts';

/**
 * Credit-line servicing as pure functions of (terms, state, date, events): the same core runs the
 * commands, the day-end batch and the replay of back-dated payments.
 *
 * The day step of business date D, in order (it happens at the start of D; events dated D come after it):
 * 1. if D is a statement date, the statement is cut: it bills the cycle [last statement date, D − 1] —
 *    purchases less refunds and early payments, the interest accrued in the cycle — and one period of every
 *    instalment plan made before D; money held for the customer is used on it at once; then the minimum
 *    payment and the due date are set;
 * 2. a statement whose due date was D − 1 is checked: was its minimum met, was it paid in full? If not paid
 *    in full, its unpaid principal loses the grace period (interest from the posting dates, `posting-date`);
 * 3. interest for day D on the unpaid principal of every statement past its due date without grace;
 * 4. days past due (from the oldest due date whose minimum is still unmet) → bucket; the line asks for its
 *    facility to be suspended when they exceed the limit, and reactivated when it is current again.
 *
 * Credits (payments, refunds, money held) settle billed statements by the waterfall, then the cycle's
 * unbilled interest and principal; the rest is held for the customer.
 */

/** What a statement says, fixed when it is cut (the customer's document). */
export interface StatementDocument {
  readonly seq: number;
  readonly statementDate: LocalDate;
  readonly dueDate: LocalDate;
  /** The cycle it covers: [periodStart, periodEnd]. */
  readonly periodStart: LocalDate;
  readonly periodEnd: LocalDate;
  readonly openingBalance: Money;
  readonly purchases: Money;
  /** Refunds credited to the balance. */
  readonly refunds: Money;
  /**
   * Refunds of converted purchases that took principal off their plans' instalments not yet billed: they
   * lower `instalmentsNotYetBilled`, not the closing balance (the merchant's refunds in the cycle are
   * `refunds + instalmentRefunds`).
   */
  readonly instalmentRefunds: Money;
  readonly payments: Money;
  /** Money held for the customer paid out to them in the cycle (raises the closing balance). */
  readonly payouts: Money;
  /** Instalment fees billed on this statement. */
  readonly fees: Money;
  /** Late fees (违约金) charged in the cycle, billed on this statement. */
  readonly lateFees: Money;
  /** Interest accrued in the cycle. */
  readonly interest: Money;
  /** Instalment principal billed on this statement. */
  readonly instalmentPrincipal: Money;
  /** Principal moved into instalment plans during the cycle. */
  readonly converted: Money;
  /**
   * Payments reversed since the last statement that it had shown, and what restating the books without them
   * changed on statements already sent (interest lost grace, late fees): raises the closing balance.
   */
  readonly reversals: Money;
  /**
   * Interest, late fees and instalment fees waived by goodwill in the cycle (hardship), billed or not: lowers
   * the closing balance.
   */
  readonly waivers: Money;
  /**
   * Everything billed and unpaid, less money held for the customer (negative: a credit balance). Equals
   * opening + purchases − refunds − payments + payouts + reversals − waivers + fees + late fees + interest +
   * instalment principal − converted.
   */
  readonly closingBalance: Money;
  readonly minimumPayment: Money;
  /**
   * Converted principal of plans still to be billed on later statements (not in the closing balance).
   * Equals the last statement's + converted − instalment principal − instalment refunds.
   */
  readonly instalmentsNotYetBilled: Money;
  readonly instalments: readonly {
    readonly planId: string;
    readonly period: number;
    readonly term: number;
    readonly principal: Money;
    readonly fee: Money;
  }[];
}

/** Every contract's running totals: the line's own and each plan's. */
export interface LineBookCounters {
  readonly line: LineCounters;
  readonly plans: Readonly<Record<string, PlanCounters>>;
}

/**
 * Why the books moved: the day step, an event (by its kind), a restatement — and `recovery`, a payment or
 * refund received on a written-off line (booked on its own journal kind and income account).
 */
export type ChangeCause = 'day-end' | LineEvent['kind'] | 'restatement' | 'recovery';

/** One booked change: the counters before and after, as the journals of a day or of an event. */
export interface LineChange {
  readonly cause: ChangeCause;
  readonly effectiveDate: LocalDate;
  readonly seq?: number;
  readonly before: LineBookCounters;
  readonly after: LineBookCounters;
}

export function bookCounters(state: LineState): LineBookCounters {
  const plans: Record<string, PlanCounters> = {};
  for (const plan of state.plans) plans[plan.planId] = { ...plan.counters };
  return { line: { ...state.counters }, plans };
}

function countersDiffer(a: LineBookCounters, b: LineBookCounters): boolean {
  // Keys of both sides: optional counters (late fees, write-off) appear when first set.
  const lineKeys = new Set([...Object.keys(a.line), ...Object.keys(b.line)]) as Set<keyof LineCounters>;
  for (const key of lineKeys) if ((a.line[key] ?? 0n) !== (b.line[key] ?? 0n)) return true;
  const ids = new Set([...Object.keys(a.plans), ...Object.keys(b.plans)]);
  for (const id of ids) {
    const x = a.plans[id];
    const y = b.plans[id];
    if (!x || !y) return true;
    const keys = new Set([...Object.keys(x), ...Object.keys(y)]) as Set<keyof PlanCounters>;
    for (const key of keys) if ((x[key] ?? 0n) !== (y[key] ?? 0n)) return true;
  }
  return false;
}

/** The state of a line on its opening date, before any day step. */
export function initialLineState(terms: LineTerms): LineState {
  return {
    processedThrough: terms.openedOn,
    cycleStart: terms.openedOn,
    nextStatementDate: firstStatementDateAfter(terms.openedOn, terms.statementDay),
    nextStatementSeq: 1,
    lastClosing: ZERO,
    unbilled: [],
    unbilledInterest: ZERO,
    cycle: zeroCycle(),
    statements: [],
    plans: [],
    counters: zeroLineCounters(),
    billedCredits: ZERO,
    dueOutcomes: [],
    suspended: false,
  };
}

function sumPostings(postings: readonly Posting[]): Money {
  return sumMoney(postings.map((posting) => posting.amount));
}

/** Takes up to `amount` from the postings, oldest first; returns what was taken. Emptied postings go. */
function takeOldestFirst(postings: Posting[], amount: Money): Money {
  let left = amount;
  let index = 0;
  while (left > 0n && index < postings.length) {
    const posting = postings[index] as Posting;
    const take = minMoney(left, posting.amount);
    posting.amount = subMoney(posting.amount, take);
    left = subMoney(left, take);
    index += 1;
  }
  for (let i = postings.length - 1; i >= 0; i -= 1)
    if ((postings[i] as Posting).amount === 0n) postings.splice(i, 1);
  return subMoney(amount, left);
}

/** Principal of a statement still unpaid: revolving postings and instalment principal. */
export function principalOwedOn(statement: BilledStatement): Money {
  // Summed on plain bigints and branded once: this runs for every statement on every day step.
  let total = 0n;
  for (const posting of statement.revolving) total += posting.amount;
  for (const bill of statement.instalments) total += bill.principal - bill.principalPaid;
  return fen(total);
}

/** Everything of a statement still unpaid. */
export function owedOn(statement: BilledStatement): Money {
  let total: bigint = principalOwedOn(statement) + statement.interest - statement.interestPaid;
  total += (statement.lateFee ?? 0n) - (statement.lateFeePaid ?? 0n);
  for (const bill of statement.instalments) total += bill.fee - bill.feePaid;
  return fen(total);
}

export function heldFor(state: LineState): Money {
  const c = state.counters;
  return subMoney(subMoney(c.overpaid, c.overpaymentApplied), c.paidOut);
}

/** Held money set aside for pay-outs waiting for the provider. */
export function reservedOf(state: Pick<LineState, 'reserved'>): Money {
  return state.reserved ?? ZERO;
}

/** Held money free to be used (or paid out): held, less what is reserved for pay-outs. */
export function freeHeldOf(state: LineState): Money {
  return subMoney(heldFor(state), reservedOf(state));
}

/** None reserved is no field at all, so a state and its stored copy compare equal. */
function setReserved(state: LineState, amount: Money): void {
  if (amount === 0n) delete state.reserved;
  else state.reserved = amount;
}

/**
 * What is left of statement `index`'s minimum payment: its minimum less the credits applied to billed
 * statements since it was cut, and never more than what is owed on it and the statements before it (a
 * conversion or a refund that clears the debt clears the minimum with it).
 */
export function minimumOutstanding(state: LineState, index: number): Money {
  const statement = state.statements[index];
  if (!statement || statement.reAged) return ZERO;
  const credited = subMoney(state.billedCredits, statement.billedCreditsAtCut);
  const left = subMoney(statement.minimumPayment, credited);
  if (left <= 0n) return ZERO;
  let owed: Money = ZERO;
  for (let i = 0; i <= index; i += 1) owed = addMoney(owed, owedOn(state.statements[i] as BilledStatement));
  return minMoney(left, owed);
}

/** Days past due on `date`: since the oldest due date (before `date`) whose minimum is still unmet. */
export function lineDaysPastDue(state: LineState, date: LocalDate): number {
  // A reschedule does not cure: until the first instalment of its workout plan is met, the line is past due
  // from the oldest due date that was unmet when the plan was set up (`workoutArrearsSince`).
  const since = state.workoutArrearsSince;
  const held = since !== undefined && since < date ? daysBetween(since, date) : 0;
  for (let index = 0; index < state.statements.length; index += 1) {
    const statement = state.statements[index] as BilledStatement;
    if (statement.dueDate >= date) break;
    if (minimumOutstanding(state, index) > 0n) return Math.max(held, daysBetween(statement.dueDate, date));
  }
  return held;
}

export function lineBucket(terms: LineTerms, state: LineState, date: LocalDate): Bucket {
  return bucketOf(lineDaysPastDue(state, date), terms.bucketBounds);
}

function planOf(state: LineState, planId: string): InstalmentPlan {
  const plan = state.plans.find((candidate) => candidate.planId === planId);
  if (!plan) throw new AppError('INTERNAL', `instalment plan ${planId} is missing from the line's state`);
  return plan;
}

/** Pays one component of one statement from `left`; returns what is left. */
function payComponent(
  state: LineState,
  statement: BilledStatement,
  component: WaterfallComponent,
  left: Money,
): Money {
  if (left === 0n) return ZERO;
  const c = state.counters;
  let paid: Money = ZERO;
  if (component === 'fee') {
    // The late fee billed on the statement first, then its instalment fees.
    const lateFee = minMoney(left, subMoney(statement.lateFee ?? ZERO, statement.lateFeePaid ?? ZERO));
    if (lateFee > 0n) {
      statement.lateFeePaid = addMoney(statement.lateFeePaid ?? ZERO, lateFee);
      c.lateFeesRepaid = addMoney(c.lateFeesRepaid ?? ZERO, lateFee);
      paid = addMoney(paid, lateFee);
    }
    for (const bill of statement.instalments) {
      const pay = minMoney(subMoney(left, paid), subMoney(bill.fee, bill.feePaid));
      if (pay === 0n) continue;
      bill.feePaid = addMoney(bill.feePaid, pay);
      const plan = planOf(state, bill.planId);
      plan.counters.feesRepaid = addMoney(plan.counters.feesRepaid, pay);
      c.forwardedToPlans = addMoney(c.forwardedToPlans, pay);
      paid = addMoney(paid, pay);
    }
  } else if (component === 'interest') {
    paid = minMoney(left, subMoney(statement.interest, statement.interestPaid));
    statement.interestPaid = addMoney(statement.interestPaid, paid);
    c.interestRepaid = addMoney(c.interestRepaid, paid);
  } else {
    // Oldest postings first: the revolving purchases of the cycle, then the instalments billed at the cut.
    const revolving = takeOldestFirst(statement.revolving, left);
    c.principalRepaid = addMoney(c.principalRepaid, revolving);
    paid = revolving;
    for (const bill of statement.instalments) {
      const pay = minMoney(subMoney(left, paid), subMoney(bill.principal, bill.principalPaid));
      if (pay === 0n) continue;
      bill.principalPaid = addMoney(bill.principalPaid, pay);
      const plan = planOf(state, bill.planId);
      plan.counters.principalRepaid = addMoney(plan.counters.principalRepaid, pay);
      c.forwardedToPlans = addMoney(c.forwardedToPlans, pay);
      paid = addMoney(paid, pay);
    }
  }
  state.billedCredits = addMoney(state.billedCredits, paid);
  return subMoney(left, paid);
}

function markSettled(state: LineState, date: LocalDate): void {
  for (const statement of state.statements) {
    if (statement.settledOn === null && owedOn(statement) === 0n) statement.settledOn = date;
  }
}

/** Pays billed statements by the waterfall; returns what is left. */
function payBilled(terms: LineTerms, state: LineState, amount: Money, date: LocalDate): Money {
  let left = amount;
  const open = state.statements.filter((statement) => statement.settledOn === null);
  if (open.length === 0 || left === 0n) return left;
  const { order, mode } = terms.waterfall;
  if (mode === 'by-component') {
    for (const component of order)
      for (const statement of open) left = payComponent(state, statement, component, left);
  } else {
    for (const statement of open)
      for (const component of order) left = payComponent(state, statement, component, left);
  }
  markSettled(state, date);
  return left;
}

/** Pays the cycle's unbilled interest, then its unbilled principal (oldest purchase first). */
function payUnbilled(state: LineState, amount: Money): Money {
  let left = amount;
  const c = state.counters;
  const lateFees = minMoney(left, state.unbilledLateFees ?? ZERO);
  if (lateFees > 0n) {
    state.unbilledLateFees = subMoney(state.unbilledLateFees ?? ZERO, lateFees);
    c.lateFeesRepaid = addMoney(c.lateFeesRepaid ?? ZERO, lateFees);
    left = subMoney(left, lateFees);
  }
  const interest = minMoney(left, state.unbilledInterest);
  state.unbilledInterest = subMoney(state.unbilledInterest, interest);
  c.interestRepaid = addMoney(c.interestRepaid, interest);
  left = subMoney(left, interest);
  const principal = takeOldestFirst(state.unbilled, left);
  c.principalRepaid = addMoney(c.principalRepaid, principal);
  return subMoney(left, principal);
}

/** Uses money held for the customer on whatever is owed now. */
function useHeld(terms: LineTerms, state: LineState, date: LocalDate): void {
  // Money reserved for a pay-out the provider has not answered is not used: it may be on its way out.
  const held = freeHeldOf(state);
  if (held <= 0n) return;
  const left = payUnbilled(state, payBilled(terms, state, held, date));
  state.counters.overpaymentApplied = addMoney(state.counters.overpaymentApplied, subMoney(held, left));
}

/** Principal of a plan's periods not yet billed (0 once cancelled or written off). */
export function planNotYetBilled(plan: InstalmentPlan): Money {
  // Cancelled: by a refund (its unbilled parts are 0 then) or moved into a workout plan (parts kept as a record).
  if (plan.writtenOffOn || plan.cancelledOn !== null) return ZERO;
  let total: Money = ZERO;
  for (let period = plan.billedPeriods + 1; period <= plan.term; period += 1)
    total = addMoney(total, plan.parts[period - 1] ?? ZERO);
  return total;
}

/** Whether a plan still has periods to bill. */
function planRunning(plan: InstalmentPlan): boolean {
  return plan.cancelledOn === null && !plan.writtenOffOn && plan.billedPeriods < lastPeriodOf(plan);
}

/**
 * A plan's status: `cancelled` by a refund, `written-off` with its line, `settled` when every period is billed
 * and paid, else `active`.
 */
export type PlanStatus = 'active' | 'cancelled' | 'settled' | 'written-off';

export function planStatusOf(plan: InstalmentPlan): PlanStatus {
  if (plan.cancelledOn !== null) return 'cancelled';
  if (plan.writtenOffOn) return 'written-off';
  const owed =
    plan.counters.converted -
    plan.counters.principalRepaid -
    (plan.counters.principalRescheduled ?? 0n) +
    plan.counters.feesBilled -
    plan.counters.feesRepaid -
    (plan.counters.feesRescheduled ?? 0n);
  return plan.billedPeriods >= lastPeriodOf(plan) && owed === 0n ? 'settled' : 'active';
}

/**
 * A refund of a converted purchase goes to its plan first: up to the plan's principal not yet billed is
 * taken off it (the plan's principal is repaid by the merchant's money, passed on through funding like any
 * credit to a plan). All of it: the plan is cancelled — its unbilled periods become 0 and their fees are
 * never billed; fees already billed stay billed (they paid for the credit over the periods billed). Part of
 * it: the rest is re-spread over the same unbilled periods with the conversion's rule (`allocateEvenly`,
 * leftover fen on the first) and the fee of each of them becomes (converted − refunded) × fee rate, half up
 * — the fee the plan would have had, had only what was kept been converted. Returns what is left of the
 * refund (credited like a payment).
 */
function refundToPlan(state: LineState, purchaseId: string, amount: Money, date: LocalDate): Money {
  const plan = state.plans.find(
    (candidate) =>
      candidate.source.kind === 'purchase' &&
      candidate.source.purchaseId === purchaseId &&
      planRunning(candidate),
  );
  if (!plan) return amount;
  const unbilled = planNotYetBilled(plan);
  const take = minMoney(amount, unbilled);
  if (take === 0n) return amount;
  // The periods still to bill: up to the term, or to the period an early settlement billed everything in.
  const last = lastPeriodOf(plan);
  const remaining = last - plan.billedPeriods;
  const rest =
    take === unbilled
      ? Array.from({ length: remaining }, () => ZERO)
      : allocateEvenly(subMoney(unbilled, take), remaining);
  const after = Array.from({ length: plan.term - last }, () => ZERO);
  plan.parts = [...plan.parts.slice(0, plan.billedPeriods), ...rest, ...after];
  plan.refunded = addMoney(plan.refunded, take);
  if (take === unbilled) plan.cancelledOn = date;
  else plan.feePerPeriod = applyRate(subMoney(plan.principal, plan.refunded), plan.feeRate, 'halfUp');
  plan.counters.principalRepaid = addMoney(plan.counters.principalRepaid, take);
  state.counters.forwardedToPlans = addMoney(state.counters.forwardedToPlans, take);
  state.cycle.instalmentRefunds = addMoney(state.cycle.instalmentRefunds, take);
  return subMoney(amount, take);
}

/**
 * A payment or refund credit: a refund goes to its converted purchase's plan first, else to the refunded
 * purchase while unbilled; then the waterfall; the rest is held. Returns what of it counts on the statement
 * as credited to the balance (all but the part taken off a plan's unbilled instalments).
 */
function applyCredit(
  terms: LineTerms,
  state: LineState,
  amount: Money,
  date: LocalDate,
  refundOf: string | null,
): Money {
  const c = state.counters;
  c.cashReceived = addMoney(c.cashReceived, amount);
  if (state.writtenOffOn) {
    receiveRecovery(state, amount);
    return amount;
  }
  let left = amount;
  if (refundOf !== null) left = refundToPlan(state, refundOf, left, date);
  const toBalance = left;
  if (refundOf !== null) {
    const posting = state.unbilled.find((candidate) => candidate.ref === refundOf);
    if (posting) {
      const take = minMoney(left, posting.amount);
      posting.amount = subMoney(posting.amount, take);
      if (posting.amount === 0n) state.unbilled.splice(state.unbilled.indexOf(posting), 1);
      c.principalRepaid = addMoney(c.principalRepaid, take);
      left = subMoney(left, take);
    }
  }
  left = payUnbilled(state, payBilled(terms, state, left, date));
  c.overpaid = addMoney(c.overpaid, left);
  return toBalance;
}

/**
 * Money received on a written-off line (cash already counted in): what is still written off and not recovered
 * is recovered first (recovery income); anything beyond it is held for the customer (and can be paid out).
 */
function receiveRecovery(state: LineState, amount: Money): void {
  const c = state.counters;
  // A line settled for less owes nothing: what it wrote off was forgiven (`writtenOffOutstanding` is 0).
  const recovered = minMoney(amount, writtenOffOutstanding(state));
  c.recovered = addMoney(c.recovered ?? ZERO, recovered);
  c.overpaid = addMoney(c.overpaid, subMoney(amount, recovered));
}

/** What a line wrote off, by component and contract, and what came back since. */
export interface WrittenOff {
  readonly on: LocalDate;
  /** Revolving principal of the line and principal of its plans (billed or not). */
  readonly principal: Money;
  readonly interest: Money;
  /** Late fees and the plans' instalment fees billed and unpaid. */
  readonly fees: Money;
  readonly total: Money;
  readonly recovered: Money;
  /** Written off and not recovered: still owed by the customer, off the books (0 once settled for less). */
  readonly outstanding: Money;
  /** The date the line was settled for less (what it wrote off is forgiven); absent: written off only. */
  readonly settledOn?: LocalDate;
}

/** The write-off of a line and its recoveries; null while it is not written off. */
export function writtenOffOf(state: LineState): WrittenOff | null {
  if (!state.writtenOffOn) return null;
  const c = state.counters;
  let principal = c.principalWrittenOff ?? ZERO;
  let fees = c.lateFeesWrittenOff ?? ZERO;
  for (const plan of state.plans) {
    principal = addMoney(principal, plan.counters.principalWrittenOff ?? ZERO);
    fees = addMoney(fees, plan.counters.feesWrittenOff ?? ZERO);
  }
  const interest = c.interestWrittenOff ?? ZERO;
  const total = sumMoney([principal, interest, fees]);
  const recovered = c.recovered ?? ZERO;
  return {
    on: state.writtenOffOn,
    principal,
    interest,
    fees,
    total,
    recovered,
    outstanding: state.settledOn ? ZERO : subMoney(total, recovered),
    ...(state.settledOn ? { settledOn: state.settledOn } : {}),
  };
}

function writtenOffOutstanding(state: LineState): Money {
  return writtenOffOf(state)?.outstanding ?? ZERO;
}

/**
 * Writes the line off on `date` (charge-off), in place: money held for the customer is used on what is owed
 * first; then everything still owed — every statement's principal, interest, late fee and instalments, the
 * cycle's unbilled spending, interest and late fees, and the principal of every plan not yet billed — moves
 * to write-off expense on the contract that was owed it (the line or the plan). Statements and unbilled
 * postings are emptied (nothing is owed on the books), plans stop billing, and the line stays suspended.
 * From the next day nothing accrues and no statement is cut (`stepDay`). Money held beyond the debt stays
 * held for the customer. A line written off already is left alone.
 */
export function writeOffLine(terms: LineTerms, state: LineState, date: LocalDate): void {
  if (state.writtenOffOn) return;
  useHeld(terms, state, date);
  const c = state.counters;
  let principal: Money = sumPostings(state.unbilled);
  let interest: Money = state.unbilledInterest;
  let lateFees: Money = state.unbilledLateFees ?? ZERO;
  for (const statement of state.statements) {
    principal = addMoney(principal, sumPostings(statement.revolving));
    interest = addMoney(interest, subMoney(statement.interest, statement.interestPaid));
    lateFees = addMoney(lateFees, subMoney(statement.lateFee ?? ZERO, statement.lateFeePaid ?? ZERO));
    for (const bill of statement.instalments) {
      const counters = planOf(state, bill.planId).counters;
      counters.principalWrittenOff = addMoney(
        counters.principalWrittenOff ?? ZERO,
        subMoney(bill.principal, bill.principalPaid),
      );
      counters.feesWrittenOff = addMoney(counters.feesWrittenOff ?? ZERO, subMoney(bill.fee, bill.feePaid));
    }
  }
  for (const plan of state.plans) {
    const notYetBilled = planNotYetBilled(plan);
    // Every plan still owed something (billed or not) is written off with its line; settled ones stay so.
    // Its schedule stays as it was (a record); nothing more is billed and nothing is left to bill.
    if (planStatusOf(plan) === 'active') plan.writtenOffOn = date;
    if (notYetBilled === 0n) continue;
    plan.counters.principalWrittenOff = addMoney(plan.counters.principalWrittenOff ?? ZERO, notYetBilled);
  }
  c.principalWrittenOff = addMoney(c.principalWrittenOff ?? ZERO, principal);
  c.interestWrittenOff = addMoney(c.interestWrittenOff ?? ZERO, interest);
  c.lateFeesWrittenOff = addMoney(c.lateFeesWrittenOff ?? ZERO, lateFees);
  c.recovered = c.recovered ?? ZERO;
  state.statements = [];
  state.unbilled = [];
  state.unbilledInterest = ZERO;
  if (state.unbilledLateFees !== undefined) state.unbilledLateFees = ZERO;
  state.writtenOffOn = date;
  state.suspended = true;
}

/** What a waiver may take, by kind: owed on billed statements and (interest, late fees) in the cycle. */
export interface Waivable {
  readonly interest: Money;
  readonly fees: Money;
  readonly lateFees: Money;
}

/** Interest, instalment fees and late fees owed on the line now (what a waiver may waive, at most). */
export function waivableOf(state: LineState): Waivable {
  let interest: Money = state.unbilledInterest;
  let fees: Money = ZERO;
  let lateFees: Money = state.unbilledLateFees ?? ZERO;
  for (const statement of state.statements) {
    interest = addMoney(interest, subMoney(statement.interest, statement.interestPaid));
    lateFees = addMoney(lateFees, subMoney(statement.lateFee ?? ZERO, statement.lateFeePaid ?? ZERO));
    for (const bill of statement.instalments) fees = addMoney(fees, subMoney(bill.fee, bill.feePaid));
  }
  return { interest, fees, lateFees };
}

/**
 * A goodwill waiver (hardship), in place: up to each asked amount of what is owed of it now — billed
 * statements oldest first, then the cycle's unbilled interest and late fees (instalment fees are owed only
 * once billed). Never more than is owed at that point (a back-dated payment replayed before it may have left
 * less). What is waived is income not earned (`interestWaived`, `lateFeesWaived`, a plan's `feesWaived`).
 *
 * **The minimum payment.** Every fen of billed interest and fees is in a statement's minimum (the formula adds
 * them whole), so a waiver of billed amounts counts toward the minimums as a credit would (`billedCredits`):
 * waiving ¥30.00 of billed interest lowers what is left of the minimum by ¥30.00 — it never makes a
 * customer who was current overdue, and can bring one back to current.
 */
function applyHardship(
  terms: LineTerms,
  state: LineState,
  change: LineHardshipChange,
  date: LocalDate,
  requestId: string,
): void {
  if (state.writtenOffOn) return;
  if (change.tool === 'settlement') {
    settleForLess(terms, state, change.amount, date);
    return;
  }
  if (change.tool === 'holiday') {
    // The next `statements` statements cut ask no minimum (`cutStatement`); nothing moves on the books now.
    state.holidayStatements = (state.holidayStatements ?? 0) + change.statements;
    return;
  }
  if (change.tool === 're-age') {
    reAgeLine(state, date);
    return;
  }
  if (change.tool === 'reschedule') {
    rescheduleLine(terms, state, change, requestId, date);
    return;
  }
  const c = state.counters;
  let interest = change.interest;
  let fees = change.fees;
  let lateFees = change.lateFees;
  let billed: Money = ZERO;
  for (const statement of state.statements) {
    if (statement.settledOn !== null) continue;
    const onInterest = minMoney(interest, subMoney(statement.interest, statement.interestPaid));
    statement.interestPaid = addMoney(statement.interestPaid, onInterest);
    interest = subMoney(interest, onInterest);
    const onLateFee = minMoney(lateFees, subMoney(statement.lateFee ?? ZERO, statement.lateFeePaid ?? ZERO));
    if (onLateFee > 0n) {
      statement.lateFeePaid = addMoney(statement.lateFeePaid ?? ZERO, onLateFee);
      lateFees = subMoney(lateFees, onLateFee);
    }
    billed = sumMoney([billed, onInterest, onLateFee]);
    for (const bill of statement.instalments) {
      const onFee = minMoney(fees, subMoney(bill.fee, bill.feePaid));
      if (onFee === 0n) continue;
      bill.feePaid = addMoney(bill.feePaid, onFee);
      const plan = planOf(state, bill.planId);
      plan.counters.feesWaived = addMoney(plan.counters.feesWaived ?? ZERO, onFee);
      fees = subMoney(fees, onFee);
      billed = addMoney(billed, onFee);
    }
  }
  const unbilledInterest = minMoney(interest, state.unbilledInterest);
  state.unbilledInterest = subMoney(state.unbilledInterest, unbilledInterest);
  interest = subMoney(interest, unbilledInterest);
  const unbilledLateFees = minMoney(lateFees, state.unbilledLateFees ?? ZERO);
  if (unbilledLateFees > 0n) {
    state.unbilledLateFees = subMoney(state.unbilledLateFees ?? ZERO, unbilledLateFees);
    lateFees = subMoney(lateFees, unbilledLateFees);
  }
  const interestWaived = subMoney(change.interest, interest);
  const lateFeesWaived = subMoney(change.lateFees, lateFees);
  const feesWaived = subMoney(change.fees, fees);
  if (interestWaived > 0n) c.interestWaived = addMoney(c.interestWaived ?? ZERO, interestWaived);
  if (lateFeesWaived > 0n) c.lateFeesWaived = addMoney(c.lateFeesWaived ?? ZERO, lateFeesWaived);
  const total = sumMoney([interestWaived, lateFeesWaived, feesWaived]);
  if (total > 0n) state.cycle.waivers = addMoney(state.cycle.waivers ?? ZERO, total);
  state.billedCredits = addMoney(state.billedCredits, billed);
  markSettled(state, date);
}

/**
 * A re-age (hardship), in place, on `date`: every statement already due (its due date before `date`) whose
 * minimum is unmet is marked `reAged` — what is left of its minimum stops counting (`minimumOutstanding` 0, so
 * no day past due), its late fee stops where it is (`lateFeeDue` down to what was charged: late fees already
 * charged stay owed) and its due outcome leaves the limit reviews' record. Nothing moves on the books: every
 * amount billed stays owed and is in the minimum of the next statement cut (the minimum's formula takes all
 * billed amounts). A statement cut but not yet due keeps its minimum.
 */
function reAgeLine(state: LineState, date: LocalDate): void {
  const reAged = new Set<number>();
  state.statements.forEach((statement, index) => {
    // A statement's minimum left depends on it alone (and the line's credits), so marking as we go is safe.
    if (statement.dueDate >= date || minimumOutstanding(state, index) === 0n) return;
    statement.reAged = true;
    if (statement.lateFeeDue !== undefined) statement.lateFeeDue = statement.lateFeeCharged ?? ZERO;
    reAged.add(statement.seq);
  });
  state.dueOutcomes = state.dueOutcomes.filter((outcome) => !reAged.has(outcome.seq));
}

/**
 * Settlement for less than owed (hardship), in place, on `date`: the customer's `amount` is received as a
 * payment (cash, the waterfall: billed statements, then the cycle's unbilled amounts); then everything still
 * owed is written off by the line's write-off machinery (`writeOffLine`: money held and free is used on what is
 * billed and unbilled first; write-off expense on the contract that was owed it; plans stop billing, their
 * schedules stay as a record; the facility stays suspended). Money still held and free after that — beyond the
 * revolving debt — pays the plans' principal that was not yet billed, plans oldest first: what it pays is taken
 * back off their write-off and counted repaid (held money passed on to a plan: `overpaymentApplied`,
 * `forwardedToPlans`, the plan's `principalRepaid`). So what is written off is exactly what settled the line
 * less the amount and the money held. The line is then **settled** (`settledOn`): what was written off is
 * forgiven, not owed off the books, so money received later is held for the customer and can be paid out,
 * and the line may be closed once nothing is held. Money reserved for a pay-out in flight stays held. The use
 * case refuses an amount that would pay everything (`line-hardship.ts`).
 */
function settleForLess(terms: LineTerms, state: LineState, amount: Money, date: LocalDate): void {
  if (amount > 0n) {
    state.cycle.payments = addMoney(state.cycle.payments, amount);
    applyCredit(terms, state, amount, date, null);
  }
  const notYetBilled = new Map(state.plans.map((plan) => [plan.planId, planNotYetBilled(plan)]));
  writeOffLine(terms, state, date);
  let held = freeHeldOf(state);
  const c = state.counters;
  for (const plan of state.plans) {
    const take = minMoney(held, notYetBilled.get(plan.planId) ?? ZERO);
    if (take === 0n) continue;
    plan.counters.principalWrittenOff = subMoney(plan.counters.principalWrittenOff ?? ZERO, take);
    plan.counters.principalRepaid = addMoney(plan.counters.principalRepaid, take);
    c.forwardedToPlans = addMoney(c.forwardedToPlans, take);
    c.overpaymentApplied = addMoney(c.overpaymentApplied, take);
    held = subMoney(held, take);
  }
  state.settledOn = date;
}

/** The charge of `period` of a plan: its own (a workout plan's, which varies) or the flat fee. */
export function feeOfPeriod(plan: Pick<InstalmentPlan, 'fees' | 'feePerPeriod'>, period: number): Money {
  return plan.fees?.[period - 1] ?? plan.feePerPeriod;
}

/** The schedule of a workout plan: each period's principal part and charge. */
export interface WorkoutPlanFigures {
  readonly parts: readonly Money[];
  readonly fees: readonly Money[];
}

/**
 * A workout plan's schedule (hardship reschedule). `amount` is everything moved into it, of which `principal`
 * was principal (revolving and instalment) and the rest interest and fees:
 *
 * - **parts**: `amount` in `instalments` equal parts (`allocateEvenly`: each ⌊amount ÷ n⌋, the r fen left over
 *   one each to the first r periods), so the parts sum to the amount exactly — the conversion's own rule;
 * - **charge** of period k: interest at `rate` a year, monthly (rate ÷ 12), on the **principal's share** of what
 *   is left of the plan before period k — left_k × principal ÷ amount, so interest and fees moved never bear
 *   interest — in one rounding, half up: charge_k = halfUp(left_k × principal × rate ÷ (12 × amount)).
 *
 * A rate of 0 charges nothing (interest frozen). The annualised rate of the plan by IRR is at most `rate`
 * (equal to it, up to rounding, when only principal was moved).
 */
export function workoutPlanFigures(
  amount: Money,
  principal: Money,
  instalments: number,
  rate: Rate,
): WorkoutPlanFigures {
  const parts = allocateEvenly(amount, instalments);
  const fees: Money[] = [];
  let left: bigint = amount;
  for (const part of parts) {
    fees.push(
      amount === 0n ? ZERO : roundToFen(left * principal * rate.num, 12n * amount * rate.den, 'halfUp'),
    );
    left -= part;
  }
  return { parts, fees };
}

/** The workout plan a line is paying (moved there by a reschedule and still owed something), if any. */
export function workoutInForce(state: LineState): InstalmentPlan | undefined {
  for (let index = state.plans.length - 1; index >= 0; index -= 1) {
    const plan = state.plans[index] as InstalmentPlan;
    if (plan.source.kind === 'workout' && planStatusOf(plan) === 'active') return plan;
  }
  return undefined;
}

/**
 * Ends the hold on days past due a reschedule of a line behind put (`workoutArrearsSince`) once the first
 * instalment of the workout plan is met: the statement that billed its period 1 has nothing left of its minimum
 * (paid, or gone because paid in full). A workout plan no longer running before it billed (written off with its
 * line) ends it too.
 */
function clearWorkoutArrears(state: LineState): void {
  if (state.workoutArrearsSince === undefined) return;
  let plan: InstalmentPlan | undefined;
  for (const candidate of state.plans) if (candidate.source.kind === 'workout') plan = candidate;
  if (!plan) return;
  if (plan.billedPeriods === 0) {
    if (plan.writtenOffOn) delete state.workoutArrearsSince;
    return;
  }
  const planId = plan.planId;
  const index = state.statements.findIndex((statement) =>
    statement.instalments.some((bill) => bill.planId === planId && bill.period === 1),
  );
  if (index < 0 || minimumOutstanding(state, index) === 0n) delete state.workoutArrearsSince;
}

/**
 * What a reschedule moves off a line today (`rescheduleLine`), by where it was: the line's revolving principal
 * (billed and unbilled), its interest and late fees (billed and charged in the cycle), and each plan's
 * principal and fees owed (billed and unpaid, and its principal not yet billed).
 */
export interface WorkoutMoved {
  readonly revolving: Money;
  readonly interest: Money;
  readonly lateFees: Money;
  readonly planPrincipal: Money;
  readonly planFees: Money;
  /** Of `planPrincipal`, what the plans had not yet billed (it was not on the statements' balance). */
  readonly planNotYetBilled: Money;
  /** Everything moved: the workout plan's amount. */
  readonly amount: Money;
  /** Principal moved (revolving and plans'): what the plan's charge is on. */
  readonly principal: Money;
}

/** What a reschedule on `state` would move (held money is used first, as the reschedule does). */
export function workoutMovedOf(terms: LineTerms, state: LineState, date: LocalDate): WorkoutMoved {
  const copy = cloneLineState(state);
  useHeld(terms, copy, date);
  const owed = billedOwed(copy);
  let planPrincipal: Money = owed.instalmentPrincipal;
  let planFees: Money = ZERO;
  let lateFees: Money = copy.unbilledLateFees ?? ZERO;
  for (const statement of copy.statements) {
    lateFees = addMoney(lateFees, subMoney(statement.lateFee ?? ZERO, statement.lateFeePaid ?? ZERO));
    for (const bill of statement.instalments) planFees = addMoney(planFees, subMoney(bill.fee, bill.feePaid));
  }
  const notYetBilled = instalmentsNotYetBilled(copy);
  planPrincipal = addMoney(planPrincipal, notYetBilled);
  const revolving = addMoney(owed.revolving, sumPostings(copy.unbilled));
  const interest = addMoney(owed.interest, copy.unbilledInterest);
  return {
    revolving,
    interest,
    lateFees,
    planPrincipal,
    planFees,
    planNotYetBilled: notYetBilled,
    amount: sumMoney([revolving, interest, lateFees, planPrincipal, planFees]),
    principal: addMoney(revolving, planPrincipal),
  };
}

/**
 * A reschedule into a workout plan (hardship), in place, on `date`:
 *
 * 1. money held for the customer and free is used on what is owed first (as at a statement cut);
 * 2. the days past due are kept: the oldest due date whose minimum is unmet becomes `workoutArrearsSince` (a
 *    reschedule re-times, it does not cure — as a cash loan's does not; see `lineDaysPastDue`);
 * 3. everything still owed moves into a new plan `change.planId` (`WorkoutMoved`): every billed statement is
 *    cleared — its revolving postings, interest, late fee and instalments (principal and fee) count as credited
 *    (`billedCredits`, so no minimum is left on them and no late fee is charged for them any more) — and the
 *    cycle's unbilled principal, interest and late fees go too. The line's revolving principal is converted
 *    (`convertedOut`), its interest and late fees are `interestRescheduled` / `lateFeesRescheduled`; each plan
 *    that owed something is **cancelled** that day (nothing more billed) and what it was owed is its
 *    `principalRescheduled` / `feesRescheduled`;
 * 4. the workout plan bills `change.instalments` periods on the next statements (`workoutPlanFigures`), the
 *    first on the next statement date; the line is frozen (`suspended`) while it is owed anything.
 *
 * On the statement, what left the closing balance (everything but the plans' principal not yet billed) is in
 * `converted`. A line with nothing owed is left as it is (the use case refuses it first).
 */
function rescheduleLine(
  terms: LineTerms,
  state: LineState,
  change: Extract<LineHardshipChange, { tool: 'reschedule' }>,
  requestId: string,
  date: LocalDate,
): void {
  const moved = workoutMovedOf(terms, state, date);
  if (moved.amount === 0n) return;
  useHeld(terms, state, date);
  for (let index = 0; index < state.statements.length; index += 1) {
    const statement = state.statements[index] as BilledStatement;
    if (statement.dueDate < date && minimumOutstanding(state, index) > 0n) {
      if (state.workoutArrearsSince === undefined || statement.dueDate < state.workoutArrearsSince)
        state.workoutArrearsSince = statement.dueDate;
      break;
    }
  }
  const c = state.counters;
  let billed: Money = ZERO;
  const fromPlans = new Map<string, { principal: Money; fees: Money }>();
  const take = (planId: string, principal: Money, fees: Money) => {
    const was = fromPlans.get(planId) ?? { principal: ZERO, fees: ZERO };
    fromPlans.set(planId, { principal: addMoney(was.principal, principal), fees: addMoney(was.fees, fees) });
  };
  for (const statement of state.statements) {
    billed = addMoney(billed, owedOn(statement));
    statement.revolving = [];
    statement.interestPaid = statement.interest;
    if (statement.lateFee !== undefined) statement.lateFeePaid = statement.lateFee;
    if (statement.lateFeeDue !== undefined) statement.lateFeeDue = statement.lateFeeCharged ?? ZERO;
    for (const bill of statement.instalments) {
      take(bill.planId, subMoney(bill.principal, bill.principalPaid), subMoney(bill.fee, bill.feePaid));
      bill.principalPaid = bill.principal;
      bill.feePaid = bill.fee;
    }
  }
  for (const plan of state.plans) {
    const notYetBilled = planNotYetBilled(plan);
    if (notYetBilled > 0n) take(plan.planId, notYetBilled, ZERO);
  }
  for (const [planId, owed] of fromPlans) {
    if (owed.principal === 0n && owed.fees === 0n) continue;
    const plan = planOf(state, planId);
    plan.counters.principalRescheduled = addMoney(plan.counters.principalRescheduled ?? ZERO, owed.principal);
    plan.counters.feesRescheduled = addMoney(plan.counters.feesRescheduled ?? ZERO, owed.fees);
    if (plan.cancelledOn === null) plan.cancelledOn = date;
  }
  state.unbilled = [];
  state.unbilledInterest = ZERO;
  if (state.unbilledLateFees !== undefined) state.unbilledLateFees = ZERO;
  c.convertedOut = addMoney(c.convertedOut, moved.revolving);
  if (moved.interest > 0n) c.interestRescheduled = addMoney(c.interestRescheduled ?? ZERO, moved.interest);
  if (moved.lateFees > 0n) c.lateFeesRescheduled = addMoney(c.lateFeesRescheduled ?? ZERO, moved.lateFees);
  state.billedCredits = addMoney(state.billedCredits, billed);
  state.cycle.converted = addMoney(state.cycle.converted, subMoney(moved.amount, moved.planNotYetBilled));
  markSettled(state, date);
  const figures = workoutPlanFigures(moved.amount, moved.principal, change.instalments, change.rate);
  state.plans.push({
    planId: change.planId,
    source: { kind: 'workout', requestId },
    createdOn: date,
    principal: moved.amount,
    term: change.instalments,
    feeRate: divideRate(change.rate, 12n),
    feePerPeriod: figures.fees[0] ?? ZERO,
    fees: [...figures.fees],
    parts: [...figures.parts],
    billedPeriods: 0,
    refunded: ZERO,
    cancelledOn: null,
    counters: { converted: moved.amount, feesBilled: ZERO, principalRepaid: ZERO, feesRepaid: ZERO },
  });
  state.suspended = true;
}

/**
 * Pays money held for the customer out to them: from a pay-out's reservation (`payoutId`), else from money
 * held and not reserved; more than that is refused, naming the rule.
 */
function applyPayout(state: LineState, amount: Money, payoutId?: string): void {
  const held = payoutId === undefined ? freeHeldOf(state) : reservedOf(state);
  if (amount <= 0n) throw AppError.invalid('amount', 'positive', 'the amount must be above zero');
  if (amount > held) {
    throw AppError.invalid(
      'amount',
      'within-held',
      payoutId === undefined
        ? `at most ${toDecimalString(held)} is held for the customer and can be paid out`
        : `only ${toDecimalString(held)} is reserved for pay-outs`,
    );
  }
  if (payoutId !== undefined) setReserved(state, subMoney(reservedOf(state), amount));
  state.counters.paidOut = addMoney(state.counters.paidOut, amount);
  state.cycle.payouts = addMoney(state.cycle.payouts, amount);
}

function applyConversion(state: LineState, event: Extract<LineEvent, { kind: 'conversion' }>): void {
  if (event.source.kind === 'statement') {
    const { statementSeq } = event.source;
    const statement = state.statements.find((candidate) => candidate.seq === statementSeq);
    const revolving = statement ? sumPostings(statement.revolving) : 0n;
    if (!statement || revolving < event.amount) {
      throw new AppError(
        'UNPROCESSABLE',
        `statement ${statementSeq} has less revolving principal than ${event.amount} fen`,
      );
    }
    takeOldestFirst(statement.revolving, event.amount);
    if (owedOn(statement) === 0n) statement.settledOn = event.effectiveDate;
  } else {
    if (event.source.kind !== 'purchase')
      throw new AppError('INTERNAL', 'a workout plan is made by a reschedule, not by a conversion event');
    const { purchaseId } = event.source;
    const posting = state.unbilled.find((candidate) => candidate.ref === purchaseId);
    if (!posting || posting.amount < event.amount) {
      throw new AppError(
        'UNPROCESSABLE',
        `purchase ${purchaseId} has less unbilled principal than ${event.amount} fen`,
      );
    }
    posting.amount = subMoney(posting.amount, event.amount);
    if (posting.amount === 0n) state.unbilled.splice(state.unbilled.indexOf(posting), 1);
  }
  const figures = planFigures(event.amount, event.term, event.feeRate);
  state.counters.convertedOut = addMoney(state.counters.convertedOut, event.amount);
  state.cycle.converted = addMoney(state.cycle.converted, event.amount);
  state.plans.push({
    planId: event.planId,
    source: event.source,
    createdOn: event.effectiveDate,
    principal: event.amount,
    term: event.term,
    feeRate: event.feeRate,
    feePerPeriod: figures.feePerPeriod,
    parts: figures.principalParts,
    billedPeriods: 0,
    refunded: ZERO,
    cancelledOn: null,
    counters: { converted: event.amount, feesBilled: ZERO, principalRepaid: ZERO, feesRepaid: ZERO },
  });
}

/**
 * Early settlement of a running plan (提前结清): the principal of every period not yet billed moves into the
 * next period, billed on the next statement with that period's fee as scheduled; the periods after it are
 * never billed, nor their fees (waived). Nothing is booked now: the principal was owed already (the facility's
 * `used` does not move) and fees are earned when billed. A plan not running is left alone (the use case
 * refuses it first).
 */
export function settlePlanEarly(state: LineState, planId: string, date: LocalDate): void {
  const plan = state.plans.find((candidate) => candidate.planId === planId);
  if (!plan || !planRunning(plan)) return;
  const next = plan.billedPeriods + 1;
  const remaining = planNotYetBilled(plan);
  plan.parts = [
    ...plan.parts.slice(0, plan.billedPeriods),
    remaining,
    ...Array.from({ length: plan.term - next }, () => ZERO),
  ];
  plan.earlySettlement = { on: date, lastPeriod: next };
}

/** Whether a plan still has periods to bill (early settlement and refunds need one). */
export function planIsRunning(plan: InstalmentPlan): boolean {
  return planRunning(plan);
}

/** Every amount owed on billed statements, by component. */
function billedOwed(state: LineState): {
  revolving: Money;
  instalmentPrincipal: Money;
  fees: Money;
  interest: Money;
} {
  let revolving: Money = ZERO;
  let instalmentPrincipal: Money = ZERO;
  let fees: Money = ZERO;
  let interest: Money = ZERO;
  for (const statement of state.statements) {
    revolving = addMoney(revolving, sumPostings(statement.revolving));
    interest = addMoney(interest, subMoney(statement.interest, statement.interestPaid));
    fees = addMoney(fees, subMoney(statement.lateFee ?? ZERO, statement.lateFeePaid ?? ZERO));
    for (const bill of statement.instalments) {
      instalmentPrincipal = addMoney(instalmentPrincipal, subMoney(bill.principal, bill.principalPaid));
      fees = addMoney(fees, subMoney(bill.fee, bill.feePaid));
    }
  }
  return { revolving, instalmentPrincipal, fees, interest };
}

/** Converted principal still to be billed on later statements. */
export function instalmentsNotYetBilled(state: LineState): Money {
  let total: Money = ZERO;
  for (const plan of state.plans) total = addMoney(total, planNotYetBilled(plan));
  return total;
}

/**
 * The statement cut at the start of `date` (see the module comment); returns whether one was issued. `sent`,
 * only while a reversal restates the past (`replayLine`), is whether one was in fact issued on that date:
 * one was, so one is (even with nothing on it); none was, so none is invented — the cycle goes on and what a
 * statement would have billed is billed on the next one.
 */
function cutStatement(
  terms: LineTerms,
  state: LineState,
  date: LocalDate,
  out: StatementDocument[],
  sent?: boolean,
): boolean {
  const billable = state.plans.filter((plan) => planRunning(plan) && plan.createdOn < date);
  const cycle = state.cycle;
  const quiet =
    billable.length === 0 &&
    state.unbilled.length === 0 &&
    state.unbilledInterest === 0n &&
    state.lastClosing === 0n &&
    heldFor(state) === 0n &&
    cycle.purchases === 0n &&
    cycle.refunds === 0n &&
    cycle.instalmentRefunds === 0n &&
    cycle.payments === 0n &&
    cycle.payouts === 0n &&
    cycle.interest === 0n &&
    (cycle.lateFees ?? ZERO) === 0n &&
    (cycle.reversals ?? ZERO) === 0n &&
    (cycle.waivers ?? ZERO) === 0n &&
    (state.unbilledLateFees ?? ZERO) === 0n &&
    cycle.converted === 0n &&
    state.statements.every((statement) => statement.settledOn !== null);
  if (sent === false && !quiet) {
    state.nextStatementDate = statementDateAfterCut(terms, date);
    return false;
  }
  const bills: InstalmentBill[] = [];
  for (const plan of billable) {
    const period = plan.billedPeriods + 1;
    const principal = plan.parts[period - 1] ?? ZERO;
    const fee = feeOfPeriod(plan, period);
    plan.billedPeriods = period;
    plan.counters.feesBilled = addMoney(plan.counters.feesBilled, fee);
    bills.push({
      planId: plan.planId,
      period,
      principal,
      fee,
      principalPaid: ZERO,
      feePaid: ZERO,
    });
  }
  const periodStart = state.cycleStart;
  const lateFees = cycle.lateFees ?? ZERO;
  state.cycleStart = date;
  state.nextStatementDate = statementDateAfterCut(terms, date);
  state.cycle = zeroCycle();
  // A cycle with nothing in it and nothing owed gets no statement.
  if (quiet && sent !== true) return false;

  const statement: BilledStatement = {
    seq: state.nextStatementSeq,
    statementDate: date,
    dueDate: dueDateOf(date, terms.due),
    revolving: state.unbilled,
    interest: state.unbilledInterest,
    interestPaid: ZERO,
    instalments: bills,
    minimumPayment: ZERO,
    billedCreditsAtCut: state.billedCredits,
    dueChecked: false,
    graceLost: false,
    interestExact: 0n,
    interestPosted: ZERO,
    settledOn: null,
    // Late fees charged in the cycle are billed on this statement (as interest is).
    ...(state.unbilledLateFees === undefined ? {} : { lateFee: state.unbilledLateFees, lateFeePaid: ZERO }),
  };
  state.statements.push(statement);
  state.unbilled = [];
  state.unbilledInterest = ZERO;
  if (state.unbilledLateFees !== undefined) state.unbilledLateFees = ZERO;
  state.nextStatementSeq += 1;
  useHeld(terms, state, date);
  markSettled(state, date);

  const owed = billedOwed(state);
  const total = sumMoney([owed.revolving, owed.instalmentPrincipal, owed.fees, owed.interest]);
  const rule = terms.minimumPayment;
  const formula = sumMoney([
    applyRate(owed.revolving, rule.principalRate, rule.rounding),
    owed.instalmentPrincipal,
    owed.fees,
    owed.interest,
  ]);
  // A payment holiday (hardship): nothing falls due on this statement's due date; what it bills (interest
  // included) is in the minimum of the first statement after the holiday, as every billed amount is.
  const holiday = (state.holidayStatements ?? 0) > 0;
  const minimum = total === 0n || holiday ? ZERO : minMoney(total, maxMoney(formula, rule.floor));
  statement.minimumPayment = minimum;
  if (holiday) {
    statement.holiday = true;
    const left = (state.holidayStatements ?? 0) - 1;
    if (left > 0) state.holidayStatements = left;
    else delete state.holidayStatements;
  }
  const closing = subMoney(total, heldFor(state));
  let fees: Money = ZERO;
  let instalmentPrincipal: Money = ZERO;
  for (const bill of bills) {
    fees = addMoney(fees, bill.fee);
    instalmentPrincipal = addMoney(instalmentPrincipal, bill.principal);
  }
  out.push({
    seq: statement.seq,
    statementDate: date,
    dueDate: statement.dueDate,
    periodStart,
    periodEnd: addDays(date, -1),
    openingBalance: state.lastClosing,
    purchases: cycle.purchases,
    refunds: cycle.refunds,
    instalmentRefunds: cycle.instalmentRefunds,
    payments: cycle.payments,
    payouts: cycle.payouts,
    fees,
    lateFees,
    interest: cycle.interest,
    instalmentPrincipal,
    converted: cycle.converted,
    reversals: cycle.reversals ?? ZERO,
    waivers: cycle.waivers ?? ZERO,
    closingBalance: closing,
    minimumPayment: minimum,
    instalmentsNotYetBilled: instalmentsNotYetBilled(state),
    instalments: bills.map((bill) => ({
      planId: bill.planId,
      period: bill.period,
      term: planOf(state, bill.planId).term,
      principal: bill.principal,
      fee: bill.fee,
    })),
  });
  state.lastClosing = closing;
  return true;
}

/** Books the interest accumulated on a statement: the exact total rounded half up, less what is booked. */
function postInterest(terms: LineTerms, state: LineState, statement: BilledStatement): void {
  const posted = roundToFen(statement.interestExact, terms.dailyRate.den, 'halfUp');
  const delta = subMoney(posted, statement.interestPosted);
  if (delta === 0n) return;
  statement.interestPosted = posted;
  state.counters.interestAccrued = addMoney(state.counters.interestAccrued, delta);
  state.unbilledInterest = addMoney(state.unbilledInterest, delta);
  state.cycle.interest = addMoney(state.cycle.interest, delta);
}

/** The day after a statement's due date: minimum met? paid in full? If not, the grace period is lost. */
function checkDue(terms: LineTerms, state: LineState, index: number): void {
  const statement = state.statements[index] as BilledStatement;
  statement.dueChecked = true;
  const paidInFull = owedOn(statement) === 0n;
  const unpaidMinimum = minimumOutstanding(state, index);
  // A holiday's due date asked nothing: neither on time nor missed for limit reviews.
  if (!statement.holiday)
    state.dueOutcomes.push({
      seq: statement.seq,
      dueDate: statement.dueDate,
      minimumPayment: statement.minimumPayment,
      minimumMet: unpaidMinimum === 0n,
      paidInFull,
      curedOn: null,
    });
  if (terms.lateFee && unpaidMinimum > 0n) {
    statement.lateFeeDue = nominalLateFee(terms.lateFee, unpaidMinimum);
    statement.lateFeeCharged = ZERO;
  }
  if (state.dueOutcomes.length > MAX_DUE_OUTCOMES) state.dueOutcomes.shift();
  if (paidInFull) return;
  statement.graceLost = true;
  if (terms.interestFrom !== 'posting-date') return;
  // Interest for every day after each unpaid posting's date through the due date, on what is unpaid now.
  let dayFen = 0n;
  for (const posting of statement.revolving)
    dayFen += posting.amount * BigInt(daysBetween(posting.date, statement.dueDate));
  const instalmentDays = BigInt(daysBetween(statement.statementDate, statement.dueDate));
  for (const bill of statement.instalments) dayFen += (bill.principal - bill.principalPaid) * instalmentDays;
  statement.interestExact += dayFen * terms.dailyRate.num;
  // The cap's measure is kept only where there is a late fee to bound.
  if (terms.lateFee) statement.principalDays = (statement.principalDays ?? 0n) + dayFen;
  postInterest(terms, state, statement);
}

/**
 * Charges what the cap allows of a statement's late fee (`lateFeeChargeable`): into the cycle's unbilled late
 * fees, billed on the next statement and paid as a fee.
 */
function chargeLateFee(terms: LineTerms, state: LineState, statement: BilledStatement): void {
  const due = statement.lateFeeDue ?? 0n;
  if (due === 0n) return;
  const charged = statement.lateFeeCharged ?? ZERO;
  const charge = lateFeeChargeable({
    due,
    charged,
    interestExact: statement.interestExact,
    dailyRateDen: terms.dailyRate.den,
    principalDays: statement.principalDays ?? 0n,
    cap: terms.costCap,
  });
  if (charge === 0n) return;
  statement.lateFeeCharged = addMoney(charged, charge);
  const c = state.counters;
  c.lateFeesCharged = addMoney(c.lateFeesCharged ?? ZERO, charge);
  state.unbilledLateFees = addMoney(state.unbilledLateFees ?? ZERO, charge);
  state.cycle.lateFees = addMoney(state.cycle.lateFees ?? ZERO, charge);
}

/** Dates the cure of every missed minimum that is now met (its statement paid down or gone). */
function markCures(state: LineState, date: LocalDate): void {
  for (const outcome of state.dueOutcomes) {
    if (outcome.minimumMet || outcome.curedOn !== null) continue;
    const index = state.statements.findIndex((statement) => statement.seq === outcome.seq);
    if (index < 0 || minimumOutstanding(state, index) === 0n) outcome.curedOn = date;
  }
}

function updateSuspension(terms: LineTerms, state: LineState, date: LocalDate): void {
  markCures(state, date);
  clearWorkoutArrears(state);
  const dpd = lineDaysPastDue(state, date);
  // A line rescheduled into a workout plan is frozen for new spending until the plan is paid (or written off).
  if (workoutInForce(state) !== undefined) state.suspended = true;
  else if (dpd > terms.suspendAfterDpd) state.suspended = true;
  else if (dpd === 0) state.suspended = false;
}

/** Statements fully paid and past their due check drop out of the state, oldest first. */
function prune(state: LineState): void {
  while (state.statements.length > 0) {
    const first = state.statements[0] as BilledStatement;
    if (first.settledOn === null || !first.dueChecked) break;
    state.statements.shift();
  }
}

/**
 * Which statement dates issued a statement (true) and which were quiet (false): recorded while replaying the
 * history as it happened, so that restating it without a reversed payment issues the same statements.
 */
type CutLog = Map<LocalDate, boolean>;

/**
 * The day step of `date`, the day after `processedThrough`, in place. Returns the books just before the day
 * step wrote the line off (the charge-off rule), so the caller can book the write-off as its own journal;
 * null on every other day.
 */
function stepDay(
  terms: LineTerms,
  state: LineState,
  date: LocalDate,
  out: StatementDocument[],
  cuts?: {
    readonly log?: CutLog;
    readonly sent?: ReadonlyMap<LocalDate, boolean>;
    /**
     * Restating the past (a reversal): the day the line was in fact written off, or null if it was not. The
     * charge-off rule is a decision taken on its day, like a statement sent: a restated history writes the
     * line off on that day only (never earlier, with the purchases it took since undone); the next day-end
     * applies the rule again to the restated line.
     */
    readonly writtenOffOn?: LocalDate | null;
  },
): LineBookCounters | null {
  state.processedThrough = date;
  if (state.writtenOffOn) {
    // Charged off: nothing accrues, nothing is billed, no statement is cut; the calendar still moves on.
    if (date === state.nextStatementDate) state.nextStatementDate = statementDateAfterCut(terms, date);
    return null;
  }
  if (date === state.nextStatementDate) {
    const cut = cutStatement(terms, state, date, out, cuts?.sent?.get(date));
    cuts?.log?.set(date, cut);
  }
  for (let index = 0; index < state.statements.length; index += 1) {
    const statement = state.statements[index] as BilledStatement;
    if (!statement.dueChecked && statement.dueDate < date) checkDue(terms, state, index);
  }
  for (const statement of state.statements) {
    if (!statement.graceLost || statement.dueDate >= date) continue;
    const principal = principalOwedOn(statement);
    if (principal === 0n) continue;
    statement.interestExact += principal * terms.dailyRate.num;
    if (terms.lateFee) statement.principalDays = (statement.principalDays ?? ZERO) + principal;
    postInterest(terms, state, statement);
  }
  // Late fees after the day's interest, within the room the cap leaves (principal unpaid: room grows daily).
  for (const statement of state.statements) chargeLateFee(terms, state, statement);
  updateSuspension(terms, state, date);
  prune(state);
  // The charge-off rule loans use: written off once days past due exceed the limit (after the day's accrual).
  const limit = writeOffAfterDpdOf(terms);
  if (limit === null || lineDaysPastDue(state, date) <= limit) return null;
  if (cuts?.writtenOffOn !== undefined && cuts.writtenOffOn !== date) return null;
  const before = bookCounters(state);
  writeOffLine(terms, state, date);
  return before;
}

/**
 * Runs the day steps after `processedThrough` up to and including `through`, on a copy. Returns the new
 * state, one change per day whose books moved, and the statements cut.
 */
export function advanceLine(
  terms: LineTerms,
  state: LineState,
  through: LocalDate,
): { state: LineState; changes: LineChange[]; statements: StatementDocument[] } {
  const next = cloneLineState(state);
  const changes: LineChange[] = [];
  const statements: StatementDocument[] = [];
  for (let date = addDays(next.processedThrough, 1); date <= through; date = addDays(date, 1)) {
    const before = bookCounters(next);
    const beforeWriteOff = stepDay(terms, next, date, statements);
    const after = bookCounters(next);
    // A day that wrote the line off books two journals: the day's accrual, then the write-off of its own kind.
    const dayEnd = beforeWriteOff ?? after;
    if (countersDiffer(before, dayEnd))
      changes.push({ cause: 'day-end', effectiveDate: date, before, after: dayEnd });
    if (beforeWriteOff && countersDiffer(beforeWriteOff, after))
      changes.push({ cause: 'write-off', effectiveDate: date, before: beforeWriteOff, after });
  }
  return { state: next, changes, statements };
}

/** Applies one event to a state that has had the day step of the event's date, in place. */
function applyEventInPlace(terms: LineTerms, state: LineState, event: LineEvent): void {
  if (
    state.writtenOffOn &&
    (event.kind === 'purchase' || event.kind === 'conversion' || event.kind === 'plan-settlement')
  ) {
    throw AppError.invalid(
      'lineId',
      'not-written-off',
      `the line was written off on ${state.writtenOffOn}: no ${event.kind} can be taken on it`,
    );
  }
  switch (event.kind) {
    case 'purchase':
      state.counters.purchased = addMoney(state.counters.purchased, event.amount);
      state.cycle.purchases = addMoney(state.cycle.purchases, event.amount);
      state.unbilled.push({ ref: event.purchaseId, date: event.effectiveDate, amount: event.amount });
      // Money held for the customer pays for new spending at once (溢缴款 is spendable).
      useHeld(terms, state, event.effectiveDate);
      break;
    case 'refund': {
      const toBalance = applyCredit(terms, state, event.amount, event.effectiveDate, event.purchaseId);
      state.cycle.refunds = addMoney(state.cycle.refunds, toBalance);
      break;
    }
    case 'payment':
      state.cycle.payments = addMoney(state.cycle.payments, event.amount);
      applyCredit(terms, state, event.amount, event.effectiveDate, null);
      break;
    case 'conversion':
      applyConversion(state, event);
      break;
    case 'payout':
      applyPayout(state, event.amount, event.payoutId);
      break;
    case 'reserve': {
      const free = freeHeldOf(state);
      if (event.amount <= 0n || event.amount > free)
        throw AppError.invalid(
          'amount',
          'within-held',
          `at most ${toDecimalString(free)} is held for the customer and not already being paid back`,
        );
      setReserved(state, addMoney(reservedOf(state), event.amount));
      return;
    }
    case 'release': {
      const reserved = reservedOf(state);
      if (event.amount <= 0n || event.amount > reserved)
        throw AppError.invalid(
          'amount',
          'within-reserved',
          `only ${toDecimalString(reserved)} is reserved for pay-outs`,
        );
      setReserved(state, subMoney(reserved, event.amount));
      return;
    }
    case 'plan-settlement':
      settlePlanEarly(state, event.planId, event.effectiveDate);
      break;
    case 'write-off':
      writeOffLine(terms, state, event.effectiveDate);
      return;
    case 'hardship':
      applyHardship(terms, state, event.change, event.effectiveDate, event.requestId);
      break;
    case 'reversal':
      // Moves nothing itself: `replayLine` restates the books without the payment it reverses.
      return;
  }
  // A written-off line stays as the write-off left it: no cures, no reactivation.
  if (state.writtenOffOn) return;
  updateSuspension(terms, state, event.effectiveDate);
  prune(state);
}

/**
 * The state after every event, from the opening, through `through`: day steps and events interleaved by
 * date, events of one date in arrival order. This is the definition of a line's books; the incremental
 * paths (day-end, commands dated today) are this function computed one day at a time.
 *
 * A **reversal** (a payment that did not stand) restates the line on its date exactly as if the payment had
 * never been made: the history up to it is replayed from the opening without the payments reversed so far
 * (`standingEvents`) — statements' balances and minimums, plan instalments, interest and its grace, late
 * fees, days past due — issuing a statement on exactly the dates one was issued (`CutLog`: sent statements
 * are documents and keep their numbers). Statements already sent never change: the restated closing balance
 * of the last one less the closing it was sent with is carried to the next statement as `reversals`.
 */
export function replayLine(
  terms: LineTerms,
  events: readonly LineEvent[],
  through: LocalDate,
): { state: LineState; statements: StatementDocument[] } {
  const sorted = [...events].sort(compareLineEvents);
  let state = initialLineState(terms);
  const statements: StatementDocument[] = [];
  const log: CutLog = new Map();
  let index = 0;
  const takeEventsThrough = (date: LocalDate, exact: boolean) => {
    while (index < sorted.length) {
      const event = sorted[index] as LineEvent;
      if (exact ? event.effectiveDate !== date : event.effectiveDate > date) break;
      if (event.kind === 'reversal') state = restateWithout(terms, sorted.slice(0, index + 1), state, log);
      else applyEventInPlace(terms, state, event);
      index += 1;
    }
  };
  takeEventsThrough(terms.openedOn, false);
  for (let date = addDays(terms.openedOn, 1); date <= through; date = addDays(date, 1)) {
    stepDay(terms, state, date, statements, { log });
    takeEventsThrough(date, true);
  }
  return { state, statements };
}

/** Replays standing events only (no reversal among them), issuing statements as `sent` says where it says. */
function replayStanding(
  terms: LineTerms,
  sorted: readonly LineEvent[],
  through: LocalDate,
  sent: ReadonlyMap<LocalDate, boolean>,
  writtenOffOn: LocalDate | null,
): LineState {
  const state = initialLineState(terms);
  const discarded: StatementDocument[] = [];
  let index = 0;
  while (index < sorted.length && (sorted[index] as LineEvent).effectiveDate <= terms.openedOn) {
    applyEventInPlace(terms, state, sorted[index] as LineEvent);
    index += 1;
  }
  for (let date = addDays(terms.openedOn, 1); date <= through; date = addDays(date, 1)) {
    stepDay(terms, state, date, discarded, { sent, writtenOffOn });
    while (index < sorted.length && (sorted[index] as LineEvent).effectiveDate === date) {
      applyEventInPlace(terms, state, sorted[index] as LineEvent);
      index += 1;
    }
  }
  return state;
}

/**
 * The line as of a reversal (the last of `prefix`, events in replay order up to it) had the payments it
 * and the reversals before it name never been made; `current` is the line as it stands, whose last
 * statement's closing balance is the one the customer was sent. Money held and since paid out that would
 * never have been held is refused (`paymentSeq` / `held-money-not-paid-out`).
 */
function restateWithout(
  terms: LineTerms,
  prefix: readonly LineEvent[],
  current: LineState,
  sent: ReadonlyMap<LocalDate, boolean>,
): LineState {
  const reversal = prefix[prefix.length - 1] as Extract<LineEvent, { kind: 'reversal' }>;
  let restated: LineState;
  try {
    restated = replayStanding(
      terms,
      standingEvents(prefix),
      reversal.effectiveDate,
      sent,
      // A line settled for less was written off by the settlement event, not by the charge-off rule: the
      // restated history lets that event write it off again (the rule must not take its day first).
      current.settledOn ? null : (current.writtenOffOn ?? null),
    );
  } catch (error) {
    if (error instanceof AppError && error.issues.some((issue) => issue.rule === 'within-held')) {
      throw AppError.invalid(
        'paymentSeq',
        'held-money-not-paid-out',
        `without payment ${reversal.reverses} the money paid out to the customer was never held; ` +
          `recover it before reversing (${error.issues[0]?.message ?? ''})`,
      );
    }
    throw error;
  }
  const carried = subMoney(restated.lastClosing, current.lastClosing);
  restated.lastClosing = current.lastClosing;
  if (carried !== 0n) restated.cycle.reversals = carried;
  return restated;
}

/**
 * The earliest value date a payment may carry now: not before the last statement date (statements already
 * sent never change) nor before the line's latest conversion (its amount was fixed on the state then).
 */
export function earliestBackdate(
  terms: LineTerms,
  state: LineState,
  events: readonly LineEvent[],
): LocalDate {
  let earliest = state.cycleStart > terms.openedOn ? state.cycleStart : terms.openedOn;
  // A hardship change's amounts were fixed on the state of its day, as a conversion's were.
  for (const event of events) {
    if ((event.kind === 'conversion' || event.kind === 'hardship') && event.effectiveDate > earliest)
      earliest = event.effectiveDate;
  }
  // A written-off line keeps its write-off: a payment value-dated on or before that day would be replayed
  // before the rule ran and could undo it (no statements are cut after it, so cycleStart stays behind it).
  if (state.writtenOffOn) {
    const after = addDays(state.writtenOffOn, 1);
    if (after > earliest) earliest = after;
  }
  return earliest;
}

/**
 * Takes in a new event. Dated on or after the line's last processed day: the missing day steps run first
 * (booked as those days' day-end, so the batch will not book them again), then the event. A payment dated
 * earlier (back-dated, within the current cycle): the books are recomputed from the opening with every
 * event in date order (`replayLine`) and the difference is booked as one restatement — e.g. interest
 * reversed because the statement was in fact paid in full by its due date. Either way the result equals
 * `replayLine` of all the events.
 */
export function receiveLineEvent(
  terms: LineTerms,
  state: LineState,
  earlierEvents: readonly LineEvent[],
  event: LineEvent,
): { state: LineState; changes: LineChange[]; statements: StatementDocument[] } {
  if (event.effectiveDate < terms.openedOn) {
    throw AppError.invalid('effectiveDate', 'not-before-opening', `the line opened on ${terms.openedOn}`);
  }
  if (event.kind === 'reversal') return receiveReversal(terms, state, earlierEvents, event);
  if (event.effectiveDate >= state.processedThrough) {
    const advanced = advanceLine(terms, state, event.effectiveDate);
    const before = bookCounters(advanced.state);
    // Money received on a line settled for less is held for the customer: not a recovery.
    const recovery =
      Boolean(advanced.state.writtenOffOn) &&
      !advanced.state.settledOn &&
      (event.kind === 'payment' || event.kind === 'refund');
    applyEventInPlace(terms, advanced.state, event);
    advanced.changes.push({
      cause: recovery ? 'recovery' : event.kind,
      effectiveDate: event.effectiveDate,
      seq: event.seq,
      before,
      after: bookCounters(advanced.state),
    });
    return advanced;
  }
  if (event.kind !== 'payment') {
    throw AppError.invalid('effectiveDate', 'not-in-the-past', `only a payment may carry a past value date`);
  }
  const earliest = earliestBackdate(terms, state, earlierEvents);
  if (event.effectiveDate < earliest) {
    throw AppError.invalid(
      'effectiveDate',
      'within-current-cycle',
      `a payment may be value-dated back to ${earliest} at the earliest (the last statement date or conversion${state.writtenOffOn ? `, or the day after the write-off on ${state.writtenOffOn}` : ''})`,
    );
  }
  const restated = replayLine(terms, [...earlierEvents, event], state.processedThrough).state;
  return {
    state: restated,
    changes: [
      {
        cause: 'restatement',
        effectiveDate: state.processedThrough,
        seq: event.seq,
        before: bookCounters(state),
        after: bookCounters(restated),
      },
    ],
    statements: [],
  };
}

/** The payment a line reversal names, checked: a payment of this line, not reversed already. */
export function reversibleLinePayment(
  events: readonly LineEvent[],
  reverses: number,
): Extract<LineEvent, { kind: 'payment' }> {
  return reversiblePayment(events, reverses, { kind: 'payment', rule: 'a-payment', contract: 'line' });
}

/**
 * A reversal, dated today: the day steps up to its date first (booked as those days' day-end), then the
 * books restated without the payment (`replayLine`), the difference booked as one restatement.
 */
function receiveReversal(
  terms: LineTerms,
  state: LineState,
  earlierEvents: readonly LineEvent[],
  event: Extract<LineEvent, { kind: 'reversal' }>,
): { state: LineState; changes: LineChange[]; statements: StatementDocument[] } {
  const target = reversibleLinePayment(earlierEvents, event.reverses);
  if (event.effectiveDate < state.processedThrough || event.effectiveDate < target.effectiveDate) {
    throw AppError.invalid(
      'effectiveDate',
      'not-in-the-past',
      `a reversal is dated the day it is taken, on or after ${state.processedThrough} and ${target.effectiveDate}`,
    );
  }
  // A reschedule moved the whole balance of its day into a workout plan whose instalments were sent to the
  // customer; restating a payment before it would re-cut that plan. Refused: the plan stands (collect the
  // returned amount as a new debt outside it, or settle).
  const reschedule = earlierEvents.find(
    (earlier) =>
      earlier.kind === 'hardship' &&
      earlier.change.tool === 'reschedule' &&
      earlier.effectiveDate >= target.effectiveDate,
  );
  if (reschedule)
    throw AppError.invalid(
      'reverses',
      'before-reschedule',
      `payment ${target.seq} of ${target.effectiveDate} is before the reschedule of ${reschedule.effectiveDate} into a workout plan: it can no longer be reversed`,
    );
  const advanced = advanceLine(terms, state, event.effectiveDate);
  const restated = replayLine(terms, [...earlierEvents, event], event.effectiveDate).state;
  advanced.changes.push({
    cause: 'restatement',
    effectiveDate: event.effectiveDate,
    seq: event.seq,
    before: bookCounters(advanced.state),
    after: bookCounters(restated),
  });
  return { state: restated, changes: advanced.changes, statements: advanced.statements };
}

/** What the customer owes and has, as of the last processed day. */
export interface LineBalances {
  /** Billed and unpaid, by component. */
  readonly billedPrincipal: Money;
  readonly billedInterest: Money;
  readonly billedFees: Money;
  /** Spending of the cycle in progress and its interest so far. */
  readonly unbilledPrincipal: Money;
  readonly unbilledInterest: Money;
  /** Late fees charged in the cycle, billed on the next statement. */
  readonly unbilledLateFees: Money;
  /** Converted principal to be billed on later statements. */
  readonly instalmentsNotYetBilled: Money;
  readonly heldForCustomer: Money;
  /** All principal owed (revolving and converted): what the facility counts as used. */
  readonly principalOwed: Money;
  /** Everything owed less money held: what pays the line off today. */
  readonly payoff: Money;
}

export function lineBalancesOf(state: LineState): LineBalances {
  const owed = billedOwed(state);
  const unbilledPrincipal = sumPostings(state.unbilled);
  const notYetBilled = instalmentsNotYetBilled(state);
  const held = heldFor(state);
  const total = sumMoney([
    owed.revolving,
    owed.instalmentPrincipal,
    owed.fees,
    owed.interest,
    unbilledPrincipal,
    state.unbilledInterest,
    state.unbilledLateFees ?? ZERO,
    notYetBilled,
  ]);
  return {
    billedPrincipal: addMoney(owed.revolving, owed.instalmentPrincipal),
    billedInterest: owed.interest,
    billedFees: owed.fees,
    unbilledPrincipal,
    unbilledInterest: state.unbilledInterest,
    unbilledLateFees: state.unbilledLateFees ?? ZERO,
    instalmentsNotYetBilled: notYetBilled,
    heldForCustomer: held,
    principalOwed: sumMoney([owed.revolving, owed.instalmentPrincipal, unbilledPrincipal, notYetBilled]),
    payoff: subMoney(total, held),
  };
}

/** Total principal owed on the line and its plans — the facility's `used` — from the counters. */
export function principalOwedOf(counters: LineBookCounters): Money {
  let total = subMoney(
    subMoney(counters.line.purchased, counters.line.convertedOut),
    counters.line.principalRepaid,
  );
  for (const plan of Object.values(counters.plans))
    total = addMoney(
      total,
      subMoney(plan.converted, addMoney(plan.principalRepaid, plan.principalRescheduled ?? ZERO)),
    );
  return total;
}
