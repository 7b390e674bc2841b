import type { Queryable } from '../database/database.ts';
import type { CustomerSessionRecord, CustomerSessionStore } from './customer-sessions.ts';

interface SessionRow {
  customer_id: string;
  session_id: string;
  issued_by: string;
  demo: boolean;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  revoked_reason: 'sign_out' | 'revoke_all' | null;
}

const COLUMNS =
  'customer_id, session_id, issued_by, demo, created_at, expires_at, revoked_at, revoked_reason';

function toRecord(row: SessionRow): CustomerSessionRecord {
  return {
    sessionId: row.session_id,
    customerId: row.customer_id,
    issuedBy: row.issued_by,
    demo: row.demo,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    revokedReason: row.revoked_reason,
  };
}

/** Customer sessions in `customer_sessions` (migration 0120): only token hashes are stored. */
export function createPgCustomerSessionStore(db: Queryable): CustomerSessionStore {
  return {
    async insert(record) {
      await db.query(
        `insert into customer_sessions
           (customer_id, session_id, token_hash, issued_by, demo, created_at, expires_at)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [
          record.customerId,
          record.sessionId,
          record.tokenHash,
          record.issuedBy,
          record.demo,
          record.createdAt,
          record.expiresAt,
        ],
      );
    },
    async findByHash(tokenHash) {
      const result = await db.query<SessionRow>(
        `select ${COLUMNS} from customer_sessions where token_hash = $1`,
        [tokenHash],
      );
      const [row] = result.rows;
      return row ? toRecord(row) : undefined;
    },
    async revoke(customerId, sessionId, at, reason) {
      const result = await db.query(
        `update customer_sessions set revoked_at = $3, revoked_reason = $4
         where customer_id = $1 and session_id = $2 and revoked_at is null`,
        [customerId, sessionId, at, reason],
      );
      return result.rowCount > 0;
    },
    async revokeAll(customerId, at) {
      const result = await db.query(
        `update customer_sessions set revoked_at = $2, revoked_reason = 'revoke_all'
         where customer_id = $1 and revoked_at is null and expires_at > $2`,
        [customerId, at],
      );
      return result.rowCount;
    },
  };
}
