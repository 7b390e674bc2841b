import type { AlongsideRead } from '../platform/database/database.ts';
import { AppError } from '../platform/errors/app-error.ts';
import type { CustomerSnapshot } from './customer.ts';
import type { CustomersDeps } from './customers-ports.ts';
import { loadSnapshotHistory, probeCustomer } from './customers.pg.ts';
import { decodeHistory, snapshotAt, type DecodedHistory } from './snapshot-history.ts';

/**
 * Everything decisions need, as of an instant (default: now): verification, age, profile, features,
 * holds, consents. Only events at or before `asOf` are read. NOT_FOUND for an unknown customer.
 */
export async function getSnapshot(
  deps: Pick<CustomersDeps, 'db' | 'clock' | 'snapshotCache'>,
  customerId: string,
  asOf: Date = deps.clock.now(),
): Promise<CustomerSnapshot> {
  if (!(asOf instanceof Date) || Number.isNaN(asOf.getTime()))
    throw AppError.invalid('asOf', 'instant', 'asOf must be a valid instant');
  // One primary-key read says whether the decoded history in memory is still every event there is
  // (and reads the blocklist at the instant); only when it is not are the events read again.
  const probe = await probeCustomer(deps.db, customerId, asOf);
  if (!probe) throw AppError.notFound('customer', customerId);
  return snapshotAt(await historyOf(deps, customerId, probe.eventsVersion), asOf, probe.blocklisted);
}

/**
 * The snapshot as `getSnapshot` makes it, and another context's read of the same customer (`alongside`,
 * e.g. lending's facility) carried by the snapshot's first statement: one round trip for both where two
 * reads would make two. The read sees the same committed state as the probe (one statement).
 */
export async function getSnapshotWith<T>(
  deps: Pick<CustomersDeps, 'db' | 'clock' | 'snapshotCache'>,
  customerId: string,
  asOf: Date,
  alongside: AlongsideRead<T>,
): Promise<{ readonly snapshot: CustomerSnapshot; readonly alongside: T }> {
  if (!(asOf instanceof Date) || Number.isNaN(asOf.getTime()))
    throw AppError.invalid('asOf', 'instant', 'asOf must be a valid instant');
  const probe = await probeCustomer(deps.db, customerId, asOf, alongside);
  if (!probe) throw AppError.notFound('customer', customerId);
  const history = await historyOf(deps, customerId, probe.eventsVersion);
  return { snapshot: snapshotAt(history, asOf, probe.blocklisted), alongside: probe.alongside as T };
}

/** The customer's decoded history at `eventsVersion` or later: the cached one, or read and decoded. */
async function historyOf(
  deps: Pick<CustomersDeps, 'db' | 'snapshotCache'>,
  customerId: string,
  eventsVersion: bigint,
): Promise<DecodedHistory> {
  const cached = deps.snapshotCache.get(customerId, eventsVersion);
  if (cached) return cached;
  const loaded = await loadSnapshotHistory(deps.db, customerId);
  if (!loaded) throw AppError.notFound('customer', customerId);
  const history = decodeHistory(loaded.subject, loaded.eventsVersion, loaded.rows);
  deps.snapshotCache.put(customerId, history);
  return history;
}
