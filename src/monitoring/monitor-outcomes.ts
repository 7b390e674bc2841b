import type { MonitoringDeps } from './monitoring-ports.ts';
import { DEFAULT_DAYS } from './monitoring-rules.ts';
import { createOutcomeAggregator, type OutcomeReport } from './outcomes.ts';
import { readWindow } from './read-window.ts';
import type { MonitoringWindow, WindowParams } from './window.ts';

/** Outcome monitoring of a window already read: one streamed pass over its decisions. */
export async function outcomesIn(
  deps: Pick<MonitoringDeps, 'decisions' | 'pageSize'>,
  window: MonitoringWindow,
): Promise<OutcomeReport> {
  const aggregator = createOutcomeAggregator(window);
  for await (const page of deps.decisions.outcomePages(window, deps.pageSize))
    for (const record of page) aggregator.add(record);
  return aggregator.report();
}

/** Approval, referral and decline rates, limits and prices, reasons and faults of a window. */
export async function monitorOutcomes(deps: MonitoringDeps, params: WindowParams): Promise<OutcomeReport> {
  return outcomesIn(deps, await readWindow(deps, params, DEFAULT_DAYS.outcomes));
}
