import { AppError } from '../errors/app-error.ts';
import type { IdGenerator } from '../ids/ids.ts';
import type { Clock } from '../time/clock.ts';
import { toJson, type Queryable } from '../database/database.ts';
import {
  checkAuditEntry,
  checkAuditQuery,
  DEFAULT_AUDIT_PAGE,
  type AuditActorKind,
  type AuditDetails,
  type AuditLog,
  type AuditOutcome,
  type AuditRecord,
} from './audit-log.ts';

interface AuditRow {
  id: string;
  at: Date;
  actor_kind: string;
  actor_id: string;
  actor_name: string;
  action: string;
  subject_type: string;
  subject_id: string;
  outcome: string;
  details: unknown;
}

const COLUMNS =
  'id, at, actor_kind, actor_id, actor_name, action, subject_type, subject_id, outcome, details';

function toRecord(row: AuditRow): AuditRecord {
  const details =
    typeof row.details === 'string'
      ? (JSON.parse(row.details) as AuditDetails)
      : (row.details as AuditDetails);
  return {
    id: row.id,
    at: row.at,
    actor: { kind: row.actor_kind as AuditActorKind, id: row.actor_id, name: row.actor_name },
    action: row.action,
    subject: { type: row.subject_type, id: row.subject_id },
    outcome: row.outcome as AuditOutcome,
    details: details ?? {},
  };
}

/** The audit log in the `audit_log` table (migration 0002). */
export function createPgAuditLog(db: Queryable, ids: IdGenerator, clock: Clock): AuditLog {
  return {
    async record(entry, queryable) {
      checkAuditEntry(entry);
      const result = await (queryable ?? db).query<AuditRow>(
        `insert into audit_log (${COLUMNS}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb)
         returning ${COLUMNS}`,
        [
          ids.next('audit'),
          clock.now(),
          entry.actor.kind,
          entry.actor.id,
          entry.actor.name.slice(0, 200),
          entry.action,
          entry.subject.type,
          entry.subject.id,
          entry.outcome,
          toJson(entry.details ?? {}),
        ],
      );
      const [row] = result.rows;
      if (!row) throw new AppError('INTERNAL', 'audit insert returned no row');
      return toRecord(row);
    },

    async list(query = {}) {
      checkAuditQuery(query);
      const limit = query.limit ?? DEFAULT_AUDIT_PAGE;
      const where: string[] = [];
      const params: unknown[] = [];
      const param = (value: unknown): string => {
        params.push(value);
        return `$${params.length}`;
      };
      if (query.action !== undefined) {
        if (query.action.endsWith('.*')) {
          // A prefix: `staff.*` is every action that starts with `staff.` (the filter allows no LIKE wildcards).
          where.push(`starts_with(action, ${param(query.action.slice(0, -1))})`);
        } else where.push(`action = ${param(query.action)}`);
      }
      if (query.actor !== undefined) {
        const actor = param(query.actor);
        where.push(`(actor_id = ${actor} or actor_name = ${actor})`);
      }
      if (query.from) where.push(`at >= ${param(query.from)}`);
      if (query.to) where.push(`at < ${param(query.to)}`);
      if (query.before !== undefined) {
        const cursor = await db.query<{ at: Date; id: string }>(
          'select at, id from audit_log where id = $1',
          [query.before],
        );
        const [row] = cursor.rows;
        if (!row)
          throw AppError.invalid(
            'before',
            'known-entry',
            `"${query.before}" is not an entry of the audit log`,
          );
        where.push(`(at, id) < (${param(row.at)}, ${param(row.id)})`);
      }
      const sql =
        `select ${COLUMNS} from audit_log` +
        (where.length > 0 ? ` where ${where.join(' and ')}` : '') +
        ` order by at desc, id desc limit ${param(limit + 1)}`;
      const result = await db.query<AuditRow>(sql, params);
      const rows = result.rows.slice(0, limit);
      const last = rows[rows.length - 1];
      return {
        items: rows.map(toRecord),
        next: result.rows.length > limit && last ? last.id : null,
      };
    },
  };
}
