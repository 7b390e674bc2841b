import { once, parseIdempotencyKey } from '../../ledger/index.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { parseHardshipReasons, type HardshipAsk, type HardshipPlan } from './hardship.ts';
import {
  decideHardshipRequest,
  decodeAsk,
  encodeAsk,
  findHardshipRequest,
  insertHardshipRequest,
  type HardshipActor,
  type HardshipRequest,
} from './hardship-requests.pg.ts';
import { auditActorOf, capToday, carryOut, planOnLockedLoan, type HardshipDeps } from './hardship-steps.ts';
import { locate } from './loan-command.ts';
import type { InstalmentView } from './servicing.ts';

/** What a request answers: the request as it stands, and — when it was applied — the schedule before and after. */
export interface HardshipOutcome {
  readonly request: HardshipRequest;
  readonly before: readonly InstalmentView[];
  readonly after: readonly InstalmentView[];
  readonly journalIds: readonly string[];
}

interface StoredOutcome {
  readonly requestId: string;
  readonly customerId: string;
}

/**
 * Staff ask for a hardship change on a loan (issue 15, item 4), with reasons. Checked at once against the
 * loan as it stands today and the rules in force (refused with the field and the rule, nothing written).
 * When its money effect is at most the rules' `secondPersonAbove`, it is applied in the same transaction
 * (`carryOut`); above it, it waits (`pending`) for another person (`approveHardship`). Idempotent under
 * its key: the same key and request answer the same request.
 */
export async function requestHardship(
  deps: HardshipDeps,
  input: {
    readonly loanId: string;
    readonly ask: HardshipAsk;
    readonly reasons: readonly { code: string; note: string }[];
    readonly maker: HardshipActor;
    readonly idempotencyKey: string;
  },
): Promise<{ outcome: HardshipOutcome; replayed: boolean }> {
  const key = parseIdempotencyKey(input.idempotencyKey);
  const reasons = parseHardshipReasons(input.reasons);
  const where = await locate(deps.db, input.loanId);
  const costCap = await capToday(deps);
  return deps.db.transaction(async (tx) => {
    let fresh: HardshipOutcome | undefined;
    const { value, replayed } = await once<StoredOutcome>(
      deps.idempotency,
      tx,
      {
        customerId: where.customerId,
        scope: 'loan.hardship',
        key,
        request: { loanId: input.loanId, ask: encodeAsk(input.ask), reasons, maker: input.maker.keyId },
      },
      deps.clock.now(),
      {
        encode: (outcome) => ({ ...outcome }),
        decode: (json) => {
          const j = json as Record<string, unknown>;
          return { requestId: String(j.requestId), customerId: String(j.customerId) };
        },
      },
      async () => {
        const id = deps.ids.next('hardshipRequest');
        const planned = await planOnLockedLoan(deps, tx, where, input.loanId, input.ask, id, costCap);
        const needsSecondPerson = planned.plan.moneyEffect > planned.rules.secondPersonAbove;
        const now = deps.clock.now();
        const request: HardshipRequest = {
          id,
          customerId: where.customerId,
          loanId: input.loanId,
          ask: decodeAsk(encodeAsk(input.ask)),
          moneyEffect: planned.plan.moneyEffect,
          reasons,
          maker: input.maker,
          needsSecondPerson,
          status: 'pending',
          checker: null,
          decisionNote: null,
          eventSeq: null,
          proposedOn: planned.today,
          proposedAt: now,
          decidedAt: null,
        };
        await insertHardshipRequest(tx, request);
        await deps.audit?.record(
          {
            actor: auditActorOf(input.maker),
            action: 'loan.hardship-request',
            subject: { type: 'loan', id: input.loanId },
            outcome: 'ok',
            details: {
              requestId: id,
              tool: input.ask.tool,
              moneyEffectFen: planned.plan.moneyEffect.toString(),
              needsSecondPerson,
              reasons: reasons.map((reason) => reason.code),
            },
          },
          tx,
        );
        if (needsSecondPerson) {
          fresh = { request, before: planned.plan.before, after: planned.plan.after, journalIds: [] };
          return { requestId: id, customerId: where.customerId };
        }
        const done = await carryOut(deps, tx, request, planned, input.maker);
        const applied: HardshipRequest = {
          ...request,
          status: 'applied',
          eventSeq: done.seq,
          decidedAt: now,
        };
        await decideHardshipRequest(tx, applied);
        fresh = {
          request: applied,
          before: planned.plan.before,
          after: planned.plan.after,
          journalIds: done.journals.map((journal) => journal.id),
        };
        return { requestId: id, customerId: where.customerId };
      },
    );
    if (fresh && !replayed) return { outcome: fresh, replayed };
    const stored = await findHardshipRequest(tx, value.customerId, value.requestId);
    if (!stored) throw AppError.notFound('hardship request', value.requestId);
    return { outcome: { request: stored, before: [], after: [], journalIds: [] }, replayed: true };
  });
}

export type { HardshipPlan };
