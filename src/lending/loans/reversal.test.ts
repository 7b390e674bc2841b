import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../platform/errors/app-error.ts';
import type { Money } from '../../platform/money/money.ts';
import { parseRate } from '../../platform/money/rate.ts';
import { renderMessage } from '../../platform/notifications/index.ts';
import { addDays, type LocalDate } from '../../platform/time/local-date.ts';
import { contractFor, DEFAULT_LOAN_PRODUCT, type LoanContract } from './loan-contract.ts';
import { loanPaymentReversed } from './loan-messages.ts';
import { outstandingOf, type LoanEvent, type LoanState } from './loan-state.ts';
import { advance, daysPastDue, initialState, receiveEvent, replay, type BookedChange } from './servicing.ts';

const D = (text: string) => text as LocalDate;
const fen = (value: bigint | number) => BigInt(value) as Money;
const START = D('2026-01-15');

function contract(principal = 1_000_000n, term = 6): LoanContract {
  return contractFor(
    { ...DEFAULT_LOAN_PRODUCT, basis: 'monthly' },
    {
      loanId: 'ln_1',
      customerId: 'cus_1',
      facilityId: 'fac_1',
      principal: fen(principal),
      apr: parseRate('0.18'),
      term,
      method: 'equal-installment',
      startDate: START,
    },
  );
}

/** Takes events in as the service does (each on the state so far), checking that the booked changes chain. */
function receiveAll(
  c: LoanContract,
  incoming: readonly LoanEvent[],
): { state: LoanState; events: LoanEvent[] } {
  let state = initialState(c);
  const events: LoanEvent[] = [];
  for (const event of incoming) {
    const { state: next, changes } = receiveEvent(c, state, events, event);
    // The journals are the differences of these counters: each change starts where the last one ended, so the
    // books move from the old state's counters to the new state's and nothing is booked twice or lost.
    let at = state.counters;
    for (const change of changes as BookedChange[]) {
      expect(change.before).toEqual(at);
      at = change.after;
    }
    expect(at).toEqual(next.counters);
    events.push(event);
    state = next;
  }
  return { state, events };
}

describe('a reversed repayment is as if it had never been received', () => {
  it('Given random repayments and random reversals of some of them, Then the books equal a replay of the repayments that stand', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            day: fc.integer({ min: 1, max: 200 }),
            amount: fc.integer({ min: 1, max: 400_000 }),
            prepayment: fc.boolean(),
            reverseAfter: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
            reason: fc.constantFrom('returned' as const, 'chargeback' as const),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        (payments) => {
          const c = contract();
          // Arrival order is date order here (back-dating is covered by the servicing suite); reversals come on
          // or after their repayment's day.
          const timeline: { date: LocalDate; make: (seq: number) => LoanEvent }[] = [];
          const seqOfPayment = new Map<number, number>();
          payments.forEach((payment, index) => {
            const date = addDays(START, payment.day);
            timeline.push({
              date,
              make: (seq) => {
                seqOfPayment.set(index, seq);
                return {
                  seq,
                  kind: 'repayment',
                  effectiveDate: date,
                  amount: fen(payment.amount),
                  intent: payment.prepayment ? 'prepayment' : 'scheduled',
                };
              },
            });
            if (payment.reverseAfter !== undefined) {
              timeline.push({
                date: addDays(date, payment.reverseAfter),
                make: (seq) => ({
                  seq,
                  kind: 'reversal',
                  effectiveDate: addDays(date, payment.reverseAfter ?? 0),
                  reverses: seqOfPayment.get(index) ?? 0,
                  reason: payment.reason,
                }),
              });
            }
          });
          // Stable: a reversal stays after its repayment on the same day.
          timeline.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
          const { state, events } = receiveAll(
            c,
            timeline.map((item, index) => item.make(index + 1)),
          );
          const end = addDays(START, 300);
          const reversed = new Set(events.flatMap((e) => (e.kind === 'reversal' ? [e.reverses] : [])));
          const standing = events.filter((e) => e.kind === 'repayment' && !reversed.has(e.seq));
          const expected = replay(c, standing, end);
          const actual = advance(c, state, end).state;
          expect(actual.counters).toEqual(expected.counters);
          expect(outstandingOf(actual)).toEqual(outstandingOf(expected));
          expect(actual.instalments).toEqual(expected.instalments);
          expect(daysPastDue(actual, end)).toBe(daysPastDue(expected, end));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('Given the first instalment paid on its due date and returned by the bank 11 days later, Then it is overdue 11 days with the penalty of those days, as if never paid', () => {
    const c = contract(1_000_000n, 12);
    const paid: LoanEvent = {
      seq: 1,
      kind: 'repayment',
      effectiveDate: D('2026-02-15'),
      amount: fen(91_680),
      intent: 'scheduled',
    };
    const reversal: LoanEvent = {
      seq: 2,
      kind: 'reversal',
      effectiveDate: D('2026-02-26'),
      reverses: 1,
      reason: 'returned',
    };
    const { state } = receiveAll(c, [paid, reversal]);
    const neverPaid = replay(c, [], D('2026-02-26'));
    expect(state.counters).toEqual(neverPaid.counters);
    expect(daysPastDue(state, D('2026-02-26'))).toBe(11);
    expect(outstandingOf(state).penalty).toBe(outstandingOf(neverPaid).penalty);
    expect(outstandingOf(state).penalty).toBeGreaterThan(0n);

    const text = renderMessage(
      loanPaymentReversed({
        loanId: 'ln_1',
        customerId: 'cus_1',
        seq: 2,
        amount: paid.amount,
        paidOn: paid.effectiveDate,
        reason: 'returned',
        stateAfter: state,
      }).content,
    );
    expect(text.zh).toContain('¥916.80');
    expect(text.zh).toContain('已逾期11天');
    expect(text.en).toContain('was returned by the paying bank');
    expect(text.en).toContain('11 days overdue');
  });

  it('refuses a reversal of a reversal, of a write-off, of an unknown event and of a repayment reversed already', () => {
    const c = contract();
    const events: LoanEvent[] = [
      {
        seq: 1,
        kind: 'repayment',
        effectiveDate: D('2026-02-15'),
        amount: fen(100_000),
        intent: 'scheduled',
      },
      { seq: 2, kind: 'reversal', effectiveDate: D('2026-02-16'), reverses: 1, reason: 'chargeback' },
    ];
    const { state } = receiveAll(c, events);
    const attempt = (reverses: number, date = '2026-02-20') => {
      try {
        receiveEvent(c, state, events, {
          seq: 3,
          kind: 'reversal',
          effectiveDate: D(date),
          reverses,
          reason: 'returned',
        });
        return 'accepted';
      } catch (error) {
        if (!isAppError(error)) throw error;
        return `${error.issues[0]?.field}/${error.issues[0]?.rule}`;
      }
    };
    expect(attempt(1)).toBe('paymentSeq/not-reversed-already');
    expect(attempt(2)).toBe('paymentSeq/a-repayment');
    expect(attempt(9)).toBe('paymentSeq/a-repayment');
  });
});
