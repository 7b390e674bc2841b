import type { Principal } from '../platform/auth/api-keys.ts';
import { scrubPii } from '../platform/pii/mask.ts';
import type { Appeal } from './appeal.ts';
import { mustReview, reviewerActor } from './appeal-rules.ts';
import { applyAppealCommand, type ApplyDeps } from './appeal-steps.ts';

/** A second reviewer sends an overturn waiting for approval back to review, saying why. */
export async function rejectOverturn(
  deps: ApplyDeps,
  input: { appealId: string; note: string; by: Principal },
): Promise<Appeal> {
  const { by } = input;
  mustReview(by);
  return applyAppealCommand(deps, input.appealId, () => ({
    type: 'reject',
    by: reviewerActor(by),
    note: scrubPii(input.note),
  }));
}
