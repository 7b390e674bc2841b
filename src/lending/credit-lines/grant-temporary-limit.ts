import {
  lifecycleCommand,
  yuan,
  type LineChangeResult,
  type LineLifecycleDeps,
  type Requester,
} from './line-lifecycle-command.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import type { Money } from '../../platform/money/money.ts';
import type { TemporaryLimit } from '../facilities/facility.ts';
import { setTemporaryLimit } from './credit-lines.pg.ts';
import { reasonOf, refuse, temporaryExpired, temporaryGrantRefusal } from './line-lifecycle.ts';

/**
 * Staff grant a temporary limit (临时额度): `amount` on top of the limit through `until` (1–90 days; a new
 * grant replaces the running one), with a reason; audited.
 */
export function grantTemporaryLimit(
  deps: LineLifecycleDeps,
  request: {
    lineId: string;
    amount: Money;
    until: LocalDate;
    reason: string;
    idempotencyKey: string;
    requester: Requester;
  },
): Promise<LineChangeResult> {
  const reason = reasonOf(request.reason);
  return lifecycleCommand(
    deps,
    {
      ...request,
      scope: 'line.temporary-limit',
      request: { amount: String(request.amount), until: request.until, reason },
    },
    async ({ tx, facility, record, today }) => {
      const grant: TemporaryLimit = { amount: request.amount, until: request.until };
      const refusal = temporaryGrantRefusal(grant, today, facility);
      if (refusal) refuse(refusal);
      const running = temporaryExpired(facility.temporary, today) ? null : (facility.temporary ?? null);
      await setTemporaryLimit(tx, record.terms.customerId, facility.id, grant, deps.clock.now());
      return {
        kind: 'temporary-limit',
        detail: {
          amount: yuan(grant.amount),
          until: grant.until,
          limit: yuan(facility.limit),
          ...(running === null ? {} : { replaced: { amount: yuan(running.amount), until: running.until } }),
        },
        reason,
        facility: { ...facility, temporary: grant },
        customerLimitCap: record.customerLimitCap,
        closedOn: null,
      };
    },
  );
}
