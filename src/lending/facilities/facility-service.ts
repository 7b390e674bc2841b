import { createPgIdempotencyStore } from '../../ledger/idempotency.pg.ts';
import { once } from '../../ledger/idempotency.ts';
import type { Database, Queryable } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { IdGenerator } from '../../platform/ids/ids.ts';
import { ZERO, type Money } from '../../platform/money/money.ts';
import { compareRate, rate, toExactRateString, type Rate } from '../../platform/money/rate.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { availableCredit, type Facility, type FacilityProduct, type FacilityStatus } from './facility.ts';
import {
  findFacilities,
  findFacility,
  insertFacility,
  insertFacilityChange,
  lockFacility,
  updateFacilityTerms,
  type FacilityChangeKind,
} from './facility.pg.ts';

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

export interface FacilityStatusInput {
  readonly customerId: string;
  readonly product: FacilityProduct;
  readonly reason: string;
}

export interface FacilityDeps {
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

const store = createPgIdempotencyStore();

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
    store,
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
  deps: FacilityDeps,
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

/** Credit facilities as a service that owns its transactions (HTTP, CLI, tests). */
export interface FacilityService {
  openOrAdjustFacility(input: OpenOrAdjustFacilityInput): Promise<FacilityOutcome>;
  freezeFacility(input: FacilityStatusInput): Promise<Facility>;
  suspendFacility(input: FacilityStatusInput): Promise<Facility>;
  reactivateFacility(input: FacilityStatusInput): Promise<Facility>;
  closeFacility(input: FacilityStatusInput): Promise<Facility>;
  getFacility(customerId: string, product: FacilityProduct): Promise<Facility | undefined>;
  listFacilities(customerId: string): Promise<Facility[]>;
}

export function createFacilityService(db: Database, deps: FacilityDeps): FacilityService {
  const status = (change: 'freeze' | 'suspend' | 'reactivate' | 'close') => (input: FacilityStatusInput) =>
    db.transaction((tx) => setFacilityStatus(tx, deps, change, input));
  return {
    openOrAdjustFacility: (input) => db.transaction((tx) => openOrAdjustFacility(tx, deps, input)),
    freezeFacility: status('freeze'),
    suspendFacility: status('suspend'),
    reactivateFacility: status('reactivate'),
    closeFacility: status('close'),
    getFacility: (customerId, product) => findFacility(db, customerId, product),
    listFacilities: (customerId) => findFacilities(db, customerId),
  };
}
