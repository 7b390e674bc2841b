import type { AuditActor } from '../platform/audit/audit-log.ts';
import { AppError } from '../platform/errors/app-error.ts';
import type { ExportDeps } from './export-ports.ts';
import { getCopy } from './get-copy.ts';

export type CopyFormat = 'json' | 'html';

/**
 * The file of a finished copy, for its requester only, opened (unsealed and decompressed) and audited.
 * UNPROCESSABLE while it is still being made or after it failed; NOT_FOUND once purged (it expired).
 */
export async function downloadCopy(
  deps: Pick<ExportDeps, 'db' | 'store' | 'audit' | 'clock' | 'open' | 'gunzip'>,
  input: {
    readonly customerId?: string;
    readonly exportId: string;
    readonly actor: AuditActor;
    readonly format: CopyFormat;
  },
): Promise<{ body: Uint8Array; filename: string; mediaType: string; sha256: string | null }> {
  const job = await getCopy(deps, input);
  if (job.status !== 'done')
    throw new AppError(
      'UNPROCESSABLE',
      job.status === 'failed'
        ? 'this copy failed; ask for a new one'
        : `this copy is being made (${job.done} of ${job.total} steps)`,
    );
  const now = deps.clock.now();
  if (job.purgedAt || (job.expiresAt && job.expiresAt.getTime() <= now.getTime()))
    throw AppError.notFound('copy', input.exportId);
  const files = await deps.store.files(deps.db, job.customerId, job.id);
  if (!files) throw AppError.notFound('copy', input.exportId);
  const sealed = input.format === 'json' ? files.document : files.summary;
  const body = await deps.gunzip(deps.open(sealed, job.customerId));
  await deps.audit.record({
    actor: input.actor,
    action: 'privacy.copy-download',
    subject: { type: 'customer', id: job.customerId },
    outcome: 'ok',
    details: { exportId: job.id, requestId: job.requestId, format: input.format },
  });
  return {
    body,
    filename: `credence-data-${job.asOf}-${job.id}.${input.format}`,
    mediaType: input.format === 'json' ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8',
    sha256: input.format === 'json' ? job.documentSha256 : null,
  };
}
