import type { Queryable } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { findFacility, lockFacilityById } from '../facilities/facility.pg.ts';
import { openOrAdjustFacility } from '../facilities/open-or-adjust-facility.ts';
import { setFacilityStatus } from '../facilities/set-facility-status.ts';
import type { Facility } from '../facilities/facility.ts';
import { findLine } from './credit-lines.pg.ts';
import type { LimitReviewDeps } from './limit-review-ports.ts';
import {
  lineBalanceEvent,
  lineRepaymentEvents,
  onTimeCyclesOf,
  planReview,
  reviewMessage,
  REVIEW_FREEZE_REASON,
  type ReviewDecision,
} from './limit-review.ts';
import { completeReview, lockReview, type LimitReviewRecord } from './limit-reviews.pg.ts';
import { limitChanged } from './line-messages.ts';
import { lineBalancesOf } from './line-servicing.ts';
import type { LineState } from './line-state.ts';

/** Which line a claimed review is of. */
interface ReviewedLine {
  readonly customerId: string;
  readonly facilityId: string;
  readonly lineId: string;
}

/**
 * Step 4: applies the decision in one transaction — locks the facility, then the review row; raises or
 * lowers the limit with `openOrAdjustFacility` (the decision id), freezes or reactivates with
 * `setFacilityStatus`, and records the action, the figures, the reasons and the customer's message.
 */
async function applyDecision(
  deps: LimitReviewDeps,
  tx: Queryable,
  where: ReviewedLine,
  claimed: LimitReviewRecord,
  lineState: LineState,
  decision: ReviewDecision,
): Promise<LimitReviewRecord> {
  const { customerId, lineId } = where;
  const facility = await lockFacilityById(tx, customerId, where.facilityId);
  if (!facility) throw new AppError('INTERNAL', `the facility of line ${lineId} is missing`);
  const review = await lockReview(tx, customerId, claimed.id);
  if (!review) throw new AppError('INTERNAL', `review ${claimed.id} vanished`);
  if (review.status === 'applied') return review;
  // The customer's cap as it stands under the facility's lock (their request takes the same lock first).
  const cap = (await findLine(tx, customerId, lineId))?.customerLimitCap ?? null;
  const plan = planReview(decision, facility, cap);
  const { status, limit } = await applyPlan(deps, tx, facility, plan, decision, review.id);
  const onTimeCycles = onTimeCyclesOf(lineState);
  const applied: LimitReviewRecord = {
    ...review,
    status: 'applied',
    decisionId: decision.id,
    outcome: decision.outcome,
    action: plan.action,
    limitBefore: facility.limit,
    limitAfter: limit,
    facilityStatusBefore: facility.status,
    facilityStatusAfter: status,
    onTimeCycles,
    reasons: decision.reasons.map((r) => ({ code: r.code, text: r.text })),
    message: reviewMessage(
      plan,
      { limitBefore: facility.limit, limitAfter: limit, onTimeCycles },
      decision.reasons,
    ),
    appliedAt: deps.clock.now(),
  };
  await completeReview(tx, applied);
  if (deps.outbox && limit !== facility.limit) {
    await deps.outbox.write(tx, [
      limitChanged({ customerId, reviewId: review.id, oldLimit: facility.limit, newLimit: limit }),
    ]);
  }
  return applied;
}

/** The facility changes of a review's plan, in order: reactivate, set the limit, freeze. */
async function applyPlan(
  deps: LimitReviewDeps,
  tx: Queryable,
  facility: Facility,
  plan: ReturnType<typeof planReview>,
  decision: ReviewDecision,
  reviewId: string,
): Promise<Pick<Facility, 'status' | 'limit'>> {
  const facilityDeps = { clock: deps.clock, ids: deps.ids, idempotency: deps.idempotency };
  const input = {
    customerId: facility.customerId,
    product: 'credit-line' as const,
    reason: `${REVIEW_FREEZE_REASON}:${decision.id}`,
  };
  let status = facility.status;
  let limit = facility.limit;
  if (plan.reactivate) status = (await setFacilityStatus(tx, facilityDeps, 'reactivate', input)).status;
  if (plan.newLimit !== null) {
    const outcome = await openOrAdjustFacility(tx, facilityDeps, {
      customerId: facility.customerId,
      product: 'credit-line',
      limit: plan.newLimit,
      // A review sets the limit; the price of the facility stays what it is.
      apr: facility.apr,
      decisionId: decision.id,
      reason: `limit review ${reviewId}`,
    });
    limit = outcome.facility.limit;
  }
  if (plan.freeze) status = (await setFacilityStatus(tx, facilityDeps, 'freeze', input)).status;
  return { status, limit };
}

/**
 * Steps 2–4 for a review this request has claimed: reports the line's repayment record and balance to the
 * customers context, asks for a decision of kind `limit_review` linked to the review (or finds the one made
 * before a crash), and applies it.
 */
export async function carryOutLimitReview(
  deps: LimitReviewDeps,
  where: ReviewedLine,
  claimed: LimitReviewRecord,
): Promise<LimitReviewRecord> {
  const { customerId, lineId } = where;
  const line = await findLine(deps.db, customerId, lineId);
  if (!line) throw AppError.notFound('credit line', lineId);
  const now = deps.clock.now();
  const before = await findFacility(deps.db, customerId, 'credit-line');
  if (!before) throw new AppError('INTERNAL', `the facility of line ${lineId} is missing`);
  await deps.ports.report([
    ...lineRepaymentEvents(customerId, lineId, line.state),
    lineBalanceEvent(
      customerId,
      lineId,
      claimed.id,
      { limit: before.limit, balance: lineBalancesOf(line.state).principalOwed },
      now,
    ),
  ]);
  const decision =
    (await deps.ports.decisionLinkedTo(customerId, claimed.id)) ??
    (await deps.ports.decide({ customerId, linkedTo: claimed.id }));
  return deps.db.transaction((tx) => applyDecision(deps, tx, where, claimed, line.state, decision));
}
