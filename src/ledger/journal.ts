import { AppError } from '../platform/errors/app-error.ts';
import { negateMoney, subMoney, ZERO, type Money } from '../platform/money/money.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import { ACCOUNT_KIND_INFO, ACCOUNT_KINDS, type AccountKind, type Side } from './account.ts';

/** One line of a journal entry: an amount (> 0) on one side of one account of the entry's contract. */
export interface PostingLine {
  readonly kind: AccountKind;
  readonly side: Side;
  readonly amount: Money;
}

/**
 * A journal entry: balanced lines on the accounts of one customer's contract, posted together or not at
 * all. `sourceKey` names what caused it (`day-end:ln_…:2026-02-15`, `repayment:ln_…:3`) and is unique per
 * customer, so the same cause can never be booked twice — a guard beneath the callers' own idempotency.
 */
export interface JournalEntry {
  readonly id: string;
  readonly customerId: string;
  readonly contractId: string;
  readonly sourceKey: string;
  /** What kind of business event: `drawdown`, `repayment`, `day-end`, `write-off`, … (free text, short). */
  readonly kind: string;
  readonly effectiveDate: LocalDate;
  readonly description: string;
  /** Set on an entry that undoes another one exactly (corrections are reversals, never updates). */
  readonly reversesJournalId?: string | undefined;
  readonly lines: readonly PostingLine[];
}

/** A stored entry, as read back. */
export interface PostedJournal extends JournalEntry {
  readonly postedAt: Date;
}

/**
 * Checks the double-entry rules before anything is written: at least two lines, every amount above zero,
 * debits equal credits. The database enforces the same rules again (migration 0401), so a bug here cannot
 * unbalance the books; this check gives the caller a clear error instead of a constraint violation.
 */
export function validateEntry(entry: JournalEntry): void {
  if (entry.lines.length < 2) {
    throw AppError.invalid('lines', 'at-least-two', `journal ${entry.sourceKey} needs at least two lines`);
  }
  let debits = 0n;
  let credits = 0n;
  for (const [index, line] of entry.lines.entries()) {
    if (!(ACCOUNT_KINDS as readonly string[]).includes(line.kind)) {
      throw AppError.invalid(`lines[${index}].kind`, 'account-kind', `unknown account kind ${line.kind}`);
    }
    if (typeof line.amount !== 'bigint' || line.amount <= 0n) {
      throw AppError.invalid(`lines[${index}].amount`, 'positive', 'every line amount must be above zero');
    }
    if (line.side === 'D') debits += line.amount;
    else if (line.side === 'C') credits += line.amount;
    else throw AppError.invalid(`lines[${index}].side`, 'one-of', 'side must be D or C');
  }
  if (debits !== credits) {
    throw AppError.invalid(
      'lines',
      'balanced',
      `journal ${entry.sourceKey} does not balance: debits ${debits} ≠ credits ${credits}`,
    );
  }
}

/** Balances by account kind (normal side positive) of one contract. */
export type ContractBalances = Readonly<Partial<Record<AccountKind, Money>>>;

/**
 * The lines that move one contract's balances from `before` to `after`: a debit-normal account that grows
 * is debited, one that shrinks is credited, and the other way round for credit-normal accounts. When the
 * balances obey the accounting identity, the lines balance; `validateEntry` checks it.
 */
export function linesForBalanceChange(before: ContractBalances, after: ContractBalances): PostingLine[] {
  const lines: PostingLine[] = [];
  for (const kind of ACCOUNT_KINDS) {
    const delta = subMoney(after[kind] ?? ZERO, before[kind] ?? ZERO);
    if (delta === 0n) continue;
    const grows = delta > 0n;
    const normal = ACCOUNT_KIND_INFO[kind].normalSide;
    const side: Side = grows ? normal : normal === 'D' ? 'C' : 'D';
    lines.push({ kind, side, amount: grows ? delta : negateMoney(delta) });
  }
  return lines;
}

/** The entry that undoes `original` exactly: the same lines on the opposite sides. */
export function reversalOf(
  original: JournalEntry,
  ids: { id: string; sourceKey: string; effectiveDate: LocalDate; description: string },
): JournalEntry {
  return {
    id: ids.id,
    customerId: original.customerId,
    contractId: original.contractId,
    sourceKey: ids.sourceKey,
    kind: 'reversal',
    effectiveDate: ids.effectiveDate,
    description: ids.description,
    reversesJournalId: original.id,
    lines: original.lines.map((line) => ({ ...line, side: line.side === 'D' ? 'C' : 'D' })),
  };
}
