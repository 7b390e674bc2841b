import type { LocalDate } from '../platform/time/local-date.ts';
import type { DataSubjectRequest } from './data-subject-request.ts';
import type { Bilingual, ErasureHold } from './erasure-holds.ts';
import type { LegalHold } from './erasure.pg.ts';
import { erasureSummary, holdText } from './privacy-texts.ts';

/** What the API and CLI show of a request (no rows on the wire): the customer's view, or staff's. */
export interface HoldView {
  readonly kind: ErasureHold['kind'];
  readonly ruleId: string | null;
  readonly subject: ErasureHold['subject'];
  readonly heldThrough: LocalDate | null;
  readonly closedOn: LocalDate | null;
  readonly text: Bilingual;
}

export interface RequestView {
  readonly id: string;
  readonly customerId: string;
  readonly kind: DataSubjectRequest['kind'];
  readonly status: DataSubjectRequest['status'];
  readonly requestedBy: DataSubjectRequest['requestedBy'];
  readonly reason: string | null;
  readonly requestedAt: string;
  readonly holds: HoldView[];
  /** The first date it can be carried out; null when now, done, or a hold lasts until an event. */
  readonly erasableFrom: LocalDate | null;
  readonly summary: Bilingual;
  readonly completedAt: string | null;
  readonly outcome: Readonly<Record<string, unknown>> | null;
}

export function requestView(request: DataSubjectRequest, audience: 'customer' | 'staff'): RequestView {
  const status =
    request.status === 'completed' || request.status === 'cancelled' || request.status === 'blocked'
      ? request.status
      : 'received';
  return {
    id: request.id,
    customerId: request.customerId,
    kind: request.kind,
    status: request.status,
    requestedBy: request.requestedBy,
    reason: audience === 'staff' ? request.reason : null,
    requestedAt: request.requestedAt.toISOString(),
    holds: request.holds.map((hold) => ({
      kind: hold.kind,
      ruleId: hold.ruleId,
      subject: hold.subject,
      heldThrough: hold.heldThrough,
      closedOn: hold.closedOn,
      text: holdText(hold, audience),
    })),
    erasableFrom: request.notBefore,
    summary: erasureSummary(status, request.holds, request.notBefore),
    completedAt: request.completedAt?.toISOString() ?? null,
    outcome: request.outcome,
  };
}

export interface LegalHoldView {
  readonly id: string;
  readonly customerId: string;
  readonly reason: string;
  readonly authority: string | null;
  readonly heldUntil: LocalDate;
  readonly placedBy: string;
  readonly placedAt: string;
  readonly releasedAt: string | null;
  readonly releasedBy: string | null;
  readonly releaseReason: string | null;
}

export function legalHoldView(hold: LegalHold): LegalHoldView {
  return {
    ...hold,
    placedAt: hold.placedAt.toISOString(),
    releasedAt: hold.releasedAt?.toISOString() ?? null,
  };
}

/** A customer's own erasure request as the app shows it: the outcome read back field by field. */
export function myErasureView(request: DataSubjectRequest): Omit<RequestView, 'outcome'> & {
  readonly outcome: ErasureOutcomeView | null;
} {
  return { ...requestView(request, 'customer'), outcome: erasureOutcomeOf(request.outcome) };
}

/** What an erasure did, as the API shows it (`ErasureOutcome` in `erasure-steps.ts`, read back). */
export interface ErasureOutcomeView {
  dataKeyDestroyed: boolean;
  resealed: { identifiers: number; cards: number; evidence: number };
  cardsUnindexed: number;
  sessionsRevoked: number;
  copiesPurged: number;
  ownWordsRedacted: number;
  removed: string[];
}

/** An erasure's stored outcome (JSON written from `ErasureOutcome`), read back; null before it ran. */
export function erasureOutcomeOf(
  stored: Readonly<Record<string, unknown>> | null,
): ErasureOutcomeView | null {
  if (stored === null) return null;
  const count = (value: unknown) => (typeof value === 'number' && Number.isSafeInteger(value) ? value : 0);
  const resealed = (stored.resealed ?? {}) as Record<string, unknown>;
  return {
    dataKeyDestroyed: stored.dataKeyDestroyed === true,
    resealed: {
      identifiers: count(resealed.identifiers),
      cards: count(resealed.cards),
      evidence: count(resealed.evidence),
    },
    cardsUnindexed: count(stored.cardsUnindexed),
    sessionsRevoked: count(stored.sessionsRevoked),
    copiesPurged: count(stored.copiesPurged),
    ownWordsRedacted: count(stored.ownWordsRedacted),
    removed: Array.isArray(stored.removed) ? stored.removed.map(String) : [],
  };
}
