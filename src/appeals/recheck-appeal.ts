import { AppError } from '../platform/errors/app-error.ts';
import type { Appeal } from './appeal.ts';
import type { AppealDeps, DecisionRecord } from './appeal-ports.ts';
import { queueDue, recheckFacilityReason, recheckRetryAt } from './appeal-rules.ts';
import { transition, type AppealCommand } from './appeal-status.ts';
import { mustFindAppeal, persistTransition, type Granted } from './appeal-steps.ts';
import * as repository from './appeals.pg.ts';
import { deliverAppealNotificationsQuietly } from './deliver-appeal-notifications.ts';
import { recheckDiff, resolvesWithoutPerson } from './recheck-comparison.ts';

/** What the re-check step needs. */
export type RecheckDeps = Pick<
  AppealDeps,
  'db' | 'clock' | 'ids' | 'settings' | 'calendar' | 'notifier' | 'ports' | 'hooks' | 'onError'
>;

/**
 * Runs (or resumes) the re-check step of one filed appeal, when it is due and free: a worker takes a lease
 * on it, refreshes the customer's verification, records a re-check decision (or reuses one an interrupted
 * attempt recorded), and settles the appeal in one transaction — resolved in the customer's favour (with
 * the facility change), queued for a person, or deferred after a fault. Returns the appeal as it stands.
 */
export async function recheckAppeal(deps: RecheckDeps, input: { appealId: string }): Promise<Appeal> {
  const { db, clock, settings, ports } = deps;
  const { appealId } = input;
  const now = clock.now();
  const claimed = await repository.claimRecheck(
    db,
    appealId,
    now,
    new Date(now.getTime() + settings.recheckLeaseMs),
  );
  if (!claimed) return mustFindAppeal(db, appealId);
  // Every attempt failed outright: a person takes the case without a re-check.
  if (claimed.recheckAttempts >= settings.maxRecheckAttempts) return giveUp(deps, appealId);
  let original: DecisionRecord;
  let decision: DecisionRecord;
  try {
    original = await ports.decision(claimed.decisionId);
    const recorded = await recordedRecheck(deps, claimed);
    if (recorded) decision = recorded;
    else {
      // Current data: verification re-run through the provider, then a new decision on today's snapshot,
      // model and policy. The facility is left alone here: only a re-check that settles the appeal in the
      // customer's favour changes it, in the settling transaction.
      await ports.verify(claimed.customerId);
      decision = await ports.decide({
        customerId: claimed.customerId,
        productCode: claimed.productCode,
        requestedAmount: original.requestedAmount,
        kind: 'recheck',
        linkedTo: claimed.id,
        applyToFacility: false,
      });
    }
  } catch (error) {
    // Not even a referral could be recorded (the database or a port failed outright): give the step back
    // for a later pass.
    await repository
      .releaseRecheck(db, appealId, recheckRetryAt(settings, claimed.recheckAttempts + 1, clock.now()))
      .catch((release: unknown) => deps.onError?.(release, `release ${appealId}`));
    throw error;
  }
  await deps.hooks?.afterRecheckDecision?.(appealId);
  const settled = await settleRecheck(deps, appealId, original, decision);
  await deliverAppealNotificationsQuietly(deps, appealId);
  return settled ?? mustFindAppeal(db, appealId);
}

/**
 * Settles a filed appeal with its re-check decision, in one transaction: a fault defers it (or queues it
 * when the attempts are used up), otherwise the diff decides between resolved and queued. Undefined when
 * the appeal is gone; the appeal untouched when it is no longer filed.
 */
async function settleRecheck(
  deps: RecheckDeps,
  appealId: string,
  original: DecisionRecord,
  decision: DecisionRecord,
): Promise<Appeal | undefined> {
  const { db, clock, settings, calendar, ports } = deps;
  const at = clock.now();
  const diff = recheckDiff(original, decision);
  return db.transaction(async (tx) => {
    const current = await repository.findAppeal(tx, appealId, { forUpdate: true });
    // Withdrawn (or settled by another worker) meanwhile: the re-check stays on record, nothing else.
    if (!current || current.status !== 'filed') return current;
    const queue = queueDue(current, calendar, settings);
    const attempts = current.recheckAttempts + 1;
    const command: AppealCommand =
      decision.fault !== null
        ? {
            type: 'recheck_fault',
            recheckDecisionId: decision.id,
            nextRecheckAt: recheckRetryAt(settings, attempts, at),
            giveUp: attempts >= settings.maxRecheckAttempts,
            queue,
          }
        : {
            type: 'recheck',
            recheckDecisionId: decision.id,
            diff,
            resolves: resolvesWithoutPerson(diff, decision),
            queue,
          };
    const result = transition(current, command, at);
    let granted: Granted = null;
    if (result.appeal.resolution === 'overturned_by_recheck') {
      if (decision.productType === null || decision.apr === null)
        throw new AppError('INTERNAL', 'an approving re-check has no product type or rate');
      await ports.applyToFacility(tx, {
        customerId: current.customerId,
        productType: decision.productType,
        limit: decision.limit,
        apr: decision.apr,
        decisionId: decision.id,
        reason: recheckFacilityReason(current.id),
      });
      granted = { limit: decision.limit, apr: decision.apr };
    }
    await persistTransition(deps, tx, { before: current, result, at, granted });
    return result.appeal;
  });
}

/** Queues a filed appeal whose re-check could not run at all, as often as allowed. */
async function giveUp(deps: RecheckDeps, appealId: string): Promise<Appeal> {
  const { db, clock, settings, calendar } = deps;
  const at = clock.now();
  const settled = await db.transaction(async (tx) => {
    const current = await repository.findAppeal(tx, appealId, { forUpdate: true });
    if (!current || current.status !== 'filed') return current;
    const result = transition(
      current,
      {
        type: 'recheck_fault',
        recheckDecisionId: null,
        nextRecheckAt: at,
        giveUp: true,
        queue: queueDue(current, calendar, settings),
      },
      at,
    );
    await persistTransition(deps, tx, { before: current, result, at, granted: null });
    return result.appeal;
  });
  await deliverAppealNotificationsQuietly(deps, appealId);
  return settled ?? mustFindAppeal(db, appealId);
}

/** The re-check decision an earlier, interrupted attempt already recorded (not a fault), if any. */
async function recordedRecheck(
  deps: Pick<AppealDeps, 'ports'>,
  appeal: Appeal,
): Promise<DecisionRecord | undefined> {
  let before: string | undefined;
  for (;;) {
    const page = await deps.ports.decisions(appeal.customerId, { limit: 100, ...(before ? { before } : {}) });
    for (const summary of page) {
      if (summary.kind !== 'recheck' || summary.linkedTo !== appeal.id) continue;
      const record = await deps.ports.decision(summary.id);
      if (record.fault === null) return record;
    }
    const last = page[page.length - 1];
    // Re-checks come after the filing; older pages cannot hold one.
    if (!last || page.length < 100 || last.decidedAt.getTime() < appeal.filedAt.getTime()) return undefined;
    before = last.id;
  }
}
