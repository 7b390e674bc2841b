import {
  lifecycleCommand,
  bringUpToDate,
  type LineChangeResult,
  type LineLifecycleDeps,
  type Requester,
} from './line-lifecycle-command.ts';
import { setFacilityStatus } from '../facilities/set-facility-status.ts';
import { markLineClosed, setTemporaryLimit } from './credit-lines.pg.ts';
import { closeRefusal, reasonOf, refuse } from './line-lifecycle.ts';
import { advanceLine } from './line-servicing.ts';

/**
 * Closes a line at zero balance (customer or staff). The missing day steps up to today are booked first, so
 * the balance is today's; then nothing may be owed, held or left on a running plan (`closeRefusal`). The
 * facility is closed (and any temporary limit removed) and the line marked closed; history stays.
 */
export function closeLine(
  deps: LineLifecycleDeps,
  request: { lineId: string; idempotencyKey: string; reason?: string; requester: Requester },
): Promise<LineChangeResult> {
  const reason = request.reason === undefined ? null : reasonOf(request.reason);
  return lifecycleCommand(
    deps,
    { ...request, scope: 'line.close', request: { reason } },
    async ({ tx, facility, record, today }) => {
      // Refused before anything is booked: the day steps are the batch's to book then.
      const refusal = closeRefusal(advanceLine(record.terms, record.state, today).state);
      if (refusal) refuse(refusal);
      await bringUpToDate(tx, deps, facility, record, today);
      const { customerId } = record.terms;
      const now = deps.clock.now();
      if (facility.temporary) await setTemporaryLimit(tx, customerId, facility.id, null, now);
      const closed = await setFacilityStatus(tx, deps, 'close', {
        customerId,
        product: 'credit-line',
        reason: `line ${record.terms.lineId} closed${reason === null ? '' : `: ${reason}`}`,
      });
      await markLineClosed(tx, customerId, record.terms.lineId, today, now);
      return {
        kind: 'close',
        detail: { limit: String(facility.limit), statusBefore: facility.status },
        reason,
        facility: { ...closed, temporary: null },
        customerLimitCap: record.customerLimitCap,
        closedOn: today,
      };
    },
  );
}
