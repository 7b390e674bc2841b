import { systemActor } from './privacy-actors.ts';
import type { ExportDeps } from './export-ports.ts';

/**
 * The day step: drops the files of every copy past its expiry (the row, its dates and its hash stay, so the
 * request's history is complete) and audits each purge. Idempotent: a purged copy is not purged again.
 */
export async function purgeExpiredCopies(
  deps: Pick<ExportDeps, 'db' | 'store' | 'audit' | 'clock'>,
  options: { readonly batch?: number } = {},
): Promise<{ purged: number }> {
  let purged = 0;
  const batch = options.batch ?? 500;
  for (;;) {
    const now = deps.clock.now();
    const done = await deps.db.transaction(async (tx) => {
      const copies = await deps.store.purgeExpired(tx, now, batch);
      for (const copy of copies)
        await deps.audit.record(
          {
            actor: systemActor,
            action: 'privacy.copy-purge',
            subject: { type: 'customer', id: copy.customerId },
            outcome: 'ok',
            details: { exportId: copy.id, reason: 'expired' },
          },
          tx,
        );
      return copies.length;
    });
    purged += done;
    if (done < batch) return { purged };
  }
}
