import { reviewerActor, type Actor } from '../appeals/index.ts';
import type { Principal } from '../platform/auth/api-keys.ts';
import { toExactRateString } from '../platform/money/rate.ts';
import type { Product } from '../policy/index.ts';
import { close, effective, isClosed, mustHold, type Change, type ReferralCase } from './referral.ts';
import {
  deliverReferralNotificationsQuietly,
  recordDecidedNotification,
  type ReferralDeliveryDeps,
} from './referral-notifications.ts';
import type { DecisionRecord, ReferralDeps } from './referral-ports.ts';
import { mustReview } from './referral-rules.ts';
import {
  auditReferral,
  mustFindCase,
  persistChange,
  termsToday,
  withRefusalsRecorded,
} from './referral-steps.ts';
import { refuseIfSuperseded } from './supersede-referral.ts';

type RerunDeps = ReferralDeliveryDeps & Pick<ReferralDeps, 'ports' | 'audit'>;

/**
 * The reviewer holding a case decides it again now, on current data (the verification refreshed first: a
 * provider outage may be over). A result that no longer refers answers the customer and closes the case
 * with it; a result still referred goes on the case's history and leaves the case as it was.
 */
export async function rerunReferral(
  deps: RerunDeps,
  input: { referralId: string; by: Principal },
): Promise<{ referral: ReferralCase; decision: DecisionRecord }> {
  const { referralId, by } = input;
  const { db, clock, ports } = deps;
  mustReview(by);
  const actor = reviewerActor(by);
  return withRefusalsRecorded(deps, { referralId, verb: 'rerun', by }, async () => {
    const stored = await mustFindCase(db, referralId);
    mustHold(stored, actor, clock.now(), 're-run');
    await refuseIfSuperseded(deps, stored);
    const original = await ports.decision(stored.decisionId);
    // A fault of the verification is the decision's to record (it refers again), not the reviewer's error.
    await ports
      .verify(stored.customerId)
      .catch((error: unknown) => deps.onError?.(error, `verify ${referralId}`));
    const decision = await ports.decide({
      customerId: stored.customerId,
      productCode: stored.productCode,
      requestedAmount: original.requestedAmount,
      kind: 'recheck',
      linkedTo: stored.id,
    });
    const { product } = await termsToday(deps, stored);
    const referral = await recordRerun(deps, { referralId, by, actor, decision, product });
    await deliverReferralNotificationsQuietly(deps, referralId);
    return { referral: effective(referral, clock.now()), decision };
  });
}

/** Writes the re-run's outcome on the locked case: closed with it, or the re-run on its history only. */
async function recordRerun(
  deps: RerunDeps,
  rerun: { referralId: string; by: Principal; actor: Actor; decision: DecisionRecord; product: Product },
): Promise<ReferralCase> {
  const { referralId, by, actor, decision, product } = rerun;
  return deps.db.transaction(async (tx) => {
    const current = await mustFindCase(tx, referralId, true);
    const now = deps.clock.now();
    const details = {
      decisionId: decision.id,
      outcome: decision.outcome,
      limit: decision.limit.toString(),
      apr: decision.apr === null ? null : toExactRateString(decision.apr),
    };
    let change: Change;
    if (decision.outcome !== 'referred' && !isClosed(current.status)) {
      // The re-run answers the customer: the case closes with it, whoever holds it now.
      change = close(current, actor, now, {
        closedBy: 'rerun',
        outcome: decision.outcome,
        decisionId: decision.id,
        action: 'rerun',
      });
    } else {
      // Still referred (or closed meanwhile): the re-run is on the history, the case as it was.
      const status = effective(current, now).status;
      change = {
        referral: { ...current, version: current.version + 1 },
        events: [
          { action: 'rerun', actor, at: now, statusBefore: status, statusAfter: status, details, note: null },
        ],
      };
    }
    await persistChange(deps, tx, current, change);
    if (change.referral.status === 'decided')
      await recordDecidedNotification(deps, tx, {
        referral: change.referral,
        decision,
        by: 'rerun',
        product,
      });
    await auditReferral(deps, { by, verb: 'rerun', referral: current, outcome: 'ok', details }, tx);
    return change.referral;
  });
}
