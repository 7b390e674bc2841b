import type { Queryable } from '../platform/database/database.ts';
import type { IdGenerator } from '../platform/ids/ids.ts';
import type { MessageDraft, MessageOutbox } from '../platform/notifications/index.ts';
import type { Clock } from '../platform/time/clock.ts';
import { addDays, daysBetween, type LocalDate } from '../platform/time/local-date.ts';
import {
  priorityOf,
  stepCase,
  type AccountFacts,
  type CaseEvent,
  type CollectionCase,
} from './collection-case.ts';
import { noticeDays, strategyOn, type StrategySource } from './collection-strategy.ts';
import * as store from './collections.pg.ts';
import type { CollectionsDayResult } from './collections-day-port.ts';
import { resolvePromise } from './promise-to-pay.ts';

export interface CollectionsDayDeps {
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly outbox: MessageOutbox;
  readonly strategies: StrategySource;
}

/**
 * The collections step of business date `date` for a chunk of accounts, inside the chunk's transaction
 * (`tx`): each account's facts as its product's day-end left them on that date → its case opened,
 * followed or closed (`stepCase`), its pending promise kept or broken (`resolvePromise`), and the
 * strategy's own notices for the notice day (D + 1) written through the outbox.
 *
 * Exactly once: the open cases are locked and a case that already saw `date` (observed_through) is left as
 * it is; a case closed on or after `date` is not reopened that day; promises resolve once (pending only);
 * notices are de-duplicated by the outbox's key (account, `notice-<oldest due date>-<days>`). A crash
 * rolls the chunk back whole; a rerun of the date changes nothing. Catching up a date whose notice day is
 * before today writes no notices (the reminders' rule: an old "N days overdue" would mislead).
 *
 * A broken promise raises the case's priority and writes nothing to the customer: the reminder sequence
 * goes on as it was, so nobody is messaged twice for one missed date.
 */
export async function applyCollectionsDay(
  deps: CollectionsDayDeps,
  tx: Queryable,
  facts: readonly AccountFacts[],
  date: LocalDate,
): Promise<CollectionsDayResult> {
  const now = deps.clock.now();
  const refs = facts.map((f) => ({ customerId: f.customerId, id: f.accountId }));
  const openCases = new Map((await store.lockOpenCases(tx, refs)).map((c) => [c.accountId, c]));
  const promises = await store.lockPendingPromises(tx, refs);
  const closedOn = await store.lastClosedOn(tx, refs);
  const seqs = await store.lastEventSeqs(tx, [...openCases.values()]);
  const noticeDay = addDays(date, 1);
  const strategy = strategyOn(await deps.strategies(tx), noticeDay);
  const sendNotices = noticeDay >= deps.clock.today();
  const notices = new Set(noticeDays(strategy));

  const created: CollectionCase[] = [];
  const saved: CollectionCase[] = [];
  const events: store.StoredCaseEvent[] = [];
  const resolved: store.PromiseResolved[] = [];
  const drafts: MessageDraft[] = [];
  const counts = { opened: 0, moved: 0, closed: 0, kept: 0, broken: 0 };
  const event = (target: CollectionCase, e: CaseEvent) => {
    const seq = (seqs.get(target.id) ?? 0) + 1;
    seqs.set(target.id, seq);
    events.push({ ...e, customerId: target.customerId, caseId: target.id, seq });
  };

  for (const account of facts) {
    let current = openCases.get(account.accountId);
    // Already stepped for this date (a rerun after a crash, or a second run): nothing twice.
    if (current && current.observedThrough >= date) continue;
    const lastClosed = closedOn.get(account.accountId);

    // Promises first: a broken one raises the priority the case step then keeps.
    let broken = 0;
    for (const promise of promises.filter((p) => p.accountId === account.accountId)) {
      if (promise.madeOn > date) continue;
      const outcome = resolvePromise(promise, account.payments, date);
      if (outcome.status === 'pending') continue;
      resolved.push({ promise, status: outcome.status, paid: outcome.paid, on: date });
      counts[outcome.status] += 1;
      if (outcome.status === 'broken' && current && promise.caseId === current.id) broken += 1;
      const target = current && promise.caseId === current.id ? current : undefined;
      const promiseEvent: CaseEvent = {
        kind: outcome.status === 'kept' ? 'promise-kept' : 'promise-broken',
        occasion: promise.id,
        businessDate: date,
        fromBucket: null,
        toBucket: null,
        daysPastDue: account.daysPastDue,
        amountPastDue: account.amountPastDue,
        detail: {
          promiseId: promise.id,
          amount: promise.amount.toString(),
          paid: outcome.paid.toString(),
          dueDate: promise.dueDate,
        },
      };
      if (target) event(target, promiseEvent);
      else {
        // The promise's case has closed (cured, ended): its history still records the outcome.
        const seq = await nextSeqOf(tx, account.customerId, promise.caseId, seqs);
        events.push({ ...promiseEvent, customerId: account.customerId, caseId: promise.caseId, seq });
      }
    }

    if (!current && lastClosed !== undefined && lastClosed >= date) continue;
    const step = stepCase(current, account, date);
    switch (step.kind) {
      case 'none':
        break;
      case 'open': {
        current = {
          customerId: account.customerId,
          id: deps.ids.next('collectionCase'),
          accountId: account.accountId,
          product: account.product,
          openedOn: date,
          status: 'open',
          bucket: step.bucket,
          daysPastDue: account.daysPastDue,
          amountPastDue: account.amountPastDue,
          oldestDueDate: account.oldestDueDate,
          priority: priorityOf(step.bucket, 0),
          brokenPromises: 0,
          observedThrough: date,
          closedOn: null,
          closeReason: null,
          claimedBy: null,
          claimedAt: null,
          claimExpiresAt: null,
          createdAt: now,
          updatedAt: now,
        };
        created.push(current);
        event(current, step.event);
        counts.opened += 1;
        break;
      }
      case 'update': {
        if (!current) break;
        const brokenPromises = current.brokenPromises + broken;
        current = {
          ...current,
          bucket: step.bucket,
          daysPastDue: account.daysPastDue,
          amountPastDue: account.amountPastDue,
          oldestDueDate: account.oldestDueDate,
          brokenPromises,
          priority: priorityOf(step.bucket, brokenPromises),
          observedThrough: date,
        };
        saved.push(current);
        if (step.event) {
          event(current, step.event);
          counts.moved += 1;
        }
        break;
      }
      case 'close': {
        if (!current) break;
        const brokenPromises = current.brokenPromises + broken;
        current = {
          ...current,
          status: 'closed',
          daysPastDue: account.daysPastDue,
          amountPastDue: account.amountPastDue,
          brokenPromises,
          priority: priorityOf(current.bucket, brokenPromises),
          observedThrough: date,
          closedOn: date,
          closeReason: step.reason,
        };
        saved.push(current);
        event(current, step.event);
        counts.closed += 1;
        break;
      }
    }

    // The strategy's own notice for the notice day, while the case is open.
    if (sendNotices && current?.status === 'open' && account.oldestDueDate) {
      const days = daysBetween(account.oldestDueDate, noticeDay);
      if (notices.has(days)) {
        drafts.push({
          customerId: account.customerId,
          subjectId: account.accountId,
          occasion: `notice-${account.oldestDueDate}-${days}`,
          content: {
            kind: 'collections_notice',
            params: {
              product: account.product === 'cash_loan' ? 'loan' : 'line',
              daysPastDue: days,
              dueDate: account.oldestDueDate,
              amountOverdue: account.amountPastDue,
            },
          },
        });
      }
    }
  }

  await store.insertCases(tx, created);
  await store.saveCaseSteps(tx, saved, now);
  await store.resolvePromises(tx, resolved, now);
  await store.insertCaseEvents(tx, events, now);
  const notified = drafts.length > 0 ? await deps.outbox.write(tx, drafts) : 0;
  return { accounts: facts.length, ...counts, notices: notified };
}

async function nextSeqOf(
  tx: Queryable,
  customerId: string,
  caseId: string,
  seqs: Map<string, number>,
): Promise<number> {
  if (!seqs.has(caseId)) {
    const found = await store.lastEventSeqs(tx, [{ customerId, id: caseId }]);
    seqs.set(caseId, found.get(caseId) ?? 0);
  }
  const seq = (seqs.get(caseId) ?? 0) + 1;
  seqs.set(caseId, seq);
  return seq;
}
