import type { CustomerPartition } from '../../platform/database/customer-partition.ts';
import type { Database } from '../../platform/database/database.ts';
import type { MessageOutbox } from '../../platform/notifications/index.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { addDays, type LocalDate } from '../../platform/time/local-date.ts';
import { autoRepayFailedText, scheduleFor, type AutoRepaySchedule } from './auto-repay.ts';
import type { AutoRepayAccounts } from './payment-ports.ts';
import type { PaymentFailureReason, PaymentProvider, PaymentStatus } from './payment-provider.ts';
import {
  countProviderCall,
  findAttempt,
  mandateAmountRules,
  resolveAttempt,
  unresolvedAttempts,
  type AttemptStatus,
  type PaymentAttempt,
} from './payments.pg.ts';

export interface SettleDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly provider: PaymentProvider;
  readonly accounts: readonly AutoRepayAccounts[];
  readonly schedules: readonly AutoRepaySchedule[];
  readonly outbox?: MessageOutbox;
}

export interface SettleReport {
  readonly succeeded: number;
  readonly failed: number;
  readonly unknown: number;
}

function accountsOf(deps: SettleDeps, attempt: PaymentAttempt): AutoRepayAccounts {
  const accounts = deps.accounts.find((candidate) => candidate.product === attempt.product);
  if (!accounts) throw new Error(`no auto-repay adapter for ${attempt.product}`);
  return accounts;
}

/** The provider's final word on an attempt, or `pending` when it has none yet. */
async function askProvider(deps: SettleDeps, attempt: PaymentAttempt): Promise<PaymentStatus> {
  const send = async (): Promise<PaymentStatus> => {
    // Counted before the call: a crash during it leaves provider_calls > 0, so the next pass asks first.
    await countProviderCall(deps.db, attempt.customerId, attempt.paymentId, deps.clock.now());
    const outcome = await deps.provider.collect({
      paymentId: attempt.paymentId,
      customerId: attempt.customerId,
      cardId: attempt.cardId,
      cardLast4: attempt.cardLast4,
      amount: attempt.amount,
    });
    if (outcome.outcome === 'timeout') return { status: 'pending' };
    return outcome.outcome === 'succeeded'
      ? { status: 'succeeded', providerRef: outcome.providerRef }
      : { status: 'failed', reason: outcome.reason, providerRef: outcome.providerRef };
  };
  // Sent before (a timeout, or a crash after the call was counted): ask what became of it; only a payment
  // the provider never received is sent again — under the same id, so it cannot be collected twice.
  if (attempt.status === 'unknown' || attempt.providerCalls > 0) {
    const status = await deps.provider.status(attempt.paymentId);
    return status.status === 'not_found' ? send() : status;
  }
  return send();
}

/**
 * Takes one attempt waiting for the provider to its next state: the provider is called outside any
 * transaction; money collected is booked through the product's repayment use case (idempotent by the
 * payment id) and then the attempt is marked `succeeded` with the event that booked it; a refusal is
 * recorded with its reason and the customer is told (in the same transaction); no answer leaves it
 * `unknown`, to be asked about by the next pass. Repeating it after a crash at any point books nothing twice.
 *
 * `stillDue` is whether anything is still due on the account by the attempt's business date, as read for
 * its page before any of the page was sent (only asked of an attempt never sent: one sent before is never
 * closed without the provider's word).
 */
async function settleAttempt(
  deps: SettleDeps,
  attempt: PaymentAttempt,
  stillDue: boolean,
): Promise<AttemptStatus> {
  const accounts = accountsOf(deps, attempt);
  // Never sent: if nothing is due on the account any more (paid by hand since), it is not sent at all.
  if (neverSent(attempt) && !stillDue) {
    await resolveAttempt(
      deps.db,
      attempt.customerId,
      attempt.paymentId,
      { status: 'failed', reason: 'account_settled', providerRef: null },
      deps.clock.now(),
    );
    return 'failed';
  }
  const answer = await askProvider(deps, attempt);
  if (answer.status === 'pending' || answer.status === 'not_found') {
    await resolveAttempt(
      deps.db,
      attempt.customerId,
      attempt.paymentId,
      { status: 'unknown' },
      deps.clock.now(),
    );
    return 'unknown';
  }
  if (answer.status === 'succeeded') {
    const { seq } = await accounts.book({
      accountId: attempt.accountId,
      amount: attempt.amount,
      effectiveDate: attempt.businessDate,
      paymentId: attempt.paymentId,
    });
    await resolveAttempt(
      deps.db,
      attempt.customerId,
      attempt.paymentId,
      { status: 'succeeded', providerRef: answer.providerRef, bookedSeq: seq },
      deps.clock.now(),
    );
    return 'succeeded';
  }
  await recordFailure(deps, attempt, answer.reason, answer.providerRef);
  return 'failed';
}

function nextTryOf(schedules: readonly AutoRepaySchedule[], attempt: PaymentAttempt): LocalDate | null {
  const days = scheduleFor(schedules, attempt.dueDate)?.retryDays ?? [];
  const next = days[attempt.tryNumber];
  return next === undefined ? null : addDays(attempt.dueDate, next);
}

async function recordFailure(
  deps: SettleDeps,
  attempt: PaymentAttempt,
  reason: PaymentFailureReason,
  providerRef: string,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const current = await findAttempt(tx, attempt.customerId, attempt.paymentId, { lock: true });
    if (!current || (current.status !== 'requested' && current.status !== 'unknown')) return;
    const now = deps.clock.now();
    await resolveAttempt(
      tx,
      attempt.customerId,
      attempt.paymentId,
      { status: 'failed', reason, providerRef },
      now,
    );
    await deps.outbox?.write(tx, [
      {
        customerId: attempt.customerId,
        subjectId: attempt.accountId,
        occasion: `auto-repay-${attempt.paymentId}`,
        content: {
          kind: 'auto_repay_failed',
          params: {
            text: autoRepayFailedText({
              product: attempt.product,
              amount: attempt.amount,
              cardLast4: attempt.cardLast4,
              triedOn: attempt.businessDate,
              dueDate: attempt.dueDate,
              reason,
              nextTry: nextTryOf(deps.schedules, attempt),
            }),
          },
        },
      },
    ]);
  });
}

function neverSent(attempt: PaymentAttempt): boolean {
  return attempt.status === 'requested' && attempt.providerCalls === 0;
}

/**
 * For the attempts of a page never sent: whether anything is still due on their account by their business
 * date. One read of the mandates' amount rules and one of each product's books for the whole page, instead
 * of two reads an attempt.
 */
async function stillDueOf(deps: SettleDeps, page: readonly PaymentAttempt[]): Promise<Set<string>> {
  const unsent = page.filter(neverSent);
  const due = new Set<string>();
  if (unsent.length === 0) return due;
  const rules = await mandateAmountRules(deps.db, unsent);
  for (const accounts of deps.accounts) {
    const mine = unsent.filter((attempt) => attempt.product === accounts.product);
    if (mine.length === 0) continue;
    const unpaid = await accounts.unpaid(
      deps.db,
      mine.map((attempt) => ({
        customerId: attempt.customerId,
        accountId: attempt.accountId,
        amountRule: rules.get(attempt.accountId) ?? null,
      })),
    );
    for (const attempt of mine) {
      const owed = (unpaid.get(attempt.accountId) ?? []).some(
        (item) => item.dueDate <= attempt.businessDate && item.owed > 0n,
      );
      if (owed) due.add(attempt.paymentId);
    }
  }
  for (const attempt of page) if (!neverSent(attempt)) due.add(attempt.paymentId);
  return due;
}

/** The most attempts settled at once on PostgreSQL when the caller does not say (`resolve`). */
export const DEFAULT_SETTLE_CONCURRENCY = 4;

/**
 * Settles every attempt still waiting for the provider with a business date up to `through`, oldest first
 * (the day-end's auto-repay step after each date; `credence payments resolve`); `owns`: only those customers'.
 *
 * On PostgreSQL up to `concurrency` attempts are settled at once (the day-end passes its own: transactions
 * in flight), each still on its own — a provider call outside any transaction, its booking in its own
 * transaction, idempotent by the payment id — so the crash protocol is the attempt's, unchanged. Attempts
 * of one account in a page (the day-end opens no new try while one is waiting, but nothing else forbids
 * two) are settled in order by one worker: an account's bookings never race each other. A worker's fault
 * is raised once every worker has stopped (none is left running behind the caller's back). PGlite has one
 * connection: there it stays one at a time.
 */
export async function settlePaymentAttempts(
  deps: SettleDeps,
  through: LocalDate,
  options: {
    readonly concurrency?: number;
    /** One day-end partition's customers only: read by the statement (`inCustomerPartition`)… */
    readonly partition?: CustomerPartition;
    /** …and/or kept after reading (a run made before the hash moved into SQL). */
    readonly owns?: (customerId: string) => boolean;
  } = {},
): Promise<SettleReport> {
  const concurrency =
    deps.db.dialect === 'pglite' ? 1 : Math.max(1, options.concurrency ?? DEFAULT_SETTLE_CONCURRENCY);
  const counts = { succeeded: 0, failed: 0, unknown: 0, requested: 0 };
  let afterId = '';
  for (;;) {
    const page = await unresolvedAttempts(deps.db, through, afterId, 200, options.partition);
    if (page.length === 0) break;
    // One partition of a day-end run settles its own customers' attempts (the others are another's).
    const owned = options.owns ? page.filter((attempt) => options.owns?.(attempt.customerId)) : page;
    const stillDue = await stillDueOf(deps, owned);
    const byAccount = new Map<string, PaymentAttempt[]>();
    for (const attempt of owned) {
      const queue = byAccount.get(attempt.accountId);
      if (queue) queue.push(attempt);
      else byAccount.set(attempt.accountId, [attempt]);
    }
    const queues = [...byAccount.values()];
    const worker = async (): Promise<void> => {
      for (let queue = queues.shift(); queue; queue = queues.shift()) {
        for (const attempt of queue)
          counts[await settleAttempt(deps, attempt, stillDue.has(attempt.paymentId))] += 1;
      }
    };
    const workers = await Promise.allSettled(
      Array.from({ length: Math.min(concurrency, queues.length) }, worker),
    );
    const fault = workers.find((result) => result.status === 'rejected');
    if (fault) throw fault.reason;
    afterId = (page[page.length - 1] as PaymentAttempt).paymentId;
  }
  return { succeeded: counts.succeeded, failed: counts.failed, unknown: counts.unknown };
}
