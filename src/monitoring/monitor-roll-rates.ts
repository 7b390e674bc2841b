import type { LocalDate } from '../platform/time/local-date.ts';
import type { MonitoringDeps, RollAccount } from './monitoring-ports.ts';
import { DEFAULT_DAYS } from './monitoring-rules.ts';
import { readWindow } from './read-window.ts';
import {
  createRollRateAggregator,
  lineStateOn,
  loanStateOn,
  monthEndsIn,
  positionsOf,
  type RollRateReport,
  type RollRecord,
  type RollState,
} from './roll-rates.ts';
import type { MonitoringWindow, WindowParams } from './window.ts';

type Deps = Pick<MonitoringDeps, 'portfolio' | 'receivables' | 'pageSize'>;

/** Adds month maps of several contracts (a line and its instalment plans) into one. */
function sumMonths(maps: ReadonlyArray<ReadonlyMap<string, bigint> | undefined>): Map<string, bigint> {
  const sum = new Map<string, bigint>();
  for (const map of maps) for (const [month, net] of map ?? []) sum.set(month, (sum.get(month) ?? 0n) + net);
  return sum;
}

/**
 * The roll records of one page of accounts: each account's state at every month end (`stateOn` over its
 * history) with its balance there, from the ledger's receivables of its contracts up to the last month end.
 */
async function rollRecordsOf<History>(
  deps: Deps,
  accounts: ReadonlyArray<RollAccount<History>>,
  monthEnds: readonly LocalDate[],
  last: LocalDate,
  stateOn: (history: History, date: LocalDate) => RollState | null,
): Promise<RollRecord[]> {
  const balances = await deps.receivables.receivablesByMonth(
    accounts.flatMap((account) =>
      account.contractIds.map((contractId) => ({ customerId: account.customerId, contractId })),
    ),
    last,
  );
  return accounts.map((account) => ({
    product: account.productCode,
    accountId: account.accountId,
    positions: positionsOf(
      monthEnds,
      (date) => stateOn(account.history, date),
      sumMonths(account.contractIds.map((id) => balances.get(id))),
    ),
  }));
}

/**
 * Roll rates of a window already read: every loan and line that can roll within it — opened by its last
 * month end and serviced to its first day or later (an account sits in a bucket at a month end only once
 * its servicing has reached it; one that ended before the window has nothing to roll in it) — loans first,
 * then lines. The product is the lending product's public code (`cash_loan`, `credit_line`);
 * `window.product` filters on it.
 */
export async function rollRatesIn(deps: Deps, window: MonitoringWindow): Promise<RollRateReport> {
  const aggregator = createRollRateAggregator(window);
  const monthEnds = monthEndsIn(window.from, window.to);
  const last = monthEnds[monthEnds.length - 1];
  if (last === undefined) return aggregator.report();
  const wanted = <History>(account: RollAccount<History>) =>
    window.product === null || account.productCode === window.product;
  for await (const page of deps.portfolio.loanHistories(last, window.from, deps.pageSize))
    for (const record of await rollRecordsOf(deps, page.filter(wanted), monthEnds, last, loanStateOn))
      aggregator.add(record);
  for await (const page of deps.portfolio.lineHistories(last, window.from, deps.pageSize))
    for (const record of await rollRecordsOf(deps, page.filter(wanted), monthEnds, last, lineStateOn))
      aggregator.add(record);
  return aggregator.report();
}

/** Both products' transitions between delinquency buckets from each month end in the window to the next. */
export async function monitorRollRates(deps: MonitoringDeps, params: WindowParams): Promise<RollRateReport> {
  return rollRatesIn(deps, await readWindow(deps, params, DEFAULT_DAYS.rollRates));
}
