import type { BacktestReport } from './backtest.ts';
import { runBacktest, type BacktestOptions, type BacktestRequest } from './backtest-run.ts';
import type { DriftReport } from './drift.ts';
import { monitorAlerts } from './monitor-alerts.ts';
import { monitorDrift } from './monitor-drift.ts';
import { monitorOutcomes } from './monitor-outcomes.ts';
import { monitorPerformance } from './monitor-performance.ts';
import { monitorRollRates } from './monitor-roll-rates.ts';
import { DEFAULT_PAGE_SIZE, type MonitoringDeps } from './monitoring-ports.ts';
import { monitoringReport, type MonitoringReportData } from './monitoring-report.ts';
import type { AlertReport, DriftParams } from './monitoring-rules.ts';
import type { OutcomeReport } from './outcomes.ts';
import type { PerformanceReport } from './performance.ts';
import { readWindow } from './read-window.ts';
import type { ShadowReport } from './shadow-comparison.ts';
import { monitorShadow } from './shadow-monitor.ts';
import type { RollRateReport } from './roll-rates.ts';
import {
  simulatePolicy,
  type SimulationOptions,
  type SimulationRequest,
  type SimulationResult,
} from './simulate-policy.ts';
import type { MonitoringWindow, WindowParams } from './window.ts';

/**
 * The monitoring context's use cases, bound to their dependencies for the routes and the CLI: outcome
 * monitoring, loan performance, roll rates, drift, alerts, policy simulation and the data of the monitoring
 * report. Each is a function of its own (`monitor-*.ts`, `simulate-policy.ts`, `monitoring-report.ts`),
 * computed from the records the other contexts keep, read through monitoring's ports
 * (`monitoring-ports.ts`) in one streamed pass per question; nothing is stored, except a simulated policy
 * when the caller asks for it to be saved as a new version.
 */
export interface MonitoringService {
  /** Reads and checks a window (dates, span, a known product). */
  window(params: WindowParams, defaultDays: number): Promise<MonitoringWindow>;
  outcomes(params: WindowParams): Promise<OutcomeReport>;
  /** Cash loans drawn and credit lines opened in the window: bad rate by band and vintage, per product. */
  performance(params: WindowParams): Promise<PerformanceReport>;
  /** Both products' transitions between delinquency buckets from each month end in the window to the next. */
  rollRates(params: WindowParams): Promise<RollRateReport>;
  /** UNPROCESSABLE (rule `active-model`) when no model is active and none is named. */
  drift(params: DriftParams): Promise<DriftReport>;
  alerts(params: DriftParams): Promise<AlertReport>;
  simulate(request: SimulationRequest, options?: SimulationOptions): Promise<SimulationResult>;
  report(params: DriftParams): Promise<MonitoringReportData>;
  /** Shadow mode against the champion: agreement, swap sets, limit and price differences, reasons. */
  shadow(params: WindowParams): Promise<ShadowReport>;
  /** A candidate model re-scoring past applications from their facts, against the active model. */
  backtest(request: BacktestRequest, options?: BacktestOptions): Promise<BacktestReport>;
}

export type MonitoringServiceDeps = Omit<MonitoringDeps, 'pageSize'> & { readonly pageSize?: number };

export function createMonitoringService(options: MonitoringServiceDeps): MonitoringService {
  const deps: MonitoringDeps = { ...options, pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE };
  return {
    window: (params, defaultDays) => readWindow(deps, params, defaultDays),
    outcomes: (params) => monitorOutcomes(deps, params),
    performance: (params) => monitorPerformance(deps, params),
    rollRates: (params) => monitorRollRates(deps, params),
    drift: (params) => monitorDrift(deps, params),
    alerts: (params) => monitorAlerts(deps, params),
    simulate: (request, simulationOptions) => simulatePolicy(deps, request, simulationOptions),
    report: (params) => monitoringReport(deps, params),
    shadow: (params) => monitorShadow(deps, params),
    backtest: (request, backtestOptions) => runBacktest(deps, request, backtestOptions),
  };
}
