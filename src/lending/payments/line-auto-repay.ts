import type { CreditLineService } from '../credit-lines/credit-line-ports.ts';
import { lineStore, locateLine } from '../credit-lines/credit-lines.pg.ts';
import {
  advanceLine,
  heldFor,
  minimumOutstanding,
  owedOn as statementOwed,
} from '../credit-lines/line-servicing.ts';
import type { LineState } from '../credit-lines/line-state.ts';
import { fen, ZERO, type Money } from '../../platform/money/money.ts';
import type { UnpaidDue } from './auto-repay.ts';
import type { AutoRepayAccounts } from './payment-ports.ts';
import type { AmountRule } from './payments.pg.ts';

/**
 * What a credit line's auto-repay may collect, by statement due date, as its state says now (after the
 * line's day step of the date). Summed over the statements due up to a date it is what that date's try
 * asks — never more than is due:
 *
 * - `full`: each statement's balance still unpaid (revolving principal billed, interest, instalment
 *   principal and fees, late fees, less what was paid of them). A statement cut but not yet due is not
 *   collected before its own due date.
 * - `minimum`: what is left of the minimum payments. Every credit to billed debt counts toward every
 *   statement's minimum (`minimumOutstanding`), so one payment of the largest minimum still unmet clears
 *   them all: each due date carries its increase over the largest before it, and their sum up to a date is
 *   that largest minimum.
 */
export function lineUnpaidDues(state: LineState, rule: AmountRule): UnpaidDue[] {
  const dues: UnpaidDue[] = [];
  let largest: Money = ZERO;
  state.statements.forEach((statement, index) => {
    if (rule === 'full') {
      dues.push({ dueDate: statement.dueDate, owed: statementOwed(statement) });
      return;
    }
    const left = minimumOutstanding(state, index);
    const increase = left > largest ? fen(left - largest) : ZERO;
    if (left > largest) largest = left;
    dues.push({ dueDate: statement.dueDate, owed: increase });
  });
  return dues;
}

/**
 * Credit lines for auto-repay: an open line (not closed); what is due under the mandate's amount rule
 * (`lineUnpaidDues`); money collected is booked as an ordinary line payment through `pay` (the waterfall,
 * value-dated the business date), under the payment id as its idempotency key; money held paid back
 * through the line's payout use case.
 */
export function lineAutoRepayAccounts(
  lines: Pick<CreditLineService, 'pay' | 'payout' | 'reserveHeld' | 'releaseHeld'>,
): AutoRepayAccounts {
  return {
    product: 'credit_line',
    owns: (accountId) => accountId.startsWith('cl_'),
    async find(q, accountId) {
      const where = await locateLine(q, accountId);
      if (!where) return undefined;
      const record = await lineStore.find(q, where.customerId, accountId);
      if (!record) return undefined;
      return { customerId: where.customerId, open: record.closedOn === null };
    },
    async unpaid(q, accounts) {
      const rules = new Map(accounts.map((account) => [account.accountId, account.amountRule ?? 'full']));
      const records = await lineStore.load(
        q,
        accounts.map((account) => ({ customerId: account.customerId, id: account.accountId })),
      );
      const result = new Map<string, UnpaidDue[]>();
      for (const record of records) {
        if (record.closedOn !== null) continue;
        const lineId = record.terms.lineId;
        result.set(lineId, lineUnpaidDues(record.state, rules.get(lineId) ?? 'full'));
      }
      return result;
    },
    async book({ accountId, amount, effectiveDate, paymentId }) {
      const { receipt } = await lines.pay({
        lineId: accountId,
        amount,
        effectiveDate,
        idempotencyKey: paymentId,
      });
      return { seq: receipt.seq };
    },
    async held(q, customerId, accountId, today) {
      const record = await lineStore.find(q, customerId, accountId);
      return record ? heldFor(advanceLine(record.terms, record.state, today).state) : ZERO;
    },
    async reserveHeld(tx, { customerId, accountId, amount, payoutId }) {
      await lines.reserveHeld(tx, { customerId, lineId: accountId, amount, payoutId });
    },
    async releaseHeld(tx, { customerId, accountId, payoutId }) {
      await lines.releaseHeld(tx, { customerId, lineId: accountId, payoutId });
    },
    async bookPayout({ accountId, amount, payoutId }) {
      const { receipt } = await lines.payout({
        lineId: accountId,
        amount,
        idempotencyKey: payoutId,
        payoutId,
      });
      return { seq: receipt.seq };
    },
  };
}
