import { AppError } from '../errors/app-error.ts';
import type { ApiKeyRecord, Principal } from '../auth/api-keys.ts';
import type { Queryable } from '../database/database.ts';

/**
 * The audit log port: one append-only record of who did what to what and how it ended — staff sign-ins
 * and sign-outs, staff user changes, API key creation and revocation, approvals and rejections of
 * four-eyes changes, overrides. Contexts record through this port; the admin reads it at `GET /v1/audit`.
 *
 * Entries are never changed or deleted (the table refuses UPDATE, DELETE and TRUNCATE).
 */

export const AUDIT_ACTOR_KINDS = ['staff', 'key', 'system', 'customer'] as const;
export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];

export const AUDIT_OUTCOMES = ['ok', 'refused', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** Who acted: a staff user (id `stf_…`), an API key (`key_…`), the system itself, or a customer. */
export interface AuditActor {
  readonly kind: AuditActorKind;
  readonly id: string;
  /** Shown in the viewer: the username, the key's name, `system`, … (never a secret, never PII). */
  readonly name: string;
}

/** What the action was about, e.g. `{ type: 'staff-user', id: 'stf_…' }`, `{ type: 'policy', id: 'pol_…' }`. */
export interface AuditSubject {
  readonly type: string;
  readonly id: string;
}

/** JSON-safe details: no bigint, no Date (write amounts as strings, instants as ISO strings). */
export type AuditDetails = Readonly<Record<string, unknown>>;

/** One event to record. */
export interface AuditEntry {
  readonly actor: AuditActor;
  /** Dotted and lower case, context first: `staff.sign-in`, `api-key.create`, `policy.approve`. */
  readonly action: string;
  readonly subject: AuditSubject;
  readonly outcome: AuditOutcome;
  readonly details?: AuditDetails;
}

/** A recorded entry: its id (`aud_…`, time-sortable) and the instant it was recorded. */
export interface AuditRecord extends AuditEntry {
  readonly id: string;
  readonly at: Date;
  readonly details: AuditDetails;
}

/** Filters of the viewer; newest first, keyset paging by the last id seen (`before`). */
export interface AuditQuery {
  /** An exact action (`staff.sign-in`), or every action under a prefix (`staff.*`). */
  readonly action?: string;
  /** An actor's id or name (`stf_…`, `key_…`, `admin`). */
  readonly actor?: string;
  /** Recorded at or after this instant. */
  readonly from?: Date;
  /** Recorded before this instant. */
  readonly to?: Date;
  /** 1..500 (default 50). */
  readonly limit?: number;
  /** The id of the last entry of the previous page: entries recorded before it. */
  readonly before?: string;
}

export interface AuditPage {
  readonly items: readonly AuditRecord[];
  /** The `before` of the next page; null on the last page. */
  readonly next: string | null;
}

/** The port. */
export interface AuditLog {
  /**
   * Records one entry. Pass `queryable` (an open transaction) to record it atomically with the change it
   * describes; without it the entry is written on its own.
   */
  record(entry: AuditEntry, queryable?: Queryable): Promise<AuditRecord>;
  /** Entries newest first, filtered; see {@link AuditQuery}. */
  list(query?: AuditQuery): Promise<AuditPage>;
}

export const DEFAULT_AUDIT_PAGE = 50;
export const MAX_AUDIT_PAGE = 500;

const ACTION = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;
const ACTION_FILTER = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*(\.\*)?$/;

/** Refuses an entry the table would refuse, naming the field (a bug in the caller, not a user's input). */
export function checkAuditEntry(entry: AuditEntry): void {
  if (!ACTION.test(entry.action) || entry.action.length > 100)
    throw AppError.invalid('action', 'dotted-lower-case', `"${entry.action}" is not like "staff.sign-in"`);
  if (!(AUDIT_ACTOR_KINDS as readonly string[]).includes(entry.actor.kind))
    throw AppError.invalid('actor.kind', 'one-of', `must be one of ${AUDIT_ACTOR_KINDS.join(', ')}`);
  if (!(AUDIT_OUTCOMES as readonly string[]).includes(entry.outcome))
    throw AppError.invalid('outcome', 'one-of', `must be one of ${AUDIT_OUTCOMES.join(', ')}`);
  if (entry.actor.id.length === 0) throw AppError.invalid('actor.id', 'required', 'must not be empty');
  if (entry.subject.type.length === 0)
    throw AppError.invalid('subject.type', 'required', 'must not be empty');
}

/** Checks the viewer's filters (the HTTP schema checks shapes; this checks meaning). */
export function checkAuditQuery(query: AuditQuery): void {
  if (query.action !== undefined && !ACTION_FILTER.test(query.action))
    throw AppError.invalid(
      'action',
      'dotted-lower-case',
      'an action ("staff.sign-in") or a prefix ("staff.*")',
    );
  if (
    query.limit !== undefined &&
    (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_AUDIT_PAGE)
  )
    throw AppError.invalid('limit', 'range', `must be a whole number from 1 to ${MAX_AUDIT_PAGE}`);
  if (query.from && query.to && query.from.getTime() > query.to.getTime())
    throw AppError.invalid('from', 'not-after-to', '"from" must not be after "to"');
}

/** Principal ids of staff sessions are `staff:<userId>`; everything else is an API key. */
export const STAFF_PRINCIPAL_PREFIX = 'staff:';

/** The audit actor of an authenticated caller (a staff session or an API key). */
export function actorOfPrincipal(principal: Principal): AuditActor {
  return principal.keyId.startsWith(STAFF_PRINCIPAL_PREFIX)
    ? { kind: 'staff', id: principal.keyId.slice(STAFF_PRINCIPAL_PREFIX.length), name: principal.name }
    : { kind: 'key', id: principal.keyId, name: principal.name };
}

/** Records an API key's creation or revocation, from the HTTP route or the CLI (never the secret). */
export async function recordApiKeyChange(
  audit: AuditLog,
  actor: AuditActor,
  action: 'api-key.create' | 'api-key.revoke',
  key: Pick<ApiKeyRecord, 'id' | 'name' | 'role' | 'prefix'>,
): Promise<void> {
  await audit.record({
    actor,
    action,
    subject: { type: 'api-key', id: key.id },
    outcome: 'ok',
    details: { name: key.name, role: key.role, prefix: key.prefix },
  });
}

/** The actor for what the system does by itself (batches, recovery passes, the CLI run by an operator). */
export const SYSTEM_ACTOR: AuditActor = { kind: 'system', id: 'system', name: 'system' };

/** The operator at a terminal (`credence keys create`, `credence users …`): the OS user when known. */
export function cliActor(osUser: string | undefined): AuditActor {
  const name = osUser && osUser.length > 0 ? osUser : 'cli';
  return { kind: 'system', id: 'cli', name: `cli:${name}`.slice(0, 200) };
}
