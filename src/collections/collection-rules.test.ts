import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../platform/errors/app-error.ts';
import type { Money } from '../platform/money/money.ts';
import { addDays, type LocalDate } from '../platform/time/local-date.ts';
import { priorityOf, stepCase, type AccountFacts, type CollectionCase } from './collection-case.ts';
import { checkContact, withinContactHours } from './collection-contact.ts';
import {
  DEFAULT_COLLECTION_STRATEGY,
  parseCollectionStrategies,
  strategyIssues,
  strategyOn,
  type CollectionStrategy,
} from './collection-strategy.ts';
import { paidInWindow, resolvePromise } from './promise-to-pay.ts';

const S = DEFAULT_COLLECTION_STRATEGY;
const at = (local: string) => new Date(`${local}+08:00`);
const rule = (work: () => unknown): string => {
  try {
    work();
  } catch (error) {
    if (isAppError(error)) return error.issues.map((i) => `${i.field}/${i.rule}`).join(',');
    throw error;
  }
  return 'ok';
};

describe('the collections strategy', () => {
  it('the default is valid and in force on every date', () => {
    expect(strategyIssues(S)).toEqual([]);
    expect(strategyOn([S], '2001-01-01' as LocalDate)).toBe(S);
  });

  it('refuses a notice on the reminders step’s days, a reminder moved off its day, a sequence going back', () => {
    const edited: CollectionStrategy = {
      ...S,
      buckets: {
        ...S.buckets,
        M1: {
          reminders: [
            { daysPastDue: 7, message: 'collections_notice' },
            { daysPastDue: 5, message: 'overdue_day_30' },
            { daysPastDue: 31, message: 'collections_notice' },
          ],
        },
      },
      caps: { perDay: 5, perWeek: 4 },
      contactHours: { from: '21:00', to: '08:00', timeZone: 'Asia/Shanghai' },
    };
    expect(strategyIssues(edited).map((i) => `${i.field}/${i.rule}`)).toEqual([
      'strategy.buckets.M1.reminders[0].daysPastDue/not-duplicating-overdue-reminders',
      'strategy.buckets.M1.reminders[1].daysPastDue/increasing',
      'strategy.buckets.M1.reminders[1].daysPastDue/reminder-day',
      'strategy.buckets.M1.reminders[2].daysPastDue/within-bucket',
      'strategy.contactHours.to/after-from',
      'strategy.caps.perWeek/at-least-per-day',
    ]);
  });

  it('parses dated strategies in order and picks the one in force', () => {
    const later = { ...S, effectiveFrom: '2026-06-01' as LocalDate, caps: { perDay: 2, perWeek: 6 } };
    const parsed = parseCollectionStrategies(JSON.parse(JSON.stringify([S, later])));
    expect(strategyOn(parsed, '2026-05-31' as LocalDate).caps.perDay).toBe(3);
    expect(strategyOn(parsed, '2026-06-01' as LocalDate).caps.perDay).toBe(2);
    expect(rule(() => parseCollectionStrategies([later, S]))).toBe('strategies[1].effectiveFrom/increasing');
    expect(rule(() => parseCollectionStrategies([]))).toBe('strategies/non-empty-list');
  });
});

describe('contacts', () => {
  it('are permitted from 08:00 up to, not including, 21:00 Shanghai time', () => {
    expect(withinContactHours(S, at('2026-02-20T07:59:59'))).toBe(false);
    expect(withinContactHours(S, at('2026-02-20T08:00:00'))).toBe(true);
    expect(withinContactHours(S, at('2026-02-20T20:59:59'))).toBe(true);
    expect(withinContactHours(S, at('2026-02-20T21:00:00'))).toBe(false);
    expect(withinContactHours(S, at('2026-02-20T00:30:00'))).toBe(false);
  });

  it('are refused to anyone but the customer, outside hours, in the future, and over the caps', () => {
    const now = at('2026-02-20T12:00:00');
    const check = (party: string, when: string, sameDay = 0, sameWeek = 0) =>
      rule(() => checkContact(S, { party, contactedAt: at(when) }, { now, sameDay, sameWeek }));
    expect(check('customer', '2026-02-20T11:00:00')).toBe('ok');
    expect(check('spouse', '2026-02-20T11:00:00')).toBe('party/customer-only');
    expect(check('customer', '2026-02-20T12:00:01')).toBe('contactedAt/not-in-future');
    expect(check('customer', '2026-02-19T11:59:59')).toBe('contactedAt/recent');
    expect(check('customer', '2026-02-19T21:30:00')).toBe('contactedAt/contact-hours');
    expect(check('customer', '2026-02-20T11:00:00', 3, 3)).toBe('contactedAt/daily-cap');
    expect(check('customer', '2026-02-20T11:00:00', 2, 10)).toBe('contactedAt/weekly-cap');
  });

  it('property: whatever the instant, a contact passes the hours rule only inside the window', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 24 * 60 * 7 - 1 }), (minute) => {
        const contactedAt = new Date(at('2026-02-16T00:00:00').getTime() + minute * 60_000);
        const local = minute % (24 * 60);
        const inside = local >= 8 * 60 && local < 21 * 60;
        const now = new Date(contactedAt.getTime() + 60_000);
        const outcome = rule(() =>
          checkContact(S, { party: 'customer', contactedAt }, { now, sameDay: 0, sameWeek: 0 }),
        );
        expect(outcome).toBe(inside ? 'ok' : 'contactedAt/contact-hours');
      }),
    );
  });
});

const payment = fc.record({
  day: fc.integer({ min: 0, max: 30 }),
  amount: fc.bigInt({ min: 1n, max: 100_000n }),
});

describe('promises to pay', () => {
  it('property: kept exactly when the window’s payments reach the amount, broken only once its date has ended', () => {
    const start = '2026-03-01' as LocalDate;
    fc.assert(
      fc.property(
        fc.array(payment, { maxLength: 8 }),
        fc.integer({ min: 0, max: 14 }),
        fc.integer({ min: 0, max: 10 }),
        fc.bigInt({ min: 1n, max: 200_000n }),
        fc.integer({ min: 0, max: 30 }),
        (raw, made, length, amount, today) => {
          const payments = raw.map((p) => ({
            effectiveDate: addDays(start, p.day),
            amount: p.amount as Money,
          }));
          const madeOn = addDays(start, made);
          const dueDate = addDays(madeOn, length);
          const date = addDays(start, today);
          const promise = { madeOn, dueDate, amount: amount as Money };
          const outcome = resolvePromise(promise, payments, date);
          // A plain reference: sum what falls in [madeOn, min(date, dueDate)].
          let paid = 0n;
          for (const p of raw) {
            const d = addDays(start, p.day);
            if (d >= madeOn && d <= (date < dueDate ? date : dueDate)) paid += p.amount;
          }
          expect(outcome.paid).toBe(paid);
          if (paid >= amount) expect(outcome.status).toBe('kept');
          else expect(outcome.status).toBe(date >= dueDate ? 'broken' : 'pending');
          expect(paidInWindow(payments, madeOn, dueDate) >= amount || outcome.status !== 'kept').toBe(true);
        },
      ),
    );
  });
});

describe('the case step', () => {
  const facts = (
    dpd: number,
    standing: AccountFacts['standing'] = dpd > 0 ? 'delinquent' : 'current',
  ): AccountFacts => ({
    customerId: 'cus_1',
    accountId: 'ln_1',
    product: 'cash_loan',
    standing,
    daysPastDue: dpd,
    bucket: dpd <= 0 ? 'M0' : dpd <= 30 ? 'M1' : dpd <= 60 ? 'M2' : 'M3+',
    oldestDueDate: dpd > 0 ? ('2026-01-01' as LocalDate) : null,
    amountPastDue: (dpd > 0 ? 100n : 0n) as Money,
    payments: [],
  });

  it('property: over any history of days past due, the cases are the runs of delinquency, moving with the bucket', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 120 })), { minLength: 1, maxLength: 60 }),
        (series) => {
          let open: CollectionCase | undefined;
          const cases: { opened: number; closed: number | null; buckets: string[] }[] = [];
          series.forEach((dpd, day) => {
            const date = addDays('2026-01-01' as LocalDate, day);
            const step = stepCase(open, facts(dpd), date);
            if (step.kind === 'open') {
              cases.push({ opened: day, closed: null, buckets: [step.bucket] });
              open = { bucket: step.bucket, brokenPromises: 0 } as unknown as CollectionCase;
            } else if (step.kind === 'update' && open) {
              if (step.event) cases.at(-1)!.buckets.push(step.bucket);
              open = { ...open, bucket: step.bucket };
            } else if (step.kind === 'close') {
              cases.at(-1)!.closed = day;
              expect(step.reason).toBe('cured');
              open = undefined;
            }
          });
          // Reference: maximal runs of dpd > 0, their buckets with repeats collapsed.
          const expected: typeof cases = [];
          series.forEach((dpd, day) => {
            const bucket = dpd <= 30 ? 'M1' : dpd <= 60 ? 'M2' : 'M3+';
            const last = expected.at(-1);
            if (dpd > 0 && (!last || last.closed !== null))
              expected.push({ opened: day, closed: null, buckets: [bucket] });
            else if (dpd > 0 && last && last.buckets.at(-1) !== bucket) last.buckets.push(bucket);
            else if (dpd === 0 && last && last.closed === null) last.closed = day;
          });
          expect(cases).toEqual(expected);
        },
      ),
    );
  });

  it('closes with why the account ended; raises priority one step a broken promise, three at most', () => {
    const open = { bucket: 'M2', brokenPromises: 0 } as unknown as CollectionCase;
    expect(stepCase(open, facts(0, 'written-off'), '2026-01-02' as LocalDate)).toMatchObject({
      kind: 'close',
      reason: 'written-off',
    });
    expect(stepCase(open, facts(0, 'paid-off'), '2026-01-02' as LocalDate)).toMatchObject({
      kind: 'close',
      reason: 'paid-off',
    });
    expect(stepCase(open, facts(0, 'closed'), '2026-01-02' as LocalDate)).toMatchObject({
      kind: 'close',
      reason: 'closed',
    });
    expect([0, 1, 2, 3, 4].map((n) => priorityOf('M1', n))).toEqual([1, 2, 3, 4, 4]);
    expect(priorityOf('M3+', 9)).toBe(6);
  });
});
