import { describe, expect, it } from 'vitest';
import { createPgDayEndRunLog } from '../../src/lending/eod/day-end-runs.pg.ts';
import { createDayEndService } from '../../src/lending/eod/day-end.ts';
import { createLoanDayEndProcessor } from '../../src/lending/loans/loan-day-end.ts';
import { DEFAULT_LOAN_PRODUCT } from '../../src/lending/loans/loan-contract.ts';
import { createLoanReminderProcessor } from '../../src/lending/loans/loan-reminders.pg.ts';
import { createLoanService } from '../../src/lending/loans/loan-service.ts';
import type { Money } from '../../src/platform/money/money.ts';
import { createSandboxChannel } from '../../src/platform/notifications/index.ts';
import { createNotifications } from '../../src/platform/notifications/notifications.ts';
import type { LocalDate } from '../../src/platform/time/local-date.ts';
import { storesUnderTest } from '../support/stores.ts';
import { lendingWorld } from './support.ts';
import { testTermsInForce } from './terms-in-force.ts';
import { pgBooks } from '../support/books.ts';

/**
 * The golden loan (¥10,000 at 18 %, monthly basis, 12 equal instalments of ¥916.80, drawn 2026-01-15, first
 * due 2026-02-15) with the customer-message outbox wired in: reminders before the due date, overdue notices
 * on days 1 and 7, a payment received; reruns and catch-up write nothing twice.
 */
describe.each(storesUnderTest())('loan reminders and payment messages ($name)', (store) => {
  it('reminds 3 days, 1 day and on the day, notices day 1 and 7 overdue, confirms a payment — each once', async () => {
    const world = await lendingWorld(store, { start: '2026-01-15', product: { basis: 'monthly' } });
    const { db, clock, ids } = world;
    const channel = createSandboxChannel();
    const notifications = createNotifications({ db, clock, ids, channel });
    const product = { ...DEFAULT_LOAN_PRODUCT, basis: 'monthly' as const };
    const loans = createLoanService({
      ...pgBooks(),
      db,
      clock,
      ids,
      product,
      termsInForce: testTermsInForce,
      outbox: notifications.outbox,
    });
    const runs = createPgDayEndRunLog();
    const processors = [
      createLoanDayEndProcessor({ ...pgBooks(), clock, ids }),
      createLoanReminderProcessor({ clock, outbox: notifications.outbox }),
    ];
    const dayEnd = createDayEndService({ db, clock, runs, processors, elapsed: () => 0 });
    const nightly = async (today: string) => {
      world.today(today);
      const through = new Date(clock.now().getTime() - 86_400_000);
      return dayEnd.run({
        through: new Date(through.getTime() + 8 * 3_600_000).toISOString().slice(0, 10) as LocalDate,
      });
    };

    const customerId = await world.customerWithLimit(2_000_000n);
    const drawn = await loans.drawdown({
      customerId,
      amount: 1_000_000n as Money,
      term: 12,
      method: 'equal-installment',
      idempotencyKey: 'draw-1',
    });
    if (drawn.outcome !== 'drawn') throw new Error('declined');
    const loanId = drawn.receipt.loanId;

    const texts = async () =>
      (await notifications.list(customerId, { limit: 100 }))
        .reverse()
        .map((m) => `${m.kind} ${m.occasion}: ${m.text.en}`);

    for (let day = 16; day <= 31; day += 1) await nightly(`2026-01-${day}`);
    for (let day = 1; day <= 11; day += 1) await nightly(`2026-02-${String(day).padStart(2, '0')}`);
    expect(await texts()).toEqual([]);
    // The night of 11 Feb writes for 12 Feb: due in 3 days.
    await nightly('2026-02-12');
    await nightly('2026-02-13');
    await nightly('2026-02-14');
    await nightly('2026-02-15');
    expect(await texts()).toEqual([
      'due_in_3_days 2026-02-15: Your loan instalment of CNY 916.80 is due in 3 days (15 Feb 2026). Please pay it by the end of that day, or make sure your repayment account holds enough.',
      'due_tomorrow 2026-02-15: Your loan instalment of CNY 916.80 is due tomorrow (15 Feb 2026). Please pay it by the end of that day, or make sure your repayment account holds enough.',
      'due_today 2026-02-15: Your loan instalment of CNY 916.80 is due today (15 Feb 2026). Please pay it by the end of that day, or make sure your repayment account holds enough.',
    ]);
    const [today] = await notifications.list(customerId);
    expect(today?.text.zh).toBe(
      '您的借款本期应还¥916.80，还款日是今天（2026年2月15日）。请在当天结束前还款，或确保扣款账户余额充足。',
    );
    // Written at 00:00 Shanghai (the test's night): held for quiet hours until 08:00.
    expect(today?.nextAttemptAt.toISOString()).toBe('2026-02-15T00:00:00.000Z');

    // Not paid: day 1 on 16 Feb (nothing but the instalment yet), day 7 on 22 Feb with 6 days of penalty:
    // 76,680 fen of principal × the 24 % cap / 365 × 6 days = 302.5 → 302 fen (the cap rounds down).
    for (let day = 16; day <= 22; day += 1) await nightly(`2026-02-${day}`);
    const overdue = (await texts()).slice(3);
    expect(overdue).toEqual([
      expect.stringContaining(
        'overdue_day_1 2026-02-15: Your loan instalment due on 15 Feb 2026 is 1 day overdue: CNY 916.80 is unpaid.',
      ),
      expect.stringContaining(
        'overdue_day_7 2026-02-15: Your loan instalment due on 15 Feb 2026 is 7 days overdue: CNY 919.82 is unpaid.',
      ),
    ]);
    const view = await loans.getLoan(loanId);
    expect(view.instalments[0]?.owed).toBe(91_982n);

    // A payment on 22 Feb (after its day step: 7 days of penalty, 352 fen): penalty, interest, then principal.
    const paid = await loans.repay({
      loanId,
      amount: 50_000n as Money,
      intent: 'scheduled',
      idempotencyKey: 'pay-1',
    });
    expect(paid.receipt.allocation).toMatchObject({ penalty: 352n, interest: 15_000n, principal: 34_648n });
    // The retried command (same key) is the same payment: no second message.
    await loans.repay({ loanId, amount: 50_000n as Money, intent: 'scheduled', idempotencyKey: 'pay-1' });
    const [receipt] = await notifications.list(customerId);
    const owedAfter =
      paid.receipt.outstanding.principal +
      paid.receipt.outstanding.interest +
      paid.receipt.outstanding.penalty;
    // Principal 1,000,000 − 34,648 = 965,352 and period 2's interest accrued for 7 of its 28 days on 923,320:
    // 923,320 × 1.5 % × 7 / 28 = 3,462.45 → 3,462.
    expect(owedAfter).toBe(968_814n);
    expect(receipt?.kind).toBe('payment_received');
    expect(receipt?.text.en).toBe(
      'We received your loan payment of CNY 500.00: CNY 346.48 principal, CNY 150.00 interest, CNY 3.52 penalty interest. You now owe CNY 9,688.14.',
    );
    expect(receipt?.text.zh).toBe(
      '已收到您的借款还款¥500.00：本金¥346.48，利息¥150.00，罚息¥3.52。目前还欠¥9,688.14。',
    );
    const written = (await texts()).length;
    expect(written).toBe(6);

    // A second run of the same night, and a rerun of the night's reminders step (as after a crash before the run log marked it): nothing new.
    expect((await dayEnd.run({ through: '2026-02-21' as LocalDate })).upToDate).toBe(true);
    const reminders = processors[1]!;
    const open = await reminders.listBehind(db, '2026-02-21' as LocalDate, '', 100);
    expect(await db.transaction((tx) => reminders.advance(tx, open, '2026-02-21' as LocalDate))).toBe(1);
    expect((await texts()).length).toBe(written);

    // Delivered once each through the sandbox at 08:00.
    clock.set(new Date('2026-02-22T00:00:00Z'));
    expect(await notifications.deliver()).toMatchObject({ delivered: 6, failed: 0 });
    expect(new Set(channel.sent.map((m) => m.id)).size).toBe(6);

    // Catch-up: no batch from 22 Feb to 19 Mar. The skipped notice days (day 30 on 17 Mar among them) are
    // past; only the night of 19 Mar writes, for 20 Mar: 33 days past due is no milestone, and the second
    // instalment (15 Mar) is overdue but its notice days went by too.
    await nightly('2026-03-20');
    expect((await texts()).length).toBe(written);
    // The next night (for 21 Mar) would be day 6 of the second instalment: still nothing; due reminders for
    // 15 Apr come on 12, 14 and 15 Apr.
    for (let day = 21; day <= 31; day += 1) await nightly(`2026-03-${day}`);
    for (let day = 1; day <= 15; day += 1) await nightly(`2026-04-${String(day).padStart(2, '0')}`);
    expect((await texts()).slice(written).map((t) => t.slice(0, t.indexOf(':')))).toEqual([
      'due_in_3_days 2026-04-15',
      'due_tomorrow 2026-04-15',
      'due_today 2026-04-15',
    ]);
  });
});
