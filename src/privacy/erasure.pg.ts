import type { Queryable } from '../platform/database/database.ts';
import { toJson } from '../platform/database/database.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import type { DataSubjectRequest, RequestKind, RequestStatus } from './data-subject-request.ts';
import type { ErasureHold, HoldFacts, RetentionBasis, RetentionRule } from './erasure-holds.ts';

/**
 * Storage of erasure: the requests (`data_subject_requests`), the rule book and legal holds (migration
 * 0803), the facts holds are decided on (read from the lending and appeals tables), and the erasure itself
 * (customers, cards, sessions). Functions take the executor; the use case owns the transaction.
 */

interface RequestRow {
  customer_id: string;
  id: string;
  kind: RequestKind;
  status: RequestStatus;
  requested_by_kind: 'customer' | 'staff' | 'system';
  requested_by: string;
  reason: string | null;
  requested_at: Date;
  details: Record<string, unknown>;
  holds: ErasureHold[];
  not_before: string | null;
  decided_at: Date | null;
  decided_by: string | null;
  completed_at: Date | null;
  outcome: Record<string, unknown> | null;
  idempotency_key: string | null;
}

const REQUEST_COLUMNS = `customer_id, id, kind, status, requested_by_kind, requested_by, reason, requested_at, details,
  holds, to_char(not_before, 'YYYY-MM-DD') as not_before, decided_at, decided_by, completed_at, outcome, idempotency_key`;

const toRequest = (row: RequestRow): DataSubjectRequest => ({
  id: row.id,
  customerId: row.customer_id,
  kind: row.kind,
  status: row.status,
  requestedBy: { kind: row.requested_by_kind, id: row.requested_by },
  reason: row.reason,
  requestedAt: row.requested_at,
  details: row.details,
  holds: row.holds,
  notBefore: row.not_before as LocalDate | null,
  decidedAt: row.decided_at,
  decidedBy: row.decided_by,
  completedAt: row.completed_at,
  outcome: row.outcome,
  idempotencyKey: row.idempotency_key,
});

export async function insertRequest(q: Queryable, request: DataSubjectRequest): Promise<void> {
  await q.query(
    `insert into data_subject_requests (customer_id, id, kind, status, requested_by_kind, requested_by, reason,
       requested_at, details, holds, not_before, decided_at, decided_by, completed_at, outcome, idempotency_key)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
    [
      request.customerId,
      request.id,
      request.kind,
      request.status,
      request.requestedBy.kind,
      request.requestedBy.id,
      request.reason,
      request.requestedAt,
      toJson(request.details),
      toJson(request.holds),
      request.notBefore,
      request.decidedAt,
      request.decidedBy,
      request.completedAt,
      request.outcome === null ? null : toJson(request.outcome),
      request.idempotencyKey,
    ],
  );
}

/** Moves a request forward: status, holds, decision, completion, outcome (who asked, what and when stay). */
export async function updateRequest(q: Queryable, request: DataSubjectRequest): Promise<void> {
  await q.query(
    `update data_subject_requests set status = $3, holds = $4, not_before = $5, decided_at = $6, decided_by = $7,
            completed_at = $8, outcome = $9
      where customer_id = $1 and id = $2`,
    [
      request.customerId,
      request.id,
      request.status,
      toJson(request.holds),
      request.notBefore,
      request.decidedAt,
      request.decidedBy,
      request.completedAt,
      request.outcome === null ? null : toJson(request.outcome),
    ],
  );
}

/** The customer's requests of a kind, newest first. */
export async function requestsOf(
  q: Queryable,
  customerId: string,
  kind: RequestKind,
): Promise<DataSubjectRequest[]> {
  const result = await q.query<RequestRow>(
    `select ${REQUEST_COLUMNS} from data_subject_requests where customer_id = $1 and kind = $2
      order by requested_at desc, id desc`,
    [customerId, kind],
  );
  return result.rows.map(toRequest);
}

export async function findRequest(
  q: Queryable,
  customerId: string,
  id: string,
): Promise<DataSubjectRequest | undefined> {
  const result = await q.query<RequestRow>(
    `select ${REQUEST_COLUMNS} from data_subject_requests where customer_id = $1 and id = $2`,
    [customerId, id],
  );
  const [row] = result.rows;
  return row ? toRequest(row) : undefined;
}

/** A request by id alone (staff paths carry only the id). */
export async function findRequestById(q: Queryable, id: string): Promise<DataSubjectRequest | undefined> {
  const result = await q.query<RequestRow>(
    `select ${REQUEST_COLUMNS} from data_subject_requests where id = $1`,
    [id],
  );
  const [row] = result.rows;
  return row ? toRequest(row) : undefined;
}

/** Requests for staff: by kind and status, oldest first (the queue order). */
export async function listRequests(
  q: Queryable,
  filter: { kind?: RequestKind; statuses?: readonly RequestStatus[]; customerId?: string; limit: number },
): Promise<DataSubjectRequest[]> {
  const result = await q.query<RequestRow>(
    `select ${REQUEST_COLUMNS} from data_subject_requests
      where ($1::text is null or kind = $1) and ($2::text[] is null or status = any($2))
        and ($3::text is null or customer_id = $3)
      order by requested_at, id limit $4`,
    [
      filter.kind ?? null,
      filter.statuses ? [...filter.statuses] : null,
      filter.customerId ?? null,
      filter.limit,
    ],
  );
  return result.rows.map(toRequest);
}

/** Blocked erasures, in queue order after `after` (the day step pages through them). */
export async function blockedErasures(
  q: Queryable,
  after: string,
  limit: number,
): Promise<DataSubjectRequest[]> {
  const result = await q.query<RequestRow>(
    `select ${REQUEST_COLUMNS} from data_subject_requests
      where kind = 'erasure' and status in ('received', 'blocked') and id > $1 order by id limit $2`,
    [after, limit],
  );
  return result.rows.map(toRequest);
}

/** Locks the customer row for the erasure; whether it exists and when it was erased. */
export async function lockCustomer(
  q: Queryable,
  customerId: string,
): Promise<{ exists: boolean; erasedAt: Date | null; erasureRequestId: string | null }> {
  const result = await q.query<{ erased_at: Date | null; erasure_request_id: string | null }>(
    'select erased_at, erasure_request_id from customers where customer_id = $1 for update',
    [customerId],
  );
  const [row] = result.rows;
  return row
    ? { exists: true, erasedAt: row.erased_at, erasureRequestId: row.erasure_request_id }
    : { exists: false, erasedAt: null, erasureRequestId: null };
}

// -------------------------------------------------------------------------------------------------
// Rules and facts.

interface RuleRow {
  id: string;
  basis: RetentionBasis;
  keep_months: number | null;
  citation_zh: string;
  citation_en: string;
  effective_from: string;
  retired_on: string | null;
}

export async function retentionRules(q: Queryable): Promise<RetentionRule[]> {
  const result = await q.query<RuleRow>(
    `select id, basis, keep_months, citation_zh, citation_en, to_char(effective_from, 'YYYY-MM-DD') as effective_from,
            to_char(retired_on, 'YYYY-MM-DD') as retired_on
       from retention_rules order by id`,
  );
  return result.rows.map((row) => ({
    id: row.id,
    basis: row.basis,
    keepMonths: row.keep_months,
    citation: { zh: row.citation_zh, en: row.citation_en },
    effectiveFrom: row.effective_from as LocalDate,
    retiredOn: row.retired_on as LocalDate | null,
  }));
}

/**
 * The customer's credit contracts, open appeals and legal holds in force — read across the lending and
 * appeals tables (a read model: those contexts own the rows; nothing is written to them here).
 */
export async function holdFacts(q: Queryable, customerId: string): Promise<HoldFacts> {
  const credit = await q.query<{
    kind: 'loan' | 'line';
    id: string;
    status: string;
    closed_on: string | null;
  }>(
    `select 'loan' as kind, id, status,
            case when status = 'closed' then state->>'closedOn' end as closed_on
       from loans where customer_id = $1
     union all
     select 'line' as kind, id, case when closed_on is null then 'open' else 'closed' end as status,
            to_char(closed_on, 'YYYY-MM-DD') as closed_on
       from credit_lines where customer_id = $1
     order by kind, id`,
    [customerId],
  );
  const appeals = await q.query<{ kind: 'appeal' | 'correction'; id: string; status: string }>(
    `select 'appeal' as kind, id, status from appeals
      where customer_id = $1 and status not in ('resolved', 'withdrawn')
     union all
     select 'correction' as kind, id, status from data_corrections where customer_id = $1 and status = 'open'
     order by kind, id`,
    [customerId],
  );
  const holds = await q.query<{ id: string; reason: string; authority: string | null; held_until: string }>(
    `select id, reason, authority, to_char(held_until, 'YYYY-MM-DD') as held_until
       from legal_holds where customer_id = $1 and released_at is null order by id`,
    [customerId],
  );
  return {
    credit: credit.rows.map((row) => ({
      kind: row.kind,
      id: row.id,
      status: row.status,
      // A closed loan without a recorded close date is kept as open (the careful reading).
      closedOn: row.status === 'closed' && row.closed_on ? (row.closed_on as LocalDate) : null,
    })),
    openAppeals: appeals.rows,
    legalHolds: holds.rows.map((row) => ({
      id: row.id,
      reason: row.reason,
      authority: row.authority,
      heldUntil: row.held_until as LocalDate,
    })),
  };
}

// -------------------------------------------------------------------------------------------------
// The erasure itself.

export interface SealedRow {
  readonly keyId: string;
  readonly ciphertext: Uint8Array;
}

/** The customer's identifiers as stored (to move any still under a lender key to the data key first). */
export async function storedIdentifiers(
  q: Queryable,
  customerId: string,
): Promise<{ name: SealedRow; idNumber: SealedRow; phone: SealedRow }> {
  const result = await q.query<{
    name_enc: Uint8Array;
    name_key_id: string;
    id_number_enc: Uint8Array;
    id_number_key_id: string;
    phone_enc: Uint8Array;
    phone_key_id: string;
  }>(
    `select name_enc, name_key_id, id_number_enc, id_number_key_id, phone_enc, phone_key_id
       from customers where customer_id = $1`,
    [customerId],
  );
  const [row] = result.rows;
  if (!row) throw new Error(`customer ${customerId} vanished during erasure`);
  return {
    name: { keyId: row.name_key_id, ciphertext: new Uint8Array(row.name_enc) },
    idNumber: { keyId: row.id_number_key_id, ciphertext: new Uint8Array(row.id_number_enc) },
    phone: { keyId: row.phone_key_id, ciphertext: new Uint8Array(row.phone_enc) },
  };
}

export async function resealIdentifiers(
  q: Queryable,
  customerId: string,
  sealed: { name: SealedRow; idNumber: SealedRow; phone: SealedRow },
): Promise<void> {
  await q.query(
    `update customers set name_enc = $2, name_key_id = $3, id_number_enc = $4, id_number_key_id = $5,
            phone_enc = $6, phone_key_id = $7 where customer_id = $1`,
    [
      customerId,
      Buffer.from(sealed.name.ciphertext),
      sealed.name.keyId,
      Buffer.from(sealed.idNumber.ciphertext),
      sealed.idNumber.keyId,
      Buffer.from(sealed.phone.ciphertext),
      sealed.phone.keyId,
    ],
  );
}

/** Every card of the customer (removed ones too) as stored. */
export async function storedCards(
  q: Queryable,
  customerId: string,
): Promise<Array<{ cardId: string; card: SealedRow }>> {
  const result = await q.query<{ card_id: string; card_enc: Uint8Array; card_key_id: string }>(
    'select card_id, card_enc, card_key_id from customer_cards where customer_id = $1 order by card_id',
    [customerId],
  );
  return result.rows.map((row) => ({
    cardId: row.card_id,
    card: { keyId: row.card_key_id, ciphertext: new Uint8Array(row.card_enc) },
  }));
}

export async function resealCard(
  q: Queryable,
  customerId: string,
  cardId: string,
  card: SealedRow,
): Promise<void> {
  await q.query(
    'update customer_cards set card_enc = $3, card_key_id = $4 where customer_id = $1 and card_id = $2',
    [customerId, cardId, Buffer.from(card.ciphertext), card.keyId],
  );
}

/** Evidence files not yet under the customer's data key (in clear from before 0604, or under a lender key). */
export async function evidenceNotUnderDataKey(
  q: Queryable,
  customerId: string,
  dataKeyId: string,
): Promise<Array<{ id: string; content: Uint8Array | null; sealed: SealedRow | null }>> {
  const result = await q.query<{
    id: string;
    content: Uint8Array | null;
    content_ciphertext: Uint8Array | null;
    content_key_id: string | null;
  }>(
    `select id, content, content_ciphertext, content_key_id from appeal_evidence
      where customer_id = $1 and (content is not null or content_key_id <> $2) order by id for update`,
    [customerId, dataKeyId],
  );
  return result.rows.map((row) => ({
    id: row.id,
    content: row.content === null ? null : new Uint8Array(row.content),
    sealed:
      row.content_ciphertext === null || row.content_key_id === null
        ? null
        : { keyId: row.content_key_id, ciphertext: new Uint8Array(row.content_ciphertext) },
  }));
}

export async function resealEvidence(
  q: Queryable,
  customerId: string,
  id: string,
  sealed: SealedRow,
): Promise<void> {
  await q.query(
    `update appeal_evidence set content = null, content_ciphertext = $3, content_key_id = $4
      where customer_id = $1 and id = $2`,
    [customerId, id, Buffer.from(sealed.ciphertext), sealed.keyId],
  );
}

/**
 * Marks the customer erased and removes what re-identifies them: blind indexes, the columns derived from
 * the ID number, the lender app's external id (replaced by a pseudonym derived from the customer id); card
 * blind indexes. The sealed values stay — unreadable once the data key is deleted.
 */
export async function markErased(
  q: Queryable,
  customerId: string,
  requestId: string,
  at: Date,
): Promise<{ cards: number }> {
  await q.query(
    `update customers set erased_at = $2, erasure_request_id = $3, external_id = 'erased:' || customer_id,
            id_number_bidx = null, phone_bidx = null, birth_date = null, sex = null, region_code = null
      where customer_id = $1`,
    [customerId, at, requestId],
  );
  const cards = await q.query(
    'update customer_cards set card_bidx = null, erased_at = $2, removed_at = coalesce(removed_at, $2) where customer_id = $1',
    [customerId, at],
  );
  return { cards: cards.rowCount };
}

/** What an erased person's own words are replaced with (zh-CN and en, one line). */
export const ERASED_TEXT = "已删除（本人要求删除个人信息）/ erased at the person's request";

/**
 * Replaces what the person wrote in their own words — appeal statements, correction requests' statements
 * and proposed values — which may name them (free text is not sealed): the records stay (category, status,
 * resolution, dates), their words go. Appeals and corrections are closed by then (open ones hold the
 * erasure). Returns how many records.
 */
export async function redactOwnWords(q: Queryable, customerId: string): Promise<number> {
  const appeals = await q.query(
    'update appeals set statement = $2 where customer_id = $1 and statement <> $2',
    [customerId, ERASED_TEXT],
  );
  const corrections = await q.query(
    `update data_corrections set statement = $2, proposed = '{}'::jsonb where customer_id = $1 and statement <> $2`,
    [customerId, ERASED_TEXT],
  );
  return appeals.rowCount + corrections.rowCount;
}

/**
 * Drops the files of the customer's copies of their data (made before the erasure, sealed under the
 * lender's key): the rows, dates and hashes stay, as after an expiry. Returns how many.
 */
export async function purgeCopies(q: Queryable, customerId: string, at: Date): Promise<number> {
  const result = await q.query(
    `update data_exports set document = null, summary = null, purged_at = $2
      where customer_id = $1 and purged_at is null and document is not null`,
    [customerId, at],
  );
  return result.rowCount;
}

/** Ends every live session of the customer (an erased person has no identity to sign in with). */
export async function revokeSessions(q: Queryable, customerId: string, at: Date): Promise<number> {
  const result = await q.query(
    `update customer_sessions set revoked_at = $2, revoked_reason = 'revoke_all'
      where customer_id = $1 and revoked_at is null`,
    [customerId, at],
  );
  return result.rowCount;
}

// -------------------------------------------------------------------------------------------------
// Legal holds.

export interface LegalHold {
  readonly id: string;
  readonly customerId: string;
  readonly reason: string;
  readonly authority: string | null;
  readonly heldUntil: LocalDate;
  readonly placedBy: string;
  readonly placedAt: Date;
  readonly releasedAt: Date | null;
  readonly releasedBy: string | null;
  readonly releaseReason: string | null;
}

interface LegalHoldRow {
  customer_id: string;
  id: string;
  reason: string;
  authority: string | null;
  held_until: string;
  placed_by: string;
  placed_at: Date;
  released_at: Date | null;
  released_by: string | null;
  release_reason: string | null;
}

const HOLD_COLUMNS = `customer_id, id, reason, authority, to_char(held_until, 'YYYY-MM-DD') as held_until, placed_by,
  placed_at, released_at, released_by, release_reason`;

const toHold = (row: LegalHoldRow): LegalHold => ({
  id: row.id,
  customerId: row.customer_id,
  reason: row.reason,
  authority: row.authority,
  heldUntil: row.held_until as LocalDate,
  placedBy: row.placed_by,
  placedAt: row.placed_at,
  releasedAt: row.released_at,
  releasedBy: row.released_by,
  releaseReason: row.release_reason,
});

export async function insertLegalHold(q: Queryable, hold: LegalHold): Promise<void> {
  await q.query(
    `insert into legal_holds (customer_id, id, reason, authority, held_until, placed_by, placed_at)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [hold.customerId, hold.id, hold.reason, hold.authority, hold.heldUntil, hold.placedBy, hold.placedAt],
  );
}

/**
 * A hold by its id; `lock` locks it by its full key (Citus locks rows only in single-shard statements, which
 * need `customer_id`): a hold's customer never changes, so it is read first without a lock.
 */
export async function findLegalHold(q: Queryable, id: string, lock = false): Promise<LegalHold | undefined> {
  const found = await q.query<LegalHoldRow>(`select ${HOLD_COLUMNS} from legal_holds where id = $1`, [id]);
  const [row] = found.rows;
  if (!row || !lock) return row ? toHold(row) : undefined;
  const locked = await q.query<LegalHoldRow>(
    `select ${HOLD_COLUMNS} from legal_holds where customer_id = $1 and id = $2 for update`,
    [row.customer_id, id],
  );
  const [current] = locked.rows;
  return current ? toHold(current) : undefined;
}

export async function releaseLegalHold(
  q: Queryable,
  hold: Pick<LegalHold, 'customerId' | 'id'>,
  release: { at: Date; by: string; reason: string },
): Promise<void> {
  await q.query(
    `update legal_holds set released_at = $3, released_by = $4, release_reason = $5 where customer_id = $1 and id = $2`,
    [hold.customerId, hold.id, release.at, release.by, release.reason],
  );
}

export async function listLegalHolds(
  q: Queryable,
  filter: { customerId?: string; inForceOn?: LocalDate; limit: number },
): Promise<LegalHold[]> {
  const result = await q.query<LegalHoldRow>(
    `select ${HOLD_COLUMNS} from legal_holds
      where ($1::text is null or customer_id = $1)
        and ($2::date is null or (released_at is null and held_until >= $2))
      order by placed_at desc, id desc limit $3`,
    [filter.customerId ?? null, filter.inForceOn ?? null, filter.limit],
  );
  return result.rows.map(toHold);
}
