import type { AppealDeps } from './appeal-ports.ts';
import * as repository from './appeals.pg.ts';

/** What delivering notifications needs. */
export type DeliveryDeps = Pick<AppealDeps, 'db' | 'clock' | 'ids' | 'notifier' | 'onError'>;

/**
 * Hands undelivered notifications (of one appeal, or the oldest 200 of all) to the notifier; each delivery
 * is marked and audited (`notified`) under the appeal's lock. A notifier failure leaves the notification
 * for the next pass. Returns how many were delivered.
 */
export async function deliverAppealNotifications(
  deps: DeliveryDeps,
  input: { appealId?: string } = {},
): Promise<number> {
  const { db, clock, ids, notifier } = deps;
  const pending = await repository.undeliveredNotifications(db, {
    limit: 200,
    ...(input.appealId ? { appealId: input.appealId } : {}),
  });
  let delivered = 0;
  for (const notification of pending) {
    try {
      await notifier.send(notification);
    } catch (error) {
      deps.onError?.(error, `notify ${notification.id}`);
      continue;
    }
    const at = clock.now();
    const marked = await db.transaction(async (tx) => {
      const appeal = await repository.findAppeal(tx, notification.appealId, { forUpdate: true });
      if (!appeal || !(await repository.markDelivered(tx, notification, at))) return false;
      const seq = await repository.nextSeq(tx, appeal.customerId, appeal.id);
      await repository.insertEvents(tx, [
        {
          id: ids.next('audit'),
          appealId: appeal.id,
          customerId: appeal.customerId,
          seq,
          action: 'notified',
          actor: { kind: 'system', id: 'notifier', name: 'notifier' },
          at,
          statusBefore: appeal.status,
          statusAfter: appeal.status,
          before: {},
          after: { notificationId: notification.id, kind: notification.kind },
          note: null,
        },
      ]);
      return true;
    });
    if (marked) delivered += 1;
  }
  return delivered;
}

/** Delivers one appeal's notifications after its change committed; a fault is reported, not thrown. */
export async function deliverAppealNotificationsQuietly(deps: DeliveryDeps, appealId: string): Promise<void> {
  await deliverAppealNotifications(deps, { appealId }).catch((error: unknown) =>
    deps.onError?.(error, `deliver ${appealId}`),
  );
}
