import type { Actor } from '../appeals/index.ts';
import type { Principal } from '../platform/auth/api-keys.ts';
import type { Product } from '../policy/index.ts';
import { close, type ReferralCase } from './referral.ts';
import {
  deliverReferralNotificationsQuietly,
  recordDecidedNotification,
  type ReferralDeliveryDeps,
} from './referral-notifications.ts';
import type { DecisionRecord, ManualReviewRequest, ReferralDeps } from './referral-ports.ts';
import { auditReferral, mustFindCase, persistChange } from './referral-steps.ts';

/** What a person's decision on a case is written with. */
export interface ReviewClosing {
  readonly referralId: string;
  /** Checked again on the locked case (the reviewer still holds it, or may still approve it). */
  readonly check: (current: ReferralCase) => void;
  readonly request: Omit<ManualReviewRequest, 'decisionId' | 'referralId' | 'productType'>;
  readonly product: Product;
  readonly actor: Actor;
  readonly principal: Principal;
  readonly action: 'decided' | 'approved';
}

/**
 * Writes the person's decision and closes the case, in one transaction: the decision record (with the
 * facility change), the case and its history, the customer's notification and the audit entry; the
 * notification is delivered after the commit.
 */
export async function closeByReview(
  deps: ReferralDeliveryDeps & Pick<ReferralDeps, 'ports' | 'audit'>,
  closing: ReviewClosing,
): Promise<{ referral: ReferralCase; decision: DecisionRecord }> {
  const { referralId, request, product, action } = closing;
  const result = await deps.db.transaction(async (tx) => {
    const current = await mustFindCase(tx, referralId, true);
    closing.check(current);
    const decision = await deps.ports.recordManualReview(tx, {
      ...request,
      decisionId: current.decisionId,
      referralId: current.id,
      productType: product.type,
    });
    const reasonCodes = request.reasons.map((reason) => reason.code);
    const change = close(current, closing.actor, deps.clock.now(), {
      closedBy: 'review',
      outcome: request.outcome,
      decisionId: decision.id,
      action,
      details: {
        limit: request.limit.toString(),
        apr: request.apr,
        reasonCodes,
        facilityChange: decision.facilityChange,
      },
      note: request.note,
    });
    await persistChange(deps, tx, current, change);
    await recordDecidedNotification(deps, tx, { referral: change.referral, decision, by: 'review', product });
    const details = {
      decisionId: decision.id,
      referredDecisionId: current.decisionId,
      outcome: request.outcome,
      limit: request.limit.toString(),
      apr: request.apr,
      reasonCodes: request.reasons.map((reason) => reason.code),
    };
    const verb = action === 'approved' ? 'approve' : 'decide';
    await auditReferral(deps, { by: closing.principal, verb, referral: current, outcome: 'ok', details }, tx);
    return { referral: change.referral, decision };
  });
  await deliverReferralNotificationsQuietly(deps, referralId);
  return result;
}
