import { toJson } from '../platform/database/database.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { toExactRateString } from '../platform/money/rate.ts';
import type { CompiledPolicy, PolicyVersionSummary } from '../policy/index.ts';
import type { Scorer } from '../scoring/index.ts';
import type { DecisionRecord } from './decision.ts';
import { parseTerms } from './decision-facts.ts';
import { evaluateDecision } from './evaluate-decision.ts';
import { systemUnavailableReason } from './principal-reasons.ts';

/**
 * Replay: recompute a stored decision from its stored facts with the stored model version and policy
 * version — never the ones active now — and compare every output with what was recorded: outcome, limit,
 * price, score and sub-scores, the policy document and output, the full trace, reasons (codes, parameters
 * and texts) and recourse. A model or policy whose stored content no longer matches its recorded hash is a
 * difference too.
 */

export interface ReplayDifference {
  readonly field: string;
  readonly stored: unknown;
  readonly recomputed: unknown;
}

export interface ReplayReport {
  readonly decisionId: string;
  /** How it was recomputed: by evaluation; by the fault rule (a decision referred for a fault); as an override. */
  readonly basis: 'evaluation' | 'fault' | 'override';
  readonly matches: boolean;
  readonly outcome: { readonly stored: string; readonly recomputed: string };
  readonly differences: readonly ReplayDifference[];
  readonly modelVersion: string | null;
  readonly policyVersion: string | null;
}

export interface ReplayPorts {
  scorer(version: string): Promise<Scorer>;
  compiledPolicy(versionId: string): Promise<CompiledPolicy>;
  policyVersion(versionId: string): Promise<PolicyVersionSummary>;
}

/** JSON with keys sorted at every level, after the storage round trip (bigints as strings). */
export function canonical(value: unknown): string {
  const normal = value === undefined ? null : (JSON.parse(toJson(value)) as unknown);
  const walk = (item: unknown): string => {
    if (Array.isArray(item)) return `[${item.map(walk).join(',')}]`;
    if (item !== null && typeof item === 'object') {
      const record = item as Record<string, unknown>;
      return `{${Object.keys(record)
        .sort()
        .map((key) => `${JSON.stringify(key)}:${walk(record[key])}`)
        .join(',')}}`;
    }
    return JSON.stringify(item);
  };
  return walk(normal);
}

function compare(differences: ReplayDifference[], field: string, stored: unknown, recomputed: unknown): void {
  if (canonical(stored) !== canonical(recomputed)) differences.push({ field, stored, recomputed });
}

function report(
  record: DecisionRecord,
  basis: ReplayReport['basis'],
  recomputedOutcome: string,
  differences: ReplayDifference[],
): ReplayReport {
  return {
    decisionId: record.id,
    basis,
    matches: differences.length === 0,
    outcome: { stored: record.outcome, recomputed: recomputedOutcome },
    differences,
    modelVersion: record.modelVersion,
    policyVersion: record.policyVersionId,
  };
}

/** Replays an evaluated decision (neither a fault nor an override). */
async function replayEvaluation(record: DecisionRecord, ports: ReplayPorts): Promise<ReplayReport> {
  const { facts, modelVersion, policyVersionId } = record;
  if (!facts || !facts.terms || modelVersion === null || policyVersionId === null) {
    throw new AppError('INTERNAL', `decision ${record.id} lacks the evidence a replay needs`);
  }
  const differences: ReplayDifference[] = [];
  const [scorer, policy, version] = await Promise.all([
    ports.scorer(modelVersion),
    ports.compiledPolicy(policyVersionId),
    ports.policyVersion(policyVersionId),
  ]);
  compare(differences, 'modelHash', record.modelHash, scorer.card.contentHash);
  compare(differences, 'policyChecksum', record.policyChecksum, version.checksum);
  const terms = parseTerms(facts.terms);
  const evaluated = evaluateDecision(facts, scorer, { ...terms, policy });
  compare(differences, 'outcome', record.outcome, evaluated.outcome);
  compare(differences, 'limit', record.limit, evaluated.limit);
  const priced = evaluated.outcome !== 'declined';
  compare(
    differences,
    'apr',
    record.apr && toExactRateString(record.apr),
    priced ? toExactRateString(evaluated.apr) : null,
  );
  compare(
    differences,
    'dailyRate',
    record.dailyRate && toExactRateString(record.dailyRate),
    priced ? toExactRateString(evaluated.dailyRate) : null,
  );
  compare(differences, 'score', record.score, evaluated.score.score);
  compare(differences, 'pd', record.pd, evaluated.score.pd);
  compare(differences, 'subScores', record.subScores, evaluated.score.subScores);
  compare(differences, 'scorecardRow', record.scorecardRow, evaluated.row);
  compare(differences, 'policyDocument', record.policyDocument, evaluated.policyDocument);
  compare(differences, 'policyOutput', record.policyOutput, evaluated.policyOutput);
  compare(differences, 'trace', record.trace, evaluated.trace);
  compare(differences, 'legalCap', record.legalCap, evaluated.legalCap);
  compare(differences, 'reasons', record.reasons, evaluated.reasons);
  compare(differences, 'recourse', record.recourse, evaluated.recourse);
  return report(record, 'evaluation', evaluated.outcome, differences);
}

/**
 * Replays one decision. `original` is the decision an override overrides (needed only for overrides):
 * the original is replayed, and the override's instruction must be what the record shows.
 */
export async function replayRecord(
  record: DecisionRecord,
  original: DecisionRecord | null,
  ports: ReplayPorts,
): Promise<ReplayReport> {
  if (record.override) {
    if (!original) throw new AppError('INTERNAL', `override ${record.id} without the decision it overrides`);
    const underlying = await replayRecord(original, null, ports);
    const differences = underlying.differences.map((d) => ({ ...d, field: `overridden.${d.field}` }));
    compare(differences, 'outcome', record.outcome, record.override.outcome);
    compare(differences, 'limit', record.limit.toString(), record.override.limit);
    compare(differences, 'apr', record.apr && toExactRateString(record.apr), record.override.apr);
    return report(record, 'override', record.override.outcome, differences);
  }
  if (record.fault) {
    // A decision whose inputs could not be gathered is referred with SYSTEM_UNAVAILABLE: that rule is
    // what is replayed (the missing inputs cannot be).
    const differences: ReplayDifference[] = [];
    compare(differences, 'outcome', record.outcome, 'referred');
    compare(differences, 'limit', record.limit, 0n);
    compare(differences, 'reasons', record.reasons, [systemUnavailableReason()]);
    return report(record, 'fault', 'referred', differences);
  }
  return replayEvaluation(record, ports);
}
