import { once, parseIdempotencyKey } from '../../ledger/index.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { parseHardshipReasons } from '../loans/hardship.ts';
import type { HardshipActor } from '../loans/hardship-requests.pg.ts';
import { auditActorOf } from '../loans/hardship-steps.ts';
import { locate } from './line-command.ts';
import type { LineHardshipAsk, LineHardshipFigures } from './line-hardship.ts';
import {
  decideLineHardshipRequest,
  decodeLineAsk,
  encodeLineAsk,
  findLineHardshipRequest,
  insertLineHardshipRequest,
  type LineHardshipRequest,
} from './line-hardship-requests.pg.ts';
import { carryOutOnLine, planOnLockedLine, type LineHardshipDeps } from './line-hardship-steps.ts';

/** What a request answers: the request as it stands and — when just made or applied — the line before and after. */
export interface LineHardshipOutcome {
  readonly request: LineHardshipRequest;
  readonly before: LineHardshipFigures | null;
  readonly after: LineHardshipFigures | null;
  readonly journalIds: readonly string[];
}

interface StoredOutcome {
  readonly requestId: string;
  readonly customerId: string;
}

/**
 * Staff ask for a hardship change on a credit line (issue 15, item 4 for lines), with one to five reasons.
 * Checked at once against the line as it stands today (refused with the field and the rule, nothing written).
 * When its money effect is at most the lender's `secondPersonAbove` (the loans' hardship rules), it is applied
 * in the same transaction (`carryOutOnLine`); above it, it waits (`pending`) for another person
 * (`approveLineHardship`). Idempotent under its key: the same key and request answer the same request.
 */
export async function requestLineHardship(
  deps: LineHardshipDeps,
  input: {
    readonly lineId: string;
    readonly ask: LineHardshipAsk;
    readonly reasons: readonly { code: string; note: string }[];
    readonly maker: HardshipActor;
    readonly idempotencyKey: string;
  },
): Promise<{ outcome: LineHardshipOutcome; replayed: boolean }> {
  const key = parseIdempotencyKey(input.idempotencyKey);
  const reasons = parseHardshipReasons(input.reasons);
  const where = await locate(deps.db, input.lineId);
  return deps.db.transaction(async (tx) => {
    let fresh: LineHardshipOutcome | undefined;
    const { value, replayed } = await once<StoredOutcome>(
      deps.idempotency,
      tx,
      {
        customerId: where.customerId,
        scope: 'line.hardship',
        key,
        request: { lineId: input.lineId, ask: encodeLineAsk(input.ask), reasons, maker: input.maker.keyId },
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
        const id = deps.ids.next('lineHardshipRequest');
        const planned = await planOnLockedLine(deps, tx, where, input.lineId, input.ask, id);
        const needsSecondPerson = planned.plan.moneyEffect > planned.rules.secondPersonAbove;
        const now = deps.clock.now();
        const request: LineHardshipRequest = {
          id,
          customerId: where.customerId,
          lineId: input.lineId,
          ask: decodeLineAsk(encodeLineAsk(input.ask)),
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
        await insertLineHardshipRequest(tx, request);
        await deps.audit?.record(
          {
            actor: auditActorOf(input.maker),
            action: 'credit-line.hardship-request',
            subject: { type: 'credit-line', id: input.lineId },
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
        const { before, after } = planned.plan;
        if (needsSecondPerson) {
          fresh = { request, before, after, journalIds: [] };
          return { requestId: id, customerId: where.customerId };
        }
        const done = await carryOutOnLine(deps, tx, request, planned, input.maker);
        const applied: LineHardshipRequest = {
          ...request,
          status: 'applied',
          eventSeq: done.seq,
          decidedAt: now,
        };
        await decideLineHardshipRequest(tx, applied);
        fresh = { request: applied, before, after, journalIds: done.journalIds };
        return { requestId: id, customerId: where.customerId };
      },
    );
    if (fresh && !replayed) return { outcome: fresh, replayed };
    const stored = await findLineHardshipRequest(tx, value.customerId, value.requestId);
    if (!stored) throw AppError.notFound('hardship request', value.requestId);
    return { outcome: { request: stored, before: null, after: null, journalIds: [] }, replayed: true };
  });
}
