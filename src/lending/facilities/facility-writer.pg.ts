import type { Queryable } from '../../platform/database/database.ts';
import type { Rate } from '../../platform/money/rate.ts';
import type { FacilityProduct } from './facility.ts';
import {
  openOrAdjustFacility,
  type FacilityDeps,
  type FacilityOutcome,
  type OpenOrAdjustFacilityInput,
} from './facility-service.ts';

/**
 * Lending's side of what an approved decision does to a facility (the decisions context's `FacilityWriter`
 * port, wired by the composition root): apply the grant inside the decision's transaction, and say in SQL
 * when a facility still stands as the decision read it. Only lending's adapters know `credit_facilities`.
 */
export function createFacilityWriter(deps: FacilityDeps) {
  return {
    async apply(tx: Queryable, grant: OpenOrAdjustFacilityInput): Promise<FacilityOutcome['change']> {
      return (await openOrAdjustFacility(tx, deps, grant)).change;
    },
    standingTermsCondition: facilityStandsCondition,
  };
}

/**
 * `exists` the customer's facility for the product, active, with exactly the limit and rate (rates
 * compared as exact fractions: a/b = c/d when a·d = c·b). `at` are placeholders the statement binds already
 * (the customer id — so the statement stays on the customer's shard — and the limit).
 */
function facilityStandsCondition(
  at: { readonly customerId: string; readonly limit: string },
  terms: { readonly product: FacilityProduct; readonly apr: Rate },
  bind: (value: unknown) => string,
): string {
  const product = bind(terms.product);
  const num = bind(terms.apr.num);
  const den = bind(terms.apr.den);
  return `exists (
         select 1 from credit_facilities f
          where f.customer_id = ${at.customerId} and f.product = ${product}::text and f.status = 'active'
            and f.limit_amount = ${at.limit}
            and f.apr_num::numeric * ${den}::numeric = ${num}::numeric * f.apr_den::numeric)`;
}

export { facilityTermsAlongside, type FacilityTerms } from './facility.pg.ts';
