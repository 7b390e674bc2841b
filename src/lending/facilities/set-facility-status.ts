import type { Queryable } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { type Facility, type FacilityProduct, type FacilityStatus } from './facility.ts';
import {
  insertFacilityChange,
  lockFacility,
  updateFacilityTerms,
  type FacilityChangeKind,
} from './facility.pg.ts';

import type { FacilityDeps } from './facility-ports.ts';

export interface FacilityStatusInput {
  readonly customerId: string;
  readonly product: FacilityProduct;
  readonly reason: string;
}

const TRANSITIONS: Readonly<
  Record<FacilityChangeKind, { from: readonly FacilityStatus[]; to: FacilityStatus }>
> = {
  open: { from: [], to: 'active' },
  adjust: { from: [], to: 'active' },
  override: { from: [], to: 'active' },
  freeze: { from: ['active', 'suspended', 'frozen'], to: 'frozen' },
  suspend: { from: ['active', 'suspended'], to: 'suspended' },
  reactivate: { from: ['frozen', 'suspended', 'active'], to: 'active' },
  close: { from: ['active', 'frozen', 'suspended', 'closed'], to: 'closed' },
};

/**
 * Freezes, suspends, reactivates or closes a facility inside the caller's transaction. Drawing stops at
 * once (the next drawdown locks the row and sees the status); loans already drawn keep being serviced.
 * Setting the status it already has is a no-op.
 */
export async function setFacilityStatus(
  tx: Queryable,
  deps: Pick<FacilityDeps, 'clock' | 'ids'>,
  change: Exclude<FacilityChangeKind, 'open' | 'adjust' | 'override'>,
  input: FacilityStatusInput,
): Promise<Facility> {
  const current = await lockFacility(tx, input.customerId, input.product);
  if (!current) throw AppError.notFound(`${input.product} facility of customer`, input.customerId);
  const rule = TRANSITIONS[change];
  if (!rule.from.includes(current.status)) {
    throw new AppError('UNPROCESSABLE', `a ${current.status} facility cannot be set to ${rule.to}`);
  }
  if (current.status === rule.to) return current;
  const now = deps.clock.now();
  const next: Facility = {
    ...current,
    status: rule.to,
    statusReason: input.reason,
    version: current.version + 1,
    updatedAt: now,
  };
  await updateFacilityTerms(tx, next);
  await insertFacilityChange(tx, next, change, input.reason, now);
  return next;
}
