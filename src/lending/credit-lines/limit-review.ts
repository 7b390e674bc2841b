import type { FacilityStatus } from '../facilities/facility.ts';
import { limitUnderCustomerCap } from './line-lifecycle.ts';
import { toDecimalString, type Money } from '../../platform/money/money.ts';
import { defineMessages, en, render, zh, type LocalizedText } from '../../platform/i18n/localized.ts';
import { addDays, startOfBusinessDate } from '../../platform/time/local-date.ts';
import type { LineState } from './line-state.ts';

/**
 * Limit reviews of credit lines, the pure part: what a review's decision does to the facility, the words
 * the customer reads, and the facts the line reports to the customers context so that the decision sees
 * them (each statement's minimum payment as an instalment here: on time, missed, cured).
 *
 * A review is a decision of kind `limit_review` through the same scorecard and policy as an application:
 * the new-user ramp raises the limit with cycles repaid on time here (`ontime_cycles_here_12m`, counted from
 * the instalments reported below), and the knock-outs — an overdue elsewhere, multi-head borrowing, a score
 * below the cut-off, a risk hold, an overdue here — decline it. Applying it:
 * - approved: the limit becomes the decision's (raised or lowered; the price stays the facility's), and a
 *   facility frozen by an earlier review is reactivated;
 * - declined: the facility is frozen (no new spending; repayments and statements go on);
 * - referred (a review band, or a fault such as a provider outage): nothing changes — an outage never
 *   freezes anyone.
 */

export type ReviewOutcome = 'approved' | 'declined' | 'referred';
export type ReviewAction = 'raised' | 'lowered' | 'unchanged' | 'frozen' | 'reactivated' | 'none';

/** Reasons of facility freezes made by reviews start with this, so a later review only lifts its own. */
export const REVIEW_FREEZE_REASON = 'limit-review';

/** What the decisions context answered, as much of it as a review needs. */
export interface ReviewDecision {
  readonly id: string;
  readonly outcome: ReviewOutcome;
  readonly limit: Money;
  readonly reasons: readonly { readonly code: string; readonly text: LocalizedText }[];
}

export interface ReviewPlan {
  readonly action: ReviewAction;
  /** The limit to set (the decision's), or null to leave it. */
  readonly newLimit: Money | null;
  readonly freeze: boolean;
  readonly reactivate: boolean;
}

/**
 * What a review's decision does to a facility (see the module comment). `customerCap`: the limit the customer
 * asked for (`line-lifecycle.ts`); an approved decision never sets the limit above it.
 */
export function planReview(
  decision: Pick<ReviewDecision, 'outcome' | 'limit'>,
  facility: { readonly limit: Money; readonly status: FacilityStatus; readonly statusReason: string | null },
  customerCap: Money | null = null,
): ReviewPlan {
  const none: ReviewPlan = { action: 'none', newLimit: null, freeze: false, reactivate: false };
  if (facility.status === 'closed' || decision.outcome === 'referred') return none;
  if (decision.outcome === 'declined') {
    return facility.status === 'frozen'
      ? none
      : { action: 'frozen', newLimit: null, freeze: true, reactivate: false };
  }
  const reactivate =
    facility.status === 'frozen' && (facility.statusReason ?? '').startsWith(REVIEW_FREEZE_REASON);
  if (facility.status === 'frozen' && !reactivate) return none;
  const granted = limitUnderCustomerCap(decision.limit, customerCap);
  const newLimit = granted === facility.limit ? null : granted;
  const action: ReviewAction =
    newLimit === null
      ? reactivate
        ? 'reactivated'
        : 'unchanged'
      : newLimit > facility.limit
        ? 'raised'
        : 'lowered';
  return { action, newLimit, freeze: false, reactivate };
}

const messages = defineMessages({
  raised: {
    zh: (p: { from: Money; to: Money; cycles: number }) =>
      `您的信用额度已由${zh.money(p.from)}提高至${zh.money(p.to)}。感谢您按时还款（近12期按时还款${p.cycles}期）。`,
    en: (p: { from: Money; to: Money; cycles: number }) =>
      `Your credit limit has been raised from ${en.money(p.from)} to ${en.money(p.to)}. Thank you for paying on time (${p.cycles} of your last 12 statements).`,
  },
  lowered: {
    zh: (p: { from: Money; to: Money }) => `您的信用额度已由${zh.money(p.from)}调整为${zh.money(p.to)}。`,
    en: (p: { from: Money; to: Money }) =>
      `Your credit limit has been changed from ${en.money(p.from)} to ${en.money(p.to)}.`,
  },
  unchanged: {
    zh: (p: { limit: Money }) => `您的信用额度保持${zh.money(p.limit)}不变。`,
    en: (p: { limit: Money }) => `Your credit limit stays at ${en.money(p.limit)}.`,
  },
  reactivated: {
    zh: (p: { limit: Money }) => `您的信用额度已恢复使用，额度为${zh.money(p.limit)}。`,
    en: (p: { limit: Money }) => `Your credit line can be used again, with a limit of ${en.money(p.limit)}.`,
  },
  frozen: {
    zh: () => '您的信用额度已暂停使用，暂不能新增消费；已有账单可照常还款，分期照常进行。',
    en: () =>
      'Your credit line is paused: no new spending for now. Statements and instalments go on as usual.',
  },
  none: {
    zh: (p: { limit: Money }) => `您的信用额度暂未调整（${zh.money(p.limit)}）。`,
    en: (p: { limit: Money }) => `Your credit limit has not been changed (${en.money(p.limit)}).`,
  },
  because: {
    zh: (p: { reasons: readonly LocalizedText[] }) =>
      `原因：${p.reasons.map((reason) => reason.zh).join('；')}`,
    en: (p: { reasons: readonly LocalizedText[] }) =>
      `Why: ${p.reasons.map((reason) => reason.en).join('; ')}`,
  },
});

/** The customer's message: what changed, and (when the decision gives any) why — in zh-CN and en. */
export function reviewMessage(
  plan: ReviewPlan,
  figures: { readonly limitBefore: Money; readonly limitAfter: Money; readonly onTimeCycles: number },
  reasons: readonly { readonly text: LocalizedText }[],
): LocalizedText {
  let head: LocalizedText;
  switch (plan.action) {
    case 'raised':
      head = render(messages.raised, {
        from: figures.limitBefore,
        to: figures.limitAfter,
        cycles: figures.onTimeCycles,
      });
      break;
    case 'lowered':
      head = render(messages.lowered, { from: figures.limitBefore, to: figures.limitAfter });
      break;
    case 'unchanged':
      head = render(messages.unchanged, { limit: figures.limitAfter });
      break;
    case 'reactivated':
      head = render(messages.reactivated, { limit: figures.limitAfter });
      break;
    case 'frozen':
      head = render(messages.frozen, {});
      break;
    case 'none':
      head = render(messages.none, { limit: figures.limitAfter });
      break;
  }
  // A raise needs no reasons; anything else says why, in the decision's own (ranked) words.
  if (plan.action === 'raised' || reasons.length === 0) return head;
  const why = render(messages.because, { reasons: reasons.map((reason) => reason.text) });
  return { zh: `${head.zh}${why.zh}`, en: `${head.en} ${why.en}` };
}

/** The source the line reports its instalments under in the customers context. */
export const LINE_EVENT_SOURCE = 'credit-lines';
/** The lender name of instalments here. */
export const LINE_LENDER = 'credence';

/**
 * The customer events that tell the customers context how the line's statements were repaid: one
 * `repayment` (scope `here`) per statement with a minimum to pay, due on its due date for the minimum; paid
 * by the due date, or missed (paid date null) and later cured (a later report of the same instalment with
 * the date the minimum was met). Event ids and contents are stable, so reporting again adds nothing. Each
 * report's instant is the start of the day its fact became known (the day after the due date; the day of
 * the cure), which the line has always reached when it has the fact.
 */
export function lineRepaymentEvents(
  customerId: string,
  lineId: string,
  state: LineState,
): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const outcome of state.dueOutcomes) {
    if (outcome.minimumPayment <= 0n) continue;
    const base = {
      customerId,
      source: LINE_EVENT_SOURCE,
      type: 'repayment',
      scope: 'here',
      lender: LINE_LENDER,
      loanRef: lineId,
      dueDate: outcome.dueDate,
      amount: toDecimalString(outcome.minimumPayment),
    };
    // Known at the start of the day after the due date, when the batch checked it.
    const known = startOfBusinessDate(addDays(outcome.dueDate, 1)).toISOString();
    if (outcome.minimumMet) {
      // Met by the due date: what counts is that it was not late, so the report carries the due date.
      rows.push({
        ...base,
        eventId: `${lineId}:due:${outcome.seq}`,
        occurredAt: known,
        paidDate: outcome.dueDate,
      });
      continue;
    }
    rows.push({ ...base, eventId: `${lineId}:due:${outcome.seq}:missed`, occurredAt: known });
    if (outcome.curedOn !== null) {
      rows.push({
        ...base,
        eventId: `${lineId}:due:${outcome.seq}:cured`,
        occurredAt: startOfBusinessDate(outcome.curedOn).toISOString(),
        paidDate: outcome.curedOn,
      });
    }
  }
  return rows;
}

/** The line's balance and limit as a `credit_line` report (utilisation features), once per review. */
export function lineBalanceEvent(
  customerId: string,
  lineId: string,
  reviewId: string,
  figures: { readonly limit: Money; readonly balance: Money },
  now: Date,
): Record<string, unknown> {
  return {
    eventId: `${lineId}:balance:${reviewId}`,
    customerId,
    source: LINE_EVENT_SOURCE,
    type: 'credit_line',
    occurredAt: now.toISOString(),
    scope: 'here',
    lender: LINE_LENDER,
    lineRef: lineId,
    limit: toDecimalString(figures.limit),
    balance: toDecimalString(figures.balance),
  };
}

/** How many (a limit review's repayment record, also shown on the line's view) of the last 12 due dates with a minimum to pay had it paid in time. */
export function onTimeCyclesOf(state: LineState): number {
  const counted = state.dueOutcomes.filter((outcome) => outcome.minimumPayment > 0n).slice(-12);
  return counted.filter((outcome) => outcome.minimumMet).length;
}
