import { actorOfPrincipal } from '../platform/audit/audit-log.ts';
import type { Principal } from '../platform/auth/api-keys.ts';
import type { Queryable } from '../platform/database/database.ts';
import { AppError, isAppError } from '../platform/errors/app-error.ts';
import type { Money } from '../platform/money/money.ts';
import { scrubPii } from '../platform/pii/mask.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import {
  capWindows,
  checkContact,
  CONTACT_CHANNELS,
  CONTACT_OUTCOMES,
  type CollectionContact,
  type ContactChannel,
  type ContactOutcome,
} from './collection-contact.ts';
import { strategyOn } from './collection-strategy.ts';
import type { CollectionCase } from './collection-case.ts';
import * as store from './collections.pg.ts';
import { collectorOf, mustCollect, type CollectionsDeps } from './collections-ports.ts';
import { checkPromiseTerms, type PromiseToPay } from './promise-to-pay.ts';

export interface ContactRequest {
  readonly caseId: string;
  readonly by: Principal;
  readonly channel: ContactChannel;
  readonly outcome: ContactOutcome;
  /** Who was contacted: only `customer` is accepted (default). */
  readonly party?: string;
  readonly note?: string;
  /** When the contact happened (default: now); within the last 24 hours. */
  readonly contactedAt?: Date;
  /** With outcome `promise`: what the customer promised to pay, and by when. */
  readonly promise?: { readonly date: LocalDate; readonly amount: Money };
  readonly idempotencyKey: string;
}

export interface ContactResult {
  readonly contact: CollectionContact;
  readonly promise: PromiseToPay | null;
  /** True when the same request was made before under the key: nothing was written this time. */
  readonly replayed: boolean;
}

const MAX_NOTE = 1000;

/**
 * Logs a contact with the customer on a case the caller holds, and with outcome `promise` records the
 * promise to pay in the same transaction (its history gets `promise-made`). The rules (nothing is written
 * when one fails, 422/409 naming the field and the rule):
 * - the caller holds a live claim on the open case (409 `claim` / `held-by-you`; `status` / `open`);
 * - the customer and nobody else (`party` / `customer-only`), within the permitted hours
 *   (`contactedAt` / `contact-hours`) and under the daily and weekly caps (`daily-cap`, `weekly-cap`),
 *   counted over every case of the customer — their open cases are locked first, so two collectors
 *   cannot both take the last contact of the day;
 * - a promise with outcome `promise` only (`promise` / `with-promise-outcome`), one pending per case
 *   (`promise` / `one-pending`), at most what is past due, dated today to `maxPromiseDays` ahead.
 * The same idempotency key with the same request answers the first contact; with another request 409.
 * Every contact is audited (`collections.contact`), refusals too (outcome `refused`, with the rule).
 */
export async function recordCollectionContact(
  deps: CollectionsDeps,
  input: ContactRequest,
): Promise<ContactResult> {
  mustCollect(input.by);
  const located = await store.findCase(deps.db, input.caseId);
  if (!located) throw AppError.notFound('collection case', input.caseId);
  const now = deps.clock.now();
  const contactedAt = input.contactedAt ?? now;
  const note = checkShape(input);
  try {
    return await deps.db.transaction(async (tx) => {
      const earlier = await store.findContactByKey(tx, located.customerId, input.idempotencyKey);
      if (earlier) return replay(tx, earlier, input, note, contactedAt);
      const collector = collectorOf(input.by);
      const current = await lockHeldCase(tx, located, collector, now);
      const strategy = strategyOn(await deps.strategies(tx), deps.clock.today());
      const windows = capWindows(contactedAt);
      // One statement at a time on a transaction.
      const sameDay = await store.countContacts(tx, current.customerId, windows.day.from, windows.day.to);
      const sameWeek = await store.countContacts(tx, current.customerId, windows.week.from, windows.week.to);
      checkContact(strategy, { party: input.party ?? 'customer', contactedAt }, { now, sameDay, sameWeek });

      const promise = input.promise
        ? await recordPromise(deps, tx, current, input.promise, {
            collector,
            note,
            maxDays: strategy.maxPromiseDays,
            now,
          })
        : null;
      const contact: CollectionContact = {
        customerId: current.customerId,
        id: deps.ids.next('collectionContact'),
        caseId: current.id,
        channel: input.channel,
        outcome: input.outcome,
        party: 'customer',
        note,
        promiseId: promise?.id ?? null,
        contactedAt,
        by: collector,
        recordedAt: now,
        idempotencyKey: input.idempotencyKey,
      };
      await store.insertContact(tx, contact);
      await deps.audit.record(
        {
          actor: actorOfPrincipal(input.by),
          action: 'collections.contact',
          subject: { type: 'collection-case', id: current.id },
          outcome: 'ok',
          details: {
            contactId: contact.id,
            channel: contact.channel,
            outcome: contact.outcome,
            contactedAt: contactedAt.toISOString(),
            ...(promise
              ? {
                  promiseId: promise.id,
                  promiseAmount: promise.amount.toString(),
                  promiseDate: promise.dueDate,
                }
              : {}),
          },
        },
        tx,
      );
      return { contact, promise, replayed: false };
    });
  } catch (error) {
    await auditRefusal(deps, error, input, located.id, contactedAt);
    throw error;
  }
}

/**
 * The case locked for a contact — after every open case of its customer, so two collectors cannot both take
 * the customer's last contact of the day — and refused unless it is open and the collector holds a live claim.
 */
async function lockHeldCase(
  tx: Queryable,
  located: { readonly customerId: string; readonly id: string },
  collector: { readonly id: string },
  now: Date,
): Promise<CollectionCase> {
  await store.lockCustomerOpenCases(tx, located.customerId);
  const current = await store.lockCase(tx, located.customerId, located.id);
  if (!current) throw AppError.notFound('collection case', located.id);
  if (current.status !== 'open')
    throw new AppError('CONFLICT', `collection case ${current.id} is closed (${current.closeReason})`, {
      issues: [{ field: 'status', rule: 'open', message: 'contacts are logged on open cases' }],
    });
  const held =
    current.claimedBy?.id === collector.id &&
    current.claimExpiresAt !== null &&
    current.claimExpiresAt.getTime() > now.getTime();
  if (!held)
    throw new AppError('CONFLICT', `claim collection case ${current.id} before working it`, {
      issues: [
        {
          field: 'claim',
          rule: 'held-by-you',
          message: 'only the collector holding the case logs contacts',
        },
      ],
    });
  return current;
}

/**
 * The promise to pay made in a contact, checked (its terms against what is past due and the strategy's
 * horizon; one pending per case) and stored with its `promise-made` event on the case.
 */
async function recordPromise(
  deps: CollectionsDeps,
  tx: Queryable,
  current: CollectionCase,
  terms: { readonly date: LocalDate; readonly amount: Money },
  by: {
    readonly collector: PromiseToPay['madeBy'];
    readonly note: string | null;
    readonly maxDays: number;
    readonly now: Date;
  },
): Promise<PromiseToPay> {
  const today = deps.clock.today();
  const { now } = by;
  checkPromiseTerms(
    { dueDate: terms.date, amount: terms.amount },
    { today, amountPastDue: current.amountPastDue, maxDays: by.maxDays },
  );
  const pending = (await store.casePromises(tx, current.customerId, current.id)).find(
    (p) => p.status === 'pending',
  );
  if (pending)
    throw new AppError('CONFLICT', `case ${current.id} already has a pending promise (${pending.id})`, {
      issues: [
        {
          field: 'promise',
          rule: 'one-pending',
          message: `promise ${pending.id} for ${pending.dueDate} is still pending`,
        },
      ],
    });
  const promise: PromiseToPay = {
    customerId: current.customerId,
    id: deps.ids.next('promiseToPay'),
    caseId: current.id,
    accountId: current.accountId,
    madeOn: today,
    dueDate: terms.date,
    amount: terms.amount,
    status: 'pending',
    resolvedOn: null,
    paid: null,
    madeBy: by.collector,
    note: by.note,
    createdAt: now,
    resolvedAt: null,
  };
  await store.insertPromise(tx, promise);
  await store.appendCaseEvent(
    tx,
    current,
    {
      kind: 'promise-made',
      occasion: promise.id,
      businessDate: today,
      fromBucket: null,
      toBucket: null,
      daysPastDue: current.daysPastDue,
      amountPastDue: current.amountPastDue,
      detail: { promiseId: promise.id, amount: promise.amount.toString(), dueDate: promise.dueDate },
    },
    now,
  );
  return promise;
}

/** A refused contact is audited too (outcome `refused`, with the field and rule that refused it). */
async function auditRefusal(
  deps: CollectionsDeps,
  error: unknown,
  input: ContactRequest,
  caseId: string,
  contactedAt: Date,
): Promise<void> {
  if (
    !isAppError(error) ||
    !(
      error.code === 'VALIDATION_FAILED' ||
      error.code === 'CONFLICT' ||
      error.code === 'IDEMPOTENCY_MISMATCH'
    )
  )
    return;
  const [issue] = error.issues;
  await deps.audit.record({
    actor: actorOfPrincipal(input.by),
    action: 'collections.contact',
    subject: { type: 'collection-case', id: caseId },
    outcome: 'refused',
    details: {
      channel: input.channel,
      outcome: input.outcome,
      contactedAt: contactedAt.toISOString(),
      ...(issue ? { field: issue.field, rule: issue.rule } : {}),
    },
  });
}

/** The request's own fields, checked before anything is read; returns the note as stored (PII masked). */
function checkShape(input: ContactRequest): string | null {
  if (!(CONTACT_CHANNELS as readonly string[]).includes(input.channel))
    throw AppError.invalid('channel', 'one-of', `channel must be one of ${CONTACT_CHANNELS.join(', ')}`);
  if (!(CONTACT_OUTCOMES as readonly string[]).includes(input.outcome))
    throw AppError.invalid('outcome', 'one-of', `outcome must be one of ${CONTACT_OUTCOMES.join(', ')}`);
  if ((input.outcome === 'promise') !== (input.promise !== undefined))
    throw AppError.invalid(
      'promise',
      'with-promise-outcome',
      'a promise (date and amount) goes with the outcome "promise", and that outcome needs one',
    );
  const typed = input.note?.trim() ?? '';
  if (typed.length > MAX_NOTE) throw AppError.invalid('note', 'max-length', `at most ${MAX_NOTE} characters`);
  return typed === '' ? null : scrubPii(typed);
}

async function replay(
  tx: Parameters<Parameters<CollectionsDeps['db']['transaction']>[0]>[0],
  earlier: CollectionContact,
  input: ContactRequest,
  note: string | null,
  contactedAt: Date,
): Promise<ContactResult> {
  const promise = earlier.promiseId
    ? ((await store.findPromise(tx, earlier.customerId, earlier.promiseId)) ?? null)
    : null;
  const same =
    earlier.caseId === input.caseId &&
    earlier.channel === input.channel &&
    earlier.outcome === input.outcome &&
    earlier.note === note &&
    (input.contactedAt === undefined || earlier.contactedAt.getTime() === contactedAt.getTime()) &&
    (promise === null
      ? input.promise === undefined
      : input.promise?.date === promise.dueDate && input.promise.amount === promise.amount);
  if (!same)
    throw new AppError('IDEMPOTENCY_MISMATCH', 'this idempotency key was used for another contact', {
      issues: [
        { field: 'idempotencyKey', rule: 'same-request', message: 'the key was used for another contact' },
      ],
    });
  return { contact: earlier, promise, replayed: true };
}
