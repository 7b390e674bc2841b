import { AppError } from '../platform/errors/app-error.ts';
import type { LocalizedText } from '../platform/i18n/localized.ts';
import { toExactRateString } from '../platform/money/rate.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import {
  isOpen,
  SYSTEM_ACTOR,
  type Actor,
  type Appeal,
  type AppealStatus,
  type AuditDraft,
  type AuditValue,
  type NotificationKind,
  type OverrideTerms,
  type UpholdReason,
} from './appeal.ts';
import type { RecheckDiff } from './recheck-comparison.ts';

/**
 * The appeal status machine, pure: a command and the appeal as it is give the appeal as it becomes, the
 * audit events that say so (each with the status before and after) and the notifications to send — or an
 * AppError naming the rule that refuses it. The service applies it under a row lock; the only edges are
 * those in `EDGES`, so no status is ever skipped (property-tested).
 */

/** Every status change the machine can make. A status not listed as a key is final. */
export const EDGES: Readonly<Record<AppealStatus, readonly AppealStatus[]>> = {
  filed: ['filed', 'queued', 'resolved', 'withdrawn'],
  queued: ['in_review', 'withdrawn'],
  in_review: ['in_review', 'queued', 'resolved', 'pending_approval', 'withdrawn'],
  pending_approval: ['resolved', 'in_review', 'withdrawn'],
  resolved: [],
  withdrawn: [],
};

/** Where the SLA clock and the queue put an appeal when it joins the queue. */
export interface QueueEntry {
  readonly slaDueDate: LocalDate;
  readonly slaDueAt: Date;
}

export type AppealCommand =
  /** The re-check ran and gave a verdict: resolved in the customer's favour, or to the queue. */
  | {
      readonly type: 'recheck';
      readonly recheckDecisionId: string;
      readonly diff: RecheckDiff;
      readonly resolves: boolean;
      readonly queue: QueueEntry;
    }
  /** The re-check could not run (a dependency is down): try again later, or give the case to a person. */
  | {
      readonly type: 'recheck_fault';
      readonly recheckDecisionId: string | null;
      readonly nextRecheckAt: Date;
      readonly giveUp: boolean;
      readonly queue: QueueEntry;
    }
  | { readonly type: 'claim'; readonly reviewer: Actor }
  /** Assign to a reviewer; `reassign` (admins) may take a case from the reviewer holding it. */
  | { readonly type: 'assign'; readonly reviewer: Actor; readonly by: Actor; readonly reassign: boolean }
  | { readonly type: 'release'; readonly by: Actor; readonly force: boolean }
  | { readonly type: 'comment'; readonly by: Actor; readonly note: string }
  | {
      readonly type: 'uphold';
      readonly by: Actor;
      readonly reasons: readonly UpholdReason[];
      readonly message: LocalizedText | null;
      readonly note: string;
    }
  | {
      readonly type: 'overturn';
      readonly by: Actor;
      readonly reviewId: string;
      readonly terms: OverrideTerms;
      readonly note: string;
      readonly needsSecondReviewer: boolean;
    }
  | { readonly type: 'approve'; readonly by: Actor }
  | { readonly type: 'reject'; readonly by: Actor; readonly note: string }
  | { readonly type: 'withdraw'; readonly by: Actor };

/** An override a transition needs recorded as a decision (the service records it, then `withOverride`). */
export interface OverrideInstruction {
  readonly reviewId: string;
  readonly maker: Actor;
  readonly checker: Actor | null;
  readonly terms: OverrideTerms;
  readonly note: string;
}

export interface Transition {
  readonly appeal: Appeal;
  readonly events: readonly AuditDraft[];
  readonly notify: readonly NotificationKind[];
  /** Set when the appeal is resolved as overturned by a person: record this override first. */
  readonly override: OverrideInstruction | null;
}

function refuse(code: 'CONFLICT' | 'FORBIDDEN', field: string, rule: string, message: string): AppError {
  return new AppError(code, message, { issues: [{ field, rule, message }] });
}

function statusConflict(appeal: Appeal, action: string): AppError {
  const final = appeal.status === 'resolved' || appeal.status === 'withdrawn';
  // A queued appeal is decided by the one reviewer who has it: say how to take it, not only that it is queued.
  const next =
    appeal.status === 'queued' && action === 'decided'
      ? `; claim it first (\`credence appeals --key <your key> claim ${appeal.id}\`, or POST /v1/appeals/${appeal.id}/claim), then decide`
      : '';
  return refuse(
    'CONFLICT',
    'status',
    final ? 'final-status' : 'status',
    final
      ? `the appeal is already ${appeal.status}; it cannot be ${action}`
      : `an appeal that is ${appeal.status} cannot be ${action}${next}`,
  );
}

const actorValue = (actor: Actor | null): AuditValue =>
  actor === null
    ? null
    : { kind: actor.kind, id: actor.id, name: actor.name, ...(actor.via ? { via: actor.via } : {}) };

const termsValue = (terms: OverrideTerms): AuditValue => ({
  limit: terms.limit.toString(),
  apr: toExactRateString(terms.apr),
});

function event(
  action: AuditDraft['action'],
  actor: Actor,
  at: Date,
  from: AppealStatus | null,
  to: AppealStatus,
  before: Record<string, AuditValue>,
  after: Record<string, AuditValue>,
  note: string | null = null,
): AuditDraft {
  return { action, actor, at, statusBefore: from, statusAfter: to, before, after, note };
}

function mustBeAssignee(appeal: Appeal, by: Actor, action: string): void {
  if (appeal.assignee?.id !== by.id)
    throw refuse(
      'FORBIDDEN',
      'reviewer',
      'assignee',
      `only the reviewer holding the appeal (${appeal.assignee?.name ?? 'nobody'}) may ${action} it; claim it first`,
    );
}

/** A key's name as a person: Unicode width, case and spacing do not make another person. */
const personName = (name: string): string =>
  name.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('en-US');

/**
 * Whether two actors are the same person for maker-checker: the same API key, or two keys issued under
 * one name ("Ana" and " ana " are one person). Key names identify people; two people who share a name need
 * keys named apart.
 */
export function samePerson(a: Actor, b: Actor): boolean {
  return a.id === b.id || personName(a.name) === personName(b.name);
}

function mustNotBeMaker(appeal: Appeal, by: Actor, action: string): void {
  if (appeal.proposal && samePerson(appeal.proposal.maker, by))
    throw refuse(
      'FORBIDDEN',
      'reviewer',
      'maker-checker',
      `the reviewer who proposed an override cannot ${action} it; a second reviewer must`,
    );
}

/** The next state of an appeal under a command at an instant (pure). */
export function transition(appeal: Appeal, command: AppealCommand, at: Date): Transition {
  switch (command.type) {
    case 'recheck':
      return rechecked(appeal, command, at);
    case 'recheck_fault':
      return recheckFailed(appeal, command, at);
    case 'claim':
    case 'assign':
      return assigned(appeal, command, at);
    case 'release':
      return released(appeal, command, at);
    case 'comment':
      return commented(appeal, command, at);
    case 'uphold':
    case 'overturn':
      return decided(appeal, command, at);
    case 'approve':
    case 'reject':
      return checked(appeal, command, at);
    case 'withdraw':
      return withdrawn(appeal, command, at);
  }
}

type CommandOf<T extends AppealCommand['type']> = Extract<AppealCommand, { type: T }>;

/** The appeal with `changes`, one version on. */
const bump = (appeal: Appeal, changes: Partial<Appeal>): Appeal => ({
  ...appeal,
  ...changes,
  version: appeal.version + 1,
});

/** The re-check gave a verdict: resolved in the customer's favour, or to the queue. */
function rechecked(appeal: Appeal, command: CommandOf<'recheck'>, at: Date): Transition {
  if (appeal.status !== 'filed') throw statusConflict(appeal, 're-checked');
  const recheckEvent = event(
    'rechecked',
    SYSTEM_ACTOR,
    at,
    'filed',
    'filed',
    { recheckDecisionId: appeal.recheckDecisionId },
    {
      recheckDecisionId: command.recheckDecisionId,
      verdict: command.diff.verdict,
      outputs: command.diff.outputs.map((c) => ({ field: c.field, from: c.from, to: c.to })),
      reasonsRemoved: command.diff.reasons.removed.map((r) => r.code),
      reasonsAdded: command.diff.reasons.added.map((r) => r.code),
    },
  );
  const common = {
    recheckDecisionId: command.recheckDecisionId,
    recheckDiff: command.diff,
    recheckAttempts: appeal.recheckAttempts + 1,
    nextRecheckAt: null,
    leaseUntil: null,
  };
  if (command.resolves) {
    const next = resolved(appeal, 'overturned_by_recheck', recheckEvent.actor, at, common);
    return {
      appeal: next,
      events: [
        recheckEvent,
        event(
          'decided',
          recheckEvent.actor,
          at,
          'filed',
          'resolved',
          { resolution: null },
          { resolution: 'overturned_by_recheck', decisionId: command.recheckDecisionId },
        ),
      ],
      notify: ['resolved'],
      override: null,
    };
  }
  const next = bump(appeal, {
    ...common,
    status: 'queued',
    queuedAt: at,
    slaDueDate: command.queue.slaDueDate,
    slaDueAt: command.queue.slaDueAt,
  });
  return {
    appeal: next,
    events: [
      recheckEvent,
      event(
        'queued',
        recheckEvent.actor,
        at,
        'filed',
        'queued',
        {},
        { slaDueDate: command.queue.slaDueDate, slaDueAt: command.queue.slaDueAt.toISOString() },
      ),
    ],
    notify: ['queued'],
    override: null,
  };
}

/** The re-check could not run (a dependency is down): try again later, or give the case to a person. */
function recheckFailed(appeal: Appeal, command: CommandOf<'recheck_fault'>, at: Date): Transition {
  if (appeal.status !== 'filed') throw statusConflict(appeal, 're-checked');
  const attempts = appeal.recheckAttempts + 1;
  const recheckEvent = event(
    'rechecked',
    SYSTEM_ACTOR,
    at,
    'filed',
    'filed',
    { recheckAttempts: appeal.recheckAttempts },
    {
      recheckAttempts: attempts,
      recheckDecisionId: command.recheckDecisionId,
      fault: true,
      nextRecheckAt: command.giveUp ? null : command.nextRecheckAt.toISOString(),
    },
  );
  if (!command.giveUp) {
    return {
      appeal: bump(appeal, {
        recheckAttempts: attempts,
        nextRecheckAt: command.nextRecheckAt,
        leaseUntil: null,
      }),
      events: [recheckEvent],
      notify: [],
      override: null,
    };
  }
  return {
    appeal: bump(appeal, {
      recheckAttempts: attempts,
      nextRecheckAt: null,
      leaseUntil: null,
      status: 'queued',
      queuedAt: at,
      slaDueDate: command.queue.slaDueDate,
      slaDueAt: command.queue.slaDueAt,
    }),
    events: [
      recheckEvent,
      event(
        'queued',
        SYSTEM_ACTOR,
        at,
        'filed',
        'queued',
        {},
        {
          slaDueDate: command.queue.slaDueDate,
          slaDueAt: command.queue.slaDueAt.toISOString(),
          reason: 'recheck-unavailable',
        },
      ),
    ],
    notify: ['queued'],
    override: null,
  };
}

/** The appeal resolved by `by` at `at` with `resolution` (and any further changes), one version on. */
const resolved = (
  appeal: Appeal,
  resolution: NonNullable<Appeal['resolution']>,
  by: Actor,
  at: Date,
  changes: Partial<Appeal> = {},
): Appeal => bump(appeal, { status: 'resolved', resolution, ...changes, resolvedAt: at, resolvedBy: by });

/** A reviewer claims the appeal, or is assigned it (an admin's `reassign` may take it from its holder). */
function assigned(appeal: Appeal, command: CommandOf<'claim' | 'assign'>, at: Date): Transition {
  const reviewer = command.reviewer;
  const by = command.type === 'claim' ? reviewer : command.by;
  if (appeal.status === 'in_review') {
    if (appeal.assignee?.id === reviewer.id) return { appeal, events: [], notify: [], override: null };
    if (!(command.type === 'assign' && command.reassign))
      throw refuse(
        'CONFLICT',
        'assignee',
        'one-reviewer',
        `the appeal is held by ${appeal.assignee?.name ?? 'another reviewer'}; one reviewer at a time`,
      );
  } else if (appeal.status !== 'queued') throw statusConflict(appeal, 'assigned');
  return {
    appeal: bump(appeal, { status: 'in_review', assignee: reviewer, assignedAt: at }),
    events: [
      event(
        'assigned',
        by,
        at,
        appeal.status,
        'in_review',
        { assignee: actorValue(appeal.assignee) },
        { assignee: actorValue(reviewer) },
      ),
    ],
    notify: [],
    override: null,
  };
}

/** The reviewer holding the appeal (or, with `force`, an admin) puts it back in the queue. */
function released(appeal: Appeal, command: CommandOf<'release'>, at: Date): Transition {
  if (appeal.status !== 'in_review') throw statusConflict(appeal, 'released');
  if (!command.force) mustBeAssignee(appeal, command.by, 'release');
  return {
    appeal: bump(appeal, { status: 'queued', assignee: null, assignedAt: null }),
    events: [
      event(
        'released',
        command.by,
        at,
        'in_review',
        'queued',
        { assignee: actorValue(appeal.assignee) },
        { assignee: null },
      ),
    ],
    notify: [],
    override: null,
  };
}

/** A note on the audit trail, in any status. */
function commented(appeal: Appeal, command: CommandOf<'comment'>, at: Date): Transition {
  const note = command.note.trim();
  if (note === '') throw AppError.invalid('note', 'non-empty', 'a comment needs some text');
  return {
    appeal: bump(appeal, {}),
    events: [event('commented', command.by, at, appeal.status, appeal.status, {}, {}, note)],
    notify: [],
    override: null,
  };
}

/** The reviewer holding the appeal upholds the decision or overturns it (above authority: a proposal). */
function decided(appeal: Appeal, command: CommandOf<'uphold' | 'overturn'>, at: Date): Transition {
  if (appeal.status === 'pending_approval' || appeal.status === 'resolved')
    throw refuse(
      'CONFLICT',
      'status',
      'already-decided',
      `the appeal is already ${appeal.status === 'resolved' ? 'decided' : 'decided and waiting for a second reviewer'}`,
    );
  if (appeal.status !== 'in_review') throw statusConflict(appeal, 'decided');
  mustBeAssignee(appeal, command.by, 'decide');
  if (command.type === 'uphold') {
    return {
      appeal: resolved(appeal, 'upheld', command.by, at, {
        upholdReasons: command.reasons,
        upholdMessage: command.message,
      }),
      events: [
        event(
          'decided',
          command.by,
          at,
          'in_review',
          'resolved',
          { resolution: null },
          { resolution: 'upheld', reasons: command.reasons.map((r) => r.code) },
          command.note || null,
        ),
      ],
      notify: ['resolved'],
      override: null,
    };
  }
  return command.needsSecondReviewer ? proposed(appeal, command, at) : overturned(appeal, command, at);
}

/** An overturn above the maker-checker threshold waits for a second reviewer. */
function proposed(appeal: Appeal, command: CommandOf<'overturn'>, at: Date): Transition {
  const proposal = {
    reviewId: command.reviewId,
    maker: command.by,
    terms: command.terms,
    note: command.note,
    proposedAt: at,
  };
  return {
    appeal: bump(appeal, { status: 'pending_approval', proposal }),
    events: [
      event(
        'decided',
        command.by,
        at,
        'in_review',
        'pending_approval',
        { proposal: null },
        {
          outcome: 'overturn',
          reviewId: command.reviewId,
          terms: termsValue(command.terms),
          needsSecondReviewer: true,
        },
        command.note,
      ),
    ],
    notify: [],
    override: null,
  };
}

/** An overturn within one reviewer's authority resolves the appeal; the override is to be recorded. */
function overturned(appeal: Appeal, command: CommandOf<'overturn'>, at: Date): Transition {
  return {
    appeal: resolved(appeal, 'overturned', command.by, at),
    events: [
      event(
        'decided',
        command.by,
        at,
        'in_review',
        'resolved',
        { resolution: null },
        { resolution: 'overturned', reviewId: command.reviewId, terms: termsValue(command.terms) },
        command.note,
      ),
    ],
    notify: ['resolved'],
    override: {
      reviewId: command.reviewId,
      maker: command.by,
      checker: null,
      terms: command.terms,
      note: command.note,
    },
  };
}

/** A second reviewer (never the maker) approves a proposed overturn, or sends it back with a note. */
function checked(appeal: Appeal, command: CommandOf<'approve' | 'reject'>, at: Date): Transition {
  if (appeal.status !== 'pending_approval' || appeal.proposal === null)
    throw appeal.status === 'resolved'
      ? refuse('CONFLICT', 'status', 'already-decided', 'the appeal is already decided')
      : statusConflict(appeal, command.type === 'approve' ? 'approved' : 'sent back');
  mustNotBeMaker(appeal, command.by, command.type);
  const proposal = appeal.proposal;
  if (command.type === 'reject') {
    const note = command.note.trim();
    if (note === '') throw AppError.invalid('note', 'non-empty', 'say why the override is sent back');
    return {
      appeal: bump(appeal, { status: 'in_review', proposal: null }),
      events: [
        event(
          'rejected',
          command.by,
          at,
          'pending_approval',
          'in_review',
          { proposal: termsValue(proposal.terms) },
          { proposal: null },
          note,
        ),
      ],
      notify: [],
      override: null,
    };
  }
  return {
    appeal: resolved(appeal, 'overturned', command.by, at),
    events: [
      event(
        'approved',
        command.by,
        at,
        'pending_approval',
        'resolved',
        { resolution: null },
        {
          resolution: 'overturned',
          reviewId: proposal.reviewId,
          maker: actorValue(proposal.maker),
          terms: termsValue(proposal.terms),
        },
      ),
    ],
    notify: ['resolved'],
    override: {
      reviewId: proposal.reviewId,
      maker: proposal.maker,
      checker: command.by,
      terms: proposal.terms,
      note: proposal.note,
    },
  };
}

/** The customer withdraws an open appeal. */
function withdrawn(appeal: Appeal, command: CommandOf<'withdraw'>, at: Date): Transition {
  if (!isOpen(appeal.status)) throw statusConflict(appeal, 'withdrawn');
  return {
    appeal: bump(appeal, { status: 'withdrawn', withdrawnAt: at, leaseUntil: null, nextRecheckAt: null }),
    events: [event('withdrawn', command.by, at, appeal.status, 'withdrawn', {}, {})],
    notify: ['withdrawn'],
    override: null,
  };
}

/** Fills in the override decision a transition asked for, in the appeal and in its last audit event. */
export function withOverride(result: Transition, overrideDecisionId: string): Transition {
  const events = result.events.map((draft, index) =>
    index === result.events.length - 1 ? { ...draft, after: { ...draft.after, overrideDecisionId } } : draft,
  );
  return { ...result, appeal: { ...result.appeal, overrideDecisionId }, events, override: null };
}
