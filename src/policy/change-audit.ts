import { STAFF_PRINCIPAL_PREFIX, type AuditActor } from '../platform/audit/audit-log.ts';
import type { ChangeActor } from './change-requests.ts';

/**
 * The audit actor of a four-eyes requester or approver: a staff session (`staff:<userId>`), an API key
 * (`key_…`), or the system (the bootstrap, a CLI operator who named themselves, an unnamed in-process call).
 */
export function auditActorOf(actor: ChangeActor): AuditActor {
  if (actor.id.startsWith(STAFF_PRINCIPAL_PREFIX))
    return { kind: 'staff', id: actor.id.slice(STAFF_PRINCIPAL_PREFIX.length), name: actor.name };
  if (actor.id.startsWith('key_')) return { kind: 'key', id: actor.id, name: actor.name };
  return { kind: 'system', id: actor.id, name: actor.name };
}
