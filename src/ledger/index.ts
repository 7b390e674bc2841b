/**
 * The ledger's public surface for other contexts (issue 18): what they may import without reaching into the
 * ledger's files — accounts, journal entries and their checks, and the in-memory ledger of the in-memory
 * books — and the two ports the products book through: `LedgerPort` (accounts, journals, postings) and
 * `IdempotencyStore`. Nothing here opens a database; their adapters (`createPgLedger` in `ledger.pg.ts`,
 * `createPgIdempotencyStore` in `idempotency.pg.ts`) are built by the composition root and passed in the
 * use cases' deps, which take the caller's transaction.
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
export type { LedgerPort, PostingView } from './ledger-ports.ts';
export { MemoryLedger } from './memory-ledger.ts';
