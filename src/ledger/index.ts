/**
 * The ledger's public surface for other contexts (issue 18): what they may import without reaching into the
 * ledger's files. Nothing here opens a database; the adapters (`ledger.pg.ts`, `idempotency.pg.ts`) are wired
 * by the composition root or, until they become ports, imported by the use cases that own the transaction.
 */
export {
  canonicalJson,
  once,
  parseIdempotencyKey,
  requestHash,
  type IdempotencyScope,
  type IdempotencyStore,
} from './idempotency.ts';
export { balanceEffect, type AccountKind, type Side } from './account.ts';
export type { ContractBalances, JournalEntry } from './journal.ts';
