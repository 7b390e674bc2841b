import type { AuditLog } from '../platform/audit/audit-log.ts';
import type { Database } from '../platform/database/database.ts';
import type { IdGenerator } from '../platform/ids/ids.ts';
import type { Clock } from '../platform/time/clock.ts';
import type { CustomerKeyring } from './data-key.ts';

/**
 * What the privacy context's use cases need, wired once by the composition root. Each use case takes only
 * the part it uses (`Pick<PrivacyDeps, …>`).
 */
export interface PrivacyDeps {
  /** The database the data keys, requests, holds and retention rules are stored in. */
  readonly db: Database;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Customers' data keys, wrapped by the lender's PII keys. */
  readonly keyring: CustomerKeyring;
  /** Staff actions and every data-subject request's decision go to the audit log. */
  readonly audit: AuditLog;
}
