import {
  DECISION_KINDS,
  isPersonsDecision,
  PERSON_DECISION_KINDS,
  type DecisionKind,
} from '../decisions/decision.ts';
import type { Outcome } from '../decisions/evaluate-decision.ts';
import { decodeState } from '../lending/loans/loan-codec.ts';
import type { Queryable } from '../platform/database/database.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { fen } from '../platform/money/money.ts';
import { parseRate } from '../platform/money/rate.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import type { Arm, ZenObject } from '../policy/index.ts';
import type { ScoreRow } from '../scoring/index.ts';
import type { OutcomeRecord } from './outcomes.ts';
import type { LoanPerformanceRecord } from './performance.ts';
import type { SimulationRecord } from './simulation.ts';
import type { MonitoringWindow } from './window.ts';

/**
 * Reads for monitoring, straight from the records other contexts keep: decisions (migration 0350), and
 * for performance the loans, their facility's changes and the decision behind each (0402, 0403). Every
 * read streams in pages (keyset on `(decision_date, id)`, or the loan id) and selects only the columns its
 * question needs — the evidence columns (facts, trace) are never read — so a long window costs one pass
 * and a page of memory.
 */

/** Rows per page: large enough that round trips do not dominate, small enough to stay a few MB. */
export const DEFAULT_PAGE_SIZE = 2_000;

function kindOf(value: string): DecisionKind {
  if (!(DECISION_KINDS as readonly string[]).includes(value))
    throw new AppError('INTERNAL', `decisions holds an unknown kind "${value}"`);
  return value as DecisionKind;
}

function outcomeOf(value: string): Outcome {
  if (value !== 'approved' && value !== 'declined' && value !== 'referred')
    throw new AppError('INTERNAL', `decisions holds an unknown outcome "${value}"`);
  return value;
}

function armOf(value: string | null): Arm | null {
  if (value !== null && value !== 'champion' && value !== 'challenger')
    throw new AppError('INTERNAL', `decisions holds an unknown arm "${value}"`);
  return value;
}

/** The window's filter, shared by every decisions query: dates inclusive, product when given. */
/** A person's decision kinds as an SQL list (constants of the code, never input). */
const PERSON_KINDS_SQL = PERSON_DECISION_KINDS.map((kind) => `'${kind}'`).join(', ');

const IN_WINDOW = `decision_date between $1::date and $2::date and ($3::text is null or product_code = $3)`;

/**
 * Pages through the decisions of a window in (decision_date, id) order, each page one query resuming
 * after the last row of the previous one (keyset, index `decisions_by_date`).
 */
async function* pages<Row extends { decision_date: string; id: string }>(
  q: Queryable,
  columns: string,
  window: MonitoringWindow,
  pageSize: number,
  extraParams: readonly unknown[] = [],
): AsyncGenerator<Row[]> {
  let after: { date: string; id: string } = { date: window.from, id: '' };
  for (;;) {
    const result = await q.query<Row>(
      `select ${columns} from decisions
        where ${IN_WINDOW} and (decision_date, id) > ($4::date, $5::text)
        order by decision_date, id limit $6`,
      [window.from, window.to, window.product, after.date, after.id, pageSize, ...extraParams],
    );
    if (result.rows.length > 0) yield result.rows;
    const last = result.rows[result.rows.length - 1];
    if (!last || result.rows.length < pageSize) return;
    after = { date: last.decision_date, id: last.id };
  }
}

/** How many decisions (of every kind) a window holds: the total a progress bar counts towards. */
export async function countDecisions(q: Queryable, window: MonitoringWindow): Promise<number> {
  const result = await q.query<{ n: number }>(`select count(*)::int as n from decisions where ${IN_WINDOW}`, [
    window.from,
    window.to,
    window.product,
  ]);
  return result.rows[0]?.n ?? 0;
}

interface OutcomeRow {
  id: string;
  decision_date: string;
  product_code: string;
  arm: string | null;
  kind: string;
  outcome: string;
  limit_amount: bigint;
  apr: string | null;
  reason_codes: string[];
  faulted: boolean;
}

/** The decisions of a window as outcome monitoring reads them, page by page. */
export async function* streamOutcomeRecords(
  q: Queryable,
  window: MonitoringWindow,
  pageSize = DEFAULT_PAGE_SIZE,
): AsyncGenerator<OutcomeRecord[]> {
  const columns = `id, decision_date, product_code, arm, kind, outcome, limit_amount, apr,
    jsonb_path_query_array(reasons, '$[*].code') as reason_codes, fault is not null as faulted`;
  for await (const rows of pages<OutcomeRow>(q, columns, window, pageSize)) {
    yield rows.map((row) => ({
      id: row.id,
      decisionDate: row.decision_date as LocalDate,
      productCode: row.product_code,
      arm: armOf(row.arm),
      kind: kindOf(row.kind),
      outcome: outcomeOf(row.outcome),
      limit: fen(row.limit_amount),
      apr: row.apr === null ? null : parseRate(row.apr, 'apr'),
      reasonCodes: row.reason_codes,
      faulted: row.faulted,
    }));
  }
}

interface DriftRow {
  id: string;
  decision_date: string;
  product_code: string;
  kind: string;
  score: number | null;
  faulted: boolean;
  same_model: boolean | null;
  scorecard_row: ScoreRow | null;
}

/** A decision as drift sees it: one the model scored (with its row), or the reason it is left out. */
export type DriftRead =
  | {
      readonly use: true;
      readonly decisionDate: LocalDate;
      readonly productCode: string;
      readonly score: number;
      readonly row: ScoreRow;
    }
  | { readonly use: false; readonly reason: 'otherModel' | 'unscored' | 'overrides' };

/**
 * The decisions of a window for drift against one model (by content hash): the scorecard row is read only
 * for the decisions that model scored; the others come back with the reason they are left out.
 */
export async function* streamDriftRecords(
  q: Queryable,
  window: MonitoringWindow,
  modelHash: string,
  pageSize = DEFAULT_PAGE_SIZE,
): AsyncGenerator<DriftRead[]> {
  const columns = `id, decision_date, product_code, kind, score, fault is not null as faulted,
    model_hash = $7 as same_model,
    case when model_hash = $7 and kind not in (${PERSON_KINDS_SQL}) and fault is null then scorecard_row end as scorecard_row`;
  for await (const rows of pages<DriftRow>(q, columns, window, pageSize, [modelHash])) {
    yield rows.map((row): DriftRead => {
      if (isPersonsDecision(row.kind)) return { use: false, reason: 'overrides' };
      if (row.faulted || row.score === null) return { use: false, reason: 'unscored' };
      if (row.same_model !== true || row.scorecard_row === null) return { use: false, reason: 'otherModel' };
      return {
        use: true,
        decisionDate: row.decision_date as LocalDate,
        productCode: row.product_code,
        score: row.score,
        row: row.scorecard_row,
      };
    });
  }
}

interface SimulationRow {
  id: string;
  decision_date: string;
  product_code: string;
  arm: string | null;
  kind: string;
  outcome: string;
  limit_amount: bigint;
  apr: string | null;
  score: number | null;
  pd: number | null;
  policy_checksum: string | null;
  legal_cap: { effectiveFrom: string; annualRate: string } | null;
  policy_document: ZenObject | null;
}

/** A decision a simulation replays, or the reason it cannot be (a person's override; a fault). */
export type SimulationRead =
  | { readonly use: true; readonly record: SimulationRecord }
  | { readonly use: false; readonly reason: 'overrides' | 'faults' };

/** The decisions of a window with the stored policy documents a simulation evaluates, page by page. */
export async function* streamSimulationRecords(
  q: Queryable,
  window: MonitoringWindow,
  pageSize = DEFAULT_PAGE_SIZE,
): AsyncGenerator<SimulationRead[]> {
  // The document is read only where it will be used: a person's decision (an override, a manual review)
  // copies its original's, a fault has none.
  const columns = `id, decision_date, product_code, arm, kind, outcome, limit_amount, apr, score, pd,
    policy_checksum, legal_cap,
    case when kind not in (${PERSON_KINDS_SQL}) and fault is null then policy_document end as policy_document`;
  for await (const rows of pages<SimulationRow>(q, columns, window, pageSize)) {
    yield rows.map((row): SimulationRead => {
      if (isPersonsDecision(row.kind)) return { use: false, reason: 'overrides' };
      if (row.policy_document === null || row.score === null) return { use: false, reason: 'faults' };
      return {
        use: true,
        record: {
          id: row.id,
          decisionDate: row.decision_date as LocalDate,
          productCode: row.product_code,
          arm: armOf(row.arm),
          kind: kindOf(row.kind),
          outcome: outcomeOf(row.outcome),
          limit: fen(row.limit_amount),
          apr: row.apr === null ? null : parseRate(row.apr, 'apr'),
          score: row.score,
          pd: row.pd,
          policyChecksum: row.policy_checksum,
          policyDocument: row.policy_document,
          legalCap: row.legal_cap,
        },
      };
    });
  }
}

interface LoanRow {
  id: string;
  product_code: string;
  start_date: string;
  principal: bigint;
  status: string;
  processed_through: string;
  state: unknown;
  decision_product: string | null;
  score: number | null;
  pd: number | null;
  arm: string | null;
}

/**
 * Loans drawn within the window (by start date), each with the decision that set its facility's terms
 * when it was drawn — the latest facility change with a decision at or before the drawdown — page by page
 * in loan id order.
 */
export async function* streamLoanPerformance(
  q: Queryable,
  window: MonitoringWindow,
  pageSize = DEFAULT_PAGE_SIZE,
): AsyncGenerator<LoanPerformanceRecord[]> {
  let after = '';
  for (;;) {
    const result = await q.query<LoanRow>(
      `select l.id, l.product_code, l.start_date::text as start_date, l.principal, l.status,
              l.processed_through::text as processed_through, l.state,
              d.product_code as decision_product, d.score, d.pd, d.arm
         from loans l
         left join lateral (
           select c.decision_id from credit_facility_changes c
            where c.customer_id = l.customer_id and c.facility_id = l.facility_id
              and c.decision_id is not null and c.changed_at <= l.created_at
            order by c.version desc limit 1) f on true
         left join decisions d on d.customer_id = l.customer_id and d.id = f.decision_id
        where l.start_date between $1::date and $2::date and l.id > $3
        order by l.id limit $4`,
      [window.from, window.to, after, pageSize],
    );
    const records: LoanPerformanceRecord[] = [];
    for (const row of result.rows) {
      // Loan products are spelled `cash-loan`; decisions' product codes `cash_loan`.
      const productCode = row.decision_product ?? row.product_code.replaceAll('-', '_');
      if (window.product !== null && productCode !== window.product) continue;
      const state = decodeState(row.state);
      records.push({
        loanId: row.id,
        productCode,
        startDate: row.start_date as LocalDate,
        principal: row.principal,
        status: state.status,
        processedThrough: row.processed_through as LocalDate,
        instalments: state.instalments.map((instalment) => ({
          dueDate: instalment.dueDate,
          settledOn: instalment.settledOn,
        })),
        score: row.score,
        pd: row.pd,
        arm: armOf(row.arm),
      });
    }
    if (records.length > 0) yield records;
    const last = result.rows[result.rows.length - 1];
    if (!last || result.rows.length < pageSize) return;
    after = last.id;
  }
}
