import type { AuditActor } from '../platform/audit/audit-log.ts';
import { toJson } from '../platform/database/database.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import {
  EXPORT_STATUSES,
  type ExportJob,
  type ExportStatus,
  type ExportStore,
  type IdentityMode,
  type RequestChannel,
} from './export-ports.ts';

interface ExportRow {
  customer_id: string;
  id: string;
  request_id: string;
  status: string;
  as_of: string;
  identity: string;
  requested_by: unknown;
  channel: string;
  reason: string | null;
  done: number;
  total: number;
  attempts: number;
  document_sha256: string | null;
  document_bytes: number | null;
  counts: unknown;
  error: unknown;
  created_at: Date;
  updated_at: Date;
  finished_at: Date | null;
  expires_at: Date | null;
  purged_at: Date | null;
}

const COLUMNS = `customer_id, id, request_id, status, as_of, identity, requested_by, channel, reason, done, total,
  attempts, document_sha256, document_bytes, counts, error, created_at, updated_at, finished_at, expires_at, purged_at`;

const parse = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

function toJob(row: ExportRow): ExportJob {
  return {
    id: row.id,
    customerId: row.customer_id,
    requestId: row.request_id,
    status: (EXPORT_STATUSES as readonly string[]).includes(row.status)
      ? (row.status as ExportStatus)
      : 'failed',
    asOf: row.as_of as LocalDate,
    identity: row.identity as IdentityMode,
    channel: row.channel as RequestChannel,
    requestedBy: parse(row.requested_by) as AuditActor,
    reason: row.reason,
    done: Number(row.done),
    total: Number(row.total),
    attempts: Number(row.attempts),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
    expiresAt: row.expires_at,
    purgedAt: row.purged_at,
    documentSha256: row.document_sha256,
    documentBytes: row.document_bytes === null ? null : Number(row.document_bytes),
    counts: row.counts === null ? null : (parse(row.counts) as Record<string, number>),
    error: row.error === null ? null : (parse(row.error) as ExportJob['error']),
  };
}

const bytes = (value: unknown): Uint8Array =>
  value instanceof Uint8Array ? value : new Uint8Array(value as ArrayBufferLike);

/** `data_subject_requests.requested_by_kind` of an actor: an API key acts for staff. */
function requesterKind(actor: AuditActor): 'customer' | 'staff' | 'system' {
  return actor.kind === 'customer' ? 'customer' : actor.kind === 'system' ? 'system' : 'staff';
}

/** The `data_exports` table and the `copy` rows of `data_subject_requests` (migrations 0801 and 0811). */
export function createPgExportStore(): ExportStore {
  return {
    async insert(q, job) {
      await q.query(
        `insert into data_subject_requests
           (customer_id, id, kind, status, requested_by_kind, requested_by, reason, requested_at, details)
         values ($1, $2, 'copy', 'received', $3, $4, $5, $6, $7::jsonb)`,
        [
          job.customerId,
          job.requestId,
          requesterKind(job.requestedBy),
          job.requestedBy.id.slice(0, 128),
          job.reason,
          job.createdAt,
          toJson({ exportId: job.id, asOf: job.asOf, identity: job.identity, channel: job.channel }),
        ],
      );
      await q.query(
        `insert into data_exports (customer_id, id, request_id, status, as_of, identity, requested_by, channel,
           reason, done, total, attempts, created_at, updated_at)
         values ($1, $2, $3, 'queued', $4, $5, $6::jsonb, $7, $8, 0, $9, 0, $10, $10)`,
        [
          job.customerId,
          job.id,
          job.requestId,
          job.asOf,
          job.identity,
          toJson(job.requestedBy),
          job.channel,
          job.reason,
          job.total,
          job.createdAt,
        ],
      );
    },
    async findOpen(q, customerId, requester, asOf, identity) {
      const result = await q.query<ExportRow>(
        `select ${COLUMNS} from data_exports
          where customer_id = $1 and status in ('queued', 'running') and as_of = $2 and identity = $3
            and requested_by->>'kind' = $4 and requested_by->>'id' = $5
          order by created_at desc limit 1`,
        [customerId, asOf, identity, requester.kind, requester.id],
      );
      const row = result.rows[0];
      return row ? toJob(row) : undefined;
    },
    async find(q, customerId, id) {
      const result = await q.query<ExportRow>(
        `select ${COLUMNS} from data_exports where customer_id = $1 and id = $2`,
        [customerId, id],
      );
      const row = result.rows[0];
      return row ? toJob(row) : undefined;
    },
    async findById(q, id) {
      const result = await q.query<ExportRow>(`select ${COLUMNS} from data_exports where id = $1`, [id]);
      const row = result.rows[0];
      return row ? toJob(row) : undefined;
    },
    async list(q, customerId, limit) {
      const result = await q.query<ExportRow>(
        `select ${COLUMNS} from data_exports where customer_id = $1 order by created_at desc, id desc limit $2`,
        [customerId, limit],
      );
      return result.rows.map(toJob);
    },
    async begin(q, customerId, id, at, staleBefore) {
      const result = await q.query<{ request_id: string }>(
        `update data_exports set status = 'running', attempts = attempts + 1, done = 0, updated_at = $3
          where customer_id = $1 and id = $2
            and (status = 'queued' or (status = 'running' and updated_at < $4))
          returning request_id`,
        [customerId, id, at, staleBefore],
      );
      const row = result.rows[0];
      if (!row) return false;
      await q.query(
        `update data_subject_requests set status = 'in_progress'
          where customer_id = $1 and id = $2 and status = 'received'`,
        [customerId, row.request_id],
      );
      return true;
    },
    async progress(q, customerId, id, done, at) {
      await q.query(
        `update data_exports set done = least($3, total), updated_at = $4
          where customer_id = $1 and id = $2 and status = 'running'`,
        [customerId, id, done, at],
      );
    },
    async finish(q, customerId, id, files, at, expiresAt) {
      const result = await q.query<{ request_id: string }>(
        `update data_exports
            set status = 'done', done = total, document = $3, summary = $4, key_id = $5, document_sha256 = $6,
                document_bytes = $7, counts = $8::jsonb, updated_at = $9, finished_at = $9, expires_at = $10
          where customer_id = $1 and id = $2 and status = 'running'
          returning request_id`,
        [
          customerId,
          id,
          files.document.ciphertext,
          files.summary.ciphertext,
          files.document.keyId,
          files.documentSha256,
          files.documentBytes,
          toJson(files.counts),
          at,
          expiresAt,
        ],
      );
      const row = result.rows[0];
      if (!row) return;
      await q.query(
        `update data_subject_requests set status = 'completed', completed_at = $3, outcome = $4::jsonb
          where customer_id = $1 and id = $2 and completed_at is null`,
        [
          customerId,
          row.request_id,
          at,
          toJson({
            exportId: id,
            sha256: files.documentSha256,
            bytes: files.documentBytes,
            expiresAt: expiresAt.toISOString(),
          }),
        ],
      );
    },
    async fail(q, customerId, id, error, at) {
      const result = await q.query<{ request_id: string }>(
        `update data_exports set status = 'failed', error = $3::jsonb, updated_at = $4, finished_at = $4
          where customer_id = $1 and id = $2 and status in ('queued', 'running')
          returning request_id`,
        [customerId, id, toJson(error), at],
      );
      const row = result.rows[0];
      if (!row) return;
      await q.query(
        `update data_subject_requests set status = 'failed', completed_at = $3, outcome = $4::jsonb
          where customer_id = $1 and id = $2 and completed_at is null`,
        [customerId, row.request_id, at, toJson({ exportId: id, error: error?.code ?? 'INTERNAL' })],
      );
    },
    async unfinished(q) {
      const result = await q.query<ExportRow>(
        `select ${COLUMNS} from data_exports where status in ('queued', 'running') order by created_at, id`,
      );
      return result.rows.map(toJob);
    },
    async files(q, customerId, id) {
      const result = await q.query<{ document: unknown; summary: unknown; key_id: string }>(
        `select document, summary, key_id from data_exports
          where customer_id = $1 and id = $2 and status = 'done' and purged_at is null and document is not null`,
        [customerId, id],
      );
      const row = result.rows[0];
      if (!row) return undefined;
      return {
        document: { keyId: row.key_id, ciphertext: bytes(row.document) },
        summary: { keyId: row.key_id, ciphertext: bytes(row.summary) },
      };
    },
    async purgeExpired(q, now, limit) {
      // The expired copies are found first, then purged by their keys with the test repeated, so a copy
      // another purge took in between is not purged (nor audited) twice. Not an UPDATE over a locking
      // subquery with a limit: Citus locks rows only in single-shard statements; a multi-shard UPDATE is fine.
      const due = await q.query<{ customer_id: string; id: string }>(
        `select customer_id, id from data_exports
          where status = 'done' and purged_at is null and expires_at <= $1
          order by expires_at, id limit $2`,
        [now, limit],
      );
      if (due.rows.length === 0) return [];
      const result = await q.query<{ customer_id: string; id: string }>(
        `update data_exports set document = null, summary = null, purged_at = $1, updated_at = $1
          where customer_id = any ($2::text[]) and id = any ($3::text[])
            and status = 'done' and purged_at is null and expires_at <= $1
          returning customer_id, id`,
        [now, due.rows.map((row) => row.customer_id), due.rows.map((row) => row.id)],
      );
      return result.rows.map((row) => ({ customerId: row.customer_id, id: row.id }));
    },
  };
}
