import type { Principal } from '../platform/auth/api-keys.ts';
import type { Queryable } from '../platform/database/database.ts';
import { AppError, isAppError } from '../platform/errors/app-error.ts';
import { addDays, businessDateOf } from '../platform/time/local-date.ts';
import type { Appeal } from './appeal.ts';
import type { AppealDeps, DecisionRecord, FileAppealInput } from './appeal-ports.ts';
import { customerActor, filedAppeal, validateFiling } from './appeal-rules.ts';
import type { AppealSettings } from './appeal-settings.ts';
import { mustFindAppeal } from './appeal-steps.ts';
import { customerStatusText, windowClosedText } from './appeal-texts.ts';
import * as repository from './appeals.pg.ts';
import { deliverAppealNotificationsQuietly } from './deliver-appeal-notifications.ts';
import { recheckAppeal, type RecheckDeps } from './recheck-appeal.ts';

export type { FileAppealInput } from './appeal-ports.ts';

/**
 * Files an appeal durably — the appeal, its `filed` audit event and the "received" notification in one
 * transaction, before anything else runs — then runs the re-check at once. A failure of the re-check
 * leaves the filed appeal for the recovery pass and is reported, not answered.
 */
export async function fileAppeal(
  deps: RecheckDeps,
  input: FileAppealInput & { readonly by: Principal },
): Promise<Appeal> {
  const { db, clock, ids, settings } = deps;
  const { category, statement, evidenceIds } = validateFiling(settings, input);
  const decision = await appealableDecision(deps, input);
  const now = clock.now();
  mustBeWithinWindow(settings, decision, now);
  await mustHaveNoOtherAppeal(db, input);
  await mustKnowEvidence(db, input.customerId, evidenceIds);
  const appeal = filedAppeal(
    {
      id: ids.next('appeal'),
      customerId: input.customerId,
      category,
      statement,
      evidenceIds,
      filedAt: now,
      filedBy: customerActor(input.customerId, input.by),
    },
    decision,
  );
  await db.transaction(async (tx) => {
    await repository.insertAppeal(tx, appeal);
    await repository.insertEvents(tx, [
      {
        id: ids.next('audit'),
        appealId: appeal.id,
        customerId: appeal.customerId,
        seq: 1,
        action: 'filed',
        actor: appeal.filedBy,
        at: now,
        statusBefore: null,
        statusAfter: 'filed',
        before: {},
        after: {
          decisionId: decision.id,
          category,
          evidenceIds,
          amountAtStake: appeal.amountAtStake.toString(),
        },
        note: null,
      },
    ]);
    await repository.insertNotifications(tx, [
      {
        id: ids.next('notification'),
        appealId: appeal.id,
        customerId: appeal.customerId,
        kind: 'received',
        text: customerStatusText(appeal, null),
        createdAt: now,
        deliveredAt: null,
      },
    ]);
  });
  await deliverAppealNotificationsQuietly(deps, appeal.id);
  await deps.hooks?.afterFiled?.(appeal.id);
  try {
    return await recheckAppeal(deps, { appealId: appeal.id });
  } catch (error) {
    // The appeal is on record; the recovery pass finishes the re-check.
    deps.onError?.(error, `recheck ${appeal.id}`);
    return mustFindAppeal(db, appeal.id);
  }
}

/** The decision appealed: this customer's, and an original (not a re-check or an override). */
async function appealableDecision(
  deps: Pick<AppealDeps, 'ports'>,
  input: Pick<FileAppealInput, 'decisionId' | 'customerId'>,
): Promise<DecisionRecord> {
  // Someone else's decision and an unknown one get the same answer: the app learns nothing.
  const decision = await deps.ports.decision(input.decisionId).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') return undefined;
    throw error;
  });
  if (!decision || decision.customerId !== input.customerId)
    throw AppError.notFound('decision', input.decisionId);
  if (decision.kind === 'recheck' || decision.kind === 'override')
    throw AppError.invalid(
      'decisionId',
      'appealable-kind',
      `a ${decision.kind} belongs to an appeal already; appeal the original decision`,
    );
  return decision;
}

/** The appeal window: `windowDays` from the decision date, on the business date of `now` (422 after). */
function mustBeWithinWindow(
  settings: AppealSettings,
  decision: Pick<DecisionRecord, 'decisionDate'>,
  now: Date,
): void {
  const closes = addDays(decision.decisionDate, settings.windowDays);
  if (businessDateOf(now) <= closes) return;
  const reason = windowClosedText(decision.decisionDate, closes, settings.windowDays);
  throw new AppError('UNPROCESSABLE', `the appeal window closed on ${closes}`, {
    issues: [
      {
        field: 'decisionId',
        rule: 'appeal-window',
        message: `decisions may be appealed for ${settings.windowDays} days; this one was decided on ${decision.decisionDate}`,
      },
    ],
    details: { windowClosedOn: closes, reason },
  });
}

/** One open appeal per decision, and none after an appeal of it was decided (409 either way). */
async function mustHaveNoOtherAppeal(
  q: Queryable,
  input: Pick<FileAppealInput, 'decisionId' | 'customerId'>,
): Promise<void> {
  const open = await repository.openAppealOf(q, input.customerId, input.decisionId);
  if (open)
    throw new AppError('CONFLICT', 'this decision already has an open appeal', {
      issues: [
        {
          field: 'decisionId',
          rule: 'one-open-appeal',
          message: 'the decision already has an open appeal',
        },
      ],
      details: { appealId: open },
    });
  const resolved = await repository.resolvedAppealOf(q, input.customerId, input.decisionId);
  if (resolved)
    throw new AppError('CONFLICT', 'this decision was appealed already and the appeal is decided', {
      issues: [
        {
          field: 'decisionId',
          rule: 'already-resolved',
          message: 'a decision is appealed once; apply again to be decided anew',
        },
      ],
      details: { appealId: resolved },
    });
}

/** Every evidence id cited was uploaded for this customer (another customer's file is as unknown). */
async function mustKnowEvidence(
  q: Queryable,
  customerId: string,
  evidenceIds: readonly string[],
): Promise<void> {
  const found = await repository.findEvidence(q, customerId, evidenceIds);
  const known = new Set(found.map((evidence) => evidence.evidenceId));
  for (const [index, id] of evidenceIds.entries()) {
    if (!known.has(id))
      throw AppError.invalid(
        `evidence[${index}]`,
        'unknown-evidence',
        `no evidence ${id} was uploaded for this customer`,
      );
  }
}
