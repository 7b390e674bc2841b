import type { Database } from '../database/database.ts';
import type { Logger } from '../logging/logger.ts';
import type { Clock } from '../time/clock.ts';
import type { MessageChannel } from './channel.ts';
import type { CustomerMessage } from './message.ts';
import { claimDueMessages, deferMessage, markAttemptFailed, markDelivered } from './outbox.pg.ts';
import { afterFailure, DEFAULT_RETRY_POLICY, outsideQuietHours, type RetryPolicy } from './rules.ts';

export interface DeliveryDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly channel: MessageChannel;
  readonly policy?: RetryPolicy;
  readonly logger?: Logger;
}

export interface DeliveryOptions {
  /** Messages claimed per round (default 200). */
  readonly batchSize?: number;
  /** Sends in flight at once (default 8). */
  readonly concurrency?: number;
  /** Rounds at most, so one pass ends even while producers keep writing (default 50). */
  readonly maxRounds?: number;
}

export interface DeliveryReport {
  readonly delivered: number;
  /** Failed attempts that will be tried again. */
  readonly retrying: number;
  /** Messages given up on in this pass (their last attempt failed). */
  readonly failed: number;
  /** Claimed inside quiet hours (a clock moved back, a channel changed) and put back to 08:00. */
  readonly deferred: number;
}

/**
 * One delivery pass: claims the pending messages that are due, hands each to the channel, and records
 * the outcome — delivered, another attempt after the back-off, or failed after the last attempt. The
 * server runs it on an interval and the day-end batch at its end; several passes at once (two servers)
 * never claim the same message. Delivery is at least once: see `MessageChannel`.
 */
export async function deliverDueMessages(
  deps: DeliveryDeps,
  options: DeliveryOptions = {},
): Promise<DeliveryReport> {
  const policy = deps.policy ?? DEFAULT_RETRY_POLICY;
  const batchSize = options.batchSize ?? 200;
  const concurrency = options.concurrency ?? 8;
  const maxRounds = options.maxRounds ?? 50;
  const report = { delivered: 0, retrying: 0, failed: 0, deferred: 0 };
  for (let round = 0; round < maxRounds; round += 1) {
    const now = deps.clock.now();
    const claim = await claimDueMessages(deps.db, now, new Date(now.getTime() + policy.leaseMs), batchSize);
    const claimed = claim.messages;
    if (claimed.length === 0 && !claim.moreDue) break;
    const delivered: CustomerMessage[] = [];
    const queue = [...claimed];
    const worker = async (): Promise<void> => {
      for (let message = queue.shift(); message; message = queue.shift()) {
        const allowed = outsideQuietHours(message.channel, now);
        if (allowed.getTime() !== now.getTime()) {
          await deferMessage(deps.db, message, allowed);
          report.deferred += 1;
          continue;
        }
        try {
          await deps.channel.send({
            id: message.id,
            customerId: message.customerId,
            channel: message.channel,
            kind: message.kind,
            text: message.text,
          });
          delivered.push(message);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          const at = deps.clock.now();
          const next = afterFailure(policy, message.channel, message.attempts, at);
          await markAttemptFailed(deps.db, message, reason, next.giveUp ? undefined : next.nextAttemptAt, at);
          if (next.giveUp) report.failed += 1;
          else report.retrying += 1;
          deps.logger?.warn(
            {
              messageId: message.id,
              kind: message.kind,
              channel: message.channel,
              attempts: message.attempts,
              giveUp: next.giveUp,
            },
            'customer message not delivered',
          );
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, claimed.length) }, worker));
    await markDelivered(deps.db, delivered, deps.clock.now());
    report.delivered += delivered.length;
    if (!claim.moreDue) break;
  }
  return report;
}
