import type { MessageKind } from '../platform/notifications/index.ts';
import { customerAppeals } from './me-decisions.ts';
import type { MeDeps } from './me-deps.ts';
import { decisionHeadline, MESSAGE_TITLES, productName, text, type Text } from './me-texts.ts';

/**
 * `GET /v1/me/messages`: what the customer has been told or should know, newest first — decision results
 * (a referral's review result as the customer was notified of it), appeal notifications (received,
 * outcome), limit changes from credit-line reviews, and what servicing told them (`account`: due reminders,
 * payments received, overdue notices, statements, instalment plans — the customer-message outbox).
 */
export interface MeMessage {
  readonly id: string;
  readonly kind: 'decision' | 'appeal' | 'limit_change' | 'account';
  readonly at: string;
  readonly title: Text;
  readonly text: Text;
  readonly link: {
    readonly decisionId?: string;
    readonly appealId?: string;
    readonly lineId?: string;
    readonly loanId?: string;
  };
}

/** The title of a servicing message, by its kind. */
function accountTitle(kind: MessageKind): Text | undefined {
  switch (kind) {
    case 'due_in_3_days':
    case 'due_tomorrow':
    case 'due_today':
      return MESSAGE_TITLES.dueReminder;
    case 'payment_received':
      return MESSAGE_TITLES.paymentReceived;
    case 'payment_reversed':
      return MESSAGE_TITLES.paymentReversed;
    case 'loan_hardship_applied':
    case 'line_hardship_applied':
      return MESSAGE_TITLES.loanHelp;
    case 'line_written_off':
      return MESSAGE_TITLES.writtenOff;
    case 'line_recovery_received':
      return MESSAGE_TITLES.paymentReceived;
    case 'overdue_day_1':
    case 'overdue_day_7':
    case 'overdue_day_30':
    case 'collections_notice':
      return MESSAGE_TITLES.overdue;
    case 'statement_ready':
      return MESSAGE_TITLES.statement;
    case 'plan_created':
    case 'plan_changed':
      return MESSAGE_TITLES.plan;
    // The advance notice before an overdue account is reported to the credit bureau.
    case 'bureau_negative_notice':
      return MESSAGE_TITLES.creditReport;
    // The answer to a correction of the person's data.
    case 'correction_answered':
      return MESSAGE_TITLES.dataCorrection;
    // Limit changes are listed from the reviews themselves (their message names the reasons), appeal
    // and referral news from their own notifications (with links to the appeal and the decision).
    case 'limit_changed':
    case 'appeal_received':
    case 'appeal_queued':
    case 'appeal_resolved':
    case 'appeal_withdrawn':
    case 'referral_decided':
      return undefined;
  }
}

const CHANGES = new Set(['raised', 'lowered', 'frozen', 'reactivated']);

export async function myMessages(deps: MeDeps, customerId: string, limit = 50): Promise<MeMessage[]> {
  const { services } = deps;
  const [decisions, appeals, lines, reviewed, told] = await Promise.all([
    services.decisions.list(customerId, { limit }),
    customerAppeals(deps, customerId),
    services.creditLines.listLines(customerId),
    services.referrals.notifications(customerId),
    services.notifications.list(customerId, { limit }),
  ]);
  const messages: MeMessage[] = [];
  for (const message of told) {
    const title = accountTitle(message.kind);
    if (!title) continue;
    const { subjectId } = message;
    messages.push({
      id: message.id,
      kind: 'account',
      at: message.createdAt.toISOString(),
      title,
      text: text(message.text),
      link: subjectId.startsWith('ln_')
        ? { loanId: subjectId }
        : subjectId.startsWith('cl_')
          ? { lineId: subjectId }
          : {},
    });
  }
  // A referral's review result is told in full (what was decided, the limit and rate or the reasons, what
  // to do): that notification stands for the decision that answered it.
  const toldInFull = new Set(reviewed.map((notification) => notification.decisionId));
  for (const notification of reviewed) {
    messages.push({
      id: notification.id,
      kind: 'decision',
      at: notification.createdAt.toISOString(),
      title: MESSAGE_TITLES.decision,
      text: text(notification.text),
      link: { decisionId: notification.decisionId },
    });
  }
  for (const decision of decisions) {
    // A limit review that changed nothing is not news; the reviews that did are listed below.
    if (decision.kind === 'limit_review' || toldInFull.has(decision.id)) continue;
    const name = productName(decision.productCode);
    const headline = decisionHeadline(decision.outcome, decision.limit);
    messages.push({
      id: decision.id,
      kind: 'decision',
      at: decision.decidedAt.toISOString(),
      title: MESSAGE_TITLES.decision,
      text: { 'zh-CN': `${name['zh-CN']}：${headline['zh-CN']}`, en: `${name.en}: ${headline.en}` },
      link: { decisionId: decision.id },
    });
  }
  const notifications = await Promise.all(appeals.map((appeal) => services.appeals.notifications(appeal.id)));
  for (const list of notifications) {
    for (const notification of list) {
      messages.push({
        id: notification.id,
        kind: 'appeal',
        at: notification.createdAt.toISOString(),
        title: MESSAGE_TITLES.appeal,
        text: text(notification.text),
        link: { appealId: notification.appealId },
      });
    }
  }
  const reviews = await Promise.all(lines.map((line) => services.lineReviews.listReviews(line.terms.lineId)));
  for (const list of reviews) {
    for (const review of list) {
      if (review.status !== 'applied' || !review.action || !CHANGES.has(review.action) || !review.message)
        continue;
      messages.push({
        id: review.id,
        kind: 'limit_change',
        at: (review.appliedAt ?? review.requestedAt).toISOString(),
        title: MESSAGE_TITLES.limitChange,
        text: text(review.message),
        link: { lineId: review.lineId, ...(review.decisionId ? { decisionId: review.decisionId } : {}) },
      });
    }
  }
  return messages.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : -1)).slice(0, limit);
}
