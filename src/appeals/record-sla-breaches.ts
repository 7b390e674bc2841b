import type { AppealDeps } from './appeal-ports.ts';
import { slaBreachEvent } from './appeal-sla.ts';
import * as repository from './appeals.pg.ts';

/**
 * Writes an `sla_breached` audit event for each open appeal past its due instant that has none yet (once
 * per appeal, under its row lock; at most `limit` appeals); returns how many were written.
 */
export async function recordSlaBreaches(
  deps: Pick<AppealDeps, 'db' | 'clock' | 'ids'>,
  input: { limit?: number } = {},
): Promise<number> {
  const { db, ids } = deps;
  const now = deps.clock.now();
  const overdue = await repository.unrecordedSlaBreaches(db, now, input.limit ?? 500);
  let recorded = 0;
  for (const appealId of overdue) {
    const written = await db.transaction(async (tx) => {
      const appeal = await repository.findAppeal(tx, appealId, { forUpdate: true });
      const breach = appeal ? slaBreachEvent(appeal, now) : null;
      if (!appeal || !breach || (await repository.slaBreachRecorded(tx, appeal.customerId, appeal.id)))
        return false;
      const seq = await repository.nextSeq(tx, appeal.customerId, appeal.id);
      await repository.insertEvents(tx, [
        { ...breach, id: ids.next('audit'), appealId: appeal.id, customerId: appeal.customerId, seq },
      ]);
      return true;
    });
    if (written) recorded += 1;
  }
  return recorded;
}
