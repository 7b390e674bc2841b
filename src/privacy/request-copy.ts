import type { AuditActor } from '../platform/audit/audit-log.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { businessDateOf, compareDates, type LocalDate } from '../platform/time/local-date.ts';
import type { ExportDeps, ExportJob, IdentityMode, RequestChannel } from './export-ports.ts';
import { EXPORT_STEPS } from './export-sections.ts';

export interface CopyRequest {
  readonly customerId: string;
  readonly channel: RequestChannel;
  readonly requestedBy: AuditActor;
  /** Staff give one (recorded and audited); the customer's own request has none. */
  readonly reason?: string;
  /** Features as of this business date (default: today, Asia/Shanghai); not in the future. */
  readonly asOf?: LocalDate;
  readonly identity: IdentityMode;
}

/**
 * Records a request for a copy (kind `copy` in `data_subject_requests`), queues the job and audits it, in one
 * transaction. Asking again while the same requester's copy for the same date is still queued or running
 * answers that copy (a double tap queues one job). NOT_FOUND for an unknown customer; staff must give a
 * reason.
 */
export async function requestCopy(
  deps: Pick<ExportDeps, 'db' | 'clock' | 'ids' | 'audit' | 'store' | 'identity'>,
  input: CopyRequest,
): Promise<{ job: ExportJob; created: boolean }> {
  const now = deps.clock.now();
  const today = businessDateOf(now);
  const asOf = input.asOf ?? today;
  if (compareDates(asOf, today) > 0)
    throw AppError.invalid('asOf', 'not-in-future', `must be today (${today}) or earlier`);
  const reason = input.reason?.trim() ?? '';
  if (input.channel === 'staff' && reason.length === 0)
    throw AppError.invalid(
      'reason',
      'required',
      'staff asking for a copy on the customer’s behalf give a reason',
    );
  // The customer must exist (NOT_FOUND otherwise) — checked before anything is recorded.
  await deps.identity(input.customerId, 'masked');
  return deps.db.transaction(async (tx) => {
    const open = await deps.store.findOpen(tx, input.customerId, input.requestedBy, asOf, input.identity);
    if (open) return { job: open, created: false };
    const job: ExportJob = {
      id: deps.ids.next('dataExport'),
      customerId: input.customerId,
      requestId: deps.ids.next('dataSubjectRequest'),
      status: 'queued',
      asOf,
      identity: input.identity,
      channel: input.channel,
      requestedBy: input.requestedBy,
      reason: reason.length > 0 ? reason : null,
      done: 0,
      total: EXPORT_STEPS,
      attempts: 0,
      createdAt: now,
      updatedAt: now,
      finishedAt: null,
      expiresAt: null,
      purgedAt: null,
      documentSha256: null,
      documentBytes: null,
      counts: null,
      error: null,
    };
    await deps.store.insert(tx, job);
    await deps.audit.record(
      {
        actor: input.requestedBy,
        action: 'privacy.copy-request',
        subject: { type: 'customer', id: input.customerId },
        outcome: 'ok',
        details: {
          exportId: job.id,
          requestId: job.requestId,
          channel: job.channel,
          asOf,
          identity: job.identity,
          ...(job.reason ? { reason: job.reason } : {}),
        },
      },
      tx,
    );
    return { job, created: true };
  });
}
