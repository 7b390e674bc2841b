import { describe, expect, it } from 'vitest';
import { verifyLedger } from '../../src/ledger/ledger.pg.ts';
import { createCreditLineService } from '../../src/lending/credit-lines/credit-line-service.ts';
import { lineStore } from '../../src/lending/credit-lines/credit-lines.pg.ts';
import {
  heldFor as lineHeld,
  reservedOf as lineReserved,
} from '../../src/lending/credit-lines/line-servicing.ts';
import { DEFAULT_CREDIT_LINE_PRODUCT } from '../../src/lending/credit-lines/line-terms.ts';
import { DEFAULT_LOAN_PRODUCT } from '../../src/lending/loans/loan-contract.ts';
import { createLoanService } from '../../src/lending/loans/loan-service.ts';
import { heldFor, reservedOf } from '../../src/lending/loans/loan-state.ts';
import { loanStore } from '../../src/lending/loans/loans.pg.ts';
import { createAutoRepayService } from '../../src/lending/payments/auto-repay-service.ts';
import { DEFAULT_AUTO_REPAY_SCHEDULES } from '../../src/lending/payments/auto-repay.ts';
import { lineAutoRepayAccounts } from '../../src/lending/payments/line-auto-repay.ts';
import { loanAutoRepayAccounts } from '../../src/lending/payments/loan-auto-repay.ts';
import { createSandboxPaymentProvider } from '../../src/lending/payments/sandbox-payment-provider.ts';
import type { Database } from '../../src/platform/database/database.ts';
import type { Money } from '../../src/platform/money/money.ts';
import { createSandboxChannel } from '../../src/platform/notifications/index.ts';
import { createNotifications } from '../../src/platform/notifications/notifications.ts';
import { addDays } from '../../src/platform/time/local-date.ts';
import { storesUnderTest } from '../support/stores.ts';
import { lineWorld } from './credit-lines/support.ts';
import { lendingWorld } from './support.ts';
import { testTermsInForce } from './terms-in-force.ts';
import { pgBooks } from '../support/books.ts';

/**
 * A pay-out of money held whose provider answer is lost (card …0068: it times out, the money moved) used to
 * leave the money free in the product: a due date (loan) or a purchase (line) used it meanwhile, and when
 * the provider's confirmation came the pay-out could not be booked (`unbooked`, for ever). Now the amount is
 * reserved when the pay-out is recorded, booked from the reservation when confirmed, and released when the
 * provider refuses (card …0014).
 */

async function bindCards(db: Database, customerId: string, cards: Record<string, string>): Promise<void> {
  const at = new Date('2026-01-01T00:00:00Z');
  await db.query(
    `insert into customers (customer_id, external_id, name_enc, name_key_id, id_number_enc, id_number_key_id,
       id_number_bidx, phone_enc, phone_key_id, phone_bidx, birth_date, sex, region_code, created_at)
     values ($1, $1, '\\x00', 'k1', '\\x00', 'k1', repeat('a', 64), '\\x00', 'k1', repeat('b', 64),
       '1990-01-01', 'female', '110105', $2)`,
    [customerId, at],
  );
  for (const [cardId, last4] of Object.entries(cards))
    await db.query(
      `insert into customer_cards (customer_id, card_id, card_enc, card_key_id, card_bidx, last4, added_at)
       values ($1, $2, '\\x00', 'k1', md5($2) || md5($2), $3, $4)`,
      [customerId, cardId, last4, at],
    );
}

/** The golden loan (¥10,000, 18 %, monthly basis, 12 × ¥916.80 from 15 Feb 2026) holding ¥500.00. */
async function loanWorld(store: Parameters<typeof lendingWorld>[0]) {
  const w = await lendingWorld(store, { start: '2026-01-15', product: { basis: 'monthly' } });
  const { db, clock, ids } = w;
  const notifications = createNotifications({ db, clock, ids, channel: createSandboxChannel() });
  const loans = createLoanService({
    ...pgBooks(),
    db,
    clock,
    ids,
    product: { ...DEFAULT_LOAN_PRODUCT, basis: 'monthly' },
    termsInForce: testTermsInForce,
    outbox: notifications.outbox,
  });
  const provider = createSandboxPaymentProvider();
  const payments = createAutoRepayService({
    db,
    clock,
    ids,
    provider,
    accounts: [loanAutoRepayAccounts(loans)],
    schedules: DEFAULT_AUTO_REPAY_SCHEDULES,
    outbox: notifications.outbox,
  });
  const customerId = await w.customerWithLimit(2_000_000n);
  const cards = { lost: ids.next('card'), invalid: ids.next('card') };
  await bindCards(db, customerId, { [cards.lost]: '0068', [cards.invalid]: '0014' });
  const drawn = await loans.drawdown({
    customerId,
    amount: 1_000_000n as Money,
    term: 12,
    method: 'equal-installment',
    idempotencyKey: 'draw-1',
  });
  if (drawn.outcome !== 'drawn') throw new Error('declined');
  const loanId = drawn.receipt.loanId;
  // Nothing is due on 1 Feb: a scheduled repayment of ¥500.00 is held for the customer.
  w.today('2026-02-01');
  await loans.repay({ loanId, amount: 50_000n as Money, intent: 'scheduled', idempotencyKey: 'extra' });
  const held = async () => {
    const record = await loanStore.find(db, customerId, loanId);
    if (!record) throw new Error('no loan');
    return { held: heldFor(record.state.counters), reserved: reservedOf(record.state) };
  };
  const instalment1 = async () => {
    const record = await loanStore.find(db, customerId, loanId);
    const first = record?.state.instalments[0];
    return first ? first.principalPaid + first.interestPaid : undefined;
  };
  return { ...w, loans, provider, payments, customerId, loanId, cards, held, instalment1 };
}

/** A line (opened 5 Jan 2026, statement day 1) with ¥1,000.00 bought on 10 Jan, holding ¥500.00. */
async function creditLineWorld(store: Parameters<typeof lineWorld>[0]) {
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
  const payments = createAutoRepayService({
    db,
    clock,
    ids,
    provider,
    accounts: [lineAutoRepayAccounts(lines)],
    schedules: DEFAULT_AUTO_REPAY_SCHEDULES,
    outbox: notifications.outbox,
  });
  const { customerId, lineId } = await w.customerWithLine(200_000n);
  const cards = { lost: ids.next('card'), invalid: ids.next('card') };
  await bindCards(db, customerId, { [cards.lost]: '0068', [cards.invalid]: '0014' });
  w.today('2026-01-10');
  await lines.purchase({ lineId, amount: 100_000n as Money, description: 'phone', idempotencyKey: 'p1' });
  w.today('2026-01-15');
  await lines.pay({ lineId, amount: 150_000n as Money, idempotencyKey: 'pay-1' });
  const held = async () => {
    const record = await lineStore.find(db, customerId, lineId);
    if (!record) throw new Error('no line');
    return { held: lineHeld(record.state), reserved: lineReserved(record.state) };
  };
  return { ...w, lines, provider, payments, customerId, lineId, cards, held };
}

describe.each(storesUnderTest())('held money reserved while a pay-out waits ($name)', (store) => {
  it('a loan: the due date leaves the reserved ¥300.00 alone, and the confirmed pay-out is booked from it', async () => {
    const w = await loanWorld(store);
    expect(await w.held()).toEqual({ held: 50_000n, reserved: 0n });
    const sent = await w.payments.payout({
      accountId: w.loanId,
      amount: 30_000n as Money,
      cardId: w.cards.lost,
      idempotencyKey: 'refund-1',
      requestedBy: 'r1',
    });
    expect(sent.payout.status).toBe('unknown');
    expect(await w.held()).toEqual({ held: 50_000n, reserved: 30_000n });
    // The night of the due date (15 Feb) uses the ¥200.00 free, not the ¥300.00 on its way out.
    w.today('2026-02-16');
    await w.dayEnd.run({ through: addDays(w.clock.today(), -1) });
    expect(await w.instalment1()).toBe(20_000n);
    expect(await w.held()).toEqual({ held: 30_000n, reserved: 30_000n });
    // The provider confirms: the pay-out is booked from its reservation.
    expect(await w.payments.settlePayouts()).toEqual({ paid: 1, failed: 0, unknown: 0, unbooked: 0 });
    expect(await w.held()).toEqual({ held: 0n, reserved: 0n });
    const events = await w.loans.events(w.loanId);
    expect(events.map((e) => [e.seq, e.kind, e.effectiveDate, 'amount' in e ? e.amount : null])).toEqual([
      [1, 'repayment', '2026-02-01', 50_000n],
      [2, 'reserve', '2026-02-01', 30_000n],
      [3, 'payout', '2026-02-16', 30_000n],
    ]);
    expect(w.provider.movements().map((m) => [m.direction, m.amount])).toEqual([['payout', 30_000n]]);
    expect((await verifyLedger(w.db)).ok).toBe(true);
  });

  it('a loan: a refused pay-out frees its reservation, and the due date uses the money', async () => {
    const w = await loanWorld(store);
    const refused = await w.payments.payout({
      accountId: w.loanId,
      amount: 30_000n as Money,
      cardId: w.cards.invalid,
      idempotencyKey: 'refund-1',
      requestedBy: 'r1',
    });
    expect(refused.payout).toMatchObject({ status: 'failed', failureReason: 'card_invalid' });
    expect(await w.held()).toEqual({ held: 50_000n, reserved: 0n });
    w.today('2026-02-16');
    await w.dayEnd.run({ through: addDays(w.clock.today(), -1) });
    expect(await w.instalment1()).toBe(50_000n);
    expect(await w.held()).toEqual({ held: 0n, reserved: 0n });
    expect((await w.loans.events(w.loanId)).map((e) => e.kind)).toEqual(['repayment', 'reserve', 'release']);
    expect(w.provider.movements()).toEqual([]);
  });

  it('a credit line: a purchase leaves the reserved ¥300.00 alone, and the confirmed pay-out is booked from it', async () => {
    const w = await creditLineWorld(store);
    expect(await w.held()).toEqual({ held: 50_000n, reserved: 0n });
    const sent = await w.payments.payout({
      accountId: w.lineId,
      amount: 30_000n as Money,
      cardId: w.cards.lost,
      idempotencyKey: 'refund-1',
      requestedBy: 'r1',
    });
    expect(sent.payout.status).toBe('unknown');
    expect(await w.held()).toEqual({ held: 50_000n, reserved: 30_000n });
    // A purchase of ¥400.00 the next day is paid by the ¥200.00 free; ¥200.00 of it is owed.
    w.today('2026-01-16');
    await w.lines.purchase({
      lineId: w.lineId,
      amount: 40_000n as Money,
      description: 'shoes',
      idempotencyKey: 'p2',
    });
    expect(await w.held()).toEqual({ held: 30_000n, reserved: 30_000n });
    expect(await w.payments.settlePayouts()).toEqual({ paid: 1, failed: 0, unknown: 0, unbooked: 0 });
    expect(await w.held()).toEqual({ held: 0n, reserved: 0n });
    const view = await w.lines.getLine(w.lineId);
    expect(view.balances.heldForCustomer).toBe(0n);
    expect(view.balances.payoff).toBe(20_000n);
    expect(w.provider.movements().map((m) => [m.direction, m.amount])).toEqual([['payout', 30_000n]]);
    expect((await verifyLedger(w.db)).ok).toBe(true);
  });

  it('a credit line: a refused pay-out frees its reservation, and the next purchase uses the money', async () => {
    const w = await creditLineWorld(store);
    const refused = await w.payments.payout({
      accountId: w.lineId,
      amount: 30_000n as Money,
      cardId: w.cards.invalid,
      idempotencyKey: 'refund-1',
      requestedBy: 'r1',
    });
    expect(refused.payout).toMatchObject({ status: 'failed', failureReason: 'card_invalid' });
    expect(await w.held()).toEqual({ held: 50_000n, reserved: 0n });
    w.today('2026-01-16');
    await w.lines.purchase({
      lineId: w.lineId,
      amount: 40_000n as Money,
      description: 'shoes',
      idempotencyKey: 'p2',
    });
    expect(await w.held()).toEqual({ held: 10_000n, reserved: 0n });
  });
});
