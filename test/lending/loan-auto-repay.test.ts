import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifyLedger } from '../../src/ledger/ledger.pg.ts';
import { createPgDayEndRunLog } from '../../src/lending/eod/day-end-runs.pg.ts';
import { createDayEndService } from '../../src/lending/eod/day-end.ts';
import { DEFAULT_LOAN_PRODUCT } from '../../src/lending/loans/loan-contract.ts';
import { createLoanDayEndProcessor } from '../../src/lending/loans/loan-day-end.ts';
import { createLoanService } from '../../src/lending/loans/loan-service.ts';
import { createAutoRepayProcessor } from '../../src/lending/payments/auto-repay-processor.ts';
import { createAutoRepayService } from '../../src/lending/payments/auto-repay-service.ts';
import { DEFAULT_AUTO_REPAY_SCHEDULES } from '../../src/lending/payments/auto-repay.ts';
import { loanAutoRepayAccounts } from '../../src/lending/payments/loan-auto-repay.ts';
import {
  createSandboxPaymentProvider,
  SANDBOX_BEHAVIOURS,
} from '../../src/lending/payments/sandbox-payment-provider.ts';
import type { Database } from '../../src/platform/database/database.ts';
import { isAppError } from '../../src/platform/errors/app-error.ts';
import type { Money } from '../../src/platform/money/money.ts';
import { createSandboxChannel } from '../../src/platform/notifications/index.ts';
import { createNotifications } from '../../src/platform/notifications/notifications.ts';
import type { LocalDate } from '../../src/platform/time/local-date.ts';
import { storesUnderTest } from '../support/stores.ts';
import { lendingWorld } from './support.ts';
import { testTermsInForce } from './terms-in-force.ts';
import { pgBooks } from '../support/books.ts';

/**
 * Auto-repay of the golden loan (¥10,000 at 18 %, monthly basis, 12 equal instalments of ¥916.80 = 91,680
 * fen, drawn 2026-01-15, first due 2026-02-15) from the customer's bound card through the sandbox provider,
 * tries on day 0, +1 and +3 of a due date.
 */

/** A customer row and a bound card for the lending world (the card number itself is not needed here). */
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

async function world(store: Parameters<typeof lendingWorld>[0], last4: string) {
  const w = await lendingWorld(store, { start: '2026-01-15', product: { basis: 'monthly' } });
  const { db, clock, ids } = w;
  const channel = createSandboxChannel();
  const notifications = createNotifications({ db, clock, ids, channel });
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
  const deps = {
    db,
    clock,
    ids,
    provider,
    accounts: [loanAutoRepayAccounts(loans)],
    schedules: DEFAULT_AUTO_REPAY_SCHEDULES,
    outbox: notifications.outbox,
  };
  const autoRepay = createAutoRepayService(deps);
  const dayEnd = createDayEndService({
    db,
    clock,
    runs: createPgDayEndRunLog(),
    processors: [createLoanDayEndProcessor({ ...pgBooks(), clock, ids }), createAutoRepayProcessor(deps)],
    elapsed: () => 0,
  });
  const customerId = await w.customerWithLimit(2_000_000n);
  const cardId = ids.next('card');
  await bindCard(db, customerId, cardId, last4);
  const drawn = await loans.drawdown({
    customerId,
    amount: 1_000_000n as Money,
    term: 12,
    method: 'equal-installment',
    idempotencyKey: 'draw-1',
  });
  if (drawn.outcome !== 'drawn') throw new Error('declined');
  /** The batch of the night before `today` (through yesterday). */
  const nightly = async (today: string) => {
    w.today(today);
    const yesterday = new Date(new Date(`${today}T00:00:00Z`).getTime() - 86_400_000);
    return dayEnd.run({ through: yesterday.toISOString().slice(0, 10) as LocalDate });
  };
  const messages = async () =>
    (
      await db.query<{ kind: string; occasion: string; text_en: string; text_zh: string }>(
        `select kind, occasion, text->>'en' as text_en, text->>'zh' as text_zh from customer_messages where kind = 'auto_repay_failed' order by created_at, id`,
      )
    ).rows;
  return {
    ...w,
    loans,
    provider,
    autoRepay,
    dayEnd,
    customerId,
    cardId,
    loanId: drawn.receipt.loanId,
    nightly,
    messages,
  };
}

describe.each(storesUnderTest())('loan auto-repay ($name)', (store) => {
  it('collects the instalment on its due date once, books it as a repayment, and a rerun does nothing', async () => {
    const w = await world(store, '1234');
    const on = await w.autoRepay.set({
      accountId: w.loanId,
      customerId: w.customerId,
      enabled: true,
      actor: { kind: 'customer', name: w.customerId },
    });
    expect(on).toMatchObject({
      enabled: true,
      cardId: w.cardId,
      cardLast4: '1234',
      noticeVersion: 1,
      changed: true,
    });
    expect(on.consents).toHaveLength(1);
    expect(on.consents[0]).toMatchObject({ granted: true, noticeVersion: 1, actorKind: 'customer' });
    expect(on.consents[0]?.noticeHash).toMatch(/^[0-9a-f]{64}$/);
    // The same again records nothing.
    const again = await w.autoRepay.set({
      accountId: w.loanId,
      enabled: true,
      actor: { kind: 'staff', name: 'r1' },
    });
    expect(again.changed).toBe(false);
    expect(again.consents).toHaveLength(1);

    await w.nightly('2026-02-15'); // through 14 Feb: nothing due yet
    expect(w.provider.calls()).toBe(0);
    await w.nightly('2026-02-16'); // the due date, 15 Feb
    const view = await w.autoRepay.get({ accountId: w.loanId });
    expect(view.attempts).toHaveLength(1);
    expect(view.attempts[0]).toMatchObject({
      businessDate: '2026-02-15',
      dueDate: '2026-02-15',
      tryNumber: 1,
      amount: 91_680n,
      status: 'succeeded',
      bookedSeq: 1,
      providerCalls: 1,
    });
    const loan = await w.loans.getLoan(w.loanId);
    expect(loan.daysPastDue).toBe(0);
    const events = await w.loans.events(w.loanId);
    expect(
      events.map((e) => [e.seq, e.kind, e.effectiveDate, e.kind === 'repayment' ? e.amount : null]),
    ).toEqual([[1, 'repayment', '2026-02-15', 91_680n]]);
    expect(w.provider.movements()).toEqual([
      {
        paymentId: view.attempts[0]?.paymentId,
        customerId: w.customerId,
        direction: 'collect',
        amount: 91_680n,
      },
    ]);
    // Rerunning the date, or the days after, collects nothing more.
    const rerun = await w.dayEnd.run({ through: '2026-02-15' as LocalDate });
    expect(rerun.upToDate).toBe(true);
    await w.nightly('2026-02-20');
    expect(w.provider.calls()).toBe(1);
    expect((await w.autoRepay.get({ accountId: w.loanId })).attempts).toHaveLength(1);
    expect((await verifyLedger(w.db)).ok).toBe(true);
  });

  it('fails for insufficient funds and tells the customer, retries the next day, a timeout is asked about and collected once', async () => {
    const w = await world(store, '1234');
    await w.autoRepay.set({
      accountId: w.loanId,
      enabled: true,
      actor: { kind: 'staff', name: 'reviewer1' },
    });
    w.provider.script(w.customerId, ['insufficient_funds', 'timeout']);
    await w.nightly('2026-02-16'); // 15 Feb: insufficient funds
    let attempts = (await w.autoRepay.get({ accountId: w.loanId })).attempts;
    expect(attempts.map((a) => [a.businessDate, a.tryNumber, a.amount, a.status, a.failureReason])).toEqual([
      ['2026-02-15', 1, 91_680n, 'failed', 'insufficient_funds'],
    ]);
    expect(await w.messages()).toEqual([
      {
        kind: 'auto_repay_failed',
        occasion: `auto-repay-${attempts[0]?.paymentId}`,
        text_en:
          'On 15 Feb 2026 we tried to collect CNY 916.80 due on your loan (due 15 Feb 2026) from your card ending 1234. ' +
          'It failed: the card did not hold enough money. We will try again on 16 Feb 2026: put enough money on the card before then, or pay in the app.',
        text_zh:
          '2026年2月15日，我们尝试从您尾号1234的银行卡扣取借款应还款¥916.80（还款日2026年2月15日），扣款失败：银行卡余额不足。' +
          '我们将于2026年2月16日再次尝试扣款；请在此之前向该卡存入足够金额，或直接在App内还款。',
      },
    ]);

    await w.nightly('2026-02-17'); // 16 Feb (+1): the provider takes the money but the answer times out
    attempts = (await w.autoRepay.get({ accountId: w.loanId })).attempts;
    // One day overdue: the instalment and one day's penalty interest on its principal of 76,680 fen, at the
    // 24 % all-in cap (1.5 × 18 % = 27 % is above it): 76,680 × 0.24 / 365 = 50.42… → 50 fen (half up).
    const owedOn16 = (attempts[1]?.amount ?? 0n) - 91_680n;
    expect(attempts.map((a) => [a.businessDate, a.tryNumber, a.status])).toEqual([
      ['2026-02-15', 1, 'failed'],
      ['2026-02-16', 2, 'unknown'],
    ]);
    expect(owedOn16).toBe(50n);
    expect((await w.loans.getLoan(w.loanId)).daysPastDue).toBeGreaterThan(0);

    await w.nightly('2026-02-18'); // 17 Feb: no try day; the unknown attempt is asked about: succeeded
    attempts = (await w.autoRepay.get({ accountId: w.loanId })).attempts;
    expect(attempts.map((a) => [a.businessDate, a.status, a.amount, a.providerCalls])).toEqual([
      ['2026-02-15', 'failed', 91_680n, 1],
      ['2026-02-16', 'succeeded', 91_730n, 1],
    ]);
    const events = await w.loans.events(w.loanId);
    expect(events.map((e) => [e.kind, e.effectiveDate, e.kind === 'repayment' ? e.amount : null])).toEqual([
      ['repayment', '2026-02-16', 91_730n],
    ]);
    const loan = await w.loans.getLoan(w.loanId);
    expect(loan.daysPastDue).toBe(0);
    expect(loan.outstanding.overpayment).toBe(0n);

    await w.nightly('2026-02-20'); // 18 Feb is +3: nothing is due any more, nothing is tried
    expect(w.provider.movements().map((m) => m.amount)).toEqual([91_730n]);
    expect((await w.autoRepay.get({ accountId: w.loanId })).attempts).toHaveLength(2);
    expect(await w.messages()).toHaveLength(1);
    expect((await verifyLedger(w.db)).ok).toBe(true);
  });

  it('refuses what it cannot do, naming the field and the rule, and turning it off stops the tries', async () => {
    const w = await world(store, '1234');
    const refusal = async (work: Promise<unknown>) => {
      try {
        await work;
      } catch (error) {
        if (!isAppError(error)) throw error;
        return { code: error.code, field: error.issues[0]?.field, rule: error.issues[0]?.rule };
      }
      throw new Error('expected a refusal');
    };
    const actor = { kind: 'customer' as const, name: 'me' };
    expect(
      await refusal(w.autoRepay.set({ accountId: w.loanId, enabled: true, noticeVersion: 2, actor })),
    ).toEqual({
      code: 'VALIDATION_FAILED',
      field: 'noticeVersion',
      rule: 'notice-in-force',
    });
    expect(
      await refusal(
        w.autoRepay.set({ accountId: w.loanId, enabled: true, cardId: w.ids.next('card'), actor }),
      ),
    ).toEqual({ code: 'VALIDATION_FAILED', field: 'cardId', rule: 'bound-card' });
    expect(
      await refusal(
        w.autoRepay.set({ accountId: w.loanId, customerId: w.ids.next('customer'), enabled: true, actor }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect((await w.autoRepay.get({ accountId: w.loanId })).consents).toEqual([]);

    await w.autoRepay.set({ accountId: w.loanId, enabled: true, actor });
    const off = await w.autoRepay.set({ accountId: w.loanId, enabled: false, actor });
    expect(off.enabled).toBe(false);
    expect(off.consents.map((c) => [c.seq, c.granted, c.noticeVersion])).toEqual([
      [1, true, 1],
      [2, false, null],
    ]);
    await w.nightly('2026-02-20');
    expect(w.provider.calls()).toBe(0);
    // Processed through 19 Feb: four days past the due date, nothing collected.
    expect((await w.loans.getLoan(w.loanId)).daysPastDue).toBe(4);
  });

  it('property: random provider answers over random nights collect each amount at most once, and the books hold', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...SANDBOX_BEHAVIOURS), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 2, maxLength: 6 }),
        async (behaviours, gaps) => {
          const w = await world(store, '1234');
          await w.autoRepay.set({
            accountId: w.loanId,
            enabled: true,
            actor: { kind: 'staff', name: 'prop' },
          });
          w.provider.script(w.customerId, behaviours);
          // Nights from the first due date on, some skipped (catch-up), through the second due date and after.
          let day = new Date('2026-02-15T00:00:00Z').getTime();
          for (const gap of gaps) {
            day += gap * 86_400_000;
            await w.nightly(new Date(day).toISOString().slice(0, 10));
          }
          const attempts = (await w.autoRepay.get({ accountId: w.loanId })).attempts;
          const events = await w.loans.events(w.loanId);
          const moved = w.provider.movements();
          // Every payment that moved money is one attempt, booked once as one repayment of that amount.
          expect(new Set(moved.map((m) => m.paymentId)).size).toBe(moved.length);
          const booked = attempts.filter((a) => a.status === 'succeeded');
          for (const attempt of booked) {
            const event = events.find((e) => e.seq === attempt.bookedSeq);
            expect(event?.kind === 'repayment' ? event.amount : null).toBe(attempt.amount);
          }
          expect(new Set(booked.map((a) => a.bookedSeq)).size).toBe(booked.length);
          const movedTotal = moved.reduce((sum, m) => sum + m.amount, 0n);
          const bookedTotal = booked.reduce((sum, a) => sum + a.amount, 0n);
          // Money that moved for an attempt still unknown is booked when its status is asked (next night).
          const pending = attempts
            .filter((a) => a.status === 'unknown' && moved.some((m) => m.paymentId === a.paymentId))
            .reduce((sum, a) => sum + a.amount, 0n);
          expect(bookedTotal + pending).toBe(movedTotal);
          // Repayments are exactly the auto-repay collections (nothing else paid this loan).
          const repaid = events.reduce((sum, e) => sum + (e.kind === 'repayment' ? e.amount : 0n), 0n);
          expect(repaid).toBe(bookedTotal);
          // One attempt per business date, and never a new one while an earlier one was unresolved.
          expect(new Set(attempts.map((a) => a.businessDate)).size).toBe(attempts.length);
          // Never more than was due: nothing left held for the customer.
          expect((await w.loans.getLoan(w.loanId)).outstanding.overpayment).toBe(0n);
          expect((await verifyLedger(w.db)).ok).toBe(true);
        },
      ),
      { numRuns: 3, seed: 15 },
    );
  }, 240_000);
});
