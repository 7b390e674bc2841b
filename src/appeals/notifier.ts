import type { AppealNotification } from './appeal.ts';

/**
 * The port through which customers hear about their appeal (SMS, push, in-app inbox — an adapter's
 * business). Notifications are recorded in the appeal's transaction first and handed to the notifier after
 * it commits; one that fails stays undelivered and is retried by the recovery pass, so a delivery may be
 * repeated — adapters should de-duplicate by `notification.id`.
 */
export interface Notifier {
  /** Delivers one notification; throws when it could not (it will be retried). */
  send(notification: AppealNotification): Promise<void>;
}
