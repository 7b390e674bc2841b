import { describe, expect, it } from 'vitest';
import type { Money } from '../../platform/money/money.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import { lineRepaymentEvents, planReview, reviewMessage, REVIEW_FREEZE_REASON } from './limit-review.ts';
import { initialLineState } from './line-servicing.ts';
import { DEFAULT_CREDIT_LINE_PRODUCT, termsFor } from './line-terms.ts';
import { parseRate } from '../../platform/money/rate.ts';

const fen = (value: bigint) => value as Money;
const active = { limit: fen(300_000n), status: 'active' as const, statusReason: null };

describe('what a review decision does to the facility', () => {
  it('raises, lowers or keeps the limit on approval; freezes on decline; changes nothing when referred', () => {
    expect(planReview({ outcome: 'approved', limit: fen(600_000n) }, active)).toEqual({
      action: 'raised',
      newLimit: 600_000n,
      freeze: false,
      reactivate: false,
    });
    expect(planReview({ outcome: 'approved', limit: fen(200_000n) }, active).action).toBe('lowered');
    expect(planReview({ outcome: 'approved', limit: fen(300_000n) }, active)).toMatchObject({
      action: 'unchanged',
      newLimit: null,
    });
    expect(planReview({ outcome: 'declined', limit: fen(0n) }, active)).toMatchObject({
      action: 'frozen',
      freeze: true,
    });
    expect(
      planReview({ outcome: 'declined', limit: fen(0n) }, { ...active, status: 'suspended' }).action,
    ).toBe('frozen');
    expect(planReview({ outcome: 'referred', limit: fen(0n) }, active).action).toBe('none');
  });

  it('lifts only its own freeze, and leaves a facility frozen for another reason or closed alone', () => {
    const frozenByReview = {
      ...active,
      status: 'frozen' as const,
      statusReason: `${REVIEW_FREEZE_REASON}:dec_X`,
    };
    expect(planReview({ outcome: 'approved', limit: fen(300_000n) }, frozenByReview)).toMatchObject({
      action: 'reactivated',
      reactivate: true,
    });
    expect(planReview({ outcome: 'approved', limit: fen(500_000n) }, frozenByReview)).toMatchObject({
      action: 'raised',
      reactivate: true,
    });
    const frozenByHold = { ...active, status: 'frozen' as const, statusReason: 'fraud hold' };
    expect(planReview({ outcome: 'approved', limit: fen(500_000n) }, frozenByHold).action).toBe('none');
    expect(planReview({ outcome: 'declined', limit: fen(0n) }, frozenByHold).action).toBe('none');
    expect(
      planReview({ outcome: 'approved', limit: fen(500_000n) }, { ...active, status: 'closed' }).action,
    ).toBe('none');
  });
});

describe('the customer message', () => {
  const reasons = [
    { text: { zh: '您在其他机构有逾期¥1,000.00', en: 'You have CNY 1,000.00 overdue with another lender' } },
  ];

  it('renders each figure in its place in zh-CN and en, with the decision reasons when not a raise', () => {
    const lowered = reviewMessage(
      { action: 'lowered', newLimit: fen(200_000n), freeze: false, reactivate: false },
      { limitBefore: fen(300_000n), limitAfter: fen(200_000n), onTimeCycles: 2 },
      reasons,
    );
    expect(lowered).toEqual({
      zh: '您的信用额度已由¥3,000.00调整为¥2,000.00。原因：您在其他机构有逾期¥1,000.00',
      en: 'Your credit limit has been changed from CNY 3,000.00 to CNY 2,000.00. Why: You have CNY 1,000.00 overdue with another lender',
    });
    const raised = reviewMessage(
      { action: 'raised', newLimit: fen(600_000n), freeze: false, reactivate: false },
      { limitBefore: fen(300_000n), limitAfter: fen(600_000n), onTimeCycles: 3 },
      reasons,
    );
    expect(raised.en).toBe(
      'Your credit limit has been raised from CNY 3,000.00 to CNY 6,000.00. Thank you for paying on time (3 of your last 12 statements).',
    );
  });
});

describe('what the line reports to the customers context', () => {
  it('reports each minimum as an instalment here: met by the due date, or missed and later cured', () => {
    const terms = termsFor(DEFAULT_CREDIT_LINE_PRODUCT, {
      lineId: 'cl_R',
      customerId: 'cus_R',
      facilityId: 'fac_R',
      openedOn: '2026-01-05' as LocalDate,
      apr: parseRate('0.1825'),
    });
    const state = initialLineState(terms);
    state.dueOutcomes.push(
      {
        seq: 1,
        dueDate: '2026-02-10' as LocalDate,
        minimumPayment: fen(20_000n),
        minimumMet: true,
        paidInFull: true,
        curedOn: null,
      },
      {
        seq: 2,
        dueDate: '2026-03-10' as LocalDate,
        minimumPayment: fen(0n),
        minimumMet: true,
        paidInFull: true,
        curedOn: null,
      },
      {
        seq: 3,
        dueDate: '2026-04-10' as LocalDate,
        minimumPayment: fen(10_500n),
        minimumMet: false,
        paidInFull: false,
        curedOn: '2026-04-18' as LocalDate,
      },
    );
    const rows = lineRepaymentEvents('cus_R', 'cl_R', state);
    expect(rows.map((r) => [r.eventId, r.occurredAt, r.dueDate, r.paidDate ?? null, r.amount])).toEqual([
      ['cl_R:due:1', '2026-02-10T16:00:00.000Z', '2026-02-10', '2026-02-10', '200.00'],
      ['cl_R:due:3:missed', '2026-04-10T16:00:00.000Z', '2026-04-10', null, '105.00'],
      ['cl_R:due:3:cured', '2026-04-17T16:00:00.000Z', '2026-04-10', '2026-04-18', '105.00'],
    ]);
    expect(rows[0]).toMatchObject({
      type: 'repayment',
      scope: 'here',
      source: 'credit-lines',
      loanRef: 'cl_R',
    });
  });
});
