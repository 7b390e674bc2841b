import type { Principal } from '../platform/auth/api-keys.ts';
import { AppError } from '../platform/errors/app-error.ts';
import type { ReferralCase } from './referral.ts';
import type { DecisionRecord, ReferralDeps } from './referral-ports.ts';
import { referralSlaDue } from './referral-settings.ts';

/** Pure rules the referral use cases share: who may review, paging limits, the case a referral opens. */

/** Only reviewers and admins act on referrals (FORBIDDEN otherwise). */
export function mustReview(principal: Principal): void {
  if (principal.role !== 'reviewer' && principal.role !== 'admin')
    throw new AppError('FORBIDDEN', `role "${principal.role}" may not review referrals`, {
      issues: [{ field: 'role', rule: 'reviewer', message: 'only reviewers act on referrals' }],
    });
}

/** A listing's page size: 1 to 500, 50 when left out. */
export function listLimit(value: number | undefined): number {
  const limit = value ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    throw AppError.invalid('limit', 'range', 'limit must be from 1 to 500');
  return limit;
}

/** The note on a case closed because the customer applied again after it was opened. */
export const SUPERSEDED_SINCE_NOTE =
  'the customer applied again for this product since; the newer application answers';

/** The decision fields a referral case is opened from. */
export type ReferredDecision = Pick<
  DecisionRecord,
  'id' | 'customerId' | 'productCode' | 'reasons' | 'fault' | 'decidedAt'
>;

/** The case a referred decision opens: due after the SLA's business hours, counted from the decision. */
export function newCase(
  deps: Pick<ReferralDeps, 'ids' | 'settings' | 'calendar'>,
  record: ReferredDecision,
): ReferralCase {
  return {
    id: deps.ids.next('referral'),
    customerId: record.customerId,
    decisionId: record.id,
    productCode: record.productCode,
    reasonCodes: record.reasons.map((reason) => reason.code),
    faultStage: record.fault?.stage ?? null,
    status: 'open',
    version: 1,
    claimedBy: null,
    claimedAt: null,
    claimExpiresAt: null,
    proposal: null,
    slaDueAt: referralSlaDue(record.decidedAt, deps.calendar, deps.settings),
    createdAt: record.decidedAt,
    decidedAt: null,
    closedBy: null,
    outcome: null,
    resultDecisionId: null,
  };
}
