import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkOverrideAuthority } from '../../src/appeals/appeal-authority.ts';
import type { Facility } from '../../src/lending/facilities/facility.ts';
import { facilityTermsIssues, termsInForceOf } from '../../src/lending/facilities/facility-terms-guard.ts';
import { costCapInForce } from '../../src/lending/shared/cost-cap-in-force.ts';
import { describeCap } from '../../src/lending/shared/cost-cap.ts';
import { settingsCostCapIssues } from '../../src/policy/settings-cost-cap.ts';
import { AppError } from '../../src/platform/errors/app-error.ts';
import { fen } from '../../src/platform/money/money.ts';
import { ONE_YEAR_LPR } from '../../src/platform/money/one-year-lpr.ts';
import { compareRate, parseRate, toExactRateString } from '../../src/platform/money/rate.ts';
import { fromEpochDay, parseLocalDate, toEpochDay } from '../../src/platform/time/local-date.ts';
import {
  clampToLegalCap,
  legalCapOn,
  parseLendingSettings,
  productOn,
  type LendingSettings,
} from '../../src/policy/index.ts';
import { parseLegalRateCap } from '../../src/policy/products.ts';

/**
 * Issue 15, item 1: a legal cap written as a multiple of the one-year LPR is resolved on each date by one
 * function (`legalCapOn`) for every consumer: 4 × 3.10 % = 12.40 % until 2025-05-19, 4 × 3.00 % = 12.00 %
 * from 2025-05-20. Pure: parsing, resolution, the decision's clamp, the facility guard, the reviewers'
 * authority, the drawdown's all-in cap and the settings check across the LPR's change date.
 */

const date = parseLocalDate;

function issueOf(work: () => unknown): { field: string; rule: string; message: string } | undefined {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error.issues[0];
    throw error;
  }
  return undefined;
}

const product = (maxApr: string, effectiveFrom = '2025-01-01') => ({
  code: 'cash_loan',
  type: 'cash_loan',
  effectiveFrom,
  name: { zh: '现金借款', en: 'Cash loan' },
  minLimit: '100000',
  maxLimit: '20000000',
  minApr: '0.073',
  maxApr,
  terms: [3, 6, 12],
  firstLimitCap: '500000',
  requiredVerificationLevel: 3,
  minAge: 18,
  maxAge: 60,
});

const FOUR_LPR = { effectiveFrom: '2025-01-01', lprMultiple: '4', basis: '4 × LPR' };
const settings = parseLendingSettings({ products: [product('0.12')], legalRateCaps: [FOUR_LPR] });
const caps = settings.legalRateCaps;

describe('a legal cap entry is a fixed rate or a multiple of the one-year LPR, exactly one', () => {
  it('reads both forms exactly', () => {
    expect(parseLegalRateCap({ effectiveFrom: '2020-08-20', annualRate: '0.24', basis: 'b' })).toEqual({
      effectiveFrom: '2020-08-20',
      annualRate: parseRate('0.24'),
      basis: 'b',
    });
    expect(parseLegalRateCap({ effectiveFrom: '2025-01-01', lprMultiple: '3.5', basis: 'b' })).toEqual({
      effectiveFrom: '2025-01-01',
      lprMultiple: parseRate('3.5'),
      basis: 'b',
    });
  });

  it('refuses neither, both, a bad multiple, and a multiple before the first LPR, naming field and rule', () => {
    const at = (json: object) => issueOf(() => parseLegalRateCap(json, 'legalRateCaps[0]'));
    const base = { effectiveFrom: '2025-01-01', basis: 'b' };
    expect(at(base)).toMatchObject({ field: 'legalRateCaps[0].annualRate', rule: 'legal-cap-form' });
    expect(at({ ...base, annualRate: '0.24', lprMultiple: '4' })).toMatchObject({
      field: 'legalRateCaps[0].lprMultiple',
      rule: 'legal-cap-form',
    });
    for (const bad of ['four', '4%', '-4', '4e0', 4])
      expect(at({ ...base, lprMultiple: bad })).toMatchObject({
        field: 'legalRateCaps[0].lprMultiple',
        rule: 'decimal-multiple',
      });
    expect(at({ ...base, lprMultiple: '0' })).toMatchObject({
      field: 'legalRateCaps[0].lprMultiple',
      rule: 'positive',
    });
    expect(at({ ...base, effectiveFrom: '2019-08-19', lprMultiple: '4' })).toEqual({
      field: 'legalRateCaps[0].effectiveFrom',
      rule: 'lpr-in-force',
      message: 'a multiple of the one-year LPR needs an LPR in force: the first is of 2019-08-20',
    });
  });
});

describe('the cap in force on a date, resolved once for everyone', () => {
  it('is 4 × the LPR of that day: 12.40 % on 2025-05-19, 12.00 % on 2025-05-20, none before its date', () => {
    expect(toExactRateString(legalCapOn(caps, date('2025-05-19'))!.annualRate)).toBe('0.124');
    const cap = legalCapOn(caps, date('2025-05-20'))!;
    expect(toExactRateString(cap.annualRate)).toBe('0.12');
    expect(cap.lpr).toEqual(ONE_YEAR_LPR.at(-1));
    expect(legalCapOn(caps, date('2025-05-21'))).toBe(cap); // one object per rule and LPR value
    expect(legalCapOn(caps, date('2024-12-31'))).toBeUndefined();
  });

  it('clamps a decision at 21.9 % to the resolved figure', () => {
    const early = clampToLegalCap(parseRate('0.219'), caps, date('2025-05-19'));
    const late = clampToLegalCap(parseRate('0.219'), caps, date('2025-05-20'));
    expect([early.capped, toExactRateString(early.apr)]).toEqual([true, '0.124']);
    expect([late.capped, toExactRateString(late.apr)]).toEqual([true, '0.12']);
  });

  it('refuses a facility at 12.20 % from 2025-05-20 (facility guard) and an overturn at 12.20 % (reviewer authority), naming the rule', () => {
    const facility: Facility = {
      id: 'fac_01JD3ZK6Q8W4M2X9T7B5N1R0AE',
      customerId: 'cus_01JD3ZK6Q8W4M2X9T7B5N1R0AE',
      product: 'cash-loan',
      status: 'active',
      limit: fen(1_000_000n),
      used: fen(0n),
      apr: parseRate('0.122'),
      decisionId: 'dec_01JD3ZK6Q8W4M2X9T7B5N1R0AE',
      statusReason: null,
      version: 1,
      openedAt: new Date(0),
      updatedAt: new Date(0),
    };
    const lenient = parseLendingSettings({ products: [product('0.13')], legalRateCaps: [FOUR_LPR] });
    const on = (day: string) =>
      facilityTermsIssues(facility, termsInForceOf(lenient, 'cash_loan', date(day)), date(day));
    expect(on('2025-05-19')).toEqual([]);
    expect(on('2025-05-20')).toEqual([
      {
        field: 'facility.apr',
        rule: 'legal-cap',
        message:
          "the facility's rate 12.20% is above the legal cap of 4 × the one-year LPR 3.00% = 12.00% in force since 2025-01-01",
      },
    ]);
    const overturn = (day: string) =>
      issueOf(() =>
        checkOverrideAuthority(
          { limit: fen(1_000_000n), apr: parseRate('0.122') },
          { product: lenient.products[0]!.product, legalRateCaps: lenient.legalRateCaps, date: date(day) },
          fen(5_000_000n),
        ),
      );
    expect(overturn('2025-05-19')).toBeUndefined();
    expect(overturn('2025-05-20')).toEqual({
      field: 'apr',
      rule: 'legal-cap',
      message:
        'the rate may not exceed the legal cap of 4 × the one-year LPR 3.00% = 12.00% in force since 2025-01-01',
    });
  });

  it("gives drawdowns and conversions the cap as an LPR rule, described as the core's describeCap does", () => {
    const { costCap } = costCapInForce(termsInForceOf(settings, 'cash_loan', date('2025-05-20')));
    expect(costCap && describeCap(costCap)).toBe(
      '4 × the one-year LPR 3.00% = 12.00% (in force since 2025-01-01; LPR of 2025-05-20)',
    );
    expect(costCap?.rule.kind).toBe('lpr-multiple');
  });
});

describe('settings checks across an LPR change date', () => {
  const empty: LendingSettings = { products: [], legalRateCaps: [], riskAppetite: [], assignments: [] };

  it('refuses a product at 12.40 % from 2025-01-01 (lawful until 2025-05-19), naming the date and figures', () => {
    const incoming = parseLendingSettings({ products: [product('0.124')] });
    expect(settingsCostCapIssues(incoming, { ...empty, legalRateCaps: caps })).toEqual([
      {
        field: 'products[0].maxApr',
        rule: 'legal-cap',
        message:
          'cash_loan from 2025-01-01 offers up to 12.40%, above the legal cap of 4 × the one-year LPR 3.00% = 12.00% in force on 2025-05-20 (cap from 2025-01-01, LPR of 2025-05-20)',
      },
    ]);
  });

  it('accepts it when the product is replaced before the cut (its life ends 2025-05-20)', () => {
    const incoming = parseLendingSettings({
      products: [product('0.124'), product('0.12', '2025-05-20')],
    });
    expect(settingsCostCapIssues(incoming, { ...empty, legalRateCaps: caps })).toEqual([]);
  });
});

describe('property: settings the check accepts keep every product within the cap on every day of its life', () => {
  it('holds for random products and caps (fixed or multiples of the LPR) around the LPR cuts of 2024-2025', () => {
    // Dates anywhere in 2024-2026, or within 30 days of an LPR cut; rates anywhere, or near 3.5-4.5 × LPR.
    const epoch = (text: string) => toEpochDay(date(text));
    const day = fc
      .oneof(
        fc.integer({ min: epoch('2024-01-01'), max: epoch('2026-06-30') }),
        fc
          .tuple(fc.constantFrom('2024-07-22', '2024-10-21', '2025-05-20'), fc.integer({ min: -30, max: 30 }))
          .map(([cut, offset]) => epoch(cut) + offset),
      )
      .map(fromEpochDay);
    const rateText = fc
      .oneof(fc.integer({ min: 1000, max: 2400 }), fc.integer({ min: 1040, max: 1520 }))
      .map((bp) => `0.${String(bp).padStart(4, '0')}`);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(day, rateText), { minLength: 1, maxLength: 3, selector: ([from]) => from }),
        fc.uniqueArray(
          fc.tuple(
            day,
            fc.oneof(
              rateText.map((annualRate) => ({ annualRate })),
              fc.constantFrom('3.5', '4', '4.5').map((lprMultiple) => ({ lprMultiple })),
            ),
          ),
          { minLength: 1, maxLength: 3, selector: ([from]) => from },
        ),
        (productRows, capRows) => {
          const incoming = parseLendingSettings({
            products: productRows.map(([effectiveFrom, maxApr]) => ({
              ...product(maxApr, effectiveFrom),
              minApr: '0',
            })),
            legalRateCaps: capRows.map(([effectiveFrom, form]) => ({ effectiveFrom, ...form, basis: 'b' })),
          });
          const empty: LendingSettings = {
            products: [],
            legalRateCaps: [],
            riskAppetite: [],
            assignments: [],
          };
          if (settingsCostCapIssues(incoming, empty).length > 0) return;
          // Accepted: walk every day to 2026-12-31; the product in force that day is within the cap then.
          for (
            let epoch = toEpochDay(date('2024-01-01'));
            epoch <= toEpochDay(date('2026-12-31'));
            epoch += 1
          ) {
            const today = fromEpochDay(epoch);
            const entry = productOn(incoming.products, 'cash_loan', today);
            const cap = legalCapOn(incoming.legalRateCaps, today);
            if (entry && cap)
              expect(compareRate(entry.product.maxApr, cap.annualRate)).toBeLessThanOrEqual(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
