import { AppError } from '../platform/errors/app-error.ts';
import { businessDateOf } from '../platform/time/local-date.ts';
import { storedSpellingOf, type DecisionPolicy } from '../policy/index.ts';
import type { Scorer } from '../scoring/index.ts';
import type { CustomerSnapshot } from '../customers/index.ts';
import type { DecisionFault, DecisionRecord, FaultStage } from './decision.ts';
import { factsFromSnapshot, termsJson, type DecisionFacts, type FacilityFact } from './decision-facts.ts';
import {
  faultOf,
  isCallersError,
  recordOf,
  referralOf,
  settle,
  type DecisionBase,
  type KnownBeforeFault,
  type Settled,
} from './decision-rules.ts';
import type { DecisionRequest } from './decision-requests.ts';
import type { DecisionsDeps } from './decisions-ports.ts';
import { evaluateDecision, type EvaluatedDecision } from './evaluate-decision.ts';
import { storeDecision } from './record-decision.ts';

/** The answers of the four dependencies a decision asks, each a value or the failure it gave. */
interface Gathered {
  readonly policy: Settled<DecisionPolicy>;
  readonly snapshot: Settled<CustomerSnapshot>;
  readonly scorer: Settled<Scorer>;
  readonly facility: Settled<FacilityFact | null>;
}

/**
 * Decides for one customer and product: gathers the facts (policy, snapshot, facility, scorer, side by
 * side), evaluates them (score, policy, price and limit, reasons, recourse), records the decision, and on
 * approval opens or adjusts the facility in the same transaction (a referral opens its review case with
 * it). Faults of a dependency make the decision `referred` with SYSTEM_UNAVAILABLE, never a silent decline,
 * and it is still recorded; the caller's errors (unknown customer or product, bad input) are thrown.
 */
export async function decide(deps: DecisionsDeps, request: DecisionRequest): Promise<DecisionRecord> {
  const requestedAmount = request.requestedAmount ?? null;
  if (requestedAmount !== null && requestedAmount <= 0n) {
    throw AppError.invalid('requestedAmount', 'positive', 'the amount asked for must be more than zero');
  }
  const decidedAt = deps.clock.now();
  const date = businessDateOf(decidedAt);
  const base: DecisionBase = {
    id: deps.ids.next('decision'),
    customerId: request.customerId,
    kind: request.kind ?? 'application',
    linkedTo: request.linkedTo ?? null,
    productCode: request.productCode,
    decidedAt,
  };
  const gathered = await gather(deps, request, decidedAt);
  const { policy, snapshot, scorer, facility } = gathered;
  const resolved = policy.ok ? policy.value : null;
  const facts =
    snapshot.ok && facility.ok
      ? factsFromSnapshot(
          snapshot.value,
          { productCode: request.productCode, requestedAmount },
          facility.value,
          resolved ? termsJson(date, resolved.product, resolved.appetite, resolved.legalRateCaps) : null,
        )
      : null;
  const known: KnownBeforeFault = {
    facts,
    resolved,
    scorer: scorer.ok ? scorer.value : null,
    requestedAmount,
  };
  const apply = request.applyToFacility !== false;
  const fault = faultBeforeEvaluation(gathered, facts, resolved);
  if (fault) return storeDecision(deps, referralOf(base, fault, known), apply);
  if (!facts || !resolved || !scorer.ok) throw new AppError('INTERNAL', 'decision inputs incomplete');
  const evaluated = evaluate(deps, facts, scorer.value, resolved);
  if (!evaluated.ok)
    return storeDecision(deps, referralOf(base, faultOf('policy', evaluated.error), known), apply);
  const recorded = await storeDecision(
    deps,
    recordOf(base, facts, resolved, scorer.value, evaluated.value),
    apply,
    facility.ok ? facility.value : null,
  );
  // Shadow mode, after the commit: queued, never awaited, never able to change what was recorded.
  deps.shadows?.schedule({ record: recorded, facts, resolved, scorer: scorer.value });
  return recorded;
}

/**
 * Asks the dependencies, each within the time limit: the policy first learns the product (its type picks
 * the facility); the snapshot and the scorer run alongside. A caller's error (unknown product or customer)
 * is thrown at once.
 */
async function gather(deps: DecisionsDeps, request: DecisionRequest, decidedAt: Date): Promise<Gathered> {
  const { ports, dependencyTimeoutMs: timeoutMs } = deps;
  const date = businessDateOf(decidedAt);
  const policyPromise = settle(
    () => ports.resolvePolicy({ productCode: request.productCode, customerId: request.customerId, date }),
    timeoutMs,
    'policy',
  );
  if (ports.snapshotWithFacility) return gatherTogether(deps, request, decidedAt, policyPromise);
  const snapshotPromise = settle(() => ports.snapshot(request.customerId, decidedAt), timeoutMs, 'snapshot');
  const scorerPromise = settle(() => ports.scorer(), timeoutMs, 'scoring');
  const policy = await policyPromise;
  if (!policy.ok && isCallersError(policy.error)) throw policy.error;
  const facilityPromise = policy.ok
    ? settle(
        () => ports.facility(request.customerId, storedSpellingOf(policy.value.product.type)),
        timeoutMs,
        'facility',
      )
    : Promise.resolve<Settled<FacilityFact | null>>({ ok: true, value: null });
  const [snapshot, scorer, facility] = await Promise.all([snapshotPromise, scorerPromise, facilityPromise]);
  if (!snapshot.ok && isCallersError(snapshot.error)) throw snapshot.error;
  return { policy, snapshot, scorer, facility };
}

/**
 * `gather` when the snapshot and the facility come in one round trip: the policy (from memory, as a rule)
 * names the facility's product first; the snapshot with the facility and the scorer then run alongside.
 * A failure of the combined read is the snapshot's (the customer's data could not be read); with no policy
 * the snapshot is read alone, as before.
 */
async function gatherTogether(
  deps: DecisionsDeps,
  request: DecisionRequest,
  decidedAt: Date,
  policyPromise: Promise<Settled<DecisionPolicy>>,
): Promise<Gathered> {
  const { ports, dependencyTimeoutMs: timeoutMs } = deps;
  const scorerPromise = settle(() => ports.scorer(), timeoutMs, 'scoring');
  const policy = await policyPromise;
  if (!policy.ok && isCallersError(policy.error)) throw policy.error;
  const combine = ports.snapshotWithFacility;
  const together =
    policy.ok && combine
      ? await settle(
          () => combine(request.customerId, decidedAt, storedSpellingOf(policy.value.product.type)),
          timeoutMs,
          'snapshot',
        )
      : undefined;
  const snapshot: Settled<CustomerSnapshot> = together
    ? together.ok
      ? { ok: true, value: together.value.snapshot }
      : together
    : await settle(() => ports.snapshot(request.customerId, decidedAt), timeoutMs, 'snapshot');
  if (!snapshot.ok && isCallersError(snapshot.error)) throw snapshot.error;
  const facility: Settled<FacilityFact | null> =
    together?.ok === true ? { ok: true, value: together.value.facility } : { ok: true, value: null };
  return { policy, snapshot, scorer: await scorerPromise, facility };
}

/**
 * The fault that refers the decision before it is evaluated: the first dependency that failed (policy,
 * snapshot, facility, scoring), or an identity provider that was down and left the verification short
 * through no fault of the customer. Null when the decision can be evaluated.
 */
function faultBeforeEvaluation(
  gathered: Gathered,
  facts: DecisionFacts | null,
  resolved: DecisionPolicy | null,
): DecisionFault | null {
  const failed: Array<[FaultStage, Settled<unknown>]> = [
    ['policy', gathered.policy],
    ['snapshot', gathered.snapshot],
    ['facility', gathered.facility],
    ['scoring', gathered.scorer],
  ];
  for (const [stage, settled] of failed) {
    if (!settled.ok) return faultOf(stage, settled.error);
  }
  if (
    facts &&
    resolved &&
    facts.verification.failures.includes('PROVIDER_UNAVAILABLE') &&
    facts.verification.level < resolved.product.requiredVerificationLevel
  ) {
    return {
      stage: 'provider',
      code: 'PROVIDER_UNAVAILABLE',
      message: 'the identity provider was unavailable when the customer was last verified',
    };
  }
  return null;
}

/**
 * Score, policy, price and limit, reasons and recourse (`evaluateDecision`, pure). A policy that cannot
 * evaluate this input (or a scorecard that cannot read it) is our fault: returned as the error.
 */
function evaluate(
  deps: Pick<DecisionsDeps, 'maxRecourseEvaluations' | 'recourseMemo'>,
  facts: DecisionFacts,
  scorer: Scorer,
  resolved: DecisionPolicy,
): Settled<EvaluatedDecision> {
  try {
    const value = evaluateDecision(facts, scorer, resolved, {
      ...(deps.maxRecourseEvaluations !== undefined
        ? { maxRecourseEvaluations: deps.maxRecourseEvaluations }
        : {}),
      ...(deps.recourseMemo ? { recourseMemo: deps.recourseMemo } : {}),
    });
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error };
  }
}
