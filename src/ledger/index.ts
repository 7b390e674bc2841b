/**
 * The ledger's public surface for other contexts (issue 18): what they may import without reaching into the
 * ledger's files — accounts, journal entries and their checks, and the in-memory ledger of the in-memory
 * books. Nothing here opens a database; the adapters (`ledger.pg.ts`, `idempotency.pg.ts`) are wired by the
 * composition root or, until they become ports, imported by the use cases that own the transaction.
 */
export {
  canonicalJson,
  once,
  parseIdempotencyKey,
  requestHash,
  type IdempotencyScope,
  type IdempotencyStore,
} from './idempotency.ts';
export {
  ACCOUNT_KIND_INFO,
  ACCOUNT_KINDS,
  accountKey,
  balanceEffect,
  isAccountKind,
  type AccountKind,
  type AccountRef,
  type Side,
} from './account.ts';
export {
  linesForBalanceChange,
  reversalOf,
  validateEntry,
  type ContractBalances,
  type JournalEntry,
  type PostedJournal,
  type PostingLine,
} from './journal.ts';
export { MemoryLedger } from './memory-ledger.ts';
