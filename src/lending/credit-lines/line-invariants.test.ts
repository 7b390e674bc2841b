import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateEntry } from '../../ledger/journal.ts';
import type { Money } from '../../platform/money/money.ts';
import { parseRate } from '../../platform/money/rate.ts';
import { addDays, type LocalDate } from '../../platform/time/local-date.ts';
import { journalsOf, lineBalances, planBalances } from './line-books.ts';
import {
  advanceLine,
  bookCounters,
  freeHeldOf,
  heldFor,
  reservedOf,
  initialLineState,
  planIsRunning,
  planNotYetBilled,
  planStatusOf,
  principalOwedOf,
  lineBalancesOf,
  lineDaysPastDue,
  receiveLineEvent,
  replayLine,
  waivableOf,
  writtenOffOf,
  type LineBookCounters,
  type StatementDocument,
} from './line-servicing.ts';
import { lastPeriodOf, type LineEvent, type LineState } from './line-state.ts';
import { standingEvents } from '../shared/reversals.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { lineContractRate, planLineHardship, settlementPayoff } from './line-hardship.ts';
import {
  DEFAULT_CREDIT_LINE_PRODUCT,
  termsFor,
  validateCycleDays,
  type DueRule,
  type LineTerms,
} from './line-terms.ts';

/**
 * Invariants of the servicing core over random histories (purchases, payments, refunds — of converted
 * purchases too — conversions and payouts): statements add up, every statement's closing balance is what
 * the books say was owed at the cut, journals balance, nothing goes negative, cash is conserved, plans'
 * schedules, balances and statuses agree, the incremental path equals the replay, and paying each minimum
 * on time keeps a line current.
 */

type Action =
  | { kind: 'purchase'; gap: number; amount: number }
  | { kind: 'payment'; gap: number; share: number; extra: number }
  | { kind: 'refund'; gap: number; share: number; pick: number }
  | { kind: 'convert'; gap: number; term: 3 | 6 | 9 | 12; statement: boolean }
  | { kind: 'payout'; gap: number; share: number }
  /** A pay-out through the provider: reserve a share of the free money, later confirmed or refused. */
  | { kind: 'reserve'; gap: number; share: number }
  | { kind: 'answer'; gap: number; pick: number; confirmed: boolean }
  | { kind: 'settle'; gap: number; pick: number }
  | { kind: 'reverse'; gap: number; pick: number }
  | { kind: 'write-off'; gap: number }
  | { kind: 'waive'; gap: number; interest: number; fees: number; lateFees: number }
  /** Settlement for less (hardship): a share of what settles the line today (100 % and above: refused). */
  | { kind: 'settle-for-less'; gap: number; share: number }
  /** A payment holiday (hardship) of 1–4 statements (4: above the rules, refused). */
  | { kind: 'holiday'; gap: number; statements: number }
  /** A re-age (hardship), through the rule: applied only to a line behind whose customer has paid again. */
  | { kind: 're-age'; gap: number }
  /**
   * A reschedule into a workout plan (hardship), through the rule: 2–37 instalments (2 and 37 outside the rules'
   * 3–36), at 0–110 % of the line's contract rate (above 100 %: refused).
   */
  | { kind: 'reschedule'; gap: number; instalments: number; ratePercent: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('purchase' as const),
      gap: fc.integer({ min: 0, max: 12 }),
      amount: fc.integer({ min: 1, max: 800_000 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('payment' as const),
      gap: fc.integer({ min: 0, max: 15 }),
      share: fc.integer({ min: 0, max: 100 }),
      extra: fc.integer({ min: 0, max: 5_000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('refund' as const),
      gap: fc.integer({ min: 0, max: 10 }),
      share: fc.integer({ min: 1, max: 100 }),
      // Which purchase with something left to refund: converted ones are picked as often as any.
      pick: fc.nat(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('payout' as const),
      gap: fc.integer({ min: 0, max: 10 }),
      share: fc.integer({ min: 1, max: 100 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('reserve' as const),
      gap: fc.integer({ min: 0, max: 10 }),
      share: fc.integer({ min: 1, max: 100 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('answer' as const),
      gap: fc.integer({ min: 0, max: 20 }),
      pick: fc.nat(),
      confirmed: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('settle' as const),
      gap: fc.integer({ min: 0, max: 10 }),
      pick: fc.nat(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('reverse' as const),
      gap: fc.integer({ min: 0, max: 40 }),
      pick: fc.nat(),
    }),
  },
  {
    // Staff write a line off by hand (the day-end's rule writes lines off past `writeOffAfterDpd` too).
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('write-off' as const),
      gap: fc.integer({ min: 0, max: 30 }),
    }),
  },
  {
    // A goodwill waiver (hardship): a share (0–100 %) of the interest, instalment fees and late fees owed.
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('waive' as const),
      gap: fc.integer({ min: 0, max: 20 }),
      interest: fc.integer({ min: 0, max: 100 }),
      fees: fc.integer({ min: 0, max: 100 }),
      lateFees: fc.integer({ min: 0, max: 100 }),
    }),
  },
  {
    // A settlement for less (hardship): 0–119 % of what settles the line (from 100 %: refused, nothing taken).
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('settle-for-less' as const),
      gap: fc.integer({ min: 0, max: 60 }),
      share: fc.integer({ min: 0, max: 119 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('holiday' as const),
      gap: fc.integer({ min: 0, max: 30 }),
      statements: fc.integer({ min: 1, max: 4 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('re-age' as const), gap: fc.integer({ min: 0, max: 45 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('reschedule' as const),
      gap: fc.integer({ min: 0, max: 45 }),
      instalments: fc.integer({ min: 2, max: 37 }),
      ratePercent: fc.integer({ min: 0, max: 110 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('convert' as const),
      gap: fc.integer({ min: 0, max: 10 }),
      term: fc.constantFrom(3 as const, 6 as const, 9 as const, 12 as const),
      statement: fc.boolean(),
    }),
  },
);

const dueRule: fc.Arbitrary<DueRule> = fc.oneof(
  fc.integer({ min: 1, max: 31 }).map((dayOfMonth) => ({ dayOfMonth })),
  fc.integer({ min: 1, max: 27 }).map((daysAfterStatement) => ({ daysAfterStatement })),
);

const cycleDays = fc.tuple(fc.integer({ min: 1, max: 31 }), dueRule).filter(([statementDay, due]) => {
  try {
    validateCycleDays(statementDay, due);
    return true;
  } catch {
    return false;
  }
});

const termsArb = fc
  .record({
    days: cycleDays,
    mode: fc.constantFrom('by-component' as const, 'by-statement' as const),
    interestFrom: fc.constantFrom('posting-date' as const, 'day-after-due' as const),
    apr: fc.constantFrom('0.1825', '0.073', '0.15'),
    // A third of the lines charge a late fee (5 % or 20 % of the missed minimum, ¥1–¥50), within a 24 % cap.
    lateFee: fc.constantFrom(null, null, '0.05', '0.2'),
    // The charge-off rule: the default (180 days past due), shorter ones the 14 months reach often, or none.
    writeOffAfterDpd: fc.constantFrom(undefined, 40, 75, null),
  })
  .map(({ days: [statementDay, due], mode, interestFrom, apr, lateFee, writeOffAfterDpd }) =>
    termsFor(
      {
        ...DEFAULT_CREDIT_LINE_PRODUCT,
        due,
        interestFrom,
        waterfall: { order: ['fee', 'interest', 'principal'], mode },
        ...(writeOffAfterDpd === undefined ? {} : { writeOffAfterDpd }),
        ...(lateFee === null
          ? {}
          : { lateFee: { rate: parseRate(lateFee), floor: 100n as Money, max: 5_000n as Money } }),
      },
      {
        lineId: 'cl_P',
        customerId: 'cus_P',
        facilityId: 'fac_P',
        openedOn: '2026-01-20' as LocalDate,
        apr: parseRate(apr),
        statementDay,
        costCap: parseRate('0.24'),
      },
    ),
  );

const m = (value: bigint) => value as Money;

/** Net owed by the books: receivables of the line and its plans, less money held. */
function booksOwe(counters: LineBookCounters): bigint {
  const line = lineBalances(counters.line);
  let net =
    (line.principal_receivable ?? 0n) +
    (line.interest_receivable ?? 0n) +
    (line.fee_receivable ?? 0n) -
    (line.customer_overpayment ?? 0n);
  for (const plan of Object.values(counters.plans)) {
    const b = planBalances(plan);
    net += (b.principal_receivable ?? 0n) + (b.fee_receivable ?? 0n);
  }
  return net;
}

interface Run {
  state: LineState;
  events: LineEvent[];
  statements: StatementDocument[];
  /** For each statement seq: what the books owed at the end of the day before its cut. */
  owedBeforeCut: Map<number, bigint>;
  /** Held money reserved for pay-outs when each statement was cut (netted in its closing balance, but not usable). */
  reservedAtCut: Map<number, bigint>;
  failures: string[];
  /** Reversals taken, and those refused because money held thanks to the payment was since paid out. */
  reversals: number;
  refusedReversals: number;
  /** Write-offs taken (by the rule or by hand). */
  writeOffs: number;
  /** Settlements for less taken (hardship). */
  settlements: number;
  /** Statements cut during a payment holiday (each must ask no minimum). */
  holidayStatements: number;
  /** Re-ages taken, and those refused by the rule. */
  reAges: number;
  refusedReAges: number;
  /** Reschedules into a workout plan taken, and statements cut billing a workout plan. */
  reschedules: number;
  workoutStatements: number;
  /** Pay-outs whose held money was reserved (then confirmed, refused, or still waiting). */
  readonly reservations: number;
}

/** Drives the core day by day and event by event, turning actions into events valid on the state. */
function drive(terms: LineTerms, actions: readonly Action[], end: LocalDate): Run {
  let state = initialLineState(terms);
  const events: LineEvent[] = [];
  const statements: StatementDocument[] = [];
  const owedBeforeCut = new Map<number, bigint>();
  const reservedAtCut = new Map<number, bigint>();
  const failures: string[] = [];
  const purchases: { id: string; amount: bigint; refunded: bigint }[] = [];
  let date = terms.openedOn;
  let journalSeq = 0;
  let reversals = 0;
  let refusedReversals = 0;
  let writeOffs = 0;
  let settlements = 0;
  let holidayStatements = 0;
  let reAges = 0;
  let refusedReAges = 0;
  let reschedules = 0;
  let workoutStatements = 0;
  let reservations = 0;
  /** A reversal was received since the last night ran: the next night may write off a line restated past the limit. */
  let reversedSinceNight = false;

  const check = (
    changes: readonly {
      before: LineBookCounters;
      after: LineBookCounters;
      cause: string;
      effectiveDate: LocalDate;
      seq?: number;
    }[],
  ) => {
    for (const change of changes) {
      for (const journal of journalsOf(
        terms.lineId,
        terms.customerId,
        change as never,
        () => `jrn_${(journalSeq += 1)}`,
      )) {
        try {
          validateEntry(journal);
        } catch (error) {
          failures.push(`unbalanced ${journal.sourceKey}: ${String(error)}`);
        }
      }
      const balances = [
        lineBalances(change.after.line),
        ...Object.values(change.after.plans).map(planBalances),
      ];
      for (const b of balances) {
        for (const [kind, value] of Object.entries(b)) {
          if (kind !== 'funding' && (value ?? 0n) < 0n)
            failures.push(`${kind} below zero on ${change.effectiveDate}`);
        }
      }
    }
  };

  const stepTo = (target: LocalDate) => {
    while (state.processedThrough < target) {
      const before = booksOwe({
        line: state.counters,
        plans: Object.fromEntries(state.plans.map((p) => [p.planId, p.counters])),
      });
      const onHoliday = (state.holidayStatements ?? 0) > 0 && !state.writtenOffOn;
      const next = advanceLine(terms, state, addDays(state.processedThrough, 1));
      for (const statement of next.statements) {
        if (!onHoliday) continue;
        holidayStatements += 1;
        if (statement.minimumPayment !== 0n)
          failures.push(
            `statement ${statement.seq} was cut during a holiday with a minimum of ${statement.minimumPayment}`,
          );
      }
      // A statement billing a workout plan asks at least its instalment (or all that is owed, when less) —
      // unless it is a holiday statement, which asks no minimum whatever it bills: a holiday granted while
      // the plan was paid off stands when a reversal restates the plan as owed again (seen in CI, seed
      // 1707240818: reschedule, payment, holiday, …, the payment reversed).
      for (const statement of onHoliday ? [] : next.statements)
        for (const line of statement.instalments) {
          if (!next.state.plans.some((p) => p.planId === line.planId && p.source.kind === 'workout'))
            continue;
          workoutStatements += 1;
          const instalment = line.principal + line.fee;
          const closing = statement.closingBalance > 0n ? statement.closingBalance : 0n;
          if (statement.minimumPayment < (instalment < closing ? instalment : closing))
            failures.push(
              `statement ${statement.seq} asks ${statement.minimumPayment} of a ${instalment} instalment`,
            );
        }
      for (const statement of next.statements) {
        owedBeforeCut.set(statement.seq, before);
        reservedAtCut.set(statement.seq, reservedOf(next.state));
      }
      statements.push(...next.statements);
      check(next.changes);
      const restatedByReversal = reversedSinceNight;
      reversedSinceNight = false;
      // Written off: nothing accrues, nothing is billed, no statement is cut any more.
      if (state.writtenOffOn && (next.changes.length > 0 || next.statements.length > 0))
        failures.push(`books moved on ${next.state.processedThrough} after the write-off`);
      if (!state.writtenOffOn && next.state.writtenOffOn) {
        writeOffs += 1;
        const limit = terms.writeOffAfterDpd === undefined ? 180 : terms.writeOffAfterDpd;
        // The rule: the first day days past due exceed the limit (or the night after a reversal restated the
        // line far past it: a restatement never writes a line off in the past).
        const before = lineDaysPastDue(state, state.processedThrough);
        if (limit === null || before < limit || (before > limit && !restatedByReversal))
          failures.push(`written off on ${next.state.writtenOffOn} at the wrong day (limit ${limit})`);
        if (next.changes.at(-1)?.cause !== 'write-off')
          failures.push('the write-off has no journal of its own');
      }
      state = next.state;
    }
  };

  for (const a of actions) {
    date = addDays(date, a.gap);
    if (date > end) break;
    stepTo(date);
    const seq = events.length + 1;
    let event: LineEvent | undefined;
    const writtenOff = writtenOffOf(state);
    if (writtenOff && (a.kind === 'purchase' || a.kind === 'convert' || a.kind === 'settle')) {
      // Refused on a written-off line (the use cases refuse first; the core too, naming the rule).
      const refused = (() => {
        try {
          receiveLineEvent(terms, state, events, {
            seq,
            kind: 'purchase',
            effectiveDate: date,
            amount: m(100n),
            purchaseId: 'pur_refused',
            description: 'refused',
          });
          return false;
        } catch (error) {
          return String(error).includes('written off');
        }
      })();
      if (!refused) failures.push(`a purchase was taken on a line written off on ${writtenOff.on}`);
      continue;
    }
    if (a.kind === 'write-off') {
      const owed = lineBalancesOf(state).payoff;
      if (!writtenOff && owed > 0n) {
        event = { seq, kind: 'write-off', effectiveDate: date, amount: owed, reason: 'by hand' };
        writeOffs += 1;
      }
    } else if (a.kind === 'waive') {
      if (!writtenOff) {
        const owed = waivableOf(state);
        const share = (amount: bigint, percent: number) => (amount * BigInt(percent) + 99n) / 100n;
        const change = {
          tool: 'waiver' as const,
          interest: m(share(owed.interest, a.interest)),
          fees: m(share(owed.fees, a.fees)),
          lateFees: m(share(owed.lateFees, a.lateFees)),
        };
        const total = change.interest + change.fees + change.lateFees;
        if (total > 0n)
          event = {
            seq,
            kind: 'hardship',
            effectiveDate: date,
            amount: m(total),
            requestId: `lhr_${seq}`,
            change,
          };
      }
    } else if (a.kind === 'holiday') {
      // Through the rule, as the use cases take it: refused above the rules' 3 statements, on an overdue or
      // written-off line, and within 12 months of the last holiday.
      const today = { terms, state, events, today: date };
      try {
        const plan = planLineHardship(today, { tool: 'holiday', statements: a.statements }, `lhr_${seq}`);
        event = {
          seq,
          kind: 'hardship',
          effectiveDate: date,
          amount: plan.moneyEffect,
          requestId: `lhr_${seq}`,
          change: plan.change,
        };
      } catch (error) {
        const rule = error instanceof AppError ? error.issues[0]?.rule : String(error);
        const allowed = ['not-written-off', 'max-instalments', 'current', 'once-per-period'];
        if (!allowed.includes(rule ?? '')) failures.push(`a holiday was refused by ${rule}`);
        if (a.statements <= 3 && rule === 'max-instalments')
          failures.push('a holiday of 3 or fewer was refused');
      }
    } else if (a.kind === 're-age') {
      // Through the rule, as the use cases take it: refused on a line that is current or written off, with too
      // few statements paid on time since it fell behind, or within 12 months of the last; else the line is
      // current after it, owes the same and nothing moved on the books.
      const today = { terms, state, events, today: date };
      try {
        const plan = planLineHardship(today, { tool: 're-age' }, `lhr_${seq}`);
        if (plan.after.daysPastDue !== 0)
          failures.push(`a re-age left ${plan.after.daysPastDue} days past due`);
        if (plan.after.payoff !== plan.before.payoff) failures.push('a re-age changed what is owed');
        if (!isDeepStrictEqual(plan.stateAfter.counters, state.counters))
          failures.push('a re-age moved the books');
        if (plan.moneyEffect <= 0n) failures.push('a re-age of nothing past due was planned');
        event = {
          seq,
          kind: 'hardship',
          effectiveDate: date,
          amount: plan.moneyEffect,
          requestId: `lhr_${seq}`,
          change: plan.change,
        };
        reAges += 1;
      } catch (error) {
        const rule = error instanceof AppError ? error.issues[0]?.rule : String(error);
        const allowed = ['not-written-off', 'delinquent', 'min-consecutive-paid', 'once-per-period'];
        if (!allowed.includes(rule ?? '')) failures.push(`a re-age was refused by ${rule}`);
        refusedReAges += 1;
      }
    } else if (a.kind === 'reschedule') {
      // Through the rule, as the use cases take it: refused outside 3–36 instalments, above the contract rate, on
      // a line current, written off, already in a workout plan or on holiday, too close to charge-off, or within
      // 24 months of the last; else everything owed moves into the plan (nothing forgiven), its parts sum to it
      // exactly, no minimum is left on the revolving side and the days past due are not cured.
      const today = { terms, state, events, today: date };
      const contract = lineContractRate(terms);
      const rate = { num: contract.num * BigInt(a.ratePercent), den: contract.den * 100n };
      try {
        const plan = planLineHardship(
          today,
          { tool: 'reschedule', instalments: a.instalments, rate },
          `lhr_${seq}`,
          undefined,
          { planId: `ipl_W${seq}` },
        );
        if (a.instalments < 3 || a.instalments > 36 || a.ratePercent > 100)
          failures.push(`a reschedule of ${a.instalments} at ${a.ratePercent} % was planned`);
        const workout = plan.workout;
        if (!workout) failures.push('a reschedule planned no workout plan');
        const parts = (workout?.schedule ?? []).reduce((sum, row) => sum + row.principal, 0n);
        if (parts !== plan.moneyEffect)
          failures.push(`a workout plan's parts ${parts} ≠ ${plan.moneyEffect}`);
        if (plan.after.payoff !== plan.before.payoff)
          failures.push(`a reschedule changed what is owed: ${plan.before.payoff} → ${plan.after.payoff}`);
        if (plan.after.minimumDue !== 0n) failures.push('a reschedule left a minimum on the revolving side');
        if (plan.after.daysPastDue !== plan.before.daysPastDue)
          failures.push(
            `a reschedule moved days past due ${plan.before.daysPastDue} → ${plan.after.daysPastDue}`,
          );
        if (!plan.stateAfter.suspended) failures.push('a line in a workout plan is not frozen');
        event = {
          seq,
          kind: 'hardship',
          effectiveDate: date,
          amount: plan.moneyEffect,
          requestId: `lhr_${seq}`,
          change: plan.change,
        };
        reschedules += 1;
      } catch (error) {
        const rule = error instanceof AppError ? error.issues[0]?.rule : String(error);
        const allowed = [
          'not-written-off',
          'range',
          'within-contract-rate',
          'other-tool-in-force',
          'delinquent',
          'once-per-period',
          'before-charge-off',
        ];
        if (!allowed.includes(rule ?? '')) failures.push(`a reschedule was refused by ${rule}`);
        if (rule === 'range' && a.instalments >= 3 && a.instalments <= 36)
          failures.push(`a reschedule of ${a.instalments} instalments was refused`);
        if (rule === 'within-contract-rate' && a.ratePercent <= 100)
          failures.push(`a reschedule at ${a.ratePercent} % of the contract rate was refused`);
      }
    } else if (a.kind === 'settle-for-less') {
      // Through the rule (`planLineHardship`), as the use cases take it: refused on a written-off line, at
      // or above what settles the line, and at 0 with nothing held; else what it writes off is exactly what
      // settles the line less the amount, and the line owes nothing after it.
      const payoff = settlementPayoff(state);
      const amount = m((payoff * BigInt(a.share)) / 100n);
      const today = { terms, state, events, today: date };
      try {
        const plan = planLineHardship(today, { tool: 'settlement', amount }, `lhr_${seq}`);
        if (writtenOff) failures.push('a settlement was planned on a written-off line');
        if (amount >= payoff) failures.push(`a settlement of ${amount} was planned against ${payoff}`);
        if (plan.moneyEffect !== payoff - amount)
          failures.push(`a settlement wrote off ${plan.moneyEffect}, not ${payoff} − ${amount}`);
        event = {
          seq,
          kind: 'hardship',
          effectiveDate: date,
          amount: plan.moneyEffect,
          requestId: `lhr_${seq}`,
          change: plan.change,
        };
        settlements += 1;
      } catch (error) {
        const rule = error instanceof AppError ? error.issues[0]?.rule : String(error);
        const expected = writtenOff
          ? 'not-written-off'
          : amount >= payoff
            ? 'less-than-owed'
            : amount === 0n && freeHeldOf(state) === 0n
              ? 'positive'
              : 'none';
        if (rule !== expected) failures.push(`a settlement was refused by ${rule}, expected ${expected}`);
      }
    } else if (a.kind === 'purchase') {
      const id = `pur_${seq}`;
      purchases.push({ id, amount: BigInt(a.amount), refunded: 0n });
      event = {
        seq,
        kind: 'purchase',
        effectiveDate: date,
        amount: m(BigInt(a.amount)),
        purchaseId: id,
        description: id,
      };
    } else if (a.kind === 'payment') {
      // On a written-off line a payment is a recovery of what is still written off.
      const owed = writtenOff ? writtenOff.outstanding : lineBalancesOf(state).payoff;
      const amount = (owed > 0n ? (owed * BigInt(a.share)) / 100n : 0n) + BigInt(a.extra);
      if (amount > 0n) event = { seq, kind: 'payment', effectiveDate: date, amount: m(amount) };
    } else if (a.kind === 'payout') {
      // Paid straight from money held and not reserved for a pay-out waiting for the provider.
      const held = freeHeldOf(state);
      const amount = (held * BigInt(a.share) + 99n) / 100n;
      if (amount > 0n) event = { seq, kind: 'payout', effectiveDate: date, amount: m(amount) };
    } else if (a.kind === 'reserve') {
      const amount = (freeHeldOf(state) * BigInt(a.share) + 99n) / 100n;
      if (amount > 0n)
        event = { seq, kind: 'reserve', effectiveDate: date, amount: m(amount), payoutId: `rfd_${seq}` };
    } else if (a.kind === 'answer') {
      // The provider's word on a pay-out still waiting: paid from its reservation, or refused (released).
      const answered = new Set(
        events.flatMap((e) =>
          (e.kind === 'payout' && e.payoutId) || e.kind === 'release' ? [e.payoutId] : [],
        ),
      );
      const waiting = events.filter((e) => e.kind === 'reserve' && !answered.has(e.payoutId));
      const target = waiting[a.pick % Math.max(waiting.length, 1)];
      if (target && target.kind === 'reserve') {
        event = a.confirmed
          ? { seq, kind: 'payout', effectiveDate: date, amount: target.amount, payoutId: target.payoutId }
          : { seq, kind: 'release', effectiveDate: date, amount: target.amount, payoutId: target.payoutId };
      }
    } else if (a.kind === 'settle') {
      // Early settlement of a running plan with more than one period left to bill.
      const open = state.plans.filter((p) => planIsRunning(p) && p.billedPeriods + 1 < lastPeriodOf(p));
      const plan = open[a.pick % Math.max(open.length, 1)];
      if (plan) {
        event = {
          seq,
          kind: 'plan-settlement',
          effectiveDate: date,
          amount: m(planNotYetBilled(plan)),
          planId: plan.planId,
        };
      }
    } else if (a.kind === 'reverse') {
      // A payment not reversed yet (a standing one), dated today.
      const reversed = new Set(events.flatMap((e) => (e.kind === 'reversal' ? [e.reverses] : [])));
      const standing = events.filter((e) => e.kind === 'payment' && !reversed.has(e.seq));
      const target = standing[a.pick % Math.max(standing.length, 1)];
      if (target) {
        event = {
          seq,
          kind: 'reversal',
          effectiveDate: date,
          amount: target.amount,
          reverses: target.seq,
          reason: a.pick % 2 === 0 ? 'returned' : 'chargeback',
        };
      }
    } else if (a.kind === 'refund') {
      // Half the time a purchase converted into a plan that is still running (its refund goes to the plan).
      const running = new Set(
        state.plans
          .filter((p) => p.cancelledOn === null && p.billedPeriods < p.term)
          .map((p) => (p.source.kind === 'purchase' ? p.source.purchaseId : '')),
      );
      const all = purchases.filter((p) => p.amount > p.refunded);
      const converted = all.filter((p) => running.has(p.id));
      const open = a.pick % 2 === 0 && converted.length > 0 ? converted : all;
      const target = open[Math.floor(a.pick / 2) % Math.max(open.length, 1)];
      if (target) {
        const left = target.amount - target.refunded;
        const amount = (left * BigInt(a.share) + 99n) / 100n;
        target.refunded += amount;
        event = { seq, kind: 'refund', effectiveDate: date, amount: m(amount), purchaseId: target.id };
      }
    } else {
      const feeRate = terms.conversion.feeRates[a.term] ?? parseRate('0.007');
      if (a.statement) {
        const statement = [...state.statements].reverse().find((s) => s.dueDate >= date);
        const revolving = statement?.revolving.reduce((sum, p) => sum + p.amount, 0n) ?? 0n;
        if (statement && revolving >= terms.conversion.minAmount) {
          event = {
            seq,
            kind: 'conversion',
            effectiveDate: date,
            amount: m(revolving),
            planId: `ipl_${seq}`,
            source: { kind: 'statement', statementSeq: statement.seq },
            term: a.term,
            feeRate,
          };
        }
      } else {
        const posting = state.unbilled.find((p) => p.amount >= terms.conversion.minAmount);
        if (posting) {
          event = {
            seq,
            kind: 'conversion',
            effectiveDate: date,
            amount: posting.amount,
            planId: `ipl_${seq}`,
            source: { kind: 'purchase', purchaseId: posting.ref },
            term: a.term,
            feeRate,
          };
        }
      }
    }
    if (!event) continue;
    let received: ReturnType<typeof receiveLineEvent>;
    try {
      received = receiveLineEvent(terms, state, events, event);
    } catch (error) {
      // Refused reversals: money held thanks to the payment was paid out, or the payment is before a reschedule.
      if (
        event.kind !== 'reversal' ||
        !(String(error).includes('was never held') || String(error).includes('before the reschedule'))
      )
        throw error;
      refusedReversals += 1;
      continue;
    }
    if (event.kind === 'reversal') {
      reversals += 1;
      reversedSinceNight = true;
    }
    statements.push(...received.statements);
    check(received.changes);
    state = received.state;
    events.push(event);
    // Money reserved for pay-outs is held, never used: held never falls below it.
    if (reservedOf(state) > heldFor(state))
      failures.push(`${reservedOf(state)} reserved but only ${heldFor(state)} held after event ${seq}`);
    if (event.kind === 'reserve') reservations += 1;
  }
  stepTo(end);
  return {
    state,
    events,
    statements,
    owedBeforeCut,
    reservedAtCut,
    failures,
    reversals,
    refusedReversals,
    writeOffs,
    settlements,
    holidayStatements,
    reAges,
    refusedReAges,
    reschedules,
    workoutStatements,
    reservations,
  };
}

const END = '2027-03-31' as LocalDate;

describe('credit-line servicing invariants (random histories)', () => {
  it('statements add up and their closing balance is what the books owed at the cut; journals balance', () => {
    fc.assert(
      fc.property(termsArb, fc.array(action, { minLength: 1, maxLength: 60 }), (terms, actions) => {
        const run = drive(terms, actions, END);
        expect(run.failures).toEqual([]);
        let previous = 0n;
        let previousToCome = 0n;
        for (const s of run.statements) {
          expect(s.openingBalance).toBe(previous);
          expect(s.closingBalance).toBe(
            s.openingBalance +
              s.purchases -
              s.refunds -
              s.payments +
              s.payouts +
              s.reversals -
              s.waivers +
              s.fees +
              s.lateFees +
              s.interest +
              s.instalmentPrincipal -
              s.converted,
          );
          // The ledger at the end of the cycle, plus the instalment fees billed at the cut, less converted
          // principal still to be billed: exactly the closing balance.
          expect((run.owedBeforeCut.get(s.seq) ?? -1n) + s.fees).toBe(
            s.closingBalance + s.instalmentsNotYetBilled,
          );
          // The closing balance nets all money held, but money reserved for a pay-out still waiting for the
          // provider pays nothing: the minimum may ask for that much more.
          const reserved = run.reservedAtCut.get(s.seq) ?? 0n;
          expect(
            s.minimumPayment >= 0n &&
              s.minimumPayment <= (s.closingBalance > 0n ? s.closingBalance : 0n) + reserved,
          ).toBe(true);
          // Instalments still to come move only by conversions, billing and refunds taken off plans.
          expect(s.instalmentsNotYetBilled).toBe(
            previousToCome + s.converted - s.instalmentPrincipal - s.instalmentRefunds,
          );
          previous = s.closingBalance;
          previousToCome = s.instalmentsNotYetBilled;
        }
      }),
      { numRuns: 150 },
    );
  });

  it('conserves cash and equals the replay of its events', () => {
    // How often the histories reached the cases this test is about (checked below, so it can fail).
    const reached = {
      partialPlanRefunds: 0,
      cancelledPlans: 0,
      payouts: 0,
      reservations: 0,
      settledEarly: 0,
      writtenOff: 0,
      recovered: 0,
      waived: 0,
      settledForLess: 0,
      holidayStatements: 0,
      reAges: 0,
      refusedReAges: 0,
      workoutPlans: 0,
      reschedules: 0,
      workoutStatements: 0,
    };
    const property = fc.property(
      termsArb,
      fc.array(action, { minLength: 15, maxLength: 60 }),
      (terms, actions) => {
        const run = drive(terms, actions, END);
        const c = run.state.counters;
        let planRepaid = 0n;
        for (const plan of run.state.plans)
          planRepaid += plan.counters.principalRepaid + plan.counters.feesRepaid;
        // Every fen received went to line principal or interest, a plan, or is held (or was held and used).
        expect(c.cashReceived).toBe(
          c.principalRepaid +
            c.interestRepaid +
            (c.lateFeesRepaid ?? 0n) +
            c.forwardedToPlans +
            c.overpaid -
            c.overpaymentApplied +
            (c.recovered ?? 0n),
        );
        expect(c.forwardedToPlans).toBe(planRepaid);
        // Held money is what came in beyond the debt, less what was used and paid out; never negative.
        expect(lineBalancesOf(run.state).heldForCustomer).toBe(c.overpaid - c.overpaymentApplied - c.paidOut);
        expect(lineBalancesOf(run.state).heldForCustomer >= 0n).toBe(true);
        // Each plan: its schedule plus what refunds took off is what was converted; what it is owed is what
        // the statements bill unpaid plus what is still to bill; its status agrees.
        for (const plan of run.state.plans) {
          expect(plan.parts.reduce((sum, part) => sum + part, 0n) + plan.refunded).toBe(plan.principal);
          let billedUnpaid = 0n;
          for (const statement of run.state.statements)
            for (const bill of statement.instalments)
              if (bill.planId === plan.planId) billedUnpaid += bill.principal - bill.principalPaid;
          expect(
            plan.counters.converted -
              plan.counters.principalRepaid -
              (plan.counters.principalWrittenOff ?? 0n) -
              (plan.counters.principalRescheduled ?? 0n),
          ).toBe(billedUnpaid + planNotYetBilled(plan));
          // A workout plan's parts sum to everything moved into it; its charges never exceed the rate (a month)
          // on what is left of the plan.
          if (plan.source.kind === 'workout') {
            reached.workoutPlans += 1;
            let left: bigint = plan.principal;
            plan.parts.forEach((part, i) => {
              // Periods after an early settlement's last are never billed (their charges with them).
              const charge =
                i < (plan.earlySettlement?.lastPeriod ?? plan.term) ? (plan.fees?.[i] ?? 0n) : 0n;
              expect(charge * plan.feeRate.den <= left * plan.feeRate.num + plan.feeRate.den).toBe(true);
              left -= part;
            });
            expect(left).toBe(0n);
          }
          const status = planStatusOf(plan);
          if (status === 'cancelled') expect(planNotYetBilled(plan)).toBe(0n);
          if (status === 'settled') expect(plan.counters.converted).toBe(plan.counters.principalRepaid);
          if (plan.refunded > 0n) expect(plan.source.kind).toBe('purchase');
          if (plan.refunded > 0n && status !== 'cancelled') reached.partialPlanRefunds += 1;
          if (status === 'cancelled') reached.cancelledPlans += 1;
          if (plan.earlySettlement) {
            reached.settledEarly += 1;
            // Nothing is scheduled after the period the settlement billed everything in.
            expect(plan.parts.slice(plan.earlySettlement.lastPeriod).every((part) => part === 0n)).toBe(true);
            expect(plan.billedPeriods <= plan.earlySettlement.lastPeriod).toBe(true);
          }
        }
        if (c.paidOut > 0n) reached.payouts += 1;
        // Goodwill waivers are income not earned: income is what was accrued or billed less what was waived,
        // and each waiver's event took exactly what it asked (it was asked within what was owed that day).
        const waived = (c.interestWaived ?? 0n) + (c.lateFeesWaived ?? 0n);
        let feesWaived = 0n;
        for (const plan of run.state.plans) {
          feesWaived += plan.counters.feesWaived ?? 0n;
          expect(planBalances(plan.counters).fee_income).toBe(
            plan.counters.feesBilled - (plan.counters.feesWaived ?? 0n),
          );
        }
        expect(lineBalances(c).interest_income).toBe(c.interestAccrued - (c.interestWaived ?? 0n));
        const asked = run.events.reduce(
          (sum, e) => sum + (e.kind === 'hardship' && e.change.tool === 'waiver' ? e.amount : 0n),
          0n,
        );
        if (!run.state.writtenOffOn) expect(waived + feesWaived).toBe(asked);
        if (waived + feesWaived > 0n) reached.waived += 1;
        if (run.reservations > 0) reached.reservations += 1;
        // The facility's used amount (from the books' counters) is the principal the state says is owed, and
        // after a write-off the principal written off (it stays used, as a cash loan's does).
        const writtenOff = writtenOffOf(run.state);
        let principalWrittenOff = c.principalWrittenOff ?? 0n;
        for (const plan of run.state.plans) principalWrittenOff += plan.counters.principalWrittenOff ?? 0n;
        expect(principalOwedOf(bookCounters(run.state))).toBe(
          lineBalancesOf(run.state).principalOwed + principalWrittenOff,
        );
        if (writtenOff) {
          reached.writtenOff += 1;
          if (writtenOff.recovered > 0n) reached.recovered += 1;
          // Nothing is left on the books but money held: every receivable went to write-off expense, whose
          // balances (line and plans) add up to what was written off; recoveries never exceed it.
          const b = lineBalancesOf(run.state);
          expect(b.payoff + b.heldForCustomer).toBe(0n);
          const books = [lineBalances(c), ...run.state.plans.map((plan) => planBalances(plan.counters))];
          for (const balances of books) {
            expect(balances.principal_receivable ?? 0n).toBe(0n);
            expect(balances.interest_receivable ?? 0n).toBe(0n);
            expect(balances.fee_receivable ?? 0n).toBe(0n);
          }
          expect(books.reduce((sum, balances) => sum + (balances.write_off_expense ?? 0n), 0n)).toBe(
            writtenOff.total,
          );
          expect(lineBalances(c).recovery_income).toBe(writtenOff.recovered);
          expect(writtenOff.outstanding >= 0n).toBe(true);
          expect(run.state.plans.every((plan) => !planIsRunning(plan))).toBe(true);
          // Settled for less: written off the same day, forgiven (nothing outstanding), and money received
          // since was held for the customer, never a recovery.
          if (run.state.settledOn) {
            reached.settledForLess += 1;
            expect(run.state.writtenOffOn).toBe(run.state.settledOn);
            expect(writtenOff.outstanding).toBe(0n);
            expect(c.recovered).toBe(0n);
          }
        }
        expect(run.failures).toEqual([]);
        reached.holidayStatements += run.holidayStatements;
        reached.reAges += run.reAges;
        reached.refusedReAges += run.refusedReAges;
        reached.reschedules += run.reschedules;
        reached.workoutStatements += run.workoutStatements;
        const replayed = replayLine(terms, run.events, END);
        expect(replayed.state).toEqual(run.state);
        expect(replayed.statements).toEqual(run.statements);
        expect(lineBalancesOf(run.state).principalOwed >= 0n).toBe(true);
      },
    );
    // Seeded: the coverage counted below must be reached on every run (a random seed missed cancelled plans
    // once in CI after write-offs joined the histories)…
    fc.assert(property, { numRuns: 100, seed: 20261208 });
    expect(reached.partialPlanRefunds).toBeGreaterThan(0);
    expect(reached.waived).toBeGreaterThan(5);
    expect(reached.cancelledPlans).toBeGreaterThan(0);
    expect(reached.payouts).toBeGreaterThan(0);
    expect(reached.reservations).toBeGreaterThan(5);
    expect(reached.settledEarly).toBeGreaterThan(0);
    expect(reached.writtenOff).toBeGreaterThan(5);
    expect(reached.recovered).toBeGreaterThan(0);
    expect(reached.settledForLess).toBeGreaterThan(5);
    expect(reached.holidayStatements).toBeGreaterThan(5);
    // Re-ages are drawn through the rule and refused by its named rules; random payments seldom pay three
    // regular minimums in a row on a line behind, so applied ones are pinned by line-re-age.test.ts.
    expect(reached.refusedReAges).toBeGreaterThan(5);
    // Reschedules drawn through the rule were taken, and their plans billed on statements.
    expect(reached.reschedules).toBeGreaterThan(5);
    expect(reached.workoutStatements).toBeGreaterThan(5);
    // …and the invariants also meet 100 histories never seen before, as a property test should.
    fc.assert(property, { numRuns: 100 });
  });

  it('a reversed payment: the books are those of the history without it, statements carry the difference', () => {
    const reached = { reversals: 0, refused: 0, sameStatements: 0, carried: 0 };
    const property = fc.property(
      termsArb,
      fc.array(action, { minLength: 15, maxLength: 60 }),
      (terms, actions) => {
        const run = drive(terms, actions, END);
        expect(run.failures).toEqual([]);
        reached.reversals += run.reversals;
        reached.refused += run.refusedReversals;
        if (run.reversals === 0) return;
        // The plain reference: the standing events alone (no reversal, none of the payments reversed).
        const dates = (statements: readonly StatementDocument[]) => statements.map((x) => x.statementDate);
        let plain: ReturnType<typeof replayLine>;
        try {
          plain = replayLine(terms, standingEvents(run.events), END);
        } catch {
          // Without the payment it would have issued other statements, numbered otherwise (a conversion of
          // statement 3 names another one): the sent statements' dates and numbers are kept instead.
          return;
        }
        // Statements already sent are documents: a restatement issues them on the same dates. Where the
        // history without the payment would have issued exactly those, it is the same line in every figure
        // but the last closing balance, whose difference the next statement carries as `reversals`.
        // …and wrote it off on the same day (a restatement does not write a line off in the past).
        if (
          dates(plain.statements).join() === dates(run.statements).join() &&
          (plain.state.writtenOffOn ?? null) === (run.state.writtenOffOn ?? null)
        ) {
          reached.sameStatements += 1;
          expect(bookCounters(run.state)).toEqual(bookCounters(plain.state));
          const { lastClosing: _a, cycle: cycleA, ...rest } = run.state;
          const { lastClosing: _b, cycle: cycleB, ...plainRest } = plain.state;
          expect(rest).toEqual(plainRest);
          expect({ ...cycleA, reversals: undefined }).toEqual({ ...cycleB, reversals: undefined });
          expect(lineDaysPastDue(run.state, END)).toBe(lineDaysPastDue(plain.state, END));
        }
        for (const statement of run.statements) if (statement.reversals !== 0n) reached.carried += 1;
        // Removing a payment never lowers what is owed: what is carried is never negative.
        expect(run.statements.every((statement) => statement.reversals >= 0n)).toBe(true);
      },
    );
    // Seeded: the coverage counted below must be reached on every run (a random seed missed cancelled plans
    // once in CI after write-offs joined the histories)…
    fc.assert(property, { numRuns: 40, seed: 20261207 });
    expect(reached.reversals).toBeGreaterThan(20);
    expect(reached.sameStatements).toBeGreaterThan(10);
    expect(reached.carried).toBeGreaterThan(0);
    expect(reached.refused).toBeGreaterThan(0);
    // …and the invariants also meet 40 histories never seen before, as a property test should.
    fc.assert(property, { numRuns: 40 });
  });

  it('keeps a line current when every minimum is paid by its due date', () => {
    fc.assert(
      fc.property(
        termsArb,
        fc.array(
          fc.record({ gap: fc.integer({ min: 1, max: 20 }), amount: fc.integer({ min: 100, max: 300_000 }) }),
          { maxLength: 25 },
        ),
        (terms, buys) => {
          let state = initialLineState(terms);
          const events: LineEvent[] = [];
          const byDate = new Map<string, bigint>();
          let date = terms.openedOn;
          for (const buy of buys) {
            date = addDays(date, buy.gap);
            byDate.set(date, (byDate.get(date) ?? 0n) + BigInt(buy.amount));
          }
          for (let day = addDays(terms.openedOn, 1); day <= END; day = addDays(day, 1)) {
            const next = advanceLine(terms, state, day);
            state = next.state;
            expect(lineDaysPastDue(state, day)).toBe(0);
            const spend = byDate.get(day);
            const due = state.statements.find((s) => s.dueDate === day);
            const toPay: LineEvent[] = [];
            if (spend)
              toPay.push({
                seq: events.length + 1,
                kind: 'purchase',
                effectiveDate: day,
                amount: m(spend),
                purchaseId: `pur_${day}`,
                description: 'buy',
              });
            if (due && due.minimumPayment > 0n) {
              toPay.push({
                seq: events.length + toPay.length + 1,
                kind: 'payment',
                effectiveDate: day,
                amount: due.minimumPayment,
              });
            }
            for (const event of toPay) {
              state = receiveLineEvent(terms, state, events, event).state;
              events.push(event);
            }
          }
          expect(state.dueOutcomes.every((o) => o.minimumMet)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});
