import { sqlStateOf, type Queryable } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { ZERO } from '../../platform/money/money.ts';
import { rate } from '../../platform/money/rate.ts';
import type { FacilityOverrideDeps, OverrideOutcome } from './facility-override-ports.ts';
import {
  checkNamedDecision,
  checkOverrideTerms,
  reasonsText,
  type FacilityOverride,
  type OverrideActor,
  type OverrideTerms,
} from './facility-override.ts';
import { availableCredit, type Facility } from './facility.ts';
import { insertFacility, insertFacilityChange, lockFacility, updateFacilityTerms } from './facility.pg.ts';

/** The steps the override use cases share (propose, approve, reject). */

const who = (actor: OverrideActor): string => `${actor.name} (${actor.keyId})`;

/** Every rule but the second person's; reads other contexts, so it runs outside the transaction. */
export async function checkOverride(
  deps: Pick<FacilityOverrideDeps, 'clock' | 'ports' | 'secondPersonAbove'>,
  terms: OverrideTerms,
): Promise<{ needsSecondPerson: boolean }> {
  const decision = checkNamedDecision(await deps.ports.decision(terms.decisionId), terms);
  const date = deps.clock.today();
  const bounds = await deps.ports.product(decision.productCode, date);
  if (!bounds)
    throw AppError.invalid(
      'decisionId',
      'product-in-force',
      `product ${decision.productCode} of decision ${decision.id} is not in force on ${date}`,
    );
  return checkOverrideTerms(terms, { ...bounds, date }, deps.secondPersonAbove);
}

/** Opens the facility an override names for a customer who has none yet. */
async function openByOverride(
  deps: Pick<FacilityOverrideDeps, 'ids'>,
  tx: Queryable,
  override: FacilityOverride,
  now: Date,
): Promise<Facility> {
  const facility: Facility = {
    id: deps.ids.next('facility'),
    customerId: override.customerId,
    product: override.product,
    status: 'active',
    limit: override.limit,
    used: ZERO,
    apr: rate(override.apr.num, override.apr.den),
    decisionId: override.decisionId,
    statusReason: null,
    version: 1,
    openedAt: now,
    updatedAt: now,
  };
  try {
    await insertFacility(tx, facility);
  } catch (error) {
    if (sqlStateOf(error) === '23505')
      throw new AppError('CONFLICT', 'the facility was opened concurrently; try again', { cause: error });
    throw error;
  }
  return facility;
}

/** Writes the override's terms to the facility and its history, inside `tx`. */
export async function applyOverride(
  deps: Pick<FacilityOverrideDeps, 'ids'>,
  tx: Queryable,
  override: FacilityOverride,
  checker: OverrideActor | null,
  now: Date,
): Promise<{ facility: Facility; change: 'opened' | 'adjusted' }> {
  const current = await lockFacility(tx, override.customerId, override.product);
  const authors = {
    overrideId: override.id,
    madeBy: who(override.maker),
    checkedBy: checker && who(checker),
  };
  const reason = reasonsText(override.reasons);
  if (!current) {
    const facility = await openByOverride(deps, tx, override, now);
    await insertFacilityChange(tx, facility, 'override', reason, now, authors);
    return { facility, change: 'opened' };
  }
  if (current.status === 'closed')
    throw new AppError('UNPROCESSABLE', `facility ${current.id} is closed; it cannot be changed`, {
      issues: [{ field: 'product', rule: 'facility-open', message: 'a closed facility cannot be changed' }],
    });
  const facility: Facility = {
    ...current,
    limit: override.limit,
    apr: override.apr,
    decisionId: override.decisionId,
    version: current.version + 1,
    updatedAt: now,
  };
  await updateFacilityTerms(tx, facility);
  await insertFacilityChange(tx, facility, 'override', reason, now, authors);
  return { facility, change: 'adjusted' };
}

/** An override's outcome with the facility's available credit. */
export function overrideOutcome(
  override: FacilityOverride | null,
  facility: Facility | undefined,
  change: OverrideOutcome['change'],
): OverrideOutcome {
  return {
    override,
    facility,
    available: facility ? availableCredit(facility) : ZERO,
    change,
  };
}

/** A pending override locked for its decision; NOT_FOUND or CONFLICT (`pending`) otherwise. */
export async function lockPendingOverride(
  tx: Queryable,
  lock: (tx: Queryable) => Promise<FacilityOverride | undefined>,
  overrideId: string,
): Promise<FacilityOverride> {
  const override = await lock(tx);
  if (!override) throw AppError.notFound('facility override', overrideId);
  if (override.status !== 'pending')
    throw new AppError('CONFLICT', `facility override ${overrideId} is already ${override.status}`, {
      issues: [{ field: 'overrideId', rule: 'pending', message: `the override is ${override.status}` }],
    });
  return override;
}
