import { reviewerActor } from '../appeals/index.ts';
import type { Principal } from '../platform/auth/api-keys.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { scrubPii } from '../platform/pii/mask.ts';
import { reject, type ReferralCase } from './referral.ts';
import type { ReferralDeps } from './referral-ports.ts';
import { mustReview } from './referral-rules.ts';
import { transitionCase, withRefusalsRecorded } from './referral-steps.ts';

/** A second person sends an approval waiting for them back to its maker, saying why. */
export async function rejectReferralProposal(
  deps: Pick<ReferralDeps, 'db' | 'clock' | 'ids' | 'audit' | 'onError'>,
  input: { referralId: string; note: string; by: Principal },
): Promise<ReferralCase> {
  const { referralId, by } = input;
  mustReview(by);
  const text = scrubPii(input.note.trim());
  return withRefusalsRecorded(deps, { referralId, verb: 'reject', by }, async () => {
    if (text === '') throw AppError.invalid('note', 'non-empty', 'say why the proposal is sent back');
    return transitionCase(deps, { referralId, verb: 'reject', by }, (current, now) =>
      reject(current, reviewerActor(by), now, text),
    );
  });
}
