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
  findMandate,
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
 */
export async function settleAttempt(deps: SettleDeps, attempt: PaymentAttempt): Promise<AttemptStatus> {
  const accounts = accountsOf(deps, attempt);
  // Never sent: if nothing is due on the account any more (paid by hand since), it is not sent at all.
  if (attempt.status === 'requested' && attempt.providerCalls === 0) {
    const mandate = await findMandate(deps.db, attempt.customerId, attempt.accountId);
    const unpaid = await accounts.unpaid(deps.db, [
      {
        customerId: attempt.customerId,
        accountId: attempt.accountId,
        amountRule: mandate?.amountRule ?? null,
      },
    ]);
    const due = (unpaid.get(attempt.accountId) ?? []).some(
      (item) => item.dueDate <= attempt.businessDate && item.owed > 0n,
    );
    if (!due) {
      await resolveAttempt(
        deps.db,
        attempt.customerId,
        attempt.paymentId,
        { status: 'failed', reason: 'account_settled', providerRef: null },
        deps.clock.now(),
      );
      return 'failed';
    }
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

/**
 * Settles every attempt still waiting for the provider with a business date up to `through`, oldest first
 * (the day-end's auto-repay step after each date; `credence payments resolve`).
 */
export async function settlePaymentAttempts(deps: SettleDeps, through: LocalDate): Promise<SettleReport> {
  const counts = { succeeded: 0, failed: 0, unknown: 0, requested: 0 };
  let afterId = '';
  for (;;) {
    const page = await unresolvedAttempts(deps.db, through, afterId, 200);
    if (page.length === 0) break;
    for (const attempt of page) counts[await settleAttempt(deps, attempt)] += 1;
    afterId = (page[page.length - 1] as PaymentAttempt).paymentId;
  }
  return { succeeded: counts.succeeded, failed: counts.failed, unknown: counts.unknown };
}
