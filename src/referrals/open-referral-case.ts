import type { Queryable } from '../platform/database/database.ts';
import { close, REFERRAL_SYSTEM, type EventDraft } from './referral.ts';
import type { ReferralDeps } from './referral-ports.ts';
import { newCase, SUPERSEDED_SINCE_NOTE, type ReferredDecision } from './referral-rules.ts';
import { persistChange } from './referral-steps.ts';
import * as repository from './referrals.pg.ts';

/**
 * Opens the case of a referred decision inside `tx` (idempotent: a decision has one case; false when it had
 * one already). A case opened late for an application a newer one has answered (`supersededBy`) is closed
 * as superseded at once; otherwise the customer's older open cases of the same product are closed as
 * superseded — the newer application is the one to review.
 */
export async function openReferralCase(
  deps: Pick<ReferralDeps, 'ids' | 'settings' | 'calendar'>,
  input: {
    tx: Queryable;
    record: ReferredDecision;
    supersededBy?: { id: string; outcome: 'approved' | 'declined' | 'referred' } | undefined;
  },
): Promise<boolean> {
  const { tx, record, supersededBy } = input;
  const referral = newCase(deps, record);
  if (!(await repository.insertCase(tx, referral))) return false;
  const events: EventDraft[] = [
    {
      action: 'opened',
      actor: REFERRAL_SYSTEM,
      at: record.decidedAt,
      statusBefore: null,
      statusAfter: 'open',
      details: {
        decisionId: record.id,
        reasonCodes: [...referral.reasonCodes],
        faultStage: referral.faultStage,
        slaDueAt: referral.slaDueAt.toISOString(),
      },
      note: null,
    },
  ];
  if (supersededBy) {
    const change = close(referral, REFERRAL_SYSTEM, record.decidedAt, {
      closedBy: 'superseded',
      outcome: supersededBy.outcome,
      decisionId: supersededBy.id,
      action: 'expired',
      note: SUPERSEDED_SINCE_NOTE,
    });
    events.push(...change.events);
    await repository.updateCase(tx, change.referral, referral.version);
  }
  await repository.insertEvents(
    tx,
    events.map((draft, index) => ({
      ...draft,
      id: deps.ids.next('audit'),
      referralId: referral.id,
      customerId: referral.customerId,
      seq: index + 1,
    })),
  );
  if (!supersededBy) {
    for (const older of await repository.openCasesOf(
      tx,
      record.customerId,
      record.productCode,
      referral.id,
    )) {
      const change = close(older, REFERRAL_SYSTEM, record.decidedAt, {
        closedBy: 'superseded',
        outcome: 'referred',
        decisionId: record.id,
        action: 'expired',
        note: 'the customer applied again for this product; the newer referral is reviewed instead',
      });
      await persistChange(deps, tx, older, change);
    }
  }
  return true;
}
