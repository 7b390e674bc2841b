import type { AuditActor } from '../platform/audit/audit-log.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { businessDateOf, compareDates, parseLocalDate } from '../platform/time/local-date.ts';
import { insertLegalHold, lockCustomer, type LegalHold } from './erasure.pg.ts';
import type { PrivacyDeps } from './privacy-ports.ts';

export interface PlaceLegalHoldInput {
  readonly customerId: string;
  readonly reason: string;
  /** A court's case number, a regulator's letter reference (optional). */
  readonly authority?: string;
  /** The last day held, `YYYY-MM-DD`: today or later. */
  readonly heldUntil: string;
  readonly by: AuditActor;
}

/**
 * Staff keep a person's data for a legal reason until an end date: an erasure asked meanwhile is blocked
 * (and says until when), and one already blocked waits for it too. Audited with the reason.
 */
export async function placeLegalHold(
  deps: Pick<PrivacyDeps, 'db' | 'clock' | 'ids' | 'audit'>,
  input: PlaceLegalHoldInput,
): Promise<LegalHold> {
  const reason = input.reason.trim();
  if (reason.length < 1 || reason.length > 1000)
    throw AppError.invalid('reason', 'length', 'say why the data must be kept (1–1000 characters)');
  const authority = input.authority?.trim() || null;
  if (authority && authority.length > 200)
    throw AppError.invalid('authority', 'max-length', 'at most 200 characters');
  const heldUntil = parseLocalDate(input.heldUntil, 'heldUntil');
  const now = deps.clock.now();
  if (compareDates(heldUntil, businessDateOf(now)) < 0)
    throw AppError.invalid('heldUntil', 'not-in-the-past', `a hold ends today or later, not ${heldUntil}`);
  return deps.db.transaction(async (tx) => {
    const customer = await lockCustomer(tx, input.customerId);
    if (!customer.exists) throw AppError.notFound('customer', input.customerId);
    if (customer.erasedAt)
      throw new AppError(
        'CONFLICT',
        `customer ${input.customerId} is already erased: there is nothing left to hold`,
        {
          issues: [{ field: 'customerId', rule: 'erased', message: 'already erased' }],
        },
      );
    const hold: LegalHold = {
      id: deps.ids.next('legalHold'),
      customerId: input.customerId,
      reason,
      authority,
      heldUntil,
      placedBy: `${input.by.kind}:${input.by.id}`,
      placedAt: now,
      releasedAt: null,
      releasedBy: null,
      releaseReason: null,
    };
    await insertLegalHold(tx, hold);
    await deps.audit.record(
      {
        actor: input.by,
        action: 'privacy.legal-hold-place',
        subject: { type: 'customer', id: input.customerId },
        outcome: 'ok',
        details: { holdId: hold.id, reason, authority, heldUntil },
      },
      tx,
    );
    return hold;
  });
}
