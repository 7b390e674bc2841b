import { describe, expect, it } from 'vitest';
import { contractBalances, verifyLedger } from '../../src/ledger/ledger.pg.ts';
import { isAppError } from '../../src/platform/errors/app-error.ts';
import type { Money } from '../../src/platform/money/money.ts';
import { storesUnderTest } from '../support/stores.ts';
import { lendingWorld, snapshotRows, type LendingWorld } from './support.ts';

/**
 * Issue 15, item 5: a repayment returned by the bank (or charged back) is undone exactly. The golden loan
 * (¥10,000, 18 % monthly basis, 12 equal instalments from 2026-01-15): in one world the first instalment
 * (¥916.80, due 2026-02-15) is paid on its due date and returned on 2026-02-26; in the other it is never paid.
 * After the reversal the two loans, their books and their facilities are the same.
 */
async function drawGolden(world: LendingWorld): Promise<{ customerId: string; loanId: string }> {
  const customerId = await world.customerWithLimit(1_000_000n);
  const drawn = await world.loans.drawdown({
    customerId,
    amount: 1_000_000n as Money,
    term: 12,
    method: 'equal-installment',
    idempotencyKey: 'd',
  });
  if (drawn.outcome !== 'drawn') throw new Error('declined');
  return { customerId, loanId: drawn.receipt.loanId };
}

function refusal(error: unknown): string {
  if (!isAppError(error)) throw error;
  return `${error.issues[0]?.field}/${error.issues[0]?.rule}`;
}

describe.each(storesUnderTest())('a repayment that did not stand is reversed exactly ($name)', (store) => {
  it('restates the loan, its books and its facility as if the repayment had never been made; idempotent; refusals write nothing', async () => {
    const returned = await lendingWorld(store, { start: '2026-01-15', product: { basis: 'monthly' } });
    const unpaid = await lendingWorld(store, { start: '2026-01-15', product: { basis: 'monthly' } });
    const a = await drawGolden(returned);
    const b = await drawGolden(unpaid);

    returned.today('2026-02-15');
    await returned.nightly();
    const paid = await returned.loans.repay({
      loanId: a.loanId,
      amount: 91_680n as Money,
      intent: 'scheduled',
      idempotencyKey: 'p1',
    });
    expect(paid.receipt.allocation.principal).toBe(76_680n);
    for (const world of [returned, unpaid]) {
      world.today('2026-02-26');
      await world.nightly();
    }
    expect((await returned.loans.getLoan(a.loanId)).daysPastDue).toBe(0);

    const reversed = await returned.loans.reverseRepayment({
      loanId: a.loanId,
      paymentSeq: paid.receipt.seq,
      reason: 'returned',
      idempotencyKey: 'r1',
    });
    expect(reversed.replayed).toBe(false);
    expect(reversed.receipt).toMatchObject({
      reverses: paid.receipt.seq,
      reason: 'returned',
      amount: 91_680n,
      paidOn: '2026-02-15',
      effectiveDate: '2026-02-26',
      daysPastDue: 11,
      status: 'active',
    });
    expect(reversed.receipt.outstanding.principal - reversed.receipt.outstandingBefore.principal).toBe(
      76_680n,
    );

    // A reversal dated today steps the loan through today first (as a repayment today does); after the next
    // night both loans stand on the same day.
    for (const world of [returned, unpaid]) {
      world.today('2026-02-27');
      await world.nightly();
    }
    const view = await returned.loans.getLoan(a.loanId);
    const never = await unpaid.loans.getLoan(b.loanId);
    expect(view.asOf).toBe('2026-02-26');
    expect(view.outstanding).toEqual(never.outstanding);
    expect(view.daysPastDue).toBe(never.daysPastDue);
    expect(view.instalments).toEqual(never.instalments);
    expect(await contractBalances(returned.db, a.customerId, a.loanId)).toEqual(
      await contractBalances(unpaid.db, b.customerId, b.loanId),
    );
    const facility = await returned.facilities.getFacility(a.customerId, 'cash-loan');
    const neverFacility = await unpaid.facilities.getFacility(b.customerId, 'cash-loan');
    expect(facility?.used).toBe(neverFacility?.used);
    expect((await verifyLedger(returned.db)).ok).toBe(true);
    const statement = await returned.loans.statement(a.loanId);
    const restatement = statement.entries.find((entry) => entry.kind === 'restatement');
    expect(restatement?.lines).toContainEqual({ kind: 'funding', side: 'C', amount: 91_680n });

    // The same request again answers the same receipt and writes nothing.
    const before = await snapshotRows(returned.db);
    const again = await returned.loans.reverseRepayment({
      loanId: a.loanId,
      paymentSeq: paid.receipt.seq,
      reason: 'returned',
      idempotencyKey: 'r1',
    });
    expect(again.replayed).toBe(true);
    expect(again.receipt).toEqual(reversed.receipt);
    expect(await snapshotRows(returned.db)).toBe(before);

    // Refused, with nothing written: the same repayment again, the reversal itself, an unknown event.
    for (const [paymentSeq, expected] of [
      [paid.receipt.seq, 'paymentSeq/not-reversed-already'],
      [reversed.receipt.seq, 'paymentSeq/a-repayment'],
      [99, 'paymentSeq/a-repayment'],
    ] as const) {
      const outcome = await returned.loans
        .reverseRepayment({
          loanId: a.loanId,
          paymentSeq,
          reason: 'chargeback',
          idempotencyKey: `x${paymentSeq}`,
        })
        .then(() => 'accepted', refusal);
      expect(outcome).toBe(expected);
    }
    expect(await snapshotRows(returned.db)).toBe(before);

    // The history keeps both events; paying again after the reversal works as on the never-paid loan.
    const events = await returned.loans.events(a.loanId);
    expect(events.map((event) => event.kind)).toEqual(['repayment', 'reversal']);
    const repaid = await returned.loans.repay({
      loanId: a.loanId,
      amount: 100_000n as Money,
      intent: 'scheduled',
      idempotencyKey: 'p2',
    });
    const repaidNever = await unpaid.loans.repay({
      loanId: b.loanId,
      amount: 100_000n as Money,
      intent: 'scheduled',
      idempotencyKey: 'p2',
    });
    expect(repaid.receipt.allocation).toEqual(repaidNever.receipt.allocation);
    expect(repaid.receipt.outstanding).toEqual(repaidNever.receipt.outstanding);
    expect((await verifyLedger(returned.db)).ok).toBe(true);
  });
});
