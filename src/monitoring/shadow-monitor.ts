import { AppError } from '../platform/errors/app-error.ts';
import type { MonitoringDeps } from './monitoring-ports.ts';
import { DEFAULT_DAYS } from './monitoring-rules.ts';
import { readWindow } from './read-window.ts';
import { createShadowAggregator, type ShadowReport } from './shadow-comparison.ts';
import type { WindowParams } from './window.ts';

/**
 * Shadow mode against the champion over a window (default: the 28 days to today): one streamed pass over
 * the shadow records of the window's decisions. UNAVAILABLE when no shadow store is wired.
 */
export async function monitorShadow(
  deps: Pick<MonitoringDeps, 'clock' | 'policies' | 'shadows' | 'pageSize'>,
  params: WindowParams,
): Promise<ShadowReport> {
  const window = await readWindow(deps, params, DEFAULT_DAYS.shadow);
  if (!deps.shadows) throw new AppError('UNAVAILABLE', 'shadow records are not available here');
  const aggregator = createShadowAggregator(window);
  for await (const page of deps.shadows.shadowPages(window, deps.pageSize)) {
    for (const record of page) aggregator.add(record);
  }
  return aggregator.report();
}
