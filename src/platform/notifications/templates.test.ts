import { describe, expect, it } from 'vitest';
import type { Money } from '../money/money.ts';
import type { LocalDate } from '../time/local-date.ts';
import { renderMessage } from './templates.ts';

const fen = (n: bigint): Money => n as Money;
const date = (text: string): LocalDate => text as LocalDate;

describe('customer message templates: every figure the one passed, in both languages', () => {
  it('a loan due in 3 days names the amount and the date', () => {
    const text = renderMessage({
      kind: 'due_in_3_days',
      params: { product: 'loan', dueDate: date('2026-12-05'), amountDue: fen(123456n) },
    });
    expect(text.zh).toBe(
      '您的借款本期应还¥1,234.56，还款日是3天后（2026年12月5日）。请在当天结束前还款，或确保扣款账户余额充足。',
    );
    expect(text.en).toBe(
      'Your loan instalment of CNY 1,234.56 is due in 3 days (5 Dec 2026). Please pay it by the end of that day, or make sure your repayment account holds enough.',
    );
  });
  it('a line statement due today names what is unpaid and the minimum, not swapped', () => {
    const text = renderMessage({
      kind: 'due_today',
      params: {
        product: 'line',
        dueDate: date('2026-12-20'),
        amountDue: fen(500000n),
        minimumDue: fen(50000n),
      },
    });
    expect(text.zh).toContain('待还¥5,000.00，最低还款¥500.00，还款日是今天（2026年12月20日）');
    expect(text.en).toContain('has CNY 5,000.00 to pay, minimum CNY 500.00, due today (20 Dec 2026)');
  });
  it('a line statement with no minimum left to pay (paid, or on a payment holiday) does not ask for a minimum of 0', () => {
    const text = renderMessage({
      kind: 'due_tomorrow',
      params: {
        product: 'line',
        dueDate: date('2026-02-10'),
        amountDue: fen(100_000n),
        minimumDue: fen(0n),
      },
    });
    expect(text.zh).toBe(
      '您的信用额度账单待还¥1,000.00，还款日是明天（2026年2月10日）。本期已没有需要还的最低还款，不会逾期；在还款日前还清全部可免利息。',
    );
    expect(text.en).toBe(
      'Your credit line statement has CNY 1,000.00 to pay, due tomorrow (10 Feb 2026). No minimum payment is left to pay on it, so you will not be overdue; pay it all by then to avoid interest.',
    );
  });
  it('money received on a line that owes nothing (settled or fully recovered) is not called a repayment of ¥0.00', () => {
    const text = renderMessage({
      kind: 'line_recovery_received',
      params: { amount: fen(30_000n), recovered: fen(0n), owedAfter: fen(0n), held: fen(30_000n) },
    });
    expect(text.zh).toBe('已收到您转入信用额度的¥300.00。该额度已没有欠款，这笔钱已为您保留，可申请退回。');
    expect(text.en).toBe(
      'We received CNY 300.00 on your credit line. You owe nothing on it, so the money is kept for you and can be paid back to you.',
    );
  });
  it('a payment received says what it paid and what is left', () => {
    const text = renderMessage({
      kind: 'payment_received',
      params: {
        product: 'loan',
        amount: fen(100000n),
        principal: fen(90000n),
        interest: fen(9500n),
        charges: fen(500n),
        held: fen(0n),
        owedAfter: fen(810000n),
      },
    });
    expect(text.zh).toBe(
      '已收到您的借款还款¥1,000.00：本金¥900.00，利息¥95.00，罚息¥5.00。目前还欠¥8,100.00。',
    );
    expect(text.en).toBe(
      'We received your loan payment of CNY 1,000.00: CNY 900.00 principal, CNY 95.00 interest, CNY 5.00 penalty interest. You now owe CNY 8,100.00.',
    );
  });
  it('overdue day 7 names the days, the amount, the date missed and what to do', () => {
    const text = renderMessage({
      kind: 'overdue_day_7',
      params: { product: 'loan', daysPastDue: 7, dueDate: date('2026-12-05'), amountOverdue: fen(87654n) },
    });
    expect(text.zh).toContain('您2026年12月5日到期的借款已逾期7天，逾期金额¥876.54。');
    expect(text.zh).toContain('请尽快在App内还款');
    expect(text.en).toContain('due on 5 Dec 2026 is 7 days overdue: CNY 876.54 is unpaid.');
    expect(
      renderMessage({
        kind: 'overdue_day_1',
        params: { product: 'line', daysPastDue: 1, dueDate: date('2026-12-05'), amountOverdue: fen(1n) },
      }).en,
    ).toContain('is 1 day overdue: CNY 0.01');
  });
  it('statement ready, limit changed (old → new), plan created and changed', () => {
    expect(
      renderMessage({
        kind: 'statement_ready',
        params: {
          statementDate: date('2026-12-01'),
          dueDate: date('2026-12-20'),
          statementBalance: fen(321000n),
          minimumPayment: fen(32100n),
        },
      }).zh,
    ).toBe('您2026年12月1日的信用额度账单已出：本期应还¥3,210.00，最低还款¥321.00，还款日2026年12月20日。');
    expect(
      renderMessage({ kind: 'limit_changed', params: { oldLimit: fen(1000000n), newLimit: fen(1500000n) } })
        .en,
    ).toBe('Your credit limit has been raised from CNY 10,000.00 to CNY 15,000.00.');
    expect(
      renderMessage({
        kind: 'plan_created',
        params: { principal: fen(600000n), term: 6, firstPrincipal: fen(100000n), feePerPeriod: fen(4200n) },
      }).zh,
    ).toBe('您已将¥6,000.00分6期还款：每期本金约¥1,000.00，手续费¥42.00，随每期账单还款。');
    expect(
      renderMessage({
        kind: 'plan_changed',
        params: { refunded: fen(200000n), principalLeft: fen(300000n), periodsLeft: 3 },
      }).en,
    ).toBe(
      'A refund of CNY 2,000.00 has been taken off your instalment plan: CNY 3,000.00 principal is left, over 3 instalments.',
    );
  });
});
