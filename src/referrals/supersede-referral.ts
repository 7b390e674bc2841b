import { AppError } from '../platform/errors/app-error.ts';
import { close, isClosed, REFERRAL_SYSTEM, type ReferralCase } from './referral.ts';
import type { ReferralDeps } from './referral-ports.ts';
import { SUPERSEDED_SINCE_NOTE } from './referral-rules.ts';
import { mustFindCase, persistChange } from './referral-steps.ts';
import * as repository from './referrals.pg.ts';

/** The newer application that answers a superseded case. */
export type NewerApplication = NonNullable<Awaited<ReturnType<typeof repository.newerApplication>>>;

/**
 * A case whose customer applied again for the product since is answered by that newer application: it
 * is closed as superseded (committed, unless it closed meanwhile). Returns that application, if any.
 */
export async function supersedeIfNewer(
  deps: Pick<ReferralDeps, 'db' | 'clock' | 'ids' | 'ports'>,
  referral: ReferralCase,
): Promise<NewerApplication | undefined> {
  const { db, clock } = deps;
  const decision = await deps.ports.decision(referral.decisionId);
  const newer = await repository.newerApplication(
    db,
    referral.customerId,
    referral.productCode,
    decision.decidedAt,
  );
  if (!newer) return undefined;
  await db.transaction(async (tx) => {
    const current = await mustFindCase(tx, referral.id, true);
    if (isClosed(current.status)) return;
    await persistChange(
      deps,
      tx,
      current,
      close(current, REFERRAL_SYSTEM, clock.now(), {
        closedBy: 'superseded',
        outcome: newer.outcome,
        decisionId: newer.id,
        action: 'expired',
        note: SUPERSEDED_SINCE_NOTE,
      }),
    );
  });
  return newer;
}

/** A reviewer's action on a superseded case: the case is closed as such, the action refused (409). */
export async function refuseIfSuperseded(
  deps: Pick<ReferralDeps, 'db' | 'clock' | 'ids' | 'ports'>,
  referral: ReferralCase,
): Promise<void> {
  const newer = await supersedeIfNewer(deps, referral);
  if (!newer) return;
  throw new AppError(
    'CONFLICT',
    `the customer applied again since (decision ${newer.id}); this referral expired`,
    {
      issues: [
        {
          field: 'referralId',
          rule: 'superseded',
          message: `a newer application (${newer.id}, ${newer.outcome}) answers this customer now`,
        },
      ],
    },
  );
}
