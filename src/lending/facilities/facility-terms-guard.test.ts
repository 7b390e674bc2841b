import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors/app-error.ts';
import type { Money } from '../../platform/money/money.ts';
import { parseRate } from '../../platform/money/rate.ts';
import { parseLocalDate } from '../../platform/time/local-date.ts';
import { parseLendingSettings } from '../../policy/index.ts';
import type { Facility } from './facility.ts';
import { assertFacilityTermsInForce, facilityTermsIssues, termsInForceOf } from './facility-terms-guard.ts';

const product = (code: string, type: string, effectiveFrom: string, maxApr: string, maxLimit: string) => ({
  code,
  type,
  name: { zh: code, en: code },
  effectiveFrom,
  minLimit: '100000',
  maxLimit,
  minApr: '0.073',
  maxApr,
  terms: [3, 6, 12],
  firstLimitCap: '100000',
  requiredVerificationLevel: 0,
  minAge: 18,
  maxAge: 60,
});

// Two cash-loan products (the second from 2026-06-01 up to 23.9 %), one credit line, a 24 % cap from 2020.
const settings = parseLendingSettings({
  products: [
    product('cash_loan', 'cash_loan', '2026-01-01', '0.219', '20000000'),
    product('cash_loan_plus', 'cash_loan', '2026-06-01', '0.239', '30000000'),
    product('credit_line', 'credit_line', '2026-01-01', '0.1825', '5000000'),
  ],
  legalRateCaps: [{ effectiveFrom: '2020-08-20', annualRate: '0.24', basis: 'test' }],
});

const facility = (apr: string, limit: bigint, product: Facility['product'] = 'cash-loan'): Facility => ({
  id: 'fac_01JD3ZK6Q8W4M2X9T7B5N1R0AE',
  customerId: 'cus_01JD3ZK6Q8W4M2X9T7B5N1R0AE',
  product,
  status: 'active',
  limit: limit as Money,
  used: 0n as Money,
  apr: parseRate(apr),
  decisionId: 'dec_01JD3ZK6Q8W4M2X9T7B5N1R0AE',
  statusReason: null,
  version: 1,
  openedAt: new Date(0),
  updatedAt: new Date(0),
});

const rules = (f: Facility, date: string) => {
  const day = parseLocalDate(date);
  const type = f.product === 'cash-loan' ? 'cash_loan' : 'credit_line';
  return facilityTermsIssues(f, termsInForceOf(settings, type, day), day).map((i) => `${i.field}/${i.rule}`);
};

describe('facility terms checked where money leaves', () => {
  it('Given terms within a product in force and under the cap, Then nothing is said', () => {
    expect(rules(facility('0.1825', 2_000_000n), '2026-03-01')).toEqual([]);
    expect(rules(facility('0.1825', 500_000n, 'credit-line'), '2026-03-01')).toEqual([]);
  });

  it('Given 99 % or 999, Then the legal cap and the product range are both named', () => {
    expect(rules(facility('0.99', 2_000_000n), '2026-03-01')).toEqual([
      'facility.apr/legal-cap',
      'facility.apr/product-apr-range',
    ]);
    expect(rules(facility('999', 500_000n, 'credit-line'), '2026-03-01')).toEqual([
      'facility.apr/legal-cap',
      'facility.apr/product-apr-range',
    ]);
  });

  it('Given 23 %, Then only the range of the products in force on the date decides', () => {
    expect(rules(facility('0.23', 2_000_000n), '2026-03-01')).toEqual(['facility.apr/product-apr-range']);
    // From 2026-06-01 cash_loan_plus allows it (and a larger limit).
    expect(rules(facility('0.23', 25_000_000n), '2026-06-01')).toEqual([]);
    expect(rules(facility('0.23', 30_000_001n), '2026-06-01')).toEqual(['facility.limit/product-max-limit']);
  });

  it('Given no product of the type in force, Then nothing may be lent', () => {
    expect(rules(facility('0.18', 2_000_000n), '2025-12-31')).toEqual(['facility.product/product-in-force']);
  });

  it('assert throws UNPROCESSABLE with the issues', () => {
    const day = parseLocalDate('2026-03-01');
    const error = (() => {
      try {
        assertFacilityTermsInForce(facility('0.99', 1n), termsInForceOf(settings, 'cash_loan', day), day);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('UNPROCESSABLE');
    expect((error as AppError).issues.map((i) => i.rule)).toEqual(['legal-cap', 'product-apr-range']);
  });
});
