import type { AlongsideRead, Queryable } from '../platform/database/database.ts';
import { toJson } from '../platform/database/database.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { erasedCustomer } from '../privacy/index.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import type {
  BlocklistKind,
  BlocklistRecord,
  CardRecord,
  CustomerRecord,
  SnapshotSubject,
  StoredEventRow,
} from './customer.ts';
import { parseEvent, typeFields, type CustomerEvent } from './events/customer-event.ts';

/**
 * Storage of customers, cards and events. Functions take the executor (database or transaction); the use
 * case owns the transaction. Rows (`*Row`, snake_case) are mapped to domain values here and never leave.
 */

interface CustomerRow {
  customer_id: string;
  external_id: string;
  name_enc: Uint8Array;
  name_key_id: string;
  id_number_enc: Uint8Array;
  id_number_key_id: string;
  id_number_bidx: string | null;
  phone_enc: Uint8Array;
  phone_key_id: string;
  phone_bidx: string | null;
  birth_date: string | null;
  sex: string | null;
  region_code: string | null;
  created_at: Date;
  erased_at: Date | null;
}

interface CardRow {
  customer_id: string;
  card_id: string;
  card_enc: Uint8Array;
  card_key_id: string;
  card_bidx: string | null;
  last4: string;
  issuer: string | null;
  added_at: Date;
  removed_at: Date | null;
}

interface EventRow {
  customer_id: string;
  source: string;
  event_id: string;
  type: string;
  occurred_at: Date;
  payload: Record<string, unknown>;
}

const CUSTOMER_COLUMNS =
  'customer_id, external_id, name_enc, name_key_id, id_number_enc, id_number_key_id, id_number_bidx, phone_enc, phone_key_id, phone_bidx, birth_date, sex, region_code, created_at';
/** What reads select: the stored columns and whether the customer was erased. */
const READ_COLUMNS = `${CUSTOMER_COLUMNS}, erased_at`;

/**
 * A stored customer as a domain value. An erased customer (migration 0802) has no identity left to map:
 * GONE (410), whatever path read them — the one answer every read of a person gives after erasure.
 */
function toCustomer(row: CustomerRow): CustomerRecord {
  if (row.erased_at !== null) throw erasedCustomer(row.customer_id, row.erased_at);
  if (
    row.id_number_bidx === null ||
    row.phone_bidx === null ||
    row.birth_date === null ||
    row.region_code === null
  )
    throw new AppError('INTERNAL', `customer ${row.customer_id} lacks its identifiers but is not erased`);
  if (row.sex !== 'male' && row.sex !== 'female')
    throw new AppError('INTERNAL', `customer ${row.customer_id} has sex "${row.sex}"`);
  return {
    customerId: row.customer_id,
    externalId: row.external_id,
    name: { keyId: row.name_key_id, ciphertext: row.name_enc },
    idNumber: { keyId: row.id_number_key_id, ciphertext: row.id_number_enc },
    idNumberIndex: row.id_number_bidx,
    phone: { keyId: row.phone_key_id, ciphertext: row.phone_enc },
    phoneIndex: row.phone_bidx,
    birthDate: row.birth_date as LocalDate,
    sex: row.sex,
    regionCode: row.region_code,
    createdAt: row.created_at,
  };
}

function toCard(row: CardRow): CardRecord {
  if (row.card_bidx === null) throw erasedCustomer(row.customer_id, null);
  return {
    customerId: row.customer_id,
    cardId: row.card_id,
    card: { keyId: row.card_key_id, ciphertext: row.card_enc },
    cardIndex: row.card_bidx,
    last4: row.last4,
    issuer: row.issuer,
    addedAt: row.added_at,
    removedAt: row.removed_at,
  };
}

const bytes = (value: Uint8Array): Buffer => Buffer.from(value.buffer, value.byteOffset, value.byteLength);

/** Inserts customers in one statement; an existing customer id is left as it is (idempotent bulk loads). */
export async function insertCustomers(q: Queryable, customers: readonly CustomerRecord[]): Promise<number> {
  if (customers.length === 0) return 0;
  const params: unknown[] = [];
  const rows = customers.map((c) => {
    const base = params.length;
    params.push(
      c.customerId,
      c.externalId,
      bytes(c.name.ciphertext),
      c.name.keyId,
      bytes(c.idNumber.ciphertext),
      c.idNumber.keyId,
      c.idNumberIndex,
      bytes(c.phone.ciphertext),
      c.phone.keyId,
      c.phoneIndex,
      c.birthDate,
      c.sex,
      c.regionCode,
      c.createdAt,
    );
    return `(${Array.from({ length: 14 }, (_, i) => `$${base + i + 1}`).join(', ')})`;
  });
  const result = await q.query(
    `insert into customers (${CUSTOMER_COLUMNS}) values ${rows.join(', ')} on conflict (customer_id) do nothing`,
    params,
  );
  return result.rowCount;
}

export async function findCustomer(q: Queryable, customerId: string): Promise<CustomerRecord | undefined> {
  const result = await q.query<CustomerRow>(`select ${READ_COLUMNS} from customers where customer_id = $1`, [
    customerId,
  ]);
  const [row] = result.rows;
  return row ? toCustomer(row) : undefined;
}

/** Customers with this external id (at most one, by the use case's rule). */
export async function findCustomersByExternalId(q: Queryable, externalId: string): Promise<CustomerRecord[]> {
  const result = await q.query<CustomerRow>(
    `select ${READ_COLUMNS} from customers where external_id = $1 and erased_at is null`,
    [externalId],
  );
  return result.rows.map(toCustomer);
}

/** Customers whose ID number has this blind index. */
export async function findCustomersByIdNumberIndex(q: Queryable, index: string): Promise<CustomerRecord[]> {
  const result = await q.query<CustomerRow>(
    `select ${READ_COLUMNS} from customers where id_number_bidx = $1`,
    [index],
  );
  return result.rows.map(toCustomer);
}

/**
 * Serialises check-then-insert on a key (an external id, an ID number's blind index) until the
 * transaction ends: the distribution rule rules out a unique index without customer_id, so the use case
 * takes this lock instead.
 */
export async function lockKey(q: Queryable, key: string): Promise<void> {
  await q.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
}

/** Which of these ids are customers. */
export async function existingCustomerIds(
  q: Queryable,
  customerIds: readonly string[],
): Promise<Set<string>> {
  if (customerIds.length === 0) return new Set();
  const result = await q.query<{ customer_id: string }>(
    'select customer_id from customers where customer_id = any($1::text[])',
    [[...new Set(customerIds)]],
  );
  return new Set(result.rows.map((row) => row.customer_id));
}

/** Customer ids after `after` in id order (keyset pagination), with their opening instant and birth date. */
export async function listCustomers(
  q: Queryable,
  after: string,
  limit: number,
): Promise<Array<{ customerId: string; createdAt: Date; birthDate: LocalDate }>> {
  const result = await q.query<{ customer_id: string; created_at: Date; birth_date: string }>(
    'select customer_id, created_at, birth_date from customers where customer_id > $1 and erased_at is null order by customer_id limit $2',
    [after, limit],
  );
  return result.rows.map((row) => ({
    customerId: row.customer_id,
    createdAt: row.created_at,
    birthDate: row.birth_date as LocalDate,
  }));
}

export async function countCustomers(q: Queryable): Promise<number> {
  const result = await q.query<{ count: bigint }>('select count(*)::int8 as count from customers');
  return Number(result.rows[0]?.count ?? 0n);
}

/** Customers whose PII is sealed with a key other than `activeKeyId`, in id order after `after`. */
export async function customersNotUnderKey(
  q: Queryable,
  activeKeyId: string,
  after: string,
  limit: number,
): Promise<CustomerRecord[]> {
  const result = await q.query<CustomerRow>(
    `select ${READ_COLUMNS} from customers
      where customer_id > $2 and erased_at is null
        and (name_key_id <> $1 or id_number_key_id <> $1 or phone_key_id <> $1)
      order by customer_id limit $3`,
    [activeKeyId, after, limit],
  );
  return result.rows.map(toCustomer);
}

export async function updateCustomerPii(q: Queryable, customer: CustomerRecord): Promise<void> {
  await q.query(
    `update customers set name_enc = $2, name_key_id = $3, id_number_enc = $4, id_number_key_id = $5,
            phone_enc = $6, phone_key_id = $7 where customer_id = $1`,
    [
      customer.customerId,
      bytes(customer.name.ciphertext),
      customer.name.keyId,
      bytes(customer.idNumber.ciphertext),
      customer.idNumber.keyId,
      bytes(customer.phone.ciphertext),
      customer.phone.keyId,
    ],
  );
}

export async function insertCards(q: Queryable, cards: readonly CardRecord[]): Promise<void> {
  if (cards.length === 0) return;
  const params: unknown[] = [];
  const rows = cards.map((card) => {
    const base = params.length;
    params.push(
      card.customerId,
      card.cardId,
      bytes(card.card.ciphertext),
      card.card.keyId,
      card.cardIndex,
      card.last4,
      card.issuer,
      card.addedAt,
    );
    return `(${Array.from({ length: 8 }, (_, i) => `$${base + i + 1}`).join(', ')})`;
  });
  await q.query(
    `insert into customer_cards (customer_id, card_id, card_enc, card_key_id, card_bidx, last4, issuer, added_at)
     values ${rows.join(', ')} on conflict (customer_id, card_id) do nothing`,
    params,
  );
}

/** Bound cards (not removed), oldest first. */
export async function listCards(q: Queryable, customerId: string): Promise<CardRecord[]> {
  const result = await q.query<CardRow>(
    `select customer_id, card_id, card_enc, card_key_id, card_bidx, last4, issuer, added_at, removed_at
       from customer_cards where customer_id = $1 and removed_at is null order by added_at, card_id`,
    [customerId],
  );
  return result.rows.map(toCard);
}

/** Every card the customer ever bound, removed ones too (the copy of their data lists them all). */
export async function listCardsEverBound(q: Queryable, customerId: string): Promise<CardRecord[]> {
  const result = await q.query<CardRow>(
    `select customer_id, card_id, card_enc, card_key_id, card_bidx, last4, issuer, added_at, removed_at
       from customer_cards where customer_id = $1 order by added_at, card_id`,
    [customerId],
  );
  return result.rows.map(toCard);
}

/**
 * Whether a card with this blind index is bound (and not removed) to a customer other than `customerId`.
 * Says yes or no only: who holds it is not for the caller to learn.
 */
export async function cardBoundToAnotherCustomer(
  q: Queryable,
  cardIndex: string,
  customerId: string,
): Promise<boolean> {
  const result = await q.query(
    `select 1 from customer_cards where card_bidx = $1 and removed_at is null and customer_id <> $2 limit 1`,
    [cardIndex, customerId],
  );
  return result.rows.length > 0;
}

/** Cards of the given customers sealed under another key (re-encryption). */
export async function cardsNotUnderKey(
  q: Queryable,
  activeKeyId: string,
  limit: number,
): Promise<CardRecord[]> {
  const result = await q.query<CardRow>(
    `select customer_id, card_id, card_enc, card_key_id, card_bidx, last4, issuer, added_at, removed_at
       from customer_cards where card_key_id <> $1 and erased_at is null order by customer_id, card_id limit $2`,
    [activeKeyId, limit],
  );
  return result.rows.map(toCard);
}

export async function updateCardPii(q: Queryable, card: CardRecord): Promise<void> {
  await q.query(
    'update customer_cards set card_enc = $3, card_key_id = $4 where customer_id = $1 and card_id = $2',
    [card.customerId, card.cardId, bytes(card.card.ciphertext), card.card.keyId],
  );
}

/** What is already stored under some (source, event id) pairs, whichever customer it belongs to. */
export interface StoredEventKey {
  readonly customerId: string;
  readonly source: string;
  readonly eventId: string;
  /** Canonical JSON of type, instant and payload, to tell a replay from a different event. */
  readonly fingerprint: string;
}

/** Canonical JSON (sorted keys), so jsonb's key order does not matter when comparing. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return toJson(value);
}

export function eventFingerprint(type: string, occurredAt: Date, payload: unknown): string {
  return canonicalJson({ type, occurredAt: occurredAt.toISOString(), payload });
}

export async function findStoredEvents(
  q: Queryable,
  keys: ReadonlyArray<{ source: string; eventId: string }>,
): Promise<StoredEventKey[]> {
  if (keys.length === 0) return [];
  const result = await q.query<EventRow>(
    `select e.customer_id, e.source, e.event_id, e.type, e.occurred_at, e.payload
       from unnest($1::text[], $2::text[]) as k(source, event_id)
       join customer_events e on e.source = k.source and e.event_id = k.event_id`,
    [keys.map((key) => key.source), keys.map((key) => key.eventId)],
  );
  return result.rows.map((row) => ({
    customerId: row.customer_id,
    source: row.source,
    eventId: row.event_id,
    fingerprint: eventFingerprint(row.type, row.occurred_at, row.payload),
  }));
}

/**
 * Appends events in one statement (a batch of parallel arrays). An event whose (customer, source, event id)
 * is already stored is skipped; the keys actually inserted are returned as `customer|source|event`.
 */
export async function appendEvents(
  q: Queryable,
  events: readonly CustomerEvent[],
  receivedAt: Date,
): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  const customerIds: string[] = [];
  const sources: string[] = [];
  const eventIds: string[] = [];
  const types: string[] = [];
  const instants: string[] = [];
  const payloads: string[] = [];
  for (const event of events) {
    customerIds.push(event.customerId);
    sources.push(event.source);
    eventIds.push(event.eventId);
    types.push(event.type);
    instants.push(event.occurredAt.toISOString());
    payloads.push(toJson(typeFields(event)));
  }
  const result = await q.query<{ customer_id: string; source: string; event_id: string }>(
    `insert into customer_events (customer_id, source, event_id, type, occurred_at, received_at, payload)
     select u.customer_id, u.source, u.event_id, u.type, u.occurred_at::timestamptz, $7, u.payload::jsonb
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
            with ordinality as u(customer_id, source, event_id, type, occurred_at, payload, n)
      order by u.n
     on conflict (customer_id, source, event_id) do nothing
     returning customer_id, source, event_id`,
    [customerIds, sources, eventIds, types, instants, payloads, receivedAt],
  );
  return new Set(result.rows.map((row) => `${row.customer_id}|${row.source}|${row.event_id}`));
}

function rowToEvent(row: EventRow, now: Date): CustomerEvent {
  const parsed = parseEvent(
    {
      ...row.payload,
      eventId: row.event_id,
      customerId: row.customer_id,
      source: row.source,
      type: row.type,
      occurredAt: row.occurred_at,
    },
    { now, trusted: true },
  );
  if (!parsed.ok) {
    throw new AppError(
      'INTERNAL',
      `stored event ${row.source}/${row.event_id} no longer parses: ${parsed.rejection.field} ${parsed.rejection.reason}`,
    );
  }
  return parsed.event;
}

/** One customer's events up to `until` (inclusive), in time then arrival order. */
export async function loadEvents(q: Queryable, customerId: string, until: Date): Promise<CustomerEvent[]> {
  const result = await q.query<EventRow>(
    `select customer_id, source, event_id, type, occurred_at, payload from customer_events
      where customer_id = $1 and occurred_at <= $2 order by occurred_at, seq`,
    [customerId, until],
  );
  return result.rows.map((row) => rowToEvent(row, until));
}

/** Several customers' events up to `until`, grouped by customer, each in time then arrival order. */
export async function loadEventsOf(
  q: Queryable,
  customerIds: readonly string[],
  until: Date,
): Promise<Map<string, CustomerEvent[]>> {
  const grouped = new Map<string, CustomerEvent[]>(customerIds.map((id) => [id, []]));
  if (customerIds.length === 0) return grouped;
  const result = await q.query<EventRow>(
    `select customer_id, source, event_id, type, occurred_at, payload from customer_events
      where customer_id = any($1::text[]) and occurred_at <= $2 order by customer_id, occurred_at, seq`,
    [customerIds, until],
  );
  for (const row of result.rows) grouped.get(row.customer_id)?.push(rowToEvent(row, until));
  return grouped;
}

/**
 * The stored events of some customers up to `until`, by customer, then time, then arrival. The instant comes
 * back as epoch milliseconds in a float8 — exact for millisecond timestamps, and a third cheaper to read
 * than a timestamptz parsed into a Date, which matters when a training table reads every event there is.
 */
export async function loadEventRows(
  q: Queryable,
  customerIds: readonly string[],
  until: Date,
): Promise<StoredEventRow[]> {
  if (customerIds.length === 0) return [];
  const result = await q.query<{
    customer_id: string;
    type: string;
    at_ms: number;
    payload: Record<string, unknown>;
  }>(
    `select customer_id, type, (extract(epoch from occurred_at) * 1000)::float8 as at_ms, payload from customer_events
      where customer_id = any($1::text[]) and occurred_at <= $2 order by customer_id, occurred_at, seq`,
    [customerIds, until],
  );
  return result.rows.map((row) => ({
    customerId: row.customer_id,
    type: row.type,
    occurredAtMs: Math.round(row.at_ms),
    payload: row.payload,
  }));
}

/**
 * The cheap look before a snapshot: the customer's events version (the number of stored events; see
 * migration 0111) and whether an identifier of theirs — ID number, phone, a card bound at the instant — is
 * on the blocklist at `asOf`. One primary-key read; undefined when there is no such customer.
 */
export async function probeCustomer<T = undefined>(
  q: Queryable,
  customerId: string,
  asOf: Date,
  alongside?: AlongsideRead<T>,
): Promise<{ eventsVersion: bigint; blocklisted: boolean; alongside: T | undefined } | undefined> {
  const params: unknown[] = [customerId, asOf];
  const bind = (value: unknown): string => `$${params.push(value)}`;
  // Another context's read of the same customer, carried by this statement (one round trip for both).
  const extra = alongside ? `, ${alongside.sql('$1', bind)} as alongside` : '';
  // Joins, not a correlated `exists`: Citus runs this as one router query on the customer's shard
  // (customers and customer_cards are colocated by customer_id; the blocklist is a reference table, copied
  // to every node), and does not support a correlated subquery over a reference table. A customer with
  // several cards yields several joined rows; `bool_or` folds them into one answer.
  const result = await q.query<{
    events_version: bigint;
    blocklisted: boolean;
    erased_at: Date | null;
    alongside?: unknown;
  }>(
    `select c.events_version, c.erased_at, bool_or(b.id is not null) as blocklisted${extra}
       from customers c
       left join customer_cards k
         on k.customer_id = c.customer_id and k.added_at <= $2 and (k.removed_at is null or k.removed_at > $2)
       left join customer_blocklist b
         on b.added_at <= $2 and (b.removed_at is null or b.removed_at > $2)
        and ((b.kind = 'id_number' and b.blind_index = c.id_number_bidx)
          or (b.kind = 'phone' and b.blind_index = c.phone_bidx)
          or (b.kind = 'card' and b.blind_index = k.card_bidx))
      where c.customer_id = $1
      group by c.customer_id, c.events_version, c.erased_at`,
    params,
  );
  const [row] = result.rows;
  if (row?.erased_at) throw erasedCustomer(customerId, row.erased_at);
  if (!row) return undefined;
  return {
    eventsVersion: BigInt(row.events_version),
    blocklisted: row.blocklisted,
    alongside: alongside ? alongside.read(row.alongside ?? null) : undefined,
  };
}

/**
 * A customer's whole event history (every event, whatever its instant) with the events version it
 * amounts to, read in one statement so the two agree. Undefined when there is no such customer.
 */
export async function loadSnapshotHistory(
  q: Queryable,
  customerId: string,
): Promise<{ subject: SnapshotSubject; eventsVersion: bigint; rows: StoredEventRow[] } | undefined> {
  const result = await q.query<{
    created_at: Date;
    birth_date: string | null;
    erased_at: Date | null;
    events_version: bigint;
    type: string | null;
    at_ms: number | null;
    payload: Record<string, unknown> | null;
    event_ref: string | null;
  }>(
    `select c.created_at, c.birth_date, c.erased_at, c.events_version, e.type,
            (extract(epoch from e.occurred_at) * 1000)::float8 as at_ms, e.payload,
            case when e.type = 'consent' then e.source || '/' || e.event_id end as event_ref
       from customers c left join customer_events e on e.customer_id = c.customer_id
      where c.customer_id = $1
      order by e.occurred_at, e.seq`,
    [customerId],
  );
  const [first] = result.rows;
  if (!first) return undefined;
  if (first.erased_at || first.birth_date === null) throw erasedCustomer(customerId, first.erased_at);
  const rows: StoredEventRow[] = [];
  for (const row of result.rows) {
    if (row.type === null || row.at_ms === null || row.payload === null) continue;
    rows.push({
      customerId,
      type: row.type,
      occurredAtMs: Math.round(row.at_ms),
      payload: row.payload,
      ...(row.event_ref === null ? {} : { eventRef: row.event_ref }),
    });
  }
  return {
    subject: { customerId, createdAt: first.created_at, birthDate: first.birth_date as LocalDate },
    eventsVersion: BigInt(first.events_version),
    rows,
  };
}

interface BlocklistRow {
  id: string;
  kind: string;
  blind_index: string;
  masked: string;
  reason: string;
  added_by: string;
  added_at: Date;
  removed_at: Date | null;
  removed_by: string | null;
  removed_reason: string | null;
}

const BLOCKLIST_COLUMNS =
  'id, kind, blind_index, masked, reason, added_by, added_at, removed_at, removed_by, removed_reason';

function toBlocklistRecord(row: BlocklistRow): BlocklistRecord {
  if (row.kind !== 'id_number' && row.kind !== 'phone' && row.kind !== 'card')
    throw new AppError('INTERNAL', `customer_blocklist holds an unknown kind "${row.kind}"`);
  return {
    id: row.id,
    kind: row.kind,
    blindIndex: row.blind_index,
    masked: row.masked,
    reason: row.reason,
    addedBy: row.added_by,
    addedAt: row.added_at,
    removedAt: row.removed_at,
    removedBy: row.removed_by,
    removedReason: row.removed_reason,
  };
}

/** Adds an entry; undefined when the identifier is already listed (the entry in force is kept). */
export async function insertBlocklistEntry(
  q: Queryable,
  entry: Omit<BlocklistRecord, 'removedAt' | 'removedBy' | 'removedReason'>,
): Promise<BlocklistRecord | undefined> {
  const result = await q.query<BlocklistRow>(
    `insert into customer_blocklist (id, kind, blind_index, masked, reason, added_by, added_at)
     values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (kind, blind_index) where removed_at is null do nothing
     returning ${BLOCKLIST_COLUMNS}`,
    [entry.id, entry.kind, entry.blindIndex, entry.masked, entry.reason, entry.addedBy, entry.addedAt],
  );
  const [row] = result.rows;
  return row ? toBlocklistRecord(row) : undefined;
}

/** The entry in force for an identifier, if any. */
export async function findListedEntry(
  q: Queryable,
  kind: BlocklistKind,
  blindIndex: string,
): Promise<BlocklistRecord | undefined> {
  const result = await q.query<BlocklistRow>(
    `select ${BLOCKLIST_COLUMNS} from customer_blocklist
      where kind = $1 and blind_index = $2 and removed_at is null`,
    [kind, blindIndex],
  );
  const [row] = result.rows;
  return row ? toBlocklistRecord(row) : undefined;
}

export async function findBlocklistEntry(q: Queryable, id: string): Promise<BlocklistRecord | undefined> {
  const result = await q.query<BlocklistRow>(
    `select ${BLOCKLIST_COLUMNS} from customer_blocklist where id = $1`,
    [id],
  );
  const [row] = result.rows;
  return row ? toBlocklistRecord(row) : undefined;
}

/** Removes an entry in force; undefined when it was not in force (already removed, or unknown). */
export async function removeBlocklistEntry(
  q: Queryable,
  id: string,
  removal: { readonly removedAt: Date; readonly removedBy: string; readonly reason: string },
): Promise<BlocklistRecord | undefined> {
  const result = await q.query<BlocklistRow>(
    `update customer_blocklist set removed_at = $2, removed_by = $3, removed_reason = $4
      where id = $1 and removed_at is null
      returning ${BLOCKLIST_COLUMNS}`,
    [id, removal.removedAt, removal.removedBy, removal.reason],
  );
  const [row] = result.rows;
  return row ? toBlocklistRecord(row) : undefined;
}

/** Entries, newest first: those in force, or every one with `all`. */
export async function listBlocklist(
  q: Queryable,
  options: { readonly all: boolean; readonly limit: number },
): Promise<BlocklistRecord[]> {
  const result = await q.query<BlocklistRow>(
    `select ${BLOCKLIST_COLUMNS} from customer_blocklist
      ${options.all ? '' : 'where removed_at is null'}
      order by added_at desc, id desc limit $1`,
    [options.limit],
  );
  return result.rows.map(toBlocklistRecord);
}
