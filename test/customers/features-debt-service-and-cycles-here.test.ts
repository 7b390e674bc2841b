import { describe, expect, it } from 'vitest';
import { computeFeaturesOf } from '../../src/customers/features/compute.ts';
import { CustomerHistory } from '../../src/demo/personas/customer-history.ts';
import { addDays, businessDateOf } from '../../src/platform/time/local-date.ts';
import { AS_OF, CUSTOMER } from './support/persona.ts';

/**
 * Debt service owed each month and instalments repaid on time here: the policy's debt-service cap and the
 * new-user ramp read them (docs/customers.md). A scripted borrower, figures worked out by hand.
 */
const day = (days: number) => addDays(businessDateOf(AS_OF), days);

function borrower(consentToBureau: boolean) {
  const history = new CustomerHistory(CUSTOMER, 'debt')
    .consent(CustomerHistory.at(day(-400)), 'bank_transactions')
    // Here: ¥6,000.00 in 12 instalments of ¥500.00 from 2026-05-06; due 06-06 … 11-06 (6 so far), the
    // third (08-06) paid 5 days late.
    .loan('here', 'credence', 'cl-1', day(-200), 12, '6000.00', day(0), { 3: 5 })
    // Elsewhere: ¥24,000.00 in 24 instalments of ¥1,000.00 from 2026-08-14; due 09-14, 10-14, 11-14.
    .loan('elsewhere', 'lender-03', 'car-1', day(-100), 24, '24000.00', day(0))
    // Elsewhere: ¥3,000.00 opened 5 days ago, nothing due yet: a twelfth of it, ¥250.00.
    .loanOpened(CustomerHistory.at(day(-5), 11), 'elsewhere', 'lender-04', 'cash-9', '3000.00')
    // Elsewhere: repaid and closed in May: owes nothing.
    .loan('elsewhere', 'lender-08', 'old-1', day(-400), 6, '1200.00', day(-190))
    .loanClosed(CustomerHistory.at(day(-190), 21), 'elsewhere', 'lender-08', 'old-1');
  if (consentToBureau) history.consent(CustomerHistory.at(day(-400)), 'credit_bureau');
  return computeFeaturesOf(history.eventsUntil(AS_OF), { openedAtMs: 0, birthDate: null }, AS_OF).features;
}

describe('debt service and on-time cycles here', () => {
  it('owes ¥500.00 here + ¥1,000.00 + ¥250.00 elsewhere a month, and has 5 on-time cycles here', () => {
    expect(borrower(true)).toMatchObject({
      debt_service_monthly: 50_000 + 100_000 + 25_000,
      ontime_cycles_here_12m: 5,
      open_loans_elsewhere: 2,
    });
  });

  it('without bureau consent knows only the loan here (on-time cycles are here anyway)', () => {
    expect(borrower(false)).toMatchObject({
      debt_service_monthly: 50_000,
      ontime_cycles_here_12m: 5,
      open_loans_elsewhere: null,
    });
  });
});
