import { actorOfPrincipal } from '../platform/audit/audit-log.ts';
import type { Principal } from '../platform/auth/api-keys.ts';
import type { Queryable } from '../platform/database/database.ts';
import { AppError } from '../platform/errors/app-error.ts';
import type { CollectionCase } from './collection-case.ts';
import { inCallQueue, strategyOn } from './collection-strategy.ts';
import * as store from './collections.pg.ts';
import { collectorOf, mustCollect, type CollectionsDeps } from './collections-ports.ts';

/**
 * A collector takes a case for the strategy's claim minutes. Claiming a case one already holds extends
 * the claim (a retry changes nothing but the expiry). Refused: a closed case (409 `status` / `open`), a
 * case in a bucket the strategy does not queue (422 `bucket` / `call-queue`), a case another collector
 * holds (409 `claim` / `held-by-another`, naming until when). Audited (`collections.claim`).
 */
export async function claimCollectionCase(
  deps: CollectionsDeps,
  input: { readonly caseId: string; readonly by: Principal },
): Promise<CollectionCase> {
  mustCollect(input.by);
  const located = await store.findCase(deps.db, input.caseId);
  if (!located) throw AppError.notFound('collection case', input.caseId);
  return deps.db.transaction(async (tx) => {
    const current = await store.lockCase(tx, located.customerId, located.id);
    if (!current) throw AppError.notFound('collection case', input.caseId);
    return claimLocked(deps, tx, current, input.by);
  });
}

/** Claims a case already locked in `tx` (shared with claim-next). */
export async function claimLocked(
  deps: CollectionsDeps,
  tx: Queryable,
  current: CollectionCase,
  by: Principal,
): Promise<CollectionCase> {
  const now = deps.clock.now();
  if (current.status !== 'open')
    throw new AppError('CONFLICT', `collection case ${current.id} is closed (${current.closeReason})`, {
      issues: [{ field: 'status', rule: 'open', message: 'only an open case can be claimed' }],
    });
  const strategy = strategyOn(await deps.strategies(tx), deps.clock.today());
  if (!inCallQueue(strategy, current.bucket))
    throw AppError.invalid(
      'bucket',
      'call-queue',
      `${current.bucket} cases are not in the call queue (it starts at ${strategy.callQueueFrom})`,
    );
  const live = current.claimExpiresAt !== null && current.claimExpiresAt.getTime() > now.getTime();
  const collector = collectorOf(by);
  if (live && current.claimedBy && current.claimedBy.id !== collector.id)
    throw new AppError('CONFLICT', `collection case ${current.id} is held by ${current.claimedBy.name}`, {
      issues: [
        {
          field: 'claim',
          rule: 'held-by-another',
          message: `held by ${current.claimedBy.name} until ${current.claimExpiresAt?.toISOString()}`,
        },
      ],
    });
  const expiresAt = new Date(now.getTime() + strategy.claimMinutes * 60_000);
  const claimedAt = live && current.claimedAt ? current.claimedAt : now;
  await store.setClaim(tx, current, { by: collector, at: claimedAt, expiresAt }, now);
  await deps.audit.record(
    {
      actor: actorOfPrincipal(by),
      action: 'collections.claim',
      subject: { type: 'collection-case', id: current.id },
      outcome: 'ok',
      details: { expiresAt: expiresAt.toISOString(), extended: live },
    },
    tx,
  );
  return { ...current, claimedBy: collector, claimedAt, claimExpiresAt: expiresAt, updatedAt: now };
}
