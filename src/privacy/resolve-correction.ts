import type { AuditActor } from '../platform/audit/audit-log.ts';
import { AppError } from '../platform/errors/app-error.ts';
import type { LocalizedText } from '../platform/i18n/localized.ts';
import { correctingEvent, type Correction, type CorrectionDeps } from './correction-rules.ts';
import { correctionAnsweredText } from './correction-texts.ts';

export type CorrectionResolution =
  | {
      readonly outcome: 'corrected';
      /** The corrected values (wire form); the person's proposal when left out. */
      readonly values?: Readonly<Record<string, unknown>>;
      /** What the customer reads about the correction. */
      readonly message: LocalizedText;
    }
  | { readonly outcome: 'rejected'; readonly reason: LocalizedText };

/**
 * A reviewer answers a correction. Corrected: the correcting event is appended through the customers
 * context (validated as any import; its event id is the correction's, so a retry appends it once), then the
 * correction is closed with it and the decisions made on or after the fact are listed again for a re-check.
 * Rejected: closed with the reason the customer reads (both languages required). The request closes
 * (`completed` or `refused`), the audit log records who, and the customer is sent a message saying what was
 * decided and why (`correction_answered`, through the outbox) — all in the transaction that closes it.
 * CONFLICT when already answered.
 */
export async function resolveCorrection(
  deps: CorrectionDeps,
  input: {
    readonly correctionId: string;
    readonly by: AuditActor;
    readonly resolution: CorrectionResolution;
  },
): Promise<Correction> {
  const text = input.resolution.outcome === 'corrected' ? input.resolution.message : input.resolution.reason;
  const field = input.resolution.outcome === 'corrected' ? 'message' : 'reason';
  if (text.zh.trim().length === 0 || text.en.trim().length === 0)
    throw AppError.invalid(
      field,
      'both-languages',
      'write what the customer reads in Chinese and in English',
    );
  const current = await deps.store.find(deps.db, undefined, input.correctionId);
  if (!current) throw AppError.notFound('correction', input.correctionId);
  if (current.status !== 'open')
    throw new AppError('CONFLICT', `this correction was already ${current.status}`);
  const now = deps.clock.now();
  let event: Record<string, unknown> | null = null;
  if (input.resolution.outcome === 'corrected') {
    const disputed =
      current.subject.kind === 'profile'
        ? undefined
        : await deps.store.event(
            deps.db,
            current.customerId,
            current.subject.source,
            current.subject.eventId,
          );
    event = correctingEvent(current, disputed, input.resolution.values ?? current.proposed, now);
    const report = await deps.appendEvents([event]);
    const refused = report.rejected[0];
    if (refused) throw AppError.invalid(`values.${refused.field}`, 'event-rule', refused.reason);
  }
  return deps.db.transaction(async (tx) => {
    const locked = await deps.store.find(tx, current.customerId, current.id, true);
    if (!locked || locked.status !== 'open')
      throw new AppError('CONFLICT', `this correction was already ${locked?.status ?? 'answered'}`);
    const since =
      current.subject.kind === 'profile'
        ? null
        : ((await deps.store.event(tx, current.customerId, current.subject.source, current.subject.eventId))
            ?.occurredAt ?? null);
    const resolved: Correction = {
      ...locked,
      status: input.resolution.outcome,
      resolvedAt: now,
      resolvedBy: input.by,
      resolution: text,
      correctingEvent: event,
      affectedDecisions:
        current.subject.kind === 'profile'
          ? locked.affectedDecisions
          : await deps.store.decisionsSince(tx, current.customerId, since),
    };
    await deps.store.resolve(tx, resolved);
    // The person hears the answer — what was decided and why — written with it (one message per correction).
    await deps.outbox.write(tx, [
      {
        customerId: current.customerId,
        subjectId: current.id,
        occasion: 'answer',
        content: { kind: 'correction_answered', params: { text: correctionAnsweredText(resolved) } },
      },
    ]);
    await deps.audit.record(
      {
        actor: input.by,
        action: 'privacy.correction-resolve',
        subject: { type: 'customer', id: current.customerId },
        outcome: 'ok',
        details: {
          correctionId: current.id,
          requestId: current.requestId,
          resolution: input.resolution.outcome,
          affectedDecisions: resolved.affectedDecisions.length,
          ...(event ? { correctingEventId: String(event.eventId) } : {}),
        },
      },
      tx,
    );
    return resolved;
  });
}
