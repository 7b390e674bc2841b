import type { AuditActor } from '../platform/audit/audit-log.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { findLegalHold, releaseLegalHold, type LegalHold } from './erasure.pg.ts';
import type { PrivacyDeps } from './privacy-ports.ts';

/**
 * Ends a legal hold before its date, with a reason (the order was lifted). A blocked erasure it held is
 * carried out by the next day step if nothing else holds. Releasing twice is a CONFLICT; audited.
 */
export async function releaseHold(
  deps: Pick<PrivacyDeps, 'db' | 'clock' | 'audit'>,
  input: { readonly holdId: string; readonly reason: string; readonly by: AuditActor },
): Promise<LegalHold> {
  const reason = input.reason.trim();
  if (reason.length < 1 || reason.length > 1000)
    throw AppError.invalid('reason', 'length', 'say why the hold ends early (1–1000 characters)');
  return deps.db.transaction(async (tx) => {
    const hold = await findLegalHold(tx, input.holdId, true);
    if (!hold) throw AppError.notFound('legal hold', input.holdId);
    if (hold.releasedAt) throw new AppError('CONFLICT', `legal hold ${hold.id} was already released`);
    const at = deps.clock.now();
    const by = `${input.by.kind}:${input.by.id}`;
    await releaseLegalHold(tx, hold, { at, by, reason });
    await deps.audit.record(
      {
        actor: input.by,
        action: 'privacy.legal-hold-release',
        subject: { type: 'customer', id: hold.customerId },
        outcome: 'ok',
        details: { holdId: hold.id, reason },
      },
      tx,
    );
    return { ...hold, releasedAt: at, releasedBy: by, releaseReason: reason };
  });
}
