import { AppError } from '../platform/errors/app-error.ts';
import type { LocalDate } from '../platform/time/local-date.ts';

/**
 * Four-eyes changes: what changes who gets credit — a policy version, the active scoring model, a dated
 * lending setting — is a change request that a second person approves (or rejects) before it takes effect.
 * Pure rules here; storage in `change-requests.pg.ts`, the use cases in `change-service.ts`.
 */

export const CHANGE_KINDS = ['policy', 'model', 'settings'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const CHANGE_STATUSES = ['pending', 'approved', 'rejected', 'superseded'] as const;
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];

/** Who asks or decides: the caller's id (API key, staff session, CLI) and the name that identifies the person. */
export interface ChangeActor {
  readonly id: string;
  readonly name: string;
}

/** The actor recorded for the bootstrap (first policy of a fresh database, demo seeding). */
export const BOOTSTRAP_ACTOR: ChangeActor = { id: 'bootstrap', name: 'bootstrap' };

export interface ChangeRequest {
  readonly id: string;
  readonly kind: ChangeKind;
  /** What it changes: a policy version id, a model version, `riskAppetite@2026-12-01`, … */
  readonly subject: string;
  /** Pending requests of one scope replace each other (the older becomes superseded). */
  readonly scope: string;
  /** One line for the inbox: `policy default v3 from 2026-12-01`. */
  readonly summary: string;
  /** What is applied on approval (JSON). */
  readonly payload: Readonly<Record<string, unknown>>;
  readonly requestedBy: ChangeActor;
  readonly requestedAt: Date;
  readonly effectiveFrom: LocalDate;
  readonly simulationId: string | null;
  readonly status: ChangeStatus;
  readonly decidedBy: ChangeActor | null;
  readonly decidedAt: Date | null;
  readonly note: string;
  /** Took effect without a second person (first policy of a fresh database, demo seeding). */
  readonly bootstrap: boolean;
}

/**
 * A name as a person: Unicode width, case and spacing do not make another person ("Ana Lin", " ana  lin ",
 * "ＡＮＡ LIN" are one). The same rule as appeals' maker-checker (src/appeals/appeal-status.ts).
 */
export function personName(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('en-US');
}

/** Two actors are one person when they act through the same key or session, or under one name. */
export function samePerson(a: ChangeActor, b: ChangeActor): boolean {
  return a.id === b.id || personName(a.name) === personName(b.name);
}

export type ChangeDecision = 'approve' | 'reject';

/**
 * Refuses a decision that may not be taken: a request already decided (CONFLICT, final once decided), or an
 * approval or rejection by the person who asked (FORBIDDEN, `maker-checker`) — a requester withdraws by
 * submitting again, never by deciding their own request.
 */
export function checkDecision(change: ChangeRequest, decision: ChangeDecision, by: ChangeActor): void {
  if (change.status !== 'pending') {
    throw new AppError(
      'CONFLICT',
      `change ${change.id} is already ${change.status}${change.decidedBy ? ` (by ${change.decidedBy.name})` : ''}; a decided change is final`,
      {
        issues: [{ field: 'changeId', rule: 'final', message: `already ${change.status}` }],
        details: { changeId: change.id, changeStatus: change.status },
      },
    );
  }
  if (samePerson(change.requestedBy, by)) {
    throw new AppError(
      'FORBIDDEN',
      `${by.name} asked for this change and cannot ${decision} it; a second person must (four-eyes)`,
      {
        issues: [
          {
            field: 'approver',
            rule: 'maker-checker',
            message: `the requester (${change.requestedBy.name}) cannot ${decision} their own change`,
          },
        ],
        details: { changeId: change.id, requestedBy: change.requestedBy.name },
      },
    );
  }
}

/** A note on a decision: optional, at most 1,000 characters. */
export function parseNote(note: string | undefined): string {
  const value = (note ?? '').trim();
  if (value.length > 1000) throw AppError.invalid('note', 'max-length', 'at most 1,000 characters');
  return value;
}
