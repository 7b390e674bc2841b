import { AppError } from '../platform/errors/app-error.ts';
import type { BlocklistEntry } from './customer.ts';
import type { CustomersDeps } from './customers-ports.ts';
import { listBlocklist as listStoredBlocklist } from './customers.pg.ts';
import { blocklistEntry } from './customers-rules.ts';

/** Blocklist entries, newest first: those in force, or every one with `all` (at most `limit`, 1–1000). */
export async function listBlocklist(
  deps: Pick<CustomersDeps, 'db'>,
  options: { readonly all?: boolean; readonly limit?: number } = {},
): Promise<BlocklistEntry[]> {
  const limit = options.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw AppError.invalid('limit', 'range', 'limit must be from 1 to 1000');
  return (await listStoredBlocklist(deps.db, { all: options.all === true, limit })).map(blocklistEntry);
}
