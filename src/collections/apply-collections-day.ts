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
  type CaseStep,
  type CollectionCase,
} from './collection-case.ts';
import { noticeDays, strategyOn, type StrategySource } from './collection-strategy.ts';
import * as store from './collections.pg.ts';
import type { CollectionsDayResult } from './collections-day-port.ts';
import { resolvePromise, type PromiseToPay } from './promise-to-pay.ts';

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
  const noticeDay = addDays(date, 1);
  const strategy = strategyOn(await deps.strategies(tx), noticeDay);
  const sendNotices = noticeDay >= deps.clock.today();
  const notices = new Set(noticeDays(strategy));
  const day = newDayWrites(tx, await store.lastEventSeqs(tx, [...openCases.values()]));

  for (const account of facts) {
    let current = openCases.get(account.accountId);
    // Already stepped for this date (a rerun after a crash, or a second run): nothing twice.
    if (current && current.observedThrough >= date) continue;
    const lastClosed = closedOn.get(account.accountId);

    // Promises first: a broken one raises the priority the case step then keeps.
    const ownPromises = promises.filter((p) => p.accountId === account.accountId);
    const broken = await resolveAccountPromises(day, account, ownPromises, current, date);

    if (!current && lastClosed !== undefined && lastClosed >= date) continue;
    const step = stepCase(current, account, date);
    const stepped = caseAfterStep(current, step, account, date, broken, () => ({
      id: deps.ids.next('collectionCase'),
      now,
    }));
    if (stepped) {
      current = stepped.next;
      (stepped.count === 'opened' ? day.created : day.saved).push(current);
      if (stepped.event) day.event(current, stepped.event);
      if (stepped.count) day.counts[stepped.count] += 1;
    }

    // The strategy's own notice for the notice day, while the case is open.
    const notice = sendNotices ? noticeFor(current, account, noticeDay, notices) : undefined;
    if (notice) day.drafts.push(notice);
  }

  await store.insertCases(tx, day.created);
  await store.saveCaseSteps(tx, day.saved, now);
  await store.resolvePromises(tx, day.resolved, now);
  await store.insertCaseEvents(tx, day.events, now);
  const notified = day.drafts.length > 0 ? await deps.outbox.write(tx, day.drafts) : 0;
  return { accounts: facts.length, ...day.counts, notices: notified };
}

type StepCount = 'opened' | 'moved' | 'closed';

/** What one chunk's date writes, gathered and then stored in one statement per table. */
interface DayWrites {
  readonly tx: Queryable;
  readonly seqs: Map<string, number>;
  readonly created: CollectionCase[];
  readonly saved: CollectionCase[];
  readonly events: store.StoredCaseEvent[];
  readonly resolved: store.PromiseResolved[];
  readonly drafts: MessageDraft[];
  readonly counts: Record<StepCount | 'kept' | 'broken', number>;
  /** Adds an event to a case, numbered after its last one. */
  event(target: CollectionCase, e: CaseEvent): void;
}

function newDayWrites(tx: Queryable, seqs: Map<string, number>): DayWrites {
  const events: store.StoredCaseEvent[] = [];
  return {
    tx,
    seqs,
    created: [],
    saved: [],
    events,
    resolved: [],
    drafts: [],
    counts: { opened: 0, moved: 0, closed: 0, kept: 0, broken: 0 },
    event(target, e) {
      const seq = (seqs.get(target.id) ?? 0) + 1;
      seqs.set(target.id, seq);
      events.push({ ...e, customerId: target.customerId, caseId: target.id, seq });
    },
  };
}

/**
 * Resolves an account's pending promises due by `date` (kept or broken, once: pending ones only) and records
 * each outcome on its case — the open one, or the closed case the promise was made on. Returns how many
 * promises of the open case broke.
 */
async function resolveAccountPromises(
  day: DayWrites,
  account: AccountFacts,
  promises: readonly PromiseToPay[],
  current: CollectionCase | undefined,
  date: LocalDate,
): Promise<number> {
  let broken = 0;
  for (const promise of promises) {
    if (promise.madeOn > date) continue;
    const outcome = resolvePromise(promise, account.payments, date);
    if (outcome.status === 'pending') continue;
    day.resolved.push({ promise, status: outcome.status, paid: outcome.paid, on: date });
    day.counts[outcome.status] += 1;
    const onOpenCase = current !== undefined && promise.caseId === current.id;
    if (outcome.status === 'broken' && onOpenCase) broken += 1;
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
    if (current && onOpenCase) day.event(current, promiseEvent);
    else {
      // The promise's case has closed (cured, ended): its history still records the outcome.
      const seq = await nextSeqOf(day.tx, account.customerId, promise.caseId, day.seqs);
      day.events.push({ ...promiseEvent, customerId: account.customerId, caseId: promise.caseId, seq });
    }
  }
  return broken;
}

/**
 * The case after the day's step (pure): opened (a new case, `fresh` naming it), followed to its new bucket
 * and figures, or closed; `undefined` when the step changes nothing. `broken` promises of the day raise its
 * priority.
 */
function caseAfterStep(
  current: CollectionCase | undefined,
  step: CaseStep,
  account: AccountFacts,
  date: LocalDate,
  broken: number,
  fresh: () => { id: string; now: Date },
): { next: CollectionCase; event?: CaseEvent; count?: StepCount } | undefined {
  switch (step.kind) {
    case 'none':
      return undefined;
    case 'open': {
      const { id, now } = fresh();
      const next: CollectionCase = {
        customerId: account.customerId,
        id,
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
      return { next, event: step.event, count: 'opened' };
    }
    case 'update': {
      if (!current) return undefined;
      const brokenPromises = current.brokenPromises + broken;
      const next: CollectionCase = {
        ...current,
        bucket: step.bucket,
        daysPastDue: account.daysPastDue,
        amountPastDue: account.amountPastDue,
        oldestDueDate: account.oldestDueDate,
        brokenPromises,
        priority: priorityOf(step.bucket, brokenPromises),
        observedThrough: date,
      };
      return step.event ? { next, event: step.event, count: 'moved' } : { next };
    }
    case 'close': {
      if (!current) return undefined;
      const brokenPromises = current.brokenPromises + broken;
      const next: CollectionCase = {
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
      return { next, event: step.event, count: 'closed' };
    }
  }
}

/** The strategy's notice for `noticeDay` (pure), when the case is open and that day is one of its notice days. */
function noticeFor(
  current: CollectionCase | undefined,
  account: AccountFacts,
  noticeDay: LocalDate,
  notices: ReadonlySet<number>,
): MessageDraft | undefined {
  if (current?.status !== 'open' || !account.oldestDueDate) return undefined;
  const days = daysBetween(account.oldestDueDate, noticeDay);
  if (!notices.has(days)) return undefined;
  return {
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
  };
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
