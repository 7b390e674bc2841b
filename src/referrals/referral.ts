import { samePerson, type Actor } from '../appeals/index.ts';
import { AppError } from '../platform/errors/app-error.ts';
import type { LocalizedText } from '../platform/i18n/localized.ts';
import type { Money } from '../platform/money/money.ts';
import { toExactRateString, type Rate } from '../platform/money/rate.ts';

/**
 * A referral case: an application decision came out `referred` (a technical fault, the referral band, a
 * policy output outside the product's range), and the customer was told a person will review it. The case
 * is opened with the decision; one reviewer at a time holds it (a claim that runs out), re-runs the
 * decision or decides — an approval above the reviewer's authority waits for a second person. The
 * transitions here are pure: the case as it is, a command and an instant give the case as it becomes, or an
 * AppError naming the rule that refuses it.
 */

/**
 * - `open`: waiting for a reviewer (also a claim that ran out);
 * - `claimed`: one reviewer holds it until `claimExpiresAt`;
 * - `pending_approval`: an approval above the maker's authority waits for a second person;
 * - `decided` (final): a person decided, or a re-run no longer referred;
 * - `expired` (final): a newer application of the same customer and product answered instead.
 */
export const REFERRAL_STATUSES = ['open', 'claimed', 'pending_approval', 'decided', 'expired'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const OPEN_REFERRAL_STATUSES: readonly ReferralStatus[] = ['open', 'claimed', 'pending_approval'];

/** How a case was closed. */
export type ClosedBy = 'review' | 'rerun' | 'superseded';

/** An approval above the maker's authority, waiting for a second person. */
export interface ReferralProposal {
  readonly maker: Actor;
  readonly limit: Money;
  readonly apr: Rate;
  readonly note: string;
  readonly proposedAt: Date;
}

export interface ReferralCase {
  readonly id: string;
  readonly customerId: string;
  /** The referred decision. */
  readonly decisionId: string;
  readonly productCode: string;
  /** Why it was referred: the decision's reason codes (SYSTEM_UNAVAILABLE, REFERRED_FOR_REVIEW, …). */
  readonly reasonCodes: readonly string[];
  /** For a referral by fault: the stage that failed (snapshot, facility, scoring, policy, provider). */
  readonly faultStage: string | null;
  readonly status: ReferralStatus;
  /** Optimistic version; every change adds one. */
  readonly version: number;
  readonly claimedBy: Actor | null;
  readonly claimedAt: Date | null;
  readonly claimExpiresAt: Date | null;
  readonly proposal: ReferralProposal | null;
  readonly slaDueAt: Date;
  readonly createdAt: Date;
  readonly decidedAt: Date | null;
  readonly closedBy: ClosedBy | null;
  readonly outcome: 'approved' | 'declined' | 'referred' | null;
  /** The decision that closed the case: the person's (manual_review), the re-run's, or the newer one. */
  readonly resultDecisionId: string | null;
}

/** Every action that leaves a history event. */
export type ReferralAction =
  | 'opened'
  | 'claimed'
  | 'released'
  | 'rerun'
  | 'proposed'
  | 'approved'
  | 'rejected'
  | 'decided'
  | 'expired'
  | 'notified'
  | 'refused';

export type HistoryValue =
  string | number | boolean | null | HistoryValue[] | { [key: string]: HistoryValue };

/** One event of a case's history, append-only. */
export interface ReferralEvent {
  readonly id: string;
  readonly referralId: string;
  readonly customerId: string;
  readonly seq: number;
  readonly action: ReferralAction;
  readonly actor: Actor;
  readonly at: Date;
  readonly statusBefore: ReferralStatus | null;
  readonly statusAfter: ReferralStatus;
  readonly details: Readonly<Record<string, HistoryValue>>;
  readonly note: string | null;
}

export type EventDraft = Omit<ReferralEvent, 'id' | 'seq' | 'referralId' | 'customerId'>;

/**
 * What the customer is told when a case closes with a decision (an outbox row: written with the change,
 * delivered after it commits).
 */
export interface ReferralNotification {
  readonly id: string;
  readonly referralId: string;
  readonly customerId: string;
  readonly kind: 'decided';
  readonly decisionId: string;
  readonly text: LocalizedText;
  readonly createdAt: Date;
  readonly deliveredAt: Date | null;
}

export const REFERRAL_SYSTEM: Actor = { kind: 'system', id: 'referrals', name: 'referral queue' };

/** Whether the case is closed (decided or expired). */
export function isClosed(status: ReferralStatus): boolean {
  return status === 'decided' || status === 'expired';
}

/** The case as it stands at `now`: a claim that ran out is no claim (the case is open again). */
export function effective(referral: ReferralCase, now: Date): ReferralCase {
  if (
    referral.status === 'claimed' &&
    referral.claimExpiresAt !== null &&
    referral.claimExpiresAt.getTime() <= now.getTime()
  )
    return { ...referral, status: 'open', claimedBy: null, claimedAt: null, claimExpiresAt: null };
  return referral;
}

function refuse(code: 'CONFLICT' | 'FORBIDDEN', field: string, rule: string, message: string): AppError {
  return new AppError(code, message, { issues: [{ field, rule, message }] });
}

function finalConflict(referral: ReferralCase, action: string): AppError {
  return refuse(
    'CONFLICT',
    'status',
    'final-status',
    `the referral is already ${referral.status}${referral.resultDecisionId ? ` (decision ${referral.resultDecisionId})` : ''}; it cannot be ${action}`,
  );
}

/**
 * Refuses unless `by` holds a live claim on the case (at `now`): not claimed → claim it first; someone
 * else's claim → 409 naming them; a claim of one's own that ran out → 409, claim again.
 */
export function mustHold(stored: ReferralCase, by: Actor, now: Date, action: string): void {
  if (isClosed(stored.status)) throw finalConflict(stored, action);
  if (stored.status === 'pending_approval')
    throw refuse(
      'CONFLICT',
      'status',
      'pending-approval',
      `the referral waits for a second person to approve ${stored.proposal?.maker.name ?? 'a colleague'}'s decision; approve or reject it instead`,
    );
  const current = effective(stored, now);
  if (current.status === 'claimed' && current.claimedBy?.id === by.id) return;
  if (current.status === 'claimed')
    throw refuse(
      'CONFLICT',
      'claim',
      'claimed-by-other',
      `${current.claimedBy?.name ?? 'another reviewer'} holds this referral until ${current.claimExpiresAt?.toISOString() ?? '-'}; your claim is stale`,
    );
  if (stored.status === 'claimed' && stored.claimedBy?.id === by.id)
    throw refuse(
      'CONFLICT',
      'claim',
      'claim-expired',
      `your claim ran out at ${stored.claimExpiresAt?.toISOString() ?? '-'}; claim the referral again to ${action} it`,
    );
  throw refuse('CONFLICT', 'claim', 'not-claimed', `claim the referral first, then ${action} it`);
}

export interface Change {
  readonly referral: ReferralCase;
  readonly events: readonly EventDraft[];
}

const actorValue = (actor: Actor | null): HistoryValue =>
  actor === null ? null : { kind: actor.kind, id: actor.id, name: actor.name };

function bump(referral: ReferralCase, changes: Partial<ReferralCase>): ReferralCase {
  return { ...referral, ...changes, version: referral.version + 1 };
}

function event(
  action: ReferralAction,
  actor: Actor,
  at: Date,
  before: ReferralStatus | null,
  after: ReferralStatus,
  details: Record<string, HistoryValue> = {},
  note: string | null = null,
): EventDraft {
  return { action, actor, at, statusBefore: before, statusAfter: after, details, note };
}

/**
 * Claims the case for `by` until `until`. Claiming one's own live claim again renews it; a live claim of
 * someone else is a 409 (one reviewer at a time); a claim that ran out is free to take.
 */
export function claim(stored: ReferralCase, by: Actor, now: Date, until: Date): Change {
  if (isClosed(stored.status)) throw finalConflict(stored, 'claimed');
  if (stored.status === 'pending_approval')
    throw refuse(
      'CONFLICT',
      'status',
      'pending-approval',
      'the referral waits for a second person to approve a decision; approve or reject it instead',
    );
  const current = effective(stored, now);
  if (current.status === 'claimed' && current.claimedBy && current.claimedBy.id !== by.id)
    throw refuse(
      'CONFLICT',
      'claim',
      'claimed-by-other',
      `${current.claimedBy.name} holds this referral until ${current.claimExpiresAt?.toISOString() ?? '-'}`,
    );
  const referral = bump(stored, {
    status: 'claimed',
    claimedBy: by,
    claimedAt: now,
    claimExpiresAt: until,
  });
  return {
    referral,
    events: [
      event('claimed', by, now, current.status, 'claimed', {
        until: until.toISOString(),
        previous: actorValue(stored.claimedBy),
      }),
    ],
  };
}

/** Gives the case back to the queue: the holder, or an admin (`force`) taking it from anyone. */
export function release(stored: ReferralCase, by: Actor, now: Date, force: boolean): Change {
  if (!force) mustHold(stored, by, now, 'released');
  else if (isClosed(stored.status) || stored.status !== 'claimed') mustHold(stored, by, now, 'released');
  return {
    referral: bump(stored, { status: 'open', claimedBy: null, claimedAt: null, claimExpiresAt: null }),
    events: [
      event('released', by, now, 'claimed', 'open', {
        holder: actorValue(stored.claimedBy),
        forced: force && stored.claimedBy?.id !== by.id,
      }),
    ],
  };
}

/** An approval above the maker's authority: held for a second person, the claim given up. */
export function propose(stored: ReferralCase, proposal: ReferralProposal, now: Date): Change {
  mustHold(stored, proposal.maker, now, 'decided');
  return {
    referral: bump(stored, {
      status: 'pending_approval',
      proposal,
      claimedBy: null,
      claimedAt: null,
      claimExpiresAt: null,
    }),
    events: [
      event(
        'proposed',
        proposal.maker,
        now,
        'claimed',
        'pending_approval',
        { limit: proposal.limit.toString(), apr: toExactRateString(proposal.apr) },
        proposal.note,
      ),
    ],
  };
}

/** The second person: anyone with the role but the maker (compared as people, as appeals do). */
export function mustCheck(stored: ReferralCase, by: Actor, action: 'approve' | 'reject'): ReferralProposal {
  if (isClosed(stored.status)) throw finalConflict(stored, `${action}d`);
  if (stored.status !== 'pending_approval' || !stored.proposal)
    throw refuse(
      'CONFLICT',
      'status',
      'status',
      `a referral that is ${stored.status} has nothing to ${action}`,
    );
  if (samePerson(stored.proposal.maker, by))
    throw refuse(
      'FORBIDDEN',
      'reviewer',
      'maker-checker',
      `the reviewer who proposed this decision cannot ${action} it; a second person must`,
    );
  return stored.proposal;
}

/** The checker sends the proposal back: the case is open again. */
export function reject(stored: ReferralCase, by: Actor, now: Date, note: string): Change {
  const proposal = mustCheck(stored, by, 'reject');
  return {
    referral: bump(stored, { status: 'open', proposal: null }),
    events: [
      event(
        'rejected',
        by,
        now,
        'pending_approval',
        'open',
        { maker: actorValue(proposal.maker), limit: proposal.limit.toString() },
        note,
      ),
    ],
  };
}

/** Closes the case with the decision that answers it. */
export function close(
  stored: ReferralCase,
  by: Actor,
  now: Date,
  result: {
    readonly closedBy: ClosedBy;
    readonly outcome: 'approved' | 'declined' | 'referred';
    readonly decisionId: string;
    readonly action: ReferralAction;
    readonly details?: Record<string, HistoryValue>;
    readonly note?: string | null;
  },
): Change {
  if (isClosed(stored.status)) throw finalConflict(stored, 'decided');
  const status: ReferralStatus = result.closedBy === 'superseded' ? 'expired' : 'decided';
  return {
    // A proposal's maker and terms stay on the history (`proposed`) and in the decision's reviewer.
    referral: bump(stored, {
      status,
      proposal: null,
      claimedBy: null,
      claimedAt: null,
      claimExpiresAt: null,
      decidedAt: now,
      closedBy: result.closedBy,
      outcome: result.outcome,
      resultDecisionId: result.decisionId,
    }),
    events: [
      event(
        result.action,
        by,
        now,
        effective(stored, now).status,
        status,
        { decisionId: result.decisionId, outcome: result.outcome, ...(result.details ?? {}) },
        result.note ?? null,
      ),
    ],
  };
}
