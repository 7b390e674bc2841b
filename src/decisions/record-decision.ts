import { sqlStateOf, type Queryable } from '../platform/database/database.ts';
import { AppError, isAppError } from '../platform/errors/app-error.ts';
import { compareRate } from '../platform/money/rate.ts';
import type { DecisionRecord } from './decision.ts';
import type { FacilityFact } from './decision-facts.ts';
import { storedSpellingOf } from '../policy/index.ts';
import type { DecisionsDeps } from './decisions-ports.ts';
import { insertDecision, insertDecisionConfirmingTerms } from './decisions.pg.ts';

/**
 * Recording a decision: the record, its effect on the facility (an approval opens or adjusts it) and the
 * review case of a referral, each written with the record so neither exists without the other.
 */

/** Whether recording this decision changes the customer's facility (an approval with a product and a rate). */
function changesFacility(record: DecisionRecord, apply: boolean): boolean {
  return apply && record.outcome === 'approved' && record.productType !== null && record.apr !== null;
}

/** Writes the record inside `tx`, first applying an approval to the facility when `apply` says so. */
export async function writeDecision(
  deps: Pick<DecisionsDeps, 'facilities'>,
  tx: Queryable,
  record: DecisionRecord,
  apply: boolean,
): Promise<DecisionRecord> {
  let stored = record;
  if (changesFacility(record, apply) && record.productType !== null && record.apr !== null) {
    const change = await deps.facilities.apply(tx, {
      customerId: record.customerId,
      product: storedSpellingOf(record.productType),
      limit: record.limit,
      apr: record.apr,
      decisionId: record.id,
      reason: `decision ${record.id}`,
    });
    stored = { ...record, facilityChange: change };
  }
  await insertDecision(tx, stored);
  return stored;
}

/**
 * Records a decision in its own transaction (and applies an approval); a database fault is UNAVAILABLE
 * (HTTP 503) and nothing is written. A decision that changes no facility is one statement, atomic on its
 * own: no transaction around it (two round trips fewer). `facility` is the facility as the decision read
 * it: an approval that leaves it as it stands is confirmed in one conditional statement.
 */
export async function storeDecision(
  deps: Pick<DecisionsDeps, 'db' | 'facilities' | 'referralCases'>,
  record: DecisionRecord,
  apply: boolean,
  facility: FacilityFact | null = null,
): Promise<DecisionRecord> {
  const { db } = deps;
  const opener = deps.referralCases;
  try {
    if (record.outcome === 'referred' && opener?.opensCase(record)) {
      // A referral and its review case are written together: one transaction.
      return await db.transaction(async (tx: Queryable) => {
        await insertDecision(tx, record);
        await opener.open(tx, record);
        return record;
      });
    }
    if (!changesFacility(record, apply)) {
      await insertDecision(db, record);
      return record;
    }
    const confirmed = await confirmStandingTerms(deps, record, facility);
    if (confirmed) return confirmed;
    try {
      return await db.transaction(async (tx: Queryable) => writeDecision(deps, tx, record, apply));
    } catch (error) {
      // Two first approvals of the same customer and product at once: both found no facility and one
      // insert lost on its unique key. Nothing of this decision was written; run it again — it now
      // finds the facility and adjusts it.
      if (sqlStateOf(error) !== '23505') throw error;
      return await db.transaction(async (tx: Queryable) => writeDecision(deps, tx, record, apply));
    }
  } catch (error) {
    if (isAppError(error)) throw error;
    // The transaction rolled back: nothing of this decision was written, and trying again is right.
    throw new AppError(
      'UNAVAILABLE',
      'the decision could not be recorded (database unavailable); nothing was written',
      {
        cause: error,
      },
    );
  }
}

/**
 * An approval that leaves the facility as it was read (active, same limit and rate) is one conditional
 * statement; if the facility changed since it was read, nothing is written (undefined) and the approval is
 * applied in a transaction by the caller.
 */
async function confirmStandingTerms(
  deps: Pick<DecisionsDeps, 'db' | 'facilities'>,
  record: DecisionRecord,
  facility: FacilityFact | null,
): Promise<DecisionRecord | undefined> {
  if (
    record.productType === null ||
    record.apr === null ||
    facility?.status !== 'active' ||
    facility.limit !== record.limit ||
    facility.apr === undefined ||
    compareRate(facility.apr, record.apr) !== 0
  )
    return undefined;
  const confirmed: DecisionRecord = { ...record, facilityChange: 'unchanged' };
  const terms = { product: storedSpellingOf(record.productType), apr: record.apr };
  const written = await insertDecisionConfirmingTerms(deps.db, confirmed, terms, deps.facilities);
  return written ? confirmed : undefined;
}
