import type { Appeal } from './appeal.ts';
import type { AppealDeps } from './appeal-ports.ts';
import { mustFindAppeal } from './appeal-steps.ts';

/** One appeal as stored (NOT_FOUND for an unknown one). */
export async function getAppeal(deps: Pick<AppealDeps, 'db'>, input: { appealId: string }): Promise<Appeal> {
  return mustFindAppeal(deps.db, input.appealId);
}
