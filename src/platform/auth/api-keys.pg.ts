import { AppError } from '../errors/app-error.ts';
import type { IdGenerator } from '../ids/ids.ts';
import type { Clock } from '../time/clock.ts';
import type { Queryable } from '../database/database.ts';
import { hashApiKey, keyPrefix, parseRole, type ApiKeyRecord, type ApiKeyStore } from './api-keys.ts';

interface ApiKeyRow {
  id: string;
  name: string;
  role: string;
  key_prefix: string;
  created_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

function toRecord(row: ApiKeyRow): ApiKeyRecord {
  return {
    id: row.id,
    name: row.name,
    role: parseRole(row.role),
    prefix: row.key_prefix,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}

const COLUMNS = 'id, name, role, key_prefix, created_at, revoked_at, last_used_at';

export function createPgApiKeyStore(db: Queryable, ids: IdGenerator, clock: Clock): ApiKeyStore {
  return {
    async create({ name, role, secret }) {
      const result = await db.query<ApiKeyRow>(
        `insert into api_keys (id, name, role, key_prefix, key_hash, created_at)
         values ($1, $2, $3, $4, $5, $6) returning ${COLUMNS}`,
        [ids.next('apiKey'), name, role, keyPrefix(secret), hashApiKey(secret), clock.now()],
      );
      const [row] = result.rows;
      if (!row) throw new AppError('INTERNAL', 'api key insert returned no row');
      return toRecord(row);
    },
    async findActiveByHash(hash) {
      const result = await db.query<ApiKeyRow>(
        `select ${COLUMNS} from api_keys where key_hash = $1 and revoked_at is null`,
        [hash],
      );
      const [row] = result.rows;
      return row ? toRecord(row) : undefined;
    },
    async list() {
      const result = await db.query<ApiKeyRow>(`select ${COLUMNS} from api_keys order by created_at, id`);
      return result.rows.map(toRecord);
    },
    async revoke(id) {
      const result = await db.query<ApiKeyRow>(
        `update api_keys set revoked_at = coalesce(revoked_at, $2) where id = $1 returning ${COLUMNS}`,
        [id, clock.now()],
      );
      const [row] = result.rows;
      if (!row) throw AppError.notFound('api key', id);
      return toRecord(row);
    },
    async touch(id, at) {
      await db.query('update api_keys set last_used_at = $2 where id = $1', [id, at]);
    },
  };
}
