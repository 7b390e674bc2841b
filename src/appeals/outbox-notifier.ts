import type { Database } from '../platform/database/database.ts';
import type { Logger } from '../platform/logging/logger.ts';
import type { ForwardedKind, MessageDraft, MessageOutbox } from '../platform/notifications/index.ts';
import { createLogNotifier } from './log-notifier.node.ts';
import type { CustomerNotification, Notifier } from './notifier.ts';

const APPEAL_KINDS: Readonly<Record<string, ForwardedKind>> = {
  received: 'appeal_received',
  queued: 'appeal_queued',
  resolved: 'appeal_resolved',
  withdrawn: 'appeal_withdrawn',
};

/** An appeal's or referral's notification as a customer message: kept once per notification id. */
export function forwardedDraft(notification: CustomerNotification): MessageDraft | undefined {
  const kind: ForwardedKind | undefined = notification.referralId
    ? 'referral_decided'
    : APPEAL_KINDS[notification.kind];
  const subjectId = notification.appealId ?? notification.referralId;
  if (!kind || !subjectId) return undefined;
  return {
    customerId: notification.customerId,
    subjectId,
    occasion: notification.id,
    content: { kind, params: { text: notification.text } },
  };
}

/**
 * One notifier for the whole system: the appeals' and referrals' `Notifier` hands each notification, once
 * their own outbox has committed it, to the customer-message outbox, which delivers it like every other
 * message (the channel port, retries with back-off, quiet hours) and shows its delivery to staff. The
 * hand-over is at least once (their recovery pass hands an unconfirmed one over again) and de-duplicated by
 * the notification's id. It also logs the notification as the log notifier did.
 */
export function createOutboxNotifier(deps: {
  readonly db: Database;
  readonly outbox: MessageOutbox;
  readonly logger: Logger;
}): Notifier {
  const log = createLogNotifier(deps.logger);
  return {
    async send(notification) {
      const draft = forwardedDraft(notification);
      if (draft) await deps.db.transaction((tx) => deps.outbox.write(tx, [draft]));
      await log.send(notification);
    },
  };
}
