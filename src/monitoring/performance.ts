import { daysBetween, type LocalDate } from '../platform/time/local-date.ts';
import type { Arm } from '../policy/index.ts';
import { SCORE_BANDS, scoreBandOf, shareOf, type MonitoringWindow } from './window.ts';

/**
 * Performance: the loop from score to outcome, for both products. For booked cash loans, the bad rate — a loan that has been
 * 30 or more days past due at any point, or was written off — by the score band of the decision that
 * granted its facility and by vintage (the month the loan was drawn), next to the PD that decision
 * recorded. A loan counts towards the bad rate only once it could have gone bad: an instalment fell due
 * at least 30 days before the day its servicing has reached, or it has already gone bad or been repaid.
 *
 * For credit lines (revolving, so there is no single drawdown): the vintage is the month the line was
 * opened; a line is bad once a statement's minimum payment has gone unmet 30 or more days past its due
 * date — from the due date to the day the minimum was finally met or, still unmet, to the day the line's
 * servicing has reached (the lending context's own days past due, at its worst) — or when it is charged
 * off. It is observable once a statement asking for a minimum payment above zero fell due 30 days before
 * its servicing date (a line never drawn on can not go bad), it has already gone bad, or it was drawn on
 * and has been closed (everything repaid). Its `principal` is
 * what was drawn on it (purchases) to date. The due outcomes are the line's last 24 (its state keeps no
 * more): a line's worst delinquency older than two years is not seen.
 */

/** Days past due that make a loan bad (the lending context's M2 bucket starts here: 31+; 30+ is bad). */
export const BAD_DAYS_PAST_DUE = 30;

/** One instalment that has fallen due: when, and when it was paid in full (null while it is owed). */
export interface DueInstalment {
  readonly dueDate: LocalDate;
  readonly settledOn: LocalDate | null;
}

/** What performance reads of one loan and the decision behind it. */
export interface LoanPerformanceRecord {
  readonly loanId: string;
  /** The product of the decision that granted the facility (`cash_loan`); the loan's own when unknown. */
  readonly productCode: string;
  readonly startDate: LocalDate;
  readonly principal: bigint;
  readonly status: 'active' | 'closed' | 'written_off';
  /** The last business date the loan's servicing has been brought to. */
  readonly processedThrough: LocalDate;
  readonly instalments: readonly DueInstalment[];
  /** Score, PD and arm of the decision that set the facility's terms (null when none is recorded). */
  readonly score: number | null;
  readonly pd: number | null;
  readonly arm: Arm | null;
}

/**
 * The most days any instalment of the loan has been past due, up to `processedThrough`: an instalment
 * paid on day S after its due date D was D→S days late; one still owed is D→processedThrough days late.
 * The same count as the lending context's days past due (from the oldest unpaid due date), taken at its
 * worst over the loan's life.
 */
export function worstDaysPastDue(
  record: Pick<LoanPerformanceRecord, 'instalments' | 'processedThrough'>,
): number {
  let worst = 0;
  for (const instalment of record.instalments) {
    const until = instalment.settledOn ?? record.processedThrough;
    if (instalment.dueDate < until) worst = Math.max(worst, daysBetween(instalment.dueDate, until));
  }
  return worst;
}

export type LoanVerdict = 'bad' | 'good' | 'immature';

/** What performance reads of one credit line and the decision behind it. */
export interface LinePerformanceRecord {
  readonly lineId: string;
  /** The product of the decision that granted the facility (`credit_line`); the line's own when unknown. */
  readonly productCode: string;
  readonly openedOn: LocalDate;
  /** Purchases drawn on the line to date, fen. */
  readonly drawn: bigint;
  /** The date the line was charged off (written off), or null. */
  readonly chargedOffOn: LocalDate | null;
  /** The date the line was closed (at zero balance: migration 0505's `closed_on`), or null. */
  readonly closedOn: LocalDate | null;
  readonly processedThrough: LocalDate;
  /** Each checked statement due date, oldest first (the line's last 24). */
  readonly dueOutcomes: ReadonlyArray<{
    readonly dueDate: LocalDate;
    readonly minimumPayment: bigint;
    readonly minimumMet: boolean;
    readonly curedOn: LocalDate | null;
  }>;
  readonly score: number | null;
  readonly pd: number | null;
  readonly arm: Arm | null;
}

/** The most days a statement's missed minimum stayed unmet, up to `processedThrough`. */
export function lineWorstDaysPastDue(
  record: Pick<LinePerformanceRecord, 'dueOutcomes' | 'processedThrough'>,
): number {
  let worst = 0;
  for (const outcome of record.dueOutcomes) {
    if (outcome.minimumMet) continue;
    const until = outcome.curedOn ?? record.processedThrough;
    if (outcome.dueDate < until) worst = Math.max(worst, daysBetween(outcome.dueDate, until));
  }
  return worst;
}

/** Bad (a minimum 30+ days past due, or charged off), good (could have gone bad and did not), or not yet. */
export function lineVerdict(record: LinePerformanceRecord): LoanVerdict {
  if (record.chargedOffOn !== null || lineWorstDaysPastDue(record) >= BAD_DAYS_PAST_DUE) return 'bad';
  // Closed at zero balance after being drawn on: everything repaid, as a repaid loan is good.
  if (record.closedOn !== null && record.drawn > 0n) return 'good';
  const observable = record.dueOutcomes.some(
    (outcome) =>
      outcome.minimumPayment > 0n &&
      daysBetween(outcome.dueDate, record.processedThrough) >= BAD_DAYS_PAST_DUE,
  );
  return observable ? 'good' : 'immature';
}

/** A loan or a line, as the performance fold takes them. */
export type PerformanceRecord = LoanPerformanceRecord | LinePerformanceRecord;

const isLine = (record: PerformanceRecord): record is LinePerformanceRecord => 'lineId' in record;

/** Bad (30+ DPD ever, or written off), good (could have gone bad and did not) or not yet observable. */
export function loanVerdict(record: LoanPerformanceRecord): LoanVerdict {
  if (record.status === 'written_off' || worstDaysPastDue(record) >= BAD_DAYS_PAST_DUE) return 'bad';
  if (record.status === 'closed') return 'good';
  const observable = record.instalments.some(
    (instalment) => daysBetween(instalment.dueDate, record.processedThrough) >= BAD_DAYS_PAST_DUE,
  );
  return observable ? 'good' : 'immature';
}

export interface PerformanceCell {
  /** Accounts: cash loans drawn, or credit lines opened (the name is kept from when only loans counted). */
  readonly loans: number;
  /** Loans that could have gone bad by now (bad, good) — the bad rate's denominator. */
  readonly observable: number;
  readonly bads: number;
  /** bads / observable, half-even to 6 places. */
  readonly badRate: string | null;
  /** Mean PD recorded at the decision, over the observable loans with a PD: the expected bad rate. */
  readonly expectedBadRate: number | null;
  /** Principal drawn, integer fen (a line: its purchases to date). */
  readonly principal: bigint;
}

export interface PerformanceReport {
  readonly window: MonitoringWindow;
  readonly badDaysPastDue: number;
  readonly bands: ReadonlyArray<
    { readonly band: string; readonly from: number; readonly to: number } & PerformanceCell
  >;
  /** Vintages (`2026-11`) in order, each with its cells by band (bands without loans omitted). */
  readonly vintages: ReadonlyArray<
    { readonly vintage: string } & PerformanceCell & {
        readonly bands: ReadonlyArray<{ readonly band: string } & PerformanceCell>;
      }
  >;
  /** Loans whose decision carries no score (none recorded, or an override without one). */
  readonly unscored: PerformanceCell;
  /** Per product (`cash_loan`, `credit_line`), in code order: the window's product alone when one is asked. */
  readonly products: ReadonlyArray<{ readonly product: string } & PerformanceCell>;
  readonly total: PerformanceCell;
}

interface Tally {
  loans: number;
  observable: number;
  bads: number;
  pdSum: number;
  pdCount: number;
  principal: bigint;
}

const emptyTally = (): Tally => ({ loans: 0, observable: 0, bads: 0, pdSum: 0, pdCount: 0, principal: 0n });

function tallyOne(tally: Tally, record: PerformanceRecord, verdict: LoanVerdict): void {
  tally.loans += 1;
  tally.principal += isLine(record) ? record.drawn : record.principal;
  if (verdict === 'immature') return;
  tally.observable += 1;
  if (verdict === 'bad') tally.bads += 1;
  if (record.pd !== null) {
    tally.pdSum += record.pd;
    tally.pdCount += 1;
  }
}

function cellOf(tally: Tally): PerformanceCell {
  return {
    loans: tally.loans,
    observable: tally.observable,
    bads: tally.bads,
    badRate: shareOf(tally.bads, tally.observable),
    expectedBadRate: tally.pdCount === 0 ? null : tally.pdSum / tally.pdCount,
    principal: tally.principal,
  };
}

export interface PerformanceAggregator {
  add(record: PerformanceRecord): void;
  report(): PerformanceReport;
}

/**
 * A fresh fold of loans (drawn within the window) and lines (opened within it) into bad rates by score
 * band and vintage, every product together and per product.
 */
export function createPerformanceAggregator(window: MonitoringWindow): PerformanceAggregator {
  const bands = SCORE_BANDS.map(emptyTally);
  const vintages = new Map<string, { tally: Tally; bands: Tally[] }>();
  const unscored = emptyTally();
  const total = emptyTally();
  const products = new Map<string, Tally>();
  return {
    add(record) {
      const verdict = isLine(record) ? lineVerdict(record) : loanVerdict(record);
      tallyOne(total, record, verdict);
      const product = products.get(record.productCode) ?? emptyTally();
      products.set(record.productCode, product);
      tallyOne(product, record, verdict);
      const vintage = (isLine(record) ? record.openedOn : record.startDate).slice(0, 7);
      let entry = vintages.get(vintage);
      if (!entry) {
        entry = { tally: emptyTally(), bands: SCORE_BANDS.map(emptyTally) };
        vintages.set(vintage, entry);
      }
      tallyOne(entry.tally, record, verdict);
      if (record.score === null) {
        tallyOne(unscored, record, verdict);
        return;
      }
      const band = scoreBandOf(record.score);
      tallyOne(bands[band] as Tally, record, verdict);
      tallyOne(entry.bands[band] as Tally, record, verdict);
    },
    report() {
      return {
        window,
        badDaysPastDue: BAD_DAYS_PAST_DUE,
        bands: SCORE_BANDS.map((band, index) => ({
          band: band.label,
          from: band.from,
          to: band.to,
          ...cellOf(bands[index] as Tally),
        })),
        vintages: [...vintages.entries()]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([vintage, entry]) => ({
            vintage,
            ...cellOf(entry.tally),
            bands: SCORE_BANDS.flatMap((band, index) => {
              const tally = entry.bands[index] as Tally;
              return tally.loans === 0 ? [] : [{ band: band.label, ...cellOf(tally) }];
            }),
          })),
        unscored: cellOf(unscored),
        products: [...products.entries()]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([product, tally]) => ({ product, ...cellOf(tally) })),
        total: cellOf(total),
      };
    },
  };
}
