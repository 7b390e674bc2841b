import { positivePart, subMoney, sumMoney, type Money } from '../../platform/money/money.ts';
import {
  DUE_REMINDER_DAYS,
  DUE_REMINDER_KINDS,
  OVERDUE_DAYS,
  OVERDUE_KINDS,
  type MessageDraft,
} from '../../platform/notifications/index.ts';
import { addDays, type LocalDate } from '../../platform/time/local-date.ts';
import type { LoanContract } from './loan-contract.ts';
import { outstandingOf, type HardshipChange, type LoanState } from './loan-state.ts';
import { daysPastDue, instalmentViews, type InstalmentView } from './servicing.ts';

/**
 * What a cash loan's customer is told, as pure functions of the contract and state.
 *
 * Reminders are for a notice day: the day-end batch of business date D runs in the night after D and writes
 * the reminders for D + 1, the day the customer reads them (quiet hours hold them until 08:00). On the
 * notice day N:
 * - due in 3 days / tomorrow / today: an instalment due on N + 3 / N + 1 / N, for its amount as the
 *   schedule shows it (principal and interest, `instalmentViews`) less money held for the customer, which is
 *   used on it when it is billed — none when that covers it;
 * - overdue day 1 / 7 / 30: when the days past due on N are exactly 1, 7 or 30, for everything billed and
 *   unpaid (penalty accrued so far included), naming the oldest due date missed.
 * De-duplication: subject the loan, occasion the due date (of the instalment, or the oldest one missed).
 */
export function loanReminders(
  contract: LoanContract,
  state: LoanState,
  noticeDay: LocalDate,
): MessageDraft[] {
  if (state.status !== 'active') return [];
  const drafts: MessageDraft[] = [];
  const base = { customerId: contract.customerId, subjectId: contract.loanId };
  const held = outstandingOf(state).overpayment;
  const views = instalmentViews(contract, state, noticeDay);
  for (const kind of DUE_REMINDER_KINDS) {
    const dueDate = addDays(noticeDay, DUE_REMINDER_DAYS[kind]);
    const view = views.find((candidate) => candidate.dueDate === dueDate && candidate.status === 'upcoming');
    if (!view) continue;
    const amountDue = subMoney(view.owed, held);
    if (amountDue <= 0n) continue;
    drafts.push({
      ...base,
      occasion: dueDate,
      content: { kind, params: { product: 'loan', dueDate, amountDue } },
    });
  }
  const dpd = daysPastDue(state, noticeDay);
  const overdueKind = OVERDUE_KINDS.find((kind) => OVERDUE_DAYS[kind] === dpd);
  if (overdueKind) {
    const missed = state.instalments.filter((i) => i.settledOn === null && i.dueDate < noticeDay);
    const first = missed[0];
    if (first) {
      const amountOverdue = subMoney(
        sumMoney(missed.flatMap((i) => [i.principal, i.interest, i.penalty])),
        sumMoney(missed.flatMap((i) => [i.principalPaid, i.interestPaid, i.penaltyPaid])),
      );
      drafts.push({
        ...base,
        occasion: first.dueDate,
        content: {
          kind: overdueKind,
          params: {
            product: 'loan',
            daysPastDue: dpd,
            dueDate: first.dueDate,
            amountOverdue,
          },
        },
      });
    }
  }
  return drafts;
}

/** The allocation of a repayment as the loan service reports it. */
export interface LoanPaymentFigures {
  readonly loanId: string;
  readonly customerId: string;
  /** The loan event's seq: one message per repayment, however often the command is retried. */
  readonly seq: number;
  readonly amount: Money;
  readonly principal: Money;
  readonly interest: Money;
  readonly penalty: Money;
  readonly held: Money;
  readonly stateAfter: LoanState;
}

/** "Payment received": what it paid, and everything still owed after it. */
export function loanPaymentReceived(figures: LoanPaymentFigures): MessageDraft {
  const owed = outstandingOf(figures.stateAfter);
  return {
    customerId: figures.customerId,
    subjectId: figures.loanId,
    occasion: `repayment-${figures.seq}`,
    content: {
      kind: 'payment_received',
      params: {
        product: 'loan',
        amount: figures.amount,
        principal: figures.principal,
        interest: figures.interest,
        charges: figures.penalty,
        held: positivePart(figures.held),
        owedAfter: sumMoney([owed.principal, owed.interest, owed.penalty]),
      },
    },
  };
}

/** "Payment reversed": which payment did not stand, why, and what is owed and overdue now. */
export function loanPaymentReversed(figures: {
  readonly loanId: string;
  readonly customerId: string;
  /** The reversal's seq: one message per reversal, however often the command is retried. */
  readonly seq: number;
  readonly amount: Money;
  readonly paidOn: LocalDate;
  readonly reason: 'returned' | 'chargeback';
  readonly stateAfter: LoanState;
}): MessageDraft {
  const owed = outstandingOf(figures.stateAfter);
  return {
    customerId: figures.customerId,
    subjectId: figures.loanId,
    occasion: `reversal-${figures.seq}`,
    content: {
      kind: 'payment_reversed',
      params: {
        product: 'loan',
        amount: figures.amount,
        paidOn: figures.paidOn,
        reason: figures.reason,
        owedAfter: sumMoney([owed.principal, owed.interest, owed.penalty]),
        daysPastDue: daysPastDue(figures.stateAfter, figures.stateAfter.processedThrough),
      },
    },
  };
}

/**
 * "Your loan was changed to help you" (hardship): what changed, in the figures the new schedule bills —
 * the next instalment (date and amount), how many are left and the last due date; for a waiver what was
 * waived, for a settlement what was paid and what was written off; and what is owed after it.
 * One message per request (occasion `hardship-<request id>`), however often the command is retried.
 */
export function loanHardshipApplied(figures: {
  readonly loanId: string;
  readonly customerId: string;
  readonly requestId: string;
  readonly change: HardshipChange;
  readonly after: readonly InstalmentView[];
  readonly moneyEffect: Money;
  readonly stateAfter: LoanState;
}): MessageDraft {
  const owed = outstandingOf(figures.stateAfter);
  const upcoming = figures.after.filter((view) => view.status === 'upcoming' && view.owed > 0n);
  const next = upcoming[0];
  const change = figures.change;
  return {
    customerId: figures.customerId,
    subjectId: figures.loanId,
    occasion: `hardship-${figures.requestId}`,
    content: {
      kind: 'loan_hardship_applied',
      params: {
        tool: change.tool,
        skipped: change.tool === 'holiday' ? change.instalments : 0,
        instalmentsLeft: upcoming.length,
        nextDueDate: next?.dueDate ?? null,
        nextAmount: next?.owed ?? null,
        lastDueDate: upcoming[upcoming.length - 1]?.dueDate ?? null,
        waived: change.tool === 'waiver' ? figures.moneyEffect : null,
        paid: change.tool === 'settlement' ? change.amount : null,
        writtenOff: change.tool === 'settlement' ? figures.moneyEffect : null,
        owedAfter: sumMoney([owed.principal, owed.interest, owed.penalty]),
      },
    },
  };
}
