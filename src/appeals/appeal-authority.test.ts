import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors/app-error.ts';
import { fen, parseMoney } from '../platform/money/money.ts';
import { parseRate } from '../platform/money/rate.ts';
import { parseLocalDate } from '../platform/time/local-date.ts';
import { parseLendingSettings } from '../policy/index.ts';
import { checkOverrideAuthority, checkOverturnImproves } from './appeal-authority.ts';

const settings = parseLendingSettings({
  products: [
    {
      code: 'cash_loan_plus',
      type: 'cash_loan',
      name: { zh: '现金借款', en: 'Cash loan' },
      effectiveFrom: '2026-01-01',
      minLimit: '100000',
      maxLimit: '20000000',
      minApr: '0.073',
      maxApr: '0.36',
      terms: [3, 6, 12],
      firstLimitCap: '500000',
      requiredVerificationLevel: 3,
      minAge: 18,
      maxAge: 60,
    },
  ],
  legalRateCaps: [
    { effectiveFrom: '2020-08-20', annualRate: '0.24', basis: 'test' },
    { effectiveFrom: '2027-01-01', annualRate: '0.2', basis: 'test, later' },
  ],
  riskAppetite: [],
  assignments: [],
});
const product = settings.products[0]!.product;
const bounds = { product, legalRateCaps: settings.legalRateCaps, date: parseLocalDate('2026-11-23') };
const threshold = fen(5_000_000n);
const terms = (yuan: string, apr: string) => ({ limit: parseMoney(yuan), apr: parseRate(apr) });

function rule(work: () => unknown): string | undefined {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return `${error.issues[0]?.field}:${error.issues[0]?.rule}`;
    throw error;
  }
  return undefined;
}

describe("a reviewer's authority to overturn", () => {
  it('allows terms within the product and under the legal cap; a second reviewer above ¥50,000', () => {
    expect(checkOverrideAuthority(terms('50000.00', '0.24'), bounds, threshold)).toEqual({
      needsSecondReviewer: false,
      legalCap: parseRate('0.24'),
    });
    expect(checkOverrideAuthority(terms('50000.01', '0.1095'), bounds, threshold).needsSecondReviewer).toBe(
      true,
    );
  });

  it('refuses limits outside the product, rates outside its range or above the legal cap in force', () => {
    expect(rule(() => checkOverrideAuthority(terms('999.99', '0.146'), bounds, threshold))).toBe(
      'limit:product-min-limit',
    );
    expect(rule(() => checkOverrideAuthority(terms('200000.01', '0.146'), bounds, threshold))).toBe(
      'limit:product-max-limit',
    );
    expect(rule(() => checkOverrideAuthority(terms('5000.00', '0.07'), bounds, threshold))).toBe(
      'apr:product-min-apr',
    );
    expect(rule(() => checkOverrideAuthority(terms('5000.00', '0.37'), bounds, threshold))).toBe(
      'apr:product-max-apr',
    );
    expect(rule(() => checkOverrideAuthority(terms('5000.00', '0.2401'), bounds, threshold))).toBe(
      'apr:legal-cap',
    );
    // The cap in force on the date: from 2027 the lower one.
    const later = { ...bounds, date: parseLocalDate('2027-01-01') };
    expect(rule(() => checkOverrideAuthority(terms('5000.00', '0.21'), later, threshold))).toBe(
      'apr:legal-cap',
    );
  });
});

describe('an overturn decides in the customer’s favour', () => {
  const approved = { outcome: 'approved' as const, limit: parseMoney('30000.00'), apr: parseRate('0.146') };

  it('refuses terms worse than the approval appealed, or the same terms, naming the field', () => {
    expect(rule(() => checkOverturnImproves(approved, terms('20000.00', '0.146')))).toBe(
      'limit:worse-than-appealed',
    );
    expect(rule(() => checkOverturnImproves(approved, terms('20000.00', '0.18')))).toBe(
      'limit:worse-than-appealed',
    );
    expect(rule(() => checkOverturnImproves(approved, terms('30000.00', '0.18')))).toBe(
      'apr:worse-than-appealed',
    );
    expect(rule(() => checkOverturnImproves(approved, terms('30000.00', '0.1460')))).toBe(
      'limit:changes-nothing',
    );
  });

  it('allows better terms, a trade-off the reviewer weighs, and any approval of a decline or referral', () => {
    for (const [yuan, apr] of [
      ['40000.00', '0.146'],
      ['30000.00', '0.1095'],
      ['40000.00', '0.18'],
      ['20000.00', '0.0730'],
    ] as const)
      expect(rule(() => checkOverturnImproves(approved, terms(yuan, apr)))).toBeUndefined();
    for (const outcome of ['declined', 'referred'] as const)
      expect(
        rule(() => checkOverturnImproves({ outcome, limit: fen(0n), apr: null }, terms('1000.00', '0.36'))),
      ).toBeUndefined();
  });
});
