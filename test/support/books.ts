import { createPgIdempotencyStore } from '../../src/ledger/idempotency.pg.ts';
import { createPgLedger } from '../../src/ledger/ledger.pg.ts';

/**
 * The books the products' use cases, day-end steps and seeders take as ports (the ledger and the commands'
 * idempotency records), on the database adapters — what the composition root passes them.
 */
export function pgBooks() {
  return { ledger: createPgLedger(), idempotency: createPgIdempotencyStore() };
}
