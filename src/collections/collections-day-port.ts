import type { CustomerPartition } from '../platform/database/customer-partition.ts';
import type { Queryable } from '../platform/database/database.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import type { AccountFacts } from './collection-case.ts';

/** What one chunk of the collections step did (for the run report and the tests). */
export interface CollectionsDayResult {
  readonly accounts: number;
  readonly opened: number;
  readonly moved: number;
  readonly closed: number;
  readonly kept: number;
  readonly broken: number;
  readonly notices: number;
}

/**
 * The collections context's side of the day-end's collections step (the lending context's processor,
 * `lending/eod/collections-processor.pg.ts`, reads the accounts and hands their facts over). Every method
 * takes the caller's executor; `apply` runs inside the chunk's transaction.
 */
export interface CollectionsDay {
  /**
   * Accounts with an open case or a pending promise, in account-id order after `afterId`, at most `limit`;
   * with `partition`, only its customers'.
   */
  tracked(
    q: Queryable,
    afterId: string,
    limit: number,
    partition?: CustomerPartition,
  ): Promise<{ customerId: string; id: string }[]>;
  countTracked(q: Queryable): Promise<number>;
  /** The earliest day a pending promise of each account was made: payments from then on are needed. */
  promiseWindows(
    q: Queryable,
    refs: readonly { customerId: string; id: string }[],
  ): Promise<Map<string, LocalDate>>;
  /** Opens, follows and closes the accounts' cases for `date`, resolves promises, writes notices. */
  apply(tx: Queryable, facts: readonly AccountFacts[], date: LocalDate): Promise<CollectionsDayResult>;
}
