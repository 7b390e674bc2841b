import { AppError } from '../../platform/errors/app-error.ts';
import { sqlStateOf, type AlongsideRead, type Queryable } from '../../platform/database/database.ts';
import { moneyFromDb, type Money } from '../../platform/money/money.ts';
import { rate, type Rate } from '../../platform/money/rate.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import {
  parseFacilityProduct,
  parseFacilityStatus,
  type Facility,
  type FacilityProduct,
  type FacilityStatus,
} from './facility.ts';

/** Storage of credit facilities (migration 0402). Functions take the caller's transaction. */

interface FacilityRow {
  customer_id: string;
  id: string;
  product: string;
  status: string;
  limit_amount: bigint;
  used_amount: bigint;
  apr_num: bigint;
  apr_den: bigint;
  decision_id: string;
  status_reason: string | null;
  version: number;
  opened_at: Date;
  updated_at: Date;
  temporary_amount: bigint;
  temporary_until: string | null;
}

const COLUMNS = `customer_id, id, product, status, limit_amount, used_amount, apr_num, apr_den, decision_id,
  status_reason, version, opened_at, updated_at`;
/** What reads select: the columns written on insert, and the temporary limit (migration 0506). */
const READ = `${COLUMNS}, temporary_amount, temporary_until::text as temporary_until`;

function toFacility(row: FacilityRow): Facility {
  return {
    id: row.id,
    customerId: row.customer_id,
    product: parseFacilityProduct(row.product),
    status: parseFacilityStatus(row.status),
    limit: moneyFromDb(row.limit_amount, 'credit_facilities.limit_amount'),
    used: moneyFromDb(row.used_amount, 'credit_facilities.used_amount'),
    apr: rate(row.apr_num, row.apr_den),
    decisionId: row.decision_id,
    statusReason: row.status_reason,
    version: row.version,
    openedAt: row.opened_at,
    updatedAt: row.updated_at,
    temporary:
      row.temporary_until === null
        ? null
        : {
            amount: moneyFromDb(row.temporary_amount, 'credit_facilities.temporary_amount'),
            until: row.temporary_until as LocalDate,
          },
  };
}

/** The customer's facility for a product, locked for update (the caller is changing or drawing on it). */
export async function lockFacility(
  tx: Queryable,
  customerId: string,
  product: FacilityProduct,
): Promise<Facility | undefined> {
  const result = await tx.query<FacilityRow>(
    `select ${READ} from credit_facilities where customer_id = $1 and product = $2 for update`,
    [customerId, product],
  );
  const [row] = result.rows;
  return row ? toFacility(row) : undefined;
}

/** A facility by id, locked for update. */
export async function lockFacilityById(
  tx: Queryable,
  customerId: string,
  facilityId: string,
): Promise<Facility | undefined> {
  const result = await tx.query<FacilityRow>(
    `select ${READ} from credit_facilities where customer_id = $1 and id = $2 for update`,
    [customerId, facilityId],
  );
  const [row] = result.rows;
  return row ? toFacility(row) : undefined;
}

export async function findFacilities(q: Queryable, customerId: string): Promise<Facility[]> {
  const result = await q.query<FacilityRow>(
    `select ${READ} from credit_facilities where customer_id = $1 order by product`,
    [customerId],
  );
  return result.rows.map(toFacility);
}

export async function findFacility(
  q: Queryable,
  customerId: string,
  product: FacilityProduct,
): Promise<Facility | undefined> {
  const result = await q.query<FacilityRow>(
    `select ${READ} from credit_facilities where customer_id = $1 and product = $2`,
    [customerId, product],
  );
  const [row] = result.rows;
  return row ? toFacility(row) : undefined;
}

export async function insertFacility(tx: Queryable, facility: Facility): Promise<void> {
  await tx.query(
    `insert into credit_facilities (${COLUMNS}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      facility.customerId,
      facility.id,
      facility.product,
      facility.status,
      facility.limit,
      facility.used,
      facility.apr.num,
      facility.apr.den,
      facility.decisionId,
      facility.statusReason,
      facility.version,
      facility.openedAt,
      facility.updatedAt,
    ],
  );
}

/** Writes the terms and status of a facility (not its utilisation, which only `changeUtilisation` moves). */
export async function updateFacilityTerms(tx: Queryable, facility: Facility): Promise<void> {
  await tx.query(
    `update credit_facilities
        set status = $3, limit_amount = $4, apr_num = $5, apr_den = $6, decision_id = $7, status_reason = $8,
            version = $9, updated_at = $10
      where customer_id = $1 and id = $2`,
    [
      facility.customerId,
      facility.id,
      facility.status,
      facility.limit,
      facility.apr.num,
      facility.apr.den,
      facility.decisionId,
      facility.statusReason,
      facility.version,
      facility.updatedAt,
    ],
  );
}

/**
 * Moves utilisation by `delta` (+ on drawing, − on principal repaid). The database refuses an increase
 * beyond the limit or on a facility that is not active, whatever the caller checked.
 */
export async function changeUtilisation(
  tx: Queryable,
  customerId: string,
  facilityId: string,
  delta: bigint,
  at: Date,
): Promise<Money> {
  if (delta === 0n) {
    const current = await tx.query<{ used_amount: bigint }>(
      'select used_amount from credit_facilities where customer_id = $1 and id = $2',
      [customerId, facilityId],
    );
    return moneyFromDb(current.rows[0]?.used_amount ?? 0n, 'credit_facilities.used_amount');
  }
  try {
    const result = await tx.query<{ used_amount: bigint }>(
      `update credit_facilities set used_amount = used_amount + $3, updated_at = $4
        where customer_id = $1 and id = $2 returning used_amount`,
      [customerId, facilityId, delta, at],
    );
    const [row] = result.rows;
    if (!row) throw AppError.notFound('credit facility', facilityId);
    return moneyFromDb(row.used_amount, 'credit_facilities.used_amount');
  } catch (error) {
    if (sqlStateOf(error) === '23514') {
      throw new AppError('UNPROCESSABLE', 'the drawing would exceed the available credit', { cause: error });
    }
    throw error;
  }
}

/**
 * Puts principal back into utilisation when a repayment is reversed (it is owed again, not new spending):
 * `used` rises by `amount` even beyond the limit or on a facility that is not active, which the guard allows
 * only because `restored_amount` rises by the same amount in the same update (migration 0525).
 */
export async function restoreUtilisation(
  tx: Queryable,
  customerId: string,
  facilityId: string,
  amount: bigint,
  at: Date,
): Promise<void> {
  if (amount <= 0n) return;
  const result = await tx.query(
    `update credit_facilities
        set used_amount = used_amount + $3, restored_amount = restored_amount + $3, updated_at = $4
      where customer_id = $1 and id = $2`,
    [customerId, facilityId, amount, at],
  );
  if (result.rowCount === 0) throw AppError.notFound('credit facility', facilityId);
}

export type FacilityChangeKind =
  'open' | 'adjust' | 'freeze' | 'suspend' | 'reactivate' | 'close' | 'override';

/** Who made a change by hand (an override): the override, its maker and its checker ("name (key id)"). */
export interface ChangeAuthors {
  readonly overrideId: string;
  readonly madeBy: string;
  readonly checkedBy: string | null;
}

/** Appends a version to the facility's history (append-only: migration 0408's guard). */
export async function insertFacilityChange(
  tx: Queryable,
  facility: Facility,
  change: FacilityChangeKind,
  reason: string | null,
  at: Date,
  authors: ChangeAuthors | null = null,
): Promise<void> {
  await tx.query(
    `insert into credit_facility_changes
       (customer_id, facility_id, version, change, decision_id, limit_amount, apr_num, apr_den, status, reason,
        changed_at, override_id, made_by, checked_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      facility.customerId,
      facility.id,
      facility.version,
      change,
      change === 'open' || change === 'adjust' || change === 'override' ? facility.decisionId : null,
      facility.limit,
      facility.apr.num,
      facility.apr.den,
      facility.status,
      reason,
      at,
      authors?.overrideId ?? null,
      authors?.madeBy ?? null,
      authors?.checkedBy ?? null,
    ],
  );
}

export interface FacilityChange {
  readonly version: number;
  readonly change: FacilityChangeKind;
  readonly decisionId: string | null;
  readonly limit: Money;
  readonly apr: Rate;
  readonly status: FacilityStatus;
  readonly reason: string | null;
  /** Set on an override: which one, who made it and who checked it. */
  readonly overrideId: string | null;
  readonly madeBy: string | null;
  readonly checkedBy: string | null;
  readonly changedAt: Date;
}

export async function facilityHistory(
  q: Queryable,
  customerId: string,
  facilityId: string,
): Promise<FacilityChange[]> {
  const result = await q.query<{
    version: number;
    change: FacilityChangeKind;
    decision_id: string | null;
    limit_amount: bigint;
    apr_num: bigint;
    apr_den: bigint;
    status: string;
    reason: string | null;
    override_id: string | null;
    made_by: string | null;
    checked_by: string | null;
    changed_at: Date;
  }>(
    `select version, change, decision_id, limit_amount, apr_num, apr_den, status, reason, override_id, made_by,
            checked_by, changed_at
       from credit_facility_changes where customer_id = $1 and facility_id = $2 order by version`,
    [customerId, facilityId],
  );
  return result.rows.map((row) => ({
    version: row.version,
    change: row.change,
    decisionId: row.decision_id,
    limit: moneyFromDb(row.limit_amount, 'credit_facility_changes.limit_amount'),
    apr: rate(row.apr_num, row.apr_den),
    status: parseFacilityStatus(row.status),
    reason: row.reason,
    overrideId: row.override_id,
    madeBy: row.made_by,
    checkedBy: row.checked_by,
    changedAt: row.changed_at,
  }));
}

/**
 * Locks the facilities of a product for many customers at once, in customer order — the first step of a
 * day-end chunk, so that the batch takes locks in the same order as the commands (facility, then the
 * contract) and cannot deadlock with them.
 */
export async function lockFacilitiesOf(
  tx: Queryable,
  customerIds: readonly string[],
  product: FacilityProduct,
): Promise<void> {
  if (customerIds.length === 0) return;
  await tx.query(
    `select 1 from credit_facilities where customer_id = any ($1::text[]) and product = $2
      order by customer_id, id for update`,
    [[...new Set(customerIds)], product],
  );
}

/** Lowers utilisation of many facilities at once (principal repaid during a day-end chunk). */
export async function releaseUtilisation(
  tx: Queryable,
  releases: readonly { customerId: string; facilityId: string; amount: bigint }[],
  at: Date,
): Promise<void> {
  const nonZero = releases.filter((release) => release.amount !== 0n);
  if (nonZero.length === 0) return;
  await tx.query(
    `update credit_facilities f set used_amount = f.used_amount - v.amount, updated_at = $4
       from (select customer_id, id, sum(amount) as amount
               from unnest($1::text[], $2::text[], $3::bigint[]) as r (customer_id, id, amount)
              group by customer_id, id) v
      where f.customer_id = v.customer_id and f.id = v.id`,
    [
      nonZero.map((release) => release.customerId),
      nonZero.map((release) => release.facilityId),
      nonZero.map((release) => release.amount.toString()),
      at,
    ],
  );
}

/** A facility's terms as another context's statement carries them (`facilityTermsAlongside`). */
export interface FacilityTerms {
  readonly openedAt: Date;
  readonly status: FacilityStatus;
  readonly limit: Money;
  readonly apr: Rate;
}

/**
 * The customer's facility for a product — opened at, status, limit and rate, or null when there is none —
 * as one scalar SQL expression that a statement about the same customer carries (the decision's snapshot
 * probe), so the decision reads its facility without a round trip of its own. Amounts and the rate travel
 * as decimal text (exact); the instant as whole epoch milliseconds, truncated as the driver truncates a
 * `timestamptz` to a `Date`.
 */
export function facilityTermsAlongside(product: FacilityProduct): AlongsideRead<FacilityTerms | null> {
  return {
    sql: (customerId, bind) =>
      `(select json_build_object('openedAtMs', floor(extract(epoch from f.opened_at) * 1000)::int8::text,
              'status', f.status, 'limit', f.limit_amount::text,
              'aprNum', f.apr_num::text, 'aprDen', f.apr_den::text)
          from credit_facilities f where f.customer_id = ${customerId} and f.product = ${bind(product)}::text)`,
    read(value) {
      if (value === null || value === undefined) return null;
      const terms = (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, string>;
      return {
        openedAt: new Date(Number(terms.openedAtMs)),
        status: parseFacilityStatus(String(terms.status)),
        limit: moneyFromDb(BigInt(String(terms.limit)), 'credit_facilities.limit_amount'),
        apr: rate(BigInt(String(terms.aprNum)), BigInt(String(terms.aprDen))),
      };
    },
  };
}
