import type { Principal } from '../platform/auth/api-keys.ts';
import type { Appeal } from './appeal.ts';
import { checkOverrideAuthority } from './appeal-authority.ts';
import type { AppealDeps } from './appeal-ports.ts';
import { mustReview, reviewerActor } from './appeal-rules.ts';
import { applyAppealCommand, mustFindAppeal, type ApplyDeps } from './appeal-steps.ts';

/**
 * A second reviewer approves an overturn waiting for one: the override decision is recorded with maker and
 * checker (the status machine refuses the maker as checker). The authority is checked again first.
 */
export async function approveOverturn(
  deps: ApplyDeps & Pick<AppealDeps, 'settings'>,
  input: { appealId: string; by: Principal },
): Promise<Appeal> {
  const { appealId, by } = input;
  mustReview(by);
  const appeal = await mustFindAppeal(deps.db, appealId);
  if (appeal.proposal) {
    // Authority is checked again at approval: the product or the legal cap may have changed since.
    const date = deps.clock.today();
    const bounds = await deps.ports.productTerms({
      productCode: appeal.productCode,
      customerId: appeal.customerId,
      date,
    });
    checkOverrideAuthority(appeal.proposal.terms, { ...bounds, date }, deps.settings.secondReviewerAbove);
  }
  return applyAppealCommand(deps, appealId, () => ({ type: 'approve', by: reviewerActor(by) }));
}
