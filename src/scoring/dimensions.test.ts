import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DIMENSION_MAPPING,
  dimensionOf,
  nameWords,
  patternMatches,
  validateDimensionMapping,
} from './dimensions.ts';

describe('dimension mapping', () => {
  it('splits names into words the same way for snake_case and camelCase', () => {
    expect(nameWords('ontime_rate_12m')).toEqual(['ontime', 'rate', '12m']);
    expect(nameWords('ontimeRate12m')).toEqual(['ontime', 'rate12m']);
    expect(nameWords('Monthly Income')).toEqual(['monthly', 'income']);
  });

  it('matches words, not substrings', () => {
    expect(patternMatches('age', 'applicant_age')).toBe(true);
    expect(patternMatches('age', 'Age')).toBe(true);
    expect(patternMatches('age', 'usage')).toBe(false);
    expect(patternMatches('age', 'mortgage_balance')).toBe(false);
    expect(patternMatches('inquir*', 'inquiries_30d')).toBe(true);
    expect(patternMatches('on_time', 'pct_on_time_payments')).toBe(true);
    expect(patternMatches('on_time', 'time_on')).toBe(false);
  });

  it('maps the names of the customer-data context and of credit_data by default', () => {
    const map = (name: string) => dimensionOf(DEFAULT_DIMENSION_MAPPING, name);
    expect(map('inquiries_30d')).toBe('behaviour');
    expect(map('ontime_rate_12m')).toBe('history');
    expect(map('monthly_income')).toBe('capacity');
    expect(map('Records')).toBe('history');
    expect(map('Seniority')).toBe('capacity');
    expect(map('Home')).toBe('identity');
    expect(map('contacts_overdue_share')).toBe('history');
    expect(map('contact_count')).toBe('relationships');
    expect(map('something_else')).toBe('behaviour');
  });

  it('lets an override win over the rules', () => {
    const mapping = { ...DEFAULT_DIMENSION_MAPPING, overrides: { Age: 'relationships' as const } };
    expect(dimensionOf(mapping, 'Age')).toBe('relationships');
  });

  it('names the rule that is wrong', () => {
    expect(() =>
      validateDimensionMapping({
        rules: [{ pattern: 'x', dimension: 'wealth' as never }],
        fallback: 'history',
        overrides: {},
      }),
    ).toThrow(/dimensions\.rules\[0\]\.dimension/);
  });
});
