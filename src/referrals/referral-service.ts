import type { Actor } from '../appeals/appeal.ts';
import { checkOverrideAuthority } from '../appeals/appeal-authority.ts';
import type { CustomerNotification, Notifier } from '../appeals/notifier.ts';
import type { DecisionRecord } from '../decisions/decision.ts';
import type {
  DecisionRequest,
  ManualReviewRequest,
  ReferralCaseOpener,
} from '../decisions/decision-service.ts';
import { actorOfPrincipal, type AuditLog } from '../platform/audit/audit-log.ts';
import type { Principal } from '../platform/auth/api-keys.ts';
import type { Database, Queryable } from '../platform/database/database.ts';
import { AppError, isAppError } from '../platform/errors/app-error.ts';
import type { IdGenerator } from '../platform/ids/ids.ts';
import { fen, type Money } from '../platform/money/money.ts';
import { toExactRateString, type Rate } from '../platform/money/rate.ts';
import { scrubPii } from '../platform/pii/mask.ts';
import type { BusinessCalendar } from '../platform/time/business-calendar.ts';
import type { Clock } from '../platform/time/clock.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import type { LegalRateCap, Product } from '../policy/index.ts';
import {
  claim,
  close,
  effective,
  isClosed,
  mustCheck,
  mustHold,
  propose,
  reject,
  release,
  REFERRAL_SYSTEM,
  type Change,
  type EventDraft,
  type ReferralCase,
  type ReferralEvent,
  type ReferralStatus,
} from './referral.ts';
import { referralSlaDue, type ReferralSettings } from './referral-settings.ts';
import {
  approvalReason,
  decidedNotification,
  renderDeclineReasons,
  type DeclineReasonInput,
} from './referral-texts.ts';
import * as repository from './referrals.pg.ts';

/**
 * The referral queue's use cases. A case is opened with its referred decision (the decisions context calls
 * the opener inside the decision's transaction); reviewers list, read, claim and release cases, re-run the
 * decision, or decide: an approval within the product's range, the legal cap in force and the reviewer's
 * authority (the appeals' rules), above which a second person approves; a decline with catalogue reasons.
 * Each change locks the case row, applies a pure transition, and writes the case, its history, the
 * person's decision (with the facility change), the customer's notification and the audit entry in one
 * transaction; the notification is delivered after it commits (and retried by the recovery pass).
 */

/** What the referral queue needs from the other contexts; the composition root wires them. */
export interface ReferralPorts {
  /** A decision with its evidence (NOT_FOUND when there is none). */
  decision(decisionId: string): Promise<DecisionRecord>;
  /** Decides again now (the re-run), recording and applying it like any decision. */
  decide(request: DecisionRequest): Promise<DecisionRecord>;
  /** Records the person's decision inside the caller's transaction (with the facility change). */
  recordManualReview(tx: Queryable, request: ManualReviewRequest): Promise<DecisionRecord>;
  /** Re-runs identity verification (a referral for a provider outage is often cured by it). */
  verify(customerId: string): Promise<unknown>;
  /** The product's bounds and the legal caps in force on a date (policy context). */
  productTerms(request: {
    productCode: string;
    customerId: string;
    date: LocalDate;
  }): Promise<{ product: Product; legalRateCaps: readonly LegalRateCap[] }>;
}

export interface ReferralServiceDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly settings: ReferralSettings;
  /** The business calendar of every SLA (the appeals' one). */
  readonly calendar: BusinessCalendar;
  /** An approval whose limit is above this needs a second person (one threshold with appeals). */
  readonly secondPersonAbove: Money;
  readonly notifier: Notifier;
  /** The platform's audit log, when there is one: every action and refusal is recorded there too. */
  readonly audit?: Pick<AuditLog, 'record'>;
  readonly ports: ReferralPorts;
  readonly onError?: (error: unknown, context: string) => void;
}

export type ReviewerDecision =
  | { readonly outcome: 'approved'; readonly limit: Money; readonly apr: Rate; readonly note: string }
  | { readonly outcome: 'declined'; readonly reasons: readonly DeclineReasonInput[]; readonly note: string };

/** A case with what a reviewer reads of it. */
export interface CaseView {
  readonly referral: ReferralCase;
  readonly decision: DecisionRecord;
  readonly result: DecisionRecord | null;
  readonly history: readonly ReferralEvent[];
}

export interface ReferralRecoveryReport {
  /** Cases opened for referred decisions that had none (recorded before migration 0370). */
  readonly opened: number;
  /** Open cases closed because the customer applied again since. */
  readonly superseded: number;
  readonly notificationsDelivered: number;
}

export interface ReferralService {
  readonly settings: ReferralSettings;
  /** Cases newest first (keyset paging by id), as they stand now. */
  list(filter?: {
    statuses?: readonly ReferralStatus[];
    productCode?: string;
    claimedBy?: string;
    customerId?: string;
    before?: string;
    limit?: number;
  }): Promise<ReferralCase[]>;
  get(referralId: string): Promise<CaseView>;
  /** The case of a decision, if it has one. */
  caseOfDecision(customerId: string, decisionId: string): Promise<ReferralCase | undefined>;
  claim(referralId: string, by: Principal): Promise<ReferralCase>;
  release(referralId: string, by: Principal): Promise<ReferralCase>;
  /** Decides again now; a result that no longer refers closes the case with it. */
  rerun(referralId: string, by: Principal): Promise<{ referral: ReferralCase; decision: DecisionRecord }>;
  /** The reviewer's decision: the new decision record, or (above authority) a proposal for a second person. */
  decide(
    referralId: string,
    decision: ReviewerDecision,
    by: Principal,
  ): Promise<{ referral: ReferralCase; decision: DecisionRecord | null }>;
  approve(referralId: string, by: Principal): Promise<{ referral: ReferralCase; decision: DecisionRecord }>;
  reject(referralId: string, note: string, by: Principal): Promise<ReferralCase>;
  /** What the customer was told about their referrals, oldest first. */
  notifications(customerId: string, referralId?: string): Promise<repository.ReferralNotification[]>;
  /**
   * The recovery pass (at start-up, `credence referrals recover`, POST /v1/referrals/recover; not in the
   * day-end batch): cases for referrals that have none, superseded cases, undelivered notifications.
   */
  recover(options?: { limit?: number }): Promise<ReferralRecoveryReport>;
}

const reviewerActor = (principal: Principal): Actor => ({
  kind: 'reviewer',
  id: principal.keyId,
  name: principal.name,
});

function mustReview(principal: Principal): void {
  if (principal.role !== 'reviewer' && principal.role !== 'admin')
    throw new AppError('FORBIDDEN', `role "${principal.role}" may not review referrals`, {
      issues: [{ field: 'role', rule: 'reviewer', message: 'only reviewers act on referrals' }],
    });
}

const limitOf = (value: number | undefined): number => {
  const limit = value ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    throw AppError.invalid('limit', 'range', 'limit must be from 1 to 500');
  return limit;
};

/** Appends events to a case's history after its last one (the caller holds the case row's lock). */
async function appendEvents(
  tx: Queryable,
  ids: IdGenerator,
  referral: Pick<ReferralCase, 'id' | 'customerId'>,
  drafts: readonly EventDraft[],
): Promise<void> {
  let seq = await repository.nextSeq(tx, referral.customerId, referral.id);
  await repository.insertEvents(
    tx,
    drafts.map((draft) => ({
      ...draft,
      id: ids.next('audit'),
      referralId: referral.id,
      customerId: referral.customerId,
      seq: seq++,
    })),
  );
}

/** Writes a transition: the case (version-checked) and its history events in sequence. */
async function persist(tx: Queryable, ids: IdGenerator, before: ReferralCase, change: Change): Promise<void> {
  await repository.updateCase(tx, change.referral, before.version);
  await appendEvents(tx, ids, before, change.events);
}

/** The case a referred decision opens: due after the SLA's business hours, counted from the decision. */
function newCase(
  deps: Pick<ReferralServiceDeps, 'ids' | 'settings' | 'calendar'>,
  record: Pick<DecisionRecord, 'id' | 'customerId' | 'productCode' | 'reasons' | 'fault' | 'decidedAt'>,
): ReferralCase {
  return {
    id: deps.ids.next('referral'),
    customerId: record.customerId,
    decisionId: record.id,
    productCode: record.productCode,
    reasonCodes: record.reasons.map((reason) => reason.code),
    faultStage: record.fault?.stage ?? null,
    status: 'open',
    version: 1,
    claimedBy: null,
    claimedAt: null,
    claimExpiresAt: null,
    proposal: null,
    slaDueAt: referralSlaDue(record.decidedAt, deps.calendar, deps.settings),
    createdAt: record.decidedAt,
    decidedAt: null,
    closedBy: null,
    outcome: null,
    resultDecisionId: null,
  };
}

/**
 * Opens the case of `record` inside `tx` (idempotent: a decision has one case), and closes the customer's
 * older open cases of the same product as superseded — the newer application is the one to review.
 */
async function openCase(
  tx: Queryable,
  deps: Pick<ReferralServiceDeps, 'ids' | 'settings' | 'calendar'>,
  record: Pick<DecisionRecord, 'id' | 'customerId' | 'productCode' | 'reasons' | 'fault' | 'decidedAt'>,
  supersededBy: { id: string; outcome: 'approved' | 'declined' | 'referred' } | undefined,
): Promise<boolean> {
  const referral = newCase(deps, record);
  if (!(await repository.insertCase(tx, referral))) return false;
  const opened = {
    action: 'opened' as const,
    actor: REFERRAL_SYSTEM,
    at: record.decidedAt,
    statusBefore: null,
    statusAfter: 'open' as const,
    details: {
      decisionId: record.id,
      reasonCodes: [...referral.reasonCodes],
      faultStage: referral.faultStage,
      slaDueAt: referral.slaDueAt.toISOString(),
    },
    note: null,
  };
  const events = [opened];
  if (supersededBy) {
    const change = close(referral, REFERRAL_SYSTEM, record.decidedAt, {
      closedBy: 'superseded',
      outcome: supersededBy.outcome,
      decisionId: supersededBy.id,
      action: 'expired',
      note: 'the customer applied again for this product since; the newer application answers',
    });
    events.push(...(change.events as (typeof opened)[]));
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
      await persist(tx, deps.ids, older, change);
    }
  }
  return true;
}

/** The opener the decisions context calls: application decisions that are referred get a case. */
export function createReferralCaseOpener(
  deps: Pick<ReferralServiceDeps, 'ids' | 'settings' | 'calendar'>,
): ReferralCaseOpener {
  return {
    // A re-check belongs to an appeal or a referral already, a limit review to the line's own review, a
    // person's decision is never referred: only what a customer applied for is promised a person.
    opensCase: (record) => record.kind === 'application' && record.outcome === 'referred',
    async open(tx, record) {
      await openCase(tx, deps, record, undefined);
    },
  };
}

export function createReferralService(deps: ReferralServiceDeps): ReferralService {
  const { db, clock, ids, settings, notifier, ports } = deps;
  const report = (error: unknown, context: string) => deps.onError?.(error, context);

  const mustFind = async (q: Queryable, referralId: string, forUpdate = false): Promise<ReferralCase> => {
    const referral = await repository.findCase(q, referralId, { forUpdate });
    if (!referral) throw AppError.notFound('referral', referralId);
    return referral;
  };

  const audit = async (
    by: Principal | null,
    verb: string,
    referral: Pick<ReferralCase, 'id'>,
    outcome: 'ok' | 'refused',
    details: Record<string, unknown>,
    tx?: Queryable,
  ) => {
    if (!deps.audit) return;
    await deps.audit.record(
      {
        actor: by ? actorOfPrincipal(by) : { kind: 'system', id: 'referrals', name: 'referral queue' },
        action: `referral.${verb}`,
        subject: { type: 'referral', id: referral.id },
        outcome,
        details,
      },
      tx,
    );
  };

  /**
   * Runs a reviewer's action; a refusal (409, 403, 422) is put on the case's history and the audit log
   * before it is answered (best effort: the refusal is answered even if that write fails).
   */
  const refusalsRecorded = async <T>(
    referralId: string,
    verb: string,
    by: Principal,
    work: () => Promise<T>,
  ): Promise<T> => {
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
        await db
          .transaction(async (tx) => {
            const referral = await repository.findCase(tx, referralId, { forUpdate: true });
            if (!referral) return;
            await appendEvents(tx, ids, referral, [
              {
                action: 'refused',
                actor: reviewerActor(by),
                at: clock.now(),
                statusBefore: referral.status,
                statusAfter: referral.status,
                details: { ...details, attempted: verb },
                note: error.message,
              },
            ]);
            await audit(by, verb, referral, 'refused', { ...details, message: error.message }, tx);
          })
          .catch((write: unknown) => report(write, `record refusal ${referralId}`));
      }
      throw error;
    }
  };

  /** Hands undelivered notifications to the notifier, marking each delivered on the case's history. */
  const deliver = async (referralId?: string): Promise<number> => {
    const pending = await repository.undeliveredNotifications(db, {
      limit: 200,
      ...(referralId ? { referralId } : {}),
    });
    let delivered = 0;
    for (const notification of pending) {
      const message: CustomerNotification = {
        id: notification.id,
        customerId: notification.customerId,
        kind: 'referral_decided',
        referralId: notification.referralId,
        decisionId: notification.decisionId,
        text: notification.text,
        createdAt: notification.createdAt,
      };
      try {
        await notifier.send(message);
      } catch (error) {
        report(error, `notify ${notification.id}`);
        continue;
      }
      const at = clock.now();
      const marked = await db.transaction(async (tx) => {
        const referral = await repository.findCase(tx, notification.referralId, { forUpdate: true });
        if (!referral || !(await repository.markDelivered(tx, notification, at))) return false;
        await appendEvents(tx, ids, referral, [
          {
            action: 'notified',
            actor: { kind: 'system', id: 'notifier', name: 'notifier' },
            at,
            statusBefore: referral.status,
            statusAfter: referral.status,
            details: { notificationId: notification.id, decisionId: notification.decisionId },
            note: null,
          },
        ]);
        return true;
      });
      if (marked) delivered += 1;
    }
    return delivered;
  };

  const deliverQuietly = async (referralId: string) => {
    await deliver(referralId).catch((error: unknown) => report(error, `deliver ${referralId}`));
  };

  /** The customer's notification of the decision that closed a case, in the closing transaction. */
  const notify = async (
    tx: Queryable,
    referral: ReferralCase,
    decision: DecisionRecord,
    by: 'review' | 'rerun',
    product: Product,
  ) => {
    if (decision.outcome === 'referred') return;
    const reasons = decision.override?.reasons ?? decision.reasons;
    await repository.insertNotification(tx, {
      id: ids.next('notification'),
      referralId: referral.id,
      customerId: referral.customerId,
      kind: 'decided',
      decisionId: decision.id,
      text: decidedNotification({
        productName: product.name,
        by,
        outcome: decision.outcome,
        limit: decision.limit,
        apr: decision.apr,
        reasons,
        decisionDate: decision.decisionDate,
      }),
      createdAt: clock.now(),
      deliveredAt: null,
    });
  };

  const termsToday = (referral: ReferralCase) => {
    const date = clock.today();
    return ports
      .productTerms({ productCode: referral.productCode, customerId: referral.customerId, date })
      .then((terms) => ({ ...terms, date }));
  };

  /**
   * A case whose customer applied again for the product since is answered by that newer application: it
   * is closed as superseded (committed, unless it closed meanwhile). Returns that application, if any.
   */
  const supersedeIfNewer = async (referral: ReferralCase) => {
    const decision = await ports.decision(referral.decisionId);
    const newer = await repository.newerApplication(
      db,
      referral.customerId,
      referral.productCode,
      decision.decidedAt,
    );
    if (!newer) return undefined;
    await db.transaction(async (tx) => {
      const current = await mustFind(tx, referral.id, true);
      if (isClosed(current.status)) return;
      await persist(
        tx,
        ids,
        current,
        close(current, REFERRAL_SYSTEM, clock.now(), {
          closedBy: 'superseded',
          outcome: newer.outcome,
          decisionId: newer.id,
          action: 'expired',
          note: 'the customer applied again for this product since; the newer application answers',
        }),
      );
    });
    return newer;
  };

  /** A reviewer's action on a superseded case: the case is closed as such, the action refused (409). */
  const refuseIfSuperseded = async (referral: ReferralCase) => {
    const newer = await supersedeIfNewer(referral);
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
  };

  /** Writes the person's decision and closes the case, in one transaction. */
  const closeWithManualReview = async (
    referralId: string,
    check: (current: ReferralCase) => void,
    request: Omit<ManualReviewRequest, 'decisionId' | 'referralId' | 'productType'>,
    product: Product,
    by: Actor,
    principal: Principal,
    action: 'decided' | 'approved',
  ) => {
    const result = await db.transaction(async (tx) => {
      const current = await mustFind(tx, referralId, true);
      check(current);
      const decision = await ports.recordManualReview(tx, {
        ...request,
        decisionId: current.decisionId,
        referralId: current.id,
        productType: product.type,
      });
      const change = close(current, by, clock.now(), {
        closedBy: 'review',
        outcome: request.outcome,
        decisionId: decision.id,
        action,
        details: {
          limit: request.limit.toString(),
          apr: request.apr,
          reasonCodes: request.reasons.map((reason) => reason.code),
          facilityChange: decision.facilityChange,
        },
        note: request.note,
      });
      await persist(tx, ids, current, change);
      await notify(tx, change.referral, decision, 'review', product);
      await audit(
        principal,
        action === 'approved' ? 'approve' : 'decide',
        current,
        'ok',
        {
          decisionId: decision.id,
          referredDecisionId: current.decisionId,
          outcome: request.outcome,
          limit: request.limit.toString(),
          apr: request.apr,
          reasonCodes: request.reasons.map((reason) => reason.code),
        },
        tx,
      );
      return { referral: change.referral, decision };
    });
    await deliverQuietly(referralId);
    return result;
  };

  /** A simple locked transition (claim, release, reject), audited. */
  const transition = async (
    referralId: string,
    verb: string,
    by: Principal,
    build: (current: ReferralCase, now: Date) => Change,
  ): Promise<ReferralCase> =>
    db.transaction(async (tx) => {
      const current = await mustFind(tx, referralId, true);
      const change = build(current, clock.now());
      await persist(tx, ids, current, change);
      await audit(
        by,
        verb,
        current,
        'ok',
        { statusBefore: current.status, statusAfter: change.referral.status },
        tx,
      );
      return change.referral;
    });

  return {
    settings,

    async list(filter = {}) {
      const now = clock.now();
      const cases = await repository.listCases(db, {
        ...filter,
        limit: limitOf(filter.limit),
        now,
      });
      return cases.map((referral) => effective(referral, now));
    },

    async get(referralId) {
      const now = clock.now();
      const referral = effective(await mustFind(db, referralId), now);
      const [decision, result, history] = await Promise.all([
        ports.decision(referral.decisionId),
        referral.resultDecisionId ? ports.decision(referral.resultDecisionId) : Promise.resolve(null),
        repository.listEvents(db, referral.customerId, referral.id),
      ]);
      return { referral, decision, result, history };
    },

    caseOfDecision: (customerId, decisionId) => repository.caseOfDecision(db, customerId, decisionId),

    async claim(referralId, by) {
      mustReview(by);
      return refusalsRecorded(referralId, 'claim', by, async () => {
        const stored = await mustFind(db, referralId);
        if (stored.status === 'open' || stored.status === 'claimed') await refuseIfSuperseded(stored);
        return transition(referralId, 'claim', by, (current, now) =>
          claim(current, reviewerActor(by), now, new Date(now.getTime() + settings.claimMinutes * 60_000)),
        );
      });
    },

    async release(referralId, by) {
      mustReview(by);
      return refusalsRecorded(referralId, 'release', by, () =>
        transition(referralId, 'release', by, (current, now) =>
          release(current, reviewerActor(by), now, by.role === 'admin'),
        ),
      );
    },

    async rerun(referralId, by) {
      mustReview(by);
      const actor = reviewerActor(by);
      return refusalsRecorded(referralId, 'rerun', by, async () => {
        const stored = await mustFind(db, referralId);
        mustHold(stored, actor, clock.now(), 're-run');
        await refuseIfSuperseded(stored);
        const original = await ports.decision(stored.decisionId);
        // Current data: the verification is refreshed first (a provider outage may be over); a fault there
        // is the decision's to record (it refers again), not the reviewer's error.
        await ports
          .verify(stored.customerId)
          .catch((error: unknown) => report(error, `verify ${referralId}`));
        const decision = await ports.decide({
          customerId: stored.customerId,
          productCode: stored.productCode,
          requestedAmount: original.requestedAmount,
          kind: 'recheck',
          linkedTo: stored.id,
        });
        const { product } = await termsToday(stored);
        const referral = await db.transaction(async (tx) => {
          const current = await mustFind(tx, referralId, true);
          const now = clock.now();
          const details = {
            decisionId: decision.id,
            outcome: decision.outcome,
            limit: decision.limit.toString(),
            apr: decision.apr === null ? null : toExactRateString(decision.apr),
          };
          let change: Change;
          if (decision.outcome !== 'referred' && !isClosed(current.status)) {
            // The re-run answers the customer: the case closes with it, whoever holds it now.
            change = close(current, actor, now, {
              closedBy: 'rerun',
              outcome: decision.outcome,
              decisionId: decision.id,
              action: 'rerun',
            });
          } else {
            // Still referred (or closed meanwhile): the re-run is on the history, the case as it was.
            const status = effective(current, now).status;
            change = {
              referral: { ...current, version: current.version + 1 },
              events: [
                {
                  action: 'rerun',
                  actor,
                  at: now,
                  statusBefore: status,
                  statusAfter: status,
                  details,
                  note: null,
                },
              ],
            };
          }
          await persist(tx, ids, current, change);
          if (change.referral.status === 'decided')
            await notify(tx, change.referral, decision, 'rerun', product);
          await audit(by, 'rerun', current, 'ok', details, tx);
          return change.referral;
        });
        await deliverQuietly(referralId);
        return { referral: effective(referral, clock.now()), decision };
      });
    },

    async decide(referralId, input, by) {
      mustReview(by);
      const actor = reviewerActor(by);
      return refusalsRecorded(referralId, 'decide', by, async () => {
        const note = scrubPii(input.note.trim());
        if (note === '') throw AppError.invalid('note', 'non-empty', 'say why, for the record');
        if (note.length > 4000) throw AppError.invalid('note', 'max-length', 'at most 4000 characters');
        const stored = await mustFind(db, referralId);
        mustHold(stored, actor, clock.now(), 'decided');
        await refuseIfSuperseded(stored);
        const { product, legalRateCaps, date } = await termsToday(stored);
        if (input.outcome === 'declined') {
          const reasons = renderDeclineReasons(input.reasons);
          return closeWithManualReview(
            referralId,
            (current) => mustHold(current, actor, clock.now(), 'decided'),
            {
              reviewer: `${by.name} (${by.keyId})`,
              note,
              outcome: 'declined',
              limit: fen(0n),
              apr: null,
              reasons,
            },
            product,
            actor,
            by,
            'decided',
          );
        }
        if (input.limit <= 0n)
          throw AppError.invalid('limit', 'positive', 'an approval needs a limit above zero');
        const authority = checkOverrideAuthority(
          { limit: input.limit, apr: input.apr },
          { product, legalRateCaps, date },
          deps.secondPersonAbove,
        );
        if (authority.needsSecondReviewer) {
          const referral = await db.transaction(async (tx) => {
            const current = await mustFind(tx, referralId, true);
            const change = propose(
              current,
              { maker: actor, limit: input.limit, apr: input.apr, note, proposedAt: clock.now() },
              clock.now(),
            );
            await persist(tx, ids, current, change);
            await audit(
              by,
              'propose',
              current,
              'ok',
              {
                limit: input.limit.toString(),
                apr: toExactRateString(input.apr),
                secondPersonAbove: deps.secondPersonAbove.toString(),
              },
              tx,
            );
            return change.referral;
          });
          return { referral, decision: null };
        }
        return closeWithManualReview(
          referralId,
          (current) => mustHold(current, actor, clock.now(), 'decided'),
          {
            reviewer: `${by.name} (${by.keyId})`,
            note,
            outcome: 'approved',
            limit: input.limit,
            apr: toExactRateString(input.apr),
            reasons: [approvalReason(input.limit, input.apr)],
          },
          product,
          actor,
          by,
          'decided',
        );
      });
    },

    async approve(referralId, by) {
      mustReview(by);
      const checker = reviewerActor(by);
      return refusalsRecorded(referralId, 'approve', by, async () => {
        const stored = await mustFind(db, referralId);
        const proposal = mustCheck(stored, checker, 'approve');
        await refuseIfSuperseded(stored);
        // Authority is checked again: the product or the legal cap may have changed since the proposal.
        const { product, legalRateCaps, date } = await termsToday(stored);
        checkOverrideAuthority(
          { limit: proposal.limit, apr: proposal.apr },
          { product, legalRateCaps, date },
          deps.secondPersonAbove,
        );
        const maker = proposal.maker;
        return closeWithManualReview(
          referralId,
          (current) => mustCheck(current, checker, 'approve'),
          {
            reviewer: `${maker.name} (${maker.id}), approved by ${checker.name} (${checker.id})`,
            note: proposal.note,
            outcome: 'approved',
            limit: proposal.limit,
            apr: toExactRateString(proposal.apr),
            reasons: [approvalReason(proposal.limit, proposal.apr)],
          },
          product,
          checker,
          by,
          'approved',
        );
      });
    },

    async reject(referralId, note, by) {
      mustReview(by);
      const text = scrubPii(note.trim());
      return refusalsRecorded(referralId, 'reject', by, async () => {
        if (text === '') throw AppError.invalid('note', 'non-empty', 'say why the proposal is sent back');
        return transition(referralId, 'reject', by, (current, now) =>
          reject(current, reviewerActor(by), now, text),
        );
      });
    },

    notifications: (customerId, referralId) => repository.listNotifications(db, customerId, referralId),

    async recover(options = {}) {
      const limit = options.limit ?? 500;
      let opened = 0;
      for (const uncased of await repository.referralsWithoutCase(db, limit)) {
        try {
          const record = await ports.decision(uncased.decisionId);
          const newer = await repository.newerApplication(
            db,
            record.customerId,
            record.productCode,
            record.decidedAt,
          );
          if (await db.transaction((tx) => openCase(tx, deps, record, newer))) opened += 1;
        } catch (error) {
          report(error, `open referral of ${uncased.decisionId}`);
        }
      }
      let superseded = 0;
      for (const referralId of await repository.supersededCases(db, limit)) {
        try {
          if (await supersedeIfNewer(await mustFind(db, referralId))) superseded += 1;
        } catch (error) {
          report(error, `supersede ${referralId}`);
        }
      }
      const notificationsDelivered = await deliver();
      return { opened, superseded, notificationsDelivered };
    },
  };
}
