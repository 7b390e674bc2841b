import type { AuditLog } from '../platform/audit/audit-log.ts';
import type { Database, Queryable } from '../platform/database/database.ts';
import type { IdGenerator } from '../platform/ids/ids.ts';
import type { Clock } from '../platform/time/clock.ts';
import type { ChangeActor, ChangeKind, ChangeRequest, ChangeStatus } from './change-requests.ts';
import type { LendingSettings } from './lending-settings.ts';
import type { SettingsChangeRequest } from './settings-change.ts';

/** What the registry of scoring models offers the four-eyes inbox (a port: the policy context owns no models). */
export interface ModelActivationPort {
  /** The model's status; NOT_FOUND when there is no such version. */
  status(version: string): Promise<'candidate' | 'active' | 'retired'>;
  /** Activates the model (retiring the active one) inside the deciding transaction. */
  activate(tx: Queryable, version: string, at: Date): Promise<void>;
  /** Forgets any cached active scorer once the decision has committed. */
  forget(): void;
}

/**
 * What the four-eyes use cases need of the policy use cases (`createPolicyService` provides it): the
 * settings as they stand, and applying an approved change inside the deciding transaction.
 */
export interface PolicyChangePort {
  settings(): Promise<LendingSettings>;
  isFresh(): Promise<{ readonly policies: boolean; readonly settings: boolean }>;
  applySettings(tx: Queryable, value: LendingSettings): Promise<void>;
  approvePolicyChange(tx: Queryable, change: ChangeRequest): Promise<void>;
  /** Forgets the cached settings and versions in force (after a change is decided). */
  forgetCaches(): void;
}

/** What the four-eyes use cases need (storage is `change-requests.pg.ts`, taking the executor). */
export interface ChangeDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly policies: PolicyChangePort;
  readonly models: ModelActivationPort;
  readonly audit?: AuditLog;
}

/**
 * The four-eyes use cases: one inbox of change requests (policy versions, model activations, dated lending
 * settings), approve and reject by a second person. A decision and what it applies commit in one
 * transaction: an approved model is active, an approved setting stored, an approved policy version in force
 * from its date — or nothing changed. Every submission, approval and rejection is audited. Each use case is
 * a function of its own (`submit-*.ts`, `decide-change.ts`); this binds them to one set of dependencies.
 */
export interface ChangeService {
  /** Asks for a model to become the active one; it does on approval. */
  submitModelActivation(version: string, by: ChangeActor): Promise<ChangeRequest>;
  /** Asks for one dated lending setting; checked now as it will be on approval, applied from its date. */
  submitSettingsChange(request: SettingsChangeRequest, by: ChangeActor): Promise<ChangeRequest>;
  /**
   * Asks for a whole settings document (the shape of `policies/settings.json`, each entry dated); checked now
   * as on approval. On a fresh database (no setting loaded yet) it is the bootstrap: loaded at once.
   */
  submitSettingsDocument(
    document: Readonly<Record<string, unknown>>,
    by: ChangeActor,
  ): Promise<{ readonly change: ChangeRequest; readonly loaded: LendingSettings | null }>;
  list(filter?: {
    readonly status?: ChangeStatus;
    readonly kind?: ChangeKind;
    readonly limit?: number;
  }): Promise<ChangeRequest[]>;
  /** NOT_FOUND when there is no such request. */
  get(id: string): Promise<ChangeRequest>;
  /**
   * Approves and applies a pending change. FORBIDDEN (`maker-checker`) when `by` is the requester, CONFLICT
   * (`final`) when already decided; UNPROCESSABLE when it can no longer apply (its date passed, a check fails).
   */
  approve(id: string, by: ChangeActor, note?: string): Promise<ChangeRequest>;
  /** Rejects a pending change (nothing is applied); the same refusals as approve. */
  reject(id: string, by: ChangeActor, note?: string): Promise<ChangeRequest>;
}
