import { checkOverrideAuthority, reviewerActor, type Actor } from '../appeals/index.ts';
import type { Principal } from '../platform/auth/api-keys.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { fen, type Money } from '../platform/money/money.ts';
import { toExactRateString, type Rate } from '../platform/money/rate.ts';
import { scrubPii } from '../platform/pii/mask.ts';
import { mustHold, propose, type ReferralCase } from './referral.ts';
import type { ReferralDeliveryDeps } from './referral-notifications.ts';
import type { DecisionRecord, ReferralDeps, ReviewerDecision } from './referral-ports.ts';
import { mustReview } from './referral-rules.ts';
import {
  auditReferral,
  mustFindCase,
  persistChange,
  termsToday,
  withRefusalsRecorded,
} from './referral-steps.ts';
import { approvalReason, renderDeclineReasons } from './referral-texts.ts';
import { closeByReview } from './close-by-review.ts';
import { refuseIfSuperseded } from './supersede-referral.ts';

type DecideDeps = ReferralDeliveryDeps & Pick<ReferralDeps, 'ports' | 'audit' | 'secondPersonAbove'>;

/**
 * The reviewer holding a case decides it: a decline with catalogue reasons, or an approval within the
 * product's range, the legal cap in force today and the reviewer's authority — the new decision record. An
 * approval above `secondPersonAbove` is proposed instead and waits for a second person (`decision: null`).
 */
export async function decideReferral(
  deps: DecideDeps,
  input: { referralId: string; decision: ReviewerDecision; by: Principal },
): Promise<{ referral: ReferralCase; decision: DecisionRecord | null }> {
  const { referralId, decision: reviewed, by } = input;
  const { db, clock } = deps;
  mustReview(by);
  const actor = reviewerActor(by);
  return withRefusalsRecorded(deps, { referralId, verb: 'decide', by }, async () => {
    const note = scrubPii(reviewed.note.trim());
    if (note === '') throw AppError.invalid('note', 'non-empty', 'say why, for the record');
    if (note.length > 4000) throw AppError.invalid('note', 'max-length', 'at most 4000 characters');
    const stored = await mustFindCase(db, referralId);
    mustHold(stored, actor, clock.now(), 'decided');
    await refuseIfSuperseded(deps, stored);
    const { product, legalRateCaps, date } = await termsToday(deps, stored);
    const closing = {
      referralId,
      check: (current: ReferralCase) => mustHold(current, actor, clock.now(), 'decided'),
      product,
      actor,
      principal: by,
      action: 'decided' as const,
    };
    const reviewer = `${by.name} (${by.keyId})`;
    if (reviewed.outcome === 'declined') {
      const reasons = renderDeclineReasons(reviewed.reasons);
      return closeByReview(deps, {
        ...closing,
        request: { reviewer, note, outcome: 'declined', limit: fen(0n), apr: null, reasons },
      });
    }
    if (reviewed.limit <= 0n)
      throw AppError.invalid('limit', 'positive', 'an approval needs a limit above zero');
    const authority = checkOverrideAuthority(
      { limit: reviewed.limit, apr: reviewed.apr },
      { product, legalRateCaps, date },
      deps.secondPersonAbove,
    );
    if (authority.needsSecondReviewer) {
      const referral = await proposeApproval(deps, {
        referralId,
        by,
        actor,
        limit: reviewed.limit,
        apr: reviewed.apr,
        note,
      });
      return { referral, decision: null };
    }
    return closeByReview(deps, {
      ...closing,
      request: {
        reviewer,
        note,
        outcome: 'approved',
        limit: reviewed.limit,
        apr: toExactRateString(reviewed.apr),
        reasons: [approvalReason(reviewed.limit, reviewed.apr)],
      },
    });
  });
}

/** An approval above the maker's authority: proposed on the locked case, for a second person. */
async function proposeApproval(
  deps: DecideDeps,
  proposal: { referralId: string; by: Principal; actor: Actor; limit: Money; apr: Rate; note: string },
): Promise<ReferralCase> {
  const { referralId, by, actor, limit, apr, note } = proposal;
  return deps.db.transaction(async (tx) => {
    const current = await mustFindCase(tx, referralId, true);
    const change = propose(
      current,
      { maker: actor, limit, apr, note, proposedAt: deps.clock.now() },
      deps.clock.now(),
    );
    await persistChange(deps, tx, current, change);
    const details = {
      limit: limit.toString(),
      apr: toExactRateString(apr),
      secondPersonAbove: deps.secondPersonAbove.toString(),
    };
    await auditReferral(deps, { by, verb: 'propose', referral: current, outcome: 'ok', details }, tx);
    return change.referral;
  });
}
