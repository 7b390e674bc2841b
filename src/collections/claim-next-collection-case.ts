import type { Principal } from '../platform/auth/api-keys.ts';
import { CASE_BUCKETS, type CollectionCase } from './collection-case.ts';
import { inCallQueue, strategyOn } from './collection-strategy.ts';
import * as store from './collections.pg.ts';
import { claimLocked } from './claim-collection-case.ts';
import { mustCollect, type CollectionsDeps } from './collections-ports.ts';

/**
 * Claims the first unclaimed case of the call queue (highest priority, then amount past due, then days
 * past due, then the oldest), skipping any another collector is claiming at the same moment (`FOR UPDATE
 * SKIP LOCKED`): two collectors asking at once get two different cases. Undefined when the queue is empty.
 */
export async function claimNextCollectionCase(
  deps: CollectionsDeps,
  input: { readonly by: Principal },
): Promise<CollectionCase | undefined> {
  mustCollect(input.by);
  const strategy = strategyOn(await deps.strategies(deps.db), deps.clock.today());
  const buckets = CASE_BUCKETS.filter((bucket) => inCallQueue(strategy, bucket));
  return deps.db.transaction(async (tx) => {
    const next = await store.nextUnclaimed(tx, buckets, deps.clock.now());
    return next ? claimLocked(deps, tx, next, input.by) : undefined;
  });
}
