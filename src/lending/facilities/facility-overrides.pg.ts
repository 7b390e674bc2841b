import type { Queryable } from '../../platform/database/database.ts';
import { moneyFromDb } from '../../platform/money/money.ts';
import { rate } from '../../platform/money/rate.ts';
import { parseFacilityProduct, type FacilityProduct } from './facility.ts';
import type { FacilityOverride, OverrideReason, OverrideStatus } from './facility-override.ts';

/** Storage of facility overrides (migration 0409). Functions take the caller's transaction. */

interface OverrideRow {
  customer_id: string;
  id: string;
  product: string;
  decision_id: string;
  limit_amount: bigint;
  apr_num: bigint;
  apr_den: bigint;
  reasons: OverrideReason[] | string;
  maker_key_id: string;
  maker_name: string;
  needs_second_person: boolean;
  status: OverrideStatus;
  checker_key_id: string | null;
  checker_name: string | null;
  decision_note: string | null;
  facility_version: number | null;
  proposed_at: Date;
  decided_at: Date | null;
}

const COLUMNS = `customer_id, id, product, decision_id, limit_amount, apr_num, apr_den, reasons, maker_key_id,
  maker_name, needs_second_person, status, checker_key_id, checker_name, decision_note, facility_version,
  proposed_at, decided_at`;

function toOverride(row: OverrideRow): FacilityOverride {
  return {
    id: row.id,
    customerId: row.customer_id,
    product: parseFacilityProduct(row.product),
    decisionId: row.decision_id,
    limit: moneyFromDb(row.limit_amount, 'credit_facility_overrides.limit_amount'),
    apr: rate(row.apr_num, row.apr_den),
    reasons: typeof row.reasons === 'string' ? (JSON.parse(row.reasons) as OverrideReason[]) : row.reasons,
    maker: { keyId: row.maker_key_id, name: row.maker_name },
    needsSecondPerson: row.needs_second_person,
    status: row.status,
    checker: row.checker_key_id === null ? null : { keyId: row.checker_key_id, name: row.checker_name ?? '' },
    decisionNote: row.decision_note,
    facilityVersion: row.facility_version,
    proposedAt: row.proposed_at,
    decidedAt: row.decided_at,
  };
}

export async function insertOverride(tx: Queryable, override: FacilityOverride): Promise<void> {
  await tx.query(
    `insert into credit_facility_overrides (${COLUMNS})
     values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
    [
      override.customerId,
      override.id,
      override.product,
      override.decisionId,
      override.limit,
      override.apr.num,
      override.apr.den,
      JSON.stringify(override.reasons),
      override.maker.keyId,
      override.maker.name,
      override.needsSecondPerson,
      override.status,
      override.checker?.keyId ?? null,
      override.checker?.name ?? null,
      override.decisionNote,
      override.facilityVersion,
      override.proposedAt,
      override.decidedAt,
    ],
  );
}

/** Records the one decision on a pending override (the database refuses a second). */
export async function decideOverride(tx: Queryable, override: FacilityOverride): Promise<void> {
  await tx.query(
    `update credit_facility_overrides
        set status = $3, checker_key_id = $4, checker_name = $5, decision_note = $6, facility_version = $7,
            decided_at = $8
      where customer_id = $1 and id = $2`,
    [
      override.customerId,
      override.id,
      override.status,
      override.checker?.keyId ?? null,
      override.checker?.name ?? null,
      override.decisionNote,
      override.facilityVersion,
      override.decidedAt,
    ],
  );
}

/** An override of the customer's facility for a product, locked for update. */
export async function lockOverride(
  tx: Queryable,
  customerId: string,
  product: FacilityProduct,
  overrideId: string,
): Promise<FacilityOverride | undefined> {
  const result = await tx.query<OverrideRow>(
    `select ${COLUMNS} from credit_facility_overrides
      where customer_id = $1 and product = $2 and id = $3 for update`,
    [customerId, product, overrideId],
  );
  const [row] = result.rows;
  return row ? toOverride(row) : undefined;
}

/** The customer's overrides for a product, newest first. */
export async function listOverrides(
  q: Queryable,
  customerId: string,
  product: FacilityProduct,
): Promise<FacilityOverride[]> {
  const result = await q.query<OverrideRow>(
    `select ${COLUMNS} from credit_facility_overrides where customer_id = $1 and product = $2
      order by proposed_at desc, id desc`,
    [customerId, product],
  );
  return result.rows.map(toOverride);
}
