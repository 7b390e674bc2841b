import type { Queryable } from '../platform/database/database.ts';
import { AppError } from '../platform/errors/app-error.ts';
import type { Money } from '../platform/money/money.ts';
import { toExactRateString, type Rate } from '../platform/money/rate.ts';
import type { Appeal } from './appeal.ts';
import type { AppealDeps } from './appeal-ports.ts';
import { slaBreachEvent } from './appeal-sla.ts';
import { transition, withOverride, type AppealCommand, type Transition } from './appeal-status.ts';
import { customerStatusText } from './appeal-texts.ts';
import * as repository from './appeals.pg.ts';
import { deliverAppealNotificationsQuietly, type DeliveryDeps } from './deliver-appeal-notifications.ts';

/**
 * Steps several appeals use cases share: finding an appeal, writing a transition with its audit events and
 * notifications, and the locked apply-a-command-then-deliver round every reviewer and customer action takes.
 */

/** The limit and price a transition grants the customer (rendered into the notifications), if any. */
export type Granted = { limit: Money; apr: Rate } | null;

/** The appeal, or NOT_FOUND. */
export async function mustFindAppeal(q: Queryable, appealId: string): Promise<Appeal> {
  const appeal = await repository.findAppeal(q, appealId);
  if (!appeal) throw AppError.notFound('appeal', appealId);
  return appeal;
}

/**
 * Writes a transition inside `tx`: the appeal (version-checked), its audit events in sequence and the
 * notifications it asks for (texts rendered now, as the customer will read them).
 */
export async function persistTransition(
  deps: Pick<AppealDeps, 'ids'>,
  tx: Queryable,
  change: { before: Appeal; result: Transition; at: Date; granted: Granted },
): Promise<void> {
  const { before, result, at, granted } = change;
  if (result.events.length === 0) return;
  await repository.updateAppeal(tx, result.appeal, before.version);
  // The first action on an overdue appeal puts the breach on the record first, if no pass did yet.
  const breach = slaBreachEvent(before, at);
  const drafts =
    breach && !(await repository.slaBreachRecorded(tx, before.customerId, before.id))
      ? [breach, ...result.events]
      : result.events;
  let seq = await repository.nextSeq(tx, before.customerId, before.id);
  await repository.insertEvents(
    tx,
    drafts.map((draft) => ({
      ...draft,
      id: deps.ids.next('audit'),
      appealId: before.id,
      customerId: before.customerId,
      seq: seq++,
    })),
  );
  await repository.insertNotifications(
    tx,
    result.notify.map((kind) => ({
      id: deps.ids.next('notification'),
      appealId: before.id,
      customerId: before.customerId,
      kind,
      text: customerStatusText(result.appeal, granted),
      createdAt: at,
      deliveredAt: null,
    })),
  );
}

/** What applying a command needs. */
export type ApplyDeps = DeliveryDeps & Pick<AppealDeps, 'ports'>;

/**
 * Locks the appeal, applies a command, records an override if the transition asks for one (in the same
 * transaction, with the facility change), writes everything, then delivers the notifications.
 */
export async function applyAppealCommand(
  deps: ApplyDeps,
  appealId: string,
  build: (current: Appeal) => AppealCommand,
): Promise<Appeal> {
  const { db, clock, ports } = deps;
  const at = clock.now();
  const appeal = await db.transaction(async (tx) => {
    const current = await repository.findAppeal(tx, appealId, { forUpdate: true });
    if (!current) throw AppError.notFound('appeal', appealId);
    let result = transition(current, build(current), at);
    const instruction = result.override;
    if (instruction) {
      const checker = instruction.checker;
      const override = await ports.recordOverride(tx, {
        decisionId: current.decisionId,
        appealId: current.id,
        reviewer: instruction.reviewId,
        note: `${instruction.note} [maker ${instruction.maker.name} (${instruction.maker.id})${checker ? `, checker ${checker.name} (${checker.id})` : ''}]`,
        outcome: 'approved',
        limit: instruction.terms.limit,
        apr: toExactRateString(instruction.terms.apr),
      });
      result = withOverride(result, override.id);
    }
    await persistTransition(deps, tx, {
      before: current,
      result,
      at,
      granted: instruction ? instruction.terms : null,
    });
    return result.appeal;
  });
  await deliverAppealNotificationsQuietly(deps, appealId);
  return appeal;
}
