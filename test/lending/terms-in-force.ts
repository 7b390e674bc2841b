import { termsInForceOf, type TermsInForcePort } from '../../src/lending/facilities/facility-terms-guard.ts';
import { parseLendingSettings } from '../../src/policy/index.ts';

/**
 * Lending settings for suites that build the lending services without the policy context: one product of
 * each type, rates 0–24 % and limits up to CNY 1,000,000, and a 24 % legal cap from 2020-08-20 — wide
 * enough for every figure the lending suites use, so a drawdown or a line is checked against real bounds.
 */
export const TEST_LENDING_SETTINGS = parseLendingSettings({
  products: (['cash_loan', 'credit_line'] as const).map((code) => ({
    code,
    type: code,
    name: { zh: code, en: code },
    effectiveFrom: '2000-01-01',
    minLimit: '1',
    maxLimit: '100000000',
    minApr: '0',
    maxApr: '0.24',
    terms: [3, 6, 12],
    firstLimitCap: '100000000',
    requiredVerificationLevel: 0,
    minAge: 18,
    maxAge: 100,
  })),
  legalRateCaps: [{ effectiveFrom: '2020-08-20', annualRate: '0.24', basis: 'test fixture' }],
});

export const testTermsInForce: TermsInForcePort = async (type, date) =>
  termsInForceOf(TEST_LENDING_SETTINGS, type, date);
