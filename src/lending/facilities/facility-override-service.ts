import type { FacilityOverrideDeps } from './facility-override-ports.ts';
import { approveFacilityOverride } from './approve-facility-override.ts';
import { listOverrides } from './facility-overrides.pg.ts';
import type { FacilityOverride, OverrideActor } from './facility-override.ts';
import type { FacilityProduct } from './facility.ts';
import { proposeFacilityOverride } from './propose-facility-override.ts';
import type { OverrideOutcome, ProposeOverrideInput } from './facility-override-ports.ts';
import { rejectFacilityOverride } from './reject-facility-override.ts';

export type {
  FacilityOverrideDeps,
  FacilityOverridePorts,
  OverrideOutcome,
  ProposeOverrideInput,
} from './facility-override-ports.ts';

/** Manual changes of a facility's terms, as audited overrides (see facility-override.ts for the rules). */
export interface FacilityOverrideService {
  /** Checks and records an override; applies it at once unless its limit needs a second person. */
  propose(input: ProposeOverrideInput, by: OverrideActor): Promise<OverrideOutcome>;
  /** A second person approves a pending override: checked again, then applied. */
  approve(
    customerId: string,
    product: FacilityProduct,
    overrideId: string,
    by: OverrideActor,
  ): Promise<OverrideOutcome>;
  /** Refuses (or, by its maker, withdraws) a pending override; the facility is unchanged. */
  reject(
    customerId: string,
    product: FacilityProduct,
    overrideId: string,
    note: string,
    by: OverrideActor,
  ): Promise<FacilityOverride>;
  list(customerId: string, product: FacilityProduct): Promise<FacilityOverride[]>;
}

/** Binds the override use cases (`propose-`, `approve-`, `reject-facility-override.ts`) to their dependencies. */
export function createFacilityOverrideService(deps: FacilityOverrideDeps): FacilityOverrideService {
  return {
    propose: (input, by) => proposeFacilityOverride(deps, input, by),
    approve: (customerId, product, overrideId, by) =>
      approveFacilityOverride(deps, customerId, product, overrideId, by),
    reject: (customerId, product, overrideId, note, by) =>
      rejectFacilityOverride(deps, customerId, product, overrideId, note, by),
    list: (customerId, product) => listOverrides(deps.db, customerId, product),
  };
}
