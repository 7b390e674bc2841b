import type { Queryable } from '../platform/database/database.ts';
import { fen } from '../platform/money/money.ts';
import { parseRate } from '../platform/money/rate.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import type { ZenObject } from '../policy/index.ts';
import type { ScoreRow } from '../scoring/index.ts';
import type {
  BacktestCase,
  BacktestRead,
  DecisionBehind,
  DecisionPosition,
  DecisionReadModel,
  DriftRead,
  MonitoringWindow,
  OutcomeRecord,
  SimulationRead,
} from '../monitoring/index.ts';
import { isPersonsDecision, PERSON_DECISION_KINDS } from './decision.ts';
import { decisionArmOf, decisionKindOf, decisionOutcomeOf } from './decision-columns.ts';
import type { DecisionFacts } from './decision-facts.ts';
import { evaluateDecision } from './evaluate-decision.ts';

/**
 * Monitoring's reads of the decisions (migration 0350), over this context's own table. Every window read
 * pages by keyset on `(decision_date, id)` (index `decisions_by_date`) and selects only the columns its
 * question needs — the evidence columns (facts, trace) are never read — so a long window costs one pass
 * and a page of memory.
 */

/** A person's decision kinds as an SQL list (constants of the code, never input). */
const PERSON_KINDS_SQL = PERSON_DECISION_KINDS.map((kind) => `'${kind}'`).join(', ');

/** The window's filter, shared by every window query: dates inclusive, product when given. */
const IN_WINDOW = `decision_date between $1::date and $2::date and ($3::text is null or product_code = $3)`;

/**
 * Pages through the decisions of a window in (decision_date, id) order, each page one query resuming
 * after the last row of the previous one.
 */
async function* pages<Row extends { decision_date: string; id: string }>(
  q: Queryable,
  columns: string,
  window: MonitoringWindow,
  pageSize: number,
  extraParams: readonly unknown[] = [],
  start: { date: string; id: string } = { date: window.from, id: '' },
): AsyncGenerator<Row[]> {
  let after = start;
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

async function* outcomePages(
  q: Queryable,
  window: MonitoringWindow,
  pageSize: number,
): AsyncGenerator<OutcomeRecord[]> {
  const columns = `id, decision_date, product_code, arm, kind, outcome, limit_amount, apr,
    jsonb_path_query_array(reasons, '$[*].code') as reason_codes, fault is not null as faulted`;
  for await (const rows of pages<OutcomeRow>(q, columns, window, pageSize)) {
    yield rows.map((row) => ({
      id: row.id,
      decisionDate: row.decision_date as LocalDate,
      productCode: row.product_code,
      arm: decisionArmOf(row.arm),
      kind: decisionKindOf(row.kind),
      outcome: decisionOutcomeOf(row.outcome),
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

async function* driftPages(
  q: Queryable,
  window: MonitoringWindow,
  modelHash: string,
  pageSize: number,
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

async function* simulationPages(
  q: Queryable,
  window: MonitoringWindow,
  pageSize: number,
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
          arm: decisionArmOf(row.arm),
          kind: decisionKindOf(row.kind),
          outcome: decisionOutcomeOf(row.outcome),
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

interface BacktestRow {
  id: string;
  customer_id: string;
  decision_date: string;
  product_code: string;
  kind: string;
  faulted: boolean;
  facts: DecisionFacts | null;
}

/** A case a backtest can re-decide: the recorded facts, re-evaluated with any scorer and policy (pure). */
function backtestCaseOf(row: BacktestRow, facts: DecisionFacts): BacktestCase {
  const income = facts.features.income_monthly_estimate;
  return {
    decisionId: row.id,
    customerId: row.customer_id,
    productCode: row.product_code,
    decisionDate: row.decision_date as LocalDate,
    age: Number.isFinite(facts.age) ? facts.age : null,
    monthlyIncomeFen:
      typeof income === 'number' && Number.isFinite(income) ? BigInt(Math.round(income)) : null,
    decide(scorer, policy) {
      const evaluated = evaluateDecision(facts, scorer, policy, { recourse: false });
      return {
        outcome: evaluated.outcome,
        limit: evaluated.limit,
        apr: evaluated.outcome === 'declined' ? null : evaluated.apr,
        score: evaluated.score.score,
        pd: evaluated.score.pd,
      };
    },
  };
}

async function* backtestPages(
  q: Queryable,
  window: MonitoringWindow,
  pageSize: number,
  after?: DecisionPosition,
): AsyncGenerator<BacktestRead[]> {
  // The facts are read only where they will be used: a person's decision copies its original's, a fault
  // may have none worth re-deciding (it was never evaluated).
  const columns = `id, customer_id, decision_date, product_code, kind, fault is not null as faulted,
    case when kind not in (${PERSON_KINDS_SQL}) and fault is null then facts end as facts`;
  for await (const rows of pages<BacktestRow>(q, columns, window, pageSize, [], after)) {
    yield rows.map((row): BacktestRead => {
      const at = { date: row.decision_date, id: row.id };
      if (isPersonsDecision(row.kind)) return { use: false, reason: 'overrides', at };
      if (row.faulted || row.facts === null) return { use: false, reason: 'faults', at };
      return { use: true, case: backtestCaseOf(row, row.facts), at };
    });
  }
}

/** One plain read filtered on the distribution column too (`customer_id = any(…)`). */
async function decisionsBehind(
  q: Queryable,
  refs: ReadonlyArray<{ readonly customerId: string; readonly decisionId: string }>,
): Promise<Map<string, DecisionBehind>> {
  const behind = new Map<string, DecisionBehind>();
  if (refs.length === 0) return behind;
  const { rows } = await q.query<{
    id: string;
    product_code: string;
    score: number | null;
    pd: number | null;
    arm: string | null;
  }>(
    `select id, product_code, score, pd, arm from decisions
      where customer_id = any($1::text[]) and id = any($2::text[])`,
    [[...new Set(refs.map((ref) => ref.customerId))], [...new Set(refs.map((ref) => ref.decisionId))]],
  );
  for (const row of rows)
    behind.set(row.id, {
      productCode: row.product_code,
      score: row.score,
      pd: row.pd,
      arm: decisionArmOf(row.arm),
    });
  return behind;
}

/** Monitoring's `DecisionReadModel` over the `decisions` table. */
export function createPgDecisionReadModel(q: Queryable): DecisionReadModel {
  return {
    async countDecisions(window) {
      const result = await q.query<{ n: number }>(
        `select count(*)::int as n from decisions where ${IN_WINDOW}`,
        [window.from, window.to, window.product],
      );
      return result.rows[0]?.n ?? 0;
    },
    outcomePages: (window, pageSize) => outcomePages(q, window, pageSize),
    driftPages: (window, modelHash, pageSize) => driftPages(q, window, modelHash, pageSize),
    simulationPages: (window, pageSize) => simulationPages(q, window, pageSize),
    backtestPages: (window, pageSize, after) => backtestPages(q, window, pageSize, after),
    decisionsBehind: (refs) => decisionsBehind(q, refs),
  };
}
