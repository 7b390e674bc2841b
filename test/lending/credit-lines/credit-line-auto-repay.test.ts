import { describe, expect, it } from 'vitest';
import { verifyLedger } from '../../../src/ledger/ledger.pg.ts';
import { createCreditLineDayEndProcessor } from '../../../src/lending/credit-lines/credit-line-day-end.ts';
import { createCreditLineService } from '../../../src/lending/credit-lines/credit-line-service.ts';
import { DEFAULT_CREDIT_LINE_PRODUCT } from '../../../src/lending/credit-lines/line-terms.ts';
import { createPgDayEndRunLog } from '../../../src/lending/eod/day-end-runs.pg.ts';
import { createDayEndService } from '../../../src/lending/eod/day-end.ts';
import { createAutoRepayProcessor } from '../../../src/lending/payments/auto-repay-processor.ts';
import { createAutoRepayService } from '../../../src/lending/payments/auto-repay-service.ts';
import { DEFAULT_AUTO_REPAY_SCHEDULES } from '../../../src/lending/payments/auto-repay.ts';
import { lineAutoRepayAccounts } from '../../../src/lending/payments/line-auto-repay.ts';
import { createSandboxPaymentProvider } from '../../../src/lending/payments/sandbox-payment-provider.ts';
import type { Database } from '../../../src/platform/database/database.ts';
import { isAppError } from '../../../src/platform/errors/app-error.ts';
import type { Money } from '../../../src/platform/money/money.ts';
import { createSandboxChannel } from '../../../src/platform/notifications/index.ts';
import { createNotifications } from '../../../src/platform/notifications/notifications.ts';
import { addDays } from '../../../src/platform/time/local-date.ts';
import { storesUnderTest } from '../../support/stores.ts';
import { testTermsInForce } from '../terms-in-force.ts';
import { lineWorld } from './support.ts';
import { pgBooks } from '../../support/books.ts';

/**
 * Auto-repay of a credit line through the sandbox provider. Line opened 5 Jan 2026, statement day 1, due on
 * the 10th, 18.25 % (0.05 % a day), limit ¥1,000.00; ¥1,000.00 bought on 10 Jan; statement 1 (1 Feb)
 * ¥1,000.00, minimum ¥100.00 (10 % of the revolving principal, floor ¥100), due 10 Feb. Tries on day 0, +1
 * and +3 of the due date (10, 11 and 13 Feb).
 */

async function bindCard(db: Database, customerId: string, cardId: string, last4: string): Promise<void> {
  const at = new Date('2026-01-01T00:00:00Z');
  await db.query(
    `insert into customers (customer_id, external_id, name_enc, name_key_id, id_number_enc, id_number_key_id,
       id_number_bidx, phone_enc, phone_key_id, phone_bidx, birth_date, sex, region_code, created_at)
     values ($1, $1, '\\x00', 'k1', '\\x00', 'k1', repeat('a', 64), '\\x00', 'k1', repeat('b', 64),
       '1990-01-01', 'female', '110105', $2)`,
    [customerId, at],
  );
  await db.query(
    `insert into customer_cards (customer_id, card_id, card_enc, card_key_id, card_bidx, last4, added_at)
     values ($1, $2, '\\x00', 'k1', repeat('c', 64), $3, $4)`,
    [customerId, cardId, last4, at],
  );
}

async function world(store: Parameters<typeof lineWorld>[0], last4: string) {
  const w = await lineWorld(store, { start: '2026-01-05', seed: 71 });
  const { db, clock, ids } = w;
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
  const provider = createSandboxPaymentProvider();
  const deps = {
    db,
    clock,
    ids,
    provider,
    accounts: [lineAutoRepayAccounts(lines)],
    schedules: DEFAULT_AUTO_REPAY_SCHEDULES,
    outbox: notifications.outbox,
  };
  const autoRepay = createAutoRepayService(deps);
  const dayEnd = createDayEndService({
    db,
    clock,
    runs: createPgDayEndRunLog(),
    processors: [
      createCreditLineDayEndProcessor({ ...pgBooks(), clock, ids }),
      createAutoRepayProcessor(deps),
    ],
    elapsed: () => 0,
  });
  const { customerId, lineId } = await w.customerWithLine(100_000n);
  const cardId = ids.next('card');
  await bindCard(db, customerId, cardId, last4);
  w.today('2026-01-10');
  await lines.purchase({ lineId, amount: 100_000n as Money, description: 'phone', idempotencyKey: 'p1' });
  /** The batch of the night before `today` (through yesterday). */
  const nightly = async (today: string) => {
    w.today(today);
    await dayEnd.run({ through: addDays(clock.today(), -1) });
  };
  const failures = async () =>
    (
      await db.query<{ occasion: string; text_en: string; text_zh: string }>(
        `select occasion, text->>'en' as text_en, text->>'zh' as text_zh from customer_messages
          where kind = 'auto_repay_failed' order by created_at, id`,
      )
    ).rows;
  const payments = async () =>
    (
      await db.query<{ seq: number; kind: string; effective_date: string; amount: string }>(
        `select seq, kind, effective_date::text as effective_date, amount::text as amount
           from credit_line_events where line_id = $1 and kind = 'payment' order by seq`,
        [lineId],
      )
    ).rows;
  return { ...w, lines, provider, autoRepay, customerId, lineId, cardId, nightly, failures, payments };
}

describe.each(storesUnderTest())('credit-line auto-repay ($name)', (store) => {
  it('collects the full statement balance on its due date once, booked as a line payment (grace kept)', async () => {
    const w = await world(store, '1234');
    w.today('2026-01-20');
    const on = await w.autoRepay.set({
      accountId: w.lineId,
      customerId: w.customerId,
      enabled: true,
      actor: { kind: 'customer', name: w.customerId },
    });
    // A Huabei-like line collects the full statement balance unless the customer chooses the minimum.
    expect(on).toMatchObject({
      product: 'credit_line',
      enabled: true,
      amountRule: 'full',
      cardLast4: '1234',
    });
    expect(on.consents).toMatchObject([{ seq: 1, granted: true, amountRule: 'full', noticeVersion: 1 }]);

    await w.nightly('2026-02-10'); // statement 1 cut on 1 Feb; nothing due before the 10th
    expect(w.provider.calls()).toBe(0);
    expect((await w.lines.getLine(w.lineId)).openStatements[0]).toMatchObject({
      dueDate: '2026-02-10',
      minimumPayment: 10_000n,
      owed: 100_000n,
    });

    await w.nightly('2026-02-11'); // the night of the due date
    expect(w.provider.calls()).toBe(1);
    expect(w.provider.movements().map((m) => m.amount)).toEqual([100_000n]);
    const [attempt] = (await w.autoRepay.get({ accountId: w.lineId })).attempts;
    expect(attempt).toMatchObject({
      businessDate: '2026-02-10',
      dueDate: '2026-02-10',
      tryNumber: 1,
      amount: 100_000n,
      status: 'succeeded',
      product: 'credit_line',
    });
    // Booked through the line's own payment path, value-dated the due date: paid in full, grace kept.
    expect(await w.payments()).toEqual([
      { seq: 2, kind: 'payment', effective_date: '2026-02-10', amount: '100000' },
    ]);
    expect(attempt?.bookedSeq).toBe(2);
    await w.nightly('2026-02-20');
    const view = await w.lines.getLine(w.lineId);
    expect(view.daysPastDue).toBe(0);
    // Paid in full by the due date: no interest, nothing owed, nothing held (never more than was due).
    expect(view.balances).toMatchObject({ unbilledInterest: 0n, payoff: 0n, heldForCustomer: 0n });
    expect(view.openStatements.every((s) => s.owed === 0n)).toBe(true);
    // Rerunning the dates and the nights after calls the provider no more.
    await w.nightly('2026-02-21');
    expect(w.provider.calls()).toBe(1);
    expect((await verifyLedger(w.db)).ok).toBe(true);
  });

  it('minimum rule: collects only the minimum; a refusal is retried, a timeout settled by status, never twice', async () => {
    const w = await world(store, '4321');
    w.today('2026-01-20');
    await w.autoRepay.set({
      accountId: w.lineId,
      enabled: true,
      amountRule: 'minimum',
      actor: { kind: 'staff', name: 'Wang Fang (usr_1)' },
    });
    w.provider.script(w.customerId, ['insufficient_funds', 'timeout']);

    await w.nightly('2026-02-11'); // due date: ¥100.00 asked, refused
    let attempts = (await w.autoRepay.get({ accountId: w.lineId })).attempts;
    expect(attempts).toMatchObject([
      { tryNumber: 1, amount: 10_000n, status: 'failed', failureReason: 'insufficient_funds' },
    ]);
    const [message] = await w.failures();
    expect(message?.text_zh).toBe(
      '2026年2月10日，我们尝试从您尾号4321的银行卡扣取信用额度账单应还款¥100.00（还款日2026年2月10日），扣款失败：银行卡余额不足。我们将于2026年2月11日再次尝试扣款；请在此之前向该卡存入足够金额，或直接在App内还款。',
    );
    expect(message?.text_en).toBe(
      'On 10 Feb 2026 we tried to collect CNY 100.00 due on your credit line bill (due 10 Feb 2026) from your card ending 4321. It failed: the card did not hold enough money. We will try again on 11 Feb 2026: put enough money on the card before then, or pay in the app.',
    );

    await w.nightly('2026-02-12'); // +1: the minimum still unmet, ¥100.00; the provider takes it, times out
    attempts = (await w.autoRepay.get({ accountId: w.lineId })).attempts;
    expect(attempts[1]).toMatchObject({ tryNumber: 2, amount: 10_000n, status: 'unknown' });
    expect(await w.payments()).toEqual([]);

    await w.nightly('2026-02-13'); // no try day: the status settles it, booked dated 11 Feb
    attempts = (await w.autoRepay.get({ accountId: w.lineId })).attempts;
    expect(attempts[1]).toMatchObject({ status: 'succeeded', bookedSeq: 2 });
    expect(await w.payments()).toEqual([
      { seq: 2, kind: 'payment', effective_date: '2026-02-11', amount: '10000' },
    ]);

    await w.nightly('2026-02-14'); // +3: the minimum is met, nothing more is asked
    attempts = (await w.autoRepay.get({ accountId: w.lineId })).attempts;
    expect(attempts).toHaveLength(2);
    expect(w.provider.movements().map((m) => m.amount)).toEqual([10_000n]);
    const view = await w.lines.getLine(w.lineId);
    expect(view.daysPastDue).toBe(0);
    // ¥900.00 of the statement is still owed (and bears interest): the minimum rule never takes more.
    expect(view.openStatements[0]).toMatchObject({ minimumOutstanding: 0n, owed: 90_000n, graceLost: true });
    expect((await verifyLedger(w.db)).ok).toBe(true);
  });

  it("a change of amount rule is a new consent; another customer's line is unknown", async () => {
    const w = await world(store, '1234');
    w.today('2026-01-20');
    const actor = { kind: 'customer' as const, name: w.customerId };
    await w.autoRepay.set({ accountId: w.lineId, enabled: true, actor });
    const same = await w.autoRepay.set({ accountId: w.lineId, enabled: true, amountRule: 'full', actor });
    expect(same.changed).toBe(false);
    const minimum = await w.autoRepay.set({
      accountId: w.lineId,
      enabled: true,
      amountRule: 'minimum',
      actor,
    });
    expect(minimum).toMatchObject({ changed: true, amountRule: 'minimum' });
    expect(minimum.consents.map((c) => [c.seq, c.granted, c.amountRule])).toEqual([
      [1, true, 'full'],
      [2, true, 'minimum'],
    ]);
    const off = await w.autoRepay.set({ accountId: w.lineId, enabled: false, actor });
    expect(off.consents.map((c) => [c.seq, c.granted, c.amountRule])).toEqual([
      [1, true, 'full'],
      [2, true, 'minimum'],
      [3, false, null],
    ]);
    // Back on without a rule: the rule chosen before is kept.
    const back = await w.autoRepay.set({ accountId: w.lineId, enabled: true, actor });
    expect(back.amountRule).toBe('minimum');
    const other = await w.autoRepay
      .set({ accountId: w.lineId, customerId: 'cus_01HZZZZZZZZZZZZZZZZZZZZZZZ', enabled: true, actor })
      .catch((error: unknown) => error);
    expect(isAppError(other) && other.code).toBe('NOT_FOUND');
  });
});
