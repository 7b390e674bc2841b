import { toJson, type Queryable } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { LocalizedText } from '../../platform/i18n/localized.ts';
import { moneyFromDbOrNull, type Money } from '../../platform/money/money.ts';
import type { FacilityStatus } from '../facilities/facility.ts';
import { parseFacilityStatus } from '../facilities/facility.ts';
import type { ReviewAction, ReviewOutcome } from './limit-review.ts';

/** Storage of limit reviews (migration 0503). Functions take the caller's transaction. */

export type ReviewTrigger = 'monthly' | 'on-demand';

export interface LimitReviewRecord {
  readonly id: string;
  readonly customerId: string;
  readonly lineId: string;
  readonly reviewKey: string;
  readonly trigger: ReviewTrigger;
  readonly status: 'pending' | 'applied';
  readonly decisionId: string | null;
  readonly outcome: ReviewOutcome | null;
  readonly action: ReviewAction | null;
  readonly limitBefore: Money | null;
  readonly limitAfter: Money | null;
  readonly facilityStatusBefore: FacilityStatus | null;
  readonly facilityStatusAfter: FacilityStatus | null;
  readonly onTimeCycles: number | null;
  readonly reasons: readonly { readonly code: string; readonly text: LocalizedText }[];
  readonly message: LocalizedText | null;
  readonly requestedAt: Date;
  readonly appliedAt: Date | null;
}

interface ReviewRow {
  customer_id: string;
  id: string;
  line_id: string;
  review_key: string;
  trigger: string;
  status: string;
  decision_id: string | null;
  outcome: string | null;
  action: string | null;
  limit_before: bigint | null;
  limit_after: bigint | null;
  facility_status_before: string | null;
  facility_status_after: string | null;
  on_time_cycles: number | null;
  reasons: unknown;
  message: unknown;
  requested_at: Date;
  applied_at: Date | null;
}

const COLUMNS = `customer_id, id, line_id, review_key, trigger, status, decision_id, outcome, action, limit_before,
  limit_after, facility_status_before, facility_status_after, on_time_cycles, reasons, message, requested_at, applied_at`;

function toRecord(row: ReviewRow): LimitReviewRecord {
  const reasons = Array.isArray(row.reasons) ? (row.reasons as { code: string; text: LocalizedText }[]) : [];
  const message = row.message as LocalizedText | null;
  return {
    id: row.id,
    customerId: row.customer_id,
    lineId: row.line_id,
    reviewKey: row.review_key,
    trigger: row.trigger === 'monthly' ? 'monthly' : 'on-demand',
    status: row.status === 'applied' ? 'applied' : 'pending',
    decisionId: row.decision_id,
    outcome: row.outcome as ReviewOutcome | null,
    action: row.action as ReviewAction | null,
    limitBefore: moneyFromDbOrNull(row.limit_before, 'credit_line_reviews.limit_before'),
    limitAfter: moneyFromDbOrNull(row.limit_after, 'credit_line_reviews.limit_after'),
    facilityStatusBefore:
      row.facility_status_before === null ? null : parseFacilityStatus(row.facility_status_before),
    facilityStatusAfter:
      row.facility_status_after === null ? null : parseFacilityStatus(row.facility_status_after),
    onTimeCycles: row.on_time_cycles,
    reasons: reasons.map((reason) => ({
      code: String(reason.code),
      text: { zh: String(reason.text.zh), en: String(reason.text.en) },
    })),
    message: message ? { zh: String(message.zh), en: String(message.en) } : null,
    requestedAt: row.requested_at,
    appliedAt: row.applied_at,
  };
}

/**
 * Claims the review of a line for a key, for the request named by `review.id` (also the id the review gets
 * if it is new): created pending and claimed if new; claimed if pending and its claim is free or has lapsed
 * (a request that crashed); otherwise returned as it is — applied, or pending and claimed by another request
 * — with `claimed: false`. The claim lasts `leaseMs` by the database's clock (migration 0508), read as
 * `statement_timestamp()` (when the statement began): Citus refuses a volatile `clock_timestamp()` in an
 * UPDATE of a distributed table.
 */
export async function claimReview(
  tx: Queryable,
  review: { customerId: string; id: string; lineId: string; reviewKey: string; trigger: ReviewTrigger },
  at: Date,
  leaseMs: number,
): Promise<{ record: LimitReviewRecord; claimed: boolean }> {
  const inserted = await tx.query<ReviewRow>(
    `insert into credit_line_reviews (customer_id, id, line_id, review_key, trigger, status, requested_at,
                                      claim_token, claimed_until)
     values ($1, $2, $3, $4, $5, 'pending', $6, $2, statement_timestamp() + $7::int * interval '1 millisecond')
     on conflict (customer_id, line_id, review_key) do nothing
     returning ${COLUMNS}`,
    [review.customerId, review.id, review.lineId, review.reviewKey, review.trigger, at, leaseMs],
  );
  const [created] = inserted.rows;
  if (created) return { record: toRecord(created), claimed: true };
  const taken = await tx.query<ReviewRow>(
    `update credit_line_reviews
        set claim_token = $4, claimed_until = statement_timestamp() + $5::int * interval '1 millisecond'
      where customer_id = $1 and line_id = $2 and review_key = $3 and status = 'pending'
        and (claimed_until is null or claimed_until <= statement_timestamp())
      returning ${COLUMNS}`,
    [review.customerId, review.lineId, review.reviewKey, review.id, leaseMs],
  );
  const [claimed] = taken.rows;
  if (claimed) return { record: toRecord(claimed), claimed: true };
  const result = await tx.query<ReviewRow>(
    `select ${COLUMNS} from credit_line_reviews where customer_id = $1 and line_id = $2 and review_key = $3`,
    [review.customerId, review.lineId, review.reviewKey],
  );
  const [row] = result.rows;
  if (!row) throw new AppError('INTERNAL', `review ${review.reviewKey} of ${review.lineId} vanished`);
  return { record: toRecord(row), claimed: false };
}

/** Gives a claim up (the request failed), so a waiting request takes the review over at once. */
export async function releaseClaim(
  q: Queryable,
  customerId: string,
  reviewId: string,
  token: string,
): Promise<void> {
  await q.query(
    `update credit_line_reviews set claim_token = null, claimed_until = null
      where customer_id = $1 and id = $2 and claim_token = $3 and status = 'pending'`,
    [customerId, reviewId, token],
  );
}

export async function lockReview(
  tx: Queryable,
  customerId: string,
  reviewId: string,
): Promise<LimitReviewRecord | undefined> {
  const result = await tx.query<ReviewRow>(
    `select ${COLUMNS} from credit_line_reviews where customer_id = $1 and id = $2 for update`,
    [customerId, reviewId],
  );
  const [row] = result.rows;
  return row ? toRecord(row) : undefined;
}

/** Records what the review did (pending → applied, once); an applied review holds no claim. */
export async function completeReview(tx: Queryable, review: LimitReviewRecord): Promise<void> {
  await tx.query(
    `update credit_line_reviews
        set status = 'applied', decision_id = $3, outcome = $4, action = $5, limit_before = $6, limit_after = $7,
            facility_status_before = $8, facility_status_after = $9, on_time_cycles = $10, reasons = $11::jsonb,
            message = $12::jsonb, applied_at = $13, claim_token = null, claimed_until = null
      where customer_id = $1 and id = $2`,
    [
      review.customerId,
      review.id,
      review.decisionId,
      review.outcome,
      review.action,
      review.limitBefore,
      review.limitAfter,
      review.facilityStatusBefore,
      review.facilityStatusAfter,
      review.onTimeCycles,
      toJson(review.reasons),
      toJson(review.message),
      review.appliedAt,
    ],
  );
}

export async function findReview(q: Queryable, reviewId: string): Promise<LimitReviewRecord | undefined> {
  const result = await q.query<ReviewRow>(`select ${COLUMNS} from credit_line_reviews where id = $1`, [
    reviewId,
  ]);
  const [row] = result.rows;
  return row ? toRecord(row) : undefined;
}

/** A line's reviews, newest first. */
export async function listReviews(
  q: Queryable,
  customerId: string,
  lineId: string,
): Promise<LimitReviewRecord[]> {
  const result = await q.query<ReviewRow>(
    `select ${COLUMNS} from credit_line_reviews where customer_id = $1 and line_id = $2 order by requested_at desc, id desc`,
    [customerId, lineId],
  );
  return result.rows.map(toRecord);
}

/**
 * Lines due a monthly review: the latest statement whose due date has passed has no applied review yet
 * (key `cycle:<seq>`), in id order after `afterId`. A closed line is not reviewed (its facility is closed:
 * a review could change nothing).
 */
export async function linesDueForReview(
  q: Queryable,
  afterId: string,
  limit: number,
): Promise<{ customerId: string; lineId: string; reviewKey: string }[]> {
  const result = await q.query<{ customer_id: string; id: string; last_due_seq: number }>(
    `select l.customer_id, l.id, l.last_due_seq from credit_lines l
      where l.last_due_seq > 0 and l.id > $1 and l.closed_on is null
        and not exists (select 1 from credit_line_reviews r
                         where r.customer_id = l.customer_id and r.line_id = l.id
                           and r.review_key = 'cycle:' || l.last_due_seq and r.status = 'applied')
      order by l.id limit $2`,
    [afterId, limit],
  );
  return result.rows.map((row) => ({
    customerId: row.customer_id,
    lineId: row.id,
    reviewKey: `cycle:${row.last_due_seq}`,
  }));
}
