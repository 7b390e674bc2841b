import { addDays, minDate } from '../platform/time/local-date.ts';
import { alertsOf, type Alert } from './alerts.ts';
import type { DriftReport } from './drift.ts';
import { driftIn, driftScorer } from './monitor-drift.ts';
import { outcomesIn } from './monitor-outcomes.ts';
import { performanceIn } from './monitor-performance.ts';
import { rollRatesIn } from './monitor-roll-rates.ts';
import type { MonitoringDeps } from './monitoring-ports.ts';
import { DEFAULT_DAYS, minDecisionsOf, type DriftParams } from './monitoring-rules.ts';
import type { OutcomeReport } from './outcomes.ts';
import type { PerformanceReport } from './performance.ts';
import { readWindow } from './read-window.ts';
import type { RollRateReport } from './roll-rates.ts';
import type { ShadowReport } from './shadow-comparison.ts';
import { monitorShadow } from './shadow-monitor.ts';
import type { MonitoringWindow } from './window.ts';

/** Everything the monitoring report shows. */
export interface MonitoringReportData {
  readonly generatedAt: string;
  readonly window: MonitoringWindow;
  readonly outcomes: OutcomeReport;
  readonly drift: DriftReport | null;
  readonly alerts: readonly Alert[];
  readonly performance: PerformanceReport;
  /** Roll rates over the same year as the performance (month ends within it). */
  readonly rollRates: RollRateReport;
  /** Shadow mode against the champion over the window (absent: no shadow store). */
  readonly shadow?: ShadowReport | null;
}

/** The data of the monitoring report: outcomes, drift and alerts of the window; a year of loans. */
export async function monitoringReport(
  deps: MonitoringDeps,
  params: DriftParams,
): Promise<MonitoringReportData> {
  const window = await readWindow(deps, params, DEFAULT_DAYS.report);
  const minDecisions = minDecisionsOf(params.minDecisions);
  const scorer = await driftScorer(deps, params.model);
  // Loans need time to show how they perform: the report looks back a year from the window's end.
  const loansWindow: MonitoringWindow = {
    ...window,
    from: minDate(window.from, addDays(window.to, -(DEFAULT_DAYS.performance - 1))),
  };
  const outcomes = await outcomesIn(deps, window);
  const drift = scorer ? await driftIn(deps, window, scorer, minDecisions) : null;
  const performance = await performanceIn(deps, loansWindow);
  const rollRates = await rollRatesIn(deps, loansWindow);
  const shadow = deps.shadows
    ? await monitorShadow(deps, {
        from: window.from,
        to: window.to,
        ...(window.product ? { product: window.product } : {}),
      })
    : null;
  return {
    generatedAt: deps.clock.now().toISOString(),
    window,
    outcomes,
    drift,
    alerts: alertsOf({ drift, outcomes }),
    performance,
    rollRates,
    shadow,
  };
}
