import type { ReferralNotification } from './referral.ts';
import type { ReferralDeps } from './referral-ports.ts';
import * as repository from './referrals.pg.ts';

/** What the customer was told about their referrals (or one of them), oldest first. */
export async function listReferralNotifications(
  deps: Pick<ReferralDeps, 'db'>,
  input: { customerId: string; referralId?: string | undefined },
): Promise<ReferralNotification[]> {
  return repository.listNotifications(deps.db, input.customerId, input.referralId);
}
