import type { Money } from '../platform/money/money.ts';
import type { BusinessCalendar } from '../platform/time/business-calendar.ts';
import { addDays, businessDateOf, startOfBusinessDate, type LocalDate } from '../platform/time/local-date.ts';
import { isOpen, SLA_CLOCK_ACTOR, type Appeal, type AppealCategory, type AuditDraft } from './appeal.ts';

/**
 * The SLA clock and queue priority of appeals, pure. The clock starts when the customer files (that is
 * when they start waiting), counts Shanghai business days — weekends, public holidays and make-up working
 * days from the calendar — and runs out at the end of the last business day.
 */

export interface SlaDue {
  /** The business date by the end of which the appeal must be resolved. */
  readonly dueDate: LocalDate;
  /** The end of that date: midnight Asia/Shanghai at its close. */
  readonly dueAt: Date;
}

/**
 * Filed on any day (a weekend or holiday too), the appeal is due by the end of the `businessDays`-th
 * business day after the filing date: filed Friday with 3 business days → due at the end of Wednesday.
 */
export function slaDue(filedAt: Date, calendar: BusinessCalendar, businessDays: number): SlaDue {
  const dueDate = calendar.addBusinessDays(businessDateOf(filedAt), businessDays);
  return { dueDate, dueAt: startOfBusinessDate(addDays(dueDate, 1)) };
}

/**
 * Breached: open at the due instant — still open now, or resolved or withdrawn at or after it (`closedAt`
 * is when it was resolved or withdrawn).
 */
export function slaBreached(slaDueAt: Date | null, closedAt: Date | null, now: Date): boolean {
  if (slaDueAt === null) return false;
  const end = closedAt ?? now;
  return end.getTime() >= slaDueAt.getTime();
}

/**
 * The audit event that puts an SLA breach on the record, when `appeal` is open and its due instant has
 * come by `at`; null otherwise. The status does not change (a breach is a fact about time, not a step of
 * the machine); `at` is when it is recorded, `after` says when the appeal was due.
 */
export function slaBreachEvent(appeal: Appeal, at: Date): AuditDraft | null {
  if (!isOpen(appeal.status) || appeal.slaDueAt === null || at.getTime() < appeal.slaDueAt.getTime())
    return null;
  return {
    action: 'sla_breached',
    actor: SLA_CLOCK_ACTOR,
    at,
    statusBefore: appeal.status,
    statusAfter: appeal.status,
    before: {},
    after: {
      slaDueDate: appeal.slaDueDate,
      slaDueAt: appeal.slaDueAt.toISOString(),
      assignee: appeal.assignee
        ? { kind: appeal.assignee.kind, id: appeal.assignee.id, name: appeal.assignee.name }
        : null,
    },
    note: `still ${appeal.status.replace('_', ' ')} at the end of its due date ${appeal.slaDueDate ?? ''}`.trim(),
  };
}

/** Queue weight of each category: faults of ours and data errors first, then identity, then the rest. */
export const CATEGORY_WEIGHT: Readonly<Record<AppealCategory, number>> = {
  system_fault: 40,
  data_error: 30,
  repaid_debt: 30,
  identity: 20,
  other: 10,
};

export interface PriorityInput {
  readonly category: AppealCategory;
  readonly amountAtStake: Money;
  readonly filedAt: Date;
  readonly slaDueAt: Date | null;
  /** The re-check improved the decision but still needs a person (a referral). */
  readonly recheckBetter: boolean;
}

/**
 * Priority, higher first: category weight; 3 points per ¥10,000 at stake (at most 30); 10 points per
 * business day waited; 25 when the re-check already improved the decision; and the SLA — 100 once breached,
 * 50 when it runs out by the end of the next business day. Computed at read time, so age counts.
 */
export function appealPriority(input: PriorityInput, now: Date, calendar: BusinessCalendar): number {
  const tenThousands = Number(input.amountAtStake / 1_000_000n);
  const amount = Math.min(30, Math.max(0, tenThousands) * 3);
  const today = businessDateOf(now);
  const waited = calendar.businessDaysBetween(businessDateOf(input.filedAt), today);
  let sla = 0;
  if (input.slaDueAt !== null) {
    if (now.getTime() >= input.slaDueAt.getTime()) sla = 100;
    else if (
      input.slaDueAt.getTime() <=
      startOfBusinessDate(addDays(calendar.addBusinessDays(today, 1), 1)).getTime()
    )
      sla = 50;
  }
  return CATEGORY_WEIGHT[input.category] + amount + 10 * waited + (input.recheckBetter ? 25 : 0) + sla;
}

/** Business days an appeal waited (or has waited) from filing to resolution (or now). */
export function businessDaysWaited(filedAt: Date, endedAt: Date, calendar: BusinessCalendar): number {
  return calendar.businessDaysBetween(businessDateOf(filedAt), businessDateOf(endedAt));
}
