import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Money } from '../../platform/money/money.ts';
import { parseRate } from '../../platform/money/rate.ts';
import { addDays, type LocalDate } from '../../platform/time/local-date.ts';
import { costCapBound, lateFeeChargeable, nominalLateFee } from './line-late-fee.ts';
import {
  advanceLine,
  initialLineState,
  lineBalancesOf,
  receiveLineEvent,
  replayLine,
} from './line-servicing.ts';
import type { LineEvent, LineState } from './line-state.ts';
import { DEFAULT_CREDIT_LINE_PRODUCT, termsFor, type LateFeeRule } from './line-terms.ts';

const d = (text: string) => text as LocalDate;
const fen = (value: bigint) => value as Money;

function lateFeeTerms(rule: LateFeeRule, apr = '0.1825', cap = '0.24') {
  return termsFor(
    { ...DEFAULT_CREDIT_LINE_PRODUCT, lateFee: rule },
    {
      lineId: 'cl_LATE',
      customerId: 'cus_LATE',
      facilityId: 'fac_LATE',
      openedOn: d('2026-01-05'),
      apr: parseRate(apr),
      costCap: parseRate(cap),
    },
  );
}

describe('the late fee rule', () => {
  const rule = { rate: parseRate('0.05'), floor: fen(100n), max: fen(5_000n) };

  it('is 5 % of the unpaid minimum, at least ¥1.00, at most ¥50.00, never above the unpaid minimum', () => {
    expect(nominalLateFee(rule, 10_000n)).toBe(500n);
    expect(nominalLateFee(rule, 1_010n)).toBe(100n); // 50.5 → floor 100
    expect(nominalLateFee(rule, 50n)).toBe(50n); // floor above the unpaid minimum
    expect(nominalLateFee(rule, 2_000_000n)).toBe(5_000n);
    expect(nominalLateFee(rule, 0n)).toBe(0n);
  });

  it('fits within the cap: ⌊principal-days × cap / 365⌋ less the interest and the fee already charged', () => {
    // ¥1,000.00 for 32 days at 24 %: ⌊3,200,000 × 0.24 / 365⌋ = 2,104 fen; ¥16.00 interest posted → 504 room.
    expect(costCapBound(3_200_000n, parseRate('0.24'))).toBe(2_104n);
    // Room against the exact interest less 1½ fen: 2,104.11 − 1,600 − 1.5 = 502.6 → 502.
    const figures = {
      due: 1_000n,
      charged: 0n,
      interestExact: 3_200_000n, // 1,600 fen at 1/2000 a day
      dailyRateDen: 2_000n,
      principalDays: 3_200_000n,
    };
    expect(lateFeeChargeable({ ...figures, cap: parseRate('0.24') })).toBe(502n);
    expect(lateFeeChargeable({ ...figures, charged: 502n, cap: parseRate('0.24') })).toBe(0n);
    expect(lateFeeChargeable({ ...figures, cap: null })).toBe(1_000n);
  });
});

describe('a late fee on a line', () => {
  it('¥1,000.00 unpaid, minimum ¥100.00 missed: a ¥10.00 fee, ¥5.02 on 11 Feb, the rest as the cap allows', () => {
    // 18.25 % (1/2000 a day) under a 24 % cap; 10 % of the missed minimum.
    const terms = lateFeeTerms({ rate: parseRate('0.1'), floor: fen(100n), max: fen(5_000n) });
    const buy: LineEvent = {
      seq: 1,
      kind: 'purchase',
      effectiveDate: d('2026-01-10'),
      amount: fen(100_000n),
      purchaseId: 'pur_A',
      description: 'a',
    };
    // 11 Feb: 3,200,000 fen-days (11 Jan – 11 Feb) → interest ¥16.00; the cap allows 2,104.11 fen in all, less
    // the 1½ fen margin: 502 of the 1,000.
    const on11 = replayLine(terms, [buy], d('2026-02-11')).state;
    const [statement] = on11.statements;
    expect(statement).toMatchObject({
      minimumPayment: 10_000n,
      interestPosted: 1_600n,
      lateFeeDue: 1_000n,
      lateFeeCharged: 502n,
      principalDays: 3_200_000n,
    });
    expect(lineBalancesOf(on11).unbilledLateFees).toBe(502n);
    // Each day adds (24 % − 18.25 %) / 365 × ¥1,000.00 = 15.75 fen of room: ⌊519.86 − 1.5⌋ = 518 by 12 Feb.
    const on12 = replayLine(terms, [buy], d('2026-02-12')).state;
    expect(on12.statements[0]?.lateFeeCharged).toBe(518n);
    // The 1 Mar statement bills what was charged through 28 Feb (4,900,000 fen-days): ⌊3,221.92 − 2,450 − 1.5⌋
    // = 770 fen of late fees, and interest 1,600 + 17 days × 50 = 2,450 fen.
    const { statements } = replayLine(terms, [buy], d('2026-03-01'));
    expect(statements.map((s) => [s.statementDate, s.lateFees, s.interest])).toEqual([
      ['2026-02-01', 0n, 0n],
      ['2026-03-01', 770n, 2_450n],
    ]);
  });
});

describe('no sequence of purchases, payments and days crosses the cap (fast-check)', () => {
  const event = fc.record({
    gap: fc.integer({ min: 0, max: 20 }),
    kind: fc.constantFrom('purchase' as const, 'payment' as const),
    amount: fc.integer({ min: 1, max: 500_000 }),
  });

  it('interest posted + late fee charged ≤ ⌊principal-days × cap / 365⌋ on every statement, every day', () => {
    let charged = 0;
    fc.assert(
      fc.property(
        fc.constantFrom('0.1825', '0.2', '0.24', '0.073'),
        fc.constantFrom('0.24', '0.2', '0.3'),
        fc.constantFrom('0.05', '0.1', '1'),
        fc.array(event, { minLength: 1, maxLength: 25 }),
        (apr, cap, share, events) => {
          fc.pre(parseFloat(apr) <= parseFloat(cap));
          const terms = lateFeeTerms(
            { rate: parseRate(share), floor: fen(100n), max: fen(50_000n) },
            apr,
            cap,
          );
          const capRate = parseRate(cap);
          let state: LineState = initialLineState(terms);
          const history: LineEvent[] = [];
          let date = terms.openedOn;
          const checkCap = (s: LineState) => {
            for (const statement of s.statements) {
              const fee = statement.lateFeeCharged ?? 0n;
              expect(fee <= (statement.lateFeeDue ?? 0n)).toBe(true);
              if (fee > 0n) {
                expect(
                  statement.interestPosted + fee <= costCapBound(statement.principalDays ?? 0n, capRate),
                ).toBe(true);
              }
            }
          };
          for (const e of events) {
            date = addDays(date, e.gap);
            for (let day = addDays(state.processedThrough, 1); day <= date; day = addDays(day, 1)) {
              state = advanceLine(terms, state, day).state;
              checkCap(state);
            }
            const amount = fen(BigInt(e.amount));
            const next: LineEvent =
              e.kind === 'purchase'
                ? {
                    seq: history.length + 1,
                    kind: 'purchase',
                    effectiveDate: date,
                    amount,
                    purchaseId: `p${history.length}`,
                    description: 'x',
                  }
                : { seq: history.length + 1, kind: 'payment', effectiveDate: date, amount };
            state = receiveLineEvent(terms, state, history, next).state;
            history.push(next);
            checkCap(state);
          }
          for (
            let day = addDays(state.processedThrough, 1);
            day <= addDays(date, 70);
            day = addDays(day, 1)
          ) {
            state = advanceLine(terms, state, day).state;
            checkCap(state);
          }
          if ((state.counters.lateFeesCharged ?? 0n) > 0n) charged += 1;
        },
      ),
      { numRuns: 40 },
    );
    // The property was exercised: late fees were charged in some of the histories.
    expect(charged).toBeGreaterThan(0);
  });
});
