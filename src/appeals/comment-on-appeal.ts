import type { Principal } from '../platform/auth/api-keys.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { scrubPii } from '../platform/pii/mask.ts';
import type { Appeal } from './appeal.ts';
import { mustReview, reviewerActor } from './appeal-rules.ts';
import { applyAppealCommand, type ApplyDeps } from './appeal-steps.ts';

/** A reviewer's note on the appeal's audit trail (at most 4000 characters, personal numbers masked). */
export async function commentOnAppeal(
  deps: ApplyDeps,
  input: { appealId: string; note: string; by: Principal },
): Promise<Appeal> {
  const { note, by } = input;
  mustReview(by);
  if (note.length > 4000) throw AppError.invalid('note', 'max-length', 'at most 4000 characters');
  return applyAppealCommand(deps, input.appealId, () => ({
    type: 'comment',
    by: reviewerActor(by),
    note: scrubPii(note),
  }));
}
