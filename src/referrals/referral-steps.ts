import { reviewerActor } from '../appeals/index.ts';
import { actorOfPrincipal } from '../platform/audit/audit-log.ts';
import type { Principal } from '../platform/auth/api-keys.ts';
import type { Queryable } from '../platform/database/database.ts';
import { AppError, isAppError } from '../platform/errors/app-error.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import type { LegalRateCap, Product } from '../policy/index.ts';
import type { Change, EventDraft, ReferralCase } from './referral.ts';
import type { ReferralDeps } from './referral-ports.ts';
import * as repository from './referrals.pg.ts';

/**
 * Steps several referral use cases share: finding a case, appending to its history, writing a transition,
 * the audit entry, recording a refused action, and the product's terms today.
 */

/** The case, or NOT_FOUND (`forUpdate` locks its row inside a transaction). */
export async function mustFindCase(
  q: Queryable,
  referralId: string,
  forUpdate = false,
): Promise<ReferralCase> {
  const referral = await repository.findCase(q, referralId, { forUpdate });
  if (!referral) throw AppError.notFound('referral', referralId);
  return referral;
}

/** Appends events to a case's history after its last one (the caller holds the case row's lock). */
export async function appendEvents(
  deps: Pick<ReferralDeps, 'ids'>,
  tx: Queryable,
  referral: Pick<ReferralCase, 'id' | 'customerId'>,
  drafts: readonly EventDraft[],
): Promise<void> {
  let seq = await repository.nextSeq(tx, referral.customerId, referral.id);
  await repository.insertEvents(
    tx,
    drafts.map((draft) => ({
      ...draft,
      id: deps.ids.next('audit'),
      referralId: referral.id,
      customerId: referral.customerId,
      seq: seq++,
    })),
  );
}

/** Writes a transition: the case (version-checked) and its history events in sequence. */
export async function persistChange(
  deps: Pick<ReferralDeps, 'ids'>,
  tx: Queryable,
  before: ReferralCase,
  change: Change,
): Promise<void> {
  await repository.updateCase(tx, change.referral, before.version);
  await appendEvents(deps, tx, before, change.events);
}

/** Records a referral action in the platform's audit log, when there is one (`referral.<verb>`). */
export async function auditReferral(
  deps: Pick<ReferralDeps, 'audit'>,
  entry: {
    by: Principal | null;
    verb: string;
    referral: Pick<ReferralCase, 'id'>;
    outcome: 'ok' | 'refused';
    details: Record<string, unknown>;
  },
  tx?: Queryable,
): Promise<void> {
  if (!deps.audit) return;
  await deps.audit.record(
    {
      actor: entry.by
        ? actorOfPrincipal(entry.by)
        : { kind: 'system', id: 'referrals', name: 'referral queue' },
      action: `referral.${entry.verb}`,
      subject: { type: 'referral', id: entry.referral.id },
      outcome: entry.outcome,
      details: entry.details,
    },
    tx,
  );
}

/**
 * Runs a reviewer's action; a refusal (409, 403, 422) is put on the case's history and the audit log
 * before it is answered (best effort: the refusal is answered even if that write fails).
 */
export async function withRefusalsRecorded<T>(
  deps: Pick<ReferralDeps, 'db' | 'clock' | 'ids' | 'audit' | 'onError'>,
  action: { referralId: string; verb: string; by: Principal },
  work: () => Promise<T>,
): Promise<T> {
  const { referralId, verb, by } = action;
  try {
    return await work();
  } catch (error) {
    if (
      isAppError(error) &&
      (error.code === 'CONFLICT' ||
        error.code === 'FORBIDDEN' ||
        error.code === 'VALIDATION_FAILED' ||
        error.code === 'UNPROCESSABLE')
    ) {
      const issue = error.issues[0];
      const details = { code: error.code, field: issue?.field ?? null, rule: issue?.rule ?? null };
      await deps.db
        .transaction(async (tx) => {
          const referral = await repository.findCase(tx, referralId, { forUpdate: true });
          if (!referral) return;
          await appendEvents(deps, tx, referral, [
            {
              action: 'refused',
              actor: reviewerActor(by),
              at: deps.clock.now(),
              statusBefore: referral.status,
              statusAfter: referral.status,
              details: { ...details, attempted: verb },
              note: error.message,
            },
          ]);
          const audited = { ...details, message: error.message };
          await auditReferral(deps, { by, verb, referral, outcome: 'refused', details: audited }, tx);
        })
        .catch((write: unknown) => deps.onError?.(write, `record refusal ${referralId}`));
    }
    throw error;
  }
}

/** A simple locked transition (claim, release, reject), audited with the statuses before and after. */
export async function transitionCase(
  deps: Pick<ReferralDeps, 'db' | 'clock' | 'ids' | 'audit'>,
  action: { referralId: string; verb: string; by: Principal },
  build: (current: ReferralCase, now: Date) => Change,
): Promise<ReferralCase> {
  return deps.db.transaction(async (tx) => {
    const current = await mustFindCase(tx, action.referralId, true);
    const change = build(current, deps.clock.now());
    await persistChange(deps, tx, current, change);
    await auditReferral(
      deps,
      {
        by: action.by,
        verb: action.verb,
        referral: current,
        outcome: 'ok',
        details: { statusBefore: current.status, statusAfter: change.referral.status },
      },
      tx,
    );
    return change.referral;
  });
}

/** The case's product and the legal caps in force today, with today's date. */
export async function termsToday(
  deps: Pick<ReferralDeps, 'clock' | 'ports'>,
  referral: Pick<ReferralCase, 'productCode' | 'customerId'>,
): Promise<{ product: Product; legalRateCaps: readonly LegalRateCap[]; date: LocalDate }> {
  const date = deps.clock.today();
  const terms = await deps.ports.productTerms({
    productCode: referral.productCode,
    customerId: referral.customerId,
    date,
  });
  return { ...terms, date };
}
