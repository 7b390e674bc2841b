import type { Logger } from '../logging/logger.ts';
import type { MessageChannel } from './channel.ts';

/**
 * The default channel until an SMS gateway, push service or mail relay is configured: writes each message to
 * the log (ids, kind, channel and the texts; no phone number or address — the adapter never sees them).
 */
export function createLogChannel(logger: Logger): MessageChannel {
  return {
    async send(message) {
      logger.info(
        {
          messageId: message.id,
          customerId: message.customerId,
          channel: message.channel,
          kind: message.kind,
          text: message.text,
        },
        'customer message',
      );
    },
  };
}
