import type { CustomerPartition } from '../../platform/database/customer-partition.ts';
import type { Queryable } from '../../platform/database/database.ts';
import type { MessageDraft, MessageOutbox } from '../../platform/notifications/index.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { addDays, type LocalDate } from '../../platform/time/local-date.ts';
import type { ContractStore } from '../shared/contract-store.pg.ts';
import type { DayEndItem, DayEndProcessor } from './day-end.ts';

/** How one product's accounts are read for reminders (SQL in the product's `*.pg.ts` adapter). */
export interface ReminderSource<Account> {
  /** The run log's key: `cash-loan-reminders`, `credit-line-reminders`. */
  readonly product: string;
  /** The product processor's first pending date: reminders start with the first date it processes. */
  earliestPending(q: Queryable): Promise<LocalDate | undefined>;
  countOpen(q: Queryable): Promise<number>;
  /**
   * Open accounts after `afterId` in id order, at most `limit` (every one, behind or not); with `partition`,
   * only its customers'.
   */
  listOpen(
    q: Queryable,
    afterId: string,
    limit: number,
    partition?: CustomerPartition,
  ): Promise<DayEndItem[]>;
  /** The accounts' current contract and state (not locked: reminders change nothing of them). */
  load(q: Queryable, items: readonly DayEndItem[]): Promise<Account[]>;
  /** The messages of one account for a notice day (pure). */
  remind(account: Account, noticeDay: LocalDate): MessageDraft[];
  /** Messages about what happened on the date (statements cut on it), sent even when catching up. */
  ofDate?(q: Queryable, items: readonly DayEndItem[], date: LocalDate): Promise<MessageDraft[]>;
}

/**
 * The reading half of a reminder source over a product's contract store: open contracts, counted, paged and
 * loaded; pending from the product's own earliest day-end date.
 */
export function openContractsOf<Account>(
  store: ContractStore<Account>,
): Pick<ReminderSource<Account>, 'earliestPending' | 'countOpen' | 'listOpen' | 'load'> {
  return {
    earliestPending: (q) => store.earliestBehind(q),
    countOpen: (q) => store.countOpen(q),
    listOpen: (q, afterId, limit, partition) => store.listOpen(q, afterId, limit, partition),
    load: (q, items) => store.load(q, items),
  };
}

/**
 * Reminders as a day-end step of their own, listed after the product's processor: for business date D it
 * reads every open account (brought up to D by the product's step, or by a command during the day) and
 * writes the messages for the notice day D + 1 through the outbox, in the chunk's transaction. Exactly once
 * by the outbox's de-duplication key: a crash and rerun, or a second run, writes nothing twice; the run log
 * records the date done. Catching up skipped dates writes only what is still true to say: a date whose
 * notice day is before today (the batch did not run that night) is passed over — "due tomorrow" about a
 * date gone by would mislead, and the overdue notice of a later milestone follows — while what happened on
 * the date (`ofDate`: a statement cut) is still written.
 */
export function createReminderProcessor<Account>(
  source: ReminderSource<Account>,
  deps: { readonly clock: Clock; readonly outbox: MessageOutbox },
): DayEndProcessor {
  return {
    product: source.product,
    earliestPending: (q) => source.earliestPending(q),
    countBehind: (q) => source.countOpen(q),
    listBehind: (q, _date, afterId, limit, partition) => source.listOpen(q, afterId, limit, partition),
    async advance(tx, items, date) {
      const noticeDay = addDays(date, 1);
      const drafts: MessageDraft[] = [];
      if (noticeDay >= deps.clock.today()) {
        const accounts = await source.load(tx, items);
        drafts.push(...accounts.flatMap((account) => source.remind(account, noticeDay)));
      }
      // What happened on the date (a statement cut) is still true to say when catching up.
      if (source.ofDate) drafts.push(...(await source.ofDate(tx, items, date)));
      await deps.outbox.write(tx, drafts);
      return items.length;
    },
  };
}
