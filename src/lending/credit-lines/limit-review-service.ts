import { AppError } from '../../platform/errors/app-error.ts';
import { locateLine } from './credit-lines.pg.ts';
import type { LimitReviewDeps, MonthlyReviewReport } from './limit-review-ports.ts';
import { findReview, listReviews, type LimitReviewRecord } from './limit-reviews.pg.ts';
import { reviewLineLimit } from './review-line-limit.ts';
import { runDueLimitReviews } from './run-due-limit-reviews.ts';

export {
  limitReviewPortsOf,
  type LimitReviewDeps,
  type LimitReviewPorts,
  type MonthlyReviewReport,
} from './limit-review-ports.ts';
export { withLimitReviews } from './run-due-limit-reviews.ts';

export interface LimitReviewService {
  /** Reviews a line now; the same idempotency key returns the same review. */
  review(request: { lineId: string; idempotencyKey: string }): Promise<LimitReviewRecord>;
  /** Reviews every line due its monthly review (the batch calls this after the day steps). */
  runDue(options?: { onProgress?: (done: number) => void }): Promise<MonthlyReviewReport>;
  listReviews(lineId: string): Promise<LimitReviewRecord[]>;
  getReview(reviewId: string): Promise<LimitReviewRecord>;
}

/** Binds the limit review use cases (`review-line-limit.ts`, `run-due-limit-reviews.ts`) to their dependencies. */
export function createLimitReviewService(deps: LimitReviewDeps): LimitReviewService {
  return {
    review: (request) => reviewLineLimit(deps, request),
    runDue: (options) => runDueLimitReviews(deps, options),
    async listReviews(lineId) {
      const where = await locateLine(deps.db, lineId);
      if (!where) throw AppError.notFound('credit line', lineId);
      return listReviews(deps.db, where.customerId, lineId);
    },
    async getReview(reviewId) {
      const review = await findReview(deps.db, reviewId);
      if (!review) throw AppError.notFound('limit review', reviewId);
      return review;
    },
  };
}
