import { describe, expect, it } from 'vitest';
import { createCreditLineDayEndProcessor } from '../../../src/lending/credit-lines/credit-line-day-end.ts';
import { createCreditLineService } from '../../../src/lending/credit-lines/credit-line-service.ts';
import { createLineReminderProcessor } from '../../../src/lending/credit-lines/line-reminders.pg.ts';
import { DEFAULT_CREDIT_LINE_PRODUCT } from '../../../src/lending/credit-lines/line-terms.ts';
import { createPgDayEndRunLog } from '../../../src/lending/eod/day-end-runs.pg.ts';
import { createDayEndService } from '../../../src/lending/eod/day-end.ts';
import type { Money } from '../../../src/platform/money/money.ts';
import { createSandboxChannel } from '../../../src/platform/notifications/index.ts';
import { createNotifications } from '../../../src/platform/notifications/notifications.ts';
import { addDays } from '../../../src/platform/time/local-date.ts';
import { storesUnderTest } from '../../support/stores.ts';
import { testTermsInForce } from '../terms-in-force.ts';
import { lineWorld } from './support.ts';
import { pgBooks } from '../../support/books.ts';

/**
 * A credit line (statement day 1, due on the 10th, minimum 10 % of principal, floor ¥100) with ¥3,000 of
 * spending in January: statement ready on 1 Feb, reminders before 10 Feb, a ¥100 payment short of the
 * ¥300 minimum, overdue day 1; a purchase converted into 3 instalments, then partly refunded; each
 * message once.
 */
describe.each(storesUnderTest())('credit-line messages ($name)', (store) => {
  it('statement ready, due reminders, payment received, overdue day 1, plan created and changed — each once', async () => {
    const world = await lineWorld(store, { start: '2026-01-25' });
    const { db, clock, ids } = world;
    const notifications = createNotifications({ db, clock, ids, channel: createSandboxChannel() });
    const lines = createCreditLineService({
      ...pgBooks(),
      db,
      clock,
      ids,
      product: DEFAULT_CREDIT_LINE_PRODUCT,
      termsInForce: testTermsInForce,
      outbox: notifications.outbox,
    });
    const dayEnd = createDayEndService({
      db,
      clock,
      runs: createPgDayEndRunLog(),
      processors: [
        createCreditLineDayEndProcessor({ ...pgBooks(), clock, ids }),
        createLineReminderProcessor({ clock, outbox: notifications.outbox }),
      ],
      elapsed: () => 0,
    });
    const nightsUntil = async (last: string) => {
      while (clock.today() < last) {
        world.today(addDays(clock.today(), 1));
        await dayEnd.run({ through: addDays(clock.today(), -1) });
      }
    };
    const { customerId, lineId } = await world.customerWithLine(1_000_000n);
    await lines.purchase({ lineId, amount: 300_000n as Money, description: 'shop', idempotencyKey: 'p1' });
    const texts = async () =>
      (await notifications.list(customerId, { limit: 100 }))
        .reverse()
        .map(
          (m) =>
            `${m.kind} ${m.subjectId === lineId ? 'line' : m.subjectId.slice(0, 3)} ${m.occasion}: ${m.text.en}`,
        );

    await nightsUntil('2026-02-09');
    expect(await texts()).toEqual([
      'statement_ready line statement-1: Your credit line statement of 1 Feb 2026 is ready: CNY 3,000.00 to pay, minimum CNY 300.00, due on 10 Feb 2026.',
      'due_in_3_days line statement-1: Your credit line statement has CNY 3,000.00 to pay, minimum CNY 300.00, due in 3 days (10 Feb 2026). Pay it all to avoid interest; pay at least the minimum to avoid being overdue.',
      'due_tomorrow line statement-1: Your credit line statement has CNY 3,000.00 to pay, minimum CNY 300.00, due tomorrow (10 Feb 2026). Pay it all to avoid interest; pay at least the minimum to avoid being overdue.',
    ]);
    await nightsUntil('2026-02-10');
    // ¥100 paid on the due date: the minimum left is ¥200.
    const paid = await lines.pay({ lineId, amount: 10_000n as Money, idempotencyKey: 'pay-1' });
    await lines.pay({ lineId, amount: 10_000n as Money, idempotencyKey: 'pay-1' });
    expect(paid.receipt.allocation).toMatchObject({ principal: 10_000n, interest: 0n, fees: 0n });
    await nightsUntil('2026-02-11');
    const after = (await texts()).slice(3);
    expect(after).toEqual([
      'due_today line statement-1: Your credit line statement has CNY 3,000.00 to pay, minimum CNY 300.00, due today (10 Feb 2026). Pay it all to avoid interest; pay at least the minimum to avoid being overdue.',
      'payment_received line payment-2: We received your credit line payment of CNY 100.00: CNY 100.00 principal, CNY 0.00 interest, CNY 0.00 instalment fees. You now owe CNY 2,900.00.',
      expect.stringContaining(
        'overdue_day_1 line statement-1: Your credit line statement due on 10 Feb 2026 is 1 day overdue: CNY 2,900.00 is unpaid.',
      ),
    ]);
    const zh = (await notifications.list(customerId))[0]?.text.zh;
    expect(zh).toContain('您2026年2月10日到期的信用额度账单已逾期1天，逾期金额¥2,900.00。');

    // A purchase converted into 3 instalments at 0.75 % a month: ¥400.00 principal and a ¥9.00 fee each.
    const purchase = await lines.purchase({
      lineId,
      amount: 120_000n as Money,
      description: 'phone',
      idempotencyKey: 'p2',
    });
    if (purchase.outcome !== 'made') throw new Error('declined');
    const converted = await lines.convert({
      lineId,
      source: { purchaseId: purchase.receipt.purchaseId },
      term: 3,
      idempotencyKey: 'conv-1',
    });
    const [plan] = await notifications.list(customerId);
    expect(plan?.subjectId).toBe(converted.receipt.planId);
    expect(plan?.text.en).toBe(
      'You have split CNY 1,200.00 into 3 monthly instalments: about CNY 400.00 principal and a CNY 9.00 fee each, paid with each statement.',
    );
    // The merchant refunds ¥600 of the phone: it comes off the 3 periods not yet billed (¥200 each left).
    await lines.refund({
      lineId,
      purchaseId: purchase.receipt.purchaseId,
      amount: 60_000n as Money,
      idempotencyKey: 'r1',
    });
    const [changed] = await notifications.list(customerId);
    expect([changed?.kind, changed?.subjectId, changed?.occasion]).toEqual([
      'plan_changed',
      converted.receipt.planId,
      'refund-5',
    ]);
    expect(changed?.text.en).toBe(
      'A refund of CNY 600.00 has been taken off your instalment plan: CNY 600.00 principal is left, over 3 instalments.',
    );
    expect(changed?.text.zh).toBe('退款¥600.00已冲抵您的分期：剩余本金¥600.00，分3期还款。');
    expect((await texts()).length).toBe(8);
  });
});
