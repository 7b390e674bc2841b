import type { LocalizedText } from '../i18n/localized.ts';
import type { MessageChannelName } from './rules.ts';

/** What a channel adapter is handed: the message id doubles as the provider's idempotency key. */
export interface OutgoingMessage {
  readonly id: string;
  readonly customerId: string;
  readonly channel: MessageChannelName;
  readonly kind: string;
  readonly text: LocalizedText;
}

/**
 * The port through which messages leave: an SMS gateway, a push service, a mail relay. Delivery is at least
 * once (a pass that dies after `send` and before recording it sends again once the claim lapses), so an
 * adapter passes `message.id` to its provider as the idempotency key. `send` throws when the provider did
 * not take the message; the outbox retries it with back-off.
 */
export interface MessageChannel {
  send(message: OutgoingMessage): Promise<void>;
}

/** One channel per name, behind one port: the delivery pass routes each message by its channel. */
export function routeChannels(
  adapters: Readonly<Record<MessageChannelName, MessageChannel>>,
): MessageChannel {
  return { send: (message) => adapters[message.channel].send(message) };
}

/** The sandbox channel: records what it was given; can be told to fail (for tests and the demo). */
export interface SandboxChannel extends MessageChannel {
  /** Every message taken, in order (a repeated id appears again: at-least-once is visible). */
  readonly sent: OutgoingMessage[];
  /** Refuses the next `count` sends (all channels), or every send while `failing(Infinity)`. */
  failNext(count: number, reason?: string): void;
}

export function createSandboxChannel(): SandboxChannel {
  const sent: OutgoingMessage[] = [];
  let failures = 0;
  let reason = 'sandbox: told to fail';
  return {
    sent,
    failNext(count, why) {
      failures = count;
      if (why) reason = why;
    },
    async send(message) {
      if (failures > 0) {
        failures -= 1;
        throw new Error(reason);
      }
      sent.push(message);
    },
  };
}
