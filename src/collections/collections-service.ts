import type { Principal } from '../platform/auth/api-keys.ts';
import type { CollectionCase } from './collection-case.ts';
import { strategyOn, type CollectionStrategy } from './collection-strategy.ts';
import { claimCollectionCase } from './claim-collection-case.ts';
import { claimNextCollectionCase } from './claim-next-collection-case.ts';
import type { CollectionsDeps } from './collections-ports.ts';
import { getCollectionCase, type CollectionCaseFile } from './get-collection-case.ts';
import { listCollectionQueue, type QueueRequest } from './list-collection-queue.ts';
import {
  recordCollectionContact,
  type ContactRequest,
  type ContactResult,
} from './record-collection-contact.ts';
import { releaseCollectionCase } from './release-collection-case.ts';

/** The collectors' use cases bound to their dependencies (the routes and the CLI call these). */
export interface CollectionsService {
  queue(request: QueueRequest): Promise<CollectionCase[]>;
  getCase(caseId: string): Promise<CollectionCaseFile>;
  claim(caseId: string, by: Principal): Promise<CollectionCase>;
  claimNext(by: Principal): Promise<CollectionCase | undefined>;
  release(caseId: string, by: Principal): Promise<CollectionCase>;
  contact(request: ContactRequest): Promise<ContactResult>;
  /** The strategy in force today and every dated one. */
  strategy(): Promise<{ inForce: CollectionStrategy; all: readonly CollectionStrategy[] }>;
}

export function createCollectionsService(deps: CollectionsDeps): CollectionsService {
  return {
    queue: (request) => listCollectionQueue(deps, request),
    getCase: (caseId) => getCollectionCase(deps, { caseId }),
    claim: (caseId, by) => claimCollectionCase(deps, { caseId, by }),
    claimNext: (by) => claimNextCollectionCase(deps, { by }),
    release: (caseId, by) => releaseCollectionCase(deps, { caseId, by }),
    contact: (request) => recordCollectionContact(deps, request),
    async strategy() {
      const all = await deps.strategies(deps.db);
      return { inForce: strategyOn(all, deps.clock.today()), all };
    },
  };
}
