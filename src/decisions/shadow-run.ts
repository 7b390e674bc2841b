import { AppError, isAppError } from '../platform/errors/app-error.ts';
import type { CompiledPolicy, DecisionPolicy, PolicyVersionSummary } from '../policy/index.ts';
import type { Scorer } from '../scoring/index.ts';
import { faultOf, settle, type Settled } from './decision-rules.ts';
import type { DecisionsDeps } from './decisions-ports.ts';
import { evaluateDecision } from './evaluate-decision.ts';
import { insertShadowDecision } from './shadow-decisions.pg.ts';
import {
  championOf,
  shadowOutcomeOf,
  type ShadowDecision,
  type ShadowInput,
  type ShadowOutcome,
} from './shadow-decision.ts';

/** What a shadow run needs: the decisions' ports and store, a clock, and its own time limit. */
export type ShadowDeps = Pick<DecisionsDeps, 'db' | 'clock' | 'ports'> & {
  /** Each lookup (the shadow's policy version, its model) may take this long (ms). */
  readonly shadowTimeoutMs: number;
  /** A monotonic millisecond clock, for the run's duration. */
  readonly elapsedMs: () => number;
};

/** A shadow's failure as recorded: the stage, a short code (`timeout` for a time limit) and safe words. */
function errorOf(
  stage: 'policy' | 'model' | 'evaluate',
  error: unknown,
): Extract<ShadowOutcome, { ok: false }>['error'] {
  const fault = faultOf(stage === 'model' ? 'scoring' : 'policy', error);
  // AppError messages name versions and rules, never personal data; anything else stays generic.
  const message = isAppError(error) && fault.code !== 'timeout' ? error.message : fault.message;
  return { stage, code: fault.code, message: message.slice(0, 300) };
}

/**
 * Runs a decision's shadow and records what it would have decided: the shadow policy's version in force on
 * the decision date (or the deciding one) and the shadow model (or the deciding one) on the same facts —
 * the same product, appetite and legal caps as recorded — with no recourse search (the shadow answers, it
 * does not advise). A lookup that fails or times out, or an evaluation that throws, is recorded as the
 * shadow's error, never raised. Idempotent: a decision has at most one shadow record.
 */
export async function runShadow(deps: ShadowDeps, input: ShadowInput): Promise<ShadowDecision | null> {
  const { record, facts, resolved } = input;
  const plan = resolved.shadow;
  if (plan === null) return null;
  const started = deps.elapsedMs();
  const [policy, scorer] = await Promise.all([
    shadowPolicy(deps, plan.policy, resolved),
    shadowScorer(deps, plan.model, input.scorer),
  ]);
  let result: ShadowOutcome;
  if (!policy.ok) result = { ok: false, error: errorOf('policy', policy.error) };
  else if (!scorer.ok) result = { ok: false, error: errorOf('model', scorer.error) };
  else {
    try {
      const evaluated = evaluateDecision(
        facts,
        scorer.value,
        {
          product: resolved.product,
          appetite: resolved.appetite,
          policy: policy.value.policy,
          legalRateCaps: resolved.legalRateCaps,
        },
        { recourse: false },
      );
      result = shadowOutcomeOf(evaluated);
    } catch (error) {
      result = { ok: false, error: errorOf('evaluate', error) };
    }
  }
  const shadow: ShadowDecision = {
    customerId: record.customerId,
    decisionId: record.id,
    kind: record.kind,
    productCode: record.productCode,
    decisionDate: record.decisionDate,
    decidedAt: record.decidedAt,
    champion: championOf(record),
    shadowPolicy: policy.ok
      ? { versionId: policy.value.version.id, checksum: policy.value.version.checksum }
      : null,
    shadowModel: scorer.ok
      ? { version: scorer.value.card.version, contentHash: scorer.value.card.contentHash }
      : null,
    result,
    elapsedMs: Math.max(0, deps.elapsedMs() - started),
    recordedAt: deps.clock.now(),
  };
  await insertShadowDecision(deps.db, shadow);
  return shadow;
}

/** The shadow's policy: the version of `name` in force on the decision date, or the deciding one. */
function shadowPolicy(
  deps: ShadowDeps,
  name: string | null,
  resolved: DecisionPolicy,
): Promise<Settled<{ version: PolicyVersionSummary; policy: CompiledPolicy }>> {
  if (name === null)
    return Promise.resolve({ ok: true, value: { version: resolved.version, policy: resolved.policy } });
  const lookup = deps.ports.policyInForce;
  return settle(
    async () => {
      if (!lookup) throw new AppError('UNAVAILABLE', 'no policy lookup is wired for shadow mode');
      const found = await lookup(name, resolved.date);
      if (!found)
        throw new AppError('UNPROCESSABLE', `no version of policy "${name}" is in force on ${resolved.date}`);
      return found;
    },
    deps.shadowTimeoutMs,
    'policy',
  );
}

/** The shadow's scorer: the named model of the registry (active or not), or the deciding one. */
function shadowScorer(deps: ShadowDeps, version: string | null, deciding: Scorer): Promise<Settled<Scorer>> {
  if (version === null) return Promise.resolve({ ok: true, value: deciding });
  return settle(() => deps.ports.scorer(version), deps.shadowTimeoutMs, 'scoring');
}
