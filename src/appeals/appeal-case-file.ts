import type { AppealDeps, CaseFile } from './appeal-ports.ts';
import { queueStanding } from './appeal-rules.ts';
import { mustFindAppeal } from './appeal-steps.ts';
import * as repository from './appeals.pg.ts';

/**
 * A reviewer's case file: the appeal with its standing, the decisions it concerns, its evidence in the order
 * cited, the customer, and the customer's history (decisions, other appeals, loans, facilities, snapshot).
 */
export async function appealCaseFile(
  deps: Pick<AppealDeps, 'db' | 'clock' | 'calendar' | 'ports'>,
  input: { appealId: string },
): Promise<CaseFile> {
  const { db, ports } = deps;
  const appeal = await mustFindAppeal(db, input.appealId);
  const now = deps.clock.now();
  const [original, recheck, override, evidence, customer, decisions, appeals, loans, facilities, snapshot] =
    await Promise.all([
      ports.decision(appeal.decisionId),
      appeal.recheckDecisionId ? ports.decision(appeal.recheckDecisionId) : Promise.resolve(null),
      appeal.overrideDecisionId ? ports.decision(appeal.overrideDecisionId) : Promise.resolve(null),
      repository.findEvidence(db, appeal.customerId, appeal.evidenceIds),
      ports.customer(appeal.customerId),
      ports.decisions(appeal.customerId, { limit: 50 }),
      repository.listAppeals(db, { customerId: appeal.customerId, limit: 50 }),
      ports.loans(appeal.customerId),
      ports.facilities(appeal.customerId),
      // The history is context, not the decision: a snapshot that cannot be read now is left out.
      ports.snapshot(appeal.customerId).catch(() => null),
    ]);
  const order = new Map(appeal.evidenceIds.map((id, index) => [id, index]));
  return {
    appeal,
    ...queueStanding(appeal, now, deps.calendar),
    original,
    recheck,
    override,
    evidence: [...evidence].sort((a, b) => (order.get(a.evidenceId) ?? 0) - (order.get(b.evidenceId) ?? 0)),
    customer,
    history: {
      decisions,
      appeals: appeals.filter((other) => other.id !== appeal.id),
      loans,
      facilities,
      snapshot,
    },
  };
}
