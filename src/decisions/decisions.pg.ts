import { sqlStateOf, toJson, type Queryable } from '../platform/database/database.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { fen } from '../platform/money/money.ts';
import { parseRate, toExactRateString } from '../platform/money/rate.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import type { Arm, ProductType, TraceEntry, ZenObject } from '../policy/index.ts';
import type {
  DecisionFault,
  DecisionKind,
  DecisionOverride,
  DecisionRecord,
  DecisionSummary,
} from './decision.ts';
import { decisionKindOf, decisionOutcomeOf } from './decision-columns.ts';
import type { DecisionFacts } from './decision-facts.ts';
import type { FacilityWriter, StandingTerms } from './decisions-ports.ts';
import type { DecisionRecourse, Outcome } from './evaluate-decision.ts';
import type { PrincipalReason } from './principal-reasons.ts';

/** A row of `decisions`, as the database adapters return it (snake_case; int8 as bigint; json parsed). */
interface DecisionRow {
  customer_id: string;
  id: string;
  kind: string;
  linked_to: string | null;
  product_code: string;
  product_type: string | null;
  outcome: string;
  limit_amount: bigint;
  requested_amount: bigint | null;
  apr: string | null;
  daily_rate: string | null;
  score: number | null;
  pd: number | null;
  sub_scores: Record<string, number> | null;
  reasons: PrincipalReason[];
  recourse: DecisionRecourse | null;
  policy_version_id: string | null;
  policy_checksum: string | null;
  arm: string | null;
  model_version: string | null;
  model_hash: string | null;
  legal_cap: { effectiveFrom: string; annualRate: string } | null;
  facts: DecisionFacts | null;
  scorecard_row: Record<string, number | string | null> | null;
  policy_document: ZenObject | null;
  policy_output: ZenObject | null;
  trace: TraceEntry[] | null;
  fault: DecisionFault | null;
  override: DecisionOverride | null;
  facility_change: string | null;
  decided_at: Date;
  decision_date: string;
}

const SUMMARY_COLUMNS =
  'customer_id, id, kind, linked_to, product_code, outcome, limit_amount, requested_amount, apr, score, reasons, policy_version_id, model_version, arm, decided_at';

const COLUMNS = `customer_id, id, kind, linked_to, product_code, product_type, outcome, limit_amount,
  requested_amount, apr, daily_rate, score, pd, sub_scores, reasons, recourse, policy_version_id,
  policy_checksum, arm, model_version, model_hash, legal_cap, facts, scorecard_row, policy_document,
  policy_output, trace, fault, override, facility_change, decided_at, decision_date`;

function toSummary(row: DecisionRow): DecisionSummary {
  return {
    id: row.id,
    customerId: row.customer_id,
    kind: decisionKindOf(row.kind),
    linkedTo: row.linked_to,
    productCode: row.product_code,
    outcome: decisionOutcomeOf(row.outcome),
    limit: fen(row.limit_amount),
    requestedAmount: row.requested_amount === null ? null : fen(row.requested_amount),
    apr: row.apr === null ? null : parseRate(row.apr),
    score: row.score,
    reasons: row.reasons,
    policyVersionId: row.policy_version_id,
    modelVersion: row.model_version,
    arm: row.arm as Arm | null,
    decidedAt: row.decided_at,
  };
}

function toRecord(row: DecisionRow): DecisionRecord {
  return {
    ...toSummary(row),
    productType: row.product_type as ProductType | null,
    dailyRate: row.daily_rate === null ? null : parseRate(row.daily_rate),
    pd: row.pd,
    subScores: row.sub_scores,
    recourse: row.recourse,
    policyChecksum: row.policy_checksum,
    modelHash: row.model_hash,
    legalCap: row.legal_cap,
    facts: row.facts,
    scorecardRow: row.scorecard_row,
    policyDocument: row.policy_document,
    policyOutput: row.policy_output,
    trace: row.trace,
    fault: row.fault,
    override: row.override,
    facilityChange: row.facility_change as DecisionRecord['facilityChange'],
    decisionDate: row.decision_date as LocalDate,
  };
}

/** JSON of a column value (`toJson`: plain stringify unless a bigint needs its replacer). */
const json = (value: unknown): string | null =>
  value === null || value === undefined ? null : toJson(value);

/**
 * Stores a decision in one statement. A customer that does not exist is NOT_FOUND (the foreign key says
 * so), not a fault.
 */
export async function insertDecision(q: Queryable, record: DecisionRecord): Promise<void> {
  try {
    await q.query(
      `insert into decisions (${COLUMNS})
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb, $15::jsonb, $16::jsonb,
               $17, $18, $19, $20, $21, $22::jsonb, $23::json, $24::json, $25::json, $26::json, $27::json,
               $28::jsonb, $29::jsonb, $30, $31, $32)`,
      decisionParams(record),
    );
  } catch (error) {
    throw unknownCustomerOr(error, record);
  }
}

/** A customer that does not exist is NOT_FOUND (the foreign key says so), not a fault. */
function unknownCustomerOr(error: unknown, record: DecisionRecord): unknown {
  return sqlStateOf(error) === '23503' ? AppError.notFound('customer', record.customerId) : error;
}

/**
 * Stores an approval that only confirms the customer's facility as it stands — active, same limit, same
 * rate — in one statement, and says whether it did: the insert happens only if the facility still has
 * those terms when the statement runs (so a change committed meanwhile is never confirmed by mistake);
 * otherwise nothing is written and the caller applies the approval to the facility in a transaction. The
 * facility itself is not touched: it keeps the decision that set its terms, and the confirming decision
 * records `facility_change = 'unchanged'`. The condition on the facility is lending's
 * (`FacilityWriter.standingTermsCondition`): decisions knows nothing of lending's tables.
 */
export async function insertDecisionConfirmingTerms(
  q: Queryable,
  record: DecisionRecord,
  terms: StandingTerms,
  facilities: Pick<FacilityWriter, 'standingTermsCondition'>,
): Promise<boolean> {
  const params = decisionParams(record);
  const bind = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  // $1 is the customer id and $8 the limit of the decision (see `decisionParams`).
  const condition = facilities.standingTermsCondition(
    { customerId: '$1::text', limit: '$8::bigint' },
    terms,
    bind,
  );
  try {
    const result = await q.query(
      `insert into decisions (${COLUMNS})
       select $1::text, $2::text, $3::text, $4::text, $5::text, $6::text, $7::text, $8::bigint, $9::bigint,
              $10::text, $11::text, $12::integer, $13::double precision, $14::jsonb, $15::jsonb, $16::jsonb,
              $17::text, $18::text, $19::text, $20::text, $21::text, $22::jsonb, $23::json, $24::json,
              $25::json, $26::json, $27::json, $28::jsonb, $29::jsonb, $30::text, $31::timestamptz, $32::date
       where ${condition}`,
      params,
    );
    return result.rowCount === 1;
  } catch (error) {
    throw unknownCustomerOr(error, record);
  }
}

function decisionParams(record: DecisionRecord): unknown[] {
  return [
    record.customerId,
    record.id,
    record.kind,
    record.linkedTo,
    record.productCode,
    record.productType,
    record.outcome,
    record.limit,
    record.requestedAmount,
    record.apr === null ? null : toExactRateString(record.apr),
    record.dailyRate === null ? null : toExactRateString(record.dailyRate),
    record.score,
    record.pd,
    json(record.subScores),
    json(record.reasons),
    json(record.recourse),
    record.policyVersionId,
    record.policyChecksum,
    record.arm,
    record.modelVersion,
    record.modelHash,
    json(record.legalCap),
    json(record.facts),
    json(record.scorecardRow),
    json(record.policyDocument),
    json(record.policyOutput),
    json(record.trace),
    json(record.fault),
    json(record.override),
    record.facilityChange,
    record.decidedAt,
    record.decisionDate,
  ];
}

/** One decision with all its evidence, or undefined. */
export async function findDecision(q: Queryable, id: string): Promise<DecisionRecord | undefined> {
  const result = await q.query<DecisionRow>(`select ${COLUMNS} from decisions where id = $1`, [id]);
  const [row] = result.rows;
  return row ? toRecord(row) : undefined;
}

/** A customer's decisions, newest first, without the evidence; `before` pages by decision id. */
export async function listDecisions(
  q: Queryable,
  customerId: string,
  options: { readonly limit: number; readonly before?: string },
): Promise<DecisionSummary[]> {
  const result = await q.query<DecisionRow>(
    options.before
      ? `select ${SUMMARY_COLUMNS} from decisions where customer_id = $1 and id < $3
          order by decided_at desc, id desc limit $2`
      : `select ${SUMMARY_COLUMNS} from decisions where customer_id = $1 order by decided_at desc, id desc limit $2`,
    options.before ? [customerId, options.limit, options.before] : [customerId, options.limit],
  );
  return result.rows.map(toSummary);
}

/** What the analysts' decision search filters on (every field optional; dates are business dates). */
export interface DecisionSearchFilter {
  readonly customerId?: string;
  readonly from?: LocalDate;
  readonly to?: LocalDate;
  readonly outcome?: Outcome;
  readonly reasonCode?: string;
  readonly productCode?: string;
  readonly arm?: Arm;
  readonly kind?: DecisionKind;
  readonly policyVersionId?: string;
  readonly limit: number;
  /** Only decisions older (decided_at, id) than this decision. */
  readonly before?: string;
}

/**
 * Decisions across customers, newest first, without the evidence. Not a customer-scoped read: on a
 * distributed store it fans out to every shard, which is what an analyst's search is (no table is added, so
 * the distribution rule holds). `before` pages by the position of a decision in (decided_at, id) order.
 */
export async function searchDecisions(
  q: Queryable,
  filter: DecisionSearchFilter,
): Promise<DecisionSummary[]> {
  const where: string[] = [];
  const values: unknown[] = [];
  const add = (clause: (placeholder: string) => string, value: unknown) => {
    values.push(value);
    where.push(clause(`$${values.length}`));
  };
  if (filter.customerId !== undefined) add((p) => `customer_id = ${p}`, filter.customerId);
  if (filter.from !== undefined) add((p) => `decision_date >= ${p}::date`, filter.from);
  if (filter.to !== undefined) add((p) => `decision_date <= ${p}::date`, filter.to);
  if (filter.outcome !== undefined) add((p) => `outcome = ${p}`, filter.outcome);
  if (filter.productCode !== undefined) add((p) => `product_code = ${p}`, filter.productCode);
  if (filter.arm !== undefined) add((p) => `arm = ${p}`, filter.arm);
  if (filter.kind !== undefined) add((p) => `kind = ${p}`, filter.kind);
  if (filter.policyVersionId !== undefined) add((p) => `policy_version_id = ${p}`, filter.policyVersionId);
  if (filter.reasonCode !== undefined)
    add((p) => `reasons @> ${p}::jsonb`, JSON.stringify([{ code: filter.reasonCode }]));
  if (filter.before !== undefined)
    add(
      (p) => `(decided_at, id) < (select decided_at, id from decisions where id = ${p} limit 1)`,
      filter.before,
    );
  values.push(filter.limit);
  const result = await q.query<DecisionRow>(
    `select ${SUMMARY_COLUMNS} from decisions ${where.length > 0 ? `where ${where.join(' and ')}` : ''}
      order by decided_at desc, id desc limit $${values.length}`,
    values,
  );
  return result.rows.map(toSummary);
}
