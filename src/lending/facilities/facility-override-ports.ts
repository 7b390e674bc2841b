import type { DecisionService } from '../../decisions/index.ts';
import { isAppError } from '../../platform/errors/app-error.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import { productOn, type PolicyService, type ProductType } from '../../policy/index.ts';
import { termsInForceOf, type TermsInForce } from './facility-terms-guard.ts';
import type { Database } from '../../platform/database/database.ts';
import type { IdGenerator } from '../../platform/ids/ids.ts';
import type { Money } from '../../platform/money/money.ts';
import type { Clock } from '../../platform/time/clock.ts';
import type { LegalRateCap, Product } from '../../policy/index.ts';
import type { FacilityOverride, NamedDecision, OverrideTerms } from './facility-override.ts';
import type { Facility } from './facility.ts';

/** What the override use cases need from other contexts. */
export interface FacilityOverridePorts {
  /** The decision with this id, or undefined when there is none. */
  decision(decisionId: string): Promise<NamedDecision | undefined>;
  /** The product with this code in force on the date and every dated legal cap; undefined if none is. */
  product(
    productCode: string,
    date: LocalDate,
  ): Promise<{ product: Product; legalRateCaps: readonly LegalRateCap[] } | undefined>;
}

export interface FacilityOverrideDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly ports: FacilityOverridePorts;
  /** An override whose limit is above this needs a second person (the appeals' `secondReviewerAbove`). */
  readonly secondPersonAbove: Money;
}

export interface ProposeOverrideInput extends OverrideTerms {
  readonly reasons: readonly { readonly code: string; readonly note: string }[];
}

export interface OverrideOutcome {
  /** The override recorded, or null when the facility already had these terms (nothing written). */
  readonly override: FacilityOverride | null;
  /** The facility as it now stands (undefined while a first override is pending). */
  readonly facility: Facility | undefined;
  readonly available: Money;
  /** `pending`: waits for a second person; the facility is unchanged. */
  readonly change: 'opened' | 'adjusted' | 'unchanged' | 'pending';
}

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
