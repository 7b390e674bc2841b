import { decide } from './decide.ts';
import type { DecisionService, DecisionsDeps } from './decisions-ports.ts';
import { createRecourseMemo } from './evaluate-decision.ts';
import { getDecision } from './get-decision.ts';
import { listDecisions } from './list-decisions.ts';
import { recordManualReview } from './record-manual-review.ts';
import { recordOverride } from './record-override.ts';
import { replayDecision } from './replay-decision.ts';
import { createShadowScheduler } from './shadow-scheduler.ts';
import { runShadow } from './shadow-run.ts';

/**
 * The decisions context's use cases bound to one set of dependencies: decide (gather, score, apply the
 * policy, price, explain, find recourse, record, and on approval open or adjust the facility in the same
 * transaction), read, list, replay, and record a person's override. Faults of a dependency — the snapshot,
 * the facility lookup, the scorer, the policy, an identity provider — make the decision `referred` with
 * `SYSTEM_UNAVAILABLE`, never a silent decline, and it is still recorded; if the database cannot record it,
 * the request fails with UNAVAILABLE (HTTP 503) and nothing is written. Each use case is a function of its
 * own file (`decide.ts`, …), callable directly with `DecisionsDeps`.
 */

export interface DecisionServiceDeps extends Pick<
  DecisionsDeps,
  'db' | 'clock' | 'ids' | 'ports' | 'facilities' | 'referralCases'
> {
  /** How long each dependency may take before the decision is referred as a fault (default 2,000 ms). */
  readonly dependencyTimeoutMs?: number;
  /** Decisions recourse may re-run per decision (default 1,500). */
  readonly maxRecourseEvaluations?: number;
  /** Recourse plans remembered for identical inputs (default 2,000; 0 remembers none). */
  readonly recourseMemoSize?: number;
  /** Shadow mode: each lookup of a shadow's policy or model may take this long (default 2,000 ms). */
  readonly shadowTimeoutMs?: number;
  /** Shadows running or waiting at most; beyond, dropped and counted (default 256). */
  readonly maxShadowsInFlight?: number;
  /** A monotonic millisecond clock for the shadows' durations (default: the clock's instants). */
  readonly elapsedMs?: () => number;
  /** Told when a shadow could not be recorded at all (it never affects the decision). */
  readonly onShadowError?: (error: unknown, decisionId: string) => void;
}

/** Binds the decisions use cases to their dependencies; the recourse memo lives as long as the service. */
export function createDecisionService(serviceDeps: DecisionServiceDeps): DecisionService {
  const {
    dependencyTimeoutMs,
    maxRecourseEvaluations,
    recourseMemoSize,
    shadowTimeoutMs,
    maxShadowsInFlight,
    elapsedMs,
    onShadowError,
    ...ports
  } = serviceDeps;
  const memoSize = recourseMemoSize ?? 2_000;
  const shadows = createShadowScheduler({
    run: (input) =>
      runShadow(
        {
          db: ports.db,
          clock: ports.clock,
          ports: ports.ports,
          shadowTimeoutMs: shadowTimeoutMs ?? 2_000,
          elapsedMs: elapsedMs ?? (() => ports.clock.now().getTime()),
        },
        input,
      ),
    ...(onShadowError ? { onError: onShadowError } : {}),
    ...(maxShadowsInFlight !== undefined ? { maxInFlight: maxShadowsInFlight } : {}),
  });
  const deps: DecisionsDeps = {
    ...ports,
    dependencyTimeoutMs: dependencyTimeoutMs ?? 2_000,
    ...(maxRecourseEvaluations !== undefined ? { maxRecourseEvaluations } : {}),
    ...(memoSize > 0 ? { recourseMemo: createRecourseMemo(memoSize) } : {}),
    shadows,
  };
  return {
    decide: (request) => decide(deps, request),
    get: (decisionId) => getDecision(deps, decisionId),
    list: (customerId, options) => listDecisions(deps, customerId, options),
    replay: (decisionId) => replayDecision(deps, decisionId),
    recordOverride: (request, options) => recordOverride(deps, request, options),
    recordManualReview: (request, options) => recordManualReview(deps, request, options),
    shadows,
  };
}

// Other contexts import these from the decisions index (index.ts); kept here for the tests that import them
// with the factory.
export type { DecisionRequest, ManualReviewRequest, OverrideRequest } from './decision-requests.ts';
export type { DecisionPorts, DecisionService, ReferralCaseOpener } from './decisions-ports.ts';
