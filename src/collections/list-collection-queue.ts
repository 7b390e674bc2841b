import type { Principal } from '../platform/auth/api-keys.ts';
import { AppError } from '../platform/errors/app-error.ts';
import {
  CASE_BUCKETS,
  type CaseBucket,
  type CollectionCase,
  type CollectionProduct,
} from './collection-case.ts';
import { inCallQueue, strategyOn } from './collection-strategy.ts';
import * as store from './collections.pg.ts';
import { mustCollect, type CollectionsDeps } from './collections-ports.ts';

export interface QueueRequest {
  readonly by: Principal;
  /** `unclaimed` (default): cases nobody holds; `mine`: the caller's claims; `all`: both. */
  readonly view?: 'unclaimed' | 'mine' | 'all';
  readonly product?: CollectionProduct;
  readonly bucket?: CaseBucket;
  readonly limit?: number;
}

/**
 * The call queue: open cases in the buckets the strategy in force today queues (from `callQueueFrom`), in
 * queue order — priority, amount past due, days past due, the oldest case first. A claim whose time ran
 * out counts as none.
 */
export async function listCollectionQueue(
  deps: Pick<CollectionsDeps, 'db' | 'clock' | 'strategies'>,
  input: QueueRequest,
): Promise<CollectionCase[]> {
  mustCollect(input.by);
  const limit = input.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    throw AppError.invalid('limit', 'range', 'must be a whole number from 1 to 500');
  const strategy = strategyOn(await deps.strategies(deps.db), deps.clock.today());
  const buckets = CASE_BUCKETS.filter(
    (bucket) => inCallQueue(strategy, bucket) && (input.bucket === undefined || input.bucket === bucket),
  );
  if (buckets.length === 0) return [];
  return store.queue(deps.db, {
    buckets,
    now: deps.clock.now(),
    claim: input.view ?? 'unclaimed',
    collectorId: input.by.keyId,
    ...(input.product ? { product: input.product } : {}),
    limit,
  });
}
