import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../src/platform/errors/app-error.ts';
import type { Money } from '../../src/platform/money/money.ts';
import { addDays, type LocalDate } from '../../src/platform/time/local-date.ts';
import { storesUnderTest } from '../support/stores.ts';
import { collectionsWorld, collector } from './support.ts';

/** One loan's random history: payments (day, share of what is past due), a promise, contact attempts. */
interface History {
  readonly payments: readonly { day: number; share: number }[];
  readonly promise: { day: number; share: number; length: number; keep: boolean } | null;
  readonly contacts: readonly { day: number; minute: number }[];
}

const history: fc.Arbitrary<History> = fc.record({
  payments: fc.array(
    fc.record({ day: fc.integer({ min: 32, max: 95 }), share: fc.integer({ min: 10, max: 120 }) }),
    {
      maxLength: 4,
    },
  ),
  promise: fc.option(
    fc.record({
      day: fc.integer({ min: 33, max: 80 }),
      share: fc.integer({ min: 20, max: 100 }),
      length: fc.integer({ min: 0, max: 10 }),
      keep: fc.boolean(),
    }),
    { nil: null },
  ),
  contacts: fc.array(
    fc.record({ day: fc.integer({ min: 33, max: 90 }), minute: fc.integer({ min: 0, max: 1439 }) }),
    {
      maxLength: 8,
    },
  ),
});

const START = '2026-01-15' as LocalDate; // first due 15 Feb (day 31)
const DAYS = 100;
const at = (date: LocalDate, minute: number) =>
  new Date(new Date(`${date}T00:00:00+08:00`).getTime() + minute * 60_000);

/**
 * Property (fast-check, seeded): eight loans with random payment histories, promises and contact attempts,
 * served night by night through the real services and day-end. For each loan, what the database holds
 * equals what its history implies:
 * - the cases are the maximal runs of nights on which the day-end left the loan past due, each with the
 *   buckets it went through (repeats collapsed), closed the first night it was not, cured or paid off;
 * - a promise is kept on the first night the payments in its window reach it, broken on the night of its
 *   date otherwise — never both, never by hand;
 * - no contact outside 08:00–21:00 Shanghai is ever recorded, and every attempt inside the hours and under
 *   the caps is.
 */
describe.each(storesUnderTest())('collections follow random histories ($name)', (store) => {
  it(
    'cases, promises and contacts equal what each loan’s history implies',
    { timeout: 600_000 },
    async () => {
      const histories = fc.sample(history, { seed: 4242, numRuns: 8 });
      const world = await collectionsWorld(store, { start: START });
      const { db, collections } = world;
      const loans: { customerId: string; loanId: string }[] = [];
      for (let i = 0; i < histories.length; i += 1)
        loans.push(await world.loan(BigInt(300_000 + i * 50_000)));
      const by = collector();

      /** Per loan: the day-end's view each night (dpd, status) — what the step saw. */
      const nights: { dpd: number; status: string; bucket: string }[][] = loans.map(() => []);
      const paid: { date: LocalDate; amount: bigint }[][] = loans.map(() => []);
      const promises: ({ madeOn: LocalDate; due: LocalDate; amount: bigint } | null)[] = loans.map(
        () => null,
      );
      const accepted: number[] = loans.map(() => 0);
      /** Payments a customer makes to keep their promise: (day, amount). */
      const keeping: { day: number; amount: bigint }[][] = loans.map(() => []);
      let expectedAccepted = 0;
      let refused = 0;

      for (let day = 1; day <= DAYS; day += 1) {
        const date = addDays(START, day);
        world.today(date);
        await world.dayEnd.run({ through: addDays(date, -1) });
        const rows = await db.query<{ id: string; days_past_due: number; status: string; bucket: string }>(
          'select id, days_past_due, status, bucket from loans',
        );
        loans.forEach((loan, index) => {
          const row = rows.rows.find((r) => r.id === loan.loanId)!;
          nights[index]!.push({ dpd: row.days_past_due, status: row.status, bucket: row.bucket });
        });

        for (const [index, loan] of loans.entries()) {
          const h = histories[index]!;
          const open = (await collections.queue({ by, view: 'all', limit: 500 })).find(
            (c) => c.accountId === loan.loanId,
          );
          // Payments at 09:00: a share of what is past due (or of an instalment when nothing is).
          for (const p of h.payments.filter((p) => p.day === day)) {
            world.today(at(date, 9 * 60));
            const base = open ? open.amountPastDue : 30_000n;
            const amount = (base * BigInt(p.share)) / 100n + 1n;
            const status = (await world.loans.getLoan(loan.loanId)).status;
            if (status !== 'active') continue;
            await world.loans.repay({
              loanId: loan.loanId,
              amount: amount as Money,
              intent: 'scheduled',
              idempotencyKey: `p-${index}-${day}`,
            });
            paid[index]!.push({ date, amount });
          }
          for (const k of keeping[index]!.filter((k) => k.day === day)) {
            world.today(at(date, 9 * 60 + 30));
            if ((await world.loans.getLoan(loan.loanId)).status !== 'active') continue;
            await world.loans.repay({
              loanId: loan.loanId,
              amount: k.amount as Money,
              intent: 'scheduled',
              idempotencyKey: `keep-${index}-${day}`,
            });
            paid[index]!.push({ date, amount: k.amount });
          }
          // The promise at 10:00 on an open case; the contact counts against the caps.
          world.today(at(date, 23 * 60 + 59));
          let contactsToday = 0;
          const prior = async () =>
            Number(
              (
                await db.query<{ n: bigint }>(
                  `select count(*) as n from collection_contacts where customer_id = $1 and contacted_at >= $2 and contacted_at < $3`,
                  [loan.customerId, at(date, 0), at(date, 24 * 60)],
                )
              ).rows[0]!.n,
            );
          const week = async () =>
            Number(
              (
                await db.query<{ n: bigint }>(
                  `select count(*) as n from collection_contacts where customer_id = $1 and contacted_at >= $2 and contacted_at < $3`,
                  [loan.customerId, at(addDays(date, -6), 0), at(date, 24 * 60)],
                )
              ).rows[0]!.n,
            );
          if (
            h.promise &&
            h.promise.day === day &&
            open &&
            promises[index] === null &&
            open.amountPastDue > 0n
          ) {
            await collections.claim(open.id, by);
            const amount = (open.amountPastDue * BigInt(h.promise.share)) / 100n + 1n;
            const capped = amount > open.amountPastDue ? open.amountPastDue : amount;
            const due = addDays(date, h.promise.length);
            const underCaps = (await prior()) < 3 && (await week()) < 10;
            if (underCaps) {
              await collections.contact({
                caseId: open.id,
                by,
                channel: 'call',
                outcome: 'promise',
                contactedAt: at(date, 10 * 60),
                promise: { date: due, amount: capped as Money },
                idempotencyKey: `promise-${index}`,
              });
              promises[index] = { madeOn: date, due, amount: capped };
              if (h.promise.keep && h.promise.length > 0)
                keeping[index]!.push({ day: day + Math.ceil(h.promise.length / 2), amount: capped });
              accepted[index]! += 1;
              expectedAccepted += 1;
              contactsToday += 1;
            }
          }
          // Contact attempts at random minutes of the day.
          for (const c of h.contacts.filter((c) => c.day === day)) {
            if (!open) continue;
            await collections.claim(open.id, by);
            const inside = c.minute >= 8 * 60 && c.minute < 21 * 60;
            const underCaps = (await prior()) < 3 && (await week()) < 10;
            try {
              await collections.contact({
                caseId: open.id,
                by,
                channel: 'call',
                outcome: 'no-answer',
                contactedAt: at(date, c.minute),
                idempotencyKey: `c-${index}-${day}-${c.minute}-${contactsToday}`,
              });
              expect(inside && underCaps).toBe(true);
              accepted[index]! += 1;
              expectedAccepted += 1;
            } catch (error) {
              if (!isAppError(error)) throw error;
              expect(inside && underCaps).toBe(false);
              refused += 1;
              expect(error.issues[0]?.rule).toBe(
                !inside ? 'contact-hours' : (await prior()) >= 3 ? 'daily-cap' : 'weekly-cap',
              );
            }
            contactsToday += 1;
          }
        }
      }

      // The sample exercised every path: contacts accepted and refused, promises made.
      expect(expectedAccepted).toBeGreaterThan(0);
      expect(refused).toBeGreaterThan(0);
      expect(promises.filter((p) => p !== null).length).toBeGreaterThan(0);
      // No contact outside the hours was ever recorded; every one accepted is there.
      const logged = await db.query<{ contacted_at: Date }>('select contacted_at from collection_contacts');
      expect(logged.rows).toHaveLength(expectedAccepted);
      for (const row of logged.rows) {
        const minute = Math.floor(((row.contacted_at.getTime() + 8 * 3_600_000) % 86_400_000) / 60_000);
        expect(minute >= 8 * 60 && minute < 21 * 60).toBe(true);
      }

      const outcomes: string[] = [];
      for (const [index, loan] of loans.entries()) {
        // Reference cases: runs of nights past due; buckets with repeats collapsed; why each closed.
        const expected: {
          opened: LocalDate;
          closed: LocalDate | null;
          reason: string | null;
          buckets: string[];
        }[] = [];
        nights[index]!.forEach((night, n) => {
          const date = addDays(START, n); // the night of day n + 1 is business date START + n
          const last = expected.at(-1);
          if (night.dpd > 0) {
            if (!last || last.closed !== null)
              expected.push({ opened: date, closed: null, reason: null, buckets: [night.bucket] });
            else if (last.buckets.at(-1) !== night.bucket) last.buckets.push(night.bucket);
          } else if (last && last.closed === null) {
            last.closed = date;
            last.reason =
              night.status === 'closed'
                ? 'paid-off'
                : night.status === 'written_off'
                  ? 'written-off'
                  : 'cured';
          }
        });
        const cases = await db.query<{
          id: string;
          opened_on: string;
          closed_on: string | null;
          close_reason: string | null;
        }>(
          `select id, opened_on::text, closed_on::text, close_reason from collection_cases where account_id = $1 order by opened_on`,
          [loan.loanId],
        );
        const actual = [];
        for (const c of cases.rows) {
          const events = await db.query<{ kind: string; to_bucket: string | null }>(
            `select kind, to_bucket from collection_case_events where case_id = $1 and kind in ('opened', 'bucket-changed') order by seq`,
            [c.id],
          );
          actual.push({
            opened: c.opened_on,
            closed: c.closed_on,
            reason: c.close_reason,
            buckets: events.rows.map((e) => e.to_bucket),
          });
        }
        expect(actual).toEqual(expected);

        // Reference promise: kept on the first night the window's payments reach it, else broken on its date.
        const promise = promises[index];
        const stored = await db.query<{ status: string; resolved_on: string | null; paid: bigint | null }>(
          `select status, resolved_on::text, paid from collection_promises where account_id = $1`,
          [loan.loanId],
        );
        if (!promise) {
          expect(stored.rows).toEqual([]);
          continue;
        }
        let outcome: { status: string; on: LocalDate | null } = { status: 'pending', on: null };
        for (let date = promise.madeOn; date <= addDays(START, DAYS - 1); date = addDays(date, 1)) {
          const sum = paid[index]!.filter(
            (p) => p.date >= promise.madeOn && p.date <= date && p.date <= promise.due,
          ).reduce((s, p) => s + p.amount, 0n);
          if (sum >= promise.amount) {
            outcome = { status: 'kept', on: date };
            break;
          }
          if (date >= promise.due) {
            outcome = { status: 'broken', on: date };
            break;
          }
        }
        expect(stored.rows[0]).toMatchObject({ status: outcome.status, resolved_on: outcome.on });
        outcomes.push(outcome.status);
      }
      // Both outcomes occur in the sample (seed 4242), and every loan went past due at least once.
      expect(new Set(outcomes)).toEqual(new Set(['kept', 'broken']));
      expect(nights.every((series) => series.some((night) => night.dpd > 0))).toBe(true);
    },
  );
});
