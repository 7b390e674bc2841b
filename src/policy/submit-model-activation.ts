import { AppError } from '../platform/errors/app-error.ts';
import type { ChangeDeps } from './change-ports.ts';
import type { ChangeActor, ChangeRequest } from './change-requests.ts';
import { pendingChange, recordSubmission } from './record-change.ts';

/** Asks for a model to become the active one; it does on approval. CONFLICT when it is active already. */
export async function submitModelActivation(
  deps: ChangeDeps,
  version: string,
  by: ChangeActor,
): Promise<ChangeRequest> {
  const status = await deps.models.status(version);
  if (status === 'active')
    throw new AppError('CONFLICT', `model ${version} is already the active model`, {
      issues: [{ field: 'version', rule: 'already-active', message: 'already active' }],
    });
  const today = deps.clock.today();
  return recordSubmission(
    deps,
    pendingChange(
      deps,
      {
        kind: 'model',
        subject: version,
        scope: 'active-model',
        summary: `activate scoring model ${version}`,
        payload: { version },
        effectiveFrom: today,
      },
      by,
    ),
  );
}
