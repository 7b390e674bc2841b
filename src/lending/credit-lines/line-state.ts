import { ZERO, type Money } from '../../platform/money/money.ts';
import type { Rate } from '../../platform/money/rate.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import type { ReversalReason } from '../shared/reversals.ts';

/**
 * The servicing state of a credit line as of `processedThrough`, the last business date whose day step it
 * has had (the day-end watermark). Everything in fen; interest accumulates as exact fractions.
 */

/** Principal posted on a date and still unpaid (a purchase, or an instalment billed on a statement). */
export interface Posting {
  /** The purchase id, or the plan id of a billed instalment. */
  readonly ref: string;
  readonly date: LocalDate;
  amount: Money;
}

/** One period of an instalment plan, billed on a statement. */
export interface InstalmentBill {
  readonly planId: string;
  readonly period: number;
  readonly principal: Money;
  readonly fee: Money;
  principalPaid: Money;
  feePaid: Money;
}

/** A statement that still matters for servicing: something on it is unpaid or its due date is to come. */
export interface BilledStatement {
  readonly seq: number;
  readonly statementDate: LocalDate;
  readonly dueDate: LocalDate;
  /** Revolving principal billed and unpaid, oldest posting first (payments take the oldest first). */
  revolving: Posting[];
  readonly interest: Money;
  interestPaid: Money;
  instalments: InstalmentBill[];
  /** Set when the statement is cut, after money held for the customer was used on it. */
  minimumPayment: Money;
  /** `billedCredits` when the statement was cut: credits to billed debt since count toward its minimum. */
  readonly billedCreditsAtCut: Money;
  /** Whether the day after the due date has been processed. */
  dueChecked: boolean;
  /** Not paid in full by the due date: its unpaid principal bears interest. */
  graceLost: boolean;
  /** Interest charged because of this statement, exact: numerator over the daily rate's denominator. */
  interestExact: bigint;
  /** …rounded half up, cumulatively: what has been booked. */
  interestPosted: Money;
  settledOn: LocalDate | null;
  /**
   * Late fees (违约金) billed on this statement (charged in the cycle before it) and paid. Absent in states
   * stored before late fees: 0.
   */
  lateFee?: Money;
  lateFeePaid?: Money;
  /** The late fee set when this statement's minimum was missed, and how much of it was charged so far. */
  lateFeeDue?: Money;
  lateFeeCharged?: Money;
  /**
   * Principal-days that bore interest because of this statement (the interest accumulator's days): the
   * measure the all-in cost cap bounds this statement's interest and late fee by.
   */
  principalDays?: bigint;
  /**
   * Cut during a payment holiday (hardship): its minimum payment is 0 — nothing falls due on its due date, so
   * no day past due and no late fee — and its due date is no outcome for limit reviews. Absent: not.
   */
  holiday?: true;
  /**
   * Brought current by a re-age (hardship) while its minimum was unmet: what is left of its minimum no longer
   * counts (`minimumOutstanding` is 0 — no day past due, no further late fee) and its due date is no outcome
   * for limit reviews. What it billed stays owed. Absent: not.
   */
  reAged?: true;
}

export type PlanSource =
  | { readonly kind: 'statement'; readonly statementSeq: number }
  | { readonly kind: 'purchase'; readonly purchaseId: string }
  /** A workout plan (hardship reschedule): the line's whole balance owed, moved by request `requestId`. */
  | { readonly kind: 'workout'; readonly requestId: string };

/** Running totals of one instalment plan (its own ledger contract). */
export interface PlanCounters {
  converted: Money;
  feesBilled: Money;
  principalRepaid: Money;
  feesRepaid: Money;
  /** Principal and fees owed on the plan when its line was written off (absent: never written off). */
  principalWrittenOff?: Money;
  feesWrittenOff?: Money;
  /** Instalment fees billed and waived by goodwill (a hardship waiver; absent: none). */
  feesWaived?: Money;
  /**
   * Principal and fees this plan was owed (billed or not) when its line was rescheduled into a workout plan:
   * moved into that plan, which owes them now (absent: never rescheduled).
   */
  principalRescheduled?: Money;
  feesRescheduled?: Money;
}

/**
 * An instalment plan (分期): converted principal billed in equal parts with a fee each period.
 *
 * A refund of the purchase a plan was converted from goes to the plan first (`refundToPlan` in
 * `line-servicing.ts`): it takes principal off the periods not yet billed. All of it: the plan is cancelled
 * (`cancelledOn`; the unbilled periods' parts become 0 and their fees are never billed). Part of it: what
 * is left is re-spread over the same unbilled periods (`flatFeeSplit`'s rule, leftover fen on the first)
 * and their fee becomes (principal − refunded) × fee rate, half up. Billed periods never change.
 */
export interface InstalmentPlan {
  readonly planId: string;
  readonly source: PlanSource;
  readonly createdOn: LocalDate;
  /** The amount converted. */
  readonly principal: Money;
  readonly term: number;
  readonly feeRate: Rate;
  /** The fee of each period still to be billed (billed fees are on the statements). */
  feePerPeriod: Money;
  /**
   * A workout plan's charge of each period (interest on what is left of the principal moved, see
   * `workoutPlanFigures`), which varies by period; absent: `feePerPeriod` every period.
   */
  fees?: Money[];
  /** Principal of each period: billed ones as billed, the rest as now scheduled (0 once cancelled). */
  parts: Money[];
  billedPeriods: number;
  /** Principal taken off the unbilled periods by refunds of the converted purchase. */
  refunded: Money;
  /** The date a refund cancelled every period not yet billed (null while the plan runs). */
  cancelledOn: LocalDate | null;
  /**
   * Early settlement (提前结清): asked for `on`; every principal not yet billed is billed in `lastPeriod` (the
   * next period) with that period's fee; the fees of the periods after it are never billed. Absent: none.
   */
  earlySettlement?: { readonly on: LocalDate; readonly lastPeriod: number } | null;
  /** The date its line was written off: nothing more is billed (absent/null: not written off). */
  writtenOffOn?: LocalDate | null;
  counters: PlanCounters;
}

/** The last period a plan bills: its term, or the period an early settlement billed everything in. */
export function lastPeriodOf(plan: Pick<InstalmentPlan, 'term' | 'earlySettlement'>): number {
  return plan.earlySettlement?.lastPeriod ?? plan.term;
}

/**
 * Running totals of the line's own contract (revolving balances). The line's ledger balances are a fixed
 * function of them (`lineBalances`), so a journal is the difference between two states.
 */
export interface LineCounters {
  purchased: Money;
  /** Principal moved into instalment plans. */
  convertedOut: Money;
  principalRepaid: Money;
  interestAccrued: Money;
  interestRepaid: Money;
  /** Payments and refunds received (all cash enters through the line). */
  cashReceived: Money;
  /** Cash and held money passed on to instalment plans (their principal and fees). */
  forwardedToPlans: Money;
  /** Credit beyond what was owed, held for the customer. */
  overpaid: Money;
  /** Held money later used on what fell due. */
  overpaymentApplied: Money;
  /** Held money paid out to the customer (payouts). */
  paidOut: Money;
  /** Late fees charged and repaid (absent in states stored before late fees: 0). */
  lateFeesCharged?: Money;
  lateFeesRepaid?: Money;
  /**
   * The charge-off (written off, `writeOffLine`): what the line's own contract was owed, by component, moved to
   * write-off expense; and cash received after it on what was written off (recoveries, their own income).
   * All four are set together when a line is written off; absent: never written off.
   */
  principalWrittenOff?: Money;
  interestWrittenOff?: Money;
  lateFeesWrittenOff?: Money;
  recovered?: Money;
  /**
   * Interest and late fees waived by goodwill (a hardship waiver, `line-hardship.ts`): income not earned,
   * never collected. Absent: none waived.
   */
  interestWaived?: Money;
  lateFeesWaived?: Money;
  /**
   * Interest and late fees owed that a hardship reschedule moved into a workout plan (the plan owes them now;
   * the plan paid the line for them, through funding). Absent: none.
   */
  interestRescheduled?: Money;
  lateFeesRescheduled?: Money;
}

/** The figures of the cycle in progress, for its statement. */
export interface CycleTotals {
  purchases: Money;
  /** Refunds credited to the balance (the waterfall, the refunded purchase while unbilled, money held). */
  refunds: Money;
  /** Refunds of converted purchases that took principal off their plans' instalments not yet billed. */
  instalmentRefunds: Money;
  payments: Money;
  /** Money held for the customer paid out to them. */
  payouts: Money;
  interest: Money;
  converted: Money;
  /** Late fees charged in the cycle (absent before late fees: 0). */
  lateFees?: Money;
  /**
   * Payments reversed after the statement that showed them was sent, with what their restatement changed on
   * statements already sent (interest, late fees): the restated closing of the last statement less the closing
   * it was sent with. It raises the next statement's closing balance (absent: 0).
   */
  reversals?: Money;
  /**
   * Interest, late fees and instalment fees waived in the cycle by goodwill (hardship), billed or not: it
   * lowers the next statement's closing balance (absent: 0).
   */
  waivers?: Money;
}

/** Whether the minimum payment of a statement was met by its due date, and whether it was paid in full. */
export interface DueOutcome {
  readonly seq: number;
  readonly dueDate: LocalDate;
  readonly minimumPayment: Money;
  readonly minimumMet: boolean;
  readonly paidInFull: boolean;
  /** For a missed minimum: the date it was finally met (null while it is not). */
  curedOn: LocalDate | null;
}

export interface LineState {
  processedThrough: LocalDate;
  /** First date of the cycle in progress (the last statement date, or the opening date). */
  cycleStart: LocalDate;
  nextStatementDate: LocalDate;
  /** The seq the next statement gets. */
  nextStatementSeq: number;
  /** The closing balance of the last statement: the next one's opening balance. */
  lastClosing: Money;
  /** Unbilled principal of the cycle, one posting per purchase, oldest first. */
  unbilled: Posting[];
  /** Interest accrued in the cycle and not yet paid (billed on the next statement). */
  unbilledInterest: Money;
  /** Late fees charged in the cycle and not yet paid (billed on the next statement; absent: 0). */
  unbilledLateFees?: Money;
  cycle: CycleTotals;
  statements: BilledStatement[];
  plans: InstalmentPlan[];
  counters: LineCounters;
  /** Cumulative credits applied to billed statements (minimum payments are measured against it). */
  billedCredits: Money;
  /** The last 24 due dates' outcomes, oldest first (limit reviews count on-time cycles from them). */
  dueOutcomes: DueOutcome[];
  /** The line's wish for its facility: suspended (days past due above the limit) until it is current. */
  suspended: boolean;
  /**
   * The business date the line was written off (charged off) — by the day-end once days past due exceed
   * `writeOffAfterDpd`, or by staff (`write-off` event). From then on nothing accrues, nothing is billed, no
   * statement is cut, the facility stays suspended, and money received is a recovery. Absent/null: not.
   */
  writtenOffOn?: LocalDate | null;
  /**
   * Part of the money held for the customer set aside for pay-outs sent to the provider and not yet
   * answered (`reserve` events less `release`s and the payouts booked from them). Still held — in `heldFor`,
   * on the books and on statements — but never used on a statement, a purchase or a write-off (absent: none).
   */
  reserved?: Money;
  /**
   * The business date the line was **settled for less** (a hardship settlement, `line-hardship.ts`): the
   * customer paid the agreed amount, the rest was written off (`writtenOffOn` is the same date) and is
   * forgiven — nothing more is owed, money received later is held for the customer (not a recovery).
   * Absent/null: not settled.
   */
  settledOn?: LocalDate | null;
  /**
   * A payment holiday (hardship) in progress: how many statements still to be cut have no minimum payment
   * (`holiday` on each). Absent: none.
   */
  holidayStatements?: number;
  /**
   * A hardship reschedule of a line that was behind: the date its days past due count from (the oldest due
   * date whose minimum was unmet when the workout plan was set up). A reschedule re-times, it does not cure:
   * until the minimum of the first statement that bills the workout plan is met the line stays past due from
   * this date. Absent: none.
   */
  workoutArrearsSince?: LocalDate;
}

export const MAX_DUE_OUTCOMES = 24;

export function zeroLineCounters(): LineCounters {
  const zero = ZERO;
  return {
    purchased: zero,
    convertedOut: zero,
    principalRepaid: zero,
    interestAccrued: zero,
    interestRepaid: zero,
    cashReceived: zero,
    forwardedToPlans: zero,
    overpaid: zero,
    overpaymentApplied: zero,
    paidOut: zero,
  };
}

export function zeroCycle(): CycleTotals {
  const zero = ZERO;
  return {
    purchases: zero,
    refunds: zero,
    instalmentRefunds: zero,
    payments: zero,
    payouts: zero,
    interest: zero,
    converted: zero,
  };
}

export function cloneLineState(state: LineState): LineState {
  return {
    ...state,
    unbilled: state.unbilled.map((posting) => ({ ...posting })),
    cycle: { ...state.cycle },
    statements: state.statements.map((statement) => ({
      ...statement,
      revolving: statement.revolving.map((posting) => ({ ...posting })),
      instalments: statement.instalments.map((bill) => ({ ...bill })),
    })),
    plans: state.plans.map((plan) => ({
      ...plan,
      parts: [...plan.parts],
      ...(plan.fees ? { fees: [...plan.fees] } : {}),
      counters: { ...plan.counters },
    })),
    counters: { ...state.counters },
    dueOutcomes: state.dueOutcomes.map((outcome) => ({ ...outcome })),
  };
}

/**
 * The hardship tools of a credit line (issue 15, item 4: the goodwill waiver, settlement for less, the payment
 * holiday, re-age and the reschedule into a workout plan).
 */
export const LINE_HARDSHIP_TOOLS = ['waiver', 'settlement', 'holiday', 're-age', 'reschedule'] as const;
export type LineHardshipTool = (typeof LINE_HARDSHIP_TOOLS)[number];

/**
 * What a hardship change does to a line, as replayed by the core:
 * - `waiver`: interest, instalment fees and late fees owed waived (goodwill), each at most what is owed of it
 *   at that point — billed statements oldest first, then (interest, late fees) the cycle's unbilled amounts.
 * - `settlement`: settlement for less than owed — the customer pays `amount` now (fen, may be 0 when money
 *   held for the customer settles it), money held is used too, and the rest of what is owed is written off and
 *   forgiven: the line is written off and settled on that date (`settledOn`).
 * - `holiday`: a payment holiday — the next `statements` statements cut have no minimum payment (nothing falls
 *   due on their due dates). Interest accrues as always (on principal only, at the line's rate); it is billed
 *   as always and falls into the minimum of the first statement after the holiday.
 * - `re-age`: the line brought current — the unmet minimums of statements already due stop counting (no day
 *   past due, no further late fee for them, no outcome for limit reviews); everything they billed stays owed
 *   and is in the minimum of the next statement cut, as every billed amount is. No money moves.
 * - `reschedule`: the line's whole balance owed — principal billed and unbilled, its plans' principal, interest,
 *   instalment fees and late fees — moved into a new workout plan `planId` of `instalments` monthly
 *   instalments charging `rate` a year on what is left of the principal moved (never on interest or fees);
 *   the line is frozen while it runs (`workoutPlanFigures` in `line-servicing.ts`).
 */
export type LineHardshipChange =
  | {
      readonly tool: 'waiver';
      readonly interest: Money;
      readonly fees: Money;
      readonly lateFees: Money;
    }
  | { readonly tool: 'settlement'; readonly amount: Money }
  | { readonly tool: 'holiday'; readonly statements: number }
  | { readonly tool: 're-age' }
  | {
      readonly tool: 'reschedule';
      readonly instalments: number;
      readonly rate: Rate;
      readonly planId: string;
    };

/**
 * What happens to a line besides the passing of days, in arrival order (`seq`). Replaying them in date
 * order (then seq) over the day steps defines the line's books.
 */
export type LineEvent =
  | {
      readonly seq: number;
      readonly kind: 'purchase';
      readonly effectiveDate: LocalDate;
      readonly amount: Money;
      readonly purchaseId: string;
      readonly description: string;
    }
  | {
      readonly seq: number;
      readonly kind: 'refund';
      readonly effectiveDate: LocalDate;
      readonly amount: Money;
      readonly purchaseId: string;
    }
  | {
      readonly seq: number;
      readonly kind: 'payment';
      readonly effectiveDate: LocalDate;
      readonly amount: Money;
    }
  | {
      /**
       * Money held for the customer paid out to them (never more than is held and free). With `payoutId`: a
       * pay-out the provider confirmed, paid from that pay-out's reservation.
       */
      readonly seq: number;
      readonly kind: 'payout';
      readonly effectiveDate: LocalDate;
      readonly amount: Money;
      readonly payoutId?: string;
    }
  | LinePayoutReservationEvent<'reserve'>
  | LinePayoutReservationEvent<'release'>
  | {
      /** Early settlement of a plan: what it has not billed is billed on the next statement (`amount`). */
      readonly seq: number;
      readonly kind: 'plan-settlement';
      readonly effectiveDate: LocalDate;
      readonly amount: Money;
      readonly planId: string;
    }
  | {
      /**
       * A payment that did not stand (returned by the bank, charged back): the books are restated as if it had
       * never been received. `reverses` is the payment's seq, `amount` its amount; the reversal moves nothing
       * itself (see `replayLine`).
       */
      readonly seq: number;
      readonly kind: 'reversal';
      readonly effectiveDate: LocalDate;
      readonly amount: Money;
      readonly reverses: number;
      readonly reason: ReversalReason;
    }
  | {
      /**
       * Staff write the line off today (the day-end does so by itself past `writeOffAfterDpd`, with no event).
       * `amount` is what was owed when it was taken (informational: the books are the replay's).
       */
      readonly seq: number;
      readonly kind: 'write-off';
      readonly effectiveDate: LocalDate;
      readonly amount: Money;
      readonly reason: string;
    }
  | {
      /**
       * A hardship change staff made (`line-hardship.ts`), carrying out request `requestId`. `amount` is its
       * money effect when it was taken (informational: the books are the replay's).
       */
      readonly seq: number;
      readonly kind: 'hardship';
      readonly effectiveDate: LocalDate;
      readonly amount: Money;
      readonly requestId: string;
      readonly change: LineHardshipChange;
    }
  | {
      readonly seq: number;
      readonly kind: 'conversion';
      readonly effectiveDate: LocalDate;
      readonly amount: Money;
      readonly planId: string;
      readonly source: PlanSource;
      readonly term: number;
      readonly feeRate: Rate;
    };

/**
 * Held money set aside for pay-out `payoutId` while the provider has it (`reserve`: never more than is held
 * and not already reserved), or given back to the customer's use when the provider refused it (`release`,
 * the reservation's amount). Neither moves money on the books.
 */
export interface LinePayoutReservationEvent<Kind extends 'reserve' | 'release'> {
  readonly seq: number;
  readonly kind: Kind;
  readonly effectiveDate: LocalDate;
  readonly amount: Money;
  readonly payoutId: string;
}

export function compareLineEvents(a: LineEvent, b: LineEvent): number {
  if (a.effectiveDate !== b.effectiveDate) return a.effectiveDate < b.effectiveDate ? -1 : 1;
  return a.seq - b.seq;
}
