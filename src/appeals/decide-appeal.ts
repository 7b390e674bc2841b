import type { Principal } from '../platform/auth/api-keys.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { scrubPii } from '../platform/pii/mask.ts';
import type { Appeal } from './appeal.ts';
import { checkOverrideAuthority, checkOverturnImproves } from './appeal-authority.ts';
import type { AppealDeps, ReviewerDecision } from './appeal-ports.ts';
import { mustReview, reviewerActor } from './appeal-rules.ts';
import { applyAppealCommand, mustFindAppeal, type ApplyDeps } from './appeal-steps.ts';
import { renderUpholdReasons } from './appeal-texts.ts';

/**
 * The reviewer holding an appeal decides it. Uphold: catalogue reasons (and an optional message in zh and
 * en) resolve it. Overturn: the terms must improve on the decision appealed and lie within the product, the
 * legal cap in force today and the reviewer's authority; within it the override decision is recorded at
 * once, above the second-reviewer threshold the overturn waits for a second person (`approveOverturn`).
 */
export async function decideAppeal(
  deps: ApplyDeps & Pick<AppealDeps, 'settings'>,
  input: { appealId: string; decision: ReviewerDecision; by: Principal },
): Promise<Appeal> {
  const { appealId, decision, by } = input;
  mustReview(by);
  if (decision.outcome === 'uphold') {
    const reasons = renderUpholdReasons(decision.reasons);
    const message = decision.message ?? null;
    if (message && (message.zh.trim() === '' || message.en.trim() === ''))
      throw AppError.invalid('message', 'both-languages', 'a message to the customer needs zh and en');
    return applyAppealCommand(deps, appealId, () => ({
      type: 'uphold',
      by: reviewerActor(by),
      reasons,
      message: message && { zh: scrubPii(message.zh), en: scrubPii(message.en) },
      note: scrubPii(decision.note ?? ''),
    }));
  }
  const note = scrubPii(decision.note.trim());
  if (note === '') throw AppError.invalid('note', 'non-empty', 'say why the decision is overturned');
  const appeal = await mustFindAppeal(deps.db, appealId);
  checkOverturnImproves(await deps.ports.decision(appeal.decisionId), decision.terms);
  const date = deps.clock.today();
  const bounds = await deps.ports.productTerms({
    productCode: appeal.productCode,
    customerId: appeal.customerId,
    date,
  });
  const authority = checkOverrideAuthority(
    decision.terms,
    { ...bounds, date },
    deps.settings.secondReviewerAbove,
  );
  const reviewId = deps.ids.next('review');
  return applyAppealCommand(deps, appealId, () => ({
    type: 'overturn',
    by: reviewerActor(by),
    reviewId,
    terms: decision.terms,
    note,
    needsSecondReviewer: authority.needsSecondReviewer,
  }));
}
