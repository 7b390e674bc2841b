import { actorOfPrincipal } from '../platform/audit/audit-log.ts';
import type { Principal } from '../platform/auth/api-keys.ts';
import { AppError } from '../platform/errors/app-error.ts';
import type { CollectionCase } from './collection-case.ts';
import * as store from './collections.pg.ts';
import { collectorOf, mustCollect, type CollectionsDeps } from './collections-ports.ts';

/**
 * The collector holding a case puts it back in the queue (an admin may release anyone's). Releasing a
 * case nobody holds (or whose claim ran out) changes nothing and answers the case: a retry is harmless.
 * Another collector's live claim: 409 `claim` / `held-by-another`. Audited (`collections.release`).
 */
export async function releaseCollectionCase(
  deps: CollectionsDeps,
  input: { readonly caseId: string; readonly by: Principal },
): Promise<CollectionCase> {
  mustCollect(input.by);
  const located = await store.findCase(deps.db, input.caseId);
  if (!located) throw AppError.notFound('collection case', input.caseId);
  return deps.db.transaction(async (tx) => {
    const current = await store.lockCase(tx, located.customerId, located.id);
    if (!current) throw AppError.notFound('collection case', input.caseId);
    const now = deps.clock.now();
    const live = current.claimExpiresAt !== null && current.claimExpiresAt.getTime() > now.getTime();
    if (!current.claimedBy) return current;
    const mine = current.claimedBy.id === collectorOf(input.by).id;
    if (live && !mine && input.by.role !== 'admin')
      throw new AppError('CONFLICT', `collection case ${current.id} is held by ${current.claimedBy.name}`, {
        issues: [{ field: 'claim', rule: 'held-by-another', message: `held by ${current.claimedBy.name}` }],
      });
    await store.setClaim(tx, current, null, now);
    await deps.audit.record(
      {
        actor: actorOfPrincipal(input.by),
        action: 'collections.release',
        subject: { type: 'collection-case', id: current.id },
        outcome: 'ok',
        details: { heldBy: current.claimedBy.name, lapsed: !live },
      },
      tx,
    );
    return { ...current, claimedBy: null, claimedAt: null, claimExpiresAt: null, updatedAt: now };
  });
}
