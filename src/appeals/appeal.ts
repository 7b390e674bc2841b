import type { LocalizedText } from '../platform/i18n/localized.ts';
import type { Money } from '../platform/money/money.ts';
import type { Rate } from '../platform/money/rate.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import type { RecheckDiff } from './recheck-comparison.ts';

/**
 * An appeal: a customer contests a credit decision. It is filed durably first, re-checked automatically
 * (a new decision on current data, model and policy), and — unless the re-check already decides it in the
 * customer's favour — reviewed by a person, whose overturn is itself a decision record. Every step is an
 * append-only audit event.
 */

/** What the customer says went wrong. */
export const APPEAL_CATEGORIES = ['identity', 'data_error', 'repaid_debt', 'system_fault', 'other'] as const;
export type AppealCategory = (typeof APPEAL_CATEGORIES)[number];

/**
 * - `filed`: received and stored; the automatic re-check is pending (or waiting for a dependency to return);
 * - `queued`: waiting for a reviewer, with an SLA clock;
 * - `in_review`: one reviewer holds it;
 * - `pending_approval`: an overturn above the maker-checker threshold waits for a second reviewer;
 * - `resolved` (final): see `Resolution`;
 * - `withdrawn` (final): by the customer.
 */
export const APPEAL_STATUSES = [
  'filed',
  'queued',
  'in_review',
  'pending_approval',
  'resolved',
  'withdrawn',
] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

/** Statuses in which an appeal is open: at most one open appeal per decision (a unique index says so). */
export const OPEN_STATUSES: readonly AppealStatus[] = ['filed', 'queued', 'in_review', 'pending_approval'];

export function isOpen(status: AppealStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** How a resolved appeal ended. */
export const RESOLUTIONS = ['overturned_by_recheck', 'overturned', 'upheld'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

/**
 * Who did something. Reviewers and the app are API-key principals (`id` is the key id — the same key is the
 * same person for maker-checker); the system is the re-check and the recovery pass; the customer acts
 * through the app (`id` is the customer id, `via` the app's key id).
 */
export interface Actor {
  readonly kind: 'customer' | 'reviewer' | 'system';
  readonly id: string;
  readonly name: string;
  readonly via?: string;
}

export const SYSTEM_ACTOR: Actor = { kind: 'system', id: 'system', name: 'appeals re-check' };

/** The actor of `sla_breached` events. */
export const SLA_CLOCK_ACTOR: Actor = { kind: 'system', id: 'sla-clock', name: 'appeals SLA clock' };

/** A limit and price a reviewer grants when overturning. */
export interface OverrideTerms {
  readonly limit: Money;
  readonly apr: Rate;
}

/** An overturn waiting for a second reviewer: who proposed it, the terms, and the note. */
export interface Proposal {
  /** The review id (`rvw_…`) the override decision will name as its reviewer. */
  readonly reviewId: string;
  readonly maker: Actor;
  readonly terms: OverrideTerms;
  readonly note: string;
  readonly proposedAt: Date;
}

/** One reason an appeal was upheld, as the customer reads it. */
export interface UpholdReason {
  readonly code: string;
  /** Typed parameters, JSON-safe (money as fen strings). */
  readonly params: Readonly<Record<string, string | number>>;
  readonly text: LocalizedText;
}

export interface Appeal {
  readonly id: string;
  readonly customerId: string;
  readonly decisionId: string;
  readonly productCode: string;
  readonly category: AppealCategory;
  readonly statement: string;
  readonly evidenceIds: readonly string[];
  readonly status: AppealStatus;
  readonly resolution: Resolution | null;
  /** Optimistic version; every change adds one. */
  readonly version: number;
  /** What the customer asked for, or the limit at stake (for priority). */
  readonly amountAtStake: Money;
  readonly filedAt: Date;
  readonly filedBy: Actor;
  readonly recheckDecisionId: string | null;
  readonly recheckDiff: RecheckDiff | null;
  readonly recheckAttempts: number;
  /** When the next re-check attempt is due (after a fault); null when it is due now or done. */
  readonly nextRecheckAt: Date | null;
  /** A worker holds the re-check step until then (a crashed worker's lease simply runs out). */
  readonly leaseUntil: Date | null;
  readonly queuedAt: Date | null;
  /** The SLA: resolved by the end of this Shanghai business date. */
  readonly slaDueDate: LocalDate | null;
  readonly slaDueAt: Date | null;
  readonly assignee: Actor | null;
  readonly assignedAt: Date | null;
  readonly proposal: Proposal | null;
  readonly overrideDecisionId: string | null;
  readonly upholdReasons: readonly UpholdReason[] | null;
  /** The reviewer's own words to the customer, when given (both languages). */
  readonly upholdMessage: LocalizedText | null;
  readonly resolvedAt: Date | null;
  readonly resolvedBy: Actor | null;
  readonly withdrawnAt: Date | null;
}

/** Every action that leaves an audit event. */
export const AUDIT_ACTIONS = [
  'filed',
  'rechecked',
  'queued',
  'assigned',
  'released',
  'commented',
  'decided',
  'approved',
  'rejected',
  'notified',
  'withdrawn',
  // Written by the SLA clock (not a status change): the appeal was still open at its due instant.
  'sla_breached',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** A JSON-safe value for the before/after of an audit event. */
export type AuditValue = string | number | boolean | null | AuditValue[] | { [key: string]: AuditValue };

/** One audit event, append-only: who did what, when, and what it changed. */
export interface AuditEvent {
  readonly id: string;
  readonly appealId: string;
  readonly customerId: string;
  /** 1, 2, 3 … per appeal. */
  readonly seq: number;
  readonly action: AuditAction;
  readonly actor: Actor;
  readonly at: Date;
  readonly statusBefore: AppealStatus | null;
  readonly statusAfter: AppealStatus;
  readonly before: Readonly<Record<string, AuditValue>>;
  readonly after: Readonly<Record<string, AuditValue>>;
  readonly note: string | null;
}

/** What a pure transition produces before ids and sequence numbers are assigned. */
export type AuditDraft = Omit<AuditEvent, 'id' | 'seq' | 'appealId' | 'customerId'>;

/** Notifications the customer gets (through the `Notifier` port), recorded before they are sent. */
export const NOTIFICATION_KINDS = ['received', 'queued', 'resolved', 'withdrawn'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface AppealNotification {
  readonly id: string;
  readonly appealId: string;
  readonly customerId: string;
  readonly kind: NotificationKind;
  readonly text: LocalizedText;
  readonly createdAt: Date;
  readonly deliveredAt: Date | null;
}
