import type { AppealNotification } from './appeal.ts';
import type { AppealDeps } from './appeal-ports.ts';
import { mustFindAppeal } from './appeal-steps.ts';
import * as repository from './appeals.pg.ts';

/** What the customer was told about an appeal, delivered or not (NOT_FOUND for an unknown appeal). */
export async function appealNotifications(
  deps: Pick<AppealDeps, 'db'>,
  input: { appealId: string },
): Promise<AppealNotification[]> {
  const appeal = await mustFindAppeal(deps.db, input.appealId);
  return repository.listNotifications(deps.db, appeal.customerId, appeal.id);
}
