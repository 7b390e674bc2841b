import type { AuditActor, AuditLog } from '../platform/audit/audit-log.ts';
import type { Queryable } from '../platform/database/database.ts';
import { AppError } from '../platform/errors/app-error.ts';
import type { LocalizedText } from '../platform/i18n/localized.ts';
import type { IdGenerator } from '../platform/ids/ids.ts';
import type { MessageOutbox } from '../platform/notifications/index.ts';
import type { Clock } from '../platform/time/clock.ts';
import { addDays, businessDateOf, compareDates, type LocalDate } from '../platform/time/local-date.ts';
import type { PrivacySettings } from './privacy-settings.ts';

/**
 * Correction of a wrong fact (PIPL Art. 46; 异议 under the credit-reporting rules): the types, the SLA and
 * the rules of what can be corrected how. Pure.
 *
 * A fact is never changed in place (`customer_events` is append-only): a correction that is upheld appends
 * a *correcting event* that supersedes the disputed one the way the feature pass already reads events —
 * a repayment record by its key (scope, lender, loan, due date: the latest report wins), a profile field by
 * field (the latest value wins). Other events (a payment, an inquiry, a login) have no superseding form in
 * the event catalogue: a dispute about one can be answered (rejected with a reason) but not corrected by an
 * event here; see docs/privacy.md.
 */

export const CORRECTION_SUBJECTS = ['event', 'profile', 'repayment'] as const;
export type CorrectionSubjectKind = (typeof CORRECTION_SUBJECTS)[number];

export const CORRECTION_STATUSES = ['open', 'corrected', 'rejected'] as const;
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];

/** The profile fields a person can correct (`profile` events carry them; each folds on its own). */
export const PROFILE_FIELDS = [
  'occupation',
  'residenceCity',
  'incomeBand',
  'education',
  'socialInsurance',
  'housingFund',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** The repayment fields a correction may change (the key — scope, lender, loan, due date — stays). */
export const REPAYMENT_FIELDS = ['paidDate', 'amount'] as const;

export type CorrectionSubject =
  | { readonly kind: 'event'; readonly source: string; readonly eventId: string }
  | { readonly kind: 'repayment'; readonly source: string; readonly eventId: string }
  | { readonly kind: 'profile'; readonly field: ProfileField };

export interface Correction {
  readonly id: string;
  readonly customerId: string;
  readonly requestId: string;
  readonly subject: CorrectionSubject;
  readonly statement: string;
  /** What the person says is right, in wire form (`{paidDate: "2026-10-05"}`, `{incomeBand: "10k_20k"}`). */
  readonly proposed: Readonly<Record<string, unknown>>;
  readonly status: CorrectionStatus;
  /** The SLA in calendar days when filed (the setting then), and the date it falls due. */
  readonly slaDays: number;
  readonly dueDate: LocalDate;
  readonly filedAt: Date;
  readonly filedBy: AuditActor;
  readonly resolvedAt: Date | null;
  readonly resolvedBy: AuditActor | null;
  /** What the customer reads: why it was rejected, or what was corrected. */
  readonly resolution: LocalizedText | null;
  /** The appended event (wire form), when corrected. */
  readonly correctingEvent: Readonly<Record<string, unknown>> | null;
  /** Decisions made on or after the disputed fact, listed for a re-check. */
  readonly affectedDecisions: readonly string[];
}

/** The disputed record as stored (an event row), when the subject is one. */
export interface DisputedEvent {
  readonly source: string;
  readonly eventId: string;
  readonly type: string;
  readonly occurredAt: Date;
  readonly payload: Readonly<Record<string, unknown>>;
}

/** Storage (`correction-store.pg.ts`). */
export interface CorrectionStore {
  /** Records the correction and its request (`data_subject_requests`, kind `correction`) in the transaction. */
  insert(q: Queryable, correction: Correction, reason: string | null): Promise<void>;
  find(
    q: Queryable,
    customerId: string | undefined,
    id: string,
    forUpdate?: boolean,
  ): Promise<Correction | undefined>;
  list(q: Queryable, customerId: string, limit: number): Promise<Correction[]>;
  /** Open corrections, the earliest due first. */
  queue(q: Queryable, limit: number): Promise<Correction[]>;
  resolve(q: Queryable, correction: Correction): Promise<void>;
  event(
    q: Queryable,
    customerId: string,
    source: string,
    eventId: string,
  ): Promise<DisputedEvent | undefined>;
  /** The latest profile event that set `field`, if any. */
  latestProfile(q: Queryable, customerId: string, field: ProfileField): Promise<DisputedEvent | undefined>;
  /** Ids of the customer's decisions made at or after `since` (all of them when null), oldest first. */
  decisionsSince(q: Queryable, customerId: string, since: Date | null): Promise<string[]>;
}

export interface CorrectionDeps {
  readonly db: { transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> } & Queryable;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly audit: AuditLog;
  readonly store: CorrectionStore;
  readonly settings: PrivacySettings;
  /** The customer's messages: an answered correction is told to the person, written with the answer. */
  readonly outbox: MessageOutbox;
  /** Appends events through the customers context (validated as any import); refusals are returned. */
  appendEvents(
    rows: readonly Record<string, unknown>[],
  ): Promise<{ readonly rejected: readonly { field: string; reason: string }[] }>;
  /** NOT_FOUND for an unknown customer. */
  customerExists(customerId: string): Promise<void>;
}

/** The day the answer is due: the filing's business date plus the SLA in calendar days. */
export function correctionDueDate(filedAt: Date, slaDays: number): LocalDate {
  return addDays(businessDateOf(filedAt), slaDays);
}

/** Past its due date and still open (as of `now`). */
export function correctionOverdue(correction: Pick<Correction, 'status' | 'dueDate'>, now: Date): boolean {
  return correction.status === 'open' && compareDates(businessDateOf(now), correction.dueDate) > 0;
}

/** Checks what the person proposes against the subject: only the fields that subject can change. */
export function checkProposed(subject: CorrectionSubject, proposed: Readonly<Record<string, unknown>>): void {
  const allowed: readonly string[] =
    subject.kind === 'profile' ? [subject.field] : subject.kind === 'repayment' ? REPAYMENT_FIELDS : [];
  for (const field of Object.keys(proposed))
    if (!allowed.includes(field))
      throw AppError.invalid(
        `proposed.${field}`,
        'not-correctable',
        allowed.length > 0
          ? `only ${allowed.join(', ')} can be proposed for a ${subject.kind}`
          : 'say what is wrong in the statement; an event of this kind is answered, not rewritten',
      );
}

/**
 * The event that corrects the disputed fact, in wire form, under the source `data-correction` with the
 * correction's id as its event id (a retry appends it once). NOT correctable (UNPROCESSABLE) for an event
 * that nothing in the catalogue supersedes.
 */
export function correctingEvent(
  correction: Correction,
  disputed: DisputedEvent | undefined,
  values: Readonly<Record<string, unknown>>,
  at: Date,
): Record<string, unknown> {
  const base = {
    eventId: correction.id,
    customerId: correction.customerId,
    source: 'data-correction',
    occurredAt: at.toISOString(),
  };
  if (correction.subject.kind === 'profile') {
    const value = values[correction.subject.field];
    if (value === undefined)
      throw AppError.invalid(
        `correction.${correction.subject.field}`,
        'required',
        'give the corrected value',
      );
    return { ...base, type: 'profile', [correction.subject.field]: value };
  }
  if (correction.subject.kind === 'repayment' && disputed?.type === 'repayment') {
    const changed = Object.fromEntries(
      REPAYMENT_FIELDS.filter((f) => values[f] !== undefined).map((f) => [f, values[f]]),
    );
    if (Object.keys(changed).length === 0)
      throw AppError.invalid('correction.paidDate', 'required', 'give the corrected paidDate or amount');
    return { ...base, type: 'repayment', ...disputed.payload, ...changed };
  }
  throw new AppError(
    'UNPROCESSABLE',
    'this record has no correcting form (only repayment records and profile fields are corrected by an event); reject it with the reason the customer reads',
  );
}
