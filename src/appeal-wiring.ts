import type { CustomerService } from './customers/index.ts';
import type { DecisionService } from './decisions/index.ts';
import { openOrAdjustFacility, type FacilityService } from './lending/facilities/facility-service.ts';
import type { LoanService } from './lending/loans/loan-service.ts';
import type { IdempotencyStore } from './ledger/index.ts';
import type { ApiKeyStore } from './platform/auth/api-keys.ts';
import type { IdGenerator } from './platform/ids/ids.ts';
import type { Clock } from './platform/time/clock.ts';
import { storedSpellingOf, type PolicyService } from './policy/index.ts';
import type { AppealPorts } from './appeals/index.ts';

/** The services the appeals context talks to, as the composition root has them. */
export interface AppealPortSources {
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Where applying an appeal's outcome to a facility claims the decision id (the ledger's store). */
  readonly idempotency: IdempotencyStore;
  readonly apiKeys: ApiKeyStore;
  readonly customers: CustomerService;
  readonly decisions: DecisionService;
  readonly facilities: FacilityService;
  readonly loans: LoanService;
  readonly policies: PolicyService;
}

/**
 * Wires the appeals ports to the other contexts' public services (used by the composition root only; the
 * port types are in `appeal-ports.ts`).
 */
export function appealPortsFrom(sources: AppealPortSources): AppealPorts {
  const { clock, ids, idempotency, apiKeys, customers, decisions, facilities, loans, policies } = sources;
  return {
    decision: (decisionId) => decisions.get(decisionId),
    decisions: (customerId, options) => decisions.list(customerId, options),
    decide: (request) => decisions.decide(request),
    recordOverride: (tx, request) => decisions.recordOverride(request, { tx }),
    verify: (customerId) => customers.verify(customerId),
    customer: (customerId) => customers.getCustomer(customerId),
    snapshot: (customerId) => customers.getSnapshot(customerId),
    loans: (customerId) => loans.listLoans(customerId),
    facilities: (customerId) => facilities.listFacilities(customerId),
    async productTerms(request) {
      const resolved = await policies.resolve(request);
      return { product: resolved.product, legalRateCaps: resolved.legalRateCaps };
    },
    async applyToFacility(tx, input) {
      const outcome = await openOrAdjustFacility(
        tx,
        { clock, ids, idempotency },
        {
          customerId: input.customerId,
          product: storedSpellingOf(input.productType),
          limit: input.limit,
          apr: input.apr,
          decisionId: input.decisionId,
          reason: input.reason,
        },
      );
      return outcome.change;
    },
    async reviewer(keyId) {
      const key = (await apiKeys.list()).find(
        (record) =>
          record.id === keyId &&
          record.revokedAt === null &&
          (record.role === 'reviewer' || record.role === 'admin'),
      );
      return key ? { kind: 'reviewer', id: key.id, name: key.name } : undefined;
    },
  };
}
