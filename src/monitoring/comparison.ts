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
  /** The fold so far as plain JSON (the limit difference's fen as a string): a run's checkpoint. */
  state(): ComparisonState;
}

interface SwapTally {
  champion: Mean;
  challenger: Mean;
  n: number;
}

/** What a comparison has folded, JSON-safe: `createComparison(state)` goes on from it exactly. */
export interface ComparisonState {
  readonly records: number;
  readonly matrix: Record<Outcome, Record<Outcome, number>>;
  readonly swapIns: SwapTally;
  readonly swapOuts: SwapTally;
  readonly approvedPd: { champion: Mean; challenger: Mean };
  readonly both: {
    count: number;
    limitHigher: number;
    limitLower: number;
    limitSame: number;
    /** Sum of (challenger − champion) limits, integer fen as a decimal string. */
    limitDifferenceFen: string;
    priceHigher: number;
    priceLower: number;
    priceSame: number;
    limitBuckets: number[];
    priceBuckets: number[];
  };
}

const copyMean = (entry: Mean): Mean => ({ sum: entry.sum, count: entry.count });
const copySwap = (entry: SwapTally): SwapTally => ({
  champion: copyMean(entry.champion),
  challenger: copyMean(entry.challenger),
  n: entry.n,
});

/**
 * A fold of pairs; `figures()` may be read at any time. Given a `state` (a checkpoint), it goes on from
 * there: the sums continue in the same order, so the figures equal those of one uninterrupted fold.
 */
export function createComparison(from?: ComparisonState): Comparison {
  let records = from?.records ?? 0;
  const row = (outcome: Outcome) => ({
    approved: from?.matrix[outcome].approved ?? 0,
    declined: from?.matrix[outcome].declined ?? 0,
    referred: from?.matrix[outcome].referred ?? 0,
  });
  const matrix: Record<Outcome, Record<Outcome, number>> = {
    approved: row('approved'),
    declined: row('declined'),
    referred: row('referred'),
  };
  const emptySwap = (): SwapTally => ({
    champion: { sum: 0, count: 0 },
    challenger: { sum: 0, count: 0 },
    n: 0,
  });
  const swapIns = from ? copySwap(from.swapIns) : emptySwap();
  const swapOuts = from ? copySwap(from.swapOuts) : emptySwap();
  const approvedPd = from
    ? { champion: copyMean(from.approvedPd.champion), challenger: copyMean(from.approvedPd.challenger) }
    : { champion: { sum: 0, count: 0 }, challenger: { sum: 0, count: 0 } };
  const both = {
    count: from?.both.count ?? 0,
    limitHigher: from?.both.limitHigher ?? 0,
    limitLower: from?.both.limitLower ?? 0,
    limitSame: from?.both.limitSame ?? 0,
    limitDifference: BigInt(from?.both.limitDifferenceFen ?? '0'),
    priceHigher: from?.both.priceHigher ?? 0,
    priceLower: from?.both.priceLower ?? 0,
    priceSame: from?.both.priceSame ?? 0,
    limitBuckets: from
      ? [...from.both.limitBuckets]
      : new Array<number>(LIMIT_DIFFERENCE_CUTS_YUAN.length + 1).fill(0),
    priceBuckets: from
      ? [...from.both.priceBuckets]
      : new Array<number>(PRICE_DIFFERENCE_CUTS_BPS.length + 1).fill(0),
  };
  return {
    state() {
      return {
        records,
        matrix: {
          approved: { ...matrix.approved },
          declined: { ...matrix.declined },
          referred: { ...matrix.referred },
        },
        swapIns: copySwap(swapIns),
        swapOuts: copySwap(swapOuts),
        approvedPd: { champion: copyMean(approvedPd.champion), challenger: copyMean(approvedPd.challenger) },
        both: {
          count: both.count,
          limitHigher: both.limitHigher,
          limitLower: both.limitLower,
          limitSame: both.limitSame,
          limitDifferenceFen: both.limitDifference.toString(),
          priceHigher: both.priceHigher,
          priceLower: both.priceLower,
          priceSame: both.priceSame,
          limitBuckets: [...both.limitBuckets],
          priceBuckets: [...both.priceBuckets],
        },
      };
    },
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
