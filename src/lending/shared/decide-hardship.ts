import type { Queryable } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { HardshipActor, HardshipRequestOf, HardshipRequestStore } from './hardship-requests.pg.ts';
import {
  auditActorOf,
  carryOutHardship,
  checkSecondPerson,
  type HardshipLayerDeps,
  type HardshipOutcomeOf,
  type HardshipProduct,
  type PlannedHardship,
} from './hardship-product.ts';

type AnyProduct<Ask extends { readonly tool: string }, Key extends string> = HardshipProduct<
  Ask,
  Key,
  unknown,
  unknown,
  PlannedHardship<unknown>
>;

/** Which request is decided: by its id, and — where the path names it — the subject it must be of. */
interface RequestRef {
  readonly requestId: string;
  /** When given, a request of another subject is not found (404), as if it did not exist. */
  readonly subjectId?: string;
}

/** A pending request of the subject, locked; refused (422 `requestId` / `pending-request`) once decided. */
async function lockPending<Ask extends { readonly tool: string }, Key extends string>(
  store: HardshipRequestStore<Ask, Key>,
  tx: Queryable,
  at: { customerId: string; subjectId: string },
  requestId: string,
): Promise<HardshipRequestOf<Ask, Key>> {
  const request = await store.find(tx, at.customerId, requestId, true);
  if (!request || request[store.spec.subjectKey] !== at.subjectId)
    throw AppError.notFound('hardship request', requestId);
  if (request.status !== 'pending')
    throw AppError.invalid(
      'requestId',
      'pending-request',
      `hardship request ${requestId} is ${request.status} already; only a pending request can be decided`,
    );
  return request;
}

/** The request's customer, subject and facility (404 when there is no such request of that subject). */
async function where<Ask extends { readonly tool: string }, Key extends string>(
  deps: HardshipLayerDeps,
  product: AnyProduct<Ask, Key>,
  ref: RequestRef,
): Promise<{ customerId: string; subjectId: string; facilityId: string }> {
  const found = await product.store.locate(deps.db, ref.requestId);
  if (!found || (ref.subjectId !== undefined && found.subjectId !== ref.subjectId))
    throw AppError.notFound('hardship request', ref.requestId);
  const subject = await product.locate(deps.db, found.subjectId);
  return { customerId: found.customerId, subjectId: found.subjectId, facilityId: subject.facilityId };
}

/**
 * A second person approves a pending request: every rule is checked again on the subject as it stands today
 * (a payment, another change, the day-end or the cap may have moved it since), then it is carried out in one
 * transaction. Refused, with nothing written: the maker approving (403 `checker` / `maker-checker`), a request
 * already applied or rejected (422 `requestId` / `pending-request`), and any rule the subject no longer meets.
 */
export async function approveHardship<
  Ask extends { readonly tool: string },
  Key extends string,
  View,
  Replay,
  Planned extends PlannedHardship<View>,
>(
  deps: HardshipLayerDeps,
  product: HardshipProduct<Ask, Key, View, Replay, Planned>,
  input: RequestRef & { readonly checker: HardshipActor },
): Promise<HardshipOutcomeOf<HardshipRequestOf<Ask, Key>, View>> {
  const at = await where(deps, product, input);
  const plan = await product.planner();
  return deps.db.transaction(async (tx) => {
    const pending = await lockPending(product.store, tx, at, input.requestId);
    checkSecondPerson(pending, input.checker);
    const planned = await plan(tx, at, at.subjectId, pending.ask, pending.id);
    const done = await carryOutHardship(deps, product, tx, pending, planned, input.checker);
    const applied = {
      ...pending,
      status: 'applied' as const,
      checker: input.checker,
      eventSeq: done.seq,
      decidedAt: deps.clock.now(),
    };
    await product.store.decide(tx, applied);
    return {
      request: applied,
      before: planned.plan.before,
      after: planned.plan.after,
      journalIds: done.journalIds,
    };
  });
}

/** Rejects a pending request (or, by its maker, withdraws it); the subject is unchanged. */
export async function rejectHardship<Ask extends { readonly tool: string }, Key extends string>(
  deps: HardshipLayerDeps,
  product: AnyProduct<Ask, Key>,
  input: RequestRef & { readonly note: string; readonly by: HardshipActor },
): Promise<HardshipRequestOf<Ask, Key>> {
  const note = input.note.trim();
  if (note === '' || note.length > 500)
    throw AppError.invalid('note', 'length', 'say why in 1–500 characters');
  const at = await where(deps, product, input);
  return deps.db.transaction(async (tx) => {
    const pending = await lockPending(product.store, tx, at, input.requestId);
    const rejected = {
      ...pending,
      status: 'rejected' as const,
      checker: input.by,
      decisionNote: note,
      decidedAt: deps.clock.now(),
    };
    await product.store.decide(tx, rejected);
    await deps.audit?.record(
      {
        actor: auditActorOf(input.by),
        action: `${product.auditName}.hardship-reject`,
        subject: { type: product.auditName, id: at.subjectId },
        outcome: 'ok',
        details: { requestId: pending.id, tool: pending.ask.tool, note },
      },
      tx,
    );
    return rejected;
  });
}

/** One request, by its id alone (404 when there is none). */
export async function getHardshipRequest<Ask extends { readonly tool: string }, Key extends string>(
  deps: HardshipLayerDeps,
  product: AnyProduct<Ask, Key>,
  requestId: string,
): Promise<HardshipRequestOf<Ask, Key>> {
  const at = await product.store.locate(deps.db, requestId);
  const request = at && (await product.store.find(deps.db, at.customerId, requestId));
  if (!request) throw AppError.notFound('hardship request', requestId);
  return request;
}

/** A subject's requests, newest first (404 naming the subject when there is none). */
export async function listHardshipRequests<Ask extends { readonly tool: string }, Key extends string>(
  deps: HardshipLayerDeps,
  product: AnyProduct<Ask, Key>,
  subjectId: string,
): Promise<HardshipRequestOf<Ask, Key>[]> {
  const at = await product.locate(deps.db, subjectId);
  return product.store.list(deps.db, at.customerId, subjectId);
}
