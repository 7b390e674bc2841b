import type { DecisionService } from '../../decisions/decision-service.ts';
import { isAppError } from '../../platform/errors/app-error.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import { productOn, type PolicyService, type ProductType } from '../../policy/index.ts';
import type { FacilityOverridePorts } from './facility-override-service.ts';
import { termsInForceOf, type TermsInForce } from './facility-terms-guard.ts';

/** Wires the override use cases to the decisions and policy contexts, as the composition root has them. */
export function facilityOverridePortsFrom(sources: {
  readonly decisions: Pick<DecisionService, 'get'>;
  readonly policies: Pick<PolicyService, 'settings'>;
}): FacilityOverridePorts {
  const { decisions, policies } = sources;
  return {
    async decision(decisionId) {
      try {
        const record = await decisions.get(decisionId);
        return {
          id: record.id,
          customerId: record.customerId,
          productCode: record.productCode,
          productType: record.productType,
          outcome: record.outcome,
        };
      } catch (error) {
        if (isAppError(error) && error.code === 'NOT_FOUND') return undefined;
        throw error;
      }
    },
    async product(productCode, date) {
      const settings = await policies.settings();
      const entry = productOn(settings.products, productCode, date);
      return entry && { product: entry.product, legalRateCaps: settings.legalRateCaps };
    },
  };
}

/** The terms in force for lending (loans, lines) from the policy context's settings (cached there). */
export function termsInForceFrom(
  policies: Pick<PolicyService, 'settings'>,
): (type: ProductType, date: LocalDate) => Promise<TermsInForce> {
  return async (type, date) => termsInForceOf(await policies.settings(), type, date);
}
