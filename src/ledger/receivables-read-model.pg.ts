import type { ReceivablesReadModel } from '../monitoring/index.ts';
import type { Queryable } from '../platform/database/database.ts';
import type { LocalDate } from '../platform/time/local-date.ts';

/** The receivable accounts whose sum is what a customer owes on a contract. */
const RECEIVABLE_KINDS_SQL = `'principal_receivable', 'interest_receivable', 'fee_receivable', 'penalty_receivable'`;

/**
 * The net receivable postings per contract and month (`YYYY-MM`, effective date) up to `through`, for the
 * given (customer, contract) pairs — contract ids are unique across customers, so the two lists filter
 * exactly those pairs. One grouped scan of `ledger_postings_by_account`, grouped by the customer too, so on
 * a distributed store each shard answers for its own customers (plain filters, no join, no subquery).
 */
async function receivablesByMonth(
  q: Queryable,
  contracts: ReadonlyArray<{ readonly customerId: string; readonly contractId: string }>,
  through: LocalDate,
): Promise<Map<string, Map<string, bigint>>> {
  const byContract = new Map<string, Map<string, bigint>>();
  if (contracts.length === 0) return byContract;
  const result = await q.query<{ customer_id: string; contract_id: string; month: string; net: bigint }>(
    `select p.customer_id, p.contract_id, to_char(p.effective_date, 'YYYY-MM') as month,
            sum(case when p.side = 'D' then p.amount else -p.amount end)::bigint as net
       from ledger_postings p
      where p.customer_id = any($1::text[]) and p.contract_id = any($2::text[])
        and p.kind in (${RECEIVABLE_KINDS_SQL}) and p.effective_date <= $3::date
      group by p.customer_id, p.contract_id, to_char(p.effective_date, 'YYYY-MM')`,
    [[...new Set(contracts.map((c) => c.customerId))], contracts.map((c) => c.contractId), through],
  );
  for (const row of result.rows) {
    const months = byContract.get(row.contract_id) ?? new Map<string, bigint>();
    months.set(row.month, BigInt(row.net));
    byContract.set(row.contract_id, months);
  }
  return byContract;
}

/** Monitoring's `ReceivablesReadModel` over the ledger's postings. */
export function createPgReceivablesReadModel(q: Queryable): ReceivablesReadModel {
  return { receivablesByMonth: (contracts, through) => receivablesByMonth(q, contracts, through) };
}
