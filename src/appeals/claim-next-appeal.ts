import type { Principal } from '../platform/auth/api-keys.ts';
import { isAppError } from '../platform/errors/app-error.ts';
import type { Appeal } from './appeal.ts';
import type { AppealDeps } from './appeal-ports.ts';
import { mustReview } from './appeal-rules.ts';
import type { ApplyDeps } from './appeal-steps.ts';
import { claimAppeal } from './claim-appeal.ts';
import { listAppeals } from './list-appeals.ts';

/**
 * Claims the queued appeal with the highest priority (skipping any another reviewer took a moment ago);
 * undefined when the queue is empty.
 */
export async function claimNextAppeal(
  deps: ApplyDeps & Pick<AppealDeps, 'calendar'>,
  input: { by: Principal },
): Promise<Appeal | undefined> {
  mustReview(input.by);
  const queue = await listAppeals(deps, { statuses: ['queued'], limit: 200 });
  for (const item of queue) {
    try {
      return await claimAppeal(deps, { appealId: item.appeal.id, by: input.by });
    } catch (error) {
      // Someone else took it a moment ago: try the next one.
      if (isAppError(error) && error.code === 'CONFLICT') continue;
      throw error;
    }
  }
  return undefined;
}
