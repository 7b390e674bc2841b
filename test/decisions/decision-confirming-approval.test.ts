import { afterAll, describe, expect, it } from 'vitest';
import { insertDecisionConfirmingTerms } from '../../src/decisions/decisions.pg.ts';
import { facilityHistory } from '../../src/lending/facilities/facility.pg.ts';
import { createFacilityWriter } from '../../src/lending/facilities/facility-writer.pg.ts';
import { storesUnderTest } from '../support/stores.ts';
import { decisionTestApp, type DecisionTestApp } from './support.ts';
import { pgBooks } from '../support/books.ts';

/**
 * An approval that leaves the customer's facility as it stands (active, same limit, same rate) is recorded
 * in one conditional statement and does not touch the facility; one that finds the facility changed since
 * it was read — or frozen — goes through the transaction that applies approvals, as before.
 */
const apps: DecisionTestApp[] = [];
afterAll(async () => {
  for (const t of apps) await t.app.stop();
});

describe.each(storesUnderTest())('decision-confirming-approval ($name)', (store) => {
  it('confirms standing terms without a write to the facility, and applies changed ones', async () => {
    const t = await decisionTestApp({ store });
    apps.push(t);
    const { decisions, facilities } = t.app.services;
    const customerId = t.personas.get('clean_approval');
    if (!customerId) throw new Error('clean_approval not seeded');

    const first = await decisions.decide({ customerId, productCode: 'cash_loan' });
    expect([first.outcome, first.facilityChange]).toEqual(['approved', 'opened']);
    const opened = await facilities.getFacility(customerId, 'cash-loan');
    expect(opened).toMatchObject({ version: 1, decisionId: first.id, limit: first.limit });

    t.clock.advanceMs(60_000);
    const again = await decisions.decide({ customerId, productCode: 'cash_loan' });
    expect([again.outcome, again.facilityChange, again.limit]).toEqual([
      'approved',
      'unchanged',
      first.limit,
    ]);
    // The facility keeps the decision that set its terms; the confirming decision is on record.
    expect(await facilities.getFacility(customerId, 'cash-loan')).toMatchObject({
      version: 1,
      decisionId: first.id,
    });
    expect(await decisions.get(again.id)).toMatchObject({ facilityChange: 'unchanged' });
    const changes = await facilityHistory(t.app.db, customerId, opened?.id ?? '');
    expect(changes.map((c) => c.change)).toEqual(['open']);

    // Frozen: the approval goes through the transaction, which reactivates and records the change.
    await facilities.freezeFacility({ customerId, product: 'cash-loan', reason: 'test' });
    t.clock.advanceMs(60_000);
    const afterFreeze = await decisions.decide({ customerId, productCode: 'cash_loan' });
    expect(afterFreeze.outcome).toBe('approved');
    const facility = await facilities.getFacility(customerId, 'cash-loan');
    expect(facility?.decisionId).toBe(afterFreeze.id);
    expect(facility?.version).toBeGreaterThan(2);
  });

  it('writes nothing when the facility no longer has the terms read (changed in between)', async () => {
    const t = await decisionTestApp({ store });
    apps.push(t);
    const { decisions, facilities } = t.app.services;
    const customerId = t.personas.get('clean_approval');
    if (!customerId) throw new Error('clean_approval not seeded');
    const first = await decisions.decide({ customerId, productCode: 'cash_loan' });
    // Another decision lowers the limit between this one's read and its write: stand in for the read by
    // a port that returns the facility as it was.
    const stale = await facilities.getFacility(customerId, 'cash-loan');
    if (!stale) throw new Error('no facility');
    await facilities.openOrAdjustFacility({
      customerId,
      product: 'cash-loan',
      limit: 100_000n as never,
      apr: stale.apr,
      decisionId: 'dec_01KYYYYYYYYYYYYYYYYYYYYYYY',
      reason: 'lowered meanwhile',
    });
    const record = { ...(await decisions.get(first.id)), id: 'dec_01KZZZZZZZZZZZZZZZZZZZZZZZ' };
    const lending = createFacilityWriter({ ...pgBooks(), clock: t.clock, ids: t.app.ids });
    const wrote = await insertDecisionConfirmingTerms(
      t.app.db,
      record,
      { product: 'cash-loan', apr: stale.apr },
      lending,
    );
    expect(wrote).toBe(false);
    await expect(decisions.get(record.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // A record that confirms the terms as they now stand is written.
    const current = { ...record, limit: 100_000n as never };
    expect(
      await insertDecisionConfirmingTerms(
        t.app.db,
        current,
        { product: 'cash-loan', apr: stale.apr },
        lending,
      ),
    ).toBe(true);
    expect((await decisions.get(record.id)).limit).toBe(100_000n);
  });
});
