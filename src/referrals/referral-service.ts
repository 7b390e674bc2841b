import { approveReferralProposal } from './approve-referral-proposal.ts';
import { claimReferral } from './claim-referral.ts';
import { decideReferral } from './decide-referral.ts';
import { getReferral, referralOfDecision } from './get-referral.ts';
import { listReferralNotifications } from './list-referral-notifications.ts';
import { listReferrals } from './list-referrals.ts';
import { openReferralCase } from './open-referral-case.ts';
import type { ReferralCaseOpener, ReferralDeps, ReferralService } from './referral-ports.ts';
import { recoverReferrals } from './recover-referrals.ts';
import { rejectReferralProposal } from './reject-referral-proposal.ts';
import { releaseReferral } from './release-referral.ts';
import { rerunReferral } from './rerun-referral.ts';

/**
 * The referral queue's use cases bound to their dependencies, for the routes, the CLI and the composition
 * root. A case is opened with its referred decision (the decisions context calls the opener inside the
 * decision's transaction); reviewers list, read, claim and release cases, re-run the decision, or decide: an
 * approval within the product's range, the legal cap in force and the reviewer's authority (the appeals'
 * rules), above which a second person approves; a decline with catalogue reasons. Each use case is a function
 * of its own file taking `(deps, input)`; this object only binds `deps`.
 */

/** The opener the decisions context calls: application decisions that are referred get a case. */
export function createReferralCaseOpener(
  deps: Pick<ReferralDeps, 'ids' | 'settings' | 'calendar'>,
): ReferralCaseOpener {
  return {
    // A re-check belongs to an appeal or a referral already, a limit review to the line's own review, a
    // person's decision is never referred: only what a customer applied for is promised a person.
    opensCase: (record) => record.kind === 'application' && record.outcome === 'referred',
    async open(tx, record) {
      await openReferralCase(deps, { tx, record });
    },
  };
}

export function createReferralService(deps: ReferralDeps): ReferralService {
  return {
    settings: deps.settings,
    list: (filter) => listReferrals(deps, filter),
    get: (referralId) => getReferral(deps, { referralId }),
    caseOfDecision: (customerId, decisionId) => referralOfDecision(deps, { customerId, decisionId }),
    claim: (referralId, by) => claimReferral(deps, { referralId, by }),
    release: (referralId, by) => releaseReferral(deps, { referralId, by }),
    rerun: (referralId, by) => rerunReferral(deps, { referralId, by }),
    decide: (referralId, decision, by) => decideReferral(deps, { referralId, decision, by }),
    approve: (referralId, by) => approveReferralProposal(deps, { referralId, by }),
    reject: (referralId, note, by) => rejectReferralProposal(deps, { referralId, note, by }),
    notifications: (customerId, referralId) => listReferralNotifications(deps, { customerId, referralId }),
    recover: (options) => recoverReferrals(deps, options),
  };
}
