import { once, parseIdempotencyKey } from '../../ledger/index.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { parseHardshipReasons } from '../loans/hardship.ts';
import { withSubject, type HardshipRequestOf } from './hardship-requests.pg.ts';
import {
  auditActorOf,
  carryOutHardship,
  type HardshipAskInput,
  type HardshipLayerDeps,
  type HardshipOutcomeOf,
  type HardshipProduct,
  type PlannedHardship,
} from './hardship-product.ts';

interface StoredOutcome {
  readonly requestId: string;
  readonly customerId: string;
}

/**
 * Staff ask for a hardship change on a loan or a credit line (issue 15, item 4), with one to five reasons.
 * Checked at once against the subject as it stands today and the rules in force (refused with the field and
 * the rule, nothing written). When its money effect is at most the rules' `secondPersonAbove`, it is applied
 * in the same transaction; above it, it waits (`pending`) for another person (`approveHardship`). Idempotent
 * under its key: the same key and request answer the same request (on a replay, without the plan).
 */
export async function requestHardship<
  Ask extends { readonly tool: string },
  Key extends string,
  View,
  Replay,
  Planned extends PlannedHardship<View>,
>(
  deps: HardshipLayerDeps,
  product: HardshipProduct<Ask, Key, View, Replay, Planned>,
  input: { readonly subjectId: string } & HardshipAskInput<Ask>,
): Promise<{ outcome: HardshipOutcomeOf<HardshipRequestOf<Ask, Key>, View | Replay>; replayed: boolean }> {
  const { subjectKey, codec } = product.store.spec;
  const key = parseIdempotencyKey(input.idempotencyKey);
  const reasons = parseHardshipReasons(input.reasons);
  const where = await product.locate(deps.db, input.subjectId);
  const plan = await product.planner();
  return deps.db.transaction(async (tx) => {
    let fresh: HardshipOutcomeOf<HardshipRequestOf<Ask, Key>, View> | undefined;
    const { value, replayed } = await once<StoredOutcome>(
      deps.idempotency,
      tx,
      {
        customerId: where.customerId,
        scope: product.idempotencyScope,
        key,
        request: {
          [subjectKey]: input.subjectId,
          ask: codec.encode(input.ask),
          reasons,
          maker: input.maker.keyId,
        },
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
        const id = deps.ids.next(product.idKind);
        const planned = await plan(tx, where, input.subjectId, input.ask, id);
        const { moneyEffect, before, after } = planned.plan;
        const needsSecondPerson = moneyEffect > planned.rules.secondPersonAbove;
        const now = deps.clock.now();
        const request = withSubject(
          {
            id,
            customerId: where.customerId,
            ask: codec.decode(codec.encode(input.ask)),
            moneyEffect,
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
          },
          subjectKey,
          input.subjectId,
        );
        await product.store.insert(tx, request);
        await deps.audit?.record(
          {
            actor: auditActorOf(input.maker),
            action: `${product.auditName}.hardship-request`,
            subject: { type: product.auditName, id: input.subjectId },
            outcome: 'ok',
            details: {
              requestId: id,
              tool: input.ask.tool,
              moneyEffectFen: moneyEffect.toString(),
              needsSecondPerson,
              reasons: reasons.map((reason) => reason.code),
            },
          },
          tx,
        );
        if (needsSecondPerson) {
          fresh = { request, before, after, journalIds: [] };
          return { requestId: id, customerId: where.customerId };
        }
        const done = await carryOutHardship(deps, product, tx, request, planned, input.maker);
        const applied = { ...request, status: 'applied' as const, eventSeq: done.seq, decidedAt: now };
        await product.store.decide(tx, applied);
        fresh = { request: applied, before, after, journalIds: done.journalIds };
        return { requestId: id, customerId: where.customerId };
      },
    );
    if (fresh && !replayed) return { outcome: fresh, replayed };
    const stored = await product.store.find(tx, value.customerId, value.requestId);
    if (!stored) throw AppError.notFound('hardship request', value.requestId);
    const none = product.replayView;
    return { outcome: { request: stored, before: none, after: none, journalIds: [] }, replayed: true };
  });
}
