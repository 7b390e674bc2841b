import { describe, expect, it } from 'vitest';
import { verifyLedger } from '../../../src/ledger/ledger.pg.ts';
import { statementsAgainstLedger } from './ledger-check.ts';
import { toDecimalString, type Money } from '../../../src/platform/money/money.ts';
import { storesUnderTest } from '../../support/stores.ts';
import { lineHardshipWorld, alice } from './hardship-world.ts';

/**
 * A payment holiday on a credit line through the use cases, on each store — the worked example of
 * `src/lending/credit-lines/line-holiday.test.ts`: 18.25 %, statement day 1, due the 10th; ¥1,000.00 bought on
 * 10 Jan 2026; on 20 Jan a holiday of 2 statements (money effect ¥1,000.00, within the default ¥1,000.00
 * threshold: applied at once). Statement 1 (1 Feb) asks no minimum; on 11 Feb (the day after its due date) the line
 * is current although nothing was paid, and ¥16.00 of interest has accrued: ¥15.50 from the posting date through
 * the due date (grace lost) and ¥0.50 for 11 Feb.
 */

const fen = (value: bigint) => value as Money;
const y = (value: bigint) => toDecimalString(value as Money);

const reasons = [{ code: 'illness-or-injury', note: 'surgery in February, back at work in April' }];

describe.each(storesUnderTest())('credit-line hardship: payment holiday ($name)', (store) => {
  it('grants a holiday at once, tells the customer, and the next statement asks no minimum', async () => {
    const { world, notifications, hardship } = await lineHardshipWorld(store, {
      start: '2026-01-05',
      seed: 73,
    });
    const { db } = world;
    const { customerId, lineId } = await world.customerWithLine(500_000n);
    world.today('2026-01-10');
    await world.lines.purchase({ lineId, amount: fen(100_000n), description: 'phone', idempotencyKey: 'p1' });
    world.today('2026-01-20');
    await world.nightly();

    const ask = { tool: 'holiday' as const, statements: 2 };
    const { outcome } = await hardship.request({ lineId, ask, reasons, maker: alice, idempotencyKey: 'o1' });
    expect({
      status: outcome.request.status,
      effect: y(outcome.request.moneyEffect),
      ask: outcome.request.ask,
      journals: outcome.journalIds.length,
    }).toEqual({ status: 'applied', effect: '1000.00', ask, journals: 0 });

    const messages = (await notifications.list(customerId, { limit: 20 })).filter(
      (m) => m.kind === 'line_hardship_applied',
    );
    expect(messages.map((m) => m.text)).toEqual([
      {
        zh: '我们已为您的信用额度安排还款假期：接下来2期账单无最低还款，到期不算逾期，也不收违约金。利息仍按原利率计算并照常出账，假期后的第一期账单的最低还款会包括这些利息。目前共欠¥1,000.00。',
        en: 'We have given your credit line a payment holiday: your next 2 statements ask no minimum payment, so nothing is overdue on their due dates and no late fee is charged. Interest still accrues at your rate and is billed as usual; the first statement after the holiday includes it in its minimum. You owe CNY 1,000.00 in all.',
      },
    ]);

    world.today('2026-02-12');
    await world.nightly();
    const statement1 = await world.lines.statement(lineId, 1);
    expect([y(statement1.closingBalance), y(statement1.minimumPayment)]).toEqual(['1000.00', '0.00']);
    const line = await world.lines.getLine(lineId);
    expect({
      dpd: line.daysPastDue,
      status: line.facility.status,
      interest: y(line.balances.billedInterest + line.balances.unbilledInterest),
      asOf: line.asOf,
    }).toEqual({ dpd: 0, status: 'active', interest: '16.00', asOf: '2026-02-11' });
    expect(
      await statementsAgainstLedger(db, customerId, lineId, await world.lines.statements(lineId)),
    ).toEqual([]);
    expect((await verifyLedger(db)).ok).toBe(true);
  });
});
