import type { Queryable } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { checkSecondPerson } from '../loans/decide-hardship.ts';
import type { HardshipActor } from '../loans/hardship-requests.pg.ts';
import { auditActorOf } from '../loans/hardship-steps.ts';
import { locate } from './line-command.ts';
import {
  decideLineHardshipRequest,
  findLineHardshipRequest,
  listLineHardshipRequests,
  locateLineHardshipRequest,
  type LineHardshipRequest,
} from './line-hardship-requests.pg.ts';
import { carryOutOnLine, planOnLockedLine, type LineHardshipDeps } from './line-hardship-steps.ts';
import type { LineHardshipOutcome } from './request-line-hardship.ts';

/** A pending request of this line, locked; refused (422 `requestId` / `pending-request`) once decided. */
async function lockPending(
  tx: Queryable,
  at: { customerId: string; lineId: string },
  requestId: string,
): Promise<LineHardshipRequest> {
  const request = await findLineHardshipRequest(tx, at.customerId, requestId, true);
  if (!request || request.lineId !== at.lineId) throw AppError.notFound('hardship request', requestId);
  if (request.status !== 'pending')
    throw AppError.invalid(
      'requestId',
      'pending-request',
      `hardship request ${requestId} is ${request.status} already; only a pending request can be decided`,
    );
  return request;
}

/** The request's customer and line (404 when the request is not one of this line's). */
async function where(deps: LineHardshipDeps, lineId: string, requestId: string) {
  const found = await locateLineHardshipRequest(deps.db, requestId);
  if (!found || found.lineId !== lineId) throw AppError.notFound('hardship request', requestId);
  const line = await locate(deps.db, lineId);
  return { customerId: found.customerId, lineId, facilityId: line.facilityId };
}

/**
 * A second person approves a pending request: every rule is checked again on the line as it stands today (a
 * payment, another change or the day-end may have moved it since), then it is carried out in one transaction.
 * Refused, with nothing written: the maker approving (403 `checker` / `maker-checker`, the loans' rule), a
 * request already applied or rejected (422 `requestId` / `pending-request`), and any rule the line no longer
 * meets (e.g. `interest` / `within-owed` after a payment took the interest).
 */
export async function approveLineHardship(
  deps: LineHardshipDeps,
  input: { readonly lineId: string; readonly requestId: string; readonly checker: HardshipActor },
): Promise<LineHardshipOutcome> {
  const at = await where(deps, input.lineId, input.requestId);
  return deps.db.transaction(async (tx) => {
    const pending = await lockPending(tx, at, input.requestId);
    checkSecondPerson(pending, input.checker);
    const planned = await planOnLockedLine(deps, tx, at, pending.lineId, pending.ask, pending.id);
    const done = await carryOutOnLine(deps, tx, pending, planned, input.checker);
    const applied: LineHardshipRequest = {
      ...pending,
      status: 'applied',
      checker: input.checker,
      eventSeq: done.seq,
      decidedAt: deps.clock.now(),
    };
    await decideLineHardshipRequest(tx, applied);
    return {
      request: applied,
      before: planned.plan.before,
      after: planned.plan.after,
      journalIds: done.journalIds,
    };
  });
}

/** Rejects a pending request (or, by its maker, withdraws it); the line is unchanged. */
export async function rejectLineHardship(
  deps: LineHardshipDeps,
  input: {
    readonly lineId: string;
    readonly requestId: string;
    readonly note: string;
    readonly by: HardshipActor;
  },
): Promise<LineHardshipRequest> {
  const note = input.note.trim();
  if (note === '' || note.length > 500)
    throw AppError.invalid('note', 'length', 'say why in 1–500 characters');
  const at = await where(deps, input.lineId, input.requestId);
  return deps.db.transaction(async (tx) => {
    const pending = await lockPending(tx, at, input.requestId);
    const rejected: LineHardshipRequest = {
      ...pending,
      status: 'rejected',
      checker: input.by,
      decisionNote: note,
      decidedAt: deps.clock.now(),
    };
    await decideLineHardshipRequest(tx, rejected);
    await deps.audit?.record(
      {
        actor: auditActorOf(input.by),
        action: 'credit-line.hardship-reject',
        subject: { type: 'credit-line', id: pending.lineId },
        outcome: 'ok',
        details: { requestId: pending.id, tool: pending.ask.tool, note },
      },
      tx,
    );
    return rejected;
  });
}

export async function listLineHardship(
  deps: LineHardshipDeps,
  lineId: string,
): Promise<LineHardshipRequest[]> {
  const at = await locate(deps.db, lineId);
  return listLineHardshipRequests(deps.db, at.customerId, lineId);
}
