import { checkSecondPerson as checkOverrideSecondPerson } from '../facilities/facility-override.ts';
import type { Queryable } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import {
  decideHardshipRequest,
  findHardshipRequest,
  listHardshipRequests,
  locateHardshipRequest,
  type HardshipActor,
  type HardshipRequest,
} from './hardship-requests.pg.ts';
import { auditActorOf, capToday, carryOut, planOnLockedLoan, type HardshipDeps } from './hardship-steps.ts';
import { locate } from './loan-command.ts';
import type { HardshipOutcome } from './request-hardship.ts';

/** A pending request, locked; refused (422 `requestId` / `pending-request`) once decided. */
async function lockPending(tx: Queryable, customerId: string, requestId: string): Promise<HardshipRequest> {
  const request = await findHardshipRequest(tx, customerId, requestId, true);
  if (!request) throw AppError.notFound('hardship request', requestId);
  if (request.status !== 'pending')
    throw AppError.invalid(
      'requestId',
      'pending-request',
      `hardship request ${requestId} is ${request.status} already; only a pending request can be decided`,
    );
  return request;
}

async function where(deps: HardshipDeps, requestId: string) {
  const found = await locateHardshipRequest(deps.db, requestId);
  if (!found) throw AppError.notFound('hardship request', requestId);
  const loan = await locate(deps.db, found.loanId);
  return { ...found, facilityId: loan.facilityId };
}

/**
 * The checker must be another person than the maker: another key, under another name — the facility
 * overrides' rule (itself the appeals' `samePerson`), answered as a settings change request answers it:
 * 403 `maker-checker` (the act is forbidden to this person, not an invalid field), naming `checker`. Credit
 * lines' hardship requests are checked by it too.
 */
export function checkSecondPerson(
  request: Pick<HardshipRequest, 'id' | 'maker'>,
  checker: HardshipActor,
): void {
  try {
    checkOverrideSecondPerson(request, checker);
  } catch (error) {
    if (error instanceof AppError && error.code === 'FORBIDDEN')
      throw new AppError(
        'FORBIDDEN',
        'the person who asked for a hardship change cannot approve it; another person (another key, under another name) must',
        {
          issues: [
            {
              field: 'checker',
              rule: 'maker-checker',
              message: `${request.maker.name} asked for this change and cannot approve it (four-eyes)`,
            },
          ],
          details: { requestId: request.id, maker: request.maker.name },
        },
      );
    throw error;
  }
}

/**
 * A second person approves a pending request: every rule is checked again on the loan as it stands today
 * (a payment, another change or the cap may have moved since), then it is carried out in one transaction.
 * Refused, with nothing written: the maker approving (403 `checker` / `maker-checker`), a request already
 * applied or rejected (422 `requestId` / `pending-request`), and any rule the loan no longer meets.
 */
export async function approveHardship(
  deps: HardshipDeps,
  input: { readonly requestId: string; readonly checker: HardshipActor },
): Promise<HardshipOutcome> {
  const at = await where(deps, input.requestId);
  const costCap = await capToday(deps);
  return deps.db.transaction(async (tx) => {
    const pending = await lockPending(tx, at.customerId, input.requestId);
    checkSecondPerson(pending, input.checker);
    const planned = await planOnLockedLoan(deps, tx, at, pending.loanId, pending.ask, pending.id, costCap);
    const done = await carryOut(deps, tx, pending, planned, input.checker);
    const applied: HardshipRequest = {
      ...pending,
      status: 'applied',
      checker: input.checker,
      eventSeq: done.seq,
      decidedAt: deps.clock.now(),
    };
    await decideHardshipRequest(tx, applied);
    return {
      request: applied,
      before: planned.plan.before,
      after: planned.plan.after,
      journalIds: done.journals.map((journal) => journal.id),
    };
  });
}

/** Rejects a pending request (or, by its maker, withdraws it); the loan is unchanged. */
export async function rejectHardship(
  deps: HardshipDeps,
  input: { readonly requestId: string; readonly note: string; readonly by: HardshipActor },
): Promise<HardshipRequest> {
  const note = input.note.trim();
  if (note === '' || note.length > 500)
    throw AppError.invalid('note', 'length', 'say why in 1–500 characters');
  const at = await where(deps, input.requestId);
  return deps.db.transaction(async (tx) => {
    const pending = await lockPending(tx, at.customerId, input.requestId);
    const rejected: HardshipRequest = {
      ...pending,
      status: 'rejected',
      checker: input.by,
      decisionNote: note,
      decidedAt: deps.clock.now(),
    };
    await decideHardshipRequest(tx, rejected);
    await deps.audit?.record(
      {
        actor: auditActorOf(input.by),
        action: 'loan.hardship-reject',
        subject: { type: 'loan', id: pending.loanId },
        outcome: 'ok',
        details: { requestId: pending.id, tool: pending.ask.tool, note },
      },
      tx,
    );
    return rejected;
  });
}

export async function getHardshipRequest(deps: HardshipDeps, requestId: string): Promise<HardshipRequest> {
  const at = await locateHardshipRequest(deps.db, requestId);
  const request = at && (await findHardshipRequest(deps.db, at.customerId, requestId));
  if (!request) throw AppError.notFound('hardship request', requestId);
  return request;
}

export async function listLoanHardship(deps: HardshipDeps, loanId: string): Promise<HardshipRequest[]> {
  const at = await locate(deps.db, loanId);
  return listHardshipRequests(deps.db, at.customerId, loanId);
}
