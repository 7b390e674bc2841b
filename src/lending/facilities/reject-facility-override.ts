import { AppError } from '../../platform/errors/app-error.ts';
import { scrubPii } from '../../platform/pii/mask.ts';
import type { FacilityOverrideDeps } from './facility-override-ports.ts';
import { lockPendingOverride } from './facility-override-steps.ts';
import type { FacilityOverride, OverrideActor } from './facility-override.ts';
import { decideOverride, lockOverride } from './facility-overrides.pg.ts';
import type { FacilityProduct } from './facility.ts';

/** Refuses (or, by its maker, withdraws) a pending override, saying why; the facility is unchanged. */
export async function rejectFacilityOverride(
  deps: Pick<FacilityOverrideDeps, 'db' | 'clock'>,
  customerId: string,
  product: FacilityProduct,
  overrideId: string,
  note: string,
  by: OverrideActor,
): Promise<FacilityOverride> {
  const text = scrubPii(note.trim());
  if (text === '' || text.length > 500)
    throw AppError.invalid('note', 'length', 'say why in 1–500 characters');
  return deps.db.transaction(async (tx) => {
    const override = await lockPendingOverride(
      tx,
      (q) => lockOverride(q, customerId, product, overrideId),
      overrideId,
    );
    const decided: FacilityOverride = {
      ...override,
      status: 'rejected',
      checker: by,
      decisionNote: text,
      decidedAt: deps.clock.now(),
    };
    await decideOverride(tx, decided);
    return decided;
  });
}
