import type { ReferralDeps, ReferralRecoveryReport } from './referral-ports.ts';
import { deliverReferralNotifications } from './referral-notifications.ts';
import { mustFindCase } from './referral-steps.ts';
import * as repository from './referrals.pg.ts';
import { openReferralCase } from './open-referral-case.ts';
import { supersedeIfNewer } from './supersede-referral.ts';

/**
 * The recovery pass (at start-up, `credence referrals recover`, POST /v1/referrals/recover; not in the
 * day-end batch): cases for referrals that have none, superseded cases, undelivered notifications. A case
 * that fails is reported and left for the next pass.
 */
export async function recoverReferrals(
  deps: Omit<ReferralDeps, 'secondPersonAbove' | 'audit'>,
  input: { limit?: number } = {},
): Promise<ReferralRecoveryReport> {
  const { db } = deps;
  const limit = input.limit ?? 500;
  let opened = 0;
  for (const uncased of await repository.referralsWithoutCase(db, limit)) {
    try {
      const record = await deps.ports.decision(uncased.decisionId);
      const newer = await repository.newerApplication(
        db,
        record.customerId,
        record.productCode,
        record.decidedAt,
      );
      if (await db.transaction((tx) => openReferralCase(deps, { tx, record, supersededBy: newer })))
        opened += 1;
    } catch (error) {
      deps.onError?.(error, `open referral of ${uncased.decisionId}`);
    }
  }
  let superseded = 0;
  for (const referralId of await repository.supersededCases(db, limit)) {
    try {
      if (await supersedeIfNewer(deps, await mustFindCase(db, referralId))) superseded += 1;
    } catch (error) {
      deps.onError?.(error, `supersede ${referralId}`);
    }
  }
  const notificationsDelivered = await deliverReferralNotifications(deps);
  return { opened, superseded, notificationsDelivered };
}
