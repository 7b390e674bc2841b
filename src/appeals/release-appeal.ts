import type { Principal } from '../platform/auth/api-keys.ts';
import type { Appeal } from './appeal.ts';
import { mustReview, reviewerActor } from './appeal-rules.ts';
import { applyAppealCommand, type ApplyDeps } from './appeal-steps.ts';

/** The reviewer holding an appeal puts it back in the queue (an admin may release anyone's). */
export async function releaseAppeal(
  deps: ApplyDeps,
  input: { appealId: string; by: Principal },
): Promise<Appeal> {
  const { by } = input;
  mustReview(by);
  return applyAppealCommand(deps, input.appealId, () => ({
    type: 'release',
    by: reviewerActor(by),
    force: by.role === 'admin',
  }));
}
