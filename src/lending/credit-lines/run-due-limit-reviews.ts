import { isAppError } from '../../platform/errors/app-error.ts';
import type { DayEndReport, DayEndService } from '../eod/day-end.ts';
import type { LimitReviewDeps, MonthlyReviewReport } from './limit-review-ports.ts';
import { linesDueForReview } from './limit-reviews.pg.ts';
import { reviewLimitOnce } from './review-line-limit.ts';

/** Reviews every line due its monthly review (the batch calls this after the day steps). */
export async function runDueLimitReviews(
  deps: LimitReviewDeps,
  options: { onProgress?: (done: number) => void } = {},
): Promise<MonthlyReviewReport> {
  let reviewed = 0;
  let failed = 0;
  const failures: { lineId: string; code: string }[] = [];
  let afterId = '';
  for (;;) {
    const page = await linesDueForReview(deps.db, afterId, 200);
    if (page.length === 0) break;
    afterId = page[page.length - 1]?.lineId ?? afterId;
    for (const due of page) {
      try {
        await reviewLimitOnce(deps, due.lineId, due.reviewKey, 'monthly');
        reviewed += 1;
      } catch (error) {
        // One line's review failing (its customer unknown to the customers context, a dependency down)
        // must not stop the others; it stays due and the next run tries again.
        failed += 1;
        if (failures.length < 20)
          failures.push({ lineId: due.lineId, code: isAppError(error) ? error.code : 'INTERNAL' });
      }
      options.onProgress?.(reviewed + failed);
    }
  }
  return { reviewed, failed, failures };
}

/**
 * The day-end batch followed by the monthly reviews: the day steps first (statements, due checks), then a
 * review of every line whose latest statement's due date has passed. Reviews run outside the day steps'
 * transactions — each is a decision with its own — and are listed in the report as `credit-line-review`.
 */
export function withLimitReviews(
  dayEnd: DayEndService,
  reviews: { runDue(options?: { onProgress?: (done: number) => void }): Promise<MonthlyReviewReport> },
  elapsed: () => number,
): DayEndService {
  return {
    products: [...dayEnd.products, 'credit-line-review'],
    async run(options): Promise<DayEndReport> {
      const report = await dayEnd.run(options);
      const began = elapsed();
      const done = await reviews.runDue({
        onProgress: (count) =>
          options.onProgress?.({
            product: 'credit-line-review',
            date: options.through,
            done: count,
            total: count,
          }),
      });
      const entry = {
        product: 'credit-line-review',
        date: options.through,
        items: done.reviewed,
        milliseconds: elapsed() - began,
      };
      return { ...report, dates: [...report.dates, entry], upToDate: report.upToDate && done.reviewed === 0 };
    },
  };
}
