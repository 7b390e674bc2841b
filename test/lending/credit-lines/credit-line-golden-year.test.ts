import { describe, expect, it } from 'vitest';
import { contractBalances, verifyLedger } from '../../../src/ledger/ledger.pg.ts';
import type { Money } from '../../../src/platform/money/money.ts';
import { storesUnderTest } from '../../support/stores.ts';
import {
  GOLDEN_END,
  GOLDEN_FEE_INCOME,
  GOLDEN_INTEREST_INCOME,
  GOLDEN_OPENED_ON,
  GOLDEN_STATEMENTS,
  GOLDEN_STEPS,
} from './golden-year.ts';
import { planIdsOf, statementsAgainstLedger } from './ledger-check.ts';
import { lineWorld } from './support.ts';

/**
 * The golden year (see golden-year.ts) through the services on the database: each day's batch the night
 * before, each command on its day. Every statement, the books and the limit are checked to the fen.
 */
describe.each(storesUnderTest())('golden credit-line year through the services ($name)', (store) => {
  it('cuts the hand-worked statements, keeps them equal to the ledger and ends with ¥68.03 interest, ¥168 fees', async () => {
    const world = await lineWorld(store, { start: GOLDEN_OPENED_ON });
    const { customerId, lineId } = await world.customerWithLine(2_000_000n);
    const purchases = new Map<string, string>();
    const used: Record<string, bigint> = {};
    for (const [index, step] of GOLDEN_STEPS.entries()) {
      world.today(step.date);
      await world.nightly();
      const key = `step-${index}`;
      switch (step.kind) {
        case 'purchase': {
          const result = await world.lines.purchase({
            lineId,
            amount: step.amount as Money,
            description: `shop ${step.name}`,
            idempotencyKey: key,
          });
          if (result.outcome !== 'made') throw new Error(`purchase ${step.name} declined`);
          purchases.set(step.name, result.receipt.purchaseId);
          break;
        }
        case 'payment':
          await world.lines.pay({ lineId, amount: step.amount as Money, idempotencyKey: key });
          break;
        case 'refund':
          await world.lines.refund({
            lineId,
            purchaseId: purchases.get(step.of) ?? '',
            amount: step.amount as Money,
            idempotencyKey: key,
          });
          break;
        case 'convert-statement': {
          const offer = await world.lines.conversionOffer({
            lineId,
            source: { statementSeq: step.statementSeq },
            term: step.term,
          });
          expect(offer.amount).toBe(400_000n);
          expect(offer.feePerPeriod).toBe(2_800n);
          expect(offer.aprByIrr).toBeCloseTo(0.1428, 3); // 0.70 % a month flat over 6 months ≈ 14.3 % a year
          await world.lines.convert({
            lineId,
            source: { statementSeq: step.statementSeq },
            term: step.term,
            idempotencyKey: key,
          });
          break;
        }
      }
      used[step.date] = (await world.facilities.getFacility(customerId, 'credit-line'))?.used ?? -1n;
    }
    world.today('2027-01-12');
    await world.nightly();

    const statements = await world.lines.statements(lineId);
    expect(statements.map(({ instalments: _i, ...figures }) => figures)).toEqual(GOLDEN_STATEMENTS);
    expect(await statementsAgainstLedger(world.db, customerId, lineId, statements)).toEqual([]);

    // The limit in use follows principal owed: purchases take it, principal repaid gives it back; a
    // conversion moves principal into the plan without changing it.
    expect(used['2026-01-20']).toBe(200_000n);
    expect(used['2026-02-08']).toBe(0n);
    expect(used['2026-04-18']).toBe(34_500n + 400_000n);
    expect(used['2026-05-05']).toBe(434_500n);
    expect(used['2026-05-10']).toBe(400_000n);
    expect(used['2026-06-12']).toBe(400_000n - 66_667n);

    const view = await world.lines.getLine(lineId);
    expect(view.asOf).toBe(GOLDEN_END);
    expect(view.facility.used).toBe(0n);
    expect(view.daysPastDue).toBe(0);
    expect(view.onTimeCycles).toBe(10); // 11 statements with a minimum, statement 3's was missed
    expect(await contractBalances(world.db, customerId, lineId)).toEqual({
      funding: GOLDEN_INTEREST_INCOME,
      interest_income: GOLDEN_INTEREST_INCOME,
    });
    const [planId] = await planIdsOf(world.db, customerId, lineId);
    expect(await contractBalances(world.db, customerId, planId ?? '')).toEqual({
      funding: GOLDEN_FEE_INCOME,
      fee_income: GOLDEN_FEE_INCOME,
    });
    expect((await verifyLedger(world.db)).ok).toBe(true);

    // Running the batch again changes nothing.
    const again = await world.dayEnd.run({ through: GOLDEN_END as never });
    expect(again.upToDate).toBe(true);
  });
});
