import { applyCollectionsDay, type CollectionsDayDeps } from './apply-collections-day.ts';
import type { CollectionsDay } from './collections-day-port.ts';
import * as store from './collections.pg.ts';

/** The collections side of the day-end step, bound to its storage (wired by the composition root). */
export function createCollectionsDay(deps: CollectionsDayDeps): CollectionsDay {
  return {
    tracked: (q, afterId, limit, partition) => store.trackedAccounts(q, afterId, limit, partition),
    countTracked: (q) => store.countTrackedAccounts(q),
    promiseWindows: (q, refs) => store.promiseWindowStarts(q, refs),
    apply: (tx, facts, date) => applyCollectionsDay(deps, tx, facts, date),
  };
}
