import type { Logger } from '../platform/logging/logger.ts';
import type { AppealNotification } from './appeal.ts';
import type { Notifier } from './notifier.ts';

/** The default notifier: writes each notification to the log (no personal data: ids, kind and the texts). */
export function createLogNotifier(logger: Logger): Notifier {
  return {
    async send(notification: AppealNotification) {
      logger.info(
        {
          notificationId: notification.id,
          appealId: notification.appealId,
          customerId: notification.customerId,
          kind: notification.kind,
          text: notification.text,
        },
        'appeal notification',
      );
    },
  };
}
