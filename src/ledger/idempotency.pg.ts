import { AppError } from '../platform/errors/app-error.ts';
import { toJson } from '../platform/database/database.ts';
import { requestHash, type IdempotencyScope, type IdempotencyStore } from './idempotency.ts';

interface ClaimRow {
  request_hash: string;
  response: unknown;
}

/** Idempotency records in `idempotency_keys` (migration 0401). */
export function createPgIdempotencyStore(): IdempotencyStore {
  return {
    async claim(tx, scope, at) {
      const hash = requestHash(scope.request);
      const inserted = await tx.query(
        `insert into idempotency_keys (customer_id, scope, key, request_hash, created_at)
         values ($1, $2, $3, $4, $5) on conflict do nothing`,
        [scope.customerId, scope.scope, scope.key, hash, at],
      );
      if (inserted.rowCount === 1) return undefined;
      const existing = await tx.query<ClaimRow>(
        `select request_hash, response from idempotency_keys where customer_id = $1 and scope = $2 and key = $3`,
        [scope.customerId, scope.scope, scope.key],
      );
      const [row] = existing.rows;
      if (!row) throw new AppError('CONFLICT', 'the idempotency key is being used by a concurrent request');
      if (row.request_hash !== hash) throw mismatch(scope);
      if (row.response === null || row.response === undefined) {
        throw new AppError('CONFLICT', 'the idempotency key is being used by a concurrent request');
      }
      return row.response;
    },
    async complete(tx, scope, response, at) {
      await tx.query(
        `update idempotency_keys set response = $4::jsonb, completed_at = $5
          where customer_id = $1 and scope = $2 and key = $3`,
        [scope.customerId, scope.scope, scope.key, toJson(response), at],
      );
    },
  };
}

function mismatch(scope: IdempotencyScope): AppError {
  return new AppError(
    'IDEMPOTENCY_MISMATCH',
    `idempotency key "${scope.key}" was already used for a different ${scope.scope} request`,
    {
      issues: [{ field: 'idempotencyKey', rule: 'same-request', message: 'reused with a different request' }],
    },
  );
}
