import type { AuditActor } from '../platform/audit/audit-log.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { businessDateOf } from '../platform/time/local-date.ts';
import { erasedCustomer } from './data-key.ts';
import { requesterOf, type DataSubjectRequest } from './data-subject-request.ts';
import { carryOutErasure, decideHolds } from './erasure-steps.ts';
import { insertRequest, lockCustomer, requestsOf } from './erasure.pg.ts';
import type { PrivacyDeps } from './privacy-ports.ts';

export interface ErasureRequestInput {
  readonly customerId: string;
  /** The person themselves (`customer`), or staff / an API key acting for them. */
  readonly by: AuditActor;
  /** Why staff act for the person (a call, a letter): required unless the person asks themselves. */
  readonly reason?: string;
  /** The caller's retry key: the same key answers the same request. */
  readonly idempotencyKey?: string;
}

/**
 * A request to erase a person's data (PIPL Art. 47), in one transaction under the customer's row lock:
 * the legal holds and retention rules in force are checked; if none keeps the data it is erased at once
 * (crypto-shredding: the data key is destroyed), otherwise the request is recorded as `blocked` with each
 * hold and the date from which it can run — the day step (`runErasures`) carries it out then, without the
 * person asking again. An open request of the customer is returned rather than doubled; an erased customer
 * answers with their completed request (a retry), or GONE if none is theirs to show. Audited either way.
 */
export async function requestErasure(
  deps: Pick<PrivacyDeps, 'db' | 'clock' | 'ids' | 'keyring' | 'audit'>,
  input: ErasureRequestInput,
): Promise<{ request: DataSubjectRequest; created: boolean }> {
  const reason = input.reason?.trim();
  if (input.by.kind !== 'customer' && !reason)
    throw AppError.invalid(
      'reason',
      'required',
      'staff acting for a customer must say why (1–1000 characters)',
    );
  if (reason && reason.length > 1000)
    throw AppError.invalid('reason', 'max-length', 'at most 1000 characters');
  if (input.by.kind === 'customer' && input.by.id !== input.customerId)
    throw new AppError('FORBIDDEN', 'a customer may ask to erase only their own data');
  return deps.db.transaction(async (tx) => {
    const customer = await lockCustomer(tx, input.customerId);
    if (!customer.exists) throw AppError.notFound('customer', input.customerId);
    const previous = await requestsOf(tx, input.customerId, 'erasure');
    const same = input.idempotencyKey
      ? previous.find((request) => request.idempotencyKey === input.idempotencyKey)
      : undefined;
    if (same) return { request: same, created: false };
    if (customer.erasedAt) {
      const done = previous.find((request) => request.id === customer.erasureRequestId);
      if (done) return { request: done, created: false };
      throw erasedCustomer(input.customerId, customer.erasedAt);
    }
    const open = previous.find((request) => request.status === 'received' || request.status === 'blocked');
    if (open) return { request: open, created: false };

    const now = deps.clock.now();
    const requester = requesterOf(input.by);
    const { holds, notBefore } = await decideHolds(tx, input.customerId, businessDateOf(now));
    const received: DataSubjectRequest = {
      id: deps.ids.next('dataSubjectRequest'),
      customerId: input.customerId,
      kind: 'erasure',
      status: holds.length > 0 ? 'blocked' : 'received',
      requestedBy: requester,
      reason: reason ?? null,
      requestedAt: now,
      details: {},
      holds,
      notBefore,
      decidedAt: now,
      decidedBy: 'system',
      completedAt: null,
      outcome: null,
      idempotencyKey: input.idempotencyKey ?? null,
    };
    await insertRequest(tx, received);
    const request = holds.length > 0 ? received : await carryOutErasure(tx, deps, received, now, 'system');
    await deps.audit.record(
      {
        actor: input.by,
        action: 'privacy.erasure-request',
        subject: { type: 'customer', id: input.customerId },
        outcome: request.status === 'completed' ? 'ok' : 'refused',
        details: {
          requestId: request.id,
          status: request.status,
          ...(reason ? { reason } : {}),
          holds: holds.map((hold) => ({
            kind: hold.kind,
            ruleId: hold.ruleId,
            subject: hold.subject,
            heldThrough: hold.heldThrough,
          })),
          notBefore,
        },
      },
      tx,
    );
    return { request, created: true };
  });
}
