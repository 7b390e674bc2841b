import type { CustomerNotification } from '../appeals/index.ts';
import type { Queryable } from '../platform/database/database.ts';
import type { Product } from '../policy/index.ts';
import type { ReferralCase } from './referral.ts';
import type { DecisionRecord, ReferralDeps } from './referral-ports.ts';
import { appendEvents } from './referral-steps.ts';
import { decidedNotification } from './referral-texts.ts';
import * as repository from './referrals.pg.ts';

/**
 * The customer's side of a referral: the notification of the decision that closed a case, written in the
 * closing transaction (an outbox), and its delivery through the notifier after the commit.
 */

/** Writes the customer's notification of the decision that closed a case, inside the closing `tx`. */
export async function recordDecidedNotification(
  deps: Pick<ReferralDeps, 'clock' | 'ids'>,
  tx: Queryable,
  closed: { referral: ReferralCase; decision: DecisionRecord; by: 'review' | 'rerun'; product: Product },
): Promise<void> {
  const { referral, decision, by, product } = closed;
  if (decision.outcome === 'referred') return;
  const reasons = decision.override?.reasons ?? decision.reasons;
  await repository.insertNotification(tx, {
    id: deps.ids.next('notification'),
    referralId: referral.id,
    customerId: referral.customerId,
    kind: 'decided',
    decisionId: decision.id,
    text: decidedNotification({
      productName: product.name,
      by,
      outcome: decision.outcome,
      limit: decision.limit,
      apr: decision.apr,
      reasons,
      decisionDate: decision.decisionDate,
    }),
    createdAt: deps.clock.now(),
    deliveredAt: null,
  });
}

/** What delivering notifications needs. */
export type ReferralDeliveryDeps = Pick<ReferralDeps, 'db' | 'clock' | 'ids' | 'notifier' | 'onError'>;

/**
 * Hands undelivered notifications (of one case, or the oldest 200 of all) to the notifier, marking each
 * delivered on the case's history; a notifier failure leaves it for the next pass. Returns how many.
 */
export async function deliverReferralNotifications(
  deps: ReferralDeliveryDeps,
  input: { referralId?: string } = {},
): Promise<number> {
  const { db, clock, notifier } = deps;
  const pending = await repository.undeliveredNotifications(db, {
    limit: 200,
    ...(input.referralId ? { referralId: input.referralId } : {}),
  });
  let delivered = 0;
  for (const notification of pending) {
    const message: CustomerNotification = {
      id: notification.id,
      customerId: notification.customerId,
      kind: 'referral_decided',
      referralId: notification.referralId,
      decisionId: notification.decisionId,
      text: notification.text,
      createdAt: notification.createdAt,
    };
    try {
      await notifier.send(message);
    } catch (error) {
      deps.onError?.(error, `notify ${notification.id}`);
      continue;
    }
    const at = clock.now();
    const marked = await db.transaction(async (tx) => {
      const referral = await repository.findCase(tx, notification.referralId, { forUpdate: true });
      if (!referral || !(await repository.markDelivered(tx, notification, at))) return false;
      await appendEvents(deps, tx, referral, [
        {
          action: 'notified',
          actor: { kind: 'system', id: 'notifier', name: 'notifier' },
          at,
          statusBefore: referral.status,
          statusAfter: referral.status,
          details: { notificationId: notification.id, decisionId: notification.decisionId },
          note: null,
        },
      ]);
      return true;
    });
    if (marked) delivered += 1;
  }
  return delivered;
}

/** Delivers one case's notifications after its change committed; a fault is reported, not thrown. */
export async function deliverReferralNotificationsQuietly(
  deps: ReferralDeliveryDeps,
  referralId: string,
): Promise<void> {
  await deliverReferralNotifications(deps, { referralId }).catch((error: unknown) =>
    deps.onError?.(error, `deliver ${referralId}`),
  );
}
