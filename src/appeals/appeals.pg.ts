import { sqlStateOf, toJson, type Database, type Queryable } from '../platform/database/database.ts';
import { groupByShard } from '../platform/database/citus.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { fen } from '../platform/money/money.ts';
import { parseRate, toExactRateString } from '../platform/money/rate.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import type { LocalizedText } from '../platform/i18n/localized.ts';
import {
  APPEAL_CATEGORIES,
  APPEAL_STATUSES,
  RESOLUTIONS,
  type Actor,
  type Appeal,
  type AppealCategory,
  type AppealNotification,
  type AppealStatus,
  type AuditEvent,
  type NotificationKind,
  type Proposal,
  type Resolution,
  type UpholdReason,
} from './appeal.ts';
import {
  evidenceOwner,
  sha256Hex,
  type EvidenceCipher,
  type EvidenceInfo,
  type EvidenceMediaType,
} from './evidence.ts';
import type { RecheckDiff } from './recheck-comparison.ts';

/**
 * Storage of appeals, their evidence, audit trail and notifications. Every function takes the executor;
 * the use case owns the transaction. Rows are snake_case and never leave this file.
 */

interface AppealRow {
  customer_id: string;
  id: string;
  decision_id: string;
  product_code: string;
  category: string;
  statement: string;
  status: string;
  resolution: string | null;
  version: number;
  amount_at_stake: bigint;
  filed_at: Date;
  filed_by: Actor;
  recheck_decision_id: string | null;
  recheck_diff: RecheckDiff | null;
  recheck_attempts: number;
  next_recheck_at: Date | null;
  lease_until: Date | null;
  queued_at: Date | null;
  sla_due_date: string | null;
  sla_due_at: Date | null;
  assignee: Actor | null;
  assigned_at: Date | null;
  proposal: ProposalJson | null;
  override_decision_id: string | null;
  uphold_reasons: UpholdReason[] | null;
  uphold_message: LocalizedText | null;
  resolved_at: Date | null;
  resolved_by: Actor | null;
  withdrawn_at: Date | null;
  evidence_ids: string[] | null;
}

interface ProposalJson {
  reviewId: string;
  maker: Actor;
  terms: { limit: string; apr: string };
  note: string;
  proposedAt: string;
}

const COLUMNS = `a.customer_id, a.id, a.decision_id, a.product_code, a.category, a.statement, a.status, a.resolution,
  a.version, a.amount_at_stake, a.filed_at, a.filed_by, a.recheck_decision_id, a.recheck_diff, a.recheck_attempts,
  a.next_recheck_at, a.lease_until, a.queued_at, a.sla_due_date, a.sla_due_at, a.assignee, a.assigned_at,
  a.proposal, a.override_decision_id, a.uphold_reasons, a.uphold_message, a.resolved_at, a.resolved_by,
  a.withdrawn_at,
  array(select l.evidence_id from appeal_evidence_links l
         where l.customer_id = a.customer_id and l.appeal_id = a.id order by l.position) as evidence_ids`;

function oneOf<T extends string>(values: readonly T[], value: string, what: string): T {
  if (!(values as readonly string[]).includes(value))
    throw new AppError('INTERNAL', `appeals holds an unknown ${what} "${value}"`);
  return value as T;
}

function proposalOf(json: ProposalJson | null): Proposal | null {
  if (json === null) return null;
  return {
    reviewId: json.reviewId,
    maker: json.maker,
    terms: { limit: fen(BigInt(json.terms.limit)), apr: parseRate(json.terms.apr) },
    note: json.note,
    proposedAt: new Date(json.proposedAt),
  };
}

function proposalJson(proposal: Proposal | null): ProposalJson | null {
  if (proposal === null) return null;
  return {
    reviewId: proposal.reviewId,
    maker: proposal.maker,
    terms: { limit: proposal.terms.limit.toString(), apr: toExactRateString(proposal.terms.apr) },
    note: proposal.note,
    proposedAt: proposal.proposedAt.toISOString(),
  };
}

function toAppeal(row: AppealRow): Appeal {
  return {
    id: row.id,
    customerId: row.customer_id,
    decisionId: row.decision_id,
    productCode: row.product_code,
    category: oneOf<AppealCategory>(APPEAL_CATEGORIES, row.category, 'category'),
    statement: row.statement,
    evidenceIds: row.evidence_ids ?? [],
    status: oneOf<AppealStatus>(APPEAL_STATUSES, row.status, 'status'),
    resolution: row.resolution === null ? null : oneOf<Resolution>(RESOLUTIONS, row.resolution, 'resolution'),
    version: row.version,
    amountAtStake: fen(row.amount_at_stake),
    filedAt: row.filed_at,
    filedBy: row.filed_by,
    recheckDecisionId: row.recheck_decision_id,
    recheckDiff: row.recheck_diff,
    recheckAttempts: row.recheck_attempts,
    nextRecheckAt: row.next_recheck_at,
    leaseUntil: row.lease_until,
    queuedAt: row.queued_at,
    slaDueDate: row.sla_due_date as LocalDate | null,
    slaDueAt: row.sla_due_at,
    assignee: row.assignee,
    assignedAt: row.assigned_at,
    proposal: proposalOf(row.proposal),
    overrideDecisionId: row.override_decision_id,
    upholdReasons: row.uphold_reasons,
    upholdMessage: row.uphold_message,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by,
    withdrawnAt: row.withdrawn_at,
  };
}

const json = (value: unknown): string | null =>
  value === null || value === undefined ? null : toJson(value);

/**
 * Files an appeal. A second open appeal on the same decision breaks the partial unique index: CONFLICT
 * (the database decides, so two requests racing cannot both win).
 */
export async function insertAppeal(q: Queryable, appeal: Appeal): Promise<void> {
  try {
    await q.query(
      `insert into appeals (customer_id, id, decision_id, product_code, category, statement, status, resolution,
         version, amount_at_stake, filed_at, filed_by, recheck_attempts)
       values ($1, $2, $3, $4, $5, $6, $7, null, $8, $9, $10, $11::jsonb, 0)`,
      [
        appeal.customerId,
        appeal.id,
        appeal.decisionId,
        appeal.productCode,
        appeal.category,
        appeal.statement,
        appeal.status,
        appeal.version,
        appeal.amountAtStake,
        appeal.filedAt,
        json(appeal.filedBy),
      ],
    );
  } catch (error) {
    if (sqlStateOf(error) === '23505')
      throw new AppError('CONFLICT', 'this decision already has an open appeal', {
        issues: [
          {
            field: 'decisionId',
            rule: 'one-open-appeal',
            message: 'the decision already has an open appeal',
          },
        ],
      });
    throw error;
  }
  for (const [position, evidenceId] of appeal.evidenceIds.entries()) {
    await q.query(
      'insert into appeal_evidence_links (customer_id, appeal_id, evidence_id, position) values ($1, $2, $3, $4)',
      [appeal.customerId, appeal.id, evidenceId, position],
    );
  }
}

/** One appeal, optionally locked for the rest of the transaction. */
export async function findAppeal(
  q: Queryable,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Appeal | undefined> {
  if (!options.forUpdate) {
    const result = await q.query<AppealRow>(`select ${COLUMNS} from appeals a where a.id = $1`, [id]);
    const [row] = result.rows;
    return row ? toAppeal(row) : undefined;
  }
  // A lock is taken by the row's full key: Citus locks rows only in a single-shard (router) query, which
  // needs customer_id. An appeal's customer never changes, so reading it first without a lock is safe.
  const owner = await q.query<{ customer_id: string }>('select customer_id from appeals where id = $1', [id]);
  const [first] = owner.rows;
  if (!first) return undefined;
  // The evidence subquery names the customer too, so Citus sees every table pinned to the one shard.
  const pinned = COLUMNS.replace('l.customer_id = a.customer_id', 'l.customer_id = $1');
  const result = await q.query<AppealRow>(
    `select ${pinned} from appeals a where a.customer_id = $1 and a.id = $2 for update of a`,
    [first.customer_id, id],
  );
  const [row] = result.rows;
  return row ? toAppeal(row) : undefined;
}

/**
 * Writes an appeal's new state if nobody changed it since `expectedVersion` was read (the row is normally
 * locked already; the version check makes a lost update impossible even without the lock).
 */
export async function updateAppeal(q: Queryable, appeal: Appeal, expectedVersion: number): Promise<void> {
  const result = await q.query(
    `update appeals set status = $3, resolution = $4, version = $5, recheck_decision_id = $6,
       recheck_diff = $7::jsonb, recheck_attempts = $8, next_recheck_at = $9, lease_until = $10, queued_at = $11,
       sla_due_date = $12, sla_due_at = $13, assignee = $14::jsonb, assigned_at = $15, proposal = $16::jsonb,
       override_decision_id = $17, uphold_reasons = $18::jsonb, uphold_message = $19::jsonb, resolved_at = $20,
       resolved_by = $21::jsonb, withdrawn_at = $22
     where customer_id = $1 and id = $2 and version = $23`,
    [
      appeal.customerId,
      appeal.id,
      appeal.status,
      appeal.resolution,
      appeal.version,
      appeal.recheckDecisionId,
      json(appeal.recheckDiff),
      appeal.recheckAttempts,
      appeal.nextRecheckAt,
      appeal.leaseUntil,
      appeal.queuedAt,
      appeal.slaDueDate,
      appeal.slaDueAt,
      json(appeal.assignee),
      appeal.assignedAt,
      json(proposalJson(appeal.proposal)),
      appeal.overrideDecisionId,
      json(appeal.upholdReasons),
      json(appeal.upholdMessage),
      appeal.resolvedAt,
      json(appeal.resolvedBy),
      appeal.withdrawnAt,
      expectedVersion,
    ],
  );
  if (result.rowCount !== 1)
    throw new AppError('CONFLICT', 'the appeal changed while this request was handled; read it again', {
      issues: [{ field: 'appeal', rule: 'concurrent-change', message: 'the appeal changed meanwhile' }],
    });
}

/**
 * Takes the re-check step of a filed appeal for `leaseUntil`, when it is due and nobody holds it (or a
 * holder's lease ran out — it crashed). Returns the appeal as claimed, or undefined.
 */
export async function claimRecheck(
  q: Queryable,
  id: string,
  now: Date,
  leaseUntil: Date,
): Promise<Appeal | undefined> {
  const result = await q.query<{ id: string }>(
    `update appeals set lease_until = $3, version = version + 1
      where id = $1 and status = 'filed'
        and (lease_until is null or lease_until <= $2)
        and (next_recheck_at is null or next_recheck_at <= $2)
      returning id`,
    [id, now, leaseUntil],
  );
  if (result.rowCount !== 1) return undefined;
  return findAppeal(q, id);
}

/**
 * Gives the re-check step back without a verdict (the worker could not finish it); the attempt counts, so
 * a step that can never run ends up with a person.
 */
export async function releaseRecheck(q: Queryable, id: string, retryAt: Date | null): Promise<void> {
  await q.query(
    `update appeals set lease_until = null, next_recheck_at = $2, recheck_attempts = recheck_attempts + 1,
       version = version + 1
      where id = $1 and status = 'filed'`,
    [id, retryAt],
  );
}

/** Filed appeals whose re-check is due and not held, oldest first. */
export async function dueRechecks(q: Queryable, now: Date, limit: number): Promise<string[]> {
  const result = await q.query<{ id: string }>(
    `select id from appeals
      where status = 'filed' and (next_recheck_at is null or next_recheck_at <= $1)
        and (lease_until is null or lease_until <= $1)
      order by filed_at, id limit $2`,
    [now, limit],
  );
  return result.rows.map((row) => row.id);
}

/**
 * Open appeals past their SLA due instant whose breach is not yet on the record, most overdue first. An
 * appeal still `filed` has no due instant yet (the clock starts when it is queued), so it is never listed.
 */
export async function unrecordedSlaBreaches(q: Queryable, now: Date, limit: number): Promise<string[]> {
  const result = await q.query<{ id: string }>(
    `select a.id from appeals a
      where a.status in ('queued', 'in_review', 'pending_approval') and a.sla_due_at <= $1
        and not exists (select 1 from appeal_events e
                         where e.customer_id = a.customer_id and e.appeal_id = a.id and e.action = 'sla_breached')
      order by a.sla_due_at, a.id limit $2`,
    [now, limit],
  );
  return result.rows.map((row) => row.id);
}

/** Whether the appeal's SLA breach is already on its record. */
export async function slaBreachRecorded(
  q: Queryable,
  customerId: string,
  appealId: string,
): Promise<boolean> {
  const result = await q.query<{ found: number }>(
    `select 1 as found from appeal_events
      where customer_id = $1 and appeal_id = $2 and action = 'sla_breached' limit 1`,
    [customerId, appealId],
  );
  return result.rows.length > 0;
}

/** Whether a decision's appeal was already resolved (a decision is appealed once to a verdict). */
export async function resolvedAppealOf(
  q: Queryable,
  customerId: string,
  decisionId: string,
): Promise<string | undefined> {
  const result = await q.query<{ id: string }>(
    `select id from appeals where customer_id = $1 and decision_id = $2 and status = 'resolved' limit 1`,
    [customerId, decisionId],
  );
  return result.rows[0]?.id;
}

/** The open appeal of a decision, if any. */
export async function openAppealOf(
  q: Queryable,
  customerId: string,
  decisionId: string,
): Promise<string | undefined> {
  const result = await q.query<{ id: string }>(
    `select id from appeals where customer_id = $1 and decision_id = $2
        and status in ('filed', 'queued', 'in_review', 'pending_approval') limit 1`,
    [customerId, decisionId],
  );
  return result.rows[0]?.id;
}

export interface AppealFilter {
  readonly statuses?: readonly AppealStatus[];
  readonly category?: AppealCategory;
  readonly assigneeId?: string;
  readonly customerId?: string;
  readonly limit: number;
}

/** Appeals matching a filter, oldest filed first (the queue), without their diff. */
export async function listAppeals(q: Queryable, filter: AppealFilter): Promise<Appeal[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.statuses && filter.statuses.length > 0) add('a.status = any(?)', [...filter.statuses]);
  if (filter.category) add('a.category = ?', filter.category);
  if (filter.assigneeId) add(`a.assignee->>'id' = ?`, filter.assigneeId);
  if (filter.customerId) add('a.customer_id = ?', filter.customerId);
  params.push(filter.limit);
  const result = await q.query<AppealRow>(
    `select ${COLUMNS} from appeals a ${where.length ? `where ${where.join(' and ')}` : ''}
      order by a.filed_at, a.id limit $${params.length}`,
    params,
  );
  return result.rows.map(toAppeal);
}

// -------------------------------------------------------------------------------------------------
// Evidence.

interface EvidenceRow {
  customer_id: string;
  id: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_at: Date;
}

const toEvidence = (row: EvidenceRow): EvidenceInfo => ({
  evidenceId: row.id,
  customerId: row.customer_id,
  mediaType: row.media_type as EvidenceMediaType,
  sizeBytes: row.size_bytes,
  sha256: row.sha256,
  uploadedAt: row.uploaded_at,
});

/**
 * Stores a file in one statement (all of it or nothing), sealed under the active PII key (migration 0604:
 * `content_ciphertext` and `content_key_id`; `content` stays null). The same content from the same customer
 * is the same evidence: the existing row is returned (`created` false).
 */
export async function insertEvidence(
  q: Queryable,
  cipher: EvidenceCipher,
  input: EvidenceInfo & { readonly content: Uint8Array; readonly uploadedBy: string },
): Promise<{ evidence: EvidenceInfo; created: boolean }> {
  const sealer = await cipher.open(q, input.customerId, { create: true });
  const sealed = sealer.encryptBytes(
    'appeal_evidence',
    input.content,
    evidenceOwner(input.customerId, input.evidenceId),
  );
  try {
    const inserted = await q.query<EvidenceRow>(
      `insert into appeal_evidence
         (customer_id, id, media_type, size_bytes, sha256, content, content_ciphertext, content_key_id,
          uploaded_at, uploaded_by)
       values ($1, $2, $3, $4, $5, null, $6, $7, $8, $9)
       on conflict (customer_id, sha256) do nothing
       returning customer_id, id, media_type, size_bytes, sha256, uploaded_at`,
      [
        input.customerId,
        input.evidenceId,
        input.mediaType,
        input.sizeBytes,
        input.sha256,
        sealed.ciphertext,
        sealed.keyId,
        input.uploadedAt,
        input.uploadedBy,
      ],
    );
    const [row] = inserted.rows;
    if (row) return { evidence: toEvidence(row), created: true };
  } catch (error) {
    if (sqlStateOf(error) === '23503') throw AppError.notFound('customer', input.customerId);
    throw error;
  }
  const existing = await q.query<EvidenceRow>(
    `select customer_id, id, media_type, size_bytes, sha256, uploaded_at from appeal_evidence
      where customer_id = $1 and sha256 = $2`,
    [input.customerId, input.sha256],
  );
  const [row] = existing.rows;
  if (!row) throw new AppError('INTERNAL', 'evidence neither inserted nor found');
  return { evidence: toEvidence(row), created: false };
}

/** A customer's evidence by id (ids of other customers are simply not found). */
export async function findEvidence(
  q: Queryable,
  customerId: string,
  ids: readonly string[],
): Promise<EvidenceInfo[]> {
  if (ids.length === 0) return [];
  const result = await q.query<EvidenceRow>(
    `select customer_id, id, media_type, size_bytes, sha256, uploaded_at from appeal_evidence
      where customer_id = $1 and id = any($2)`,
    [customerId, [...ids]],
  );
  return result.rows.map(toEvidence);
}

interface StoredContentRow extends EvidenceRow {
  content: Uint8Array | null;
  content_ciphertext: Uint8Array | null;
  content_key_id: string | null;
}

/**
 * The file's bytes: opened with the key the row names, or — a row written before migration 0604 and not
 * yet sealed by `credence kyc reencrypt` — as stored. Either way checked against the recorded size and
 * SHA-256, so a row altered in the database is a fault, never served.
 */
async function openContent(q: Queryable, cipher: EvidenceCipher, row: StoredContentRow): Promise<Uint8Array> {
  let content: Uint8Array;
  if (row.content_ciphertext !== null && row.content_key_id !== null) {
    const sealer = await cipher.open(q, row.customer_id);
    content = sealer.decryptBytes(
      'appeal_evidence',
      { keyId: row.content_key_id, ciphertext: new Uint8Array(row.content_ciphertext) },
      evidenceOwner(row.customer_id, row.id),
    );
  } else if (row.content !== null) {
    content = new Uint8Array(row.content);
  } else {
    throw new AppError('INTERNAL', `evidence ${row.id} has no content`);
  }
  if (content.length !== row.size_bytes || sha256Hex(content) !== row.sha256)
    throw new AppError('INTERNAL', `evidence ${row.id} does not match its recorded size and SHA-256`);
  return content;
}

const CONTENT_COLUMNS = `e.customer_id, e.id, e.media_type, e.size_bytes, e.sha256, e.uploaded_at, e.content,
  e.content_ciphertext, e.content_key_id`;

/** The content of one piece of evidence cited by an appeal, or undefined. */
export async function evidenceContent(
  q: Queryable,
  cipher: EvidenceCipher,
  appeal: Pick<Appeal, 'customerId' | 'id'>,
  evidenceId: string,
): Promise<{ info: EvidenceInfo; content: Uint8Array } | undefined> {
  const result = await q.query<StoredContentRow>(
    `select ${CONTENT_COLUMNS}
       from appeal_evidence e
       join appeal_evidence_links l on l.customer_id = e.customer_id and l.evidence_id = e.id
      where l.customer_id = $1 and l.appeal_id = $2 and e.id = $3`,
    [appeal.customerId, appeal.id, evidenceId],
  );
  const [row] = result.rows;
  return row ? { info: toEvidence(row), content: await openContent(q, cipher, row) } : undefined;
}

/**
 * Seals every evidence row not yet under its customer's data key: rows still in clear (written before
 * migration 0604) and rows under a lender key (before 0802). Erased customers' rows are left alone (erasure
 * sealed them before destroying the key). Batches of `batchSize` rows in key order, a transaction per shard
 * group of a batch (one on PostgreSQL and PGlite; a crash loses nothing: the next run continues with what is
 * left). Returns how many rows were sealed.
 */
export async function reencryptEvidence(
  db: Database,
  cipher: EvidenceCipher,
  options: { batchSize?: number; onProgress?: (done: number) => void } = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 100;
  let done = 0;
  let after: { customerId: string; id: string } = { customerId: '', id: '' };
  const unsealed = '(e.content is not null or e.content_key_id <> $1)';
  for (;;) {
    // A batch is found without a lock, then locked (the test repeated) and sealed one shard group per
    // transaction: Citus locks rows only in single-shard statements (PostgreSQL, PGlite: one group).
    const found = await db.query<{ customer_id: string; id: string }>(
      `select e.customer_id, e.id from appeal_evidence e
        where ${unsealed} and (e.customer_id, e.id) > ($2, $3)
          and not exists (select 1 from customers c where c.customer_id = e.customer_id and c.erased_at is not null)
        order by e.customer_id, e.id limit $4`,
      [cipher.customerKeyId, after.customerId, after.id, batchSize],
    );
    const last = found.rows.at(-1);
    if (!last) return done;
    after = { customerId: last.customer_id, id: last.id };
    const groups = await groupByShard(
      db,
      found.rows.map((row) => ({ customerId: row.customer_id, id: row.id })),
    );
    for (const group of groups) {
      done += await db.transaction(async (tx) => {
        const customers = group.map((row) => row.customerId);
        // Erased customers (in between) are left out; their rows were sealed by the erasure.
        const erased = await tx.query<{ customer_id: string }>(
          'select customer_id from customers where customer_id = any ($1::text[]) and erased_at is not null',
          [customers],
        );
        const gone = new Set(erased.rows.map((row) => row.customer_id));
        const locked = await tx.query<StoredContentRow>(
          `select ${CONTENT_COLUMNS} from appeal_evidence e
            where e.customer_id = any ($2::text[])
              and (e.customer_id, e.id) in (select * from unnest($2::text[], $3::text[]))
              and ${unsealed}
            order by e.customer_id, e.id for update`,
          [cipher.customerKeyId, customers, group.map((row) => row.id)],
        );
        const result = { rows: locked.rows.filter((row) => !gone.has(row.customer_id)) };
        for (const row of result.rows) {
          const content = await openContent(tx, cipher, row);
          const sealer = await cipher.open(tx, row.customer_id, { create: true });
          const next = sealer.encryptBytes(
            'appeal_evidence',
            content,
            evidenceOwner(row.customer_id, row.id),
          );
          await tx.query(
            `update appeal_evidence set content = null, content_ciphertext = $3, content_key_id = $4
              where customer_id = $1 and id = $2`,
            [row.customer_id, row.id, next.ciphertext, next.keyId],
          );
        }
        return result.rows.length;
      });
    }
    options.onProgress?.(done);
  }
}

// -------------------------------------------------------------------------------------------------
// The audit trail.

interface EventRow {
  customer_id: string;
  appeal_id: string;
  seq: number;
  id: string;
  action: string;
  actor: Actor;
  at: Date;
  status_before: string | null;
  status_after: string;
  before: AuditEvent['before'];
  after: AuditEvent['after'];
  note: string | null;
}

/** The next sequence number of an appeal's trail (call with the appeal row locked). */
export async function nextSeq(q: Queryable, customerId: string, appealId: string): Promise<number> {
  const result = await q.query<{ next: number }>(
    'select coalesce(max(seq), 0) + 1 as next from appeal_events where customer_id = $1 and appeal_id = $2',
    [customerId, appealId],
  );
  return Number(result.rows[0]?.next ?? 1);
}

export async function insertEvents(q: Queryable, events: readonly AuditEvent[]): Promise<void> {
  for (const e of events) {
    await q.query(
      `insert into appeal_events (customer_id, appeal_id, seq, id, action, actor, at, status_before, status_after,
         before, after, note)
       values ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10::jsonb, $11::jsonb, $12)`,
      [
        e.customerId,
        e.appealId,
        e.seq,
        e.id,
        e.action,
        json(e.actor),
        e.at,
        e.statusBefore,
        e.statusAfter,
        json(e.before),
        json(e.after),
        e.note,
      ],
    );
  }
}

export async function listEvents(q: Queryable, customerId: string, appealId: string): Promise<AuditEvent[]> {
  const result = await q.query<EventRow>(
    `select customer_id, appeal_id, seq, id, action, actor, at, status_before, status_after, before, after, note
       from appeal_events where customer_id = $1 and appeal_id = $2 order by seq`,
    [customerId, appealId],
  );
  return result.rows.map((row) => ({
    id: row.id,
    appealId: row.appeal_id,
    customerId: row.customer_id,
    seq: row.seq,
    action: row.action as AuditEvent['action'],
    actor: row.actor,
    at: row.at,
    statusBefore: row.status_before as AppealStatus | null,
    statusAfter: row.status_after as AppealStatus,
    before: row.before,
    after: row.after,
    note: row.note,
  }));
}

// -------------------------------------------------------------------------------------------------
// Notifications (an outbox).

interface NotificationRow {
  customer_id: string;
  id: string;
  appeal_id: string;
  kind: string;
  text: LocalizedText;
  created_at: Date;
  delivered_at: Date | null;
}

const toNotification = (row: NotificationRow): AppealNotification => ({
  id: row.id,
  appealId: row.appeal_id,
  customerId: row.customer_id,
  kind: row.kind as NotificationKind,
  text: row.text,
  createdAt: row.created_at,
  deliveredAt: row.delivered_at,
});

export async function insertNotifications(q: Queryable, list: readonly AppealNotification[]): Promise<void> {
  for (const n of list) {
    await q.query(
      `insert into appeal_notifications (customer_id, id, appeal_id, kind, text, created_at, delivered_at)
       values ($1, $2, $3, $4, $5::jsonb, $6, null)`,
      [n.customerId, n.id, n.appealId, n.kind, json(n.text), n.createdAt],
    );
  }
}

/** Notifications not yet delivered, oldest first; of one appeal when given. */
export async function undeliveredNotifications(
  q: Queryable,
  options: { appealId?: string; limit: number },
): Promise<AppealNotification[]> {
  const result = await q.query<NotificationRow>(
    options.appealId
      ? `select * from appeal_notifications where delivered_at is null and appeal_id = $2 order by created_at, id limit $1`
      : `select * from appeal_notifications where delivered_at is null order by created_at, id limit $1`,
    options.appealId ? [options.limit, options.appealId] : [options.limit],
  );
  return result.rows.map(toNotification);
}

/** Marks a notification delivered; false when another worker already did. */
export async function markDelivered(
  q: Queryable,
  notification: Pick<AppealNotification, 'customerId' | 'id'>,
  at: Date,
): Promise<boolean> {
  const result = await q.query(
    `update appeal_notifications set delivered_at = $3 where customer_id = $1 and id = $2 and delivered_at is null`,
    [notification.customerId, notification.id, at],
  );
  return result.rowCount === 1;
}

export async function listNotifications(
  q: Queryable,
  customerId: string,
  appealId: string,
): Promise<AppealNotification[]> {
  const result = await q.query<NotificationRow>(
    `select * from appeal_notifications where customer_id = $1 and appeal_id = $2 order by created_at, id`,
    [customerId, appealId],
  );
  return result.rows.map(toNotification);
}

// -------------------------------------------------------------------------------------------------
// Monitoring.

export interface AppealCountsRow {
  readonly status: AppealStatus;
  readonly resolution: Resolution | null;
  readonly category: AppealCategory;
  readonly count: number;
}

export interface AppealStatsRows {
  readonly counts: readonly AppealCountsRow[];
  /** Resolved or withdrawn at or after the due instant. */
  readonly slaBreaches: number;
  /** Still open past the due instant. */
  readonly slaBreachesOpen: number;
  /** Median hours from filing to resolution, overall and per resolution; null when none resolved. */
  readonly medianHours: Readonly<Record<Resolution | 'all', number | null>>;
}

/** Counts, SLA breaches and median time to resolution of the appeals filed in [from, to). */
export async function appealStats(q: Queryable, from: Date, to: Date, now: Date): Promise<AppealStatsRows> {
  const counts = await q.query<{
    status: string;
    resolution: string | null;
    category: string;
    count: bigint;
  }>(
    `select status, resolution, category, count(*) as count from appeals
      where filed_at >= $1 and filed_at < $2 group by status, resolution, category
      order by status, resolution, category`,
    [from, to],
  );
  const breaches = await q.query<{ resolved: bigint; open: bigint }>(
    `select count(*) filter (where coalesce(resolved_at, withdrawn_at) >= sla_due_at) as resolved,
            count(*) filter (where status in ('queued', 'in_review', 'pending_approval') and $3 >= sla_due_at) as open
       from appeals where filed_at >= $1 and filed_at < $2 and sla_due_at is not null`,
    [from, to, now],
  );
  const medians = await q.query<{ resolution: string | null; median: number | string | null }>(
    `select resolution, percentile_cont(0.5) within group (order by extract(epoch from resolved_at - filed_at)) / 3600.0 as median
       from appeals where filed_at >= $1 and filed_at < $2 and status = 'resolved'
      group by rollup (resolution)`,
    [from, to],
  );
  const medianHours: Record<Resolution | 'all', number | null> = {
    all: null,
    overturned_by_recheck: null,
    overturned: null,
    upheld: null,
  };
  for (const row of medians.rows) {
    const value = row.median === null ? null : Number(row.median);
    medianHours[(row.resolution ?? 'all') as Resolution | 'all'] = value;
  }
  return {
    counts: counts.rows.map((row) => ({
      status: row.status as AppealStatus,
      resolution: row.resolution as Resolution | null,
      category: row.category as AppealCategory,
      count: Number(row.count),
    })),
    slaBreaches: Number(breaches.rows[0]?.resolved ?? 0n),
    slaBreachesOpen: Number(breaches.rows[0]?.open ?? 0n),
    medianHours,
  };
}
