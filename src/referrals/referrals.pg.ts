import type { Actor } from '../appeals/index.ts';
import { toJson, type Queryable } from '../platform/database/database.ts';
import { AppError } from '../platform/errors/app-error.ts';
import type { LocalizedText } from '../platform/i18n/localized.ts';
import { fen } from '../platform/money/money.ts';
import { parseRate, toExactRateString } from '../platform/money/rate.ts';
import {
  REFERRAL_STATUSES,
  type ClosedBy,
  type ReferralCase,
  type ReferralEvent,
  type ReferralNotification,
  type ReferralProposal,
  type ReferralStatus,
} from './referral.ts';

/** Rows of the referral tables (snake_case; int8 as bigint; jsonb parsed) and their mappers. */

interface CaseRow {
  customer_id: string;
  id: string;
  decision_id: string;
  product_code: string;
  reason_codes: string[];
  fault_stage: string | null;
  status: string;
  version: number;
  claimed_by: Actor | null;
  claimed_at: Date | null;
  claim_expires_at: Date | null;
  proposal: { maker: Actor; limit: string; apr: string; note: string; proposedAt: string } | null;
  sla_due_at: Date;
  created_at: Date;
  decided_at: Date | null;
  closed_by: string | null;
  outcome: string | null;
  result_decision_id: string | null;
}

const COLUMNS = `customer_id, id, decision_id, product_code, reason_codes, fault_stage, status, version,
  claimed_by, claimed_at, claim_expires_at, proposal, sla_due_at, created_at, decided_at, closed_by, outcome,
  result_decision_id`;

function statusOf(value: string): ReferralStatus {
  if (!(REFERRAL_STATUSES as readonly string[]).includes(value))
    throw new AppError('INTERNAL', `referral_cases holds an unknown status "${value}"`);
  return value as ReferralStatus;
}

function toCase(row: CaseRow): ReferralCase {
  const proposal: ReferralProposal | null = row.proposal
    ? {
        maker: row.proposal.maker,
        limit: fen(BigInt(row.proposal.limit)),
        apr: parseRate(row.proposal.apr),
        note: row.proposal.note,
        proposedAt: new Date(row.proposal.proposedAt),
      }
    : null;
  return {
    id: row.id,
    customerId: row.customer_id,
    decisionId: row.decision_id,
    productCode: row.product_code,
    reasonCodes: row.reason_codes,
    faultStage: row.fault_stage,
    status: statusOf(row.status),
    version: row.version,
    claimedBy: row.claimed_by,
    claimedAt: row.claimed_at,
    claimExpiresAt: row.claim_expires_at,
    proposal,
    slaDueAt: row.sla_due_at,
    createdAt: row.created_at,
    decidedAt: row.decided_at,
    closedBy: row.closed_by as ClosedBy | null,
    outcome: row.outcome as ReferralCase['outcome'],
    resultDecisionId: row.result_decision_id,
  };
}

const proposalJson = (proposal: ReferralProposal | null): string | null =>
  proposal === null
    ? null
    : toJson({
        maker: proposal.maker,
        limit: proposal.limit.toString(),
        apr: toExactRateString(proposal.apr),
        note: proposal.note,
        proposedAt: proposal.proposedAt.toISOString(),
      });

/** Stores a new case unless the decision has one already; says whether it did (opening is idempotent). */
export async function insertCase(q: Queryable, referral: ReferralCase): Promise<boolean> {
  const result = await q.query(
    `insert into referral_cases (${COLUMNS})
     values ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9::jsonb, $10, $11, $12::jsonb, $13, $14, $15, $16, $17, $18)
     on conflict (customer_id, decision_id) do nothing`,
    [
      referral.customerId,
      referral.id,
      referral.decisionId,
      referral.productCode,
      toJson(referral.reasonCodes),
      referral.faultStage,
      referral.status,
      referral.version,
      referral.claimedBy === null ? null : toJson(referral.claimedBy),
      referral.claimedAt,
      referral.claimExpiresAt,
      proposalJson(referral.proposal),
      referral.slaDueAt,
      referral.createdAt,
      referral.decidedAt,
      referral.closedBy,
      referral.outcome,
      referral.resultDecisionId,
    ],
  );
  return result.rowCount === 1;
}

export async function findCase(
  q: Queryable,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ReferralCase | undefined> {
  if (!options.forUpdate) {
    const result = await q.query<CaseRow>(`select ${COLUMNS} from referral_cases where id = $1`, [id]);
    const [row] = result.rows;
    return row ? toCase(row) : undefined;
  }
  // A lock is taken by the row's full key: Citus locks rows only in a single-shard (router) query, which
  // needs customer_id. A case's customer never changes, so reading it first without a lock is safe.
  const owner = await q.query<{ customer_id: string }>(
    'select customer_id from referral_cases where id = $1',
    [id],
  );
  const [first] = owner.rows;
  if (!first) return undefined;
  const result = await q.query<CaseRow>(
    `select ${COLUMNS} from referral_cases where customer_id = $1 and id = $2 for update`,
    [first.customer_id, id],
  );
  const [row] = result.rows;
  return row ? toCase(row) : undefined;
}

/** The case of a decision, if it has one. */
export async function caseOfDecision(
  q: Queryable,
  customerId: string,
  decisionId: string,
): Promise<ReferralCase | undefined> {
  const result = await q.query<CaseRow>(
    `select ${COLUMNS} from referral_cases where customer_id = $1 and decision_id = $2`,
    [customerId, decisionId],
  );
  const [row] = result.rows;
  return row ? toCase(row) : undefined;
}

/** Writes a case's new state if its version is still `expectedVersion` (a lost update is impossible). */
export async function updateCase(
  q: Queryable,
  referral: ReferralCase,
  expectedVersion: number,
): Promise<void> {
  const result = await q.query(
    `update referral_cases set status = $3, version = $4, claimed_by = $5::jsonb, claimed_at = $6,
       claim_expires_at = $7, proposal = $8::jsonb, decided_at = $9, closed_by = $10, outcome = $11,
       result_decision_id = $12
     where customer_id = $1 and id = $2 and version = $13`,
    [
      referral.customerId,
      referral.id,
      referral.status,
      referral.version,
      referral.claimedBy === null ? null : toJson(referral.claimedBy),
      referral.claimedAt,
      referral.claimExpiresAt,
      proposalJson(referral.proposal),
      referral.decidedAt,
      referral.closedBy,
      referral.outcome,
      referral.resultDecisionId,
      expectedVersion,
    ],
  );
  if (result.rowCount !== 1)
    throw new AppError('CONFLICT', 'the referral changed meanwhile; read it again', {
      issues: [{ field: 'version', rule: 'stale', message: 'the referral was changed by someone else' }],
    });
}

export interface CaseFilter {
  /** Statuses as the reviewer sees them at `now` (a claim that ran out is `open`). */
  readonly statuses?: readonly ReferralStatus[];
  readonly productCode?: string;
  /** A claimant's key id (a live claim). */
  readonly claimedBy?: string;
  readonly customerId?: string;
  /** Keyset paging: cases with an id below this one (newest first). */
  readonly before?: string;
  readonly limit: number;
  readonly now: Date;
}

/** Cases newest first, filtered; a claim that ran out reads as `open`. */
export async function listCases(q: Queryable, filter: CaseFilter): Promise<ReferralCase[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  let now: string | undefined;
  const nowParam = () => (now ??= `${add(filter.now)}::timestamptz`);
  if (filter.statuses && filter.statuses.length > 0) {
    // The status a reviewer sees: a lapsed claim is open again.
    const seen = `(case when status = 'claimed' and claim_expires_at <= ${nowParam()} then 'open' else status end)`;
    where.push(`${seen} = any(${add(filter.statuses)}::text[])`);
  }
  if (filter.productCode) where.push(`product_code = ${add(filter.productCode)}`);
  if (filter.claimedBy)
    where.push(
      `status = 'claimed' and claim_expires_at > ${nowParam()} and claimed_by->>'id' = ${add(filter.claimedBy)}`,
    );
  if (filter.customerId) where.push(`customer_id = ${add(filter.customerId)}`);
  if (filter.before) where.push(`id < ${add(filter.before)}`);
  const limit = add(filter.limit);
  const result = await q.query<CaseRow>(
    `select ${COLUMNS} from referral_cases ${where.length ? `where ${where.join(' and ')}` : ''}
      order by id desc limit ${limit}`,
    params,
  );
  return result.rows.map(toCase);
}

/** Open cases (any open status) of a customer's product other than `exceptId`, locked. */
export async function openCasesOf(
  q: Queryable,
  customerId: string,
  productCode: string,
  exceptId: string,
): Promise<ReferralCase[]> {
  const result = await q.query<CaseRow>(
    `select ${COLUMNS} from referral_cases
      where customer_id = $1 and product_code = $2 and id <> $3
        and status in ('open', 'claimed', 'pending_approval')
      order by id for update`,
    [customerId, productCode, exceptId],
  );
  return result.rows.map(toCase);
}

/** The newest application decision of the customer's product made after `after`, if any (supersedes a case). */
export async function newerApplication(
  q: Queryable,
  customerId: string,
  productCode: string,
  after: Date,
): Promise<{ id: string; outcome: 'approved' | 'declined' | 'referred' } | undefined> {
  const result = await q.query<{ id: string; outcome: 'approved' | 'declined' | 'referred' }>(
    `select id, outcome from decisions
      where customer_id = $1 and product_code = $2 and kind = 'application' and decided_at > $3
      order by decided_at desc, id desc limit 1`,
    [customerId, productCode, after],
  );
  return result.rows[0];
}

/** A referred application decision recorded without a case (before migration 0370, or by another path). */
export interface UncasedReferral {
  readonly customerId: string;
  readonly decisionId: string;
}

export async function referralsWithoutCase(q: Queryable, limit: number): Promise<UncasedReferral[]> {
  const result = await q.query<{ customer_id: string; id: string }>(
    `select d.customer_id, d.id from decisions d
      where d.outcome = 'referred' and d.kind = 'application'
        and not exists (select 1 from referral_cases c where c.customer_id = d.customer_id and c.decision_id = d.id)
      order by d.decided_at, d.id limit $1`,
    [limit],
  );
  return result.rows.map((row) => ({ customerId: row.customer_id, decisionId: row.id }));
}

/** Open cases whose customer applied again for the product since (to be closed as superseded). */
export async function supersededCases(q: Queryable, limit: number): Promise<string[]> {
  const result = await q.query<{ id: string }>(
    `select c.id from referral_cases c
      join decisions d on d.customer_id = c.customer_id and d.id = c.decision_id
      where c.status in ('open', 'claimed', 'pending_approval')
        and exists (select 1 from decisions n where n.customer_id = c.customer_id
          and n.product_code = c.product_code and n.kind = 'application' and n.decided_at > d.decided_at)
      order by c.id limit $1`,
    [limit],
  );
  return result.rows.map((row) => row.id);
}

// ---------------------------------------------------------------------------------------------------
// History

interface EventRow {
  customer_id: string;
  referral_id: string;
  seq: number;
  id: string;
  action: string;
  actor: Actor;
  at: Date;
  status_before: string | null;
  status_after: string;
  details: Record<string, never>;
  note: string | null;
}

export async function nextSeq(q: Queryable, customerId: string, referralId: string): Promise<number> {
  const result = await q.query<{ next: number }>(
    `select coalesce(max(seq), 0) + 1 as next from referral_events where customer_id = $1 and referral_id = $2`,
    [customerId, referralId],
  );
  return Number(result.rows[0]?.next ?? 1);
}

export async function insertEvents(q: Queryable, events: readonly ReferralEvent[]): Promise<void> {
  for (const event of events)
    await q.query(
      `insert into referral_events (customer_id, referral_id, seq, id, action, actor, at, status_before,
         status_after, details, note)
       values ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10::jsonb, $11)`,
      [
        event.customerId,
        event.referralId,
        event.seq,
        event.id,
        event.action,
        toJson(event.actor),
        event.at,
        event.statusBefore,
        event.statusAfter,
        toJson(event.details),
        event.note,
      ],
    );
}

export async function listEvents(
  q: Queryable,
  customerId: string,
  referralId: string,
): Promise<ReferralEvent[]> {
  const result = await q.query<EventRow>(
    `select customer_id, referral_id, seq, id, action, actor, at, status_before, status_after, details, note
       from referral_events where customer_id = $1 and referral_id = $2 order by seq`,
    [customerId, referralId],
  );
  return result.rows.map((row) => ({
    id: row.id,
    referralId: row.referral_id,
    customerId: row.customer_id,
    seq: row.seq,
    action: row.action as ReferralEvent['action'],
    actor: row.actor,
    at: row.at,
    statusBefore: row.status_before === null ? null : statusOf(row.status_before),
    statusAfter: statusOf(row.status_after),
    details: row.details,
    note: row.note,
  }));
}

// ---------------------------------------------------------------------------------------------------
// Notifications (an outbox: written with the change, delivered after it commits)

interface NotificationRow {
  customer_id: string;
  id: string;
  referral_id: string;
  kind: 'decided';
  decision_id: string;
  text: LocalizedText;
  created_at: Date;
  delivered_at: Date | null;
}

const toNotification = (row: NotificationRow): ReferralNotification => ({
  id: row.id,
  referralId: row.referral_id,
  customerId: row.customer_id,
  kind: row.kind,
  decisionId: row.decision_id,
  text: row.text,
  createdAt: row.created_at,
  deliveredAt: row.delivered_at,
});

export async function insertNotification(q: Queryable, notification: ReferralNotification): Promise<void> {
  await q.query(
    `insert into referral_notifications (customer_id, id, referral_id, kind, decision_id, text, created_at,
       delivered_at) values ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)`,
    [
      notification.customerId,
      notification.id,
      notification.referralId,
      notification.kind,
      notification.decisionId,
      toJson(notification.text),
      notification.createdAt,
      notification.deliveredAt,
    ],
  );
}

export async function undeliveredNotifications(
  q: Queryable,
  options: { limit: number; referralId?: string },
): Promise<ReferralNotification[]> {
  const result = await q.query<NotificationRow>(
    options.referralId
      ? `select * from referral_notifications where delivered_at is null and referral_id = $2
          order by created_at limit $1`
      : `select * from referral_notifications where delivered_at is null order by created_at limit $1`,
    options.referralId ? [options.limit, options.referralId] : [options.limit],
  );
  return result.rows.map(toNotification);
}

/** Marks a notification delivered, once; says whether this call did. */
export async function markDelivered(
  q: Queryable,
  notification: ReferralNotification,
  at: Date,
): Promise<boolean> {
  const result = await q.query(
    `update referral_notifications set delivered_at = $3
      where customer_id = $1 and id = $2 and delivered_at is null`,
    [notification.customerId, notification.id, at],
  );
  return result.rowCount === 1;
}

export async function listNotifications(
  q: Queryable,
  customerId: string,
  referralId?: string,
): Promise<ReferralNotification[]> {
  const result = await q.query<NotificationRow>(
    referralId
      ? `select * from referral_notifications where customer_id = $1 and referral_id = $2 order by created_at, id`
      : `select * from referral_notifications where customer_id = $1 order by created_at, id`,
    referralId ? [customerId, referralId] : [customerId],
  );
  return result.rows.map(toNotification);
}
