import { slaBreached, type Actor } from '../appeals/index.ts';
import { decisionView } from '../decisions/index.ts';
import { toDecimalString } from '../platform/money/money.ts';
import { toExactRateString } from '../platform/money/rate.ts';
import type { ReferralCase, ReferralEvent } from './referral.ts';
import type { CaseView } from './referral-ports.ts';

/** What the API and the CLI show of a referral case: plain JSON, never a row. */

const actorView = (actor: Actor | null) =>
  actor === null ? null : { kind: actor.kind, id: actor.id, name: actor.name };

export function referralCaseView(referral: ReferralCase, now: Date) {
  return {
    referralId: referral.id,
    decisionId: referral.decisionId,
    customerId: referral.customerId,
    product: referral.productCode,
    reasonCodes: [...referral.reasonCodes],
    faultStage: referral.faultStage,
    status: referral.status,
    version: referral.version,
    claimedBy: actorView(referral.claimedBy),
    claimedAt: referral.claimedAt?.toISOString() ?? null,
    claimExpiresAt: referral.claimExpiresAt?.toISOString() ?? null,
    proposal: referral.proposal
      ? {
          maker: actorView(referral.proposal.maker) as NonNullable<ReturnType<typeof actorView>>,
          limit: toDecimalString(referral.proposal.limit),
          limitFen: referral.proposal.limit.toString(),
          apr: toExactRateString(referral.proposal.apr),
          note: referral.proposal.note,
          proposedAt: referral.proposal.proposedAt.toISOString(),
        }
      : null,
    slaDueAt: referral.slaDueAt.toISOString(),
    slaBreached: slaBreached(referral.slaDueAt, referral.decidedAt, now),
    createdAt: referral.createdAt.toISOString(),
    decidedAt: referral.decidedAt?.toISOString() ?? null,
    closedBy: referral.closedBy,
    outcome: referral.outcome,
    resultDecisionId: referral.resultDecisionId,
  };
}

export function referralEventView(event: ReferralEvent) {
  return {
    seq: event.seq,
    action: event.action,
    actor: actorView(event.actor) as NonNullable<ReturnType<typeof actorView>>,
    at: event.at.toISOString(),
    statusBefore: event.statusBefore,
    statusAfter: event.statusAfter,
    details: event.details as Record<string, unknown>,
    note: event.note,
  };
}

/** The case as a reviewer reads it: the case, the referred decision with its evidence, why, the result. */
export function caseView(view: CaseView, now: Date) {
  return {
    case: referralCaseView(view.referral, now),
    decision: decisionView(view.decision, { evidence: true }),
    whyReferred: {
      reasons: view.decision.reasons.map((reason) => ({
        code: reason.code,
        kind: reason.kind as string,
        text: reason.text,
      })),
      fault: view.decision.fault,
    },
    result: view.result ? decisionView(view.result) : null,
    history: view.history.map(referralEventView),
  };
}
