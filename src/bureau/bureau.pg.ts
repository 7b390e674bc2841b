import type { Queryable } from '../platform/database/database.ts';
import type { BureauQueryRecord, QueryReason, RequesterKind } from './bureau.ts';
import type { BureauQueryLog } from './bureau-ports.ts';

/** Storage of the bureau use log (migration 0822). Functions take the caller's executor. */

interface QueryRow {
  customer_id: string;
  id: string;
  purpose: QueryReason;
  consent_event_ref: string;
  consent_notice_version: number | null;
  requested_by_kind: RequesterKind;
  requested_by: string;
  requested_by_name: string;
  request_key: string;
  provider: string;
  report_ref: string;
  report_sha256: string;
  event_count: number;
  events_ingested: number;
  queried_at: Date;
  decision_id: string | null;
}

const COLUMNS = `customer_id, id, purpose, consent_event_ref, consent_notice_version, requested_by_kind,
  requested_by, requested_by_name, request_key, provider, report_ref, report_sha256, event_count, events_ingested, queried_at,
  decision_id`;

function recordOf(row: QueryRow): BureauQueryRecord {
  return {
    id: row.id,
    customerId: row.customer_id,
    purpose: row.purpose,
    consentEventRef: row.consent_event_ref,
    consentNoticeVersion: row.consent_notice_version === null ? null : Number(row.consent_notice_version),
    requestedBy: { kind: row.requested_by_kind, id: row.requested_by, name: row.requested_by_name },
    requestKey: row.request_key,
    provider: row.provider,
    reportRef: row.report_ref,
    reportSha256: row.report_sha256,
    eventCount: Number(row.event_count),
    eventsIngested: Number(row.events_ingested),
    queriedAt: row.queried_at,
    decisionId: row.decision_id,
  };
}

/** The use log on a database. */
export function createPgBureauQueryLog(): BureauQueryLog {
  return {
    async findByKey(q, customerId, requestKey) {
      const result = await q.query<QueryRow>(
        `select ${COLUMNS} from bureau_queries where customer_id = $1 and request_key = $2`,
        [customerId, requestKey],
      );
      const [row] = result.rows;
      return row ? recordOf(row) : undefined;
    },
    async insert(tx, r) {
      await tx.query(
        `insert into bureau_queries (${COLUMNS})
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
        [
          r.customerId,
          r.id,
          r.purpose,
          r.consentEventRef,
          r.consentNoticeVersion,
          r.requestedBy.kind,
          r.requestedBy.id,
          r.requestedBy.name.slice(0, 200),
          r.requestKey,
          r.provider,
          r.reportRef,
          r.reportSha256,
          r.eventCount,
          r.eventsIngested,
          r.queriedAt,
          r.decisionId,
        ],
      );
    },
    async linkDecision(q, customerId, queryId, decisionId) {
      const result = await q.query(
        `update bureau_queries set decision_id = $3
          where customer_id = $1 and id = $2 and decision_id is null`,
        [customerId, queryId, decisionId],
      );
      return result.rowCount > 0;
    },
    async list(q: Queryable, customerId) {
      const result = await q.query<QueryRow>(
        `select ${COLUMNS} from bureau_queries where customer_id = $1 order by queried_at, id`,
        [customerId],
      );
      return result.rows.map(recordOf);
    },
  };
}
