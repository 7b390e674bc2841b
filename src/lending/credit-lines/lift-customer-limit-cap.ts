import {
  lifecycleCommand,
  yuan,
  type LineChangeResult,
  type LineLifecycleDeps,
  type Requester,
} from './line-lifecycle-command.ts';
import { setCustomerLimitCap } from './credit-lines.pg.ts';
import { refuse } from './line-lifecycle.ts';

/** The customer lifts their cap: the limit stays as it is; the next review may raise it. */
export function liftCustomerLimitCap(
  deps: LineLifecycleDeps,
  request: { lineId: string; idempotencyKey: string; requester: Requester },
): Promise<LineChangeResult> {
  return lifecycleCommand(
    deps,
    { ...request, scope: 'line.customer-limit-lifted', request: {} },
    async ({ tx, facility, record }) => {
      if (record.customerLimitCap === null) {
        refuse({
          field: 'customerLimitCap',
          rule: 'cap-set',
          message: 'the customer has set no limit to lift',
        });
      }
      await setCustomerLimitCap(tx, record.terms.customerId, record.terms.lineId, null, deps.clock.now());
      return {
        kind: 'customer-limit-lifted',
        detail: { capBefore: yuan(record.customerLimitCap), limit: yuan(facility.limit) },
        reason: null,
        facility,
        customerLimitCap: null,
        closedOn: null,
      };
    },
  );
}
