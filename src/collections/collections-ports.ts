import type { AuditLog } from '../platform/audit/audit-log.ts';
import type { Principal } from '../platform/auth/api-keys.ts';
import type { Database } from '../platform/database/database.ts';
import { AppError } from '../platform/errors/app-error.ts';
import type { IdGenerator } from '../platform/ids/ids.ts';
import type { Clock } from '../platform/time/clock.ts';
import type { CollectorRef } from './collection-case.ts';
import type { StrategySource } from './collection-strategy.ts';

/** What the collectors' use cases need: the database, time, ids, the audit log and the dated strategies. */
export interface CollectionsDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly audit: AuditLog;
  readonly strategies: StrategySource;
}

/** Collectors (and admins) work cases; nobody else does. */
export function mustCollect(principal: Principal): void {
  if (principal.role !== 'collector' && principal.role !== 'admin')
    throw new AppError('FORBIDDEN', `role "${principal.role}" may not work collection cases`, {
      issues: [{ field: 'role', rule: 'collector', message: 'only collectors work collection cases' }],
    });
}

/** The collector a caller is: their key (or `staff:<user>`) and name. */
export const collectorOf = (principal: Principal): CollectorRef => ({
  id: principal.keyId,
  name: principal.name,
});
