import { parseIdempotencyKey } from '../../ledger/index.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { carryOutLimitReview } from './carry-out-limit-review.ts';
import { claimOrWait } from './claim-limit-review.ts';
import { findLine, locateLine } from './credit-lines.pg.ts';
import type { LimitReviewDeps } from './limit-review-ports.ts';
import { releaseClaim, type LimitReviewRecord, type ReviewTrigger } from './limit-reviews.pg.ts';
import { assertLineOpen } from './line-lifecycle.ts';

/**
 * One limit review of a line: monthly (the day-end batch reviews each line once per statement, after its
 * due date) or on demand. One review:
 * 1. claims its row (`cycle:<seq>` or `on-demand:<key>`; an applied review is returned as it is). Only the
 *    request holding the claim goes on, so one review asks for one decision: a concurrent request for the
 *    same review waits until it is applied and answers with it, or takes the claim over once it lapses (its
 *    holder crashed) or is given up (its holder failed);
 * 2. reports the line's repayment record and balance to the customers context (idempotent events), so the
 *    decision sees the cycles repaid on time here, any minimum missed, and the utilisation;
 * 3. asks the decisions context for a decision of kind `limit_review`, linked to the review (replayable
 *    like any decision) — or finds the one made before a crash;
 * 4. applies it in one transaction: locks the facility, then the review row; raises or lowers the limit
 *    with `openOrAdjustFacility` (the decision id), freezes or reactivates with `setFacilityStatus`, and
 *    records the action, the figures, the reasons and the customer's message in zh-CN and en.
 */
export async function reviewLimitOnce(
  deps: LimitReviewDeps,
  lineId: string,
  reviewKey: string,
  trigger: ReviewTrigger,
): Promise<LimitReviewRecord> {
  const where = await locateLine(deps.db, lineId);
  if (!where) throw AppError.notFound('credit line', lineId);
  const { customerId } = where;
  const { record: claimed, token } = await claimOrWait(deps, { customerId, lineId, reviewKey, trigger });
  if (token === null) return claimed;
  try {
    return await carryOutLimitReview(deps, { customerId, facilityId: where.facilityId, lineId }, claimed);
  } catch (error) {
    // Give the claim up so that a waiting request takes over now rather than after the lease.
    await releaseClaim(deps.db, customerId, claimed.id, token).catch(() => undefined);
    throw error;
  }
}

/** Reviews a line now, on demand; the same idempotency key returns the same review. */
export async function reviewLineLimit(
  deps: LimitReviewDeps,
  request: { lineId: string; idempotencyKey: string },
): Promise<LimitReviewRecord> {
  const key = parseIdempotencyKey(request.idempotencyKey);
  const where = await locateLine(deps.db, request.lineId);
  const line = where ? await findLine(deps.db, where.customerId, request.lineId) : undefined;
  // A closed line is not reviewed (its facility is closed); its past reviews stay readable.
  if (line) assertLineOpen(line.closedOn, request.lineId);
  return reviewLimitOnce(deps, request.lineId, `on-demand:${key}`, 'on-demand');
}
