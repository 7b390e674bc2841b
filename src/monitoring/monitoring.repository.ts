import {
  DECISION_KINDS,
  isPersonsDecision,
  PERSON_DECISION_KINDS,
  type DecisionKind,
} from '../decisions/decision.ts';
import type { Outcome } from '../decisions/evaluate-decision.ts';
import { decodeLineState, decodeTerms } from '../lending/credit-lines/line-codec.ts';
import { decodeContract, decodeState } from '../lending/loans/loan-codec.ts';
import type { Queryable } from '../platform/database/database.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { fen } from '../platform/money/money.ts';
import { parseRate } from '../platform/money/rate.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import type { Arm, ZenObject } from '../policy/index.ts';
import type { ScoreRow } from '../scoring/index.ts';
import type { OutcomeRecord } from './outcomes.ts';
import type { LinePerformanceRecord, LoanPerformanceRecord } from './performance.ts';
import { lineStateOn, loanStateOn, monthEndsIn, positionsOf, type RollRecord } from './roll-rates.ts';
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

/** The decision behind an account: product, score, PD and arm (null fields when none is recorded). */
interface DecisionBehind {
  readonly product: string | null;
  readonly score: number | null;
  readonly pd: number | null;
  readonly arm: string | null;
}

const epochOf = (value: unknown): number => new Date(value as string | Date).getTime();

/**
 * For each account (a loan or a line, keyed by its id), the decision that set its facility's terms when it
 * was opened: the latest facility change with a decision at or before the account was created. Two plain
 * reads per page — the facilities' changes, then the decisions they name — each filtered on `customer_id`
 * (every store's distribution column) with `= any(…)`: no correlated subquery, no LIMIT inside a lateral
 * join, so a distributed store runs both as ordinary multi-shard queries.
 */
async function decisionsBehind(
  q: Queryable,
  accounts: ReadonlyArray<{
    readonly id: string;
    readonly customerId: string;
    readonly facilityId: string;
    readonly createdAt: unknown;
  }>,
): Promise<Map<string, DecisionBehind>> {
  const behind = new Map<string, DecisionBehind>();
  if (accounts.length === 0) return behind;
  const customers = [...new Set(accounts.map((account) => account.customerId))];
  const changes = await q.query<{
    customer_id: string;
    facility_id: string;
    version: number;
    decision_id: string;
    changed_at: unknown;
  }>(
    `select customer_id, facility_id, version, decision_id, changed_at from credit_facility_changes
      where customer_id = any($1::text[]) and facility_id = any($2::text[]) and decision_id is not null`,
    [customers, [...new Set(accounts.map((account) => account.facilityId))]],
  );
  const byFacility = new Map<string, typeof changes.rows>();
  for (const change of changes.rows) {
    const key = `${change.customer_id}/${change.facility_id}`;
    byFacility.set(key, [...(byFacility.get(key) ?? []), change]);
  }
  const decisionOf = new Map<string, string>();
  for (const account of accounts) {
    const created = epochOf(account.createdAt);
    let latest: { version: number; decision_id: string } | null = null;
    for (const change of byFacility.get(`${account.customerId}/${account.facilityId}`) ?? []) {
      if (epochOf(change.changed_at) > created) continue;
      if (latest === null || change.version > latest.version) latest = change;
    }
    if (latest) decisionOf.set(account.id, latest.decision_id);
  }
  const decisions = await q.query<{
    id: string;
    product_code: string;
    score: number | null;
    pd: number | null;
    arm: string | null;
  }>(
    `select id, product_code, score, pd, arm from decisions
      where customer_id = any($1::text[]) and id = any($2::text[])`,
    [customers, [...new Set(decisionOf.values())]],
  );
  const byId = new Map(decisions.rows.map((row) => [row.id, row]));
  for (const account of accounts) {
    const decision = byId.get(decisionOf.get(account.id) ?? '');
    behind.set(account.id, {
      product: decision?.product_code ?? null,
      score: decision?.score ?? null,
      pd: decision?.pd ?? null,
      arm: decision?.arm ?? null,
    });
  }
  return behind;
}

interface LoanRow {
  id: string;
  customer_id: string;
  facility_id: string;
  created_at: unknown;
  product_code: string;
  start_date: string;
  principal: bigint;
  status: string;
  processed_through: string;
  state: unknown;
}

/** Lending spells products `cash-loan` / `credit-line`; decisions and monitoring `cash_loan` / `credit_line`. */
const productOf = (lendingCode: string): string => lendingCode.replaceAll('-', '_');

/** An account row of a performance read: what `decisionsBehind` needs to find its decision. */
interface AccountRow {
  id: string;
  customer_id: string;
  facility_id: string;
  created_at: unknown;
}

/**
 * Pages of loans or lines (`sql`: the window's dates as $1/$2, the last id as $3, the page size as $4, in id
 * order), each with the decision behind every account of the page (`decisionsBehind`).
 */
async function* pagesWithDecisions<Row extends AccountRow>(
  q: Queryable,
  sql: string,
  window: MonitoringWindow,
  pageSize: number,
): AsyncGenerator<{ rows: Row[]; behind: Awaited<ReturnType<typeof decisionsBehind>> }> {
  let after = '';
  for (;;) {
    const { rows } = await q.query<Row>(sql, [window.from, window.to, after, pageSize]);
    const behind = await decisionsBehind(
      q,
      rows.map((row) => ({
        id: row.id,
        customerId: row.customer_id,
        facilityId: row.facility_id,
        createdAt: row.created_at,
      })),
    );
    yield { rows, behind };
    const last = rows[rows.length - 1];
    if (!last || rows.length < pageSize) return;
    after = last.id;
  }
}

/**
 * Loans drawn within the window (by start date), each with the decision that set its facility's terms
 * when it was drawn — the latest facility change with a decision at or before the drawdown — page by page
 * in loan id order (`decisionsBehind`).
 */
export async function* streamLoanPerformance(
  q: Queryable,
  window: MonitoringWindow,
  pageSize = DEFAULT_PAGE_SIZE,
): AsyncGenerator<LoanPerformanceRecord[]> {
  const pages = pagesWithDecisions<LoanRow>(
    q,
    `select id, customer_id, facility_id, created_at, product_code, start_date::text as start_date,
            principal, status, processed_through::text as processed_through, state
       from loans
      where start_date between $1::date and $2::date and id > $3
      order by id limit $4`,
    window,
    pageSize,
  );
  for await (const { rows, behind } of pages) {
    const records: LoanPerformanceRecord[] = [];
    for (const row of rows) {
      const decision = behind.get(row.id);
      const productCode = decision?.product ?? productOf(row.product_code);
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
        score: decision?.score ?? null,
        pd: decision?.pd ?? null,
        arm: armOf(decision?.arm ?? null),
      });
    }
    if (records.length > 0) yield records;
  }
}

interface LineRow {
  id: string;
  customer_id: string;
  facility_id: string;
  created_at: unknown;
  product_code: string;
  opened_on: string;
  closed_on: string | null;
  processed_through: string;
  state: unknown;
}

/**
 * Credit lines opened within the window (by opening date), each with the decision that set its facility's
 * terms when it was opened — the latest facility change with a decision at or before the line was created
 * — page by page in line id order (`decisionsBehind`).
 */
export async function* streamLinePerformance(
  q: Queryable,
  window: MonitoringWindow,
  pageSize = DEFAULT_PAGE_SIZE,
): AsyncGenerator<LinePerformanceRecord[]> {
  const pages = pagesWithDecisions<LineRow>(
    q,
    `select id, customer_id, facility_id, created_at, product_code, opened_on::text as opened_on,
            closed_on::text as closed_on, processed_through::text as processed_through, state
       from credit_lines
      where opened_on between $1::date and $2::date and id > $3
      order by id limit $4`,
    window,
    pageSize,
  );
  for await (const { rows, behind } of pages) {
    const records: LinePerformanceRecord[] = [];
    for (const row of rows) {
      const decision = behind.get(row.id);
      const productCode = decision?.product ?? productOf(row.product_code);
      if (window.product !== null && productCode !== window.product) continue;
      const state = decodeLineState(row.state);
      records.push({
        lineId: row.id,
        productCode,
        openedOn: row.opened_on as LocalDate,
        drawn: state.counters.purchased,
        // Lending has no charge-off of a line yet (issue 15 item 6): none is ever read as charged off.
        chargedOffOn: null,
        closedOn: row.closed_on as LocalDate | null,
        processedThrough: row.processed_through as LocalDate,
        dueOutcomes: state.dueOutcomes.map((outcome) => ({
          dueDate: outcome.dueDate,
          minimumPayment: outcome.minimumPayment,
          minimumMet: outcome.minimumMet,
          curedOn: outcome.curedOn,
        })),
        score: decision?.score ?? null,
        pd: decision?.pd ?? null,
        arm: armOf(decision?.arm ?? null),
      });
    }
    if (records.length > 0) yield records;
  }
}

/** The receivable accounts whose sum is what a customer owes on a contract. */
const RECEIVABLE_KINDS_SQL = `'principal_receivable', 'interest_receivable', 'fee_receivable', 'penalty_receivable'`;

/**
 * The net receivable postings per contract and month (`YYYY-MM`, effective date) up to `through`, for the
 * given (customer, contract) pairs — contract ids are unique across customers, so the two lists filter
 * exactly those pairs. One grouped scan of `ledger_postings_by_account`, grouped by the customer too, so on
 * a distributed store each shard answers for its own customers (plain filters, no join, no subquery).
 */
async function receivablesByMonth(
  q: Queryable,
  contracts: ReadonlyArray<{ readonly customerId: string; readonly contractId: string }>,
  through: LocalDate,
): Promise<Map<string, Map<string, bigint>>> {
  const byContract = new Map<string, Map<string, bigint>>();
  if (contracts.length === 0) return byContract;
  const result = await q.query<{ customer_id: string; contract_id: string; month: string; net: bigint }>(
    `select p.customer_id, p.contract_id, to_char(p.effective_date, 'YYYY-MM') as month,
            sum(case when p.side = 'D' then p.amount else -p.amount end)::bigint as net
       from ledger_postings p
      where p.customer_id = any($1::text[]) and p.contract_id = any($2::text[])
        and p.kind in (${RECEIVABLE_KINDS_SQL}) and p.effective_date <= $3::date
      group by p.customer_id, p.contract_id, to_char(p.effective_date, 'YYYY-MM')`,
    [[...new Set(contracts.map((c) => c.customerId))], contracts.map((c) => c.contractId), through],
  );
  for (const row of result.rows) {
    const months = byContract.get(row.contract_id) ?? new Map<string, bigint>();
    months.set(row.month, BigInt(row.net));
    byContract.set(row.contract_id, months);
  }
  return byContract;
}

/** Adds month maps of several contracts (a line and its instalment plans) into one. */
function sumMonths(maps: ReadonlyArray<ReadonlyMap<string, bigint> | undefined>): Map<string, bigint> {
  const sum = new Map<string, bigint>();
  for (const map of maps) for (const [month, net] of map ?? []) sum.set(month, (sum.get(month) ?? 0n) + net);
  return sum;
}

interface RollLoanRow {
  customer_id: string;
  id: string;
  product_code: string;
  contract: unknown;
  state: unknown;
  start_date: string;
}

interface RollLineRow {
  customer_id: string;
  id: string;
  product_code: string;
  terms: unknown;
  state: unknown;
  opened_on: string;
  closed_on: string | null;
}

/**
 * Every loan and line that can roll within the window — opened by its last month end and serviced to its
 * first day or later (an account sits in a bucket at a month end only once its servicing has reached it;
 * one that ended before the window has nothing to roll in it) — with its state and balance at each month end
 * (derived: `loanStateOn` / `lineStateOn`, and the ledger's receivables), page by page — loans first,
 * then lines, each in id order. The product is the lending product's code in monitoring's spelling
 * (`cash_loan`, `credit_line`); `window.product` filters on it.
 */
export async function* streamRollRecords(
  q: Queryable,
  window: MonitoringWindow,
  pageSize = DEFAULT_PAGE_SIZE,
): AsyncGenerator<RollRecord[]> {
  const monthEnds = monthEndsIn(window.from, window.to);
  const last = monthEnds[monthEnds.length - 1];
  if (last === undefined) return;
  const wanted = (code: string): boolean => window.product === null || productOf(code) === window.product;

  let after = '';
  for (;;) {
    const result = await q.query<RollLoanRow>(
      `select customer_id, id, product_code, contract, state, start_date::text as start_date
         from loans where start_date <= $1::date and processed_through >= $2::date and id > $3
        order by id limit $4`,
      [last, window.from, after, pageSize],
    );
    const rows = result.rows.filter((row) => wanted(row.product_code));
    const balances = await receivablesByMonth(
      q,
      rows.map((row) => ({ customerId: row.customer_id, contractId: row.id })),
      last,
    );
    const records = rows.map((row): RollRecord => {
      const state = decodeState(row.state);
      const history = {
        startDate: row.start_date as LocalDate,
        processedThrough: state.processedThrough,
        closedOn: state.closedOn,
        writtenOffOn: state.writtenOffOn,
        instalments: state.instalments,
        bucketBounds: decodeContract(row.contract).bucketBounds,
      };
      return {
        product: productOf(row.product_code),
        accountId: row.id,
        positions: positionsOf(
          monthEnds,
          (date) => loanStateOn(history, date),
          balances.get(row.id) ?? new Map(),
        ),
      };
    });
    if (records.length > 0) yield records;
    const lastRow = result.rows[result.rows.length - 1];
    if (!lastRow || result.rows.length < pageSize) break;
    after = lastRow.id;
  }

  after = '';
  for (;;) {
    const result = await q.query<RollLineRow>(
      `select customer_id, id, product_code, terms, state, opened_on::text as opened_on,
              closed_on::text as closed_on
         from credit_lines where opened_on <= $1::date and processed_through >= $2::date and id > $3
        order by id limit $4`,
      [last, window.from, after, pageSize],
    );
    const rows = result.rows
      .filter((row) => wanted(row.product_code))
      .map((row) => ({ row, state: decodeLineState(row.state) }));
    // A line's balance is its own contract's and each of its instalment plans' (their own contracts).
    const balances = await receivablesByMonth(
      q,
      rows.flatMap(({ row, state }) => [
        { customerId: row.customer_id, contractId: row.id },
        ...state.plans.map((plan) => ({ customerId: row.customer_id, contractId: plan.planId })),
      ]),
      last,
    );
    const records = rows.map(({ row, state }): RollRecord => {
      const history = {
        openedOn: row.opened_on as LocalDate,
        processedThrough: state.processedThrough,
        chargedOffOn: null,
        closedOn: row.closed_on as LocalDate | null,
        dueOutcomes: state.dueOutcomes,
        bucketBounds: decodeTerms(row.terms).bucketBounds,
      };
      return {
        product: productOf(row.product_code),
        accountId: row.id,
        positions: positionsOf(
          monthEnds,
          (date) => lineStateOn(history, date),
          sumMonths([row.id, ...state.plans.map((plan) => plan.planId)].map((id) => balances.get(id))),
        ),
      };
    });
    if (records.length > 0) yield records;
    const lastRow = result.rows[result.rows.length - 1];
    if (!lastRow || result.rows.length < pageSize) return;
    after = lastRow.id;
  }
}
