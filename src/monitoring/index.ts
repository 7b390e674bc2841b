/**
 * The monitoring context's public surface: outcome monitoring, loan performance, drift, alerts and policy
 * simulation, computed from the decision records (see docs/monitoring.md). Other contexts use
 * `services.monitoring` or, for their own folds over records they already hold, the pure aggregators.
 */
export {
  createMonitoringService,
  type MonitoringService,
  type MonitoringServiceDeps,
} from './monitoring-service.ts';
export { DEFAULT_DAYS, type AlertReport, type DriftParams } from './monitoring-rules.ts';
export type { MonitoringReportData } from './monitoring-report.ts';
export type { SimulationOptions, SimulationRequest, SimulationResult } from './simulate-policy.ts';
export type { BacktestCheckpoint, BacktestOptions, BacktestRequest } from './backtest-run.ts';
export { backtestReportView, type BacktestReportView } from './backtest-view.ts';
export {
  DEFAULT_PAGE_SIZE,
  type BacktestCase,
  type BacktestPolicy,
  type BacktestRead,
  type DecisionBehind,
  type DecisionPosition,
  type DecisionReadModel,
  type DriftRead,
  type LineAccount,
  type LoanAccount,
  type MonitoringDeps,
  type OpenedAccount,
  type PortfolioReadModel,
  type ReceivablesReadModel,
  type RollAccount,
  type ShadowReadModel,
  type SimulationRead,
} from './monitoring-ports.ts';
export {
  createBacktestAggregator,
  type BacktestPair,
  type BacktestReport,
  type BacktestSide,
} from './backtest.ts';
export {
  createShadowAggregator,
  type ReasonDifference,
  type ShadowFigures,
  type ShadowRecord,
  type ShadowReport,
  type ShadowSide,
} from './shadow-comparison.ts';
export { comparisonText } from './comparison-text.ts';
export {
  createComparison,
  type AgreementMatrix,
  type ComparisonFigures,
  type DecidedSide,
  type DifferenceBucket,
  type SwapSet,
} from './comparison.ts';
export {
  createOutcomeAggregator,
  type OutcomeAggregator,
  type OutcomeFigures,
  type OutcomeRecord,
  type OutcomeReport,
} from './outcomes.ts';
export {
  BAD_DAYS_PAST_DUE,
  createPerformanceAggregator,
  lineVerdict,
  lineWorstDaysPastDue,
  loanVerdict,
  worstDaysPastDue,
  type LinePerformanceRecord,
  type LoanPerformanceRecord,
  type PerformanceRecord,
  type PerformanceReport,
} from './performance.ts';
export {
  createRollRateAggregator,
  lineStateOn,
  loanStateOn,
  ROLL_STATES,
  type LineHistory,
  type LoanHistory,
  type RollRateReport,
  type RollRecord,
  type RollState,
} from './roll-rates.ts';
export { createDriftAggregator, DEFAULT_MIN_DECISIONS, type DriftRecord, type DriftReport } from './drift.ts';
export { alertsOf, DEFAULT_THRESHOLDS, type Alert, type AlertSeverity } from './alerts.ts';
export {
  createSimulation,
  sameDecision,
  simulateRecord,
  type SimulatedDecision,
  type SimulationRecord,
  type SimulationReport,
  type SwapSample,
} from './simulation.ts';
export { parseWindow, SCORE_BANDS, type MonitoringWindow, type WindowParams } from './window.ts';
export { renderMonitoringReport, renderSimulationReport } from './report-html.ts';
export * from './simulation.ts';
