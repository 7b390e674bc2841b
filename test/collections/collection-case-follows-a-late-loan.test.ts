import { describe, expect, it } from 'vitest';
import type { Money } from '../../src/platform/money/money.ts';
import type { LocalDate } from '../../src/platform/time/local-date.ts';
import { storesUnderTest } from '../support/stores.ts';
import { caseRows, collectionsWorld } from './support.ts';

/**
 * The golden loan (¥10,000 at 18 %, monthly basis, 12 instalments of ¥916.80, drawn 2026-01-15, first due
 * 2026-02-15) left unpaid: the day-end opens a case on the first day past due (M1), moves it to M2 on day
 * 31, sends the strategy's day-15 notice once (days 1, 7 and 30 are the reminders step's), and closes it
 * as cured the night after the customer pays what is past due. Reruns change nothing.
 */
describe.each(storesUnderTest())('a collection case follows a late loan ($name)', (store) => {
  it('opens in M1 on day 1, moves to M2 on day 31, closes cured after payment; once each', async () => {
    const world = await collectionsWorld(store, { start: '2026-01-15' });
    const { db } = world;
    const { customerId, loanId } = await world.loan(1_000_000n);

    await world.nightsThrough('2026-02-16'); // the night of 15 Feb: due that day, nothing past due yet
    expect((await db.query('select * from collection_cases')).rows).toHaveLength(0);

    await world.nightsThrough('2026-02-17'); // the night of 16 Feb: 1 day past due
    const [opened] = await world.collections.queue({ by: { keyId: 'key_a', name: 'a', role: 'collector' } });
    expect(opened).toMatchObject({
      accountId: loanId,
      customerId,
      product: 'cash_loan',
      status: 'open',
      openedOn: '2026-02-16',
      bucket: 'M1',
      daysPastDue: 1,
      oldestDueDate: '2026-02-15',
      priority: 1,
    });
    // The instalment and one day of penalty: 76,680 fen of principal × 24 % / 365 = 50.4 → 50 (the cap rounds down).
    expect(opened?.amountPastDue).toBe(91_730n);

    await world.nightsThrough('2026-03-18'); // the night of 17 Mar: day 30, still M1
    let file = await world.collections.getCase(opened!.id);
    expect(file.case).toMatchObject({ bucket: 'M1', daysPastDue: 30, observedThrough: '2026-03-17' });
    await world.nightsThrough('2026-03-19'); // the night of 18 Mar: day 31, M2
    file = await world.collections.getCase(opened!.id);
    expect(file.case).toMatchObject({ bucket: 'M2', daysPastDue: 31, priority: 2 });
    expect(file.history.map((e) => [e.kind, e.businessDate, e.fromBucket, e.toBucket])).toEqual([
      ['opened', '2026-02-16', null, 'M1'],
      ['bucket-changed', '2026-03-18', 'M1', 'M2'],
    ]);

    // Messages: the reminders step's overdue day 1, 7 and 30, and collections' own day 15 — one each.
    const messages = (await world.notifications.list(customerId, { limit: 100 })).reverse();
    const overdue = messages.filter((m) => m.kind.startsWith('overdue') || m.kind === 'collections_notice');
    expect(overdue.map((m) => [m.kind, m.occasion])).toEqual([
      ['overdue_day_1', '2026-02-15'],
      ['overdue_day_7', '2026-02-15'],
      ['collections_notice', 'notice-2026-02-15-15'],
      ['overdue_day_30', '2026-02-15'],
    ]);
    const notice = overdue[2]!;
    expect(notice.channel).toBe('sms');
    expect(notice.text.en).toMatch(
      /^Your loan due on 15 Feb 2026 is 15 days overdue: CNY 9\d\d\.\d\d is unpaid\. Paying the overdue amount brings your loan back up to date/,
    );
    expect(notice.text.zh).toMatch(
      /^您2026年2月15日到期的借款已逾期15天，逾期金额¥9\d\d\.\d\d。还清逾期金额后，借款即恢复正常/,
    );

    // A second run of the same night, and the collections step of that date run again by hand (as after a
    // crash before the run log marked it): nothing changes.
    const before = await caseRows(db);
    expect((await world.dayEnd.run({ through: '2026-03-18' as LocalDate })).upToDate).toBe(true);
    const step = world.processors[4]!;
    const items = await step.listBehind(db, '2026-03-18' as LocalDate, '', 100);
    expect(items.map((i) => i.id)).toEqual([loanId]);
    await db.transaction((tx) => step.advance(tx, items, '2026-03-18' as LocalDate));
    expect(await caseRows(db)).toBe(before);

    // The customer pays what is past due on 19 Mar; the night of 19 Mar closes the case, cured.
    world.today('2026-03-19');
    const owed = (await world.loans.getLoan(loanId)).instalments
      .filter((i) => i.dueDate < '2026-03-19')
      .reduce((sum, i) => sum + i.owed, 0n);
    // The view is as of the night of 18 Mar; the payment dated 19 Mar first accrues that day's penalty, so ¥100
    // more is paid (what is not owed is held for the customer).
    await world.loans.repay({
      loanId,
      amount: (owed + 10_000n) as Money,
      intent: 'scheduled',
      idempotencyKey: 'cure',
    });
    await world.nightsThrough('2026-03-20');
    file = await world.collections.getCase(opened!.id);
    expect(file.case).toMatchObject({
      status: 'closed',
      closedOn: '2026-03-19',
      closeReason: 'cured',
      bucket: 'M2',
    });
    expect(file.history.at(-1)).toMatchObject({ kind: 'closed', fromBucket: 'M2', toBucket: null });
    expect(await world.collections.queue({ by: { keyId: 'key_a', name: 'a', role: 'collector' } })).toEqual(
      [],
    );
    // Nothing tracks the loan any more: the step's pages skip it.
    expect(await step.listBehind(db, '2026-03-20' as LocalDate, '', 100)).toEqual([]);
  });
});
