import { AppError } from '../platform/errors/app-error.ts';
import { isOpen } from './appeal.ts';
import type { AppealDeps, AppealListFilter, QueueItem } from './appeal-ports.ts';
import { queueStanding } from './appeal-rules.ts';
import * as repository from './appeals.pg.ts';

/** The queue (or any listing) with priority: open appeals first, then highest priority, then oldest. */
export async function listAppeals(
  deps: Pick<AppealDeps, 'db' | 'clock' | 'calendar'>,
  filter: AppealListFilter = {},
): Promise<QueueItem[]> {
  const limit = filter.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw AppError.invalid('limit', 'range', 'limit must be from 1 to 1000');
  const appeals = await repository.listAppeals(deps.db, { ...filter, limit });
  const now = deps.clock.now();
  return appeals
    .map((appeal) => ({ appeal, ...queueStanding(appeal, now, deps.calendar) }))
    .sort(
      (a, b) =>
        (isOpen(b.appeal.status) ? 1 : 0) - (isOpen(a.appeal.status) ? 1 : 0) ||
        b.priority - a.priority ||
        a.appeal.filedAt.getTime() - b.appeal.filedAt.getTime(),
    );
}
