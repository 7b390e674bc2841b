import type { DecisionBehind, MonitoringDeps, OpenedAccount } from './monitoring-ports.ts';
import { DEFAULT_DAYS } from './monitoring-rules.ts';
import {
  createPerformanceAggregator,
  type LinePerformanceRecord,
  type LoanPerformanceRecord,
  type PerformanceReport,
} from './performance.ts';
import { readWindow } from './read-window.ts';
import type { MonitoringWindow, WindowParams } from './window.ts';

type Deps = Pick<MonitoringDeps, 'decisions' | 'portfolio' | 'pageSize'>;

/** The decision behind each account of a page, by account id (one read of the decisions). */
async function decisionsOf(
  deps: Deps,
  accounts: readonly OpenedAccount[],
): Promise<Map<string, DecisionBehind | undefined>> {
  const refs = accounts.flatMap((account) =>
    account.openingDecisionId === null
      ? []
      : [{ customerId: account.customerId, decisionId: account.openingDecisionId }],
  );
  const behind = await deps.decisions.decisionsBehind(refs);
  return new Map(
    accounts.map((account) => [account.accountId, behind.get(account.openingDecisionId ?? '')] as const),
  );
}

/** What the decision behind an account recorded: its score, PD and arm (null when there is none). */
function scoredBy(decision: DecisionBehind | undefined): Pick<LoanPerformanceRecord, 'score' | 'pd' | 'arm'> {
  return { score: decision?.score ?? null, pd: decision?.pd ?? null, arm: decision?.arm ?? null };
}

/**
 * Loan and line performance of a window already read: accounts opened in it, each with the decision that
 * set its facility's terms (its product, score, PD and arm; the lending product when there is none), kept
 * when it is of the window's product.
 */
export async function performanceIn(deps: Deps, window: MonitoringWindow): Promise<PerformanceReport> {
  const aggregator = createPerformanceAggregator(window);
  const wanted = (productCode: string) => window.product === null || productCode === window.product;
  for await (const page of deps.portfolio.loansDrawn(window, deps.pageSize)) {
    const behind = await decisionsOf(deps, page);
    for (const loan of page) {
      const decision = behind.get(loan.accountId);
      const record: LoanPerformanceRecord = {
        loanId: loan.accountId,
        productCode: decision?.productCode ?? loan.productCode,
        startDate: loan.startDate,
        principal: loan.principal,
        status: loan.status,
        processedThrough: loan.processedThrough,
        instalments: loan.instalments,
        ...scoredBy(decision),
      };
      if (wanted(record.productCode)) aggregator.add(record);
    }
  }
  for await (const page of deps.portfolio.linesOpened(window, deps.pageSize)) {
    const behind = await decisionsOf(deps, page);
    for (const line of page) {
      const decision = behind.get(line.accountId);
      const record: LinePerformanceRecord = {
        lineId: line.accountId,
        productCode: decision?.productCode ?? line.productCode,
        openedOn: line.openedOn,
        drawn: line.drawn,
        chargedOffOn: line.chargedOffOn,
        closedOn: line.closedOn,
        processedThrough: line.processedThrough,
        dueOutcomes: line.dueOutcomes,
        ...scoredBy(decision),
      };
      if (wanted(record.productCode)) aggregator.add(record);
    }
  }
  return aggregator.report();
}

/** Cash loans drawn and credit lines opened in the window: bad rate by band and vintage, per product. */
export async function monitorPerformance(
  deps: MonitoringDeps,
  params: WindowParams,
): Promise<PerformanceReport> {
  return performanceIn(deps, await readWindow(deps, params, DEFAULT_DAYS.performance));
}
