import { describe, expect, it } from 'vitest';
import { createOutboxNotifier } from '../../src/appeals/outbox-notifier.ts';
import { createIdGenerator, seededRandomBytes } from '../../src/platform/ids/ids.ts';
import { createMemoryLogger } from '../../src/platform/logging/logger.ts';
import type { Money } from '../../src/platform/money/money.ts';
import { createSandboxChannel, type MessageDraft } from '../../src/platform/notifications/index.ts';
import { createNotifications } from '../../src/platform/notifications/notifications.ts';
import { ManualClock } from '../../src/platform/time/clock.ts';
import type { LocalDate } from '../../src/platform/time/local-date.ts';
import { storesUnderTest, type StoreUnderTest } from '../support/stores.ts';

/** Migration 0004 and the customer-message outbox: de-duplication, quiet hours, retries, give-up, paging. */

const reminder = (customerId: string, loanId: string, dueDate: string): MessageDraft => ({
  customerId,
  subjectId: loanId,
  occasion: dueDate,
  content: {
    kind: 'due_tomorrow',
    params: { product: 'loan', dueDate: dueDate as LocalDate, amountDue: 88_888n as Money },
  },
});

async function world(store: StoreUnderTest, start: string) {
  const db = await store.fresh();
  const clock = new ManualClock(new Date(start));
  const ids = createIdGenerator(clock, seededRandomBytes(15));
  const channel = createSandboxChannel();
  const notifications = createNotifications({ db, clock, ids, channel });
  return { db, clock, channel, notifications };
}

describe.each(storesUnderTest())('customer message outbox ($name)', (store) => {
  it('writes each (customer, kind, subject, occasion) once, and delivers it once', async () => {
    // 10:00 Shanghai: not quiet.
    const { db, channel, notifications } = await world(store, '2026-12-04T02:00:00Z');
    const drafts = [reminder('cus_a', 'ln_1', '2026-12-05'), reminder('cus_b', 'ln_2', '2026-12-05')];
    expect(await db.transaction((tx) => notifications.outbox.write(tx, drafts))).toBe(2);
    // The event re-run (same keys) writes nothing; a new occasion is a new message.
    expect(await db.transaction((tx) => notifications.outbox.write(tx, drafts))).toBe(0);
    expect(
      await db.transaction((tx) => notifications.outbox.write(tx, [reminder('cus_a', 'ln_1', '2027-01-05')])),
    ).toBe(1);
    // A transaction that rolls back leaves no message.
    await expect(
      db.transaction(async (tx) => {
        await notifications.outbox.write(tx, [reminder('cus_c', 'ln_3', '2026-12-05')]);
        throw new Error('the event failed');
      }),
    ).rejects.toThrow('the event failed');

    expect(await notifications.deliver()).toEqual({ delivered: 3, retrying: 0, failed: 0, deferred: 0 });
    expect(channel.sent.map((m) => [m.customerId, m.channel, m.kind])).toEqual([
      ['cus_a', 'sms', 'due_tomorrow'],
      ['cus_b', 'sms', 'due_tomorrow'],
      ['cus_a', 'sms', 'due_tomorrow'],
    ]);
    expect(channel.sent[0]?.text.zh).toContain('¥888.88');
    expect(await notifications.deliver()).toEqual({ delivered: 0, retrying: 0, failed: 0, deferred: 0 });

    const listed = await notifications.list('cus_a');
    expect(listed.map((m) => [m.occasion, m.status, m.attempts])).toEqual([
      ['2027-01-05', 'delivered', 1],
      ['2026-12-05', 'delivered', 1],
    ]);
    expect(listed[0]?.params).toEqual({ product: 'loan', dueDate: '2027-01-05', amountDue: '88888' });
    const page2 = await notifications.list('cus_a', { limit: 1, before: listed[0]?.id });
    expect(page2.map((m) => m.occasion)).toEqual(['2026-12-05']);
  });

  it('holds SMS written at night until 08:00 Shanghai', async () => {
    // 00:40 Shanghai on 6 Dec: the day-end batch's hour.
    const { db, clock, channel, notifications } = await world(store, '2026-12-05T16:40:00Z');
    await db.transaction((tx) => notifications.outbox.write(tx, [reminder('cus_a', 'ln_1', '2026-12-07')]));
    const [message] = await notifications.list('cus_a');
    expect(message?.nextAttemptAt.toISOString()).toBe('2026-12-06T00:00:00.000Z');
    expect(await notifications.deliver()).toMatchObject({ delivered: 0 });
    clock.set(new Date('2026-12-06T00:00:00Z'));
    expect(await notifications.deliver()).toMatchObject({ delivered: 1 });
    expect(channel.sent).toHaveLength(1);
  });

  it('a due message claimed in quiet hours (the pass ran late) goes back to 08:00 without counting an attempt', async () => {
    const { db, clock, channel, notifications } = await world(store, '2026-12-04T12:00:00Z');
    // Written at 20:00 Shanghai, due at once; the pass only runs at 22:00.
    await db.transaction((tx) => notifications.outbox.write(tx, [reminder('cus_a', 'ln_1', '2026-12-05')]));
    clock.set(new Date('2026-12-04T14:00:00Z'));
    expect(await notifications.deliver()).toEqual({ delivered: 0, retrying: 0, failed: 0, deferred: 1 });
    const [message] = await notifications.list('cus_a');
    expect(message).toMatchObject({ status: 'pending', attempts: 0 });
    expect(message?.nextAttemptAt.toISOString()).toBe('2026-12-05T00:00:00.000Z');
    expect(channel.sent).toHaveLength(0);
  });

  it('retries with back-off (1, 2, 4, 8, 16 min) and marks it failed after the sixth attempt', async () => {
    const { db, clock, channel, notifications } = await world(store, '2026-12-04T02:00:00Z');
    await db.transaction((tx) => notifications.outbox.write(tx, [reminder('cus_a', 'ln_1', '2026-12-05')]));
    channel.failNext(Infinity, 'gateway 503');
    const waits: string[] = [];
    for (let attempt = 1; attempt <= 6; attempt += 1) {
      const report = await notifications.deliver();
      expect(report).toEqual(
        attempt < 6
          ? { delivered: 0, retrying: 1, failed: 0, deferred: 0 }
          : { delivered: 0, retrying: 0, failed: 1, deferred: 0 },
      );
      const [message] = await notifications.list('cus_a');
      expect(message?.attempts).toBe(attempt);
      expect(message?.lastError).toBe('gateway 503');
      if (attempt < 6) {
        waits.push(`${(message!.nextAttemptAt.getTime() - clock.now().getTime()) / 60_000}`);
        // Not due a second before the back-off ends.
        clock.set(new Date(message!.nextAttemptAt.getTime() - 1000));
        expect(await notifications.deliver()).toMatchObject({ retrying: 0, delivered: 0 });
        clock.set(message!.nextAttemptAt);
      }
    }
    expect(waits).toEqual(['1', '2', '4', '8', '16']);
    const [failed] = await notifications.list('cus_a');
    expect(failed).toMatchObject({ status: 'failed', attempts: 6 });
    expect(failed?.failedAt?.toISOString()).toBe(clock.now().toISOString());
    channel.failNext(0);
    clock.advanceDays(1);
    expect(await notifications.deliver()).toMatchObject({ delivered: 0 });
    expect(channel.sent).toHaveLength(0);
  });

  it('a failed attempt then a good one: delivered on the second attempt', async () => {
    const { db, clock, channel, notifications } = await world(store, '2026-12-04T02:00:00Z');
    await db.transaction((tx) => notifications.outbox.write(tx, [reminder('cus_a', 'ln_1', '2026-12-05')]));
    channel.failNext(1);
    expect(await notifications.deliver()).toMatchObject({ retrying: 1 });
    clock.advanceMs(60_000);
    expect(await notifications.deliver()).toMatchObject({ delivered: 1 });
    const [message] = await notifications.list('cus_a');
    expect(message).toMatchObject({ status: 'delivered', attempts: 2, lastError: null });
  });

  it("appeals' and referrals' notifications handed over once each, delivered by push with their own words", async () => {
    const { db, clock, channel, notifications } = await world(store, '2026-12-04T02:00:00Z');
    const memory = createMemoryLogger('info');
    const notifier = createOutboxNotifier({ db, outbox: notifications.outbox, logger: memory.logger });
    const received = {
      id: 'ntf_01KB0000000000000000000001',
      customerId: 'cus_a',
      kind: 'received',
      text: { zh: '我们已收到您的申诉。', en: 'We have received your appeal.' },
      createdAt: clock.now(),
      appealId: 'apl_01KB0000000000000000000001',
    };
    const decided = {
      id: 'ntf_01KB0000000000000000000002',
      customerId: 'cus_a',
      kind: 'referral_decided',
      text: { zh: '人工审核已完成。', en: 'A person has reviewed your application.' },
      createdAt: clock.now(),
      referralId: 'ref_01KB0000000000000000000001',
      decisionId: 'dec_01KB0000000000000000000001',
    };
    // Their recovery pass may hand one over again: still one message.
    await notifier.send(received);
    await notifier.send(received);
    await notifier.send(decided);
    const listed = await notifications.list('cus_a');
    expect(listed.map((m) => [m.kind, m.subjectId, m.occasion, m.channel, m.text.en])).toEqual([
      ['referral_decided', decided.referralId, decided.id, 'push', 'A person has reviewed your application.'],
      ['appeal_received', received.appealId, received.id, 'push', 'We have received your appeal.'],
    ]);
    // As the log notifier did, each hand-over is logged.
    expect(memory.lines().filter((line) => line.includes('"appeal notification"'))).toHaveLength(2);
    expect(await notifications.deliver()).toMatchObject({ delivered: 2 });
    expect(channel.sent.map((m) => m.text.zh)).toEqual(['我们已收到您的申诉。', '人工审核已完成。']);
  });

  it('two passes at once never send the same message twice', async () => {
    const { db, channel, notifications } = await world(store, '2026-12-04T02:00:00Z');
    const drafts = Array.from({ length: 40 }, (_, i) => reminder(`cus_${i}`, `ln_${i}`, '2026-12-05'));
    await db.transaction((tx) => notifications.outbox.write(tx, drafts));
    const [a, b] = await Promise.all([
      notifications.deliver({ batchSize: 7 }),
      notifications.deliver({ batchSize: 7 }),
    ]);
    expect(a.delivered + b.delivered).toBe(40);
    expect(new Set(channel.sent.map((m) => m.id)).size).toBe(40);
    expect(channel.sent).toHaveLength(40);
  });
});
