import { describe, expect, it } from 'vitest';
import type { ContactRequest } from '../../src/collections/record-collection-contact.ts';
import { isAppError } from '../../src/platform/errors/app-error.ts';
import type { Money } from '../../src/platform/money/money.ts';
import type { LocalDate } from '../../src/platform/time/local-date.ts';
import { storesUnderTest } from '../support/stores.ts';
import { collectionsWorld, collector } from './support.ts';

/** The rule an AppError names, as `field/rule`. */
async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (isAppError(error))
      return `${error.code} ${error.issues.map((i) => `${i.field}/${i.rule}`).join(',')}`;
    throw error;
  }
  throw new Error('expected a refusal');
}

const shanghai = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);

/**
 * Two late loans drawn 2026-01-15 (first due 2026-02-15): collectors claim them from the queue, log
 * contacts within the permitted hours and caps, and record promises to pay; the day-end keeps the one the
 * customer paid and breaks the other, raising its case's priority without messaging the customer.
 */
describe.each(storesUnderTest())('collectors work the queue ($name)', (store) => {
  it('claims in queue order, refuses contacts outside the rules, keeps and breaks promises by itself', async () => {
    const world = await collectionsWorld(store, { start: '2026-01-15' });
    const { db, collections } = world;
    const small = await world.loan(1_000_000n);
    const large = await world.loan(2_000_000n);
    await world.nightsThrough('2026-02-20');
    const cara = collector('cara', 'key_cara');
    const dan = collector('dan', 'key_dan');

    // Queue order: same bucket and priority, the larger amount past due first.
    const queue = await collections.queue({ by: cara });
    expect(queue.map((c) => [c.accountId, c.bucket, c.priority, c.daysPastDue])).toEqual([
      [large.loanId, 'M1', 1, 4],
      [small.loanId, 'M1', 1, 4],
    ]);
    const [largeCase, smallCase] = queue;

    // Only collectors (and admins) work cases.
    expect(await refusal(collections.queue({ by: { keyId: 'key_r', name: 'rita', role: 'reviewer' } }))).toBe(
      'FORBIDDEN role/collector',
    );

    world.today(shanghai('2026-02-20', '10:00'));
    expect((await collections.claimNext(cara))?.id).toBe(largeCase!.id);
    expect((await collections.claimNext(dan))?.id).toBe(smallCase!.id);
    expect(await collections.claimNext(dan)).toBeUndefined();
    expect(await refusal(collections.claim(smallCase!.id, cara))).toBe('CONFLICT claim/held-by-another');
    expect((await collections.queue({ by: cara, view: 'mine' })).map((c) => c.id)).toEqual([largeCase!.id]);

    const call = (over: Partial<ContactRequest> & { idempotencyKey: string }): ContactRequest => ({
      caseId: largeCase!.id,
      by: cara,
      channel: 'call',
      outcome: 'no-answer',
      ...over,
    });
    const rows = async () => (await db.query('select id from collection_contacts')).rows.length;

    // Outside the permitted hours (21:30 Shanghai), another party, another collector's case: refused,
    // nothing written.
    expect(
      await refusal(
        collections.contact(call({ idempotencyKey: 'k0', contactedAt: shanghai('2026-02-19', '21:30') })),
      ),
    ).toBe('VALIDATION_FAILED contactedAt/contact-hours');
    expect(
      await refusal(
        collections.contact(call({ idempotencyKey: 'k0', contactedAt: shanghai('2026-02-20', '07:59') })),
      ),
    ).toBe('VALIDATION_FAILED contactedAt/contact-hours');
    expect(await refusal(collections.contact(call({ idempotencyKey: 'k0', party: 'employer' })))).toBe(
      'VALIDATION_FAILED party/customer-only',
    );
    expect(await refusal(collections.contact(call({ idempotencyKey: 'k0', caseId: smallCase!.id })))).toBe(
      'CONFLICT claim/held-by-you',
    );
    expect(await rows()).toBe(0);

    // Three contacts a day (08:00 is inside), the fourth refused; the same key again is the same contact.
    const first = await collections.contact(
      call({ idempotencyKey: 'k1', contactedAt: shanghai('2026-02-20', '08:00') }),
    );
    expect(first.replayed).toBe(false);
    const again = await collections.contact(
      call({ idempotencyKey: 'k1', contactedAt: shanghai('2026-02-20', '08:00') }),
    );
    expect(again).toMatchObject({ replayed: true, contact: { id: first.contact.id } });
    expect(await refusal(collections.contact(call({ idempotencyKey: 'k1', outcome: 'refused' })))).toBe(
      'IDEMPOTENCY_MISMATCH idempotencyKey/same-request',
    );
    await collections.contact(call({ idempotencyKey: 'k2', note: 'called his mobile 13812345678' }));

    // A promise: at most what is past due, within 14 days, then one pending at a time.
    const past = largeCase!.amountPastDue;
    const promise = (amount: bigint, date: string, key: string) =>
      collections.contact(
        call({
          idempotencyKey: key,
          outcome: 'promise',
          promise: { amount: amount as Money, date: date as LocalDate },
        }),
      );
    expect(await refusal(promise(past + 1n, '2026-02-25', 'p0'))).toBe(
      'VALIDATION_FAILED amount/within-past-due',
    );
    expect(await refusal(promise(50_000n, '2026-03-07', 'p0'))).toBe(
      'VALIDATION_FAILED date/within-max-days',
    );
    expect(await refusal(promise(50_000n, '2026-02-19', 'p0'))).toBe(
      'VALIDATION_FAILED date/not-before-today',
    );
    const promised = await promise(50_000n, '2026-02-25', 'p1');
    expect(promised.promise).toMatchObject({
      status: 'pending',
      madeOn: '2026-02-20',
      dueDate: '2026-02-25',
      amount: 50_000n,
    });
    // That was the third contact of the day: the fourth is over the cap, whatever it is.
    expect(await refusal(promise(10_000n, '2026-02-26', 'p2'))).toBe(
      'VALIDATION_FAILED contactedAt/daily-cap',
    );
    world.today(shanghai('2026-02-21', '09:00'));
    await collections.claim(largeCase!.id, cara);
    expect(await refusal(promise(10_000n, '2026-02-26', 'p2'))).toBe('CONFLICT promise/one-pending');
    const file = await collections.getCase(largeCase!.id);
    expect(file.contacts.map((c) => [c.outcome, c.note])).toEqual([
      ['no-answer', null],
      ['no-answer', 'called his mobile 138****5678'],
      ['promise', null],
    ]);
    expect(file.history.map((e) => e.kind)).toEqual(['opened', 'promise-made']);

    // Dan's promise on the small loan: ¥400.00 by 23 Feb.
    world.today(shanghai('2026-02-21', '11:00'));
    await collections.claim(smallCase!.id, dan);
    await collections.contact({
      caseId: smallCase!.id,
      by: dan,
      channel: 'sms',
      outcome: 'promise',
      promise: { amount: 40_000n as Money, date: '2026-02-23' as LocalDate },
      idempotencyKey: 'd1',
    });

    // The large loan's customer pays ¥300.00 on 22 Feb and ¥300.00 on 24 Feb; the small one pays nothing.
    await world.nightsThrough('2026-02-22'); // nights of 20 and 21 Feb
    await world.loans.repay({
      loanId: large.loanId,
      amount: 30_000n as Money,
      intent: 'scheduled',
      idempotencyKey: 'a',
    });
    await world.nightsThrough('2026-02-24'); // nights of 22 and 23 Feb
    await world.loans.repay({
      loanId: large.loanId,
      amount: 30_000n as Money,
      intent: 'scheduled',
      idempotencyKey: 'b',
    });
    await world.nightsThrough('2026-02-25'); // night of 24 Feb

    const kept = await collections.getCase(largeCase!.id);
    expect(kept.promises).toMatchObject([{ status: 'kept', resolvedOn: '2026-02-24', paid: 60_000n }]);
    expect(kept.case).toMatchObject({ brokenPromises: 0, priority: 1 });
    const broken = await collections.getCase(smallCase!.id);
    expect(broken.promises).toMatchObject([{ status: 'broken', resolvedOn: '2026-02-23', paid: 0n }]);
    expect(broken.case).toMatchObject({ brokenPromises: 1, priority: 2 });
    expect(broken.history.map((e) => [e.kind, e.businessDate])).toEqual([
      ['opened', '2026-02-16'],
      ['promise-made', '2026-02-21'],
      ['promise-broken', '2026-02-23'],
    ]);
    // The broken promise raised the case above the larger one; the customer got no message for it: only
    // the reminders' overdue notices of days 1 and 7.
    expect((await collections.queue({ by: cara, view: 'all' })).map((c) => c.id)).toEqual([
      smallCase!.id,
      largeCase!.id,
    ]);
    const told = await world.notifications.list(small.customerId, { limit: 50 });
    expect(
      told
        .filter((m) => m.kind.startsWith('overdue') || m.kind === 'collections_notice')
        .map((m) => m.kind)
        .sort(),
    ).toEqual(['overdue_day_1', 'overdue_day_7']);

    // Claims lapse: Dan's claim (11:00 on 21 Feb, 30 minutes) is long gone; Cara may take the case.
    world.today(shanghai('2026-02-25', '10:00'));
    expect((await collections.claim(smallCase!.id, cara)).claimedBy).toEqual({
      id: 'key_cara',
      name: 'cara',
    });
    // Release is the holder's; a second release changes nothing.
    expect(await refusal(collections.release(smallCase!.id, dan))).toBe('CONFLICT claim/held-by-another');
    expect((await collections.release(smallCase!.id, cara)).claimedBy).toBeNull();
    expect((await collections.release(smallCase!.id, cara)).claimedBy).toBeNull();

    // Every staff action is in the audit log, refusals with their rule.
    const audit = await world.audit.list({ action: 'collections.*', limit: 500 });
    const actions = audit.items.map((e) => `${e.action} ${e.outcome}`);
    expect(actions.filter((a) => a === 'collections.contact ok')).toHaveLength(4);
    expect(
      audit.items
        .filter((e) => e.outcome === 'refused')
        .map((e) => e.details.rule)
        .sort(),
    ).toEqual([
      'contact-hours',
      'contact-hours',
      'customer-only',
      'daily-cap',
      'held-by-you',
      'not-before-today',
      'one-pending',
      'same-request',
      'within-max-days',
      'within-past-due',
    ]);
    expect(actions.filter((a) => a.startsWith('collections.claim'))).toHaveLength(5);
    expect(actions.filter((a) => a.startsWith('collections.release'))).toHaveLength(1);
  });
});
