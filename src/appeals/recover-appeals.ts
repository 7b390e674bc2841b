import type { AppealDeps, RecoveryReport } from './appeal-ports.ts';
import * as repository from './appeals.pg.ts';
import { deliverAppealNotifications } from './deliver-appeal-notifications.ts';
import { recheckAppeal } from './recheck-appeal.ts';
import { recordSlaBreaches } from './record-sla-breaches.ts';

/**
 * Start-up and day-end pass: every due re-check (at most `limit`), then every undelivered notification,
 * then the SLA breaches not yet on the record. A re-check that fails is counted and reported, not thrown.
 */
export async function recoverAppeals(
  deps: Omit<AppealDeps, 'evidenceCipher'>,
  input: { limit?: number } = {},
): Promise<RecoveryReport> {
  const limit = input.limit ?? 500;
  const due = await repository.dueRechecks(deps.db, deps.clock.now(), limit);
  const counts = { attempted: 0, resolved: 0, queued: 0, deferred: 0, failed: 0 };
  for (const appealId of due) {
    counts.attempted += 1;
    try {
      const appeal = await recheckAppeal(deps, { appealId });
      if (appeal.status === 'resolved') counts.resolved += 1;
      else if (appeal.status === 'queued') counts.queued += 1;
      else if (appeal.status === 'filed') counts.deferred += 1;
    } catch (error) {
      counts.failed += 1;
      deps.onError?.(error, `recover ${appealId}`);
    }
  }
  const notificationsDelivered = await deliverAppealNotifications(deps);
  const slaBreachesRecorded = await recordSlaBreaches(deps, { limit });
  return { ...counts, notificationsDelivered, slaBreachesRecorded };
}
