import { AppError } from '../platform/errors/app-error.ts';
import type { CaseEvent, CollectionCase } from './collection-case.ts';
import type { CollectionContact } from './collection-contact.ts';
import { inCallQueue, strategyOn } from './collection-strategy.ts';
import * as store from './collections.pg.ts';
import type { CollectionsDeps } from './collections-ports.ts';
import type { PromiseToPay } from './promise-to-pay.ts';

/** A case with everything about it: history, promises, contact log, and whether it is in the call queue. */
export interface CollectionCaseFile {
  readonly case: CollectionCase;
  readonly inCallQueue: boolean;
  readonly history: readonly (CaseEvent & { readonly seq: number; readonly recordedAt: Date })[];
  readonly promises: readonly PromiseToPay[];
  readonly contacts: readonly CollectionContact[];
}

export async function getCollectionCase(
  deps: Pick<CollectionsDeps, 'db' | 'clock' | 'strategies'>,
  input: { readonly caseId: string },
): Promise<CollectionCaseFile> {
  const found = await store.findCase(deps.db, input.caseId);
  if (!found) throw AppError.notFound('collection case', input.caseId);
  const [history, promises, contacts] = await Promise.all([
    store.caseEvents(deps.db, found.customerId, found.id),
    store.casePromises(deps.db, found.customerId, found.id),
    store.caseContacts(deps.db, found.customerId, found.id),
  ]);
  const strategy = strategyOn(await deps.strategies(deps.db), deps.clock.today());
  return {
    case: found,
    inCallQueue: found.status === 'open' && inCallQueue(strategy, found.bucket),
    history,
    promises,
    contacts,
  };
}
