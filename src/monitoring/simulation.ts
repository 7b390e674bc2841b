import type { DecisionKind, Outcome } from '../decisions/index.ts';
import { isAppError } from '../platform/errors/app-error.ts';
import type { Money } from '../platform/money/money.ts';
import {
  addRate,
  compareRate,
  parseRate,
  RATE_ZERO,
  toExactRateString,
  type Rate,
} from '../platform/money/rate.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import {
  clampToLegalCap,
  productBoundsOfDocument,
  readPolicyResult,
  type Arm,
  type CompiledPolicy,
  type LegalRateCap,
  type ZenObject,
} from '../policy/index.ts';
import { meanFen, meanRate, SCORE_BANDS, scoreBandOf, shareOf, type MonitoringWindow } from './window.ts';

/**
 * Policy simulation: what a candidate policy would have decided on the applications already decided.
 * Each decision record carries the exact document its policy read (facts, score, sub-scores, product and
 * risk appetite as they were); the candidate — compiled by the policy context's compiler — is evaluated on
 * that document, and its price clamped to the legal cap that was in force on the decision date, exactly
 * as the decision did. So simulating the policy version a record was decided by gives back that record's
 * outcome, limit and price, to the fen; the report counts that check for every such record.
 *
 * Compared with what was recorded: the swap set (approved before and not after — swap-outs — and the
 * reverse — swap-ins), approval rates, limits and prices, and the expected bad rate of the approved set
 * from the PD each decision recorded, overall, by product and by score band.
 */

/** The part of a decision record a simulation reads. */
export interface SimulationRecord {
  readonly id: string;
  readonly decisionDate: LocalDate;
  readonly productCode: string;
  readonly arm: Arm | null;
  readonly kind: DecisionKind;
  readonly outcome: Outcome;
  readonly limit: Money;
  readonly apr: Rate | null;
  readonly score: number;
  readonly pd: number | null;
  /** Checksum of the policy version that decided it. */
  readonly policyChecksum: string | null;
  /** The document the policy read, as stored. */
  readonly policyDocument: ZenObject;
  /** The legal cap in force on the decision date, as stored (null: none was in force). */
  readonly legalCap: { readonly effectiveFrom: string; readonly annualRate: string } | null;
}

/** What the candidate decides on one record. */
export interface SimulatedDecision {
  readonly outcome: Outcome;
  readonly limit: Money;
  /** After the legal cap; null when declined (as decisions record it). */
  readonly apr: Rate | null;
}

const capCache = new Map<string, readonly LegalRateCap[]>();

function capsOf(legalCap: SimulationRecord['legalCap']): readonly LegalRateCap[] {
  if (legalCap === null) return [];
  const key = `${legalCap.effectiveFrom}|${legalCap.annualRate}`;
  let caps = capCache.get(key);
  if (!caps) {
    caps = [
      {
        effectiveFrom: legalCap.effectiveFrom as LocalDate,
        annualRate: parseRate(legalCap.annualRate, 'legalCap.annualRate'),
        basis: 'as recorded with the decision',
      },
    ];
    if (capCache.size < 1_000) capCache.set(key, caps);
  }
  return caps;
}

/**
 * The candidate's decision on one stored record: the policy evaluated on the stored document, its result
 * read as a decision does, the price clamped to the stored legal cap on the decision date.
 */
export function simulateRecord(candidate: CompiledPolicy, record: SimulationRecord): SimulatedDecision {
  // The output alone: a simulation keeps no evidence, so the trace is not built.
  const result = readPolicyResult(
    { output: candidate.evaluateOutput(record.policyDocument), trace: [] },
    productBoundsOfDocument(record.policyDocument),
  );
  if (result.outcome === 'declined') return { outcome: 'declined', limit: result.limit, apr: null };
  const price = clampToLegalCap(result.apr, capsOf(record.legalCap), record.decisionDate);
  return { outcome: result.outcome, limit: result.limit, apr: price.apr };
}

export interface OutcomeMatrix {
  /** Rows: the recorded outcome; columns: the candidate's. */
  readonly approved: Readonly<Record<Outcome, number>>;
  readonly declined: Readonly<Record<Outcome, number>>;
  readonly referred: Readonly<Record<Outcome, number>>;
}

export interface SimulationFigures {
  readonly records: number;
  readonly before: { readonly approved: number; readonly declined: number; readonly referred: number };
  readonly after: { readonly approved: number; readonly declined: number; readonly referred: number };
  readonly approvalRateBefore: string | null;
  readonly approvalRateAfter: string | null;
  /** Not approved before, approved by the candidate. */
  readonly swapIns: number;
  /** Approved before, not approved by the candidate. */
  readonly swapOuts: number;
  readonly matrix: OutcomeMatrix;
  readonly limits: {
    /** Sum of approved limits (integer fen): the exposure offered. */
    readonly totalBefore: bigint;
    readonly totalAfter: bigint;
    readonly averageBefore: bigint | null;
    readonly averageAfter: bigint | null;
    /** Among records approved both times. */
    readonly raised: number;
    readonly lowered: number;
    readonly unchanged: number;
  };
  readonly prices: {
    /** Exact mean APR of the approved set, half-even to 6 places. */
    readonly averageAprBefore: string | null;
    readonly averageAprAfter: string | null;
    /** Among records approved both times. */
    readonly raised: number;
    readonly lowered: number;
    readonly unchanged: number;
  };
  /** Mean recorded PD of each approved set: the bad rate the model expects of it. */
  readonly expectedBadRate: {
    readonly before: number | null;
    readonly after: number | null;
    readonly swapIns: number | null;
    readonly swapOuts: number | null;
  };
}

export interface ReproductionCheck {
  /** Checksum of the candidate policy. */
  readonly policyChecksum: string;
  /** Records that policy version decided: on them the simulation must give back what was recorded. */
  readonly records: number;
  readonly reproduced: number;
  readonly mismatches: ReadonlyArray<{
    readonly decisionId: string;
    readonly stored: { readonly outcome: Outcome; readonly limit: string; readonly apr: string | null };
    readonly simulated: { readonly outcome: Outcome; readonly limit: string; readonly apr: string | null };
  }>;
}

export interface SimulationReport {
  readonly window: MonitoringWindow;
  readonly total: SimulationFigures;
  readonly products: ReadonlyArray<
    { readonly product: string } & SimulationFigures & {
        readonly bands: ReadonlyArray<{ readonly band: string } & SimulationFigures>;
      }
  >;
  readonly bands: ReadonlyArray<
    { readonly band: string; readonly from: number; readonly to: number } & SimulationFigures
  >;
  readonly reproduction: ReproductionCheck;
  /** Records the candidate could not evaluate (it refused the document, or an expression failed). */
  readonly failed: {
    readonly count: number;
    readonly examples: ReadonlyArray<{
      readonly decisionId: string;
      readonly code: string;
      readonly message: string;
    }>;
  };
  /** Records in the window that cannot be simulated, and why. */
  readonly skipped: { readonly overrides: number; readonly faults: number };
  /** The first swap-ins and swap-outs met (at most 20 of each), for a person to look at case by case. */
  readonly samples: { readonly swapIns: readonly SwapSample[]; readonly swapOuts: readonly SwapSample[] };
}

/** One record whose approval the candidate would change: what was decided, and what the candidate decides. */
export interface SwapSample {
  readonly decisionId: string;
  readonly decisionDate: LocalDate;
  readonly productCode: string;
  readonly score: number;
  readonly pd: number | null;
  /** Limits in integer fen, APRs as exact decimal strings (null when declined). */
  readonly before: { readonly outcome: Outcome; readonly limit: bigint; readonly apr: string | null };
  readonly after: { readonly outcome: Outcome; readonly limit: bigint; readonly apr: string | null };
}

interface Tally {
  records: number;
  before: Record<Outcome, number>;
  after: Record<Outcome, number>;
  matrix: Record<Outcome, Record<Outcome, number>>;
  swapIns: number;
  swapOuts: number;
  limitBefore: bigint;
  limitAfter: bigint;
  limitRaised: number;
  limitLowered: number;
  limitUnchanged: number;
  aprBefore: Rate;
  aprBeforeCount: number;
  aprAfter: Rate;
  aprAfterCount: number;
  priceRaised: number;
  priceLowered: number;
  priceUnchanged: number;
  pd: Record<'before' | 'after' | 'swapIns' | 'swapOuts', { sum: number; count: number }>;
}

const outcomes = (): Record<Outcome, number> => ({ approved: 0, declined: 0, referred: 0 });

function emptyTally(): Tally {
  return {
    records: 0,
    before: outcomes(),
    after: outcomes(),
    matrix: { approved: outcomes(), declined: outcomes(), referred: outcomes() },
    swapIns: 0,
    swapOuts: 0,
    limitBefore: 0n,
    limitAfter: 0n,
    limitRaised: 0,
    limitLowered: 0,
    limitUnchanged: 0,
    aprBefore: RATE_ZERO,
    aprBeforeCount: 0,
    aprAfter: RATE_ZERO,
    aprAfterCount: 0,
    priceRaised: 0,
    priceLowered: 0,
    priceUnchanged: 0,
    pd: {
      before: { sum: 0, count: 0 },
      after: { sum: 0, count: 0 },
      swapIns: { sum: 0, count: 0 },
      swapOuts: { sum: 0, count: 0 },
    },
  };
}

function addPd(entry: { sum: number; count: number }, pd: number | null): void {
  if (pd === null) return;
  entry.sum += pd;
  entry.count += 1;
}

function tallyOne(tally: Tally, record: SimulationRecord, simulated: SimulatedDecision): void {
  tally.records += 1;
  tally.before[record.outcome] += 1;
  tally.after[simulated.outcome] += 1;
  tally.matrix[record.outcome][simulated.outcome] += 1;
  const wasApproved = record.outcome === 'approved';
  const isApproved = simulated.outcome === 'approved';
  if (wasApproved) {
    tally.limitBefore += record.limit;
    addPd(tally.pd.before, record.pd);
    if (record.apr !== null) {
      tally.aprBefore = addRate(tally.aprBefore, record.apr);
      tally.aprBeforeCount += 1;
    }
  }
  if (isApproved) {
    tally.limitAfter += simulated.limit;
    addPd(tally.pd.after, record.pd);
    if (simulated.apr !== null) {
      tally.aprAfter = addRate(tally.aprAfter, simulated.apr);
      tally.aprAfterCount += 1;
    }
  }
  if (wasApproved && !isApproved) {
    tally.swapOuts += 1;
    addPd(tally.pd.swapOuts, record.pd);
  }
  if (!wasApproved && isApproved) {
    tally.swapIns += 1;
    addPd(tally.pd.swapIns, record.pd);
  }
  if (wasApproved && isApproved) {
    if (simulated.limit > record.limit) tally.limitRaised += 1;
    else if (simulated.limit < record.limit) tally.limitLowered += 1;
    else tally.limitUnchanged += 1;
    const order = record.apr !== null && simulated.apr !== null ? compareRate(simulated.apr, record.apr) : 0;
    if (order > 0) tally.priceRaised += 1;
    else if (order < 0) tally.priceLowered += 1;
    else tally.priceUnchanged += 1;
  }
}

const mean = (entry: { sum: number; count: number }): number | null =>
  entry.count === 0 ? null : entry.sum / entry.count;

function figuresOf(tally: Tally): SimulationFigures {
  return {
    records: tally.records,
    before: { ...tally.before },
    after: { ...tally.after },
    approvalRateBefore: shareOf(tally.before.approved, tally.records),
    approvalRateAfter: shareOf(tally.after.approved, tally.records),
    swapIns: tally.swapIns,
    swapOuts: tally.swapOuts,
    matrix: {
      approved: { ...tally.matrix.approved },
      declined: { ...tally.matrix.declined },
      referred: { ...tally.matrix.referred },
    },
    limits: {
      totalBefore: tally.limitBefore,
      totalAfter: tally.limitAfter,
      averageBefore: meanFen(tally.limitBefore, tally.before.approved),
      averageAfter: meanFen(tally.limitAfter, tally.after.approved),
      raised: tally.limitRaised,
      lowered: tally.limitLowered,
      unchanged: tally.limitUnchanged,
    },
    prices: {
      averageAprBefore: meanRate(tally.aprBefore, tally.aprBeforeCount),
      averageAprAfter: meanRate(tally.aprAfter, tally.aprAfterCount),
      raised: tally.priceRaised,
      lowered: tally.priceLowered,
      unchanged: tally.priceUnchanged,
    },
    expectedBadRate: {
      before: mean(tally.pd.before),
      after: mean(tally.pd.after),
      swapIns: mean(tally.pd.swapIns),
      swapOuts: mean(tally.pd.swapOuts),
    },
  };
}

const aprText = (apr: Rate | null): string | null => (apr === null ? null : toExactRateString(apr));

/** True when the simulated decision is the recorded one: outcome, limit to the fen, price exactly. */
export function sameDecision(record: SimulationRecord, simulated: SimulatedDecision): boolean {
  if (record.outcome !== simulated.outcome || record.limit !== simulated.limit) return false;
  if (record.apr === null || simulated.apr === null) return record.apr === simulated.apr;
  return compareRate(record.apr, simulated.apr) === 0;
}

export interface SimulationAggregator {
  /** Simulates one record and counts it (a record the candidate cannot evaluate is counted as failed). */
  add(record: SimulationRecord): SimulatedDecision | null;
  skip(reason: 'overrides' | 'faults'): void;
  report(): SimulationReport;
}

/** How many mismatches and failures the report lists by id (all are counted). */
const EXAMPLES = 20;

/** A fresh simulation of `candidate` (whose checksum is `policyChecksum`) over a window's records. */
export function createSimulation(
  window: MonitoringWindow,
  candidate: CompiledPolicy,
  policyChecksum: string,
): SimulationAggregator {
  const total = emptyTally();
  const bands = SCORE_BANDS.map(emptyTally);
  const products = new Map<string, { tally: Tally; bands: Tally[] }>();
  const reproduction = {
    records: 0,
    reproduced: 0,
    mismatches: [] as ReproductionCheck['mismatches'][number][],
  };
  const failed = { count: 0, examples: [] as SimulationReport['failed']['examples'][number][] };
  const skipped = { overrides: 0, faults: 0 };
  const samples = { swapIns: [] as SwapSample[], swapOuts: [] as SwapSample[] };
  const sample = (record: SimulationRecord, simulated: SimulatedDecision): void => {
    const wasApproved = record.outcome === 'approved';
    if (wasApproved === (simulated.outcome === 'approved')) return;
    const list = wasApproved ? samples.swapOuts : samples.swapIns;
    if (list.length >= EXAMPLES) return;
    list.push({
      decisionId: record.id,
      decisionDate: record.decisionDate,
      productCode: record.productCode,
      score: record.score,
      pd: record.pd,
      before: { outcome: record.outcome, limit: record.limit, apr: aprText(record.apr) },
      after: { outcome: simulated.outcome, limit: simulated.limit, apr: aprText(simulated.apr) },
    });
  };
  return {
    add(record) {
      let simulated: SimulatedDecision;
      try {
        simulated = simulateRecord(candidate, record);
      } catch (error) {
        // A policy that cannot read a document is a finding about the candidate, not a crash of the run.
        failed.count += 1;
        if (failed.examples.length < EXAMPLES) {
          failed.examples.push({
            decisionId: record.id,
            code: isAppError(error) ? error.code : 'INTERNAL',
            message: error instanceof Error ? error.message : String(error),
          });
        }
        return null;
      }
      const band = scoreBandOf(record.score);
      let product = products.get(record.productCode);
      if (!product) {
        product = { tally: emptyTally(), bands: SCORE_BANDS.map(emptyTally) };
        products.set(record.productCode, product);
      }
      tallyOne(total, record, simulated);
      tallyOne(bands[band] as Tally, record, simulated);
      tallyOne(product.tally, record, simulated);
      tallyOne(product.bands[band] as Tally, record, simulated);
      sample(record, simulated);
      if (record.policyChecksum === policyChecksum) {
        reproduction.records += 1;
        if (sameDecision(record, simulated)) reproduction.reproduced += 1;
        else if (reproduction.mismatches.length < EXAMPLES) {
          reproduction.mismatches.push({
            decisionId: record.id,
            stored: { outcome: record.outcome, limit: record.limit.toString(), apr: aprText(record.apr) },
            simulated: {
              outcome: simulated.outcome,
              limit: simulated.limit.toString(),
              apr: aprText(simulated.apr),
            },
          });
        }
      }
      return simulated;
    },
    skip(reason) {
      skipped[reason] += 1;
    },
    report() {
      return {
        window,
        total: figuresOf(total),
        products: [...products.entries()]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([product, entry]) => ({
            product,
            ...figuresOf(entry.tally),
            bands: SCORE_BANDS.flatMap((band, index) => {
              const tally = entry.bands[index] as Tally;
              return tally.records === 0 ? [] : [{ band: band.label, ...figuresOf(tally) }];
            }),
          })),
        bands: SCORE_BANDS.map((band, index) => ({
          band: band.label,
          from: band.from,
          to: band.to,
          ...figuresOf(bands[index] as Tally),
        })),
        reproduction: { policyChecksum, ...reproduction },
        failed,
        skipped,
        samples: { swapIns: [...samples.swapIns], swapOuts: [...samples.swapOuts] },
      };
    },
  };
}
