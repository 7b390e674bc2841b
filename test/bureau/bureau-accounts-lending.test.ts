import { describe, expect, it } from 'vitest';
import { createPgReportableAccounts } from '../../src/lending/bureau-accounts.pg.ts';
import type { Money } from '../../src/platform/money/money.ts';
import type { LocalDate } from '../../src/platform/time/local-date.ts';
import { lendingWorld } from '../lending/support.ts';
import { storesUnderTest } from '../support/stores.ts';

/**
 * The lending side of the monthly report: a loan as it stood at the end of a date, recomputed from its
 * contract and the events dated up to that day — the golden loan (¥10,000 at 18 %, monthly basis, 12
 * equal instalments of ¥916.80, drawn 2026-01-15) with nothing paid is 44 days past due on 31 March with
 * two instalments overdue; a payment recorded later but dated 20 March makes 31 March current, and the
 * end of February (before it) keeps the overdue February instalment.
 */
describe.each(storesUnderTest())('accounts at a month end ($name)', (store) => {
  it('reads a loan at any date from its contract and the events dated up to it', async () => {
    const world = await lendingWorld(store, { start: '2026-01-15', product: { basis: 'monthly' } });
    const customerId = await world.customerWithLimit(2_000_000n);
    const drawn = await world.loans.drawdown({
      customerId,
      amount: 1_000_000n as Money,
      term: 12,
      method: 'equal-installment',
      idempotencyKey: 'draw-1',
    });
    if (drawn.outcome !== 'drawn') throw new Error('declined');
    const loanId = drawn.receipt.loanId;
    const accounts = createPgReportableAccounts(world.db);
    const at = async (date: string) => {
      const found = (await accounts.accountsAt(date as LocalDate)).find((a) => a.accountId === loanId);
      if (!found) throw new Error(`no account at ${date}`);
      return found;
    };

    const march = await at('2026-03-31');
    expect(march).toMatchObject({
      customerId,
      accountType: 'loan',
      openedOn: '2026-01-15',
      amount: 1_000_000n,
      daysPastDue: 44,
      overdueSince: '2026-02-15',
      status: 'overdue',
      closedOn: null,
    });
    // Two instalments of ¥916.80, plus the penalty interest accrued on their principal.
    expect(march.overdueAmount).toBeGreaterThan(183_360n);
    expect(march.overdueAmount).toBeLessThan(183_360n + 5_000n);
    expect(march.balance).toBeGreaterThan(1_000_000n);
    // Before the loan was drawn it is not an account yet.
    expect((await accounts.accountsAt('2026-01-14' as LocalDate)).length).toBe(0);

    // A payment recorded on 2 April, dated 20 March.
    world.today('2026-04-02');
    await world.loans.repay({
      loanId,
      amount: 200_000n as Money,
      intent: 'scheduled',
      effectiveDate: '2026-03-20' as LocalDate,
      idempotencyKey: 'pay-1',
    });
    expect(await at('2026-03-31')).toMatchObject({
      daysPastDue: 0,
      overdueAmount: 0n,
      overdueSince: null,
      status: 'normal',
    });
    const february = await at('2026-02-28');
    expect(february).toMatchObject({ daysPastDue: 13, overdueSince: '2026-02-15', status: 'overdue' });
    expect(february.overdueAmount).toBeGreaterThanOrEqual(91_680n);
    expect(february.overdueAmount).toBeLessThan(91_680n + 1_000n);
  });
});
