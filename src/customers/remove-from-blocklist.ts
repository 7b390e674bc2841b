import { AppError } from '../platform/errors/app-error.ts';
import type { BlocklistEntry } from './customer.ts';
import type { CustomersDeps } from './customers-ports.ts';
import { findBlocklistEntry, removeBlocklistEntry } from './customers.pg.ts';
import { blocklistEntry, checkedText } from './customers-rules.ts';

/** Removes an entry in force, with a reason; NOT_FOUND for an unknown id, CONFLICT when already removed. */
export async function removeFromBlocklist(
  deps: Pick<CustomersDeps, 'db' | 'clock'>,
  input: { readonly id: string; readonly reason: string; readonly by: string },
): Promise<BlocklistEntry> {
  const { db, clock } = deps;
  const reason = checkedText('reason', input.reason, 500);
  const by = checkedText('by', input.by, 128);
  const removed = await removeBlocklistEntry(db, input.id, { removedAt: clock.now(), removedBy: by, reason });
  if (removed) return blocklistEntry(removed);
  const existing = await findBlocklistEntry(db, input.id);
  if (!existing) throw AppError.notFound('blocklist entry', input.id);
  throw new AppError('CONFLICT', `blocklist entry ${input.id} was removed already`);
}
