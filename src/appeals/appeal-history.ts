import type { AuditEvent } from './appeal.ts';
import type { AppealDeps } from './appeal-ports.ts';
import { mustFindAppeal } from './appeal-steps.ts';
import * as repository from './appeals.pg.ts';

/** An appeal's audit trail in order (NOT_FOUND for an unknown appeal). */
export async function appealHistory(
  deps: Pick<AppealDeps, 'db'>,
  input: { appealId: string },
): Promise<AuditEvent[]> {
  const appeal = await mustFindAppeal(deps.db, input.appealId);
  return repository.listEvents(deps.db, appeal.customerId, appeal.id);
}
