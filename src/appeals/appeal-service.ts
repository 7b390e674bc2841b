import type { Principal } from '../platform/auth/api-keys.ts';
import type { BusinessCalendar } from '../platform/time/business-calendar.ts';
import type { Appeal, AppealNotification, AuditEvent } from './appeal.ts';
import { appealCaseFile, type CaseFile } from './appeal-case-file.ts';
import { appealHistory } from './appeal-history.ts';
import { appealNotifications } from './appeal-notifications.ts';
import type { AppealDeps, AppealServiceDeps } from './appeal-ports.ts';
import { appealCalendar, type AppealSettings } from './appeal-settings.ts';
import { appealStats, type AppealStats } from './appeal-stats.ts';
import { approveOverturn } from './approve-overturn.ts';
import { assignAppeal } from './assign-appeal.ts';
import { claimAppeal } from './claim-appeal.ts';
import { claimNextAppeal } from './claim-next-appeal.ts';
import { commentOnAppeal } from './comment-on-appeal.ts';
import { customerAppealView, type CustomerAppealView } from './customer-appeal-view.ts';
import { decideAppeal, type ReviewerDecision } from './decide-appeal.ts';
import type { EvidenceInfo } from './evidence.ts';
import { appealEvidenceContent } from './evidence-content.ts';
import { fileAppeal, type FileAppealInput } from './file-appeal.ts';
import { getAppeal } from './get-appeal.ts';
import { listAppeals, type AppealListFilter, type QueueItem } from './list-appeals.ts';
import { recheckAppeal } from './recheck-appeal.ts';
import { recordSlaBreaches } from './record-sla-breaches.ts';
import { recoverAppeals, type RecoveryReport } from './recover-appeals.ts';
import { reencryptAppealEvidence } from './reencrypt-evidence.ts';
import { rejectOverturn } from './reject-overturn.ts';
import { releaseAppeal } from './release-appeal.ts';
import { uploadEvidence } from './upload-evidence.ts';
import { withdrawAppeal } from './withdraw-appeal.ts';

/**
 * The appeals context's use cases bound to their dependencies, for the routes, the CLI and the composition
 * root. Each use case is a function of its own file (`file-appeal.ts`, `recheck-appeal.ts`,
 * `decide-appeal.ts`, …) taking `(deps, input)`; this object only binds `deps` and keeps the positional
 * signatures its callers use. See docs/appeals.md for the flow.
 */

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
  list(filter?: AppealListFilter): Promise<QueueItem[]>;
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

/** The use cases' dependencies: the service's, with the SLA calendar built once from the settings. */
export function appealDeps(deps: AppealServiceDeps): AppealDeps {
  return { ...deps, calendar: appealCalendar(deps.settings) };
}

export function createAppealService(serviceDeps: AppealServiceDeps): AppealService {
  const deps = appealDeps(serviceDeps);
  return {
    calendar: deps.calendar,
    settings: deps.settings,
    uploadEvidence: (input) => uploadEvidence(deps, input),
    file: (input, by) => fileAppeal(deps, { ...input, by }),
    recheck: (appealId) => recheckAppeal(deps, { appealId }),
    recover: (options) => recoverAppeals(deps, options),
    recordSlaBreaches: (options) => recordSlaBreaches(deps, options),
    withdraw: (appealId, customerId, by) => withdrawAppeal(deps, { appealId, customerId, by }),
    customerView: (appealId, customerId) => customerAppealView(deps, { appealId, customerId }),
    get: (appealId) => getAppeal(deps, { appealId }),
    list: (filter) => listAppeals(deps, filter),
    caseFile: (appealId) => appealCaseFile(deps, { appealId }),
    claim: (appealId, by) => claimAppeal(deps, { appealId, by }),
    claimNext: (by) => claimNextAppeal(deps, { by }),
    assign: (appealId, reviewerKeyId, by) => assignAppeal(deps, { appealId, reviewerKeyId, by }),
    release: (appealId, by) => releaseAppeal(deps, { appealId, by }),
    comment: (appealId, note, by) => commentOnAppeal(deps, { appealId, note, by }),
    decide: (appealId, decision, by) => decideAppeal(deps, { appealId, decision, by }),
    approve: (appealId, by) => approveOverturn(deps, { appealId, by }),
    reject: (appealId, note, by) => rejectOverturn(deps, { appealId, note, by }),
    history: (appealId) => appealHistory(deps, { appealId }),
    notifications: (appealId) => appealNotifications(deps, { appealId }),
    evidenceContent: (appealId, evidenceId) => appealEvidenceContent(deps, { appealId, evidenceId }),
    reencryptEvidence: (options) => reencryptAppealEvidence(deps, options),
    stats: (range) => appealStats(deps, range),
  };
}
