import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATA_SOURCES, type DataSource } from '../../identity/consent.ts';
import { fen, type Money } from '../../platform/money/money.ts';
import {
  addMonths,
  businessDateOf,
  fromEpochDay,
  startOfBusinessDate,
  toEpochDay,
  type LocalDate,
} from '../../platform/time/local-date.ts';
import type { CustomerEvent, InquiryKind, Scope } from '../events/customer-event.ts';
import { computeFeaturesOf, type FeatureRecord } from './compute.ts';

/**
 * The optimised single pass against a plain reference written straight from the definitions (filter the
 * events of each window, count, sum), on random histories; and the point-in-time property: events after
 * the as-of instant change nothing.
 */
const CUSTOMER = 'cus_01JD3ZK6Q8W4M2X9T7B5N1R0AE';
const AS_OF = new Date('2026-11-22T02:00:00Z'); // 10:00 in Shanghai
const DAY = 86_400_000;
const subject = { openedAtMs: Date.parse('2025-01-01T00:00:00Z'), birthDate: '1990-06-15' as LocalDate };

// Times anywhere in the history, and exactly on or next to the window edges, where off-by-one errors live.
const EDGES = [1, 7, 30, 90, 180].map((days) => -days * DAY);
const offset = fc.oneof(
  fc.integer({ min: -400 * DAY, max: 20 * DAY }),
  fc.tuple(fc.constantFrom(...EDGES), fc.integer({ min: -1, max: 1 })).map(([edge, delta]) => edge + delta),
);
const lender = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
const loanRef = fc.constantFrom('L1', 'L2', 'L3');
const scope = fc.constantFrom<Scope>('here', 'elsewhere');
const amount = fc.integer({ min: 1, max: 5_000_000 }).map((n) => fen(BigInt(n)));
const dueOffsetDays = fc.oneof(
  fc.integer({ min: -420, max: 40 }),
  fc.integer({ min: -2, max: 2 }),
  fc.constantFrom(-365, -366, -364),
);

let counter = 0;
const base = (ms: number) => ({
  eventId: `e${(counter += 1)}`,
  customerId: CUSTOMER,
  source: 'src',
  occurredAt: new Date(AS_OF.getTime() + ms),
});

const event: fc.Arbitrary<CustomerEvent> = fc.oneof(
  fc
    .record({
      t: offset,
      lender,
      kind: fc.constantFrom<InquiryKind>('loan_application', 'card_application', 'post_loan', 'self'),
    })
    .map(({ t, lender, kind }) => ({ ...base(t), type: 'inquiry' as const, lender, kind })),
  fc.record({ t: offset, amount, online: fc.boolean() }).map(({ t, amount, online }) => ({
    ...base(t),
    type: 'payment' as const,
    amount,
    merchantCategory: 'x',
    channel: online ? ('online' as const) : ('offline' as const),
  })),
  fc
    .record({
      t: offset,
      scope,
      lender,
      loanRef,
      due: dueOffsetDays,
      paidAfter: fc.option(fc.integer({ min: -3, max: 60 })),
      amount,
    })
    .map(({ t, scope, lender, loanRef, due, paidAfter, amount }) => {
      const reported = base(t);
      const reportedDay = businessDateOf(reported.occurredAt);
      const dueDate = fromEpochDay(toEpochDay(businessDateOf(AS_OF)) + due);
      let paidDate: LocalDate | null =
        paidAfter === null ? null : fromEpochDay(toEpochDay(dueDate) + paidAfter);
      if (paidDate !== null && paidDate > reportedDay) paidDate = null;
      return { ...reported, type: 'repayment' as const, scope, lender, loanRef, dueDate, paidDate, amount };
    }),
  fc
    .record({ t: offset, scope, lender, loanRef, open: fc.boolean(), amount })
    .map(({ t, scope, lender, loanRef, open, amount }) =>
      open
        ? { ...base(t), type: 'loan_opened' as const, scope, lender, loanRef, principal: amount }
        : { ...base(t), type: 'loan_closed' as const, scope, lender, loanRef },
    ),
  fc
    .record({ t: offset, scope, lender, limit: amount, balance: amount })
    .map(({ t, scope, lender, limit, balance }) => ({
      ...base(t),
      type: 'credit_line' as const,
      scope,
      lender,
      lineRef: 'C1',
      limit,
      balance,
    })),
  fc
    .record({
      t: fc.oneof(fc.integer({ min: -40 * DAY, max: DAY }), offset),
      kind: fc.constantFrom('ok', 'fail', 'view', 'device'),
    })
    .map(({ t, kind }) =>
      kind === 'view'
        ? { ...base(t), type: 'limit_view' as const }
        : kind === 'device'
          ? { ...base(t), type: 'device_change' as const, deviceRef: 'd' }
          : { ...base(t), type: 'login' as const, success: kind === 'ok' },
    ),
  fc
    .record({ t: offset, source: fc.constantFrom(...DATA_SOURCES), granted: fc.boolean() })
    .map(({ t, source, granted }) => ({
      ...base(t),
      type: 'consent' as const,
      dataSource: source,
      granted,
    })),
  fc
    .record({ t: offset, level: fc.constantFrom(0, 1, 2, 3) as fc.Arbitrary<0 | 1 | 2 | 3> })
    .map(({ t, level }) => ({
      ...base(t),
      type: 'verification' as const,
      level,
      failures: [],
      provider: 'sandbox',
      checks: [],
    })),
  fc
    .record({ t: offset, card: fc.constantFrom('crd_1', 'crd_2'), bound: fc.boolean() })
    .map(({ t, card, bound }) =>
      bound
        ? { ...base(t), type: 'card_bound' as const, cardId: card, issuer: null, last4: '1234' }
        : { ...base(t), type: 'card_removed' as const, cardId: card },
    ),
);

/** The reference: straightforward filters over event objects, one feature at a time. */
function reference(events: readonly CustomerEvent[], asOf: Date): FeatureRecord {
  const t = asOf.getTime();
  const upTo = [...events]
    .filter((e) => e.occurredAt.getTime() <= t)
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const consent = (source: DataSource) => {
    let granted = false;
    for (const e of upTo) if (e.type === 'consent' && e.dataSource === source) granted = e.granted;
    return granted;
  };
  const bureau = consent('credit_bureau');
  const bank = consent('bank_transactions');
  const within = (e: CustomerEvent, ms: number) => e.occurredAt.getTime() > t - ms;
  const date = businessDateOf(asOf);
  const monthsAgo = (m: number) =>
    startOfBusinessDate(addMonths(date, -m)).getTime() + (t - startOfBusinessDate(date).getTime());
  const out: FeatureRecord = {};
  const applications = upTo.filter(
    (e) => e.type === 'inquiry' && (e.kind === 'loan_application' || e.kind === 'card_application'),
  );
  for (const days of [7, 30, 90, 180]) {
    const inWindow = applications.filter((e) => within(e, days * DAY));
    out[`inquiries_${days}d`] = bureau ? inWindow.length : null;
    out[`distinct_lenders_${days}d`] = bureau
      ? new Set(inWindow.map((e) => (e.type === 'inquiry' ? e.lender : ''))).size
      : null;
  }
  const payments = upTo.filter((e) => e.type === 'payment');
  for (const months of [3, 6, 12]) {
    const inWindow = payments.filter((e) => e.occurredAt.getTime() > monthsAgo(months));
    out[`consumption_count_${months}m`] = bank ? inWindow.length : null;
    out[`consumption_amount_${months}m`] = bank
      ? inWindow.reduce((sum, e) => sum + (e.type === 'payment' ? Number(e.amount) : 0), 0)
      : null;
    const active = new Set<number>();
    for (const e of inWindow)
      for (let k = 0; k < months; k += 1)
        if (e.occurredAt.getTime() <= monthsAgo(k) && e.occurredAt.getTime() > monthsAgo(k + 1))
          active.add(k);
    out[`active_months_${months}m`] = bank ? active.size : null;
  }
  const year = payments.filter((e) => e.occurredAt.getTime() > monthsAgo(12));
  out.online_share_12m =
    bank && year.length > 0
      ? year.filter((e) => e.type === 'payment' && e.channel === 'online').length / year.length
      : null;

  const latest = new Map<string, Extract<CustomerEvent, { type: 'repayment' }>>();
  for (const e of upTo)
    if (e.type === 'repayment') latest.set(`${e.scope}|${e.lender}|${e.loanRef}|${e.dueDate}`, e);
  const today = toEpochDay(date);
  const yearAgo = toEpochDay(addMonths(date, -12));
  let due = 0;
  let onTime = 0;
  let maxDpd = 0;
  let overdueHere = 0;
  let overdueElsewhere = 0;
  let onTimeHere = 0;
  const latestDue = new Map<string, Extract<CustomerEvent, { type: 'repayment' }>>();
  for (const e of latest.values()) {
    if (e.scope === 'elsewhere' && !bureau) continue;
    const loan = `${e.scope}|${e.lender}|${e.loanRef}`;
    const seen = latestDue.get(loan);
    if (toEpochDay(e.dueDate) <= today && (!seen || e.dueDate > seen.dueDate)) latestDue.set(loan, e);
  }
  for (const e of latest.values()) {
    if (e.scope === 'elsewhere' && !bureau) continue;
    const dueDay = toEpochDay(e.dueDate);
    const paidDay = e.paidDate === null ? null : toEpochDay(e.paidDate);
    if (paidDay === null && dueDay < today) {
      if (e.scope === 'here') overdueHere += Number(e.amount);
      else overdueElsewhere += Number(e.amount);
    }
    if (dueDay > yearAgo && dueDay <= today && (paidDay !== null || dueDay < today)) {
      due += 1;
      const dpd = paidDay !== null ? Math.max(0, paidDay - dueDay) : today - dueDay;
      if (dpd === 0) onTime += 1;
      if (dpd === 0 && e.scope === 'here') onTimeHere += 1;
      maxDpd = Math.max(maxDpd, dpd);
    }
  }
  out.repayments_12m = due;
  out.ontime_rate_12m = due > 0 ? onTime / due : null;
  out.max_dpd_12m = due > 0 ? maxDpd : null;
  out.overdue_amount_here = overdueHere;
  out.overdue_amount_elsewhere = bureau ? overdueElsewhere : null;
  const open = new Set<string>();
  for (const e of upTo) {
    if (e.type === 'loan_opened' && e.scope === 'elsewhere') open.add(`${e.lender}|${e.loanRef}`);
    if (e.type === 'loan_closed' && e.scope === 'elsewhere') open.delete(`${e.lender}|${e.loanRef}`);
  }
  out.open_loans_elsewhere = bureau ? open.size : null;
  out.ontime_cycles_here_12m = onTimeHere;
  // Debt service: every loan opened and not closed since (here; elsewhere with consent), at its latest
  // instalment due, or a twelfth of its principal (rounded up) before the first one.
  const principals = new Map<string, number>();
  for (const e of upTo) {
    if (e.type === 'loan_opened') principals.set(`${e.scope}|${e.lender}|${e.loanRef}`, Number(e.principal));
    if (e.type === 'loan_closed') principals.delete(`${e.scope}|${e.lender}|${e.loanRef}`);
  }
  let debtService = 0;
  for (const [loan, principal] of principals) {
    if (loan.startsWith('elsewhere|') && !bureau) continue;
    const due = latestDue.get(loan);
    debtService += due ? Number(due.amount) : Math.ceil(principal / 12);
  }
  out.debt_service_monthly = debtService;
  const lines = new Map<string, { limit: Money; balance: Money }>();
  for (const e of upTo)
    if (e.type === 'credit_line' && (e.scope === 'here' || bureau))
      lines.set(`${e.scope}|${e.lender}|${e.lineRef}`, e);
  const limit = [...lines.values()].reduce((s, l) => s + Number(l.limit), 0);
  const balance = [...lines.values()].reduce((s, l) => s + Number(l.balance), 0);
  out.utilisation = limit > 0 ? balance / limit : null;
  out.limit_views_24h = upTo.filter((e) => e.type === 'limit_view' && within(e, DAY)).length;
  out.failed_logins_24h = upTo.filter((e) => e.type === 'login' && !e.success && within(e, DAY)).length;
  out.device_changes_30d = upTo.filter((e) => e.type === 'device_change' && within(e, 30 * DAY)).length;
  let level = 0;
  const cards = new Set<string>();
  for (const e of upTo) {
    if (e.type === 'verification') level = e.level;
    if (e.type === 'card_bound') cards.add(e.cardId);
    if (e.type === 'card_removed') cards.delete(e.cardId);
  }
  out.verification_level = level;
  out.bound_cards = cards.size;
  out.age_years = 36;
  out.account_age_days = toEpochDay(date) - toEpochDay(businessDateOf(new Date(subject.openedAtMs)));
  return out;
}

describe('feature pass', () => {
  it('property: the single pass equals the plain reference for every feature the reference covers', () => {
    fc.assert(
      fc.property(fc.array(event, { minLength: 20, maxLength: 120, size: 'max' }), (events) => {
        const { features } = computeFeaturesOf(events, subject, AS_OF);
        const expected = reference(events, AS_OF);
        for (const [name, value] of Object.entries(expected)) {
          if (typeof value === 'number' && !Number.isInteger(value))
            expect(features[name], name).toBeCloseTo(value, 12);
          else expect(features[name], name).toBe(value);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: events after the as-of instant never count (appending them changes nothing)', () => {
    const later = event.map((e) => ({
      ...e,
      occurredAt: new Date(AS_OF.getTime() + 1 + (((e.occurredAt.getTime() % DAY) + DAY) % (30 * DAY))),
    }));
    fc.assert(
      fc.property(
        fc.array(event, { maxLength: 60 }),
        fc.array(later, { minLength: 1, maxLength: 20 }),
        (past, future) => {
          const before = computeFeaturesOf(past, subject, AS_OF);
          const after = computeFeaturesOf([...past, ...future], subject, AS_OF);
          expect(after.features).toEqual(before.features);
          expect(after.holds).toEqual(before.holds);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('gives null for a source without consent at the as-of instant, and numbers once consent is in force', () => {
    const at = (days: number) => new Date(AS_OF.getTime() - days * DAY);
    const events: CustomerEvent[] = [
      { ...base(-5 * DAY), type: 'inquiry', lender: 'a', kind: 'loan_application' },
      { ...base(-3 * DAY), type: 'payment', amount: fen(1234n), merchantCategory: 'x', channel: 'online' },
    ];
    const without = computeFeaturesOf(events, subject, AS_OF).features;
    expect([without.inquiries_7d, without.consumption_amount_3m]).toEqual([null, null]);
    const granted: CustomerEvent[] = [
      ...events,
      { ...base(-10 * DAY), type: 'consent', dataSource: 'credit_bureau', granted: true },
      { ...base(-1 * DAY), type: 'consent', dataSource: 'bank_transactions', granted: true },
    ];
    const withConsent = computeFeaturesOf(granted, subject, AS_OF).features;
    expect([withConsent.inquiries_7d, withConsent.consumption_amount_3m]).toEqual([1, 1234]);
    // As of two days ago the bank consent (given yesterday) was not in force yet.
    expect(computeFeaturesOf(granted, subject, at(2)).features.consumption_amount_3m).toBeNull();
  });
});

describe('calendar months by integer arithmetic', () => {
  it('property: equals monthsBetween on the dates for any pair of days', async () => {
    const { fromEpochDay, monthsBetween } = await import('../../platform/time/local-date.ts');
    const { wholeMonths } = await import('./compute.ts');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: 0, max: 4_000 }), (from, span) => {
        expect(wholeMonths(from, from + span)).toBe(
          monthsBetween(fromEpochDay(from), fromEpochDay(from + span)),
        );
      }),
      { numRuns: 2000 },
    );
  });
});
