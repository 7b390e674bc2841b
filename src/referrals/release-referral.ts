import { reviewerActor } from '../appeals/index.ts';
import type { Principal } from '../platform/auth/api-keys.ts';
import { release, type ReferralCase } from './referral.ts';
import type { ReferralDeps } from './referral-ports.ts';
import { mustReview } from './referral-rules.ts';
import { transitionCase, withRefusalsRecorded } from './referral-steps.ts';

/** The reviewer holding a case puts it back in the queue (an admin may release anyone's). */
export async function releaseReferral(
  deps: Pick<ReferralDeps, 'db' | 'clock' | 'ids' | 'audit' | 'onError'>,
  input: { referralId: string; by: Principal },
): Promise<ReferralCase> {
  const { referralId, by } = input;
  mustReview(by);
  return withRefusalsRecorded(deps, { referralId, verb: 'release', by }, () =>
    transitionCase(deps, { referralId, verb: 'release', by }, (current, now) =>
      release(current, reviewerActor(by), now, by.role === 'admin'),
    ),
  );
}
