import type { AuditActor } from '../platform/audit/audit-log.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import type { ErasureHold } from './erasure-holds.ts';

/** A data-subject request (`data_subject_requests`, migration 0801): one per request, never deleted. */
export type RequestKind = 'erasure' | 'copy' | 'correction';
export type RequestStatus =
  'received' | 'blocked' | 'in_progress' | 'completed' | 'refused' | 'failed' | 'cancelled';
export const REQUEST_KINDS: readonly RequestKind[] = ['erasure', 'copy', 'correction'];
export const REQUEST_STATUSES: readonly RequestStatus[] = [
  'received',
  'blocked',
  'in_progress',
  'completed',
  'refused',
  'failed',
  'cancelled',
];
export const OPEN_STATUSES: readonly RequestStatus[] = ['received', 'blocked', 'in_progress'];

/** Who asked: the person (through their session), staff on their behalf (with a reason), or the system. */
export interface Requester {
  readonly kind: 'customer' | 'staff' | 'system';
  /** The customer id, `staff:<user id>` / `key:<key id>`, or `system`. */
  readonly id: string;
}

export interface DataSubjectRequest {
  readonly id: string;
  readonly customerId: string;
  readonly kind: RequestKind;
  readonly status: RequestStatus;
  readonly requestedBy: Requester;
  readonly reason: string | null;
  readonly requestedAt: Date;
  readonly details: Readonly<Record<string, unknown>>;
  readonly holds: readonly ErasureHold[];
  readonly notBefore: LocalDate | null;
  readonly decidedAt: Date | null;
  readonly decidedBy: string | null;
  readonly completedAt: Date | null;
  readonly outcome: Readonly<Record<string, unknown>> | null;
  readonly idempotencyKey: string | null;
}

/** The requester recorded for an audit actor (an API key acting for staff is staff). */
export function requesterOf(actor: AuditActor): Requester {
  if (actor.kind === 'customer') return { kind: 'customer', id: actor.id };
  if (actor.kind === 'system') return { kind: 'system', id: actor.name.slice(0, 128) || 'system' };
  return { kind: 'staff', id: `${actor.kind}:${actor.id}` };
}
