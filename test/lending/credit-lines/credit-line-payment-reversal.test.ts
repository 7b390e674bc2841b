import { describe, expect, it } from 'vitest';
import { verifyLedger } from '../../../src/ledger/ledger.pg.ts';
import { createCreditLineService } from '../../../src/lending/credit-lines/credit-line-service.ts';
import { DEFAULT_CREDIT_LINE_PRODUCT } from '../../../src/lending/credit-lines/line-terms.ts';
import { isAppError } from '../../../src/platform/errors/app-error.ts';
import { toDecimalString, type Money } from '../../../src/platform/money/money.ts';
import { createSandboxChannel } from '../../../src/platform/notifications/index.ts';
import { createNotifications } from '../../../src/platform/notifications/notifications.ts';
import { storesUnderTest } from '../../support/stores.ts';
import { testTermsInForce } from '../terms-in-force.ts';
import { statementsAgainstLedger } from './ledger-check.ts';
import { lineWorld, snapshotLineRows } from './support.ts';
import { pgBooks } from '../../support/books.ts';

/**
 * A credit-line payment reversed (charged back) after the statement that showed it, on each store. Line opened
 * 5 Jan 2026, statement day 1, due on the 10th, 18.25 % (0.05 % a day), limit ¥1,000.00. ¥1,000.00 bought on
 * 10 Jan; statement 1 (1 Feb) ¥1,000.00, minimum ¥100.00; paid in full on 10 Feb (no interest: grace);
 * ¥300.00 bought on 15 Feb with the limit it freed; statement 2 (1 Mar) opening ¥1,000.00, payments ¥1,000.00,
 * closing ¥300.00, minimum ¥100.00. On 5 Mar the payment is charged back. Without it, worked by hand:
 *
 * - statement 1 was not paid by 10 Feb: its minimum was missed (overdue since 11 Feb: 23 days past due on
 *   5 Mar, M1) and its grace lost — interest from the posting date, 100,000 fen × 31 days (10 Jan – 10 Feb)
 *   ÷ 2,000 = ¥15.50, then ¥0.50 a day from 11 Feb: ¥24.50 by 28 Feb, ¥2.50 more for 1–5 Mar: ¥27.00 booked
 *   by the restatement;
 * - statement 2 as restated: opening ¥1,000.00 + purchases ¥300.00 + interest ¥24.50 = ¥1,324.50; it was
 *   sent with ¥300.00, so ¥1,024.50 is carried to statement 3 as `reversals`; its minimum becomes
 *   ⌈10 % × ¥1,300.00⌉ + ¥24.50 = ¥154.50, statement 1's ¥100.00 is due again;
 * - used ¥1,300.00 on a ¥1,000.00 limit (owed again, not spent: the facility's guard lets it through);
 *   available ¥0.00; owed ¥1,327.00.
 *
 * Statement 3 (1 Apr), nothing paid: interest ¥15.50 (statement 1, 31 days) + ¥3.45 (statement 2's ¥300.00
 * from 15 Feb to its due date 10 Mar, 23 days) + ¥3.15 (21 days × ¥0.15 from 11 Mar) = ¥22.10; closing
 * ¥300.00 + ¥1,024.50 + ¥22.10 = ¥1,346.60; minimum ¥130.00 + ¥46.60 interest = ¥176.60.
 */

const fen = (value: bigint) => value as Money;
const y = (value: bigint) => toDecimalString(value as Money);

async function refusal(call: Promise<unknown>): Promise<{ field: string; rule: string }> {
  try {
    await call;
  } catch (error) {
    if (isAppError(error)) {
      const [issue] = error.issues;
      if (issue) return { field: issue.field, rule: issue.rule };
    }
    throw error;
  }
  throw new Error('expected a refusal');
}

describe.each(storesUnderTest())('credit-line payment reversal ($name)', (store) => {
  it('restates the line as if the payment had never been made; the next statement carries the difference', async () => {
    const world = await lineWorld(store, { start: '2026-01-05', seed: 53 });
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
    const { customerId, lineId } = await world.customerWithLine(100_000n);
    world.today('2026-01-10');
    await lines.purchase({ lineId, amount: fen(100_000n), description: 'phone', idempotencyKey: 'p1' });
    world.today('2026-02-10');
    const paid = await lines.pay({ lineId, amount: fen(100_000n), idempotencyKey: 'pay1' });
    expect(paid.receipt.seq).toBe(2);
    world.today('2026-02-15');
    await lines.purchase({ lineId, amount: fen(30_000n), description: 'shoes', idempotencyKey: 'p2' });
    world.today('2026-03-05');
    await world.nightly();
    const [, sent2] = await lines.statements(lineId);
    expect(sent2).toMatchObject({
      seq: 2,
      openingBalance: 100_000n,
      payments: 100_000n,
      closingBalance: 30_000n,
    });

    const reversed = await lines.reversePayment({
      lineId,
      paymentSeq: 2,
      reason: 'chargeback',
      idempotencyKey: 'rev1',
    });
    const r = reversed.receipt;
    expect({
      seq: r.seq,
      reverses: r.reverses,
      amount: y(r.amount),
      paidOn: r.paidOn,
      effectiveDate: r.effectiveDate,
      owedBefore: y(r.balancesBefore.payoff),
      owed: y(r.balances.payoff),
      principalOwed: y(r.balances.principalOwed),
      billedInterest: y(r.balances.billedInterest),
      unbilledInterest: y(r.balances.unbilledInterest),
      interestChange: y(r.interestChange),
      minimumsBefore: r.minimumsBefore.map((m) => [m.seq, m.dueDate, y(m.minimumOutstanding)]),
      minimums: r.minimums.map((m) => [m.seq, m.dueDate, y(m.minimumOutstanding)]),
      daysPastDue: [r.daysPastDueBefore, r.daysPastDue],
      available: y(r.availableAfter),
    }).toEqual({
      seq: 4,
      reverses: 2,
      amount: '1000.00',
      paidOn: '2026-02-10',
      effectiveDate: '2026-03-05',
      owedBefore: '300.00',
      owed: '1327.00',
      principalOwed: '1300.00',
      billedInterest: '24.50',
      unbilledInterest: '2.50',
      interestChange: '27.00',
      minimumsBefore: [[2, '2026-03-10', '100.00']],
      minimums: [
        [1, '2026-02-10', '100.00'],
        [2, '2026-03-10', '154.50'],
      ],
      daysPastDue: [0, 23],
      available: '0.00',
    });
    // One restatement journal on the line: principal and interest owed again, the cash taken back.
    const journal = await db.query<{ kind: string; lines: string }>(
      `select j.kind, string_agg(p.kind || ' ' || p.side || ' ' || p.amount, ', ' order by p.kind) as lines
         from ledger_journals j
         join ledger_postings p on p.customer_id = j.customer_id and p.journal_id = j.id
        where j.customer_id = $1 and j.id = $2 group by j.kind`,
      [customerId, r.journalIds[r.journalIds.length - 1]],
    );
    expect(journal.rows).toEqual([
      {
        kind: 'restatement',
        lines:
          'funding C 100000, interest_income C 2700, interest_receivable D 2700, principal_receivable D 100000',
      },
    ]);
    const facility = await db.query<{ used_amount: bigint; restored_amount: bigint }>(
      'select used_amount, restored_amount from credit_facilities where customer_id = $1',
      [customerId],
    );
    expect(facility.rows[0]).toEqual({ used_amount: 130_000n, restored_amount: 100_000n });
    const view = await lines.getLine(lineId);
    expect({ bucket: view.bucket, days: view.daysPastDue }).toEqual({ bucket: 'M1', days: 23 });

    // The customer is told once, in both languages, with the restated figures.
    const again = await lines.reversePayment({
      lineId,
      paymentSeq: 2,
      reason: 'chargeback',
      idempotencyKey: 'rev1',
    });
    expect(again.replayed).toBe(true);
    expect(again.receipt).toEqual(r);
    const messages = (await notifications.list(customerId, { limit: 20 })).filter(
      (m) => m.kind === 'payment_reversed',
    );
    expect(messages.map((m) => m.text)).toEqual([
      {
        zh: '您2026年2月10日的信用额度还款¥1,000.00被撤销（拒付），这笔还款已撤回，账户已按未收到此款重新计算。目前还欠¥1,327.00，已逾期23天，请尽快在App内还款。如有疑问，请联系我们。',
        en: 'Your credit line payment of CNY 1,000.00 on 10 Feb 2026 was charged back, so it has been undone and your account recalculated as if it had not been made. You now owe CNY 1,327.00 and are 23 days overdue; please pay in the app as soon as you can. If you have questions, contact us.',
      },
    ]);

    // Refused with nothing written: the same payment again, the reversal itself, a purchase, no such event.
    const before = await snapshotLineRows(db);
    const reverse = (paymentSeq: number, key: string) =>
      refusal(lines.reversePayment({ lineId, paymentSeq, reason: 'returned', idempotencyKey: key }));
    expect(await reverse(2, 'rev2')).toEqual({ field: 'paymentSeq', rule: 'not-reversed-already' });
    expect(await reverse(4, 'rev3')).toEqual({ field: 'paymentSeq', rule: 'a-payment' });
    expect(await reverse(1, 'rev4')).toEqual({ field: 'paymentSeq', rule: 'a-payment' });
    expect(await reverse(9, 'rev5')).toEqual({ field: 'paymentSeq', rule: 'a-payment' });
    expect(await snapshotLineRows(db)).toBe(before);

    // Statement 3 carries what the reversal changed on the statements already sent.
    world.today('2026-04-02');
    await world.nightly();
    const statement3 = await lines.statement(lineId, 3);
    expect({
      opening: y(statement3.openingBalance),
      reversals: y(statement3.reversals),
      interest: y(statement3.interest),
      closing: y(statement3.closingBalance),
      minimum: y(statement3.minimumPayment),
    }).toEqual({
      opening: '300.00',
      reversals: '1024.50',
      interest: '22.10',
      closing: '1346.60',
      minimum: '176.60',
    });
    expect(await statementsAgainstLedger(db, customerId, lineId, await lines.statements(lineId))).toEqual([]);
    expect((await verifyLedger(db)).ok).toBe(true);
  });

  it('refuses to reverse a payment whose money was held and has since been paid out', async () => {
    const world = await lineWorld(store, { start: '2026-01-05', seed: 59 });
    const { lineId } = await world.customerWithLine(500_000n);
    world.today('2026-01-10');
    await world.lines.purchase({ lineId, amount: fen(10_000n), description: 'book', idempotencyKey: 'p1' });
    await world.lines.pay({ lineId, amount: fen(15_000n), idempotencyKey: 'pay1' });
    await world.lines.payout({ lineId, idempotencyKey: 'out1' });
    const before = await snapshotLineRows(world.db);
    expect(
      await refusal(
        world.lines.reversePayment({ lineId, paymentSeq: 2, reason: 'returned', idempotencyKey: 'rev1' }),
      ),
    ).toEqual({ field: 'paymentSeq', rule: 'held-money-not-paid-out' });
    expect(await snapshotLineRows(world.db)).toBe(before);
  });
});
