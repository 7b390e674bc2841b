import type {
  LineAccount,
  LoanAccount,
  MonitoringWindow,
  PortfolioReadModel,
  RollAccount,
} from '../monitoring/index.ts';
import type { LineHistory, LoanHistory } from '../monitoring/index.ts';
import type { Queryable } from '../platform/database/database.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import { decodeLineState, decodeTerms } from './credit-lines/line-codec.ts';
import { parseFacilityProduct, productCodeOf } from './facilities/facility.ts';
import { decodeContract, decodeState } from './loans/loan-codec.ts';

/**
 * Monitoring's reads of the loans and credit lines (migrations 0402, 0403, 05xx), over lending's own
 * tables and decoded with lending's own codecs. Pages are in account id order; each page is one query,
 * plus one for the facility changes behind its accounts, both filtered on plain columns (`customer_id =
 * any(…)`): no correlated subquery, no LIMIT inside a lateral join, so a distributed store runs them as
 * ordinary multi-shard queries.
 */

const epochOf = (value: unknown): number => new Date(value as string | Date).getTime();

/** A stored product (`cash-loan`) in the public spelling (`cash_loan`). */
const publicProduct = (stored: string): string => productCodeOf(parseFacilityProduct(stored));

/** An account row: what `openingDecisions` needs to find the decision behind it. */
interface AccountRow {
  id: string;
  customer_id: string;
  facility_id: string;
  created_at: unknown;
}

/**
 * For each account (keyed by its id), the decision that set its facility's terms when it was opened: the
 * latest facility change with a decision at or before the account was created.
 */
async function openingDecisions(q: Queryable, accounts: readonly AccountRow[]): Promise<Map<string, string>> {
  const decisionOf = new Map<string, string>();
  if (accounts.length === 0) return decisionOf;
  const changes = await q.query<{
    customer_id: string;
    facility_id: string;
    version: number;
    decision_id: string;
    changed_at: unknown;
  }>(
    `select customer_id, facility_id, version, decision_id, changed_at from credit_facility_changes
      where customer_id = any($1::text[]) and facility_id = any($2::text[]) and decision_id is not null`,
    [
      [...new Set(accounts.map((account) => account.customer_id))],
      [...new Set(accounts.map((account) => account.facility_id))],
    ],
  );
  const byFacility = new Map<string, typeof changes.rows>();
  for (const change of changes.rows) {
    const key = `${change.customer_id}/${change.facility_id}`;
    byFacility.set(key, [...(byFacility.get(key) ?? []), change]);
  }
  for (const account of accounts) {
    const created = epochOf(account.created_at);
    let latest: { version: number; decision_id: string } | null = null;
    for (const change of byFacility.get(`${account.customer_id}/${account.facility_id}`) ?? []) {
      if (epochOf(change.changed_at) > created) continue;
      if (latest === null || change.version > latest.version) latest = change;
    }
    if (latest) decisionOf.set(account.id, latest.decision_id);
  }
  return decisionOf;
}

/** Pages of rows in id order (`sql` takes its own parameters, then the last id and the page size). */
async function* idPages<Row extends { id: string }>(
  q: Queryable,
  sql: string,
  params: readonly unknown[],
  pageSize: number,
): AsyncGenerator<Row[]> {
  let after = '';
  for (;;) {
    const { rows } = await q.query<Row>(sql, [...params, after, pageSize]);
    yield rows;
    const last = rows[rows.length - 1];
    if (!last || rows.length < pageSize) return;
    after = last.id;
  }
}

interface LoanRow extends AccountRow {
  product_code: string;
  start_date: string;
  principal: bigint;
  processed_through: string;
  state: unknown;
}

async function* loansDrawn(
  q: Queryable,
  window: MonitoringWindow,
  pageSize: number,
): AsyncGenerator<LoanAccount[]> {
  const sql = `select id, customer_id, facility_id, created_at, product_code, start_date::text as start_date,
            principal, processed_through::text as processed_through, state
       from loans
      where start_date between $1::date and $2::date and id > $3
      order by id limit $4`;
  for await (const rows of idPages<LoanRow>(q, sql, [window.from, window.to], pageSize)) {
    const behind = await openingDecisions(q, rows);
    yield rows.map((row) => {
      const state = decodeState(row.state);
      return {
        accountId: row.id,
        customerId: row.customer_id,
        openingDecisionId: behind.get(row.id) ?? null,
        productCode: publicProduct(row.product_code),
        startDate: row.start_date as LocalDate,
        principal: row.principal,
        status: state.status,
        processedThrough: row.processed_through as LocalDate,
        instalments: state.instalments.map((instalment) => ({
          dueDate: instalment.dueDate,
          settledOn: instalment.settledOn,
        })),
      };
    });
  }
}

interface LineRow extends AccountRow {
  product_code: string;
  opened_on: string;
  closed_on: string | null;
  processed_through: string;
  state: unknown;
}

async function* linesOpened(
  q: Queryable,
  window: MonitoringWindow,
  pageSize: number,
): AsyncGenerator<LineAccount[]> {
  const sql = `select id, customer_id, facility_id, created_at, product_code, opened_on::text as opened_on,
            closed_on::text as closed_on, processed_through::text as processed_through, state
       from credit_lines
      where opened_on between $1::date and $2::date and id > $3
      order by id limit $4`;
  for await (const rows of idPages<LineRow>(q, sql, [window.from, window.to], pageSize)) {
    const behind = await openingDecisions(q, rows);
    yield rows.map((row) => {
      const state = decodeLineState(row.state);
      return {
        accountId: row.id,
        customerId: row.customer_id,
        openingDecisionId: behind.get(row.id) ?? null,
        productCode: publicProduct(row.product_code),
        openedOn: row.opened_on as LocalDate,
        drawn: state.counters.purchased,
        closedOn: row.closed_on as LocalDate | null,
        chargedOffOn: state.writtenOffOn ?? null,
        processedThrough: row.processed_through as LocalDate,
        dueOutcomes: state.dueOutcomes.map((outcome) => ({
          dueDate: outcome.dueDate,
          minimumPayment: outcome.minimumPayment,
          minimumMet: outcome.minimumMet,
          curedOn: outcome.curedOn,
        })),
      };
    });
  }
}

interface RollLoanRow {
  customer_id: string;
  id: string;
  product_code: string;
  contract: unknown;
  state: unknown;
  start_date: string;
}

async function* loanHistories(
  q: Queryable,
  lastMonthEnd: LocalDate,
  from: LocalDate,
  pageSize: number,
): AsyncGenerator<RollAccount<LoanHistory>[]> {
  const sql = `select customer_id, id, product_code, contract, state, start_date::text as start_date
         from loans where start_date <= $1::date and processed_through >= $2::date and id > $3
        order by id limit $4`;
  for await (const rows of idPages<RollLoanRow>(q, sql, [lastMonthEnd, from], pageSize)) {
    yield rows.map((row) => {
      const state = decodeState(row.state);
      return {
        accountId: row.id,
        customerId: row.customer_id,
        productCode: publicProduct(row.product_code),
        contractIds: [row.id],
        history: {
          startDate: row.start_date as LocalDate,
          processedThrough: state.processedThrough,
          closedOn: state.closedOn,
          writtenOffOn: state.writtenOffOn,
          instalments: state.instalments,
          bucketBounds: decodeContract(row.contract).bucketBounds,
        },
      };
    });
  }
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

async function* lineHistories(
  q: Queryable,
  lastMonthEnd: LocalDate,
  from: LocalDate,
  pageSize: number,
): AsyncGenerator<RollAccount<LineHistory>[]> {
  const sql = `select customer_id, id, product_code, terms, state, opened_on::text as opened_on,
              closed_on::text as closed_on
         from credit_lines where opened_on <= $1::date and processed_through >= $2::date and id > $3
        order by id limit $4`;
  for await (const rows of idPages<RollLineRow>(q, sql, [lastMonthEnd, from], pageSize)) {
    yield rows.map((row) => {
      const state = decodeLineState(row.state);
      return {
        accountId: row.id,
        customerId: row.customer_id,
        productCode: publicProduct(row.product_code),
        // A line's balance is its own contract's and each of its instalment plans' (their own contracts).
        contractIds: [row.id, ...state.plans.map((plan) => plan.planId)],
        history: {
          openedOn: row.opened_on as LocalDate,
          processedThrough: state.processedThrough,
          chargedOffOn: state.writtenOffOn ?? null,
          closedOn: row.closed_on as LocalDate | null,
          dueOutcomes: state.dueOutcomes,
          bucketBounds: decodeTerms(row.terms).bucketBounds,
        },
      };
    });
  }
}

/** Monitoring's `PortfolioReadModel` over the `loans`, `credit_lines` and `credit_facility_changes` tables. */
export function createPgPortfolioReadModel(q: Queryable): PortfolioReadModel {
  return {
    loansDrawn: (window, pageSize) => loansDrawn(q, window, pageSize),
    linesOpened: (window, pageSize) => linesOpened(q, window, pageSize),
    loanHistories: (lastMonthEnd, from, pageSize) => loanHistories(q, lastMonthEnd, from, pageSize),
    lineHistories: (lastMonthEnd, from, pageSize) => lineHistories(q, lastMonthEnd, from, pageSize),
  };
}
