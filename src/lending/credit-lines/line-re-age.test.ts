import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Money } from '../../platform/money/money.ts';
import { parseRate } from '../../platform/money/rate.ts';
import { addDays, type LocalDate } from '../../platform/time/local-date.ts';
import { DEFAULT_HARDSHIP_RULES } from '../loans/hardship.ts';
import { lineConsecutivePaid, planLineHardship, regularMinimumOf } from './line-hardship.ts';
import {
  advanceLine,
  initialLineState,
  lineDaysPastDue,
  receiveLineEvent,
  replayLine,
  type StatementDocument,
} from './line-servicing.ts';
import type { LineEvent, LineState } from './line-state.ts';
import { DEFAULT_CREDIT_LINE_PRODUCT, termsFor, type LineTerms } from './line-terms.ts';
import { refusalOf } from './line-worked-example.test-support.ts';

const d = (text: string) => text as LocalDate;
const fen = (value: bigint) => value as Money;

/**
 * A re-age on a credit line (issue 15, item 4 for lines), worked by hand. 18.25 % a year (1/2000 a day: ¥5.00 a
 * day on ¥10,000.00), statement day 1, due the 10th, minimum 10 % of revolving principal (up) + interest and
 * fees billed, at least ¥100.00; payments pay fees, then interest, then principal. ¥10,000.00 bought on 10 Jan
 * 2026.
 *
 * - Statement 1 (1 Feb): ¥10,000.00, minimum **¥1,000.00**, due 10 Feb: **missed**. Grace lost: interest from
 *   the posting date 1,000,000 × 31 ÷ 2,000 = ¥155.00, then ¥5.00 a day (the principal is never paid down).
 * - Statement 2 (1 Mar): interest ¥155.00 + 18 × ¥5.00 = ¥245.00; minimum ¥1,000.00 + ¥245.00 = ¥1,245.00, of
 *   which ¥1,000.00 was past due at the cut (statement 1's): regular minimum **¥245.00**, paid on 10 Mar.
 *   Statement 1's minimum is still ¥1,000.00 − ¥245.00 = ¥755.00 short: the line stays behind.
 * - Statement 3 (1 Apr): interest 31 × ¥5.00 = ¥155.00; minimum ¥1,155.00; past due at the cut: statement 2's
 *   ¥1,245.00 less the ¥245.00 credited since = ¥1,000.00; regular minimum **¥155.00**, paid on 10 Apr.
 * - Statement 4 (1 May): interest 30 × ¥5.00 = ¥150.00; minimum ¥1,150.00; regular minimum **¥150.00**, paid
 *   on 10 May.
 *
 * On 15 May the line is 94 days past due (since 10 Feb) and three statements in a row were paid on time: the
 * re-age is allowed. What stops being past due (the money effect): the largest unmet minimum, statement 4's
 * ¥1,150.00 less the ¥150.00 paid since its cut = **¥1,000.00**. After it: 0 days past due, no missed due date
 * left for limit reviews, nothing moved on the books (still ¥10,000.00 + May's interest owed). Statement 5
 * (1 Jun): interest 31 × ¥5.00 = ¥155.00, minimum **¥1,155.00** (all billed, as always), due 10 Jun.
 */
function scenario(): { terms: LineTerms; events: LineEvent[] } {
  const terms = termsFor(DEFAULT_CREDIT_LINE_PRODUCT, {
    lineId: 'cl_RA',
    customerId: 'cus_RA',
    facilityId: 'fac_RA',
    openedOn: d('2026-01-05'),
    apr: parseRate('0.1825'),
  });
  const pay = (seq: number, date: string, amount: bigint): LineEvent => ({
    seq,
    kind: 'payment',
    effectiveDate: d(date),
    amount: fen(amount),
  });
  const events: LineEvent[] = [
    {
      seq: 1,
      kind: 'purchase',
      effectiveDate: d('2026-01-10'),
      amount: fen(1_000_000n),
      purchaseId: 'pur_A',
      description: 'furniture',
    },
    pay(2, '2026-03-10', 24_500n),
    pay(3, '2026-04-10', 15_500n),
    pay(4, '2026-05-10', 15_000n),
  ];
  return { terms, events };
}

function run(
  terms: LineTerms,
  events: readonly LineEvent[],
  through: LocalDate,
): { state: LineState; statements: StatementDocument[] } {
  let state = initialLineState(terms);
  const statements: StatementDocument[] = [];
  const taken: LineEvent[] = [];
  for (const event of events) {
    if (event.effectiveDate > through) break;
    const received = receiveLineEvent(terms, state, taken, event);
    statements.push(...received.statements);
    state = received.state;
    taken.push(event);
  }
  const advanced = advanceLine(terms, state, through);
  statements.push(...advanced.statements);
  return { state: advanced.state, statements };
}

const reAge = { tool: 're-age' as const };
const reAgeEvent = (seq: number, date: string): LineEvent => ({
  seq,
  kind: 'hardship',
  effectiveDate: d(date),
  amount: fen(100_000n),
  requestId: 'lhr_RA',
  change: { tool: 're-age' },
});

describe('a re-age on a credit line', () => {
  it('measures the statements paid on time by their regular minimum', () => {
    const { terms, events } = scenario();
    const { state, statements } = run(terms, events, d('2026-05-15'));
    expect(statements.map((s) => [s.interest, s.minimumPayment])).toEqual([
      [0n, 100_000n],
      [24_500n, 124_500n],
      [15_500n, 115_500n],
      [15_000n, 115_000n],
    ]);
    expect([0, 1, 2, 3].map((index) => regularMinimumOf(terms, state, index))).toEqual([
      100_000n,
      24_500n,
      15_500n,
      15_000n,
    ]);
    expect(lineDaysPastDue(state, d('2026-05-15'))).toBe(94);
    expect(lineConsecutivePaid({ terms, state, events, today: d('2026-05-15') })).toBe(3);
  });

  it('brings the line current, forgives nothing, and the next minimum takes everything billed', () => {
    const { terms, events } = scenario();
    const state = run(terms, events, d('2026-05-15')).state;
    const line = { terms, state, events, today: d('2026-05-15') };
    const plan = planLineHardship(line, reAge, 'lhr_RA');
    expect(plan.change).toEqual({ tool: 're-age' });
    expect(plan.moneyEffect).toBe(100_000n);
    expect(plan.before.daysPastDue).toBe(94);
    expect(plan.after.daysPastDue).toBe(0);
    expect(plan.after.minimumDue).toBe(0n);
    expect(plan.after.payoff).toBe(plan.before.payoff);
    expect(plan.stateAfter.counters).toEqual(state.counters);
    expect(plan.stateAfter.dueOutcomes).toEqual([]);
    expect(plan.nextDueDate).toBe('2026-06-10');
    expect(state.dueOutcomes.map((o) => o.minimumMet)).toEqual([false, false, false, false]);

    const withReAge = [...events, reAgeEvent(5, '2026-05-15')];
    const june = run(terms, withReAge, d('2026-06-10'));
    expect(june.statements[4]).toMatchObject({ seq: 5, interest: 15_500n, minimumPayment: 115_500n });
    expect(lineDaysPastDue(june.state, d('2026-06-10'))).toBe(0);
    // Statement 5's minimum falls due as always: missed on 10 Jun, 1 day past due on 11 Jun.
    expect(lineDaysPastDue(run(terms, withReAge, d('2026-06-11')).state, d('2026-06-11'))).toBe(1);
    const paid = [
      ...withReAge,
      { seq: 6, kind: 'payment' as const, effectiveDate: d('2026-06-10'), amount: fen(115_500n) },
    ];
    const current = run(terms, paid, d('2026-06-11')).state;
    expect(lineDaysPastDue(current, d('2026-06-11'))).toBe(0);
    expect(current.dueOutcomes).toEqual([
      expect.objectContaining({ seq: 5, minimumMet: true, minimumPayment: 115_500n }),
    ]);
  });

  it('stops the late fees of the re-aged statements; those charged stay owed', () => {
    const base = scenario();
    const terms: LineTerms = {
      ...base.terms,
      lateFee: { rate: parseRate('0.05'), floor: fen(0n), max: fen(1_000_000n) },
    };
    const before = run(terms, base.events, d('2026-05-15')).state;
    const charged = before.counters.lateFeesCharged ?? 0n;
    expect(charged).toBeGreaterThan(0n);
    const withReAge = [...base.events, reAgeEvent(5, '2026-05-15')];
    const after = run(terms, withReAge, d('2026-05-31')).state;
    expect(after.counters.lateFeesCharged).toBe(charged);
    const reAged = after.statements.filter((statement) => statement.reAged);
    expect(reAged.map((statement) => statement.seq)).toEqual([1, 2, 3, 4]);
    for (const statement of reAged) expect(statement.lateFeeDue).toBe(statement.lateFeeCharged ?? 0n);
  });

  it('is refused: current, too few paid, too soon after the last, written off', () => {
    const { terms, events } = scenario();
    const plan = (
      state: LineState,
      evs: readonly LineEvent[],
      today: string,
      rules = DEFAULT_HARDSHIP_RULES,
    ) => refusalOf(() => planLineHardship({ terms, state, events: evs, today: d(today) }, reAge, 'x', rules));
    expect(plan(run(terms, events, d('2026-02-05')).state, events, '2026-02-05')).toEqual({
      field: 'tool',
      rule: 'delinquent',
    });
    // On 15 Apr two statements in a row were paid (2 and 3).
    const april = run(terms, events, d('2026-04-15')).state;
    expect(lineConsecutivePaid({ terms, state: april, events, today: d('2026-04-15') })).toBe(2);
    expect(plan(april, events, '2026-04-15')).toEqual({ field: 'tool', rule: 'min-consecutive-paid' });
    // Re-aged on 15 May, behind again on 11 Jun: within 12 months of the last (even with no payments asked).
    const withReAge = [...events, reAgeEvent(5, '2026-05-15')];
    const june = run(terms, withReAge, d('2026-06-11')).state;
    expect(
      plan(june, withReAge, '2026-06-11', { ...DEFAULT_HARDSHIP_RULES, reAgeMinConsecutivePaid: 0 }),
    ).toEqual({ field: 'tool', rule: 'once-per-period' });
    const writeOff: LineEvent = {
      seq: 5,
      kind: 'write-off',
      effectiveDate: d('2026-05-15'),
      amount: fen(0n),
      reason: 'test',
    };
    const writtenOff = run(terms, [...events, writeOff], d('2026-05-15')).state;
    expect(plan(writtenOff, [...events, writeOff], '2026-05-15')).toEqual({
      field: 'lineId',
      rule: 'not-written-off',
    });
  });

  it('on random lines behind: applied only after three regular minimums paid on time; after it, current until a new minimum is missed (fast-check)', () => {
    let applied = 0;
    fc.assert(
      fc.property(
        fc.record({
          amount: fc.bigInt({ min: 20_000n, max: 3_000_000n }),
          missed: fc.integer({ min: 1, max: 2 }),
          paid: fc.integer({ min: 0, max: 4 }),
          wait: fc.integer({ min: 1, max: 20 }),
          apr: fc.constantFrom('0.1825', '0.073', '0.24'),
        }),
        ({ amount, missed, paid, wait, apr }) => {
          const terms = termsFor(DEFAULT_CREDIT_LINE_PRODUCT, {
            lineId: 'cl_RP',
            customerId: 'cus_RP',
            facilityId: 'fac_RP',
            openedOn: d('2026-01-05'),
            apr: parseRate(apr),
          });
          const events: LineEvent[] = [
            {
              seq: 1,
              kind: 'purchase',
              effectiveDate: d('2026-01-10'),
              amount: fen(amount),
              purchaseId: 'pur_P',
              description: 'bought',
            },
          ];
          let state = receiveLineEvent(terms, initialLineState(terms), [], events[0] as LineEvent).state;
          // The first `missed` statements go unpaid; the next `paid` get their regular minimum on their due date.
          let lastDue: LocalDate | undefined;
          for (
            let day = d('2026-01-11');
            lastDue === undefined && day < d('2026-12-31');
            day = addDays(day, 1)
          ) {
            state = advanceLine(terms, state, addDays(day, -1)).state;
            const index = state.statements.findIndex((statement) => statement.dueDate === day);
            if (index < 0) continue;
            if (index >= missed && index < missed + paid) {
              const regular = regularMinimumOf(terms, state, index);
              if (regular > 0n) {
                const payment: LineEvent = {
                  seq: events.length + 1,
                  kind: 'payment',
                  effectiveDate: day,
                  amount: regular,
                };
                state = receiveLineEvent(terms, state, events, payment).state;
                events.push(payment);
              }
            }
            if (index === missed + paid - 1) lastDue = day;
          }
          // A line paid off by its regular minimums cuts no more statements: nothing to re-age.
          if (lastDue === undefined) return;
          const ask = addDays(lastDue, wait);
          state = advanceLine(terms, state, ask).state;
          const behind = lineDaysPastDue(state, ask);
          const line = { terms, state, events, today: ask };
          let plan: ReturnType<typeof planLineHardship>;
          try {
            plan = planLineHardship(line, reAge, 'lhr_P');
          } catch (error) {
            const refused = refusalOf(() => {
              throw error;
            });
            expect(['delinquent', 'min-consecutive-paid']).toContain(refused.rule);
            if (refused.rule === 'delinquent') expect(behind).toBe(0);
            return;
          }
          // Applied: the line was behind, three statements in a row were paid on time, and nothing is owed less.
          applied += 1;
          expect(behind).toBeGreaterThan(0);
          expect(paid).toBeGreaterThanOrEqual(DEFAULT_HARDSHIP_RULES.reAgeMinConsecutivePaid);
          expect(lineConsecutivePaid(line)).toBeGreaterThanOrEqual(
            DEFAULT_HARDSHIP_RULES.reAgeMinConsecutivePaid,
          );
          expect(plan.after.daysPastDue).toBe(0);
          expect(plan.after.payoff).toBe(plan.before.payoff);
          expect(plan.stateAfter.counters).toEqual(state.counters);
          const reAged: LineEvent = {
            seq: events.length + 1,
            kind: 'hardship',
            effectiveDate: ask,
            amount: plan.moneyEffect,
            requestId: 'lhr_P',
            change: plan.change,
          };
          state = receiveLineEvent(terms, state, events, reAged).state;
          events.push(reAged);
          // Nothing paid from here: current every day through the next due date whose minimum is unmet, then
          // one day past due the day after it.
          for (let day = addDays(ask, 1); day <= addDays(ask, 70); day = addDays(day, 1)) {
            state = advanceLine(terms, state, day).state;
            const missedNext = state.statements.find(
              (statement) => statement.dueDate > ask && statement.dueDate < day && !statement.holiday,
            );
            if (!missedNext) expect(lineDaysPastDue(state, day)).toBe(0);
            else {
              expect(lineDaysPastDue(state, day)).toBeGreaterThan(0);
              break;
            }
          }
          const replayed = replayLine(terms, events, state.processedThrough);
          expect(replayed.state).toEqual(state);
        },
      ),
      { numRuns: 120, seed: 4242 },
    );
    // The property is about applied re-ages: a good share of the histories must reach one.
    expect(applied).toBeGreaterThan(20);
  });

  it('replays to the same line as it was taken in day by day', () => {
    const { terms, events } = scenario();
    const withReAge = [...events, reAgeEvent(5, '2026-05-15')];
    const incremental = run(terms, withReAge, d('2026-06-15'));
    const replayed = replayLine(terms, withReAge, d('2026-06-15'));
    expect(replayed.state).toEqual(incremental.state);
    expect(replayed.statements).toEqual(incremental.statements);
  });
});
