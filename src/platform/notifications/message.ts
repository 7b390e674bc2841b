import type { Queryable } from '../database/database.ts';
import type { LocalizedText } from '../i18n/localized.ts';
import type { MessageChannelName } from './rules.ts';
import type { MessageContent, MessageKind } from './templates.ts';

/**
 * A message to write to the outbox. Its de-duplication key is (customerId, kind, subjectId, occasion):
 * writing the same key again — a re-run of the event or of the day-end — writes nothing.
 */
export interface MessageDraft {
  readonly customerId: string;
  /** The account it is about: a loan, a line, a plan, a limit review. */
  readonly subjectId: string;
  /** What makes it one of its kind for that account: a due date, a statement number, a payment's key. */
  readonly occasion: string;
  readonly content: MessageContent;
}

export type MessageStatus = 'pending' | 'delivered' | 'failed';

/** A message as stored, with its delivery state. */
export interface CustomerMessage {
  readonly id: string;
  readonly customerId: string;
  readonly kind: MessageKind;
  readonly subjectId: string;
  readonly occasion: string;
  readonly channel: MessageChannelName;
  readonly text: LocalizedText;
  /** The figures the text was rendered from (money as fen strings). */
  readonly params: Readonly<Record<string, unknown>>;
  readonly createdAt: Date;
  readonly status: MessageStatus;
  readonly attempts: number;
  readonly nextAttemptAt: Date;
  readonly lastError: string | null;
  readonly deliveredAt: Date | null;
  readonly failedAt: Date | null;
}

/** Which channel each kind goes by: what needs acting on by a date goes by SMS, the rest by push. */
export function channelOf(kind: MessageKind): MessageChannelName {
  switch (kind) {
    case 'due_in_3_days':
    case 'due_tomorrow':
    case 'due_today':
    case 'overdue_day_1':
    case 'overdue_day_7':
    case 'overdue_day_30':
    case 'collections_notice':
    case 'payment_received':
    case 'payment_reversed':
    case 'bureau_negative_notice':
    case 'auto_repay_failed':
    case 'payout_failed':
    case 'loan_hardship_applied':
    case 'line_hardship_applied':
    case 'line_written_off':
    case 'line_recovery_received':
      return 'sms';
    case 'statement_ready':
    case 'limit_changed':
    case 'plan_created':
    case 'plan_changed':
    case 'appeal_received':
    case 'appeal_queued':
    case 'appeal_resolved':
    case 'appeal_withdrawn':
    case 'referral_decided':
    case 'correction_answered':
    case 'payout_sent':
      return 'push';
  }
}

/**
 * The port producers write through: `write(tx, drafts)` inside the transaction that records the cause, so
 * the message exists exactly when the event does. Returns how many drafts were new (the rest were already
 * in the outbox under their de-duplication key).
 */
export interface MessageOutbox {
  write(tx: Queryable, drafts: readonly MessageDraft[]): Promise<number>;
}
