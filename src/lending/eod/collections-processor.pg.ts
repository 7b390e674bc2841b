import type { AccountFacts, CollectionsDay } from '../../collections/index.ts';
import { inCustomerPartition, type CustomerPartition } from '../../platform/database/customer-partition.ts';
import type { Queryable } from '../../platform/database/database.ts';
import { moneyFromDb, type Money } from '../../platform/money/money.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import { lineStore } from '../credit-lines/credit-lines.pg.ts';
import { loanStore } from '../loans/loans.pg.ts';
import { lineFacts, loanFacts } from './collections-facts.ts';
import type { DayEndItem, DayEndProcessor } from './day-end.ts';

/**
 * The collections step of the day-end (`collections`), listed after the products' steps and their
 * reminders: for business date D it reads every delinquent account (a cash loan with an instalment past
 * due, a credit line with a minimum unmet past its due date) and every account collections still tracks
 * (an open case, a pending promise), works out each one's facts on D from the product's state, and hands
 * them to the collections context in the chunk's transaction, which opens, follows or closes the cases,
 * keeps or breaks promises and writes the strategy's notices. Exactly once per (account, date) by the
 * cases' `observed_through` (see `applyCollectionsDay`); the run log records the date done.
 */
export function createCollectionsProcessor(deps: { readonly collections: CollectionsDay }): DayEndProcessor {
  const { collections } = deps;
  return {
    product: 'collections',
    async earliestPending(q) {
      // With the products' first pending dates: collections starts with the first date they process.
      const [loans, lines] = await Promise.all([loanStore.earliestBehind(q), lineStore.earliestBehind(q)]);
      return loans && lines ? (loans < lines ? loans : lines) : (loans ?? lines);
    },
    async countBehind(q) {
      const delinquent = await q.query<{ n: bigint }>(
        `select (select count(*) from loans where status = 'active' and days_past_due > 0)
              + (select count(*) from credit_lines where closed_on is null and days_past_due > 0) as n`,
      );
      return Number(delinquent.rows[0]?.n ?? 0n) + (await collections.countTracked(q));
    },
    async listBehind(q, _date, afterId, limit, partition) {
      const [loans, lines, tracked] = await Promise.all([
        delinquent(q, 'loans', "status = 'active'", afterId, limit, partition),
        delinquent(q, 'credit_lines', 'closed_on is null', afterId, limit, partition),
        collections.tracked(q, afterId, limit, partition),
      ]);
      // Merged in id order, each account once: the first `limit` of the union is a correct page.
      const byId = new Map<string, DayEndItem>();
      for (const item of [...loans, ...lines, ...tracked]) byId.set(item.id, item);
      return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, limit);
    },
    async advance(tx, items, date) {
      const loanItems = items.filter((item) => item.id.startsWith('ln_'));
      const lineItems = items.filter((item) => item.id.startsWith('cl_'));
      const windows = await collections.promiseWindows(tx, items);
      // One statement at a time on the chunk's transaction.
      const loans = loanItems.length > 0 ? await loanStore.load(tx, loanItems) : [];
      const lines = lineItems.length > 0 ? await lineStore.load(tx, lineItems) : [];
      const payments = await paymentsSince(tx, items, windows);
      const facts: AccountFacts[] = [
        ...loans.map((loan) =>
          loanFacts(loan.contract, loan.state, date, payments.get(loan.contract.loanId) ?? []),
        ),
        ...lines.map((line) =>
          lineFacts(line.terms, line.state, line.closedOn, date, payments.get(line.terms.lineId) ?? []),
        ),
      ];
      facts.sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
      return (await collections.apply(tx, facts, date)).accounts;
    },
  };
}

async function delinquent(
  q: Queryable,
  table: 'loans' | 'credit_lines',
  open: string,
  afterId: string,
  limit: number,
  partition: CustomerPartition | undefined,
): Promise<DayEndItem[]> {
  const params: unknown[] = [afterId, limit];
  const mine = inCustomerPartition(partition, 'customer_id', params);
  const result = await q.query<{ customer_id: string; id: string }>(
    `select customer_id, id from ${table} where ${open} and days_past_due > 0 and id > $1${mine} order by id limit $2`,
    params,
  );
  return result.rows.map((row) => ({ customerId: row.customer_id, id: row.id }));
}

/**
 * Payments received for the accounts with a pending promise, with value dates from the earliest such
 * promise on: loan repayments (`loan_events`) and line payments (`credit_line_events`).
 */
async function paymentsSince(
  q: Queryable,
  items: readonly DayEndItem[],
  windows: ReadonlyMap<string, LocalDate>,
): Promise<Map<string, { effectiveDate: LocalDate; amount: Money }[]>> {
  const wanted = items.filter((item) => windows.has(item.id));
  const found = new Map<string, { effectiveDate: LocalDate; amount: Money }[]>();
  if (wanted.length === 0) return found;
  const params = [
    wanted.map((item) => item.customerId),
    wanted.map((item) => item.id),
    wanted.map((item) => windows.get(item.id) as string),
  ];
  const result = await q.query<{ account_id: string; effective_date: string; amount: bigint }>(
    `select e.loan_id as account_id, e.effective_date::text as effective_date, e.amount
       from loan_events e join unnest($1::text[], $2::text[], $3::date[]) as w (customer_id, account_id, since)
         on e.customer_id = w.customer_id and e.loan_id = w.account_id
      where e.kind = 'repayment' and e.effective_date >= w.since and e.customer_id = any ($1::text[])
     union all
     select e.line_id, e.effective_date::text, e.amount
       from credit_line_events e join unnest($1::text[], $2::text[], $3::date[]) as w (customer_id, account_id, since)
         on e.customer_id = w.customer_id and e.line_id = w.account_id
      where e.kind = 'payment' and e.effective_date >= w.since and e.customer_id = any ($1::text[])
     order by 1, 2`,
    params,
  );
  for (const row of result.rows) {
    const list = found.get(row.account_id) ?? [];
    list.push({
      effectiveDate: row.effective_date as LocalDate,
      amount: moneyFromDb(row.amount, 'payments.amount'),
    });
    found.set(row.account_id, list);
  }
  return found;
}
