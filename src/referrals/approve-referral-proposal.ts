import { checkOverrideAuthority, reviewerActor } from '../appeals/index.ts';
import type { Principal } from '../platform/auth/api-keys.ts';
import { toExactRateString } from '../platform/money/rate.ts';
import { mustCheck, type ReferralCase } from './referral.ts';
import type { ReferralDeliveryDeps } from './referral-notifications.ts';
import type { DecisionRecord, ReferralDeps } from './referral-ports.ts';
import { mustReview } from './referral-rules.ts';
import { mustFindCase, termsToday, withRefusalsRecorded } from './referral-steps.ts';
import { approvalReason } from './referral-texts.ts';
import { closeByReview } from './close-by-review.ts';
import { refuseIfSuperseded } from './supersede-referral.ts';

/**
 * A second person approves an approval proposed above its maker's authority (never the maker): the decision
 * is recorded naming both, and the case closes. The authority is checked again first.
 */
export async function approveReferralProposal(
  deps: ReferralDeliveryDeps & Pick<ReferralDeps, 'ports' | 'audit' | 'secondPersonAbove'>,
  input: { referralId: string; by: Principal },
): Promise<{ referral: ReferralCase; decision: DecisionRecord }> {
  const { referralId, by } = input;
  mustReview(by);
  const checker = reviewerActor(by);
  return withRefusalsRecorded(deps, { referralId, verb: 'approve', by }, async () => {
    const stored = await mustFindCase(deps.db, referralId);
    const proposal = mustCheck(stored, checker, 'approve');
    await refuseIfSuperseded(deps, stored);
    // Authority is checked again: the product or the legal cap may have changed since the proposal.
    const { product, legalRateCaps, date } = await termsToday(deps, stored);
    checkOverrideAuthority(
      { limit: proposal.limit, apr: proposal.apr },
      { product, legalRateCaps, date },
      deps.secondPersonAbove,
    );
    const maker = proposal.maker;
    return closeByReview(deps, {
      referralId,
      check: (current) => mustCheck(current, checker, 'approve'),
      request: {
        reviewer: `${maker.name} (${maker.id}), approved by ${checker.name} (${checker.id})`,
        note: proposal.note,
        outcome: 'approved',
        limit: proposal.limit,
        apr: toExactRateString(proposal.apr),
        reasons: [approvalReason(proposal.limit, proposal.apr)],
      },
      product,
      actor: checker,
      principal: by,
      action: 'approved',
    });
  });
}
