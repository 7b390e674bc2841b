import { sqlStateOf, type Database, type Queryable } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { IdGenerator } from '../../platform/ids/ids.ts';
import { ZERO, type Money } from '../../platform/money/money.ts';
import { compareRate, rate } from '../../platform/money/rate.ts';
import { scrubPii } from '../../platform/pii/mask.ts';
import type { Clock } from '../../platform/time/clock.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import type { LegalRateCap, Product } from '../../policy/index.ts';
import {
  checkNamedDecision,
  checkOverrideTerms,
  checkSecondPerson,
  parseOverrideReasons,
  reasonsText,
  type FacilityOverride,
  type NamedDecision,
  type OverrideActor,
  type OverrideTerms,
} from './facility-override.ts';
import { decideOverride, insertOverride, listOverrides, lockOverride } from './facility-overrides.pg.ts';
import { availableCredit, type Facility, type FacilityProduct } from './facility.ts';
import { insertFacility, insertFacilityChange, lockFacility, updateFacilityTerms } from './facility.pg.ts';

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

const who = (actor: OverrideActor): string => `${actor.name} (${actor.keyId})`;

export function createFacilityOverrideService(deps: FacilityOverrideDeps): FacilityOverrideService {
  const { db, clock, ids, ports, secondPersonAbove } = deps;

  /** Every rule but the second person's; reads other contexts, so it runs outside the transaction. */
  const check = async (terms: OverrideTerms): Promise<{ needsSecondPerson: boolean }> => {
    const decision = checkNamedDecision(await ports.decision(terms.decisionId), terms);
    const date = clock.today();
    const bounds = await ports.product(decision.productCode, date);
    if (!bounds)
      throw AppError.invalid(
        'decisionId',
        'product-in-force',
        `product ${decision.productCode} of decision ${decision.id} is not in force on ${date}`,
      );
    return checkOverrideTerms(terms, { ...bounds, date }, secondPersonAbove);
  };

  /** Writes the override's terms to the facility and its history, inside `tx`. */
  const apply = async (
    tx: Queryable,
    override: FacilityOverride,
    checker: OverrideActor | null,
    now: Date,
  ): Promise<{ facility: Facility; change: 'opened' | 'adjusted' }> => {
    const current = await lockFacility(tx, override.customerId, override.product);
    const authors = {
      overrideId: override.id,
      madeBy: who(override.maker),
      checkedBy: checker && who(checker),
    };
    const reason = reasonsText(override.reasons);
    if (!current) {
      const facility: Facility = {
        id: ids.next('facility'),
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
  };

  const outcome = (
    override: FacilityOverride | null,
    facility: Facility | undefined,
    change: OverrideOutcome['change'],
  ): OverrideOutcome => ({
    override,
    facility,
    available: facility ? availableCredit(facility) : ZERO,
    change,
  });

  return {
    async propose(input, by) {
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
      const { needsSecondPerson } = await check(terms);
      return db.transaction(async (tx) => {
        const now = clock.now();
        const current = await lockFacility(tx, terms.customerId, terms.product);
        if (
          current &&
          current.status !== 'closed' &&
          current.limit === terms.limit &&
          compareRate(current.apr, terms.apr) === 0 &&
          current.decisionId === terms.decisionId
        )
          return outcome(null, current, 'unchanged');
        const override: FacilityOverride = {
          ...terms,
          id: ids.next('facilityOverride'),
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
          // The same proposal again (same terms, decision and maker) is the one already waiting.
          const waiting = (await listOverrides(tx, terms.customerId, terms.product)).find(
            (other) =>
              other.status === 'pending' &&
              other.decisionId === terms.decisionId &&
              other.limit === terms.limit &&
              compareRate(other.apr, terms.apr) === 0 &&
              other.maker.keyId === by.keyId,
          );
          if (waiting) return outcome(waiting, current, 'pending');
          await insertOverride(tx, override);
          return outcome(override, current, 'pending');
        }
        const applied = await apply(tx, override, null, now);
        const recorded = { ...override, facilityVersion: applied.facility.version };
        await insertOverride(tx, recorded);
        return outcome(recorded, applied.facility, applied.change);
      });
    },

    async approve(customerId, product, overrideId, by) {
      const proposed = (await listOverrides(db, customerId, product)).find((o) => o.id === overrideId);
      if (!proposed) throw AppError.notFound('facility override', overrideId);
      checkSecondPerson(proposed, by);
      // Checked again: the decision, the product or the legal cap may have changed since it was proposed.
      await check(proposed);
      return db.transaction(async (tx) => {
        const override = await lockOverride(tx, customerId, product, overrideId);
        if (!override) throw AppError.notFound('facility override', overrideId);
        if (override.status !== 'pending')
          throw new AppError('CONFLICT', `facility override ${overrideId} is already ${override.status}`, {
            issues: [{ field: 'overrideId', rule: 'pending', message: `the override is ${override.status}` }],
          });
        const now = clock.now();
        const applied = await apply(tx, override, by, now);
        const decided: FacilityOverride = {
          ...override,
          status: 'applied',
          checker: by,
          facilityVersion: applied.facility.version,
          decidedAt: now,
        };
        await decideOverride(tx, decided);
        return outcome(decided, applied.facility, applied.change);
      });
    },

    async reject(customerId, product, overrideId, note, by) {
      const text = scrubPii(note.trim());
      if (text === '' || text.length > 500)
        throw AppError.invalid('note', 'length', 'say why in 1–500 characters');
      return db.transaction(async (tx) => {
        const override = await lockOverride(tx, customerId, product, overrideId);
        if (!override) throw AppError.notFound('facility override', overrideId);
        if (override.status !== 'pending')
          throw new AppError('CONFLICT', `facility override ${overrideId} is already ${override.status}`, {
            issues: [{ field: 'overrideId', rule: 'pending', message: `the override is ${override.status}` }],
          });
        const decided: FacilityOverride = {
          ...override,
          status: 'rejected',
          checker: by,
          decisionNote: text,
          decidedAt: clock.now(),
        };
        await decideOverride(tx, decided);
        return decided;
      });
    },

    list: (customerId, product) => listOverrides(db, customerId, product),
  };
}
