import type { Queryable } from '../../platform/database/database.ts';
import { compareRate } from '../../platform/money/rate.ts';
import { scrubPii } from '../../platform/pii/mask.ts';
import type {
  FacilityOverrideDeps,
  OverrideOutcome,
  ProposeOverrideInput,
} from './facility-override-ports.ts';
import { applyOverride, checkOverride, overrideOutcome } from './facility-override-steps.ts';
import {
  parseOverrideReasons,
  type FacilityOverride,
  type OverrideActor,
  type OverrideTerms,
} from './facility-override.ts';
import { insertOverride, listOverrides } from './facility-overrides.pg.ts';
import type { Facility } from './facility.ts';
import { lockFacility } from './facility.pg.ts';

/** The same proposal again (same terms, decision and maker) is the one already waiting. */
async function waitingProposal(
  tx: Queryable,
  terms: OverrideTerms,
  by: OverrideActor,
): Promise<FacilityOverride | undefined> {
  return (await listOverrides(tx, terms.customerId, terms.product)).find(
    (other) =>
      other.status === 'pending' &&
      other.decisionId === terms.decisionId &&
      other.limit === terms.limit &&
      compareRate(other.apr, terms.apr) === 0 &&
      other.maker.keyId === by.keyId,
  );
}

/** Whether the facility already has these terms from this decision (nothing to override). */
function alreadyHas(current: Facility | undefined, terms: OverrideTerms): current is Facility {
  return (
    current !== undefined &&
    current.status !== 'closed' &&
    current.limit === terms.limit &&
    compareRate(current.apr, terms.apr) === 0 &&
    current.decisionId === terms.decisionId
  );
}

/**
 * Checks and records a manual change of a facility's terms (an audited override, see facility-override.ts);
 * applies it at once unless its limit needs a second person, when it waits (`pending`).
 */
export async function proposeFacilityOverride(
  deps: FacilityOverrideDeps,
  input: ProposeOverrideInput,
  by: OverrideActor,
): Promise<OverrideOutcome> {
  const reasons = parseOverrideReasons(input.reasons).map((reason) => ({
    ...reason,
    note: scrubPii(reason.note),
  }));
  const terms: OverrideTerms = {
    customerId: input.customerId,
    product: input.product,
    limit: input.limit,
    apr: input.apr,
    decisionId: input.decisionId,
  };
  const { needsSecondPerson } = await checkOverride(deps, terms);
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const current = await lockFacility(tx, terms.customerId, terms.product);
    if (alreadyHas(current, terms)) return overrideOutcome(null, current, 'unchanged');
    const override: FacilityOverride = {
      ...terms,
      id: deps.ids.next('facilityOverride'),
      reasons,
      maker: by,
      needsSecondPerson,
      status: needsSecondPerson ? 'pending' : 'applied',
      checker: null,
      decisionNote: null,
      facilityVersion: null,
      proposedAt: now,
      decidedAt: needsSecondPerson ? null : now,
    };
    if (needsSecondPerson) {
      const waiting = await waitingProposal(tx, terms, by);
      if (waiting) return overrideOutcome(waiting, current, 'pending');
      await insertOverride(tx, override);
      return overrideOutcome(override, current, 'pending');
    }
    const applied = await applyOverride(deps, tx, override, null, now);
    const recorded = { ...override, facilityVersion: applied.facility.version };
    await insertOverride(tx, recorded);
    return overrideOutcome(recorded, applied.facility, applied.change);
  });
}
