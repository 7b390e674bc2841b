import type { Database } from '../platform/database/database.ts';
import type { BureauQueryRecord } from './bureau.ts';
import type {
  BureauQueryLog,
  BureauReportStore,
  NegativeNotice,
  StoredReportRecord,
} from './bureau-ports.ts';

/** What a customer's copy of their data lists of the bureau (PIPL Art. 45): every query, notice and report record. */
export interface BureauUseOfCustomer {
  readonly queries: readonly BureauQueryRecord[];
  readonly notices: readonly NegativeNotice[];
  readonly reported: readonly StoredReportRecord[];
}

/**
 * A customer's bureau use, oldest query first: what a copy of their data (the privacy export) lists. The
 * read the export calls, through `BureauService.useOf`.
 */
export async function listBureauUse(
  deps: { readonly db: Database; readonly log: BureauQueryLog; readonly store: BureauReportStore },
  customerId: string,
): Promise<BureauUseOfCustomer> {
  const [queries, notices, reported] = await Promise.all([
    deps.log.list(deps.db, customerId),
    deps.store.noticesOf(deps.db, customerId),
    deps.store.recordsOf(deps.db, customerId),
  ]);
  return { queries, notices, reported };
}
