import type { Principal } from '../platform/auth/api-keys.ts';
import type { Appeal } from './appeal.ts';
import { mustReview, reviewerActor } from './appeal-rules.ts';
import { applyAppealCommand, type ApplyDeps } from './appeal-steps.ts';

/** A reviewer takes a queued appeal (CONFLICT when someone holds it already). */
export async function claimAppeal(
  deps: ApplyDeps,
  input: { appealId: string; by: Principal },
): Promise<Appeal> {
  mustReview(input.by);
  return applyAppealCommand(deps, input.appealId, () => ({
    type: 'claim',
    reviewer: reviewerActor(input.by),
  }));
}
