import type { AuditActor } from '../platform/audit/audit-log.ts';
import { AppError } from '../platform/errors/app-error.ts';
import {
  checkProposed,
  correctionDueDate,
  PROFILE_FIELDS,
  type Correction,
  type CorrectionDeps,
  type CorrectionSubject,
} from './correction-rules.ts';

export interface CorrectionRequest {
  readonly customerId: string;
  readonly subject: CorrectionSubject;
  readonly statement: string;
  readonly proposed?: Readonly<Record<string, unknown>>;
  readonly filedBy: AuditActor;
  /** Staff filing for the customer give one. */
  readonly reason?: string;
}

/**
 * Files a correction: checks that the disputed record is the customer's (NOT_FOUND otherwise — another
 * customer's event is not disclosed), lists the decisions made on or after it for a re-check, sets the SLA
 * (the setting in calendar days, copied onto the row), and records the correction, its request and the audit
 * entry in one transaction.
 */
export async function fileCorrection(deps: CorrectionDeps, input: CorrectionRequest): Promise<Correction> {
  const statement = input.statement.trim();
  if (statement.length === 0) throw AppError.invalid('statement', 'required', 'say what is wrong');
  const staff = input.filedBy.kind !== 'customer';
  const reason = input.reason?.trim() ?? '';
  if (staff && reason.length === 0)
    throw AppError.invalid('reason', 'required', 'staff filing for the customer give a reason');
  if (
    input.subject.kind === 'profile' &&
    !(PROFILE_FIELDS as readonly string[]).includes(input.subject.field)
  )
    throw AppError.invalid('subject.field', 'one-of', `must be one of ${PROFILE_FIELDS.join(', ')}`);
  const proposed = input.proposed ?? {};
  checkProposed(input.subject, proposed);
  await deps.customerExists(input.customerId);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    let since: Date | null;
    if (input.subject.kind === 'profile') {
      since = (await deps.store.latestProfile(tx, input.customerId, input.subject.field))?.occurredAt ?? null;
    } else {
      const disputed = await deps.store.event(
        tx,
        input.customerId,
        input.subject.source,
        input.subject.eventId,
      );
      if (!disputed) throw AppError.notFound('event', `${input.subject.source}/${input.subject.eventId}`);
      if (input.subject.kind === 'repayment' && disputed.type !== 'repayment')
        throw AppError.invalid(
          'subject.kind',
          'mismatch',
          `this event is a ${disputed.type}, not a repayment record`,
        );
      since = disputed.occurredAt;
    }
    const correction: Correction = {
      id: deps.ids.next('dataCorrection'),
      customerId: input.customerId,
      requestId: deps.ids.next('dataSubjectRequest'),
      subject: input.subject,
      statement,
      proposed,
      status: 'open',
      slaDays: deps.settings.correctionSlaDays,
      dueDate: correctionDueDate(now, deps.settings.correctionSlaDays),
      filedAt: now,
      filedBy: input.filedBy,
      resolvedAt: null,
      resolvedBy: null,
      resolution: null,
      correctingEvent: null,
      affectedDecisions: await deps.store.decisionsSince(tx, input.customerId, since),
    };
    await deps.store.insert(tx, correction, staff ? reason : null);
    await deps.audit.record(
      {
        actor: input.filedBy,
        action: 'privacy.correction-file',
        subject: { type: 'customer', id: input.customerId },
        outcome: 'ok',
        details: {
          correctionId: correction.id,
          requestId: correction.requestId,
          subject: correction.subject.kind,
          dueDate: correction.dueDate,
          slaDays: correction.slaDays,
          ...(staff ? { reason } : {}),
        },
      },
      tx,
    );
    return correction;
  });
}
