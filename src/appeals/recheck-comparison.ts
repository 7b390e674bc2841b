import type { DecisionRecord, Outcome } from '../decisions/index.ts';
import { compareRate, toExactRateString, type Rate } from '../platform/money/rate.ts';
import type { Money } from '../platform/money/money.ts';

/**
 * Comparing an appeal's re-check with the decision appealed: is it better for the customer, and what
 * changed — the inputs the decision read, its reasons, its outputs, and the model and policy versions.
 */

/** declined < referred < approved. */
export function outcomeRank(outcome: Outcome): 0 | 1 | 2 {
  return outcome === 'declined' ? 0 : outcome === 'referred' ? 1 : 2;
}

/** The parts of a decision that decide whether another one is better for the customer. */
export interface DecisionTerms {
  readonly outcome: Outcome;
  readonly limit: Money;
  readonly apr: Rate | null;
}

/**
 * - `better`: a better outcome (declined < referred < approved); or both approved with a limit at least as
 *   high and a price at least as low, one of them strictly;
 * - `worse`: the same the other way round;
 * - `mixed`: both approved, a higher limit at a higher price or a lower limit at a lower price — a person
 *   weighs that;
 * - `same`: nothing the customer would notice changed.
 */
export type Verdict = 'better' | 'same' | 'worse' | 'mixed';

export function compareTerms(original: DecisionTerms, recheck: DecisionTerms): Verdict {
  const rankDelta = outcomeRank(recheck.outcome) - outcomeRank(original.outcome);
  if (rankDelta > 0) return 'better';
  if (rankDelta < 0) return 'worse';
  if (recheck.outcome !== 'approved') return 'same';
  const limit = recheck.limit === original.limit ? 0 : recheck.limit > original.limit ? 1 : -1;
  // A lower price is better: compare original against re-check.
  const price = original.apr && recheck.apr ? compareRate(original.apr, recheck.apr) : 0;
  if (limit >= 0 && price >= 0) return limit + price > 0 ? 'better' : 'same';
  if (limit <= 0 && price <= 0) return 'worse';
  return 'mixed';
}

/** A JSON-safe value as shown in a diff. */
export type DiffValue = string | number | boolean | null;

export interface FieldChange {
  readonly field: string;
  readonly from: DiffValue;
  readonly to: DiffValue;
}

export interface ReasonRef {
  readonly code: string;
  readonly text: { readonly zh: string; readonly en: string };
}

/** What changed between the decision appealed and its re-check. */
export interface RecheckDiff {
  readonly verdict: Verdict;
  /** The re-check could not run (a dependency failed): it is referred for a fault, not a verdict. */
  readonly recheckFault: boolean;
  /** Outcome, limit (fen), APR, score. */
  readonly outputs: readonly FieldChange[];
  /** What the policy read (its input document), verification and holds. */
  readonly inputs: readonly FieldChange[];
  /** Characteristics the scorecard read. */
  readonly features: readonly FieldChange[];
  readonly reasons: {
    readonly added: readonly ReasonRef[];
    readonly removed: readonly ReasonRef[];
    readonly kept: readonly ReasonRef[];
  };
  readonly versions: {
    readonly model: { readonly from: string | null; readonly to: string | null } | null;
    readonly policy: { readonly from: string | null; readonly to: string | null } | null;
  };
}

function scalar(value: unknown): DiffValue | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return value.toString();
  return undefined;
}

/** Flattens scalars of a JSON object one level of nesting deep (`subScores.identity`); objects deeper are skipped. */
function flatten(object: unknown, prefix = '', depth = 0): Map<string, DiffValue> {
  const out = new Map<string, DiffValue>();
  if (typeof object !== 'object' || object === null || Array.isArray(object)) return out;
  for (const [key, value] of Object.entries(object as Record<string, unknown>)) {
    const name = prefix ? `${prefix}.${key}` : key;
    const plain = scalar(value);
    if (plain !== undefined) out.set(name, plain);
    else if (depth === 0 && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      // The product and appetite objects are the lender's terms, not the customer's inputs.
      if (key === 'product' || key === 'appetite') continue;
      for (const [inner, innerValue] of flatten(value, name, depth + 1)) out.set(inner, innerValue);
    }
  }
  return out;
}

function changes(from: Map<string, DiffValue>, to: Map<string, DiffValue>): FieldChange[] {
  const names = [...new Set([...from.keys(), ...to.keys()])].sort();
  const out: FieldChange[] = [];
  for (const field of names) {
    const a = from.has(field) ? (from.get(field) as DiffValue) : null;
    const b = to.has(field) ? (to.get(field) as DiffValue) : null;
    if (a !== b) out.push({ field, from: a, to: b });
  }
  return out;
}

function verificationAndHolds(record: DecisionRecord): Map<string, DiffValue> {
  const out = new Map<string, DiffValue>();
  if (!record.facts) return out;
  out.set('verification.level', record.facts.verification.level);
  out.set('verification.failures', [...record.facts.verification.failures].sort().join(',') || null);
  out.set(
    'holds',
    record.facts.holds
      .map((hold) => hold.reasonCode)
      .sort()
      .join(',') || null,
  );
  return out;
}

function outputs(record: DecisionRecord): Map<string, DiffValue> {
  return new Map<string, DiffValue>([
    ['outcome', record.outcome],
    ['limit', record.limit.toString()],
    ['apr', record.apr === null ? null : toExactRateString(record.apr)],
    ['score', record.score],
  ]);
}

const reasonRef = (reason: DecisionRecord['reasons'][number]): ReasonRef => ({
  code: reason.code,
  text: reason.text,
});

/** The difference between the decision appealed and its re-check (pure). */
export function recheckDiff(original: DecisionRecord, recheck: DecisionRecord): RecheckDiff {
  const before = new Map([...flatten(original.policyDocument), ...verificationAndHolds(original)]);
  const after = new Map([...flatten(recheck.policyDocument), ...verificationAndHolds(recheck)]);
  const originalCodes = new Set(original.reasons.map((reason) => reason.code));
  const recheckCodes = new Set(recheck.reasons.map((reason) => reason.code));
  const model =
    original.modelVersion === recheck.modelVersion
      ? null
      : { from: original.modelVersion, to: recheck.modelVersion };
  const policy =
    original.policyVersionId === recheck.policyVersionId
      ? null
      : { from: original.policyVersionId, to: recheck.policyVersionId };
  return {
    verdict: compareTerms(original, recheck),
    recheckFault: recheck.fault !== null,
    outputs: changes(outputs(original), outputs(recheck)),
    inputs: changes(before, after),
    features: changes(flatten(original.scorecardRow), flatten(recheck.scorecardRow)),
    reasons: {
      added: recheck.reasons.filter((reason) => !originalCodes.has(reason.code)).map(reasonRef),
      removed: original.reasons.filter((reason) => !recheckCodes.has(reason.code)).map(reasonRef),
      kept: recheck.reasons.filter((reason) => originalCodes.has(reason.code)).map(reasonRef),
    },
    versions: { model, policy },
  };
}

/**
 * Whether the re-check settles the appeal in the customer's favour without a person: it must be better
 * and an approval. A re-check that improves a decline to `referred` is better, but a referral means a person
 * must look — so that case goes to the review queue (at the front).
 */
export function resolvesWithoutPerson(
  diff: Pick<RecheckDiff, 'verdict' | 'recheckFault'>,
  recheck: DecisionTerms,
): boolean {
  return !diff.recheckFault && diff.verdict === 'better' && recheck.outcome === 'approved';
}
