import { addMoney, positivePart, subMoney, ZERO, type Money } from '../../platform/money/money.ts';
import {
  DUE_REMINDER_DAYS,
  DUE_REMINDER_KINDS,
  OVERDUE_DAYS,
  OVERDUE_KINDS,
  type LineWorkoutParams,
  type MessageDraft,
} from '../../platform/notifications/index.ts';
import { addDays, type LocalDate } from '../../platform/time/local-date.ts';
import { formatPercent } from '../../platform/money/rate.ts';
import type { LineHardshipFigures, LineSettlementFigures, LineWorkoutFigures } from './line-hardship.ts';
import type { InstalmentPlan, LineHardshipChange, LineState } from './line-state.ts';
import {
  lineBalancesOf,
  lineDaysPastDue,
  minimumOutstanding,
  owedOn,
  planNotYetBilled,
  writtenOffOf,
} from './line-servicing.ts';
import type { LineTerms } from './line-terms.ts';

/**
 * What a credit line's customer is told, as pure functions of the terms and state (the notice-day rule is
 * the loans' one: the night of D writes for D + 1, see `loan-messages.ts`).
 * - due in 3 days / tomorrow / today: a statement due on N + 3 / N + 1 / N with something unpaid on it,
 *   for what is unpaid on it and the minimum payment still to pay (`minimumOutstanding`);
 * - overdue day 1 / 7 / 30: when the line's days past due on N are exactly 1, 7 or 30, for everything
 *   unpaid on the statements whose due date has passed, naming the oldest due date whose minimum is unmet.
 * De-duplication: subject the line, occasion the statement (`statement-<seq>`).
 */
export function lineReminders(terms: LineTerms, state: LineState, noticeDay: LocalDate): MessageDraft[] {
  const drafts: MessageDraft[] = [];
  const base = { customerId: terms.customerId, subjectId: terms.lineId };
  for (const kind of DUE_REMINDER_KINDS) {
    const dueDate = addDays(noticeDay, DUE_REMINDER_DAYS[kind]);
    const index = state.statements.findIndex((statement) => statement.dueDate === dueDate);
    const statement = state.statements[index];
    if (!statement) continue;
    const amountDue = owedOn(statement);
    if (amountDue <= 0n) continue;
    drafts.push({
      ...base,
      occasion: `statement-${statement.seq}`,
      content: {
        kind,
        params: {
          product: 'line',
          dueDate,
          amountDue,
          minimumDue: minimumOutstanding(state, index),
        },
      },
    });
  }
  const dpd = lineDaysPastDue(state, noticeDay);
  const overdueKind = OVERDUE_KINDS.find((kind) => OVERDUE_DAYS[kind] === dpd);
  if (overdueKind) {
    const missedIndex = state.statements.findIndex(
      (statement, index) => statement.dueDate < noticeDay && minimumOutstanding(state, index) > 0n,
    );
    const missed = state.statements[missedIndex];
    if (missed) {
      let amountOverdue = ZERO;
      for (const statement of state.statements) {
        if (statement.dueDate < noticeDay) amountOverdue = addMoney(amountOverdue, owedOn(statement));
      }
      drafts.push({
        ...base,
        occasion: `statement-${missed.seq}`,
        content: {
          kind: overdueKind,
          params: {
            product: 'line',
            daysPastDue: dpd,
            dueDate: missed.dueDate,
            amountOverdue,
          },
        },
      });
    }
  }
  return drafts;
}

/** A statement as cut (the customer's document): "statement ready", one per statement. */
export function statementReady(statement: {
  readonly customerId: string;
  readonly lineId: string;
  readonly seq: number;
  readonly statementDate: LocalDate;
  readonly dueDate: LocalDate;
  readonly closingBalance: Money;
  readonly minimumPayment: Money;
}): MessageDraft {
  return {
    customerId: statement.customerId,
    subjectId: statement.lineId,
    occasion: `statement-${statement.seq}`,
    content: {
      kind: 'statement_ready',
      params: {
        statementDate: statement.statementDate,
        dueDate: statement.dueDate,
        statementBalance: statement.closingBalance,
        minimumPayment: statement.minimumPayment,
      },
    },
  };
}

/** A plan just converted: "instalment plan created", one per plan. */
export function planCreated(customerId: string, plan: InstalmentPlan): MessageDraft {
  return {
    customerId,
    subjectId: plan.planId,
    occasion: 'created',
    content: {
      kind: 'plan_created',
      params: {
        principal: plan.principal,
        term: plan.term,
        firstPrincipal: plan.parts[0] ?? ZERO,
        feePerPeriod: plan.feePerPeriod,
      },
    },
  };
}

/** A limit review that changed the limit: "limit changed", one per review. */
export function limitChanged(change: {
  readonly customerId: string;
  readonly reviewId: string;
  readonly oldLimit: Money;
  readonly newLimit: Money;
}): MessageDraft {
  return {
    customerId: change.customerId,
    subjectId: change.reviewId,
    occasion: 'outcome',
    content: { kind: 'limit_changed', params: { oldLimit: change.oldLimit, newLimit: change.newLimit } },
  };
}

/** "Payment received" on a line: what it paid (fees, interest, principal, held) and what pays it off now. */
export function linePaymentReceived(payment: {
  readonly customerId: string;
  readonly lineId: string;
  /** The line event's seq: one message per payment, however often the command is retried. */
  readonly seq: number;
  readonly amount: Money;
  readonly allocation: {
    readonly fees: Money;
    readonly interest: Money;
    readonly principal: Money;
    readonly held: Money;
  };
  readonly state: LineState;
}): MessageDraft {
  const { allocation } = payment;
  const payoff = lineBalancesOf(payment.state).payoff;
  return {
    customerId: payment.customerId,
    subjectId: payment.lineId,
    occasion: `payment-${payment.seq}`,
    content: {
      kind: 'payment_received',
      params: {
        product: 'line',
        amount: payment.amount,
        principal: allocation.principal,
        interest: allocation.interest,
        charges: allocation.fees,
        held: positivePart(allocation.held),
        owedAfter: positivePart(payoff),
      },
    },
  };
}

/**
 * "Payment reversed" (SMS): which payment did not stand, why, what is owed now and whether anything is overdue
 * — the figures of the restated line. One message per reversal (occasion `reversal-<seq>`).
 */
export function linePaymentReversed(figures: {
  readonly customerId: string;
  readonly lineId: string;
  /** The reversal's seq. */
  readonly seq: number;
  readonly amount: Money;
  readonly paidOn: LocalDate;
  readonly reason: 'returned' | 'chargeback';
  readonly state: LineState;
}): MessageDraft {
  return {
    customerId: figures.customerId,
    subjectId: figures.lineId,
    occasion: `reversal-${figures.seq}`,
    content: {
      kind: 'payment_reversed',
      params: {
        product: 'line',
        amount: figures.amount,
        paidOn: figures.paidOn,
        reason: figures.reason,
        owedAfter: positivePart(lineBalancesOf(figures.state).payoff),
        daysPastDue: lineDaysPastDue(figures.state, figures.state.processedThrough),
      },
    },
  };
}

/**
 * "Instalment plan changed": a refund of a converted purchase took principal off the plan's periods not yet
 * billed (re-spread, or all of them cancelled). One message per plan the refund (line event `seq`) changed.
 */
export function planChanged(
  customerId: string,
  before: LineState,
  after: LineState,
  seq: number,
): MessageDraft[] {
  const drafts: MessageDraft[] = [];
  for (const plan of after.plans) {
    const earlier = before.plans.find((candidate) => candidate.planId === plan.planId);
    const refunded = subMoney(plan.refunded, earlier?.refunded ?? ZERO);
    if (refunded <= 0n) continue;
    const cancelled = plan.cancelledOn !== null;
    drafts.push({
      customerId,
      subjectId: plan.planId,
      occasion: `refund-${seq}`,
      content: {
        kind: 'plan_changed',
        params: {
          refunded,
          principalLeft: cancelled ? ZERO : planNotYetBilled(plan),
          periodsLeft: cancelled ? 0 : plan.term - plan.billedPeriods,
        },
      },
    });
  }
  return drafts;
}

/**
 * "Credit line written off" (SMS): the day, what was owed then, what is still owed (the debt stands; nothing
 * more accrues). One per line (occasion `written-off`), whether the day-end or staff wrote it off.
 */
export function lineWrittenOff(customerId: string, lineId: string, state: LineState): MessageDraft[] {
  const writtenOff = writtenOffOf(state);
  if (!writtenOff) return [];
  return [
    {
      customerId,
      subjectId: lineId,
      occasion: 'written-off',
      content: {
        kind: 'line_written_off',
        params: { writtenOffOn: writtenOff.on, writtenOff: writtenOff.total, owed: writtenOff.outstanding },
      },
    },
  ];
}

/**
 * "Payment received" on a written-off line (SMS): what paid the debt written off, what is still owed, anything
 * kept beyond it. One per payment (occasion `payment-<seq>`, as for other payments).
 */
export function lineRecoveryReceived(payment: {
  readonly customerId: string;
  readonly lineId: string;
  readonly seq: number;
  readonly amount: Money;
  readonly recovered: Money;
  readonly state: LineState;
}): MessageDraft {
  return {
    customerId: payment.customerId,
    subjectId: payment.lineId,
    occasion: `payment-${payment.seq}`,
    content: {
      kind: 'line_recovery_received',
      params: {
        amount: payment.amount,
        recovered: payment.recovered,
        owedAfter: writtenOffOf(payment.state)?.outstanding ?? ZERO,
        held: subMoney(payment.amount, payment.recovered),
      },
    },
  };
}

/** A workout plan's figures as its message says them (every number the plan was set up with). */
function workoutParams(workout: LineWorkoutFigures): LineWorkoutParams {
  const first = workout.schedule[0];
  const last = workout.schedule[workout.schedule.length - 1];
  const instalment = (row: typeof first) => (row ? addMoney(row.principal, row.charge) : ZERO);
  return {
    amount: workout.moved.amount,
    instalments: workout.instalments,
    rate: formatPercent(workout.rate),
    totalCharge: workout.totalCharge,
    firstDueDate: first?.dueDate ?? ('' as LocalDate),
    firstInstalment: instalment(first),
    lastDueDate: last?.dueDate ?? ('' as LocalDate),
    lastInstalment: instalment(last),
  };
}

/**
 * "Help on your credit line" (SMS): a hardship change applied — what was waived by kind, and what the line owes
 * after it, what is left of the minimum payments and days past due; for a settlement for less, what the
 * customer's money paid, what was written off and forgiven, and any money still held for them; for a re-age, the
 * next due date. Once per request (occasion
 * `hardship-<request id>`).
 */
export function lineHardshipApplied(figures: {
  readonly customerId: string;
  readonly lineId: string;
  readonly requestId: string;
  readonly change: LineHardshipChange;
  readonly after: LineHardshipFigures;
  /** A settlement's figures: what the customer's money paid, what was written off, what is still held. */
  readonly settlement?: LineSettlementFigures | undefined;
  /** A re-age's next due date that asks a payment. */
  readonly nextDueDate?: LocalDate | undefined;
  /** A reschedule's workout plan. */
  readonly workout?: LineWorkoutFigures | undefined;
}): MessageDraft {
  const { change, settlement } = figures;
  const waived =
    change.tool === 'waiver'
      ? { interest: change.interest, fees: change.fees, lateFees: change.lateFees }
      : { interest: ZERO, fees: ZERO, lateFees: ZERO };
  return {
    customerId: figures.customerId,
    subjectId: figures.lineId,
    occasion: `hardship-${figures.requestId}`,
    content: {
      kind: 'line_hardship_applied',
      params: {
        tool: change.tool,
        ...waived,
        ...(settlement
          ? { paid: settlement.paid, writtenOff: settlement.writtenOff, heldAfter: settlement.heldAfter }
          : {}),
        ...(change.tool === 'holiday' ? { statements: change.statements } : {}),
        ...(figures.nextDueDate ? { nextDueDate: figures.nextDueDate } : {}),
        ...(figures.workout ? { workout: workoutParams(figures.workout) } : {}),
        owedAfter: figures.after.payoff,
        minimumDue: figures.after.minimumDue,
        daysPastDue: figures.after.daysPastDue,
      },
    },
  };
}
