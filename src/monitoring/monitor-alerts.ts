import { alertsOf } from './alerts.ts';
import { driftIn, driftScorer } from './monitor-drift.ts';
import { outcomesIn } from './monitor-outcomes.ts';
import type { MonitoringDeps } from './monitoring-ports.ts';
import {
  alertReportOf,
  DEFAULT_DAYS,
  minDecisionsOf,
  type AlertReport,
  type DriftParams,
} from './monitoring-rules.ts';
import { readWindow } from './read-window.ts';

/** The thresholds a window's outcomes and drift cross (drift only when a model is active or named). */
export async function monitorAlerts(deps: MonitoringDeps, params: DriftParams): Promise<AlertReport> {
  const window = await readWindow(deps, params, DEFAULT_DAYS.alerts);
  const minDecisions = minDecisionsOf(params.minDecisions);
  const scorer = await driftScorer(deps, params.model);
  const [outcomes, drift] = await Promise.all([
    outcomesIn(deps, window),
    scorer ? driftIn(deps, window, scorer, minDecisions) : Promise.resolve(null),
  ]);
  return alertReportOf(window, alertsOf({ drift, outcomes }));
}
