import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../src/platform/errors/app-error.ts';
import type { Money } from '../../../src/platform/money/money.ts';
import { parseRate } from '../../../src/platform/money/rate.ts';
import { DEFAULT_CREDIT_LINE_PRODUCT } from '../../../src/lending/credit-lines/line-terms.ts';
import { storesUnderTest } from '../../support/stores.ts';
import { lineWorld, snapshotLineRows } from './support.ts';

/**
 * Issue 15, item 1 on the database, for credit-line conversions: a fee whose IRR is above the 24 % cap in
 * force (the test settings' cap) is refused on the offer and on the conversion, naming `term` and the rule,
 * and the conversion writes nothing; a fee within it converts (docs/credit-lines.md).
 */
describe.each(storesUnderTest())('all-in cost cap on conversions ($name)', (store) => {
  it('refuses 3 % a month over 3 months (≈ 53 % by IRR) on offer and convert, writing nothing; converts 0.70 % over 6', async () => {
    const world = await lineWorld(store, {
      start: '2026-03-02',
      product: {
        conversion: {
          ...DEFAULT_CREDIT_LINE_PRODUCT.conversion,
          feeRates: { ...DEFAULT_CREDIT_LINE_PRODUCT.conversion.feeRates, 3: parseRate('0.03') },
        },
      },
    });
    const { lineId } = await world.customerWithLine(1_000_000n);
    const bought = await world.lines.purchase({
      lineId,
      amount: 300_000n as Money,
      description: 'a phone',
      idempotencyKey: 'buy',
    });
    if (bought.outcome !== 'made') throw new Error('purchase declined');
    const source = { purchaseId: bought.receipt.purchaseId };
    const expected = [
      {
        field: 'term',
        rule: 'all-in-cost-cap',
        message:
          'converting 3000.00 over 3 periods at 3.00% a period: its all-in annualised cost (interest and fees, by IRR) is above the legal cap of 24.00% (in force since 2020-08-20)',
      },
    ];
    const refusal = (work: Promise<unknown>) =>
      work.then(
        () => undefined,
        (error: unknown) => (isAppError(error) ? error.issues : error),
      );

    expect(await refusal(world.lines.conversionOffer({ lineId, source, term: 3 }))).toEqual(expected);
    const before = await snapshotLineRows(world.db);
    expect(await refusal(world.lines.convert({ lineId, source, term: 3, idempotencyKey: 'c3' }))).toEqual(
      expected,
    );
    expect(await snapshotLineRows(world.db)).toBe(before);

    const offer = await world.lines.conversionOffer({ lineId, source, term: 6 });
    expect(offer.feePerPeriod).toBe(2_100n); // 0.70 % of 3,000.00 a month, ≈ 14.3 % a year by IRR
    const converted = await world.lines.convert({ lineId, source, term: 6, idempotencyKey: 'c6' });
    expect(converted.receipt.offer.term).toBe(6);
  });
});
