import { addMoney, subMoney, sumMoney, ZERO, type Money } from '../../platform/money/money.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import { standingEvents as standingOf, type ReversalReason } from '../shared/reversals.ts';

export type LoanStatus = 'active' | 'closed' | 'written_off';

/** A billed instalment (one that has fallen due): what it asked for and what has been paid of it. */
export interface Instalment {
  readonly period: number;
  readonly dueDate: LocalDate;
  readonly principal: Money;
  readonly interest: Money;
  principalPaid: Money;
  interestPaid: Money;
  /** Penalty interest accrued so far, exact: numerator over the contract's penalty denominator. */
  penaltyExact: bigint;
  /** Penalty accrued, the exact amount rounded half up (cumulative, so daily roundings never drift). */
  penalty: Money;
  penaltyPaid: Money;
  /** The day it was paid in full; null while anything of it is owed. */
  settledOn: LocalDate | null;
  /**
   * Penalty billed with this instalment from earlier instalments by a re-age (hardship): part of `penalty`,
   * not of its own accrual (absent: none).
   */
  penaltyCarried?: Money;
  /** The day a re-age brought this instalment current by moving what was unpaid of it to later ones. */
  reagedOn?: LocalDate;
}

/**
 * Running totals since the drawdown, every one in fen. The loan's ledger balances are a fixed function of
 * them (`loanBalances`), so a journal is the difference between the counters before and after an
 * operation — and two histories that end with the same counters have the same books.
 */
export interface LoanCounters {
  disbursed: Money;
  upfrontFee: Money;
  interestAccrued: Money;
  penaltyAccrued: Money;
  cashReceived: Money;
  principalRepaid: Money;
  interestRepaid: Money;
  penaltyRepaid: Money;
  /** Cash beyond what was owed, held for the customer. */
  overpaid: Money;
  /** Held money later used to pay what fell due. */
  overpaymentApplied: Money;
  /** Held money paid back to the customer (payouts). */
  heldPaidOut: Money;
  principalWrittenOff: Money;
  interestWrittenOff: Money;
  penaltyWrittenOff: Money;
  /** Cash received on written-off amounts. */
  recovered: Money;
  /** Interest and penalty waived by goodwill (hardship): income not earned, never collected. */
  interestWaived: Money;
  penaltyWaived: Money;
}

/** A loan's servicing state as of `processedThrough` (the last business date whose day-end it has had). */
export interface LoanState {
  processedThrough: LocalDate;
  status: LoanStatus;
  /** The next period to bill (1-based); term + 1 once every instalment has been billed. */
  nextPeriod: number;
  /** Principal not yet billed (falls due in later instalments). */
  unbilledPrincipal: Money;
  /** Planned principal of each period (index = period − 1); re-planned after a partial early repayment. */
  principalPlan: Money[];
  /** Interest of the current period so far, exact: numerator over the period's denominator. */
  periodExact: bigint;
  /** …rounded half up: what has been accrued on the books for the current period. */
  periodPosted: Money;
  /** Part of `periodPosted` paid early (interest up to the day of an early repayment). */
  periodPaid: Money;
  instalments: Instalment[];
  counters: LoanCounters;
  closedOn: LocalDate | null;
  writtenOffOn: LocalDate | null;
  /**
   * The schedule as amended by hardship (reschedule, payment holiday): every due date from the first and
   * the periods skipped by a holiday. Absent: the contract's due dates, none skipped.
   */
  schedule?: AmendedSchedule;
  /**
   * Interest and penalty owed but billed with later instalments (hardship): a holiday's interest, the
   * unpaid interest and penalty a re-age moved on. Each billed instalment takes ⌊pool ÷ instalments left⌋;
   * the last takes the rest.
   */
  carriedInterest: Money;
  carriedPenalty: Money;
  /** Closed by a settlement for less than was owed (the rest written off); null otherwise. */
  settledOn?: LocalDate | null;
  /**
   * Part of the money held for the customer set aside for pay-outs sent to the provider and not yet
   * answered (`reserve` events less `release`s and the payouts booked from them). Still held — it stays in
   * `heldFor` and on the books — but never used on what falls due (absent: none).
   */
  reserved?: Money;
}

/** Due dates after hardship changes; `skipped` periods (a holiday) bill no principal and carry their interest. */
export interface AmendedSchedule {
  readonly dueDates: readonly LocalDate[];
  readonly skipped: readonly number[];
}

export const REPAYMENT_INTENTS = ['scheduled', 'prepayment'] as const;
/**
 * `scheduled`: pays what is due; anything more is held for the customer and used when the next instalment
 * falls due. `prepayment`: pays what is due, then the interest accrued up to today, then principal early
 * (the later instalments shrink, the term stays); anything beyond the whole debt is held.
 */
export type RepaymentIntent = (typeof REPAYMENT_INTENTS)[number];

/**
 * What happens to a loan. The canonical order is by `effectiveDate`, then by kind within a day (scheduled
 * repayments, then prepayments, then a write-off — `sameDayRank`), then by `seq` (arrival). Events of one
 * kind on one day commute (their amounts add), so this order makes the books independent of the order in
 * which events arrive.
 */
export type LoanEvent =
  | {
      readonly seq: number;
      readonly kind: 'repayment';
      readonly effectiveDate: LocalDate;
      readonly amount: Money;
      readonly intent: RepaymentIntent;
    }
  | { readonly seq: number; readonly kind: 'write-off'; readonly effectiveDate: LocalDate }
  /**
   * Money held for the customer paid back to them (never more than is held at that point). With `payoutId`
   * it is a pay-out the provider confirmed, booked from that pay-out's reservation.
   */
  | {
      readonly seq: number;
      readonly kind: 'payout';
      readonly effectiveDate: LocalDate;
      readonly amount: Money;
      readonly payoutId?: string;
    }
  /**
   * Held money set aside for pay-out `payoutId` while the provider has it (`reserve`: never more than is
   * held and not already reserved), or given back to the customer's use when the provider refused it
   * (`release`, the reservation's amount). Neither moves money on the books.
   */
  | PayoutReservationEvent<'reserve'>
  | PayoutReservationEvent<'release'>
  /**
   * A repayment that did not stand (returned by the bank, charged back): the books are restated as if it had
   * never been received. `reverses` is the repayment's seq; the reversal itself moves nothing.
   */
  | {
      readonly seq: number;
      readonly kind: 'reversal';
      readonly effectiveDate: LocalDate;
      readonly reverses: number;
      readonly reason: ReversalReason;
    }
  /** A hardship request applied (issue 15, item 4): the change it makes, and the request it carries out. */
  | {
      readonly seq: number;
      readonly kind: 'hardship';
      readonly effectiveDate: LocalDate;
      readonly requestId: string;
      readonly change: HardshipChange;
    };

/** A pay-out's reservation of held money, or its release (see `LoanEvent`). */
export interface PayoutReservationEvent<Kind extends 'reserve' | 'release'> {
  readonly seq: number;
  readonly kind: Kind;
  readonly effectiveDate: LocalDate;
  readonly amount: Money;
  readonly payoutId: string;
}

/** The hardship tools (see `hardship.ts`). */
export const HARDSHIP_TOOLS = ['reschedule', 're-age', 'holiday', 'waiver', 'settlement'] as const;
export type HardshipTool = (typeof HARDSHIP_TOOLS)[number];

/**
 * What a hardship event does to the loan, as the servicing core applies it:
 * - `reschedule`: the principal not yet billed over `instalments` instalments from the next due date (after
 *   any holiday still to run), at the contract rate;
 * - `re-age`: what is overdue moves to the instalments not yet billed (principal re-planned, interest and
 *   penalty billed in parts with them); the loan is current;
 * - `holiday`: the next `instalments` instalments are skipped and the schedule moves that many months on;
 *   their interest is deferred (billed in parts with the instalments after the holiday, no interest on it);
 * - `waiver`: interest and penalty owed waived (goodwill), at most what is owed at that point;
 * - `settlement`: `amount` received and the rest of what is owed written off; the loan is closed, settled.
 */
export type HardshipChange =
  | { readonly tool: 'reschedule'; readonly instalments: number }
  | { readonly tool: 're-age' }
  | { readonly tool: 'holiday'; readonly instalments: number }
  | { readonly tool: 'waiver'; readonly interest: Money; readonly penalty: Money }
  | { readonly tool: 'settlement'; readonly amount: Money };

// Shared with credit lines (src/lending/shared/reversals.ts); re-exported for the loan modules.
export { REVERSAL_REASONS, type ReversalReason } from '../shared/reversals.ts';

/**
 * 0 scheduled repayment, 1 prepayment, 2 hardship, 3 write-off, 4 payout (and a pay-out's reserve and
 * release, in arrival order with it), 5 reversal (which moves nothing itself). A payout comes last in its day: it pays back what the day's repayments left held, and never
 * commutes with them (it is bounded by what is held). Hardship changes of one day keep their arrival order.
 */
export function sameDayRank(event: LoanEvent): number {
  if (event.kind === 'reversal') return 5;
  if (event.kind === 'payout' || event.kind === 'reserve' || event.kind === 'release') return 4;
  if (event.kind === 'write-off') return 3;
  if (event.kind === 'hardship') return 2;
  return event.intent === 'scheduled' ? 0 : 1;
}

export function compareEvents(a: LoanEvent, b: LoanEvent): number {
  if (a.effectiveDate !== b.effectiveDate) return a.effectiveDate < b.effectiveDate ? -1 : 1;
  const rank = sameDayRank(a) - sameDayRank(b);
  return rank !== 0 ? rank : a.seq - b.seq;
}

export function zeroCounters(): LoanCounters {
  const zero = ZERO;
  return {
    disbursed: zero,
    upfrontFee: zero,
    interestAccrued: zero,
    penaltyAccrued: zero,
    cashReceived: zero,
    principalRepaid: zero,
    interestRepaid: zero,
    penaltyRepaid: zero,
    overpaid: zero,
    overpaymentApplied: zero,
    heldPaidOut: zero,
    principalWrittenOff: zero,
    interestWrittenOff: zero,
    penaltyWrittenOff: zero,
    recovered: zero,
    interestWaived: zero,
    penaltyWaived: zero,
  };
}

export function cloneState(state: LoanState): LoanState {
  return {
    ...state,
    principalPlan: [...state.principalPlan],
    instalments: state.instalments.map((instalment) => ({ ...instalment })),
    counters: { ...state.counters },
    ...(state.schedule
      ? { schedule: { dueDates: [...state.schedule.dueDates], skipped: [...state.schedule.skipped] } }
      : {}),
  };
}

/** What the customer owes now, by component, and what is held for them. */
export interface Outstanding {
  readonly principal: Money;
  readonly interest: Money;
  readonly penalty: Money;
  /** Held for the customer (overpayment), not yet used. */
  readonly overpayment: Money;
  /** Written off and not recovered (owed, but off the books). */
  readonly writtenOff: Money;
}

/** Money held for the customer: overpaid, less what was used on the loan and what was paid back out. */
export function heldFor(c: LoanCounters): Money {
  return subMoney(subMoney(c.overpaid, c.overpaymentApplied), c.heldPaidOut);
}

/** Held money set aside for pay-outs waiting for the provider. */
export function reservedOf(state: Pick<LoanState, 'reserved'>): Money {
  return state.reserved ?? ZERO;
}

/** Held money free to be used on what falls due (or paid out): held, less what is reserved for pay-outs. */
export function freeHeldOf(state: Pick<LoanState, 'counters' | 'reserved'>): Money {
  return subMoney(heldFor(state.counters), reservedOf(state));
}

export function outstandingOf(state: LoanState): Outstanding {
  return outstandingOfCounters(state.counters);
}

/** `outstandingOf` from the counters alone (the books of a booked change). */
export function outstandingOfCounters(c: LoanCounters): Outstanding {
  return {
    principal: subMoney(c.disbursed, addMoney(c.principalRepaid, c.principalWrittenOff)),
    interest: subMoney(
      c.interestAccrued,
      sumMoney([c.interestRepaid, c.interestWrittenOff, c.interestWaived]),
    ),
    penalty: subMoney(c.penaltyAccrued, sumMoney([c.penaltyRepaid, c.penaltyWrittenOff, c.penaltyWaived])),
    overpayment: heldFor(c),
    writtenOff: subMoney(
      sumMoney([c.principalWrittenOff, c.interestWrittenOff, c.penaltyWrittenOff]),
      c.recovered,
    ),
  };
}

/**
 * The events that make the books: every event except reversals and the repayments they reversed. A loan's
 * books are `replay` of these — a reversed repayment is as if it had never been received.
 */
export function standingEvents(events: readonly LoanEvent[]): LoanEvent[] {
  return standingOf(events);
}
