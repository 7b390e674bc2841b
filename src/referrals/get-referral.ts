import { effective, type ReferralCase } from './referral.ts';
import type { CaseView, ReferralDeps } from './referral-ports.ts';
import { mustFindCase } from './referral-steps.ts';
import * as repository from './referrals.pg.ts';

/** A case as it stands now, with the referred decision, the decision that closed it (if any) and its history. */
export async function getReferral(
  deps: Pick<ReferralDeps, 'db' | 'clock' | 'ports'>,
  input: { referralId: string },
): Promise<CaseView> {
  const { db, ports } = deps;
  const referral = effective(await mustFindCase(db, input.referralId), deps.clock.now());
  const [decision, result, history] = await Promise.all([
    ports.decision(referral.decisionId),
    referral.resultDecisionId ? ports.decision(referral.resultDecisionId) : Promise.resolve(null),
    repository.listEvents(db, referral.customerId, referral.id),
  ]);
  return { referral, decision, result, history };
}

/** The case of a decision, if it has one. */
export async function referralOfDecision(
  deps: Pick<ReferralDeps, 'db'>,
  input: { customerId: string; decisionId: string },
): Promise<ReferralCase | undefined> {
  return repository.caseOfDecision(deps.db, input.customerId, input.decisionId);
}
