import { AppError } from '../platform/errors/app-error.ts';
import type { Money } from '../platform/money/money.ts';
import { ACCOUNT_KIND_INFO, ACCOUNT_KINDS, accountKey, balanceEffect, type AccountKind } from './account.ts';
import { validateEntry, type ContractBalances, type JournalEntry } from './journal.ts';

interface AccountTotals {
  debits: bigint;
  credits: bigint;
  balance: bigint;
}

/**
 * The ledger's rules in memory: the reference model the property tests compare the database against, and
 * the books of the in-memory simulation (the same pure servicing core, without I/O). It refuses exactly
 * what the database refuses — unbalanced entries, a source booked twice, a non-negative account going
 * negative — and a refused batch changes nothing.
 */
export class MemoryLedger {
  private readonly accounts = new Map<string, AccountTotals>();
  private readonly sourceKeys = new Set<string>();
  readonly journals: JournalEntry[] = [];

  /** Posts the entries atomically: all of them, or (on any violation) none. */
  post(entries: readonly JournalEntry[]): void {
    const staged = new Map<string, AccountTotals>();
    const keys = new Set<string>();
    for (const entry of entries) {
      validateEntry(entry);
      const sourceKey = `${entry.customerId}/${entry.sourceKey}`;
      if (this.sourceKeys.has(sourceKey) || keys.has(sourceKey)) {
        throw new AppError('CONFLICT', `journal source ${entry.sourceKey} is already booked`);
      }
      keys.add(sourceKey);
      for (const line of entry.lines) {
        const key = accountKey({
          customerId: entry.customerId,
          contractId: entry.contractId,
          kind: line.kind,
        });
        const current = staged.get(key) ?? {
          ...(this.accounts.get(key) ?? { debits: 0n, credits: 0n, balance: 0n }),
        };
        if (line.side === 'D') current.debits += line.amount;
        else current.credits += line.amount;
        current.balance += balanceEffect(line.kind, line.side, line.amount);
        staged.set(key, current);
      }
    }
    for (const [key, totals] of staged) {
      const kind = key.slice(key.lastIndexOf('/') + 1) as AccountKind;
      if (ACCOUNT_KIND_INFO[kind].nonNegative && totals.balance < 0n) {
        throw new AppError('UNPROCESSABLE', `account ${key} would go below zero`);
      }
    }
    for (const [key, totals] of staged) this.accounts.set(key, totals);
    for (const key of keys) this.sourceKeys.add(key);
    this.journals.push(...entries);
  }

  balanceOf(customerId: string, contractId: string, kind: AccountKind): Money {
    return (this.accounts.get(accountKey({ customerId, contractId, kind }))?.balance ?? 0n) as Money;
  }

  /** Every account kind's balance of one contract. */
  contractBalances(customerId: string, contractId: string): ContractBalances {
    const out: Partial<Record<AccountKind, Money>> = {};
    for (const kind of ACCOUNT_KINDS) {
      const totals = this.accounts.get(accountKey({ customerId, contractId, kind }));
      if (totals && totals.balance !== 0n) out[kind] = totals.balance as Money;
    }
    return out;
  }

  /** Σ debits and Σ credits over every account (equal in balanced books). */
  totals(): { debits: bigint; credits: bigint } {
    let debits = 0n;
    let credits = 0n;
    for (const totals of this.accounts.values()) {
      debits += totals.debits;
      credits += totals.credits;
    }
    return { debits, credits };
  }

  /** Recomputes every balance from the journals: what the cached balances must equal. */
  recomputedBalances(): Map<string, bigint> {
    const out = new Map<string, bigint>();
    for (const entry of this.journals) {
      for (const line of entry.lines) {
        const key = accountKey({
          customerId: entry.customerId,
          contractId: entry.contractId,
          kind: line.kind,
        });
        out.set(key, (out.get(key) ?? 0n) + balanceEffect(line.kind, line.side, line.amount));
      }
    }
    return out;
  }

  /** Cached balances keyed like `recomputedBalances`. */
  cachedBalances(): Map<string, bigint> {
    return new Map([...this.accounts].map(([key, totals]) => [key, totals.balance]));
  }
}
