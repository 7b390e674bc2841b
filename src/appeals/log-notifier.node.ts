import type { Logger } from '../platform/logging/logger.ts';
import type { CustomerNotification, Notifier } from './notifier.ts';

/** The default notifier: writes each notification to the log (no personal data: ids, kind and the texts). */
export function createLogNotifier(logger: Logger): Notifier {
  return {
    async send(notification: CustomerNotification) {
      logger.info(
        {
          notificationId: notification.id,
          appealId: notification.appealId,
          referralId: notification.referralId,
          customerId: notification.customerId,
          kind: notification.kind,
          text: notification.text,
        },
        notification.referralId ? 'referral notification' : 'appeal notification',
      );
    },
  };
}
