import { describe, expect, it } from 'vitest';
import { verifyLedger } from '../../../src/ledger/ledger.pg.ts';
import { statementsAgainstLedger } from './ledger-check.ts';
import { toDecimalString, type Money } from '../../../src/platform/money/money.ts';
import { storesUnderTest } from '../../support/stores.ts';
import { lineHardshipWorld, alice } from './hardship-world.ts';

/**
 * A re-age on a credit line through the use cases, on each store — the worked example of
 * `src/lending/credit-lines/line-re-age.test.ts`: 18.25 % (¥5.00 a day on ¥10,000.00), statement day 1, due the
 * 10th; ¥10,000.00 bought on 10 Jan 2026; statement 1's minimum of ¥1,000.00 missed on 10 Feb; then the regular
 * minimums of statements 2, 3 and 4 paid on their due dates (¥245.00, ¥155.00, ¥150.00: the interest each
 * billed). On 15 May the line is 94 days past due; the re-age's money effect is what stops being past due,
 * ¥1,000.00 — within the default ¥1,000.00 threshold: applied at once. The customer still owes ¥10,000.00 and
 * May's interest through the 15th, 15 × ¥5.00 = ¥75.00: ¥10,075.00; the next due date is 10 Jun (statement 5).
 */

const fen = (value: bigint) => value as Money;
const y = (value: bigint) => toDecimalString(value as Money);

const reasons = [{ code: 'income-loss', note: 'lost hours in January; paying again since March' }];

describe.each(storesUnderTest())('credit-line hardship: re-age ($name)', (store) => {
  it('brings a line behind current at once, tells the customer, and forgives nothing', async () => {
    const { world, notifications, hardship } = await lineHardshipWorld(store, {
      start: '2026-01-05',
      seed: 79,
    });
    const { db } = world;
    const { customerId, lineId } = await world.customerWithLine(2_000_000n);
    world.today('2026-01-10');
    await world.lines.purchase({
      lineId,
      amount: fen(1_000_000n),
      description: 'furniture',
      idempotencyKey: 'p1',
    });
    const ask = { tool: 're-age' as const };
    for (const [date, amount] of [
      ['2026-03-10', 24_500n],
      ['2026-04-10', 15_500n],
    ] as const) {
      world.today(date);
      await world.nightly();
      await world.lines.pay({ lineId, amount: fen(amount), idempotencyKey: `pay-${date}` });
    }
    world.today('2026-04-15');
    await world.nightly();
    // Two statements in a row paid on time: not yet.
    await expect(
      hardship.request({ lineId, ask, reasons, maker: alice, idempotencyKey: 'o0' }),
    ).rejects.toMatchObject({ issues: [{ field: 'tool', rule: 'min-consecutive-paid' }] });
    world.today('2026-05-10');
    await world.nightly();
    await world.lines.pay({ lineId, amount: fen(15_000n), idempotencyKey: 'pay-05-10' });
    world.today('2026-05-15');
    await world.nightly();
    expect((await world.lines.getLine(lineId)).daysPastDue).toBe(93);

    const { outcome } = await hardship.request({ lineId, ask, reasons, maker: alice, idempotencyKey: 'o1' });
    expect({
      status: outcome.request.status,
      effect: y(outcome.request.moneyEffect),
      ask: outcome.request.ask,
      journals: outcome.journalIds.length,
      dpd: [outcome.before?.daysPastDue, outcome.after?.daysPastDue],
      owed: [outcome.before?.payoff, outcome.after?.payoff].map((v) => y(v ?? 0n)),
    }).toEqual({
      status: 'applied',
      effect: '1000.00',
      ask,
      // The day-end of 15 May (¥5.00 of interest), booked as the line is stepped through today; the re-age
      // itself moves nothing.
      journals: 1,
      dpd: [94, 0],
      owed: ['10075.00', '10075.00'],
    });

    const messages = (await notifications.list(customerId, { limit: 20 })).filter(
      (m) => m.kind === 'line_hardship_applied',
    );
    expect(messages.map((m) => m.text)).toEqual([
      {
        zh: '您的信用额度已恢复为正常状态：之前未还的最低还款不再算作逾期，此后也不再为其收取违约金。欠款没有减免，您目前共欠¥10,075.00，下一期账单的最低还款按此计算。下一个还款日是2026年6月10日，请在当天结束前至少还清该期最低还款。',
        en: "Your credit line is up to date again: the minimum payments you missed no longer count as overdue, and no more late fees are charged for them. Nothing was forgiven: you still owe CNY 10,075.00 in all, and your next statement's minimum payment is worked out on it. Your next due date is 10 Jun 2026: please pay at least that statement's minimum by the end of that day.",
      },
    ]);

    // Current now: nothing left to re-age.
    await expect(
      hardship.request({ lineId, ask, reasons, maker: alice, idempotencyKey: 'o2' }),
    ).rejects.toMatchObject({ issues: [{ field: 'tool', rule: 'delinquent' }] });

    world.today('2026-06-02');
    await world.nightly();
    const statement5 = await world.lines.statement(lineId, 5);
    expect([y(statement5.closingBalance), y(statement5.minimumPayment)]).toEqual(['10155.00', '1155.00']);
    const line = await world.lines.getLine(lineId);
    expect({ dpd: line.daysPastDue, asOf: line.asOf }).toEqual({ dpd: 0, asOf: '2026-06-01' });
    expect(
      await statementsAgainstLedger(db, customerId, lineId, await world.lines.statements(lineId)),
    ).toEqual([]);
    expect((await verifyLedger(db)).ok).toBe(true);
  });
});
