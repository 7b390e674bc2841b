import type { IdGenerator } from '../../platform/ids/ids.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { addDays } from '../../platform/time/local-date.ts';
import type { DayEndProcessor } from '../eod/day-end.ts';
import { planCollection } from './auto-repay.ts';
import type { NewAttempt } from './payments.pg.ts';
import {
  accountsWithOpenAttempt,
  advanceMandates,
  countMandatesBehind,
  earliestMandateBehind,
  insertAttempts,
  lockMandatesBehind,
  mandatesBehind,
} from './payments.pg.ts';
import { settlePayouts } from './pay-out.ts';
import { settlePaymentAttempts, type SettleDeps } from './settle-payment-attempts.ts';

/**
 * Auto-repay as a day-end step (`auto-repay`), listed after the products' steps and reminders and before
 * collections. For business date D, in each chunk's transaction: every enabled mandate still behind D is
 * locked, and when D is a try day of an unpaid due date of its account (the dated schedule, e.g. day 0, +1,
 * +3) an attempt row is written — payment id, amount due, try number, status `requested` — and the
 * mandate's watermark moves to D. Exactly once per account and date: the watermark, and a unique index on
 * (account, business date). No new try is made while an earlier attempt of the account is still waiting
 * for the provider (its money may have moved).
 *
 * Then, after every chunk of D committed and outside any transaction, the provider is asked
 * (`settlePaymentAttempts`, as many attempts at once as the run has transactions in flight on PostgreSQL,
 * one at a time on PGlite): money collected is booked as a repayment dated D through the product's use
 * case, idempotent by the payment id. A run killed anywhere is resumed by the next one: attempts written
 * and not settled are settled then, and a payment sent before the kill is asked about before it is sent
 * again.
 */
export function createAutoRepayProcessor(
  deps: SettleDeps & { readonly ids: IdGenerator; readonly clock: Clock },
): DayEndProcessor {
  return {
    product: 'auto-repay',
    earliestPending: (q) => earliestMandateBehind(q),
    countBehind: (q, date) => countMandatesBehind(q, date),
    listBehind: (q, date, afterId, limit, partition) => mandatesBehind(q, date, afterId, limit, partition),
    async advance(tx, items, date) {
      const mandates = await lockMandatesBehind(tx, items, date);
      if (mandates.length === 0) return 0;
      const open = await accountsWithOpenAttempt(tx, mandates);
      const attempts: NewAttempt[] = [];
      for (const accounts of deps.accounts) {
        const mine = mandates.filter(
          (mandate) => accounts.owns(mandate.accountId) && !open.has(mandate.accountId),
        );
        if (mine.length === 0) continue;
        const unpaid = await accounts.unpaid(tx, mine);
        for (const mandate of mine) {
          const plan = planCollection(deps.schedules, unpaid.get(mandate.accountId) ?? [], date);
          if (!plan) continue;
          attempts.push({
            customerId: mandate.customerId,
            paymentId: deps.ids.next('payment'),
            accountId: mandate.accountId,
            product: mandate.product,
            businessDate: date,
            dueDate: plan.dueDate,
            tryNumber: plan.tryNumber,
            amount: plan.amount,
            cardId: mandate.cardId,
          });
        }
      }
      const now = deps.clock.now();
      await insertAttempts(tx, attempts, now);
      await advanceMandates(tx, mandates, date, now);
      return mandates.length;
    },
    async afterDate(date, { concurrency, scope }) {
      // A partition of a run settles its own customers' attempts only: no attempt is asked about twice at once.
      await settlePaymentAttempts(deps, date, {
        ...(concurrency !== undefined ? { concurrency } : {}),
        ...(scope?.partition ? { partition: scope.partition } : {}),
        ...(scope ? { owns: (id: string) => scope.owns(id) } : {}),
      });
      // Pay-outs of money held still waiting for the provider's answer are asked about too — once a run, on
      // its latest night (they are not dated: a catch-up over N nights asked the provider N times each). A
      // partitioned run does it in `afterRun`, once.
      if (!scope && date >= addDays(deps.clock.today(), -1)) await settlePayouts(deps);
    },
    async afterRun(through) {
      if (through >= addDays(deps.clock.today(), -1)) await settlePayouts(deps);
    },
  };
}
