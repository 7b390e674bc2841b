import type { BacktestReport } from './backtest.ts';
import { comparisonView } from './shadow-view.ts';

/**
 * The wire form of a backtest report (`GET /v1/models/backtests/{id}`, `credence models backtest --json`,
 * stored with the run): the comparison with amounts in yuan and `…Fen` (the API's unit rule); metrics,
 * curves and segments as computed. JSON-safe (no bigint).
 */
export function backtestReportView(report: BacktestReport) {
  return { ...report, comparison: comparisonView(report.comparison) };
}

export type BacktestReportView = ReturnType<typeof backtestReportView>;
