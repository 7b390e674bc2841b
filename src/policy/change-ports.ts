import type { AuditLog } from '../platform/audit/audit-log.ts';
import type { Database, Queryable } from '../platform/database/database.ts';
import type { IdGenerator } from '../platform/ids/ids.ts';
import type { Clock } from '../platform/time/clock.ts';
import type { ChangeRequest } from './change-requests.ts';
import type { LendingSettings } from './lending-settings.ts';

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
