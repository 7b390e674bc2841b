/**
 * The collections context's public surface (see docs/collections.md): types, the pure rules and the port
 * the day-end's collections step calls. Nothing reachable from here opens a database: the composition root
 * wires `createCollectionsDay` and `createCollectionsService` from their own files.
 */
export {
  CASE_BUCKETS,
  CLOSE_REASONS,
  COLLECTION_PRODUCTS,
  priorityOf,
  stepCase,
  type AccountFacts,
  type AccountStanding,
  type CaseBucket,
  type CaseEvent,
  type CloseReason,
  type CollectionCase,
  type CollectionProduct,
} from './collection-case.ts';
export {
  DEFAULT_COLLECTION_STRATEGY,
  fixedStrategies,
  parseCollectionStrategies,
  strategyIssues,
  strategyOn,
  withStoredStrategies,
  type CollectionStrategy,
  type StrategySource,
} from './collection-strategy.ts';
export { checkContact, withinContactHours } from './collection-contact.ts';
export { resolvePromise, type PromiseToPay } from './promise-to-pay.ts';
export type { CollectionsDay, CollectionsDayResult } from './collections-day-port.ts';
