import type { AuditActor } from '../platform/audit/audit-log.ts';

/** The system itself (the copy's runner, the day step) as an audit actor. */
export const systemActor: AuditActor = { kind: 'system', id: 'privacy', name: 'system' };

/** The customer acting through their own session. */
export function customerActor(customerId: string): AuditActor {
  return { kind: 'customer', id: customerId, name: 'customer' };
}
