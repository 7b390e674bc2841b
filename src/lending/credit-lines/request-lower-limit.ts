import {
  lifecycleCommand,
  yuan,
  type LineChangeResult,
  type LineLifecycleDeps,
  type Requester,
} from './line-lifecycle-command.ts';
import type { Money } from '../../platform/money/money.ts';
import type { Facility } from '../facilities/facility.ts';
import { insertFacilityChange, updateFacilityTerms } from '../facilities/facility.pg.ts';
import { setCustomerLimitCap } from './credit-lines.pg.ts';
import { lowerLimitRefusal, reasonOf, refuse } from './line-lifecycle.ts';

/**
 * The customer asks for a lower limit (below the current one, never below what is used; the reason is
 * theirs). The facility's limit becomes it (a facility change 'adjust' on the same decision, the reason
 * saying it was the customer's) and it is the line's cap: reviews never set the limit above it until the
 * customer lifts it.
 */
export function requestLowerLimit(
  deps: LineLifecycleDeps,
  request: { lineId: string; limit: Money; reason: string; idempotencyKey: string; requester: Requester },
): Promise<LineChangeResult> {
  const reason = reasonOf(request.reason);
  return lifecycleCommand(
    deps,
    { ...request, scope: 'line.customer-limit', request: { limit: String(request.limit), reason } },
    async ({ tx, facility, record }) => {
      const refusal = lowerLimitRefusal(request.limit, facility);
      if (refusal) refuse(refusal);
      const now = deps.clock.now();
      const next: Facility = {
        ...facility,
        limit: request.limit,
        version: facility.version + 1,
        updatedAt: now,
      };
      await updateFacilityTerms(tx, next);
      await insertFacilityChange(tx, next, 'adjust', `customer-request: ${reason}`, now);
      await setCustomerLimitCap(tx, record.terms.customerId, record.terms.lineId, request.limit, now);
      return {
        kind: 'customer-limit',
        detail: {
          limitBefore: yuan(facility.limit),
          limitAfter: yuan(request.limit),
          used: yuan(facility.used),
        },
        reason,
        facility: next,
        customerLimitCap: request.limit,
        closedOn: null,
      };
    },
  );
}
