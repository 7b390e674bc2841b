import { describe, expect, it } from 'vitest';
import { personaFeatures } from './support/persona.ts';

describe('thin file and new user', () => {
  it('a thin file has one payment, no credit history and no income estimate', () => {
    const { features } = personaFeatures('thin_file');
    expect(features).toMatchObject({
      consumption_count_12m: 1,
      consumption_amount_12m: 3650,
      active_months_12m: 1,
      credit_history_months: 0,
      repayments_12m: 0,
      ontime_rate_12m: null,
      max_dpd_12m: null,
      income_monthly_estimate: null,
      age_years: 22,
    });
  });

  it('a new user opened today has account age 0 and no history here', () => {
    const { features } = personaFeatures('new_user', undefined, 0);
    expect(features).toMatchObject({
      account_age_days: 0,
      repayments_12m: 0,
      overdue_amount_here: 0,
      credit_history_months: 0,
    });
    expect(features.income_monthly_estimate).toBe(1_500_000);
  });
});
