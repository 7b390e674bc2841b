import { AppError } from '../errors/app-error.ts';
import { sqlStateOf, type Database, type Queryable } from '../database/database.ts';
import {
  parseStaffRole,
  type StaffSessionEnd,
  type StaffSessionRecord,
  type StaffStore,
  type StaffUser,
  type StaffUserWithHash,
} from './staff-auth.ts';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: string;
  disabled: boolean;
  failed_attempts: number;
  locked_until: Date | null;
  password_changed_at: Date;
  created_at: Date;
  updated_at: Date;
  password_hash?: string;
}

interface SessionRow {
  session_id: string;
  user_id: string;
  csrf_token: string;
  session_created_at: Date;
  last_seen_at: Date;
  idle_expires_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  revoked_reason: StaffSessionEnd | null;
}

const USER_COLUMNS =
  'u.id, u.username, u.display_name, u.role, u.disabled, u.failed_attempts, u.locked_until, u.password_changed_at, u.created_at, u.updated_at';
const SESSION_COLUMNS =
  's.id as session_id, s.user_id, s.csrf_token, s.created_at as session_created_at, s.last_seen_at, s.idle_expires_at, s.expires_at, s.revoked_at, s.revoked_reason';

function toUser(row: UserRow): StaffUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: parseStaffRole(row.role),
    disabled: row.disabled,
    failedAttempts: Number(row.failed_attempts),
    lockedUntil: row.locked_until,
    passwordChangedAt: row.password_changed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toSession(row: SessionRow): StaffSessionRecord {
  return {
    id: row.session_id,
    userId: row.user_id,
    csrfToken: row.csrf_token,
    createdAt: row.session_created_at,
    lastSeenAt: row.last_seen_at,
    idleExpiresAt: row.idle_expires_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    revokedReason: row.revoked_reason,
  };
}

function only<Row>(rows: Row[], what: string, id: string): Row {
  const [row] = rows;
  if (!row) throw AppError.notFound(what, id);
  return row;
}

/**
 * Staff users and sessions in `staff_users` and `staff_sessions` (migration 0003). Given the database, its
 * `transaction` opens one; given an open transaction (`Queryable`), work runs in it.
 */
export function createPgStaffStore(db: Queryable | Database): StaffStore {
  const store: StaffStore = {
    transaction(work) {
      return 'transaction' in db ? db.transaction((tx) => work(createPgStaffStore(tx), tx)) : work(store, db);
    },

    async insertUser(user) {
      try {
        const result = await db.query<UserRow>(
          `insert into staff_users as u (id, username, display_name, role, password_hash, disabled, failed_attempts,
             locked_until, password_changed_at, created_at, updated_at)
           values ($1, $2, $3, $4, $5, false, 0, null, $6, $6, $6) returning ${USER_COLUMNS}`,
          [user.id, user.username, user.displayName, user.role, user.passwordHash, user.createdAt],
        );
        return toUser(only(result.rows, 'staff user', user.id));
      } catch (error) {
        if (sqlStateOf(error) === '23505')
          throw new AppError('CONFLICT', `the username "${user.username}" is taken`, {
            issues: [{ field: 'username', rule: 'unique', message: 'is taken' }],
          });
        throw error;
      }
    },

    async findUserByUsername(username) {
      const result = await db.query<UserRow & { password_hash: string }>(
        `select ${USER_COLUMNS}, u.password_hash from staff_users u where u.username = $1`,
        [username],
      );
      const [row] = result.rows;
      return row
        ? ({ ...toUser(row), passwordHash: row.password_hash } satisfies StaffUserWithHash)
        : undefined;
    },

    async findUserById(id) {
      const result = await db.query<UserRow>(`select ${USER_COLUMNS} from staff_users u where u.id = $1`, [
        id,
      ]);
      const [row] = result.rows;
      return row ? toUser(row) : undefined;
    },

    async listUsers() {
      const result = await db.query<UserRow>(`select ${USER_COLUMNS} from staff_users u order by u.username`);
      return result.rows.map(toUser);
    },

    async recordFailure(userId, at, threshold, lockUntil) {
      // One statement: concurrent failures each count, and exactly one of them locks.
      const result = await db.query<{ failed_attempts: number; locked_until: Date | null }>(
        `update staff_users set
           failed_attempts = case when failed_attempts + 1 >= $3 then 0 else failed_attempts + 1 end,
           locked_until = case when failed_attempts + 1 >= $3 then $4 else locked_until end,
           updated_at = $2
         where id = $1 returning failed_attempts, locked_until`,
        [userId, at, threshold, lockUntil],
      );
      const row = only(result.rows, 'staff user', userId);
      return { failedAttempts: Number(row.failed_attempts), lockedUntil: row.locked_until };
    },

    async recordSuccess(userId, at, rehash) {
      await db.query(
        `update staff_users set failed_attempts = 0, locked_until = null, updated_at = $2,
           password_hash = coalesce($3, password_hash)
         where id = $1`,
        [userId, at, rehash ?? null],
      );
    },

    async setDisabled(userId, disabled, at) {
      const result = await db.query<UserRow>(
        `update staff_users as u set disabled = $2, updated_at = $3,
           failed_attempts = case when $2 then u.failed_attempts else 0 end,
           locked_until = case when $2 then u.locked_until else null end
         where u.id = $1 returning ${USER_COLUMNS}`,
        [userId, disabled, at],
      );
      return toUser(only(result.rows, 'staff user', userId));
    },

    async setPasswordHash(userId, passwordHash, at) {
      const result = await db.query<UserRow>(
        `update staff_users as u set password_hash = $2, password_changed_at = $3, updated_at = $3,
           failed_attempts = 0, locked_until = null
         where u.id = $1 returning ${USER_COLUMNS}`,
        [userId, passwordHash, at],
      );
      return toUser(only(result.rows, 'staff user', userId));
    },

    async insertSession(session) {
      await db.query(
        `insert into staff_sessions (id, user_id, token_hash, csrf_token, created_at, last_seen_at,
           idle_expires_at, expires_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          session.id,
          session.userId,
          session.tokenHash,
          session.csrfToken,
          session.createdAt,
          session.lastSeenAt,
          session.idleExpiresAt,
          session.expiresAt,
        ],
      );
    },

    async refreshSession(sessionId, now, idleExpiresAt) {
      const result = await db.query<{ idle_expires_at: Date }>(
        `update staff_sessions set last_seen_at = $2, idle_expires_at = $3
         where id = $1 and revoked_at is null and idle_expires_at > $2 and expires_at > $2
         returning idle_expires_at`,
        [sessionId, now, idleExpiresAt],
      );
      return result.rows[0]?.idle_expires_at;
    },

    async findSession(tokenHash) {
      const result = await db.query<SessionRow & UserRow>(
        `select ${SESSION_COLUMNS}, ${USER_COLUMNS} from staff_sessions s join staff_users u on u.id = s.user_id
         where s.token_hash = $1`,
        [tokenHash],
      );
      const [row] = result.rows;
      return row ? { session: toSession(row), user: toUser(row) } : undefined;
    },

    async revokeSession(sessionId, at, reason) {
      const result = await db.query(
        `update staff_sessions set revoked_at = $2, revoked_reason = $3 where id = $1 and revoked_at is null`,
        [sessionId, at, reason],
      );
      return result.rowCount > 0;
    },

    async revokeUserSessions(userId, at, reason) {
      const result = await db.query(
        `update staff_sessions set revoked_at = $2, revoked_reason = $3 where user_id = $1 and revoked_at is null`,
        [userId, at, reason],
      );
      return result.rowCount;
    },
  };
  return store;
}
