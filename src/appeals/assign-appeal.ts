import type { Principal } from '../platform/auth/api-keys.ts';
import { AppError } from '../platform/errors/app-error.ts';
import type { Appeal } from './appeal.ts';
import { mustReview, reviewerActor } from './appeal-rules.ts';
import { applyAppealCommand, type ApplyDeps } from './appeal-steps.ts';

/** Hands an appeal to an active reviewer key (an admin may take it from the reviewer holding it). */
export async function assignAppeal(
  deps: ApplyDeps,
  input: { appealId: string; reviewerKeyId: string; by: Principal },
): Promise<Appeal> {
  const { by } = input;
  mustReview(by);
  const reviewer = await deps.ports.reviewer(input.reviewerKeyId);
  if (!reviewer)
    throw AppError.invalid('reviewerKeyId', 'active-reviewer', 'no active reviewer key has this id');
  return applyAppealCommand(deps, input.appealId, () => ({
    type: 'assign',
    reviewer,
    by: reviewerActor(by),
    reassign: by.role === 'admin',
  }));
}
