import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/platform/errors/app-error.ts';
import { createIdGenerator, seededRandomBytes } from '../../src/platform/ids/ids.ts';
import { toExactRateString } from '../../src/platform/money/rate.ts';
import { ManualClock } from '../../src/platform/time/clock.ts';
import { parseLocalDate } from '../../src/platform/time/local-date.ts';
import { createChangeService } from '../../src/policy/change-service.ts';
import { createPolicyService } from '../../src/policy/policy-service.ts';
import { describeLegalCapRate, legalCapOn, legalRateCapToJson } from '../../src/policy/products.ts';
import { storesUnderTest } from '../support/stores.ts';

/**
 * Issue 15, item 1: a legal cap written as 4 × the one-year LPR in the lending settings, on the database.
 * It is stored and read back as written, resolved against the LPR of each day (3.10 % until 2025-05-19,
 * 3.00 % from 2025-05-20), checked against the products over the LPR's change dates, and its four-eyes
 * change request says "4 × LPR".
 */

const date = parseLocalDate;

async function faultOf(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('no fault');
}

const cashLoan = (maxApr: string) => ({
  code: 'cash_loan',
  type: 'cash_loan',
  effectiveFrom: '2024-01-01',
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

const CAPS = [
  { effectiveFrom: '2020-08-20', annualRate: '0.24', basis: 'fixed 24 %' },
  { effectiveFrom: '2025-01-01', lprMultiple: '4', basis: '4 × the one-year LPR (SPC 2020 rule)' },
];

for (const store of storesUnderTest()) {
  describe(`a legal cap of 4 × the one-year LPR in the lending settings on ${store.name}`, () => {
    it('refuses 12.40 % across the LPR cut of 2025-05-20, stores 12 % and the multiple exactly, and queues "4.5 × LPR" for a second person', async () => {
      const db = await store.fresh();
      const clock = new ManualClock(new Date('2026-11-22T02:00:00Z'));
      const ids = createIdGenerator(clock, seededRandomBytes(7));
      const policies = createPolicyService({ db, clock, ids, cacheMs: 0 });
      const changes = createChangeService({
        db,
        clock,
        ids,
        policies,
        models: {
          status: () => Promise.reject(new Error('no models here')),
          activate: () => Promise.reject(new Error('no models here')),
          forget: () => undefined,
        },
      });
      const maker = { id: 'key_maker', name: 'first analyst' };

      // Given a product at 12.40 %: lawful under 4 × 3.10 % = 12.40 % until 2025-05-19, not from 2025-05-20.
      const refused = await faultOf(() =>
        changes.submitSettingsDocument({ products: [cashLoan('0.124')], legalRateCaps: CAPS }, maker),
      );
      expect(refused.issues).toEqual([
        {
          field: 'products[0].maxApr',
          rule: 'legal-cap',
          message:
            'cash_loan from 2024-01-01 offers up to 12.40%, above the legal cap of 4 × the one-year LPR 3.00% = 12.00% in force on 2025-05-20 (cap from 2025-01-01, LPR of 2025-05-20)',
        },
        // Both entries are incoming, so the cap that would be broken is named too.
        {
          field: 'legalRateCaps[1].lprMultiple',
          rule: 'legal-cap',
          message:
            'cash_loan from 2024-01-01 offers up to 12.40%, above the legal cap of 4 × the one-year LPR 3.00% = 12.00% in force on 2025-05-20 (cap from 2025-01-01, LPR of 2025-05-20)',
        },
      ]);
      expect((await policies.settings()).legalRateCaps).toEqual([]);

      // At 12 % it loads (the bootstrap), and reads back as written.
      const loaded = await changes.submitSettingsDocument(
        { products: [cashLoan('0.12')], legalRateCaps: CAPS },
        maker,
      );
      expect(loaded.loaded?.legalRateCaps.length).toBe(2);
      const stored = await policies.settings();
      expect(stored.legalRateCaps.map(legalRateCapToJson)).toEqual(CAPS);
      const before = legalCapOn(stored.legalRateCaps, date('2025-05-19'));
      const after = legalCapOn(stored.legalRateCaps, date('2025-05-20'));
      expect(toExactRateString(before?.annualRate ?? { num: 0n, den: 1n })).toBe('0.124');
      expect(toExactRateString(after?.annualRate ?? { num: 0n, den: 1n })).toBe('0.12');
      expect(after && describeLegalCapRate(after)).toBe('4 × the one-year LPR 3.00% = 12.00%');
      expect(toExactRateString(legalCapOn(stored.legalRateCaps, date('2024-12-31'))!.annualRate)).toBe(
        '0.24',
      );

      // A lower multiple would put the product above the cap: refused naming the multiple.
      const lower = await faultOf(() =>
        changes.submitSettingsChange(
          {
            kind: 'legalRateCaps',
            effectiveFrom: date('2026-12-01'),
            setting: { lprMultiple: '3.5', basis: 'tighter' },
          },
          maker,
        ),
      );
      expect(lower.issues).toEqual([
        {
          field: 'legalRateCaps[0].lprMultiple',
          rule: 'legal-cap',
          message:
            'cash_loan from 2024-01-01 offers up to 12.00%, above the legal cap of 3.5 × the one-year LPR 3.00% = 10.50% in force on 2026-12-01 (cap from 2026-12-01, LPR of 2025-05-20)',
        },
      ]);

      // A higher one is a four-eyes change request whose summary names the multiple.
      const change = await changes.submitSettingsChange(
        {
          kind: 'legalRateCaps',
          effectiveFrom: date('2026-12-01'),
          setting: { lprMultiple: '4.5', basis: 'looser' },
        },
        maker,
      );
      expect(change.status).toBe('pending');
      expect(change.summary).toBe('legal rate cap 4.5 × LPR from 2026-12-01');
      expect((await policies.settings()).legalRateCaps.length).toBe(2);
      await changes.approve(change.id, { id: 'key_checker', name: 'second analyst' });
      const approved = await policies.settings();
      expect(approved.legalRateCaps.map(legalRateCapToJson).at(-1)).toEqual({
        effectiveFrom: '2026-12-01',
        lprMultiple: '4.5',
        basis: 'looser',
      });
      expect(toExactRateString(legalCapOn(approved.legalRateCaps, date('2026-12-01'))!.annualRate)).toBe(
        '0.135',
      );

      // The table holds exactly one of the two forms.
      for (const [annualRate, lprMultiple] of [
        [null, null],
        ['0.24', '4'],
      ]) {
        const wrote = await db
          .query(
            `insert into legal_rate_caps (effective_from, annual_rate, lpr_multiple, basis, loaded_at)
             values ('2030-01-01', $1, $2, 'x', now())`,
            [annualRate, lprMultiple],
          )
          .then(
            () => 'written',
            (error: unknown) => String(error),
          );
        expect(wrote).toMatch(/legal_rate_caps_one_form/);
      }
    });
  });
}
