import { once } from '../../ledger/index.ts';
import type { Queryable } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { ZERO, type Money } from '../../platform/money/money.ts';
import { compareRate, rate, toExactRateString, type Rate } from '../../platform/money/rate.ts';
import { availableCredit, type Facility, type FacilityProduct } from './facility.ts';
import { insertFacility, insertFacilityChange, lockFacility, updateFacilityTerms } from './facility.pg.ts';

import type { FacilityDeps } from './facility-ports.ts';

/** What an approved decision grants: the limit and rate of one product for one customer. */
export interface OpenOrAdjustFacilityInput {
  readonly customerId: string;
  readonly product: FacilityProduct;
  /** The approved limit; it may be lower than what is in use (available credit is then zero). */
  readonly limit: Money;
  /** The contract rate for new drawings. */
  readonly apr: Rate;
  /** The decision that grants it; applying the same decision twice changes nothing. */
  readonly decisionId: string;
  readonly reason?: string;
}

export interface FacilityOutcome {
  readonly facility: Facility;
  readonly available: Money;
  readonly change: 'opened' | 'adjusted' | 'unchanged';
  /** True when this decision had been applied before and its first result is returned. */
  readonly replayed: boolean;
}

interface StoredOutcome {
  facilityId: string;
  change: FacilityOutcome['change'];
}

/**
 * Opens the customer's facility for the product, or sets its limit and rate, as an approved decision says
 * — inside the caller's transaction, so the decisions context can record its decision and apply it
 * atomically. Idempotent per decision id: the same decision applied again returns the first outcome and
 * writes nothing; the same decision id with another limit or rate is refused (IDEMPOTENCY_MISMATCH).
 * Adjusting a frozen or suspended facility changes its terms but not its status (unfreezing is explicit).
 */
export async function openOrAdjustFacility(
  tx: Queryable,
  deps: FacilityDeps,
  input: OpenOrAdjustFacilityInput,
): Promise<FacilityOutcome> {
  if (input.limit < 0n) throw AppError.invalid('limit', 'non-negative', 'a limit cannot be negative');
  if (input.apr.num < 0n) throw AppError.invalid('apr', 'non-negative', 'a rate cannot be negative');
  if (!input.decisionId)
    throw AppError.invalid('decisionId', 'required', 'the granting decision is required');
  const now = deps.clock.now();
  const scope = {
    customerId: input.customerId,
    scope: 'facility.apply-decision',
    key: input.decisionId,
    request: {
      product: input.product,
      limit: input.limit,
      apr: toExactRateString(input.apr),
    },
  };
  const { value, replayed } = await once<StoredOutcome>(
    deps.idempotency,
    tx,
    scope,
    now,
    { encode: (v) => v, decode: (stored) => stored as StoredOutcome },
    async () => {
      const current = await lockFacility(tx, input.customerId, input.product);
      if (!current) {
        const facility: Facility = {
          id: deps.ids.next('facility'),
          customerId: input.customerId,
          product: input.product,
          status: 'active',
          limit: input.limit,
          used: ZERO,
          apr: rate(input.apr.num, input.apr.den),
          decisionId: input.decisionId,
          statusReason: null,
          version: 1,
          openedAt: now,
          updatedAt: now,
        };
        await insertFacility(tx, facility);
        await insertFacilityChange(tx, facility, 'open', input.reason ?? null, now);
        return { facilityId: facility.id, change: 'opened' };
      }
      if (current.status === 'closed') {
        throw new AppError('UNPROCESSABLE', `facility ${current.id} is closed; it cannot be adjusted`);
      }
      const same = current.limit === input.limit && compareRate(current.apr, input.apr) === 0;
      const next: Facility = {
        ...current,
        limit: input.limit,
        apr: input.apr,
        decisionId: input.decisionId,
        version: current.version + 1,
        updatedAt: now,
      };
      await updateFacilityTerms(tx, next);
      await insertFacilityChange(tx, next, 'adjust', input.reason ?? null, now);
      return { facilityId: current.id, change: same ? 'unchanged' : 'adjusted' };
    },
  );
  const facility = await lockFacility(tx, input.customerId, input.product);
  if (!facility || facility.id !== value.facilityId) {
    throw new AppError('INTERNAL', 'facility vanished after it was applied');
  }
  return { facility, available: availableCredit(facility), change: value.change, replayed };
}
