import type { DecisionRecord, FileAppealInput } from './appeal-ports.ts';
import type { Principal } from '../platform/auth/api-keys.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { fen } from '../platform/money/money.ts';
import { scrubPii } from '../platform/pii/mask.ts';
import type { BusinessCalendar } from '../platform/time/business-calendar.ts';
import { APPEAL_CATEGORIES, type Actor, type Appeal, type AppealCategory } from './appeal.ts';
import type { AppealSettings } from './appeal-settings.ts';
import { appealPriority, slaBreached, slaDue } from './appeal-sla.ts';
import type { QueueEntry } from './appeal-status.ts';

/**
 * Pure rules the appeals use cases share: who acts, who may review, how a filing is checked and what it
 * stores, the queue standing of an appeal, the re-check's back-off. No I/O here.
 */

/** A reviewer (or admin) key as the actor of an appeal's audit events. */
export const reviewerActor = (principal: Principal): Actor => ({
  kind: 'reviewer',
  id: principal.keyId,
  name: principal.name,
});

/** The customer acting through the app: the customer id, and the app's key as `via`. */
export const customerActor = (customerId: string, principal: Principal): Actor => ({
  kind: 'customer',
  id: customerId,
  name: 'customer',
  via: principal.keyId,
});

/** Only reviewers and admins act on appeals (FORBIDDEN otherwise). */
export function mustReview(principal: Principal): void {
  if (principal.role !== 'reviewer' && principal.role !== 'admin')
    throw new AppError('FORBIDDEN', `role "${principal.role}" may not review appeals`, {
      issues: [{ field: 'role', rule: 'reviewer', message: 'only reviewers act on appeals' }],
    });
}

/** The facility change's reason when a re-check resolves an appeal in the customer's favour. */
export const recheckFacilityReason = (appealId: string): string => `appeal ${appealId} resolved by re-check`;

/** When a failed re-check is tried again: the settings' waits by attempt, the last one repeated. */
export function recheckRetryAt(settings: AppealSettings, attempts: number, now: Date): Date {
  const waits = settings.recheckRetryMinutes;
  const minutes = waits[Math.min(attempts, waits.length) - 1] ?? waits[waits.length - 1] ?? 5;
  return new Date(now.getTime() + minutes * 60_000);
}

/** The SLA an appeal is queued with: due after the settings' business days, counted from the filing. */
export function queueDue(
  appeal: Pick<Appeal, 'filedAt'>,
  calendar: BusinessCalendar,
  settings: AppealSettings,
): QueueEntry {
  const due = slaDue(appeal.filedAt, calendar, settings.slaBusinessDays);
  return { slaDueDate: due.dueDate, slaDueAt: due.dueAt };
}

/** An appeal's place in the queue now: its priority and whether its SLA is breached. */
export function queueStanding(
  appeal: Appeal,
  now: Date,
  calendar: BusinessCalendar,
): { priority: number; slaBreached: boolean } {
  return {
    priority: appealPriority(
      { ...appeal, recheckBetter: appeal.recheckDiff?.verdict === 'better' },
      now,
      calendar,
    ),
    slaBreached: slaBreached(appeal.slaDueAt, appeal.resolvedAt ?? appeal.withdrawnAt, now),
  };
}

/**
 * Checks a filing's own fields (category, statement, evidence list) and returns them as stored: the
 * statement trimmed and with personal numbers masked.
 */
export function validateFiling(
  settings: AppealSettings,
  input: FileAppealInput,
): { category: AppealCategory; statement: string; evidenceIds: string[] } {
  if (!(APPEAL_CATEGORIES as readonly string[]).includes(input.category))
    throw AppError.invalid('category', 'one-of', `category must be one of ${APPEAL_CATEGORIES.join(', ')}`);
  const typed = input.statement.trim();
  if (typed === '') throw AppError.invalid('statement', 'non-empty', 'say in a few words what went wrong');
  if (typed.length > settings.maxStatementLength)
    throw AppError.invalid('statement', 'max-length', `at most ${settings.maxStatementLength} characters`);
  // Free text is stored as staff will read it: an ID, card or phone number typed into it is masked before
  // it is written (it cannot be encrypted like the identity columns, and nobody reads it unmasked).
  const statement = scrubPii(typed);
  const evidenceIds = [...(input.evidenceIds ?? [])];
  if (evidenceIds.length > settings.maxEvidencePerAppeal)
    throw AppError.invalid(
      'evidence',
      'max-items',
      `at most ${settings.maxEvidencePerAppeal} files per appeal`,
    );
  const seen = new Set<string>();
  for (const [index, id] of evidenceIds.entries()) {
    if (seen.has(id)) throw AppError.invalid(`evidence[${index}]`, 'unique', 'the same file is cited twice');
    seen.add(id);
  }
  return { category: input.category as AppealCategory, statement, evidenceIds };
}

/** A newly filed appeal of `decision`: nothing re-checked, queued or decided yet. */
export function filedAppeal(
  fields: {
    id: string;
    customerId: string;
    category: AppealCategory;
    statement: string;
    evidenceIds: string[];
    filedAt: Date;
    filedBy: Actor;
  },
  decision: Pick<DecisionRecord, 'id' | 'productCode' | 'requestedAmount' | 'limit'>,
): Appeal {
  return {
    id: fields.id,
    customerId: fields.customerId,
    decisionId: decision.id,
    productCode: decision.productCode,
    category: fields.category,
    statement: fields.statement,
    evidenceIds: fields.evidenceIds,
    status: 'filed',
    resolution: null,
    version: 1,
    amountAtStake: fen(decision.requestedAmount ?? decision.limit),
    filedAt: fields.filedAt,
    filedBy: fields.filedBy,
    recheckDecisionId: null,
    recheckDiff: null,
    recheckAttempts: 0,
    nextRecheckAt: null,
    leaseUntil: null,
    queuedAt: null,
    slaDueDate: null,
    slaDueAt: null,
    assignee: null,
    assignedAt: null,
    proposal: null,
    overrideDecisionId: null,
    upholdReasons: null,
    upholdMessage: null,
    resolvedAt: null,
    resolvedBy: null,
    withdrawnAt: null,
  };
}
