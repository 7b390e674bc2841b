import { reviewerActor } from '../appeals/index.ts';
import type { Principal } from '../platform/auth/api-keys.ts';
import { claim, type ReferralCase } from './referral.ts';
import type { ReferralDeps } from './referral-ports.ts';
import { mustReview } from './referral-rules.ts';
import { mustFindCase, transitionCase, withRefusalsRecorded } from './referral-steps.ts';
import { refuseIfSuperseded } from './supersede-referral.ts';

/**
 * A reviewer takes a case for the settings' claim minutes. A case the customer's newer application has
 * superseded is closed as such and the claim refused (409); refusals are on the case's history.
 */
export async function claimReferral(
  deps: Pick<ReferralDeps, 'db' | 'clock' | 'ids' | 'settings' | 'ports' | 'audit' | 'onError'>,
  input: { referralId: string; by: Principal },
): Promise<ReferralCase> {
  const { referralId, by } = input;
  mustReview(by);
  return withRefusalsRecorded(deps, { referralId, verb: 'claim', by }, async () => {
    const stored = await mustFindCase(deps.db, referralId);
    if (stored.status === 'open' || stored.status === 'claimed') await refuseIfSuperseded(deps, stored);
    return transitionCase(deps, { referralId, verb: 'claim', by }, (current, now) =>
      claim(current, reviewerActor(by), now, new Date(now.getTime() + deps.settings.claimMinutes * 60_000)),
    );
  });
}
