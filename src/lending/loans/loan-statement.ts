import { balanceEffect, type AccountKind } from '../../ledger/index.ts';
import type { ContractBalances } from '../../ledger/index.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import { load } from './loan-command.ts';
import type { LoanDeps, LoanService } from './loan-ports.ts';
import { viewOf, type StatementLine } from './loan-view.ts';

/** Statement of account between two dates: opening and closing balances and every entry in between. */
export async function loanStatement(
  deps: LoanDeps,
  loanId: Parameters<LoanService['statement']>[0],
  range: NonNullable<Parameters<LoanService['statement']>[1]> = {},
): ReturnType<LoanService['statement']> {
  const record = await load(deps, loanId);
  const from = range.from ?? record.contract.startDate;
  const to = range.to ?? deps.clock.today();
  if (from > to) throw AppError.invalid('from', 'before-to', 'from must not be after to');
  const postings = await deps.ledger.contractPostings(deps.db, record.contract.customerId, loanId);
  const opening: Partial<Record<AccountKind, bigint>> = {};
  const closing: Partial<Record<AccountKind, bigint>> = {};
  const entries = new Map<
    string,
    { journalId: string; date: LocalDate; kind: string; description: string; lines: StatementLine[] }
  >();
  for (const posting of postings) {
    if (posting.effectiveDate > to) continue;
    const effect = balanceEffect(posting.kind, posting.side, posting.amount);
    closing[posting.kind] = (closing[posting.kind] ?? 0n) + effect;
    if (posting.effectiveDate < from) {
      opening[posting.kind] = (opening[posting.kind] ?? 0n) + effect;
      continue;
    }
    let entry = entries.get(posting.journalId);
    if (!entry) {
      entry = {
        journalId: posting.journalId,
        date: posting.effectiveDate,
        kind: posting.journalKind,
        description: posting.description,
        lines: [],
      };
      entries.set(posting.journalId, entry);
    }
    entry.lines.push({ kind: posting.kind, side: posting.side, amount: posting.amount });
  }
  return {
    loan: viewOf(record.contract, record.state),
    from,
    to,
    opening: opening as ContractBalances,
    closing: closing as ContractBalances,
    entries: [...entries.values()],
  };
}
