import { balanceEffect } from '../../../src/ledger/account.ts';
import { contractPostings } from '../../../src/ledger/ledger.pg.ts';
import type { StatementDocument } from '../../../src/lending/credit-lines/line-servicing.ts';
import type { Database } from '../../../src/platform/database/database.ts';

/**
 * What the ledger says the customer owed on a line at the end of `beforeDate − 1`: receivables (principal,
 * interest, fees) of the line and every plan, less money held, from the raw postings.
 */
export async function ledgerNetOwed(
  db: Database,
  customerId: string,
  contractIds: readonly string[],
  beforeDate: string,
): Promise<bigint> {
  let net = 0n;
  for (const contractId of contractIds) {
    for (const posting of await contractPostings(db, customerId, contractId)) {
      if (posting.effectiveDate >= beforeDate) continue;
      const effect = balanceEffect(posting.kind, posting.side, posting.amount);
      if (posting.kind === 'customer_overpayment') net -= effect;
      else if (posting.kind.endsWith('_receivable')) net += effect;
    }
  }
  return net;
}

/** The plan contracts a line's statements and events mention. */
export async function planIdsOf(db: Database, customerId: string, lineId: string): Promise<string[]> {
  const result = await db.query<{ ref_id: string }>(
    `select ref_id from credit_line_events where customer_id = $1 and line_id = $2 and kind = 'conversion' order by seq`,
    [customerId, lineId],
  );
  return result.rows.map((row) => row.ref_id);
}

/**
 * For every statement: closing balance + converted principal not yet billed = what the ledger says was owed
 * at the end of the cycle + the instalment fees billed on the statement date. Returns the mismatches.
 */
export async function statementsAgainstLedger(
  db: Database,
  customerId: string,
  lineId: string,
  statements: readonly StatementDocument[],
): Promise<string[]> {
  const contracts = [lineId, ...(await planIdsOf(db, customerId, lineId))];
  const mismatches: string[] = [];
  for (const statement of statements) {
    const ledger = await ledgerNetOwed(db, customerId, contracts, statement.statementDate);
    const expected = statement.closingBalance + statement.instalmentsNotYetBilled;
    if (ledger + statement.fees !== expected) {
      mismatches.push(`statement ${statement.seq}: ledger ${ledger} + fees ${statement.fees} ≠ ${expected}`);
    }
  }
  return mismatches;
}
