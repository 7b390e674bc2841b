import type { Queryable } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { LimitReviewDeps } from './limit-review-ports.ts';
import { claimReview, type LimitReviewRecord, type ReviewTrigger } from './limit-reviews.pg.ts';

const DEFAULT_LEASE_MS = 30_000;
const DEFAULT_POLL_MS = 50;

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The review a request asks for: which line (and its customer), under which key, and why. */
export interface ReviewClaim {
  readonly customerId: string;
  readonly lineId: string;
  readonly reviewKey: string;
  readonly trigger: ReviewTrigger;
}

/**
 * Claims the review, waiting while another request holds it. Returns the applied review, or the pending
 * one claimed for this request (its id is the claim's token). Waits at most a lease and a few polls: by
 * then the claim has lapsed and is taken over, so the wait never ends in a refusal unless the database
 * is unreachable.
 */
export async function claimOrWait(
  deps: Pick<LimitReviewDeps, 'db' | 'clock' | 'monotonic' | 'ids' | 'claim'>,
  claim: ReviewClaim,
): Promise<{ record: LimitReviewRecord; token: string | null }> {
  const leaseMs = deps.claim?.leaseMs ?? DEFAULT_LEASE_MS;
  const pollMs = deps.claim?.pollMs ?? DEFAULT_POLL_MS;
  const { customerId, lineId, reviewKey, trigger } = claim;
  const token = deps.ids.next('limitReview');
  const giveUpAt = deps.monotonic.nowMs() + leaseMs + 20 * pollMs;
  for (;;) {
    const { record, claimed } = await deps.db.transaction((tx: Queryable) =>
      claimReview(tx, { customerId, id: token, lineId, reviewKey, trigger }, deps.clock.now(), leaseMs),
    );
    if (record.status === 'applied') return { record, token: null };
    if (claimed) return { record, token };
    if (deps.monotonic.nowMs() > giveUpAt) {
      throw new AppError(
        'CONFLICT',
        `review ${reviewKey} of line ${lineId} is being carried out by another request; try again`,
      );
    }
    await pause(pollMs);
  }
}
