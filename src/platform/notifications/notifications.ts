import type { Database, Queryable } from '../database/database.ts';
import type { IdGenerator } from '../ids/ids.ts';
import type { Logger } from '../logging/logger.ts';
import type { Clock } from '../time/clock.ts';
import type { MessageChannel } from './channel.ts';
import { deliverDueMessages, type DeliveryOptions, type DeliveryReport } from './delivery.ts';
import type { CustomerMessage, MessageOutbox } from './message.ts';
import { listCustomerMessages, writeMessages } from './outbox.pg.ts';
import type { RetryPolicy } from './rules.ts';

/** The customer-message module as the composition root wires it. */
export interface Notifications {
  /** What producers write through (in their own transaction). */
  readonly outbox: MessageOutbox;
  /** One delivery pass (the server's interval, the end of the day-end batch, the CLI). */
  deliver(options?: DeliveryOptions): Promise<DeliveryReport>;
  /** A customer's messages, newest first. */
  list(customerId: string, options?: { limit?: number; before?: string }): Promise<CustomerMessage[]>;
}

export interface NotificationsDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly channel: MessageChannel;
  readonly policy?: RetryPolicy;
  readonly logger?: Logger;
}

export function createNotifications(deps: NotificationsDeps): Notifications {
  return {
    outbox: {
      write: (tx: Queryable, drafts) => writeMessages(tx, { ids: deps.ids, now: deps.clock.now() }, drafts),
    },
    deliver: (options) => deliverDueMessages(deps, options),
    list: (customerId, options = {}) =>
      listCustomerMessages(deps.db, customerId, { limit: options.limit ?? 50, before: options.before }),
  };
}
