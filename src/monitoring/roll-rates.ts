import { bucketOf, BUCKETS, type Bucket } from '../lending/index.ts';
import { rate, toRateString } from '../platform/money/rate.ts';
import { addDays, daysBetween, type LocalDate } from '../platform/time/local-date.ts';
import { shareOf, type MonitoringWindow } from './window.ts';

/**
 * Roll rates: for each product and month, where the accounts (and their balances) in each delinquency
 * bucket at the month's end stood one month later — a transition matrix of counts, fen amounts and exact
 * shares.
 *
 * The buckets are the lending context's own (`BUCKETS` and `bucketOf` of `loans/servicing.ts`, bounds from
 * each contract's terms: [30, 60] gives M0 current, M1 1–30, M2 31–60, M3+ 61 and more days past due),
 * plus two states an account ends in: `written_off` (a loan written off, a line charged off) and `closed`
 * (a loan repaid in full, a line closed at zero balance). The lending tables keep only each account's *current* bucket, so the bucket at a
 * past month end is derived here from the dated history its state keeps — the same count of days past due
 * the lending context makes, taken at the end of that day:
 *
 * - a cash loan: from each instalment's due date and the date it was settled in full (`settledOn`); days
 *   past due on D are counted from the oldest due date before D of an instalment not settled by the end
 *   of D;
 * - a credit line: from its due outcomes (each statement's due date, whether its minimum was met by then,
 *   and the date a missed minimum was finally met, `curedOn`); days past due on D are counted from the
 *   oldest due date before D whose missed minimum was not met by the end of D.
 *
 * Balances are what the ledger says the customer owes on the account at the month's end: the four
 * receivable accounts (principal, interest, fees, penalty) of the loan, or of the line and each of its
 * instalment plans, summed over every posting effective on or before that date.
 */

/** Where an account can be at a month end: a delinquency bucket, or an end state. */
export const ROLL_STATES = [...BUCKETS, 'written_off', 'closed'] as const;
export type RollState = (typeof ROLL_STATES)[number];

/** The states an account can roll *from*: the buckets (an end state stays where it is). */
export const ROLL_FROM: readonly Bucket[] = BUCKETS;

/** How shares are rounded: the fraction, half-even to 6 places (`"0.333333"`); counts and fen are exact. */
export const ROLL_RATE_ROUNDING = 'half-even, 6 decimal places';

/** The last day of the month `date` falls in. */
export function monthEndOf(date: LocalDate): LocalDate {
  const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return addDays(next as LocalDate, -1);
}

/** Every month end within [from, to], in order. */
export function monthEndsIn(from: LocalDate, to: LocalDate): LocalDate[] {
  const ends: LocalDate[] = [];
  for (let end = monthEndOf(from); end <= to; end = monthEndOf(addDays(end, 1))) ends.push(end);
  return ends;
}

/** What the roll derivation reads of a cash loan. */
export interface LoanHistory {
  readonly startDate: LocalDate;
  /** The last business date the loan's servicing has reached. */
  readonly processedThrough: LocalDate;
  readonly closedOn: LocalDate | null;
  readonly writtenOffOn: LocalDate | null;
  /** Instalments billed, in due-date order. */
  readonly instalments: ReadonlyArray<{ readonly dueDate: LocalDate; readonly settledOn: LocalDate | null }>;
  readonly bucketBounds: readonly [number, number];
}

/** What the roll derivation reads of a credit line. */
export interface LineHistory {
  readonly openedOn: LocalDate;
  readonly processedThrough: LocalDate;
  /** Charged off (written off) on, or null. */
  readonly chargedOffOn: LocalDate | null;
  /** Closed at zero balance on (migration 0505's `credit_lines.closed_on`), or null. */
  readonly closedOn: LocalDate | null;
  /** Each checked due date, oldest first: minimum met by then, and the date a missed one was met. */
  readonly dueOutcomes: ReadonlyArray<{
    readonly dueDate: LocalDate;
    readonly minimumMet: boolean;
    readonly curedOn: LocalDate | null;
  }>;
  readonly bucketBounds: readonly [number, number];
}

/** An end state reached on or before `date`, or null. */
function endStateOn(
  writtenOff: LocalDate | null,
  closed: LocalDate | null,
  date: LocalDate,
): RollState | null {
  if (writtenOff !== null && writtenOff <= date) return 'written_off';
  if (closed !== null && closed <= date) return 'closed';
  return null;
}

/**
 * A loan's state at the end of `date`; null when it is not known then (not yet drawn, or its servicing
 * has not reached that date and it has not ended).
 */
export function loanStateOn(loan: LoanHistory, date: LocalDate): RollState | null {
  if (date < loan.startDate) return null;
  const ended = endStateOn(loan.writtenOffOn, loan.closedOn, date);
  if (ended) return ended;
  if (date > loan.processedThrough) return null;
  for (const instalment of loan.instalments) {
    if (instalment.settledOn !== null && instalment.settledOn <= date) continue;
    const dpd = instalment.dueDate < date ? daysBetween(instalment.dueDate, date) : 0;
    return bucketOf(dpd, loan.bucketBounds);
  }
  return 'M0';
}

/** A line's state at the end of `date`; null when it is not known then (not yet open, or not serviced to it). */
export function lineStateOn(line: LineHistory, date: LocalDate): RollState | null {
  if (date < line.openedOn) return null;
  const ended = endStateOn(line.chargedOffOn, line.closedOn, date);
  if (ended) return ended;
  if (date > line.processedThrough) return null;
  for (const outcome of line.dueOutcomes) {
    if (outcome.dueDate >= date) break;
    if (outcome.minimumMet || (outcome.curedOn !== null && outcome.curedOn <= date)) continue;
    return bucketOf(daysBetween(outcome.dueDate, date), line.bucketBounds);
  }
  return 'M0';
}

/** One account at one month end: its state and what it owed (fen). */
export interface MonthEndPosition {
  readonly monthEnd: LocalDate;
  readonly state: RollState;
  readonly balance: bigint;
}

/** One account's month ends, in order, as derived (those at which its state is not known are left out). */
export interface RollRecord {
  readonly product: string;
  readonly accountId: string;
  readonly positions: readonly MonthEndPosition[];
}

/** Accounts in one bucket at a month end that were in a given state one month later. */
export interface RollCell {
  readonly to: RollState;
  readonly accounts: number;
  /** What those accounts owed at the first month end (fen): the balance that rolled. */
  readonly balance: bigint;
  /** What the same accounts owed one month later (fen). */
  readonly balanceNext: bigint;
  /** accounts / the row's accounts, half-even to 6 places. */
  readonly accountRate: string | null;
  /** balance / the row's balance, half-even to 6 places (null when the row owes nothing). */
  readonly balanceRate: string | null;
}

/** The accounts in one bucket at a month end, and where they went. */
export interface RollRow {
  readonly from: Bucket;
  readonly accounts: number;
  readonly balance: bigint;
  /** One cell per state in `ROLL_STATES` order (zero cells included, so every matrix has one shape). */
  readonly to: readonly RollCell[];
}

/** One month's transition matrix: from its month end to the next. */
export interface RollMonth {
  /** The month whose end the accounts are counted at, `YYYY-MM`. */
  readonly month: string;
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly rows: readonly RollRow[];
}

export interface RollMatrices {
  readonly months: readonly RollMonth[];
  /** Every month's transitions added up. */
  readonly total: readonly RollRow[];
}

export interface RollRateReport {
  readonly window: MonitoringWindow;
  readonly states: readonly RollState[];
  readonly rounding: string;
  /** Per product (`cash_loan`, `credit_line`, …), in code order. */
  readonly products: ReadonlyArray<{ readonly product: string } & RollMatrices>;
  /** Every product together. */
  readonly combined: RollMatrices;
}

interface Tally {
  accounts: number;
  balance: bigint;
  balanceNext: bigint;
}

type Matrix = Map<Bucket, Map<RollState, Tally>>;

function addTo(matrix: Matrix, from: Bucket, to: RollState, balance: bigint, balanceNext: bigint): void {
  let row = matrix.get(from);
  if (!row) {
    row = new Map();
    matrix.set(from, row);
  }
  const tally = row.get(to) ?? { accounts: 0, balance: 0n, balanceNext: 0n };
  tally.accounts += 1;
  tally.balance += balance;
  tally.balanceNext += balanceNext;
  row.set(to, tally);
}

/** A share of fen, exact to the last fen (no float on the way), half-even to 6 places. */
const fenShare = (part: bigint, whole: bigint): string | null =>
  whole <= 0n ? null : toRateString(rate(part, whole), 6);

function rowsOf(matrix: Matrix | undefined): RollRow[] {
  return ROLL_FROM.map((from) => {
    const row = matrix?.get(from);
    let accounts = 0;
    let balance = 0n;
    for (const tally of row?.values() ?? []) {
      accounts += tally.accounts;
      balance += tally.balance;
    }
    return {
      from,
      accounts,
      balance,
      to: ROLL_STATES.map((to) => {
        const tally = row?.get(to) ?? { accounts: 0, balance: 0n, balanceNext: 0n };
        return {
          to,
          accounts: tally.accounts,
          balance: tally.balance,
          balanceNext: tally.balanceNext,
          accountRate: shareOf(tally.accounts, accounts),
          balanceRate: fenShare(tally.balance, balance),
        };
      }),
    };
  });
}

export interface RollRateAggregator {
  add(record: RollRecord): void;
  report(): RollRateReport;
}

/**
 * A fresh fold of accounts' month-end positions into transition matrices. A transition is counted from
 * each month end at which an account sat in a bucket to the next month end, when its state is known at
 * both; an account in an end state has nothing left to roll.
 */
export function createRollRateAggregator(window: MonitoringWindow): RollRateAggregator {
  const monthEnds = monthEndsIn(window.from, window.to);
  const nextOf = new Map<LocalDate, LocalDate>();
  monthEnds.forEach((end, index) => {
    const next = monthEnds[index + 1];
    if (next) nextOf.set(end, next);
  });
  // product → month end → matrix; and the combined view.
  const byProduct = new Map<string, Map<LocalDate, Matrix>>();
  const combined = new Map<LocalDate, Matrix>();
  const matrixOf = (months: Map<LocalDate, Matrix>, end: LocalDate): Matrix => {
    let matrix = months.get(end);
    if (!matrix) {
      matrix = new Map();
      months.set(end, matrix);
    }
    return matrix;
  };
  const matricesOf = (months: Map<LocalDate, Matrix> | undefined): RollMatrices => {
    const total: Matrix = new Map();
    const list = [...nextOf.entries()].map(([from, to]) => {
      const matrix = months?.get(from);
      for (const [bucket, row] of matrix ?? [])
        for (const [state, tally] of row) {
          const totalRow = total.get(bucket) ?? new Map<RollState, Tally>();
          const sum = totalRow.get(state) ?? { accounts: 0, balance: 0n, balanceNext: 0n };
          sum.accounts += tally.accounts;
          sum.balance += tally.balance;
          sum.balanceNext += tally.balanceNext;
          totalRow.set(state, sum);
          total.set(bucket, totalRow);
        }
      return { month: from.slice(0, 7), from, to, rows: rowsOf(matrix) };
    });
    return { months: list, total: rowsOf(total) };
  };
  return {
    add(record) {
      let months = byProduct.get(record.product);
      if (!months) {
        months = new Map();
        byProduct.set(record.product, months);
      }
      record.positions.forEach((position, index) => {
        const next = record.positions[index + 1];
        if (!next || nextOf.get(position.monthEnd) !== next.monthEnd) return;
        if (position.state === 'written_off' || position.state === 'closed') return;
        const from = position.state;
        addTo(matrixOf(months, position.monthEnd), from, next.state, position.balance, next.balance);
        addTo(matrixOf(combined, position.monthEnd), from, next.state, position.balance, next.balance);
      });
    },
    report() {
      return {
        window,
        states: ROLL_STATES,
        rounding: ROLL_RATE_ROUNDING,
        products: [...byProduct.keys()]
          .sort()
          .map((product) => ({ product, ...matricesOf(byProduct.get(product)) })),
        combined: matricesOf(combined),
      };
    },
  };
}

/**
 * The month-end positions of one account: its state at each month end (`stateOn`) and the balance the
 * ledger gives at that date from its net receivable postings per month (`YYYY-MM` → signed fen).
 */
export function positionsOf(
  monthEnds: readonly LocalDate[],
  stateOn: (date: LocalDate) => RollState | null,
  netByMonth: ReadonlyMap<string, bigint>,
): MonthEndPosition[] {
  const months = [...netByMonth.keys()].sort();
  const positions: MonthEndPosition[] = [];
  let balance = 0n;
  let next = 0;
  for (const monthEnd of monthEnds) {
    const month = monthEnd.slice(0, 7);
    while (next < months.length && (months[next] as string) <= month) {
      balance += netByMonth.get(months[next] as string) ?? 0n;
      next += 1;
    }
    const state = stateOn(monthEnd);
    if (state !== null) positions.push({ monthEnd, state, balance });
  }
  return positions;
}
