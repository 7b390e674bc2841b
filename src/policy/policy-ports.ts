import type { AuditLog } from '../platform/audit/audit-log.ts';
import type { Database } from '../platform/database/database.ts';
import type { IdGenerator } from '../platform/ids/ids.ts';
import type { Clock } from '../platform/time/clock.ts';
import type { PolicyCaches } from './policy-cache.ts';

/** What the policy context's use cases need (storage is `policy.pg.ts`, taking the executor). */
export interface PolicyDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Records submissions and bootstraps (approvals and rejections are recorded by the change use cases). */
  readonly audit?: AuditLog | undefined;
  readonly caches: PolicyCaches;
}
