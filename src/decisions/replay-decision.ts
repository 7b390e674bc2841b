import type { DecisionsDeps } from './decisions-ports.ts';
import { getDecision } from './get-decision.ts';
import { replayRecord, type ReplayReport } from './replay.ts';

/**
 * Recomputes a decision from its stored facts, model and policy version, and compares; a person's decision
 * is replayed against the decision it overrides.
 */
export async function replayDecision(
  deps: Pick<DecisionsDeps, 'db' | 'ports'>,
  decisionId: string,
): Promise<ReplayReport> {
  const { ports } = deps;
  const record = await getDecision(deps, decisionId);
  const original = record.override ? await getDecision(deps, record.override.overrides) : null;
  return replayRecord(record, original, {
    scorer: (version) => ports.scorer(version),
    compiledPolicy: (id) => ports.compiledPolicy(id),
    policyVersion: (id) => ports.policyVersion(id),
  });
}
