import { groupByShard } from '../database/citus.ts';
import { toJson, type Database, type Queryable } from '../database/database.ts';
import type { LocalizedText } from '../i18n/localized.ts';
import type { IdGenerator } from '../ids/ids.ts';
import { channelOf, type CustomerMessage, type MessageDraft, type MessageStatus } from './message.ts';
import { outsideQuietHours, type MessageChannelName } from './rules.ts';
import { renderMessage, type MessageKind } from './templates.ts';

/** The outbox's storage (table `customer_messages`, migration 0004). */

interface MessageRow {
  customer_id: string;
  id: string;
  kind: string;
  subject_id: string;
  occasion: string;
  channel: string;
  text: LocalizedText;
  params: Record<string, unknown>;
  created_at: Date;
  status: string;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  delivered_at: Date | null;
  failed_at: Date | null;
}

function messageOf(row: MessageRow): CustomerMessage {
  return {
    id: row.id,
    customerId: row.customer_id,
    kind: row.kind as MessageKind,
    subjectId: row.subject_id,
    occasion: row.occasion,
    channel: row.channel as MessageChannelName,
    text: row.text,
    params: row.params,
    createdAt: row.created_at,
    status: row.status as MessageStatus,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    deliveredAt: row.delivered_at,
    failedAt: row.failed_at,
  };
}

/**
 * Writes messages through the caller's transaction (the one that records their cause), rendered now, each
 * first due at `now` or at the end of quiet hours for its channel. A draft whose (customer, kind, subject,
 * occasion) is already in the outbox is skipped. Returns how many were new.
 */
export async function writeMessages(
  tx: Queryable,
  deps: { readonly ids: IdGenerator; readonly now: Date },
  drafts: readonly MessageDraft[],
): Promise<number> {
  if (drafts.length === 0) return 0;
  const columns: string[][] = [[], [], [], [], [], [], [], [], []];
  for (const draft of drafts) {
    const channel = channelOf(draft.content.kind);
    const values = [
      draft.customerId,
      deps.ids.next('notification'),
      draft.content.kind,
      draft.subjectId,
      draft.occasion,
      channel,
      toJson(renderMessage(draft.content)),
      toJson(draft.content.params),
      outsideQuietHours(channel, deps.now).toISOString(),
    ];
    values.forEach((value, index) => (columns[index] as string[]).push(value));
  }
  const result = await tx.query(
    `insert into customer_messages (customer_id, id, kind, subject_id, occasion, channel, text, params,
       created_at, status, attempts, next_attempt_at)
     select m.customer_id, m.id, m.kind, m.subject_id, m.occasion, m.channel, m.text::jsonb, m.params::jsonb,
       $10, 'pending', 0, m.next_attempt_at::timestamptz
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
         $9::text[]) as m (customer_id, id, kind, subject_id, occasion, channel, text, params, next_attempt_at)
     on conflict (customer_id, kind, subject_id, occasion) do nothing
     returning id`,
    [...columns, deps.now],
  );
  // The rows returned, not the row count: Citus runs this INSERT … SELECT through the coordinator and
  // reports the rows selected as its count, skipped conflicts included.
  return result.rows.length;
}

/**
 * Claims up to `limit` pending messages whose next attempt is due: counts the attempt and moves their next
 * attempt to the end of the lease (rows another pass holds are skipped), so a pass that dies mid-send leaves
 * them to be tried again once the lease ends.
 *
 * In two steps, so that it runs on Citus too, where rows are locked only in single-shard statements: the due
 * messages are read without a lock (oldest first, across every customer), then claimed one shard group at a
 * time (`groupByShard`; PostgreSQL and PGlite: one group) by an UPDATE that locks them `skip locked` and
 * checks again that each is still pending and due — a message another pass claimed in between has its next
 * attempt moved past `now` and is left out. So two passes never claim the same message, as before.
 * `moreDue`: the read found `limit` messages, so another round may find more (this one may have claimed
 * fewer: another pass took them).
 */
export async function claimDueMessages(
  db: Database,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<{ readonly messages: CustomerMessage[]; readonly moreDue: boolean }> {
  const due = await db.query<{ customer_id: string; id: string }>(
    `select customer_id, id from customer_messages
      where status = 'pending' and next_attempt_at <= $1
      order by next_attempt_at, id limit $2`,
    [now, limit],
  );
  const groups = await groupByShard(
    db,
    due.rows.map((row) => ({ customerId: row.customer_id, id: row.id })),
  );
  const claimed: CustomerMessage[] = [];
  for (const group of groups) {
    const customers = group.map((message) => message.customerId);
    const result = await db.query<MessageRow>(
      `update customer_messages m set attempts = m.attempts + 1, next_attempt_at = $2
         from (select customer_id, id from customer_messages
                where customer_id = any ($3::text[])
                  and (customer_id, id) in (select * from unnest($3::text[], $4::text[]))
                  and status = 'pending' and next_attempt_at <= $1
                order by next_attempt_at, id for update skip locked) due
        where m.customer_id = due.customer_id and m.id = due.id and m.customer_id = any ($3::text[])
        returning m.*`,
      [now, leaseUntil, customers, group.map((message) => message.id)],
    );
    claimed.push(...result.rows.map(messageOf));
  }
  // In the order they fell due (the claim moved every next attempt to the lease's end).
  const position = new Map(due.rows.map((row, index) => [`${row.customer_id} ${row.id}`, index]));
  const at = (message: CustomerMessage) => position.get(`${message.customerId} ${message.id}`) ?? 0;
  // More may be due when the read was full, even if another pass took some of it (fewer claimed).
  return { messages: claimed.sort((a, b) => at(a) - at(b)), moreDue: due.rows.length >= limit };
}

/** Marks messages delivered (only those still pending: a late duplicate changes nothing). */
export async function markDelivered(
  q: Queryable,
  messages: readonly { customerId: string; id: string }[],
  now: Date,
): Promise<void> {
  if (messages.length === 0) return;
  await q.query(
    `update customer_messages m set status = 'delivered', delivered_at = $3, last_error = null
       from unnest($1::text[], $2::text[]) as d (customer_id, id)
      where m.customer_id = d.customer_id and m.id = d.id and m.status = 'pending'`,
    [messages.map((m) => m.customerId), messages.map((m) => m.id), now],
  );
}

/** Records a failed attempt: another at `nextAttemptAt`, or (undefined) given up and marked failed. */
export async function markAttemptFailed(
  q: Queryable,
  message: { customerId: string; id: string },
  error: string,
  nextAttemptAt: Date | undefined,
  now: Date,
): Promise<void> {
  await q.query(
    nextAttemptAt
      ? `update customer_messages set last_error = $3, next_attempt_at = $4
          where customer_id = $1 and id = $2 and status = 'pending'`
      : `update customer_messages set last_error = $3, status = 'failed', failed_at = $4
          where customer_id = $1 and id = $2 and status = 'pending'`,
    [message.customerId, message.id, error.slice(0, 500), nextAttemptAt ?? now],
  );
}

/**
 * Puts a claimed message back until `until` (the end of quiet hours) without counting the claim as an
 * attempt: nothing was sent.
 */
export async function deferMessage(
  q: Queryable,
  message: { customerId: string; id: string },
  until: Date,
): Promise<void> {
  await q.query(
    `update customer_messages set attempts = attempts - 1, next_attempt_at = $3
      where customer_id = $1 and id = $2 and status = 'pending'`,
    [message.customerId, message.id, until],
  );
}

/** A customer's messages, newest first — ids are time-sortable — (keyset paging: `before` is the last id of the previous page). */
export async function listCustomerMessages(
  q: Queryable,
  customerId: string,
  options: { readonly limit: number; readonly before?: string },
): Promise<CustomerMessage[]> {
  const result = await q.query<MessageRow>(
    options.before
      ? `select * from customer_messages where customer_id = $1 and id < $3 order by id desc limit $2`
      : `select * from customer_messages where customer_id = $1 order by id desc limit $2`,
    options.before ? [customerId, options.limit, options.before] : [customerId, options.limit],
  );
  return result.rows.map(messageOf);
}
