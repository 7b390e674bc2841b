import type { CustomerSnapshot, CustomerView } from '../customers/index.ts';
import type { DecisionRecord, DecisionSummary } from '../decisions/decision.ts';
import type { DecisionRequest, OverrideRequest } from '../decisions/decision-service.ts';
import type { Facility } from '../lending/facilities/facility.ts';
import type { LoanView } from '../lending/loans/loan-service.ts';
import type { Principal } from '../platform/auth/api-keys.ts';
import type { Database, Queryable } from '../platform/database/database.ts';
import { AppError, isAppError } from '../platform/errors/app-error.ts';
import type { IdGenerator } from '../platform/ids/ids.ts';
import type { LocalizedText } from '../platform/i18n/localized.ts';
import { fen, type Money } from '../platform/money/money.ts';
import { toExactRateString, type Rate } from '../platform/money/rate.ts';
import { scrubPii } from '../platform/pii/mask.ts';
import type { BusinessCalendar } from '../platform/time/business-calendar.ts';
import type { Clock } from '../platform/time/clock.ts';
import { addDays, businessDateOf, type LocalDate } from '../platform/time/local-date.ts';
import type { LegalRateCap, Product, ProductType } from '../policy/index.ts';
import {
  APPEAL_CATEGORIES,
  isOpen,
  type Actor,
  type Appeal,
  type AppealCategory,
  type AppealNotification,
  type AppealStatus,
  type AuditEvent,
  type OverrideTerms,
  type Resolution,
} from './appeal.ts';
import { checkOverrideAuthority, checkOverturnImproves } from './appeal-authority.ts';
import { appealCalendar, type AppealSettings } from './appeal-settings.ts';
import { appealPriority, slaBreached, slaBreachEvent, slaDue } from './appeal-sla.ts';
import { transition, withOverride, type AppealCommand, type Transition } from './appeal-status.ts';
import {
  customerStatusText,
  renderUpholdReasons,
  windowClosedText,
  type UpholdReasonInput,
} from './appeal-texts.ts';
import * as repository from './appeals.pg.ts';
import { checkEvidence, type EvidenceCipher, type EvidenceInfo } from './evidence.ts';
import type { Notifier } from './notifier.ts';
import { recheckDiff, resolvesWithoutPerson } from './recheck-comparison.ts';

/**
 * The appeals context's use cases. An appeal is filed durably first (its own transaction, with its audit
 * event and the "received" notification); the automatic re-check then runs as a resumable step — a worker
 * takes a lease on it, refreshes the customer's verification, records a re-check decision, and settles the
 * appeal in one transaction (resolved in the customer's favour, or queued for a person, or deferred after a
 * fault). A crash anywhere leaves either a filed appeal whose lease runs out (the recovery pass picks it up
 * and reuses a re-check decision already recorded) or a settled one. Reviewer actions lock the appeal row,
 * apply the pure status machine and write the change, its audit events, the override decision (in the same
 * transaction) and the notifications to send, all or nothing.
 */

/** What the appeals context needs from the others; the composition root wires them. */
export interface AppealPorts {
  /** A decision with its evidence (NOT_FOUND when there is none). */
  decision(decisionId: string): Promise<DecisionRecord>;
  /** A customer's decisions, newest first, paged by id. */
  decisions(customerId: string, options: { limit: number; before?: string }): Promise<DecisionSummary[]>;
  /** Decides again: the re-check (`kind: 'recheck'`, linked to the appeal). */
  decide(request: DecisionRequest): Promise<DecisionRecord>;
  /** Records a person's override inside the caller's transaction (with the facility change). */
  recordOverride(tx: Queryable, request: OverrideRequest): Promise<DecisionRecord>;
  /** Re-runs identity verification through the provider and records the result (customers context). */
  verify(customerId: string): Promise<unknown>;
  /** The customer, masked. */
  customer(customerId: string): Promise<CustomerView>;
  /** The customer's snapshot now (features, holds, verification). */
  snapshot(customerId: string): Promise<CustomerSnapshot>;
  loans(customerId: string): Promise<readonly LoanView[]>;
  facilities(customerId: string): Promise<readonly Facility[]>;
  /** The product's bounds and the legal caps in force on a date (policy context). */
  productTerms(request: {
    productCode: string;
    customerId: string;
    date: LocalDate;
  }): Promise<{ product: Product; legalRateCaps: readonly LegalRateCap[] }>;
  /** Opens or adjusts the facility inside the caller's transaction, for a re-check that resolves an appeal. */
  applyToFacility(
    tx: Queryable,
    input: {
      customerId: string;
      productType: ProductType;
      limit: Money;
      apr: Rate;
      decisionId: string;
      reason: string;
    },
  ): Promise<'opened' | 'adjusted' | 'unchanged'>;
  /** An active reviewer (or admin) key by id, for assignment; undefined when unknown. */
  reviewer(keyId: string): Promise<Actor | undefined>;
}

/** Points where tests inject a crash (a thrown error stands for the process dying there). */
export interface AppealHooks {
  /** After the appeal is filed (committed), before its re-check starts. */
  afterFiled?(appealId: string): void | Promise<void>;
  /** After the re-check decision is recorded, before the appeal is settled. */
  afterRecheckDecision?(appealId: string): void | Promise<void>;
}

export interface AppealServiceDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly settings: AppealSettings;
  readonly notifier: Notifier;
  readonly ports: AppealPorts;
  /** Seals evidence at rest with the PII keys (the identity context's vault). */
  readonly evidenceCipher: EvidenceCipher;
  readonly hooks?: AppealHooks;
  /** Faults swallowed where the request must still succeed (an inline re-check, a delivery): report them. */
  readonly onError?: (error: unknown, context: string) => void;
}

export interface FileAppealInput {
  readonly decisionId: string;
  /** The customer the app acts for: it must own the decision. */
  readonly customerId: string;
  readonly category: string;
  readonly statement: string;
  readonly evidenceIds?: readonly string[];
}

export type ReviewerDecision =
  | {
      readonly outcome: 'uphold';
      readonly reasons: readonly UpholdReasonInput[];
      readonly message?: LocalizedText | null;
      readonly note?: string;
    }
  | { readonly outcome: 'overturn'; readonly terms: OverrideTerms; readonly note: string };

/** What the customer reads about an appeal. */
export interface CustomerAppealView {
  readonly appeal: Appeal;
  readonly statusText: LocalizedText;
  /** The limit and price granted, when the appeal succeeded. */
  readonly granted: { readonly limit: Money; readonly apr: Rate; readonly decisionId: string } | null;
}

export interface QueueItem {
  readonly appeal: Appeal;
  readonly priority: number;
  readonly slaBreached: boolean;
}

/** Everything a reviewer sees of a case. */
export interface CaseFile {
  readonly appeal: Appeal;
  readonly priority: number;
  readonly slaBreached: boolean;
  readonly original: DecisionRecord;
  readonly recheck: DecisionRecord | null;
  readonly override: DecisionRecord | null;
  readonly evidence: readonly EvidenceInfo[];
  readonly customer: CustomerView;
  readonly history: {
    readonly decisions: readonly DecisionSummary[];
    readonly appeals: readonly Appeal[];
    readonly loans: readonly LoanView[];
    readonly facilities: readonly Facility[];
    readonly snapshot: CustomerSnapshot | null;
  };
}

export interface RecoveryReport {
  /** Appeals whose re-check step was attempted. */
  readonly attempted: number;
  readonly resolved: number;
  readonly queued: number;
  /** Still filed: a dependency is down, retried later. */
  readonly deferred: number;
  readonly failed: number;
  readonly notificationsDelivered: number;
  /** Open appeals found past their SLA due instant whose breach was written to their audit trail now. */
  readonly slaBreachesRecorded: number;
}

export interface AppealStats {
  readonly from: Date;
  readonly to: Date;
  readonly total: number;
  readonly byStatus: Readonly<Record<string, number>>;
  readonly byCategory: Readonly<Record<string, number>>;
  readonly byResolution: Readonly<Record<string, number>>;
  /** Overturned (by re-check or by a person) / resolved; null when none resolved. */
  readonly overturnRate: number | null;
  /** Resolved by the re-check / resolved. */
  readonly recheckShare: number | null;
  /** Overrides recorded (decision records of kind override). */
  readonly overrides: number;
  /** Closed (resolved or withdrawn) late, and still open past due. */
  readonly slaBreaches: { readonly resolvedLate: number; readonly openOverdue: number };
  readonly medianHoursToResolution: Readonly<Record<Resolution | 'all', number | null>>;
}

export interface AppealService {
  /** Stores an evidence file for a customer (checked type, size and content; de-duplicated by hash). */
  uploadEvidence(input: {
    customerId: string;
    declaredType: string | undefined;
    content: Uint8Array;
    by: Principal;
  }): Promise<{ evidence: EvidenceInfo; created: boolean }>;
  /** Files an appeal durably, then runs the re-check (a failure there leaves it for the recovery pass). */
  file(input: FileAppealInput, by: Principal): Promise<Appeal>;
  /** Runs (or resumes) the re-check step of one filed appeal, when it is due and free. */
  recheck(appealId: string): Promise<Appeal>;
  /**
   * Start-up and day-end pass: every due re-check, then every undelivered notification, then the SLA
   * breaches not yet on the record.
   */
  recover(options?: { limit?: number }): Promise<RecoveryReport>;
  /**
   * Writes an `sla_breached` audit event for each open appeal past its due instant that has none yet (once
   * per appeal, under its row lock); returns how many were written.
   */
  recordSlaBreaches(options?: { limit?: number }): Promise<number>;
  withdraw(appealId: string, customerId: string, by: Principal): Promise<Appeal>;
  /** The appeal as the customer sees it; NOT_FOUND unless it is this customer's. */
  customerView(appealId: string, customerId: string): Promise<CustomerAppealView>;
  get(appealId: string): Promise<Appeal>;
  /** The queue (or any listing) with priority, highest first. */
  list(filter?: {
    statuses?: readonly AppealStatus[];
    category?: AppealCategory;
    assigneeId?: string;
    customerId?: string;
    limit?: number;
  }): Promise<QueueItem[]>;
  caseFile(appealId: string): Promise<CaseFile>;
  claim(appealId: string, by: Principal): Promise<Appeal>;
  /** Claims the queued appeal with the highest priority; undefined when the queue is empty. */
  claimNext(by: Principal): Promise<Appeal | undefined>;
  assign(appealId: string, reviewerKeyId: string, by: Principal): Promise<Appeal>;
  release(appealId: string, by: Principal): Promise<Appeal>;
  comment(appealId: string, note: string, by: Principal): Promise<Appeal>;
  decide(appealId: string, decision: ReviewerDecision, by: Principal): Promise<Appeal>;
  approve(appealId: string, by: Principal): Promise<Appeal>;
  reject(appealId: string, note: string, by: Principal): Promise<Appeal>;
  history(appealId: string): Promise<AuditEvent[]>;
  notifications(appealId: string): Promise<AppealNotification[]>;
  evidenceContent(appealId: string, evidenceId: string): Promise<{ info: EvidenceInfo; content: Uint8Array }>;
  /**
   * Seals evidence not yet under the active PII key — rows in clear from before migration 0604 and rows
   * under an older key — in batches; returns how many rows were sealed (`credence kyc reencrypt`).
   */
  reencryptEvidence(options?: { batchSize?: number; onProgress?: (done: number) => void }): Promise<number>;
  stats(range?: { from?: Date; to?: Date }): Promise<AppealStats>;
  /** The SLA calendar in use. */
  readonly calendar: BusinessCalendar;
  readonly settings: AppealSettings;
}

const reviewerActor = (principal: Principal): Actor => ({
  kind: 'reviewer',
  id: principal.keyId,
  name: principal.name,
});

const customerActor = (customerId: string, principal: Principal): Actor => ({
  kind: 'customer',
  id: customerId,
  name: 'customer',
  via: principal.keyId,
});

function mustReview(principal: Principal): void {
  if (principal.role !== 'reviewer' && principal.role !== 'admin')
    throw new AppError('FORBIDDEN', `role "${principal.role}" may not review appeals`, {
      issues: [{ field: 'role', rule: 'reviewer', message: 'only reviewers act on appeals' }],
    });
}

const FACILITY_REASON = (appealId: string) => `appeal ${appealId} resolved by re-check`;

export function createAppealService(deps: AppealServiceDeps): AppealService {
  const { db, clock, ids, settings, notifier, ports } = deps;
  const calendar = appealCalendar(settings);
  const report = (error: unknown, context: string) => deps.onError?.(error, context);

  const mustFind = async (q: Queryable, appealId: string): Promise<Appeal> => {
    const appeal = await repository.findAppeal(q, appealId);
    if (!appeal) throw AppError.notFound('appeal', appealId);
    return appeal;
  };

  /** The limit and price the customer was granted by a successful appeal. */
  const grantedBy = async (appeal: Appeal): Promise<CustomerAppealView['granted']> => {
    const decisionId =
      appeal.resolution === 'overturned_by_recheck'
        ? appeal.recheckDecisionId
        : appeal.resolution === 'overturned'
          ? appeal.overrideDecisionId
          : null;
    if (decisionId === null) return null;
    const record = await ports.decision(decisionId);
    return record.apr === null ? null : { limit: record.limit, apr: record.apr, decisionId };
  };

  /**
   * Writes a transition inside `tx`: the appeal (version-checked), its audit events in sequence and the
   * notifications it asks for (texts rendered now, as the customer will read them).
   */
  const persist = async (
    tx: Queryable,
    before: Appeal,
    result: Transition,
    at: Date,
    granted: { limit: Money; apr: Rate } | null,
  ): Promise<void> => {
    if (result.events.length === 0) return;
    await repository.updateAppeal(tx, result.appeal, before.version);
    // The first action on an overdue appeal puts the breach on the record first, if no pass did yet.
    const breach = slaBreachEvent(before, at);
    const drafts =
      breach && !(await repository.slaBreachRecorded(tx, before.customerId, before.id))
        ? [breach, ...result.events]
        : result.events;
    let seq = await repository.nextSeq(tx, before.customerId, before.id);
    await repository.insertEvents(
      tx,
      drafts.map((draft) => ({
        ...draft,
        id: ids.next('audit'),
        appealId: before.id,
        customerId: before.customerId,
        seq: seq++,
      })),
    );
    await repository.insertNotifications(
      tx,
      result.notify.map((kind) => ({
        id: ids.next('notification'),
        appealId: before.id,
        customerId: before.customerId,
        kind,
        text: customerStatusText(result.appeal, granted),
        createdAt: at,
        deliveredAt: null,
      })),
    );
  };

  /**
   * Hands undelivered notifications to the notifier; each delivery is marked and audited (`notified`)
   * under the appeal's lock. A notifier failure leaves the notification for the next pass.
   */
  const deliver = async (appealId?: string): Promise<number> => {
    const pending = await repository.undeliveredNotifications(db, {
      limit: 200,
      ...(appealId ? { appealId } : {}),
    });
    let delivered = 0;
    for (const notification of pending) {
      try {
        await notifier.send(notification);
      } catch (error) {
        report(error, `notify ${notification.id}`);
        continue;
      }
      const at = clock.now();
      const marked = await db.transaction(async (tx) => {
        const appeal = await repository.findAppeal(tx, notification.appealId, { forUpdate: true });
        if (!appeal || !(await repository.markDelivered(tx, notification, at))) return false;
        const seq = await repository.nextSeq(tx, appeal.customerId, appeal.id);
        await repository.insertEvents(tx, [
          {
            id: ids.next('audit'),
            appealId: appeal.id,
            customerId: appeal.customerId,
            seq,
            action: 'notified',
            actor: { kind: 'system', id: 'notifier', name: 'notifier' },
            at,
            statusBefore: appeal.status,
            statusAfter: appeal.status,
            before: {},
            after: { notificationId: notification.id, kind: notification.kind },
            note: null,
          },
        ]);
        return true;
      });
      if (marked) delivered += 1;
    }
    return delivered;
  };

  const deliverQuietly = async (appealId: string): Promise<void> => {
    await deliver(appealId).catch((error: unknown) => report(error, `deliver ${appealId}`));
  };

  /**
   * Locks the appeal, applies a command, records an override if the transition asks for one (in the same
   * transaction, with the facility change), writes everything, then delivers the notifications.
   */
  const apply = async (
    appealId: string,
    build: (current: Appeal) => AppealCommand,
    granted: (current: Appeal, result: Transition) => { limit: Money; apr: Rate } | null = () => null,
  ): Promise<Appeal> => {
    const at = clock.now();
    const appeal = await db.transaction(async (tx) => {
      const current = await repository.findAppeal(tx, appealId, { forUpdate: true });
      if (!current) throw AppError.notFound('appeal', appealId);
      let result = transition(current, build(current), at);
      const instruction = result.override;
      if (instruction) {
        const checker = instruction.checker;
        const override = await ports.recordOverride(tx, {
          decisionId: current.decisionId,
          appealId: current.id,
          reviewer: instruction.reviewId,
          note: `${instruction.note} [maker ${instruction.maker.name} (${instruction.maker.id})${checker ? `, checker ${checker.name} (${checker.id})` : ''}]`,
          outcome: 'approved',
          limit: instruction.terms.limit,
          apr: toExactRateString(instruction.terms.apr),
        });
        result = withOverride(result, override.id);
      }
      await persist(tx, current, result, at, instruction ? instruction.terms : granted(current, result));
      return result.appeal;
    });
    await deliverQuietly(appealId);
    return appeal;
  };

  /** The re-check decision an earlier, interrupted attempt already recorded (not a fault), if any. */
  const recordedRecheck = async (appeal: Appeal): Promise<DecisionRecord | undefined> => {
    let before: string | undefined;
    for (;;) {
      const page = await ports.decisions(appeal.customerId, { limit: 100, ...(before ? { before } : {}) });
      for (const summary of page) {
        if (summary.kind !== 'recheck' || summary.linkedTo !== appeal.id) continue;
        const record = await ports.decision(summary.id);
        if (record.fault === null) return record;
      }
      const last = page[page.length - 1];
      // Re-checks come after the filing; older pages cannot hold one.
      if (!last || page.length < 100 || last.decidedAt.getTime() < appeal.filedAt.getTime()) return undefined;
      before = last.id;
    }
  };

  const retryAt = (attempts: number, now: Date): Date => {
    const waits = settings.recheckRetryMinutes;
    const minutes = waits[Math.min(attempts, waits.length) - 1] ?? waits[waits.length - 1] ?? 5;
    return new Date(now.getTime() + minutes * 60_000);
  };

  /** Queues a filed appeal whose re-check could not run at all, as often as allowed. */
  const giveUp = async (appealId: string): Promise<Appeal> => {
    const at = clock.now();
    const settled = await db.transaction(async (tx) => {
      const current = await repository.findAppeal(tx, appealId, { forUpdate: true });
      if (!current || current.status !== 'filed') return current;
      const due = slaDue(current.filedAt, calendar, settings.slaBusinessDays);
      const result = transition(
        current,
        {
          type: 'recheck_fault',
          recheckDecisionId: null,
          nextRecheckAt: at,
          giveUp: true,
          queue: { slaDueDate: due.dueDate, slaDueAt: due.dueAt },
        },
        at,
      );
      await persist(tx, current, result, at, null);
      return result.appeal;
    });
    await deliverQuietly(appealId);
    return settled ?? mustFind(db, appealId);
  };

  const recheck = async (appealId: string): Promise<Appeal> => {
    const now = clock.now();
    const claimed = await repository.claimRecheck(
      db,
      appealId,
      now,
      new Date(now.getTime() + settings.recheckLeaseMs),
    );
    if (!claimed) return mustFind(db, appealId);
    // Every attempt failed outright: a person takes the case without a re-check.
    if (claimed.recheckAttempts >= settings.maxRecheckAttempts) return giveUp(appealId);
    let original: DecisionRecord;
    let decision: DecisionRecord;
    try {
      original = await ports.decision(claimed.decisionId);
      const recorded = await recordedRecheck(claimed);
      if (recorded) decision = recorded;
      else {
        // Current data: verification re-run through the provider, then a new decision on today's snapshot,
        // model and policy. The facility is left alone here: only a re-check that settles the appeal in the
        // customer's favour changes it, in the settling transaction.
        await ports.verify(claimed.customerId);
        decision = await ports.decide({
          customerId: claimed.customerId,
          productCode: claimed.productCode,
          requestedAmount: original.requestedAmount,
          kind: 'recheck',
          linkedTo: claimed.id,
          applyToFacility: false,
        });
      }
    } catch (error) {
      // Not even a referral could be recorded (the database or a port failed outright): give the step back
      // for a later pass.
      await repository
        .releaseRecheck(db, appealId, retryAt(claimed.recheckAttempts + 1, clock.now()))
        .catch((release: unknown) => report(release, `release ${appealId}`));
      throw error;
    }
    await deps.hooks?.afterRecheckDecision?.(appealId);

    const at = clock.now();
    const diff = recheckDiff(original, decision);
    const settled = await db.transaction(async (tx) => {
      const current = await repository.findAppeal(tx, appealId, { forUpdate: true });
      // Withdrawn (or settled by another worker) meanwhile: the re-check stays on record, nothing else.
      if (!current || current.status !== 'filed') return current;
      const due = slaDue(current.filedAt, calendar, settings.slaBusinessDays);
      const queue = { slaDueDate: due.dueDate, slaDueAt: due.dueAt };
      const attempts = current.recheckAttempts + 1;
      const command: AppealCommand =
        decision.fault !== null
          ? {
              type: 'recheck_fault',
              recheckDecisionId: decision.id,
              nextRecheckAt: retryAt(attempts, at),
              giveUp: attempts >= settings.maxRecheckAttempts,
              queue,
            }
          : {
              type: 'recheck',
              recheckDecisionId: decision.id,
              diff,
              resolves: resolvesWithoutPerson(diff, decision),
              queue,
            };
      const result = transition(current, command, at);
      let granted: { limit: Money; apr: Rate } | null = null;
      if (result.appeal.resolution === 'overturned_by_recheck') {
        if (decision.productType === null || decision.apr === null)
          throw new AppError('INTERNAL', 'an approving re-check has no product type or rate');
        await ports.applyToFacility(tx, {
          customerId: current.customerId,
          productType: decision.productType,
          limit: decision.limit,
          apr: decision.apr,
          decisionId: decision.id,
          reason: FACILITY_REASON(current.id),
        });
        granted = { limit: decision.limit, apr: decision.apr };
      }
      await persist(tx, current, result, at, granted);
      return result.appeal;
    });
    await deliverQuietly(appealId);
    return settled ?? mustFind(db, appealId);
  };

  const validateFiling = (
    input: FileAppealInput,
  ): { category: AppealCategory; statement: string; evidenceIds: string[] } => {
    if (!(APPEAL_CATEGORIES as readonly string[]).includes(input.category))
      throw AppError.invalid('category', 'one-of', `category must be one of ${APPEAL_CATEGORIES.join(', ')}`);
    const typed = input.statement.trim();
    if (typed === '') throw AppError.invalid('statement', 'non-empty', 'say in a few words what went wrong');
    if (typed.length > settings.maxStatementLength)
      throw AppError.invalid('statement', 'max-length', `at most ${settings.maxStatementLength} characters`);
    // Free text is stored as staff will read it: an ID, card or phone number typed into it is masked before
    // it is written (it cannot be encrypted like the identity columns, and nobody reads it unmasked).
    const statement = scrubPii(typed);
    const evidenceIds = [...(input.evidenceIds ?? [])];
    if (evidenceIds.length > settings.maxEvidencePerAppeal)
      throw AppError.invalid(
        'evidence',
        'max-items',
        `at most ${settings.maxEvidencePerAppeal} files per appeal`,
      );
    const seen = new Set<string>();
    for (const [index, id] of evidenceIds.entries()) {
      if (seen.has(id))
        throw AppError.invalid(`evidence[${index}]`, 'unique', 'the same file is cited twice');
      seen.add(id);
    }
    return { category: input.category as AppealCategory, statement, evidenceIds };
  };

  const service: AppealService = {
    calendar,
    settings,

    async uploadEvidence({ customerId, declaredType, content, by }) {
      const checked = checkEvidence(declaredType, content, settings.maxEvidenceBytes);
      return repository.insertEvidence(db, deps.evidenceCipher, {
        evidenceId: ids.next('evidence'),
        customerId,
        mediaType: checked.mediaType,
        sizeBytes: checked.sizeBytes,
        sha256: checked.sha256,
        uploadedAt: clock.now(),
        content,
        uploadedBy: by.keyId,
      });
    },

    async file(input, by) {
      const { category, statement, evidenceIds } = validateFiling(input);
      // Someone else's decision and an unknown one get the same answer: the app learns nothing.
      const decision = await ports.decision(input.decisionId).catch((error: unknown) => {
        if (isAppError(error) && error.code === 'NOT_FOUND') return undefined;
        throw error;
      });
      if (!decision || decision.customerId !== input.customerId)
        throw AppError.notFound('decision', input.decisionId);
      if (decision.kind === 'recheck' || decision.kind === 'override')
        throw AppError.invalid(
          'decisionId',
          'appealable-kind',
          `a ${decision.kind} belongs to an appeal already; appeal the original decision`,
        );
      const now = clock.now();
      const today = businessDateOf(now);
      const closes = addDays(decision.decisionDate, settings.windowDays);
      if (today > closes) {
        const reason = windowClosedText(decision.decisionDate, closes, settings.windowDays);
        throw new AppError('UNPROCESSABLE', `the appeal window closed on ${closes}`, {
          issues: [
            {
              field: 'decisionId',
              rule: 'appeal-window',
              message: `decisions may be appealed for ${settings.windowDays} days; this one was decided on ${decision.decisionDate}`,
            },
          ],
          details: { windowClosedOn: closes, reason },
        });
      }
      const open = await repository.openAppealOf(db, input.customerId, input.decisionId);
      if (open)
        throw new AppError('CONFLICT', 'this decision already has an open appeal', {
          issues: [
            {
              field: 'decisionId',
              rule: 'one-open-appeal',
              message: 'the decision already has an open appeal',
            },
          ],
          details: { appealId: open },
        });
      const resolved = await repository.resolvedAppealOf(db, input.customerId, input.decisionId);
      if (resolved)
        throw new AppError('CONFLICT', 'this decision was appealed already and the appeal is decided', {
          issues: [
            {
              field: 'decisionId',
              rule: 'already-resolved',
              message: 'a decision is appealed once; apply again to be decided anew',
            },
          ],
          details: { appealId: resolved },
        });
      const found = await repository.findEvidence(db, input.customerId, evidenceIds);
      const known = new Set(found.map((evidence) => evidence.evidenceId));
      for (const [index, id] of evidenceIds.entries()) {
        // Another customer's file is as unknown as a file that does not exist.
        if (!known.has(id))
          throw AppError.invalid(
            `evidence[${index}]`,
            'unknown-evidence',
            `no evidence ${id} was uploaded for this customer`,
          );
      }
      const filedBy = customerActor(input.customerId, by);
      const appeal: Appeal = {
        id: ids.next('appeal'),
        customerId: input.customerId,
        decisionId: decision.id,
        productCode: decision.productCode,
        category,
        statement,
        evidenceIds,
        status: 'filed',
        resolution: null,
        version: 1,
        amountAtStake: fen(decision.requestedAmount ?? decision.limit),
        filedAt: now,
        filedBy,
        recheckDecisionId: null,
        recheckDiff: null,
        recheckAttempts: 0,
        nextRecheckAt: null,
        leaseUntil: null,
        queuedAt: null,
        slaDueDate: null,
        slaDueAt: null,
        assignee: null,
        assignedAt: null,
        proposal: null,
        overrideDecisionId: null,
        upholdReasons: null,
        upholdMessage: null,
        resolvedAt: null,
        resolvedBy: null,
        withdrawnAt: null,
      };
      await db.transaction(async (tx) => {
        await repository.insertAppeal(tx, appeal);
        await repository.insertEvents(tx, [
          {
            id: ids.next('audit'),
            appealId: appeal.id,
            customerId: appeal.customerId,
            seq: 1,
            action: 'filed',
            actor: filedBy,
            at: now,
            statusBefore: null,
            statusAfter: 'filed',
            before: {},
            after: {
              decisionId: decision.id,
              category,
              evidenceIds,
              amountAtStake: appeal.amountAtStake.toString(),
            },
            note: null,
          },
        ]);
        await repository.insertNotifications(tx, [
          {
            id: ids.next('notification'),
            appealId: appeal.id,
            customerId: appeal.customerId,
            kind: 'received',
            text: customerStatusText(appeal, null),
            createdAt: now,
            deliveredAt: null,
          },
        ]);
      });
      await deliverQuietly(appeal.id);
      await deps.hooks?.afterFiled?.(appeal.id);
      try {
        return await recheck(appeal.id);
      } catch (error) {
        // The appeal is on record; the recovery pass finishes the re-check.
        report(error, `recheck ${appeal.id}`);
        return mustFind(db, appeal.id);
      }
    },

    recheck,

    async recover(options = {}) {
      const limit = options.limit ?? 500;
      const due = await repository.dueRechecks(db, clock.now(), limit);
      const counts = { attempted: 0, resolved: 0, queued: 0, deferred: 0, failed: 0 };
      for (const appealId of due) {
        counts.attempted += 1;
        try {
          const appeal = await recheck(appealId);
          if (appeal.status === 'resolved') counts.resolved += 1;
          else if (appeal.status === 'queued') counts.queued += 1;
          else if (appeal.status === 'filed') counts.deferred += 1;
        } catch (error) {
          counts.failed += 1;
          report(error, `recover ${appealId}`);
        }
      }
      const notificationsDelivered = await deliver();
      const slaBreachesRecorded = await service.recordSlaBreaches({ limit });
      return { ...counts, notificationsDelivered, slaBreachesRecorded };
    },

    async recordSlaBreaches(options = {}) {
      const now = clock.now();
      const overdue = await repository.unrecordedSlaBreaches(db, now, options.limit ?? 500);
      let recorded = 0;
      for (const appealId of overdue) {
        const written = await db.transaction(async (tx) => {
          const appeal = await repository.findAppeal(tx, appealId, { forUpdate: true });
          const breach = appeal ? slaBreachEvent(appeal, now) : null;
          if (!appeal || !breach || (await repository.slaBreachRecorded(tx, appeal.customerId, appeal.id)))
            return false;
          const seq = await repository.nextSeq(tx, appeal.customerId, appeal.id);
          await repository.insertEvents(tx, [
            { ...breach, id: ids.next('audit'), appealId: appeal.id, customerId: appeal.customerId, seq },
          ]);
          return true;
        });
        if (written) recorded += 1;
      }
      return recorded;
    },

    async withdraw(appealId, customerId, by) {
      return apply(appealId, (current) => {
        if (current.customerId !== customerId) throw AppError.notFound('appeal', appealId);
        return { type: 'withdraw', by: customerActor(customerId, by) };
      });
    },

    async customerView(appealId, customerId) {
      const appeal = await repository.findAppeal(db, appealId);
      if (!appeal || appeal.customerId !== customerId) throw AppError.notFound('appeal', appealId);
      const granted = await grantedBy(appeal);
      return { appeal, statusText: customerStatusText(appeal, granted), granted };
    },

    get: (appealId) => mustFind(db, appealId),

    async list(filter = {}) {
      const limit = filter.limit ?? 100;
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
        throw AppError.invalid('limit', 'range', 'limit must be from 1 to 1000');
      const appeals = await repository.listAppeals(db, { ...filter, limit });
      const now = clock.now();
      return appeals
        .map((appeal) => ({
          appeal,
          priority: appealPriority(
            { ...appeal, recheckBetter: appeal.recheckDiff?.verdict === 'better' },
            now,
            calendar,
          ),
          slaBreached: slaBreached(appeal.slaDueAt, appeal.resolvedAt ?? appeal.withdrawnAt, now),
        }))
        .sort(
          (a, b) =>
            (isOpen(b.appeal.status) ? 1 : 0) - (isOpen(a.appeal.status) ? 1 : 0) ||
            b.priority - a.priority ||
            a.appeal.filedAt.getTime() - b.appeal.filedAt.getTime(),
        );
    },

    async caseFile(appealId) {
      const appeal = await mustFind(db, appealId);
      const now = clock.now();
      const [
        original,
        recheckRecord,
        override,
        evidence,
        customer,
        decisions,
        appeals,
        loans,
        facilities,
        snapshot,
      ] = await Promise.all([
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
        priority: appealPriority(
          { ...appeal, recheckBetter: appeal.recheckDiff?.verdict === 'better' },
          now,
          calendar,
        ),
        slaBreached: slaBreached(appeal.slaDueAt, appeal.resolvedAt ?? appeal.withdrawnAt, now),
        original,
        recheck: recheckRecord,
        override,
        evidence: [...evidence].sort(
          (a, b) => (order.get(a.evidenceId) ?? 0) - (order.get(b.evidenceId) ?? 0),
        ),
        customer,
        history: {
          decisions,
          appeals: appeals.filter((other) => other.id !== appeal.id),
          loans,
          facilities,
          snapshot,
        },
      };
    },

    async claim(appealId, by) {
      mustReview(by);
      return apply(appealId, () => ({ type: 'claim', reviewer: reviewerActor(by) }));
    },

    async claimNext(by) {
      mustReview(by);
      const queue = await service.list({ statuses: ['queued'], limit: 200 });
      for (const item of queue) {
        try {
          return await service.claim(item.appeal.id, by);
        } catch (error) {
          // Someone else took it a moment ago: try the next one.
          if (isAppError(error) && error.code === 'CONFLICT') continue;
          throw error;
        }
      }
      return undefined;
    },

    async assign(appealId, reviewerKeyId, by) {
      mustReview(by);
      const reviewer = await ports.reviewer(reviewerKeyId);
      if (!reviewer)
        throw AppError.invalid('reviewerKeyId', 'active-reviewer', 'no active reviewer key has this id');
      return apply(appealId, () => ({
        type: 'assign',
        reviewer,
        by: reviewerActor(by),
        reassign: by.role === 'admin',
      }));
    },

    async release(appealId, by) {
      mustReview(by);
      return apply(appealId, () => ({ type: 'release', by: reviewerActor(by), force: by.role === 'admin' }));
    },

    async comment(appealId, note, by) {
      mustReview(by);
      if (note.length > 4000) throw AppError.invalid('note', 'max-length', 'at most 4000 characters');
      return apply(appealId, () => ({ type: 'comment', by: reviewerActor(by), note: scrubPii(note) }));
    },

    async decide(appealId, decision, by) {
      mustReview(by);
      if (decision.outcome === 'uphold') {
        const reasons = renderUpholdReasons(decision.reasons);
        const message = decision.message ?? null;
        if (message && (message.zh.trim() === '' || message.en.trim() === ''))
          throw AppError.invalid('message', 'both-languages', 'a message to the customer needs zh and en');
        return apply(appealId, () => ({
          type: 'uphold',
          by: reviewerActor(by),
          reasons,
          message: message && { zh: scrubPii(message.zh), en: scrubPii(message.en) },
          note: scrubPii(decision.note ?? ''),
        }));
      }
      const note = scrubPii(decision.note.trim());
      if (note === '') throw AppError.invalid('note', 'non-empty', 'say why the decision is overturned');
      const appeal = await mustFind(db, appealId);
      checkOverturnImproves(await ports.decision(appeal.decisionId), decision.terms);
      const date = clock.today();
      const bounds = await ports.productTerms({
        productCode: appeal.productCode,
        customerId: appeal.customerId,
        date,
      });
      const authority = checkOverrideAuthority(
        decision.terms,
        { ...bounds, date },
        settings.secondReviewerAbove,
      );
      const reviewId = ids.next('review');
      return apply(appealId, () => ({
        type: 'overturn',
        by: reviewerActor(by),
        reviewId,
        terms: decision.terms,
        note,
        needsSecondReviewer: authority.needsSecondReviewer,
      }));
    },

    async approve(appealId, by) {
      mustReview(by);
      const appeal = await mustFind(db, appealId);
      if (appeal.proposal) {
        // Authority is checked again at approval: the product or the legal cap may have changed since.
        const date = clock.today();
        const bounds = await ports.productTerms({
          productCode: appeal.productCode,
          customerId: appeal.customerId,
          date,
        });
        checkOverrideAuthority(appeal.proposal.terms, { ...bounds, date }, settings.secondReviewerAbove);
      }
      return apply(appealId, () => ({ type: 'approve', by: reviewerActor(by) }));
    },

    async reject(appealId, note, by) {
      mustReview(by);
      return apply(appealId, () => ({ type: 'reject', by: reviewerActor(by), note: scrubPii(note) }));
    },

    async history(appealId) {
      const appeal = await mustFind(db, appealId);
      return repository.listEvents(db, appeal.customerId, appeal.id);
    },

    async notifications(appealId) {
      const appeal = await mustFind(db, appealId);
      return repository.listNotifications(db, appeal.customerId, appeal.id);
    },

    reencryptEvidence: (options) => repository.reencryptEvidence(db, deps.evidenceCipher, options),

    async evidenceContent(appealId, evidenceId) {
      const appeal = await mustFind(db, appealId);
      const found = await repository.evidenceContent(db, deps.evidenceCipher, appeal, evidenceId);
      if (!found) throw AppError.notFound('evidence', evidenceId);
      return found;
    },

    async stats(range = {}) {
      const now = clock.now();
      const from = range.from ?? new Date(0);
      const to = range.to ?? new Date(now.getTime() + 1);
      if (from.getTime() >= to.getTime())
        throw AppError.invalid('from', 'before-to', '`from` must be before `to`');
      const rows = await repository.appealStats(db, from, to, now);
      const byStatus: Record<string, number> = {};
      const byCategory: Record<string, number> = {};
      const byResolution: Record<string, number> = {};
      let total = 0;
      for (const row of rows.counts) {
        total += row.count;
        byStatus[row.status] = (byStatus[row.status] ?? 0) + row.count;
        byCategory[row.category] = (byCategory[row.category] ?? 0) + row.count;
        if (row.resolution) byResolution[row.resolution] = (byResolution[row.resolution] ?? 0) + row.count;
      }
      const resolved = byStatus.resolved ?? 0;
      const byRecheck = byResolution.overturned_by_recheck ?? 0;
      const byPerson = byResolution.overturned ?? 0;
      return {
        from,
        to,
        total,
        byStatus,
        byCategory,
        byResolution,
        overturnRate: resolved === 0 ? null : (byRecheck + byPerson) / resolved,
        recheckShare: resolved === 0 ? null : byRecheck / resolved,
        overrides: byPerson,
        slaBreaches: { resolvedLate: rows.slaBreaches, openOverdue: rows.slaBreachesOpen },
        medianHoursToResolution: rows.medianHours,
      };
    },
  };
  return service;
}
