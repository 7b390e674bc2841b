import type { Money } from '../platform/money/money.ts';
import { compareRate, subRate, toBps, type Rate } from '../platform/money/rate.ts';
import { meanFen, shareOf } from './window.ts';

/**
 * The comparison shadow mode and backtests both report: one decision made twice on the same facts — by
 * the champion (what the customer got, or the active model) and by a challenger (a shadow, a candidate
 * model) — folded into the agreement matrix, the swap sets with their expected bad rate, and the
 * distribution of limit and price differences among the applications both approve. Pure.
 */

export type Outcome = 'approved' | 'declined' | 'referred';
export const OUTCOMES: readonly Outcome[] = ['approved', 'declined', 'referred'];

/** One side of a pair: its outcome, limit (fen), price (after the legal cap; null when declined) and PD. */
export interface DecidedSide {
  readonly outcome: Outcome;
  readonly limit: Money | bigint;
  readonly apr: Rate | null;
  /** The side's model PD for the applicant (null: not scored). */
  readonly pd: number | null;
}

/** Rows: the champion's outcome; columns: the challenger's. */
export type AgreementMatrix = Readonly<Record<Outcome, Readonly<Record<Outcome, number>>>>;

/** A swap set: its size and the bad rate each model expects of it (mean PD), side by side. */
export interface SwapSet {
  readonly count: number;
  readonly expectedBadRate: { readonly champion: number | null; readonly challenger: number | null };
}

/** A histogram bucket of differences (challenger − champion): [from, to), open where null. */
export interface DifferenceBucket {
  readonly from: number | null;
  readonly to: number | null;
  readonly count: number;
}

export interface ComparisonFigures {
  readonly records: number;
  readonly matrix: AgreementMatrix;
  /** Same outcome on both sides, and its share of the records (half-even, 6 places). */
  readonly agreed: number;
  readonly agreementRate: string | null;
  readonly approvalRate: { readonly champion: string | null; readonly challenger: string | null };
  /** Approved by the challenger and not by the champion. */
  readonly swapIns: SwapSet;
  /** Approved by the champion and not by the challenger. */
  readonly swapOuts: SwapSet;
  /** Expected bad rate (mean PD of each side's own approved set, by its own model). */
  readonly expectedBadRate: { readonly champion: number | null; readonly challenger: number | null };
  /** Among the records approved by both. */
  readonly approvedBoth: {
    readonly count: number;
    readonly limitHigher: number;
    readonly limitLower: number;
    readonly limitSame: number;
    /** Mean of (challenger − champion) limits, integer fen, half-even; null for none. */
    readonly meanLimitDifferenceFen: bigint | null;
    /** Buckets of the limit difference in yuan. */
    readonly limitDifferenceYuan: readonly DifferenceBucket[];
    readonly priceHigher: number;
    readonly priceLower: number;
    readonly priceSame: number;
    /** Buckets of the APR difference in basis points. */
    readonly priceDifferenceBps: readonly DifferenceBucket[];
  };
}

/** Limit differences in yuan and price differences in basis points are cut at these points. */
export const LIMIT_DIFFERENCE_CUTS_YUAN: readonly number[] = [-10_000, -1_000, 0, 1, 1_000, 10_000];
export const PRICE_DIFFERENCE_CUTS_BPS: readonly number[] = [-200, -50, 0, 1, 50, 200];

interface Mean {
  sum: number;
  count: number;
}
const mean = (entry: Mean): number | null => (entry.count === 0 ? null : entry.sum / entry.count);
const addPd = (entry: Mean, pd: number | null): void => {
  if (pd === null || !Number.isFinite(pd)) return;
  entry.sum += pd;
  entry.count += 1;
};

function bucketIndex(cuts: readonly number[], value: number): number {
  let index = 0;
  while (index < cuts.length && value >= (cuts[index] as number)) index += 1;
  return index;
}

function bucketsOf(cuts: readonly number[], counts: readonly number[]): DifferenceBucket[] {
  return counts.map((count, index) => ({
    from: index === 0 ? null : (cuts[index - 1] as number),
    to: index === cuts.length ? null : (cuts[index] as number),
    count,
  }));
}

export interface Comparison {
  add(champion: DecidedSide, challenger: DecidedSide): void;
  figures(): ComparisonFigures;
}

/** A fold of pairs; `figures()` may be read at any time. */
export function createComparison(): Comparison {
  let records = 0;
  const matrix: Record<Outcome, Record<Outcome, number>> = {
    approved: { approved: 0, declined: 0, referred: 0 },
    declined: { approved: 0, declined: 0, referred: 0 },
    referred: { approved: 0, declined: 0, referred: 0 },
  };
  const swapIns = { champion: { sum: 0, count: 0 }, challenger: { sum: 0, count: 0 }, n: 0 };
  const swapOuts = { champion: { sum: 0, count: 0 }, challenger: { sum: 0, count: 0 }, n: 0 };
  const approvedPd = { champion: { sum: 0, count: 0 }, challenger: { sum: 0, count: 0 } };
  const both = {
    count: 0,
    limitHigher: 0,
    limitLower: 0,
    limitSame: 0,
    limitDifference: 0n,
    priceHigher: 0,
    priceLower: 0,
    priceSame: 0,
    limitBuckets: new Array<number>(LIMIT_DIFFERENCE_CUTS_YUAN.length + 1).fill(0),
    priceBuckets: new Array<number>(PRICE_DIFFERENCE_CUTS_BPS.length + 1).fill(0),
  };
  return {
    add(champion, challenger) {
      records += 1;
      matrix[champion.outcome][challenger.outcome] += 1;
      const championApproves = champion.outcome === 'approved';
      const challengerApproves = challenger.outcome === 'approved';
      if (championApproves) addPd(approvedPd.champion, champion.pd);
      if (challengerApproves) addPd(approvedPd.challenger, challenger.pd);
      if (challengerApproves && !championApproves) {
        swapIns.n += 1;
        addPd(swapIns.champion, champion.pd);
        addPd(swapIns.challenger, challenger.pd);
      } else if (championApproves && !challengerApproves) {
        swapOuts.n += 1;
        addPd(swapOuts.champion, champion.pd);
        addPd(swapOuts.challenger, challenger.pd);
      } else if (championApproves && challengerApproves) {
        both.count += 1;
        const difference = BigInt(challenger.limit) - BigInt(champion.limit);
        both.limitDifference += difference;
        if (difference > 0n) both.limitHigher += 1;
        else if (difference < 0n) both.limitLower += 1;
        else both.limitSame += 1;
        // Whole yuan, towards zero: a difference of under a yuan counts as none.
        const limitBucket = bucketIndex(LIMIT_DIFFERENCE_CUTS_YUAN, Number(difference / 100n));
        both.limitBuckets[limitBucket] = (both.limitBuckets[limitBucket] ?? 0) + 1;
        if (champion.apr !== null && challenger.apr !== null) {
          const order = compareRate(challenger.apr, champion.apr);
          if (order > 0) both.priceHigher += 1;
          else if (order < 0) both.priceLower += 1;
          else both.priceSame += 1;
          const bps = Number(toBps(subRate(challenger.apr, champion.apr)));
          const priceBucket = bucketIndex(PRICE_DIFFERENCE_CUTS_BPS, bps);
          both.priceBuckets[priceBucket] = (both.priceBuckets[priceBucket] ?? 0) + 1;
        }
      }
    },
    figures() {
      const agreed = matrix.approved.approved + matrix.declined.declined + matrix.referred.referred;
      const approvedChampion = matrix.approved.approved + matrix.approved.declined + matrix.approved.referred;
      const approvedChallenger =
        matrix.approved.approved + matrix.declined.approved + matrix.referred.approved;
      return {
        records,
        matrix: {
          approved: { ...matrix.approved },
          declined: { ...matrix.declined },
          referred: { ...matrix.referred },
        },
        agreed,
        agreementRate: shareOf(agreed, records),
        approvalRate: {
          champion: shareOf(approvedChampion, records),
          challenger: shareOf(approvedChallenger, records),
        },
        swapIns: {
          count: swapIns.n,
          expectedBadRate: { champion: mean(swapIns.champion), challenger: mean(swapIns.challenger) },
        },
        swapOuts: {
          count: swapOuts.n,
          expectedBadRate: { champion: mean(swapOuts.champion), challenger: mean(swapOuts.challenger) },
        },
        expectedBadRate: { champion: mean(approvedPd.champion), challenger: mean(approvedPd.challenger) },
        approvedBoth: {
          count: both.count,
          limitHigher: both.limitHigher,
          limitLower: both.limitLower,
          limitSame: both.limitSame,
          meanLimitDifferenceFen: meanFen(both.limitDifference, both.count),
          limitDifferenceYuan: bucketsOf(LIMIT_DIFFERENCE_CUTS_YUAN, both.limitBuckets),
          priceHigher: both.priceHigher,
          priceLower: both.priceLower,
          priceSame: both.priceSame,
          priceDifferenceBps: bucketsOf(PRICE_DIFFERENCE_CUTS_BPS, both.priceBuckets),
        },
      };
    },
  };
}
