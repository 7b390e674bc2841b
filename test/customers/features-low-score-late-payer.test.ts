import { describe, expect, it } from 'vitest';
import { computeFeaturesOf } from '../../src/customers/features/compute.ts';
import { AS_OF, personaFeatures } from './support/persona.ts';

describe('low score: late payments, overdue elsewhere, lines nearly maxed out', () => {
  const { features } = personaFeatures('low_score');

  it('has the repayment record of the script: 4 of 9 on time, worst 57 days, ¥2,000.00 overdue elsewhere', () => {
    // Loan of ¥12,000.00 in 12 instalments of ¥1,000.00 opened 300 days ago: instalments 2, 4 and 6 paid 12,
    // 35 and 20 days late, 8 and 9 never paid; 9 instalments have fallen due.
    expect(features).toMatchObject({
      repayments_12m: 9,
      ontime_rate_12m: 4 / 9,
      max_dpd_12m: 57,
      overdue_amount_elsewhere: 200_000,
      overdue_amount_here: 0,
      open_loans_elsewhere: 1,
      // One open loan elsewhere, its latest instalment ¥1,000.00; nothing here.
      debt_service_monthly: 100_000,
      ontime_cycles_here_12m: 0,
      utilisation: 7850 / 8000,
      income_monthly_estimate: 420_000,
      income_source: 'transfers',
    });
  });

  it('the same person with the bureau consent withdrawn: no elsewhere data is read at all', () => {
    const withdrawn = personaFeatures('low_score', AS_OF).events.filter(
      (event) => !(event.type === 'consent' && event.dataSource === 'credit_bureau'),
    );
    const { features: gated } = computeFeaturesOf(withdrawn, { openedAtMs: 0, birthDate: null }, AS_OF);
    expect(gated).toMatchObject({
      overdue_amount_elsewhere: null,
      open_loans_elsewhere: null,
      inquiries_30d: null,
      repayments_12m: 0,
      utilisation: null,
      credit_history_months: 0,
    });
  });
});
