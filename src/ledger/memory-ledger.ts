import { AppError } from '../platform/errors/app-error.ts';
import { fen, type Money } from '../platform/money/money.ts';
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
  /** Accounts by contract (`customer/contract`), then by kind: a contract's balances are one lookup. */
  private readonly accounts = new Map<string, Map<AccountKind, AccountTotals>>();
  private readonly sourceKeys = new Set<string>();
  readonly journals: JournalEntry[] = [];
  /** An independent running sum of the journals' lines, advanced by `checkCache`. */
  private readonly tally = new Map<string, bigint>();
  private tallied = 0;

  /** Posts the entries atomically: all of them, or (on any violation) none. */
  post(entries: readonly JournalEntry[]): void {
    const staged = new Map<string, Map<AccountKind, AccountTotals>>();
    const keys = new Set<string>();
    for (const entry of entries) {
      validateEntry(entry);
      const sourceKey = `${entry.customerId}/${entry.sourceKey}`;
      if (this.sourceKeys.has(sourceKey) || keys.has(sourceKey)) {
        throw new AppError('CONFLICT', `journal source ${entry.sourceKey} is already booked`);
      }
      keys.add(sourceKey);
      const contractKey = `${entry.customerId}/${entry.contractId}`;
      let contract = staged.get(contractKey);
      if (!contract) {
        contract = new Map();
        staged.set(contractKey, contract);
      }
      for (const line of entry.lines) {
        let current = contract.get(line.kind);
        if (!current) {
          const existing = this.accounts.get(contractKey)?.get(line.kind);
          current = existing ? { ...existing } : { debits: 0n, credits: 0n, balance: 0n };
          contract.set(line.kind, current);
        }
        if (line.side === 'D') current.debits += line.amount;
        else current.credits += line.amount;
        current.balance += balanceEffect(line.kind, line.side, line.amount);
      }
    }
    for (const [contractKey, contract] of staged) {
      for (const [kind, totals] of contract) {
        if (ACCOUNT_KIND_INFO[kind].nonNegative && totals.balance < 0n) {
          throw new AppError('UNPROCESSABLE', `account ${contractKey}/${kind} would go below zero`);
        }
      }
    }
    for (const [contractKey, contract] of staged) {
      let target = this.accounts.get(contractKey);
      if (!target) {
        target = new Map();
        this.accounts.set(contractKey, target);
      }
      for (const [kind, totals] of contract) target.set(kind, totals);
    }
    for (const key of keys) this.sourceKeys.add(key);
    this.journals.push(...entries);
  }

  balanceOf(customerId: string, contractId: string, kind: AccountKind): Money {
    return fen(this.accounts.get(`${customerId}/${contractId}`)?.get(kind)?.balance ?? 0n);
  }

  /** Every account kind's balance of one contract. */
  contractBalances(customerId: string, contractId: string): ContractBalances {
    const out: Partial<Record<AccountKind, Money>> = {};
    const contract = this.accounts.get(`${customerId}/${contractId}`);
    if (!contract) return out;
    for (const kind of ACCOUNT_KINDS) {
      const totals = contract.get(kind);
      if (totals && totals.balance !== 0n) out[kind] = fen(totals.balance);
    }
    return out;
  }

  /** Σ debits and Σ credits over every account (equal in balanced books). */
  totals(): { debits: bigint; credits: bigint } {
    let debits = 0n;
    let credits = 0n;
    for (const contract of this.accounts.values()) {
      for (const totals of contract.values()) {
        debits += totals.debits;
        credits += totals.credits;
      }
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

  /**
   * Checks the cached balances against a separate sum of every journal line, adding only the journals
   * posted since the last call to that sum — the same check as `recomputedBalances`, at a cost that does
   * not grow with history (so a simulation can run it every day). Returns the accounts that differ.
   */
  checkCache(): string[] {
    for (; this.tallied < this.journals.length; this.tallied += 1) {
      const entry = this.journals[this.tallied] as JournalEntry;
      for (const line of entry.lines) {
        const key = accountKey({
          customerId: entry.customerId,
          contractId: entry.contractId,
          kind: line.kind,
        });
        this.tally.set(key, (this.tally.get(key) ?? 0n) + balanceEffect(line.kind, line.side, line.amount));
      }
    }
    const differ: string[] = [];
    let count = 0;
    for (const [contractKey, contract] of this.accounts) {
      for (const [kind, totals] of contract) {
        count += 1;
        const key = `${contractKey}/${kind}`;
        if ((this.tally.get(key) ?? 0n) !== totals.balance) differ.push(key);
      }
    }
    if (this.tally.size !== count) differ.push('account sets differ');
    return differ;
  }

  /** Cached balances keyed like `recomputedBalances`. */
  cachedBalances(): Map<string, bigint> {
    const out = new Map<string, bigint>();
    for (const [contractKey, contract] of this.accounts) {
      for (const [kind, totals] of contract) out.set(`${contractKey}/${kind}`, totals.balance);
    }
    return out;
  }
}
