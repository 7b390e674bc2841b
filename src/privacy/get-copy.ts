import type { AuditActor } from '../platform/audit/audit-log.ts';
import { AppError } from '../platform/errors/app-error.ts';
import type { ExportDeps, ExportJob } from './export-ports.ts';

/** Whether `actor` is the one who asked for `job` (only they may read its progress and download it). */
export function isRequester(job: ExportJob, actor: AuditActor): boolean {
  return job.requestedBy.kind === actor.kind && job.requestedBy.id === actor.id;
}

/**
 * One copy, for its requester: NOT_FOUND when it does not exist, belongs to another customer, or was asked
 * for by someone else (a copy holds the person's data: its existence is not disclosed either).
 */
export async function getCopy(
  deps: Pick<ExportDeps, 'db' | 'store'>,
  input: { readonly customerId?: string; readonly exportId: string; readonly actor: AuditActor },
): Promise<ExportJob> {
  const job =
    input.customerId === undefined
      ? await deps.store.findById(deps.db, input.exportId)
      : await deps.store.find(deps.db, input.customerId, input.exportId);
  if (!job || !isRequester(job, input.actor)) throw AppError.notFound('copy', input.exportId);
  return job;
}

/** A customer's copies asked for by `actor` (the customer's own, or one staff member's), newest first. */
export async function listCopies(
  deps: Pick<ExportDeps, 'db' | 'store'>,
  input: { readonly customerId: string; readonly actor: AuditActor; readonly limit?: number },
): Promise<ExportJob[]> {
  const jobs = await deps.store.list(deps.db, input.customerId, input.limit ?? 20);
  return jobs.filter((job) => isRequester(job, input.actor));
}
