import { describe, expect, it } from 'vitest';
import type { Money } from '../../src/platform/money/money.ts';
import { storesUnderTest } from '../support/stores.ts';
import { collectionsWorld, collector } from './support.ts';

/**
 * A credit line (statement day 1, due on the 10th) opened 2026-01-15 with a ¥2,000.00 purchase: the
 * statement of 1 Feb is due 10 Feb; its minimum unpaid, the day-end opens a case on 11 Feb (product
 * credit_line, M1, what is unpaid on the statement past due), and closes it, cured, the night the
 * customer pays the minimum; when that payment is charged back (reversed), the line is past due again and
 * the next night opens a new case.
 */
describe.each(storesUnderTest())('a collection case follows a late credit line ($name)', (store) => {
  it('opens on the day after the due date whose minimum was missed, closes cured when it is paid', async () => {
    const world = await collectionsWorld(store, { start: '2026-01-15' });
    const { customerId, lineId } = await world.line(1_000_000n);
    const bought = await world.lines.purchase({
      lineId,
      amount: 200_000n as Money,
      description: 'a bicycle',
      idempotencyKey: 'buy-1',
    });
    expect(bought.outcome).toBe('made');

    await world.nightsThrough('2026-02-11'); // the night of 10 Feb: the due date itself, nothing past due yet
    expect((await world.db.query('select id from collection_cases')).rows).toHaveLength(0);
    await world.nightsThrough('2026-02-12'); // the night of 11 Feb: 1 day past due
    const [opened] = await world.collections.queue({ by: collector() });
    expect(opened).toMatchObject({
      customerId,
      accountId: lineId,
      product: 'credit_line',
      openedOn: '2026-02-11',
      bucket: 'M1',
      daysPastDue: 1,
      oldestDueDate: '2026-02-10',
    });
    // Everything unpaid on the statement due 10 Feb: the ¥2,000.00 purchase (the interest of a statement not
    // paid in full is billed on the next one).
    expect(opened!.amountPastDue).toBe(200_000n);

    // The customer pays ¥300.00 (more than the minimum of ¥200.00 plus interest) on 12 Feb.
    world.today('2026-02-12');
    await world.lines.pay({ lineId, amount: 30_000n as Money, idempotencyKey: 'pay-1' });
    await world.nightsThrough('2026-02-13');
    const file = await world.collections.getCase(opened!.id);
    expect(file.case).toMatchObject({ status: 'closed', closedOn: '2026-02-12', closeReason: 'cured' });
    expect(file.history.map((e) => [e.kind, e.businessDate])).toEqual([
      ['opened', '2026-02-11'],
      ['closed', '2026-02-12'],
    ]);

    // On 13 Feb the ¥300.00 is charged back: the line is restated as if it had never been paid, so it is
    // past due again since 10 Feb, and the night of 13 Feb opens a new case (the closed one stays closed).
    world.today('2026-02-13');
    await world.lines.reversePayment({
      lineId,
      paymentSeq: 2,
      reason: 'chargeback',
      idempotencyKey: 'rev-1',
    });
    await world.nightsThrough('2026-02-14');
    const [reopened] = await world.collections.queue({ by: collector() });
    expect(reopened).toMatchObject({
      accountId: lineId,
      openedOn: '2026-02-13',
      bucket: 'M1',
      daysPastDue: 3,
      oldestDueDate: '2026-02-10',
    });
    expect(reopened!.id).not.toBe(opened!.id);
    expect(reopened!.amountPastDue).toBe(200_000n);
  });
});
