import { isAppError } from '../platform/errors/app-error.ts';
import type { Money } from '../platform/money/money.ts';
import { businessDateOf } from '../platform/time/local-date.ts';
import type { DecisionPolicy } from '../policy/index.ts';
import type { Scorer } from '../scoring/index.ts';
import type { DecisionFault, DecisionRecord, FaultStage } from './decision.ts';
import type { DecisionFacts } from './decision-facts.ts';
import { NO_LIMIT, type EvaluatedDecision } from './evaluate-decision.ts';
import { systemUnavailableReason } from './principal-reasons.ts';

/**
 * Pure pieces the decisions use cases share: how a dependency's
 * failure becomes a fault, and the records of an evaluated decision and of a referral.
 */

/** What every decision record of one request shares. */
export type DecisionBase = Pick<
  DecisionRecord,
  'id' | 'customerId' | 'kind' | 'linkedTo' | 'productCode' | 'decidedAt'
>;

/** What could be learnt before a fault: kept on the referral so a replay and a reviewer see it. */
export interface KnownBeforeFault {
  readonly facts: DecisionFacts | null;
  readonly resolved: DecisionPolicy | null;
  readonly scorer: Scorer | null;
  readonly requestedAmount: Money | null;
}

class Timeout extends Error {
  constructor(readonly stage: FaultStage) {
    super(`${stage} did not answer in time`);
  }
}

/** Resolves with the work, or rejects with `Timeout` after `ms`; the timer never keeps the process up. */
function withTimeout<T>(work: Promise<T>, ms: number, stage: FaultStage): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout(stage)), ms);
    (timer as { unref?: () => void }).unref?.();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** What a failed dependency said, reduced to a stage and a code (messages never carry personal data). */
export function faultOf(stage: FaultStage, error: unknown): DecisionFault {
  if (error instanceof Timeout) return { stage, code: 'timeout', message: error.message };
  if (isAppError(error)) return { stage, code: error.code, message: `${stage}: ${error.code}` };
  return { stage, code: 'error', message: `${stage} failed` };
}

/**
 * Errors that are the caller's, not a dependency's: unknown customer or product, bad input, a customer erased
 * at their request (GONE: nothing is decided about a person who no longer exists here).
 */
export function isCallersError(error: unknown): boolean {
  return (
    isAppError(error) &&
    (error.code === 'NOT_FOUND' ||
      error.code === 'GONE' ||
      error.code === 'VALIDATION_FAILED' ||
      error.code === 'BAD_REQUEST')
  );
}

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Runs a dependency's work with a time limit and keeps its answer or its failure as a value. */
export async function settle<T>(work: () => Promise<T>, ms: number, stage: FaultStage): Promise<Settled<T>> {
  try {
    return { ok: true, value: await withTimeout(work(), ms, stage) };
  } catch (error) {
    return { ok: false, error };
  }
}

/** The record of an evaluated decision. */
export function recordOf(
  base: DecisionBase,
  facts: DecisionFacts,
  resolved: Pick<DecisionPolicy, 'product' | 'arm' | 'version'>,
  scorer: Scorer,
  evaluated: EvaluatedDecision,
): DecisionRecord {
  return {
    ...base,
    productType: resolved.product.type,
    outcome: evaluated.outcome,
    limit: evaluated.limit,
    requestedAmount: evaluated.input.requestedAmount,
    apr: evaluated.outcome === 'declined' ? null : evaluated.apr,
    dailyRate: evaluated.outcome === 'declined' ? null : evaluated.dailyRate,
    score: evaluated.score.score,
    pd: evaluated.score.pd,
    subScores: { ...evaluated.score.subScores },
    reasons: evaluated.reasons,
    recourse: evaluated.recourse,
    policyVersionId: resolved.version.id,
    policyChecksum: resolved.version.checksum,
    arm: resolved.arm,
    modelVersion: scorer.card.version,
    modelHash: scorer.card.contentHash,
    legalCap: evaluated.legalCap,
    facts,
    scorecardRow: evaluated.row as Record<string, number | string | null>,
    policyDocument: evaluated.policyDocument,
    policyOutput: evaluated.policyOutput,
    trace: evaluated.trace,
    fault: null,
    override: null,
    facilityChange: null,
    decisionDate: facts.asOfDate,
  };
}

/** The record of a decision referred for a fault: SYSTEM_UNAVAILABLE, no limit, and what was known. */
export function referralOf(
  base: DecisionBase,
  fault: DecisionFault,
  known: KnownBeforeFault,
): DecisionRecord {
  return {
    ...base,
    productType: known.resolved?.product.type ?? null,
    outcome: 'referred',
    limit: NO_LIMIT,
    requestedAmount: known.requestedAmount,
    apr: null,
    dailyRate: null,
    score: null,
    pd: null,
    subScores: null,
    reasons: [systemUnavailableReason()],
    recourse: null,
    policyVersionId: known.resolved?.version.id ?? null,
    policyChecksum: known.resolved?.version.checksum ?? null,
    arm: known.resolved?.arm ?? null,
    modelVersion: known.scorer?.card.version ?? null,
    modelHash: known.scorer?.card.contentHash ?? null,
    legalCap: null,
    facts: known.facts,
    scorecardRow: null,
    policyDocument: null,
    policyOutput: null,
    trace: null,
    fault,
    override: null,
    facilityChange: null,
    decisionDate: businessDateOf(base.decidedAt),
  };
}
