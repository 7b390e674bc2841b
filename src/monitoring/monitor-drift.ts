import { AppError } from '../platform/errors/app-error.ts';
import type { Scorer } from '../scoring/index.ts';
import { createDriftAggregator, type DriftReport } from './drift.ts';
import type { MonitoringDeps } from './monitoring-ports.ts';
import { DEFAULT_DAYS, minDecisionsOf, type DriftParams } from './monitoring-rules.ts';
import { readWindow } from './read-window.ts';
import type { MonitoringWindow } from './window.ts';

/** The scorer drift is measured against: the named model, or the active one (none: null). */
export async function driftScorer(
  deps: Pick<MonitoringDeps, 'models'>,
  model: string | undefined,
): Promise<Scorer | null> {
  if (model !== undefined && model !== '') return deps.models.scorer(model);
  const active = await deps.models.active();
  return active ? deps.models.scorer(active.version) : null;
}

/** Drift of a window already read against one scorer: one streamed pass over its decisions. */
export async function driftIn(
  deps: Pick<MonitoringDeps, 'decisions' | 'pageSize'>,
  window: MonitoringWindow,
  scorer: Scorer,
  minDecisions: number,
): Promise<DriftReport> {
  const aggregator = createDriftAggregator(window, scorer, { minDecisions });
  for await (const page of deps.decisions.driftPages(window, scorer.card.contentHash, deps.pageSize)) {
    for (const read of page) {
      if (read.use) aggregator.add(read);
      else aggregator.exclude(read.reason);
    }
  }
  return aggregator.report();
}

/**
 * Score and characteristic drift per ISO week against the model's training counts. UNPROCESSABLE (rule
 * `active-model`) when no model is active and none is named.
 */
export async function monitorDrift(deps: MonitoringDeps, params: DriftParams): Promise<DriftReport> {
  const window = await readWindow(deps, params, DEFAULT_DAYS.drift);
  const minDecisions = minDecisionsOf(params.minDecisions);
  const scorer = await driftScorer(deps, params.model);
  if (!scorer) {
    throw new AppError('UNPROCESSABLE', 'no model is active: activate one, or name a model version', {
      details: { rule: 'active-model' },
    });
  }
  return driftIn(deps, window, scorer, minDecisions);
}
