import { sqlStateOf, toJson, type Queryable } from '../platform/database/database.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { parseLocalDate } from '../platform/time/local-date.ts';
import {
  CHANGE_KINDS,
  CHANGE_STATUSES,
  personName,
  type ChangeActor,
  type ChangeKind,
  type ChangeRequest,
  type ChangeStatus,
} from './change-requests.ts';

/**
 * Storage of change requests (migration 0380). The table itself refuses any change of a decided request, and
 * an approval by the requester (compared as people), so a bug here cannot undo four-eyes.
 */

interface ChangeRow {
  id: string;
  kind: string;
  subject: string;
  scope: string;
  summary: string;
  payload: unknown;
  requested_by: string;
  requested_by_id: string;
  requested_at: Date;
  effective_from: string;
  simulation_id: string | null;
  status: string;
  decided_by: string | null;
  decided_by_id: string | null;
  decided_at: Date | null;
  note: string;
  bootstrap: boolean;
}

// effective_from is a date, which both adapters return as 'YYYY-MM-DD' text; no cast (Citus refuses a
// non-immutable function such as date::text in the RETURNING clause of a reference table's update).
const COLUMNS = `id, kind, subject, scope, summary, payload, requested_by, requested_by_id, requested_at,
  effective_from, simulation_id, status, decided_by, decided_by_id, decided_at, note, bootstrap`;

function oneOf<T extends string>(values: readonly T[], value: string, what: string): T {
  if (!(values as readonly string[]).includes(value))
    throw new AppError('INTERNAL', `change_requests holds an unknown ${what} "${value}"`);
  return value as T;
}

function toChange(row: ChangeRow): ChangeRequest {
  return {
    id: row.id,
    kind: oneOf(CHANGE_KINDS, row.kind, 'kind'),
    subject: row.subject,
    scope: row.scope,
    summary: row.summary,
    payload: (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as Record<
      string,
      unknown
    >,
    requestedBy: { id: row.requested_by_id, name: row.requested_by },
    requestedAt: row.requested_at,
    effectiveFrom: parseLocalDate(row.effective_from),
    simulationId: row.simulation_id,
    status: oneOf(CHANGE_STATUSES, row.status, 'status'),
    decidedBy:
      row.decided_by === null ? null : { id: row.decided_by_id ?? row.decided_by, name: row.decided_by },
    decidedAt: row.decided_at,
    note: row.note,
    bootstrap: Boolean(row.bootstrap),
  };
}

/**
 * Inserts a request; a pending request of the same kind and scope is marked superseded first (the newer
 * submission replaces it). A bootstrap request is stored approved by {@link BOOTSTRAP_ACTOR}.
 */
export async function insertChange(q: Queryable, change: ChangeRequest): Promise<void> {
  await q.query(
    `update change_requests set status = 'superseded', decided_by = $3, decided_by_person = $4,
       decided_by_id = $5, decided_at = $6, note = 'superseded by ' || $7
      where kind = $1 and scope = $2 and status = 'pending'`,
    [
      change.kind,
      change.scope,
      change.requestedBy.name,
      personName(change.requestedBy.name),
      change.requestedBy.id,
      change.requestedAt,
      change.id,
    ],
  );
  await q.query(
    `insert into change_requests (id, kind, subject, scope, summary, payload, requested_by, requested_by_person,
       requested_by_id, requested_at, effective_from, simulation_id, status, decided_by, decided_by_person,
       decided_by_id, decided_at, note, bootstrap)
     values ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
    [
      change.id,
      change.kind,
      change.subject,
      change.scope,
      change.summary.slice(0, 500),
      toJson(change.payload),
      change.requestedBy.name,
      personName(change.requestedBy.name),
      change.requestedBy.id,
      change.requestedAt,
      change.effectiveFrom,
      change.simulationId,
      change.status,
      change.decidedBy?.name ?? null,
      change.decidedBy ? personName(change.decidedBy.name) : null,
      change.decidedBy?.id ?? null,
      change.decidedAt,
      change.note,
      change.bootstrap,
    ],
  );
}

/** One request; `forUpdate` locks it for the deciding transaction. */
export async function findChange(
  q: Queryable,
  id: string,
  options: { readonly forUpdate?: boolean } = {},
): Promise<ChangeRequest | undefined> {
  const result = await q.query<ChangeRow>(
    `select ${COLUMNS} from change_requests where id = $1${options.forUpdate ? ' for update' : ''}`,
    [id],
  );
  const row = result.rows[0];
  return row ? toChange(row) : undefined;
}

/** The request of a subject (a policy version id, …), newest first. */
export async function changesOfSubject(
  q: Queryable,
  kind: ChangeKind,
  subject: string,
): Promise<ChangeRequest[]> {
  const result = await q.query<ChangeRow>(
    `select ${COLUMNS} from change_requests where kind = $1 and subject = $2 order by requested_at desc, id desc`,
    [kind, subject],
  );
  return result.rows.map(toChange);
}

/** The inbox: requests of a status (all when undefined), newest first. */
export async function listChanges(
  q: Queryable,
  filter: { readonly status?: ChangeStatus; readonly kind?: ChangeKind; readonly limit: number },
): Promise<ChangeRequest[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.status) {
    params.push(filter.status);
    where.push(`status = $${params.length}`);
  }
  if (filter.kind) {
    params.push(filter.kind);
    where.push(`kind = $${params.length}`);
  }
  params.push(filter.limit);
  const result = await q.query<ChangeRow>(
    `select ${COLUMNS} from change_requests ${where.length > 0 ? `where ${where.join(' and ')}` : ''}
      order by requested_at desc, id desc limit $${params.length}`,
    params,
  );
  return result.rows.map(toChange);
}

/**
 * Records a decision on a pending request. The database refuses a request already decided (55000, mapped
 * to CONFLICT) and an approval by the requester (23514, mapped to FORBIDDEN maker-checker).
 */
export async function recordDecision(
  q: Queryable,
  id: string,
  decision: {
    readonly status: 'approved' | 'rejected';
    readonly by: ChangeActor;
    readonly at: Date;
    readonly note: string;
  },
): Promise<ChangeRequest> {
  try {
    const result = await q.query<ChangeRow>(
      `update change_requests set status = $2, decided_by = $3, decided_by_person = $4, decided_by_id = $5,
         decided_at = $6, note = $7
        where id = $1 returning ${COLUMNS}`,
      [
        id,
        decision.status,
        decision.by.name,
        personName(decision.by.name),
        decision.by.id,
        decision.at,
        decision.note,
      ],
    );
    const row = result.rows[0];
    if (!row) throw AppError.notFound('change', id);
    return toChange(row);
  } catch (error) {
    const state = sqlStateOf(error);
    if (state === '55000')
      throw new AppError('CONFLICT', `change ${id} is already decided; a decided change is final`, {
        issues: [{ field: 'changeId', rule: 'final', message: 'already decided' }],
      });
    if (state === '23514')
      throw new AppError('FORBIDDEN', 'the requester cannot approve their own change; a second person must', {
        issues: [{ field: 'approver', rule: 'maker-checker', message: 'approver is the requester' }],
      });
    throw error;
  }
}
