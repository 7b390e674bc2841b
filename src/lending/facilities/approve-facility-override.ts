import { AppError } from '../../platform/errors/app-error.ts';
import type { FacilityOverrideDeps, OverrideOutcome } from './facility-override-ports.ts';
import {
  applyOverride,
  checkOverride,
  lockPendingOverride,
  overrideOutcome,
} from './facility-override-steps.ts';
import { checkSecondPerson, type FacilityOverride, type OverrideActor } from './facility-override.ts';
import { decideOverride, listOverrides, lockOverride } from './facility-overrides.pg.ts';
import type { FacilityProduct } from './facility.ts';

/** A second person approves a pending override: checked again, then applied. */
export async function approveFacilityOverride(
  deps: FacilityOverrideDeps,
  customerId: string,
  product: FacilityProduct,
  overrideId: string,
  by: OverrideActor,
): Promise<OverrideOutcome> {
  const proposed = (await listOverrides(deps.db, customerId, product)).find((o) => o.id === overrideId);
  if (!proposed) throw AppError.notFound('facility override', overrideId);
  checkSecondPerson(proposed, by);
  // Checked again: the decision, the product or the legal cap may have changed since it was proposed.
  await checkOverride(deps, proposed);
  return deps.db.transaction(async (tx) => {
    const override = await lockPendingOverride(
      tx,
      (q) => lockOverride(q, customerId, product, overrideId),
      overrideId,
    );
    const now = deps.clock.now();
    const applied = await applyOverride(deps, tx, override, by, now);
    const decided: FacilityOverride = {
      ...override,
      status: 'applied',
      checker: by,
      facilityVersion: applied.facility.version,
      decidedAt: now,
    };
    await decideOverride(tx, decided);
    return overrideOutcome(decided, applied.facility, applied.change);
  });
}
