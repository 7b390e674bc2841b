import { describe, expect, it } from 'vitest';
import type { Money } from '../../platform/money/money.ts';
import { parseRate } from '../../platform/money/rate.ts';
import { renderMessage } from '../../platform/notifications/templates.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import type { CostCap } from '../shared/cost-cap.ts';
import { lineBalances, planBalances } from './line-books.ts';
import { planLineHardship, type LineHardshipAsk, type LineToday } from './line-hardship.ts';
import { lineHardshipApplied } from './line-messages.ts';
import { lineDaysPastDue, replayLine, workoutPlanFigures } from './line-servicing.ts';
import type { LineEvent } from './line-state.ts';
import type { LineTerms } from './line-terms.ts';
import {
  phoneAndConvertedSofa,
  refusalOf,
  runLine,
  workedTerms,
} from './line-worked-example.test-support.ts';

const d = (text: string) => text as LocalDate;
const fen = (value: bigint) => value as Money;

/**
 * A reschedule into a workout plan on a credit line (issue 15, item 4 for lines), worked by hand. The line of the
 * waiver's example: 18.25 % a year (1/2000 a day), statement day 1, due the 10th; ¥1,000.00 bought 10 Jan 2026,
 * ¥600.00 bought 12 Jan and converted into 3 × ¥200.00 with a ¥4.50 fee a period (plan ipl_B).
 *
 * Statement 1 (1 Feb): ¥1,000.00 + ¥200.00 + ¥4.50 = ¥1,204.50, minimum ¥304.50, due 10 Feb: missed, grace lost.
 * On 20 Feb (10 days past due), interest accrued since the posting dates: 100,000 × 31 + 20,000 × 9 = 3,280,000
 * fen-days ÷ 2,000 = ¥16.40, then ¥0.60 a day × 10 days = ¥6.00: **¥22.40**.
 *
 * Reschedule into **12 instalments at 6 %** a year (the line's contract rate is 18.25 %). Moved (everything owed):
 * revolving principal ¥1,000.00 + instalment principal billed ¥200.00 + ipl_B's ¥400.00 not yet billed (principal
 * ¥1,600.00) + the ¥4.50 fee billed + ¥22.40 of interest = **¥1,626.90** (the money effect).
 *
 * Parts (`allocateEvenly`): 162,690 ÷ 12 = 13,557 rem 6 → ¥135.58 × 6, then ¥135.57 × 6 (sum ¥1,626.90).
 * Charge of period k: interest at 6 % ÷ 12 = 0.5 % a month on the principal's share of what is left,
 * halfUp(left_k × 160,000 / 162,690 × 0.005) = halfUp(left_k × 800 / 162,690):
 *   k=1: 162,690 × 800 / 162,690 = 800 → ¥8.00;
 *   k=2: left 149,132 → 119,305,600 / 162,690 = 733.33 → ¥7.33;
 *   k=3: left 135,574 → 666.67 → ¥6.67; … (left_k falls by ~1/12 of 162,690 each period, so charge_k ≈ 800 ×
 *   (13 − k) / 12) … k=12: left 13,557 → 66.67 → ¥0.67. In all 800 × 78 / 12 = **¥52.00**.
 * Instalment 1 = ¥135.58 + ¥8.00 = **¥143.58**, due 10 Mar; instalment 12 = ¥135.57 + ¥0.67 = **¥136.24**, due
 * 10 Feb 2027.
 *
 * Statement 2 (1 Mar): opening ¥1,204.50 + interest ¥22.40 − converted ¥1,226.90 (everything that left the closing
 * balance: 162,690 − the ¥400.00 that was not on it) + instalment ¥135.58 + charge ¥8.00 = **¥143.58**, minimum
 * ¥143.58 (10 % × 0 revolving + instalment + fee, above the ¥100.00 floor); instalments to come ¥400.00 +
 * ¥1,226.90 − ¥135.58 = ¥1,491.32.
 *
 * Days past due: not cured — 10 on 20 Feb, 27 on 9 Mar (since 10 Feb); ¥143.58 paid on 10 Mar ends the hold: 0
 * on 11 Mar. Unpaid: 29 on 11 Mar. Statement 3's instalment 2 (¥135.58 + ¥7.33 = ¥142.91, due 10 Apr) missed: 5
 * days past due on 15 Apr — the line ages again.
 */
const EXPECTED_CHARGES = [800n, 733n, 667n, 600n, 533n, 467n, 400n, 333n, 267n, 200n, 133n, 67n];

const reschedule = (instalments: number, rate: string): LineHardshipAsk => ({
  tool: 'reschedule',
  instalments,
  rate: parseRate(rate),
});

function lineOn(terms: LineTerms, events: readonly LineEvent[], today: LocalDate): LineToday {
  const { state } = runLine(terms, events, today);
  return { terms, state, events, today };
}

function workoutEvent(seq: number, date: string, instalments = 12, rate = '0.06'): LineEvent {
  return {
    seq,
    kind: 'hardship',
    effectiveDate: d(date),
    amount: fen(162_690n),
    requestId: 'lhr_W',
    change: { tool: 'reschedule', instalments, rate: parseRate(rate), planId: 'ipl_W' },
  };
}

describe('a reschedule into a workout plan on a credit line', () => {
  const terms = workedTerms('WO');

  it('moves the whole balance into a plan whose instalments sum exactly to it', () => {
    // Given the line 10 days past due on 20 Feb
    const line = lineOn(terms, phoneAndConvertedSofa(), d('2026-02-20'));
    expect(lineDaysPastDue(line.state, line.today)).toBe(10);
    // When a reschedule into 12 instalments at 6 % is planned
    const plan = planLineHardship(line, reschedule(12, '0.06'), 'lhr_W', undefined, { planId: 'ipl_W' });
    // Then everything owed moves, by what it was
    const workout = plan.workout;
    expect(plan.moneyEffect).toBe(162_690n);
    expect(workout?.moved).toEqual({
      revolving: 100_000n,
      interest: 2_240n,
      lateFees: 0n,
      planPrincipal: 60_000n,
      planFees: 450n,
      planNotYetBilled: 40_000n,
      amount: 162_690n,
      principal: 160_000n,
    });
    expect(workout?.schedule.map((row) => row.principal)).toEqual([
      ...Array.from({ length: 6 }, () => 13_558n),
      ...Array.from({ length: 6 }, () => 13_557n),
    ]);
    expect(workout?.schedule.map((row) => row.charge)).toEqual(EXPECTED_CHARGES);
    expect(workout?.totalCharge).toBe(5_200n);
    expect(workout?.schedule[0]).toMatchObject({ statementDate: '2026-03-01', dueDate: '2026-03-10' });
    expect(workout?.schedule[11]).toMatchObject({ statementDate: '2027-02-01', dueDate: '2027-02-10' });
    // Not cured: still 10 days past due, counted from 10 Feb; nothing left on the revolving side
    expect(workout?.arrearsSince).toBe('2026-02-10');
    expect(plan.after).toMatchObject({ principal: 162_690n, interest: 0n, fees: 0n, payoff: 162_690n });
    expect(plan.after.minimumDue).toBe(0n);
    expect(plan.after.daysPastDue).toBe(10);
    expect(plan.stateAfter.suspended).toBe(true);
    // The plan costs less than its rate (interest and fees moved bear no charge), and well under the contract's
    expect(workout?.aprByIrr).toBeGreaterThan(0.058);
    expect(workout?.aprByIrr).toBeLessThan(0.06);
  });

  it('books the move as balanced journals: the line and the old plan paid by the workout plan', () => {
    const events = [...phoneAndConvertedSofa(), workoutEvent(4, '2026-02-20')];
    const { changes } = runLine(terms, events, d('2026-02-20'));
    const change = changes.find((c) => c.cause === 'hardship');
    expect(change).toBeDefined();
    if (!change) return;
    const delta = (before: Record<string, bigint>, after: Record<string, bigint>) => {
      const out: Record<string, bigint> = {};
      for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
        const moved = (after[key] ?? 0n) - (before[key] ?? 0n);
        if (moved !== 0n) out[key] = moved;
      }
      return out;
    };
    // Line: Dr funding 1,022.40 / Cr principal receivable 1,000.00, interest receivable 22.40
    expect(delta(lineBalances(change.before.line), lineBalances(change.after.line))).toEqual({
      principal_receivable: -100_000n,
      interest_receivable: -2_240n,
      funding: 102_240n,
    });
    // ipl_B: Dr funding 604.50 / Cr principal receivable 600.00, fee receivable 4.50 (its fee income stays)
    const planB = change.before.plans.ipl_B;
    const planBAfter = change.after.plans.ipl_B;
    expect(planB && planBAfter && delta(planBalances(planB), planBalances(planBAfter))).toEqual({
      principal_receivable: -60_000n,
      fee_receivable: -450n,
      funding: 60_450n,
    });
    // ipl_W: Dr principal receivable 1,626.90 / Cr funding 1,626.90 — funding over the customer's contracts nets 0
    const planW = change.after.plans.ipl_W;
    expect(planW && planBalances(planW)).toMatchObject({
      principal_receivable: 162_690n,
      funding: -162_690n,
    });
  });

  it('bills the plan on the statements, holds the days past due until instalment 1 is met, and ages again', () => {
    const events = [...phoneAndConvertedSofa(), workoutEvent(4, '2026-02-20')];
    // Statement 2 (1 Mar) bills instalment 1 exactly
    const unpaid = runLine(terms, events, d('2026-03-11'));
    const s2 = unpaid.statements.find((s) => s.seq === 2);
    expect(s2).toMatchObject({
      openingBalance: 120_450n,
      interest: 2_240n,
      converted: 122_690n,
      instalmentPrincipal: 13_558n,
      fees: 800n,
      closingBalance: 14_358n,
      minimumPayment: 14_358n,
      instalmentsNotYetBilled: 149_132n,
    });
    expect(lineDaysPastDue(runLine(terms, events, d('2026-03-09')).state, d('2026-03-09'))).toBe(27);
    // Unpaid on its due date: still counted from 10 Feb
    expect(lineDaysPastDue(unpaid.state, d('2026-03-11'))).toBe(29);
    // Paid on 10 Mar: the hold ends, current on 11 Mar
    const paid: LineEvent[] = [
      ...events,
      { seq: 5, kind: 'payment', effectiveDate: d('2026-03-10'), amount: fen(14_358n) },
    ];
    const current = runLine(terms, paid, d('2026-03-11'));
    expect(lineDaysPastDue(current.state, d('2026-03-11'))).toBe(0);
    expect(current.state.workoutArrearsSince).toBeUndefined();
    // …still frozen for spending while the plan runs
    expect(current.state.suspended).toBe(true);
    // Statement 3 (1 Apr) bills instalment 2 (¥135.58 + ¥7.33); missed, the line ages again: 5 days on 15 Apr
    const later = runLine(terms, paid, d('2026-04-15'));
    expect(later.statements.find((s) => s.seq === 3)).toMatchObject({
      instalmentPrincipal: 13_558n,
      fees: 733n,
      minimumPayment: 14_291n,
    });
    expect(lineDaysPastDue(later.state, d('2026-04-15'))).toBe(5);
    // Replay from the events equals the line taken in day by day
    expect(replayLine(terms, paid, d('2026-04-15')).state).toEqual(later.state);
  });

  it('unfreezes the line once the plan is paid in full', () => {
    const events: LineEvent[] = [...phoneAndConvertedSofa(), workoutEvent(4, '2026-02-20', 3, '0')];
    // 3 instalments, no charge: 162,690 ÷ 3 = 54,230 each
    let seq = 5;
    for (const date of ['2026-03-10', '2026-04-10', '2026-05-10'])
      events.push({ seq: seq++, kind: 'payment', effectiveDate: d(date), amount: fen(54_230n) });
    const { state, statements } = runLine(terms, events, d('2026-05-11'));
    expect(statements.filter((s) => s.seq >= 2).map((s) => s.minimumPayment)).toEqual([
      54_230n,
      54_230n,
      54_230n,
    ]);
    expect(state.suspended).toBe(false);
    expect(lineDaysPastDue(state, d('2026-05-11'))).toBe(0);
    expect(replayLine(terms, events, d('2026-05-11')).state).toEqual(state);
  });

  it('refuses, naming the field and the rule', () => {
    const behind = lineOn(terms, phoneAndConvertedSofa(), d('2026-02-20'));
    const plan = (line: LineToday, ask: LineHardshipAsk, cap?: CostCap) =>
      refusalOf(() => planLineHardship(line, ask, 'lhr_X', undefined, { planId: 'ipl_X', cap }));
    expect(plan(behind, reschedule(2, '0.06'))).toEqual({ field: 'instalments', rule: 'range' });
    expect(plan(behind, reschedule(37, '0.06'))).toEqual({ field: 'instalments', rule: 'range' });
    expect(plan(behind, reschedule(12, '0.1826'))).toEqual({ field: 'rate', rule: 'within-contract-rate' });
    expect(plan(behind, reschedule(12, '-0.01'))).toEqual({ field: 'rate', rule: 'not-negative' });
    // The contract rate itself is allowed
    expect(planLineHardship(behind, reschedule(12, '0.1825'), 'lhr_X').moneyEffect).toBe(162_690n);
    // A line that is current (5 Feb: statement 1 not yet due)
    const current = lineOn(terms, phoneAndConvertedSofa(), d('2026-02-05'));
    expect(plan(current, reschedule(12, '0.06'))).toEqual({ field: 'tool', rule: 'delinquent' });
    // A workout plan still being paid
    const rescheduled = lineOn(
      terms,
      [...phoneAndConvertedSofa(), workoutEvent(4, '2026-02-20')],
      d('2026-03-15'),
    );
    expect(plan(rescheduled, reschedule(12, '0.06'))).toEqual({ field: 'tool', rule: 'other-tool-in-force' });
    // A payment holiday still running
    const holiday: LineEvent = {
      seq: 4,
      kind: 'hardship',
      effectiveDate: d('2026-01-20'),
      amount: fen(0n),
      requestId: 'lhr_H',
      change: { tool: 'holiday', statements: 1 },
    };
    const onHoliday = lineOn(terms, [...phoneAndConvertedSofa(), holiday], d('2026-01-25'));
    expect(plan(onHoliday, reschedule(12, '0.06'))).toEqual({ field: 'tool', rule: 'other-tool-in-force' });
    // Too close to the charge-off limit: past due since 10 Feb, 28 days by the first due date (10 Mar) > 25
    const strict = { ...terms, writeOffAfterDpd: 25 };
    const nearChargeOff = lineOn(strict, phoneAndConvertedSofa(), d('2026-02-20'));
    expect(plan(nearChargeOff, reschedule(12, '0.06'))).toEqual({ field: 'tool', rule: 'before-charge-off' });
    // Above the all-in cost cap in force today (5 %), though within the contract rate
    const cap: CostCap = {
      annualRate: parseRate('0.05'),
      rule: { effectiveFrom: d('2020-01-01'), kind: 'fixed', annualRate: parseRate('0.05'), basis: 'test' },
    };
    expect(plan(behind, reschedule(12, '0.06'), cap)).toEqual({ field: 'rate', rule: 'all-in-cost-cap' });
    expect(planLineHardship(behind, reschedule(12, '0.05'), 'lhr_X', undefined, { cap }).moneyEffect).toBe(
      162_690n,
    );
    // A written-off line
    const writeOff: LineEvent = {
      seq: 4,
      kind: 'write-off',
      effectiveDate: d('2026-02-20'),
      amount: fen(0n),
      reason: 'test',
    };
    const writtenOff = lineOn(terms, [...phoneAndConvertedSofa(), writeOff], d('2026-02-21'));
    expect(plan(writtenOff, reschedule(12, '0.06'))).toEqual({ field: 'lineId', rule: 'not-written-off' });
  });

  it('allows one reschedule in 24 months', () => {
    // The plan of 20 Feb settled in full on 10 Mar (3 × 0 %: ¥542.30 × 3 paid at once, held and used), then
    // ¥100.00 bought and its statement missed: behind again on 15 Jun, 4 months after the last reschedule.
    const events: LineEvent[] = [
      ...phoneAndConvertedSofa(),
      workoutEvent(4, '2026-02-20', 3, '0'),
      { seq: 5, kind: 'payment', effectiveDate: d('2026-03-10'), amount: fen(162_690n) },
      {
        seq: 6,
        kind: 'purchase',
        effectiveDate: d('2026-05-12'),
        amount: fen(10_000n),
        purchaseId: 'pur_C',
        description: 'books',
      },
    ];
    const line = lineOn(terms, events, d('2026-06-15'));
    expect(lineDaysPastDue(line.state, line.today)).toBe(5);
    expect(refusalOf(() => planLineHardship(line, reschedule(6, '0.06'), 'lhr_Y'))).toEqual({
      field: 'tool',
      rule: 'once-per-period',
    });
  });

  it('tells the customer the plan with the exact figures, in zh-CN and en', () => {
    const line = lineOn(terms, phoneAndConvertedSofa(), d('2026-02-20'));
    const plan = planLineHardship(line, reschedule(12, '0.06'), 'lhr_W', undefined, { planId: 'ipl_W' });
    const draft = lineHardshipApplied({
      customerId: 'cus_WO',
      lineId: 'cl_WO',
      requestId: 'lhr_W',
      change: plan.change,
      after: plan.after,
      workout: plan.workout,
    });
    const text = renderMessage(draft.content);
    expect(text.en).toBe(
      'Everything you owe on your credit line, CNY 1,626.90, is now a plan of 12 monthly instalments at 6.00% a year, ' +
        'charged on the principal only (CNY 52.00 in all). The first, CNY 143.58, is due on 10 Mar 2026 and the last, ' +
        'CNY 136.24, on 10 Feb 2027; each is on your statement. The line is closed for new spending until the plan is ' +
        'paid. Until you pay the first instalment the line still counts as 10 days overdue; after that, any ' +
        'instalment not paid on time makes it overdue again.',
    );
    expect(text.zh).toBe(
      '您的信用额度全部欠款¥1,626.90已转为12期分期还款，年利率6.00%，只对本金计息，利息共¥52.00。第一期¥143.58，还款日' +
        '2026年3月10日；最后一期¥136.24，还款日2027年2月10日；每期随账单还款。还清之前，该额度暂停使用。在您还清第一期之前，' +
        '账户仍按逾期10天计算；之后如有任何一期未按时还款，账户将再次逾期。',
    );
  });

  it('splits any amount so the parts sum to it, with charges never above the rate on the principal', () => {
    const { parts, fees } = workoutPlanFigures(fen(100_001n), fen(50_000n), 7, parseRate('0.12'));
    expect(parts.reduce((a, b) => a + b, 0n)).toBe(100_001n);
    // 100,001 ÷ 7 = 14,285 rem 6: the first six get one fen more
    expect(parts).toEqual([14_286n, 14_286n, 14_286n, 14_286n, 14_286n, 14_286n, 14_285n]);
    // Period 1: 100,001 × 50,000 × 0.01 / 100,001 = 500 (1 % a month on ¥500.00 of principal)
    expect(fees[0]).toBe(500n);
  });
});
