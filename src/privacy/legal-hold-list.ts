import { businessDateOf } from '../platform/time/local-date.ts';
import { listLegalHolds, type LegalHold } from './erasure.pg.ts';
import type { PrivacyDeps } from './privacy-ports.ts';

/** Legal holds, newest first: of one customer or all; only those in force today with `inForce`. */
export async function legalHolds(
  deps: Pick<PrivacyDeps, 'db' | 'clock'>,
  filter: { readonly customerId?: string; readonly inForce?: boolean; readonly limit?: number } = {},
): Promise<LegalHold[]> {
  return listLegalHolds(deps.db, {
    ...(filter.customerId ? { customerId: filter.customerId } : {}),
    ...(filter.inForce ? { inForceOn: businessDateOf(deps.clock.now()) } : {}),
    limit: Math.min(Math.max(filter.limit ?? 100, 1), 500),
  });
}
