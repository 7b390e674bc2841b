import { decisionSummaryView, decisionView } from '../decisions/index.ts';
import type { LocalizedText } from '../platform/i18n/localized.ts';
import { toDecimalString } from '../platform/money/money.ts';
import { scrubPii } from '../platform/pii/mask.ts';
import { toExactRateString } from '../platform/money/rate.ts';
import type { Appeal, AppealNotification, AuditEvent } from './appeal.ts';
import type { CaseFile, CustomerAppealView, QueueItem } from './appeal-ports.ts';
import { CATEGORY_NAMES } from './appeal-texts.ts';
import type { EvidenceInfo } from './evidence.ts';

/**
 * What the API and the CLI show of appeals: plain JSON (amounts in yuan under plain names and in integer
 * fen under `…Fen` — one unit per field name across the API —, rates as exact decimal strings, instants as
 * RFC 3339). The customer's view carries only what they should read; the
 * reviewer's view masks anything in free text that looks like an ID, card or phone number.
 */

const iso = (date: Date | null): string | null => (date === null ? null : date.toISOString());

export function evidenceView(info: EvidenceInfo) {
  return {
    evidenceId: info.evidenceId,
    customerId: info.customerId,
    mediaType: info.mediaType,
    sizeBytes: info.sizeBytes,
    sha256: info.sha256,
    uploadedAt: info.uploadedAt.toISOString(),
  };
}

/**
 * The appeal as the customer's app shows it, `granted.limit` in integer fen (read by `src/me`, which
 * answers yuan). The API answers `customerAppealApiView`.
 */
export function customerAppealView(view: CustomerAppealView) {
  const { appeal } = view;
  return {
    appealId: appeal.id,
    decisionId: appeal.decisionId,
    customerId: appeal.customerId,
    category: appeal.category,
    categoryText: CATEGORY_NAMES[appeal.category],
    status: appeal.status,
    resolution: appeal.resolution,
    statusText: view.statusText,
    granted: view.granted
      ? {
          decisionId: view.granted.decisionId,
          limit: view.granted.limit.toString(),
          apr: toExactRateString(view.granted.apr),
        }
      : null,
    reasons: (appeal.upholdReasons ?? []).map((reason) => ({ code: reason.code, text: reason.text })),
    message: scrubbedText(appeal.upholdMessage),
    slaDueDate: appeal.slaDueDate,
    evidenceIds: [...appeal.evidenceIds],
    filedAt: appeal.filedAt.toISOString(),
    resolvedAt: iso(appeal.resolvedAt),
    withdrawnAt: iso(appeal.withdrawnAt),
  };
}

/**
 * The customer's appeal as `/v1/appeals/…` answers it: one unit per field name across the API, so the
 * granted limit is yuan under `limit` (`"60000.00"`, like every plain money field) and integer fen under
 * `limitFen` (`"6000000"`) for machines. `customerAppealView` keeps fen under `limit` for `src/me`, which
 * converts it itself.
 */
export function customerAppealApiView(view: CustomerAppealView) {
  const base = customerAppealView(view);
  return {
    ...base,
    granted: view.granted
      ? {
          decisionId: view.granted.decisionId,
          limit: toDecimalString(view.granted.limit),
          limitFen: view.granted.limit.toString(),
          apr: toExactRateString(view.granted.apr),
        }
      : null,
  };
}

/** Free text in both languages with anything like an ID, card or phone number masked. */
export function scrubbedText(text: LocalizedText | null): LocalizedText | null {
  return text === null ? null : { zh: scrubPii(text.zh), en: scrubPii(text.en) };
}

/** An overturn waiting for a second reviewer: the maker, the terms and their note (PII masked). */
function proposalView(proposal: Appeal['proposal']) {
  return proposal
    ? {
        reviewId: proposal.reviewId,
        maker: proposal.maker,
        limit: toDecimalString(proposal.terms.limit),
        limitFen: proposal.terms.limit.toString(),
        apr: toExactRateString(proposal.terms.apr),
        note: scrubPii(proposal.note),
        proposedAt: proposal.proposedAt.toISOString(),
      }
    : null;
}

/** The appeal as staff see it (the statement, notes and messages with PII masked). */
export function appealView(appeal: Appeal) {
  return {
    appealId: appeal.id,
    decisionId: appeal.decisionId,
    customerId: appeal.customerId,
    productCode: appeal.productCode,
    category: appeal.category,
    statement: scrubPii(appeal.statement),
    evidenceIds: [...appeal.evidenceIds],
    status: appeal.status,
    resolution: appeal.resolution,
    version: appeal.version,
    amountAtStake: toDecimalString(appeal.amountAtStake),
    amountAtStakeFen: appeal.amountAtStake.toString(),
    filedAt: appeal.filedAt.toISOString(),
    filedBy: appeal.filedBy,
    recheck: {
      decisionId: appeal.recheckDecisionId,
      attempts: appeal.recheckAttempts,
      nextAttemptAt: iso(appeal.nextRecheckAt),
      diff: appeal.recheckDiff,
    },
    queuedAt: iso(appeal.queuedAt),
    slaDueDate: appeal.slaDueDate,
    slaDueAt: iso(appeal.slaDueAt),
    assignee: appeal.assignee,
    assignedAt: iso(appeal.assignedAt),
    proposal: proposalView(appeal.proposal),
    overrideDecisionId: appeal.overrideDecisionId,
    upholdReasons: appeal.upholdReasons,
    upholdMessage: scrubbedText(appeal.upholdMessage),
    resolvedAt: iso(appeal.resolvedAt),
    resolvedBy: appeal.resolvedBy,
    withdrawnAt: iso(appeal.withdrawnAt),
  };
}

export function queueItemView(item: QueueItem) {
  const { appeal } = item;
  return {
    appealId: appeal.id,
    decisionId: appeal.decisionId,
    customerId: appeal.customerId,
    productCode: appeal.productCode,
    category: appeal.category,
    status: appeal.status,
    resolution: appeal.resolution,
    priority: item.priority,
    slaDueDate: appeal.slaDueDate,
    // The instant the SLA runs out (the end of slaDueDate in Asia/Shanghai), for a countdown.
    slaDueAt: iso(appeal.slaDueAt),
    slaBreached: item.slaBreached,
    amountAtStake: toDecimalString(appeal.amountAtStake),
    amountAtStakeFen: appeal.amountAtStake.toString(),
    assignee: appeal.assignee,
    recheckVerdict: appeal.recheckDiff?.verdict ?? null,
    // An overturn waiting for a second reviewer: the maker and the terms (the approvals inbox lists these).
    proposal: proposalView(appeal.proposal),
    filedAt: appeal.filedAt.toISOString(),
  };
}

/** The reviewer's case file: the appeal, both decisions with their evidence and the diff, the customer. */
export function caseFileView(file: CaseFile) {
  const snapshot = file.history.snapshot;
  return {
    appeal: appealView(file.appeal),
    priority: file.priority,
    slaBreached: file.slaBreached,
    original: decisionView(file.original, { evidence: true }),
    recheck: file.recheck ? decisionView(file.recheck, { evidence: true }) : null,
    diff: file.appeal.recheckDiff,
    override: file.override ? decisionView(file.override) : null,
    evidence: file.evidence.map(evidenceView),
    customer: file.customer,
    history: {
      decisions: file.history.decisions.map(decisionSummaryView),
      appeals: file.history.appeals.map((appeal) => ({
        appealId: appeal.id,
        decisionId: appeal.decisionId,
        category: appeal.category,
        status: appeal.status,
        resolution: appeal.resolution,
        filedAt: appeal.filedAt.toISOString(),
      })),
      loans: file.history.loans.map((loan) => ({
        loanId: loan.contract.loanId,
        status: loan.status,
        principal: toDecimalString(loan.contract.principal),
        principalFen: loan.contract.principal.toString(),
        daysPastDue: loan.daysPastDue,
        bucket: loan.bucket,
        asOf: loan.asOf,
      })),
      facilities: file.history.facilities.map((facility) => ({
        facilityId: facility.id,
        product: facility.product,
        status: facility.status,
        limit: toDecimalString(facility.limit),
        limitFen: facility.limit.toString(),
        used: toDecimalString(facility.used),
        usedFen: facility.used.toString(),
        apr: toExactRateString(facility.apr),
        decisionId: facility.decisionId,
      })),
      // The events summarised as the snapshot reads them now (features, holds, verification).
      snapshot: snapshot
        ? {
            asOf: snapshot.asOf.toISOString(),
            verification: {
              level: snapshot.verification.level,
              failures: [...snapshot.verification.failures],
              verifiedAt: iso(snapshot.verification.verifiedAt),
            },
            holds: snapshot.holds.map((hold) => ({
              reasonCode: hold.reasonCode,
              expiresAt: hold.expiresAt.toISOString(),
            })),
            features: snapshot.features,
          }
        : null,
    },
  };
}

export function auditEventView(event: AuditEvent) {
  return {
    seq: event.seq,
    auditId: event.id,
    action: event.action,
    actor: event.actor,
    at: event.at.toISOString(),
    statusBefore: event.statusBefore,
    statusAfter: event.statusAfter,
    before: event.before,
    after: event.after,
    note: event.note === null ? null : scrubPii(event.note),
  };
}

export function notificationView(notification: AppealNotification) {
  return {
    notificationId: notification.id,
    kind: notification.kind,
    text: notification.text,
    createdAt: notification.createdAt.toISOString(),
    deliveredAt: iso(notification.deliveredAt),
  };
}
