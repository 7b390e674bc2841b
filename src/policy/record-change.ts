import { auditActorOf } from './change-audit.ts';
import type { ChangeDeps } from './change-ports.ts';
import type { ChangeActor, ChangeRequest } from './change-requests.ts';
import * as repository from './change-requests.pg.ts';
import type { LendingSettings } from './lending-settings.ts';

/** What the submitter of a change says; the rest of a pending request is filled in by `pendingChange`. */
export type ChangeFields = Pick<
  ChangeRequest,
  'kind' | 'subject' | 'scope' | 'summary' | 'payload' | 'effectiveFrom'
>;

/** A new pending change request from `by`. */
export function pendingChange(
  deps: Pick<ChangeDeps, 'clock' | 'ids'>,
  fields: ChangeFields,
  by: ChangeActor,
): ChangeRequest {
  return {
    ...fields,
    id: deps.ids.next('changeRequest'),
    requestedBy: by,
    requestedAt: deps.clock.now(),
    simulationId: null,
    status: 'pending',
    decidedBy: null,
    decidedAt: null,
    note: '',
    bootstrap: false,
  };
}

/** Stores a submitted change and audits its submission, in one transaction. */
export async function recordSubmission(
  deps: Pick<ChangeDeps, 'db' | 'audit'>,
  change: ChangeRequest,
): Promise<ChangeRequest> {
  await deps.db.transaction(async (tx) => {
    await repository.insertChange(tx, change);
    await deps.audit?.record(
      {
        actor: auditActorOf(change.requestedBy),
        action: `${change.kind}.submit`,
        subject: { type: 'change', id: change.id },
        outcome: 'ok',
        details: {
          kind: change.kind,
          subject: change.subject,
          effectiveFrom: change.effectiveFrom,
          summary: change.summary,
        },
      },
      tx,
    );
  });
  return change;
}

const ROLLED_BACK = Symbol('dry run');

/**
 * Checks settings now exactly as on approval, in a transaction that is rolled back: a change that cannot
 * apply is refused to its author, not to the approver.
 */
export async function dryRunSettings(
  deps: Pick<ChangeDeps, 'db' | 'policies'>,
  settings: LendingSettings,
): Promise<void> {
  await deps.db
    .transaction(async (tx) => {
      await deps.policies.applySettings(tx, settings);
      throw ROLLED_BACK;
    })
    .catch((error: unknown) => {
      if (error !== ROLLED_BACK) throw error;
    });
}
