import type { AuditActor } from '../platform/audit/audit-log.ts';
import { toJson } from '../platform/database/database.ts';
import type { LocalizedText } from '../platform/i18n/localized.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import type {
  Correction,
  CorrectionStatus,
  CorrectionStore,
  CorrectionSubject,
  DisputedEvent,
} from './correction-rules.ts';

interface CorrectionRow {
  customer_id: string;
  id: string;
  request_id: string;
  subject_kind: string;
  subject: unknown;
  statement: string;
  proposed: unknown;
  status: string;
  sla_days: number;
  due_date: string;
  filed_at: Date;
  filed_by: unknown;
  resolved_at: Date | null;
  resolved_by: unknown;
  resolution: unknown;
  correcting_event: unknown;
  affected_decisions: unknown;
}

const COLUMNS = `customer_id, id, request_id, subject_kind, subject, statement, proposed, status, sla_days, due_date,
  filed_at, filed_by, resolved_at, resolved_by, resolution, correcting_event, affected_decisions`;

const parse = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

function toCorrection(row: CorrectionRow): Correction {
  return {
    id: row.id,
    customerId: row.customer_id,
    requestId: row.request_id,
    subject: { kind: row.subject_kind, ...(parse(row.subject) as object) } as CorrectionSubject,
    statement: row.statement,
    proposed: parse(row.proposed) as Record<string, unknown>,
    status: row.status as CorrectionStatus,
    slaDays: Number(row.sla_days),
    dueDate: row.due_date as LocalDate,
    filedAt: row.filed_at,
    filedBy: parse(row.filed_by) as AuditActor,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by === null ? null : (parse(row.resolved_by) as AuditActor),
    resolution: row.resolution === null ? null : (parse(row.resolution) as LocalizedText),
    correctingEvent:
      row.correcting_event === null ? null : (parse(row.correcting_event) as Record<string, unknown>),
    affectedDecisions: parse(row.affected_decisions) as string[],
  };
}

interface EventRow {
  source: string;
  event_id: string;
  type: string;
  occurred_at: Date;
  payload: unknown;
}

const toEvent = (row: EventRow): DisputedEvent => ({
  source: row.source,
  eventId: row.event_id,
  type: row.type,
  occurredAt: row.occurred_at,
  payload: parse(row.payload) as Record<string, unknown>,
});

/** `data_corrections` (migrations 0811, 0812) and the `correction` rows of `data_subject_requests` (0801). */
export function createPgCorrectionStore(): CorrectionStore {
  return {
    async insert(q, correction, reason) {
      const { kind, ...subject } = correction.subject;
      await q.query(
        `insert into data_subject_requests
           (customer_id, id, kind, status, requested_by_kind, requested_by, reason, requested_at, details)
         values ($1, $2, 'correction', 'in_progress', $3, $4, $5, $6, $7::jsonb)`,
        [
          correction.customerId,
          correction.requestId,
          correction.filedBy.kind === 'customer'
            ? 'customer'
            : correction.filedBy.kind === 'system'
              ? 'system'
              : 'staff',
          correction.filedBy.id.slice(0, 128),
          reason,
          correction.filedAt,
          toJson({ correctionId: correction.id, subject: correction.subject, dueDate: correction.dueDate }),
        ],
      );
      await q.query(
        `insert into data_corrections (customer_id, id, request_id, subject_kind, subject, statement, proposed,
           status, sla_days, due_date, filed_at, filed_by, affected_decisions)
         values ($1, $2, $3, $4, $5::jsonb, $6, $7::jsonb, 'open', $8, $9, $10, $11::jsonb, $12::jsonb)`,
        [
          correction.customerId,
          correction.id,
          correction.requestId,
          kind,
          toJson(subject),
          correction.statement,
          toJson(correction.proposed),
          correction.slaDays,
          correction.dueDate,
          correction.filedAt,
          toJson(correction.filedBy),
          toJson(correction.affectedDecisions),
        ],
      );
    },
    async find(q, customerId, id, forUpdate) {
      const result = await q.query<CorrectionRow>(
        `select ${COLUMNS} from data_corrections
          where id = $1${customerId === undefined ? '' : ' and customer_id = $2'}${forUpdate ? ' for update' : ''}`,
        customerId === undefined ? [id] : [id, customerId],
      );
      const row = result.rows[0];
      return row ? toCorrection(row) : undefined;
    },
    async list(q, customerId, limit) {
      const result = await q.query<CorrectionRow>(
        `select ${COLUMNS} from data_corrections where customer_id = $1 order by filed_at desc, id desc limit $2`,
        [customerId, limit],
      );
      return result.rows.map(toCorrection);
    },
    async queue(q, limit) {
      const result = await q.query<CorrectionRow>(
        `select ${COLUMNS} from data_corrections where status = 'open' order by due_date, filed_at, id limit $1`,
        [limit],
      );
      return result.rows.map(toCorrection);
    },
    async resolve(q, correction) {
      await q.query(
        `update data_corrections set status = $3, resolved_at = $4, resolved_by = $5::jsonb, resolution = $6::jsonb,
           correcting_event = $7::jsonb, affected_decisions = $8::jsonb
          where customer_id = $1 and id = $2 and status = 'open'`,
        [
          correction.customerId,
          correction.id,
          correction.status,
          correction.resolvedAt,
          toJson(correction.resolvedBy),
          toJson(correction.resolution),
          correction.correctingEvent === null ? null : toJson(correction.correctingEvent),
          toJson(correction.affectedDecisions),
        ],
      );
      await q.query(
        `update data_subject_requests set status = $3, decided_at = $4, decided_by = $5, completed_at = $4,
           outcome = $6::jsonb
          where customer_id = $1 and id = $2 and completed_at is null`,
        [
          correction.customerId,
          correction.requestId,
          correction.status === 'corrected' ? 'completed' : 'refused',
          correction.resolvedAt,
          correction.resolvedBy?.id.slice(0, 128) ?? null,
          toJson({
            correctionId: correction.id,
            resolution: correction.status,
            correctingEventId: correction.correctingEvent?.eventId ?? null,
            affectedDecisions: correction.affectedDecisions,
          }),
        ],
      );
    },
    async event(q, customerId, source, eventId) {
      const result = await q.query<EventRow>(
        `select source, event_id, type, occurred_at, payload from customer_events
          where customer_id = $1 and source = $2 and event_id = $3`,
        [customerId, source, eventId],
      );
      const row = result.rows[0];
      return row ? toEvent(row) : undefined;
    },
    async latestProfile(q, customerId, field) {
      const result = await q.query<EventRow>(
        `select source, event_id, type, occurred_at, payload from customer_events
          where customer_id = $1 and type = 'profile' and payload ? $2
          order by occurred_at desc, seq desc limit 1`,
        [customerId, field],
      );
      const row = result.rows[0];
      return row ? toEvent(row) : undefined;
    },
    async decisionsSince(q, customerId, since) {
      const result = await q.query<{ id: string }>(
        `select id from decisions where customer_id = $1 and ($2::timestamptz is null or decided_at >= $2)
          order by decided_at, id`,
        [customerId, since],
      );
      return result.rows.map((row) => row.id);
    },
  };
}
