import { AppError } from '../platform/errors/app-error.ts';
import type { AppealDeps, AppealStats } from './appeal-ports.ts';
import * as repository from './appeals.pg.ts';

/** Appeals filed in `[from, to)` (all until now by default): counts, rates, SLA breaches, median hours. */
export async function appealStats(
  deps: Pick<AppealDeps, 'db' | 'clock'>,
  range: { from?: Date; to?: Date } = {},
): Promise<AppealStats> {
  const now = deps.clock.now();
  const from = range.from ?? new Date(0);
  const to = range.to ?? new Date(now.getTime() + 1);
  if (from.getTime() >= to.getTime())
    throw AppError.invalid('from', 'before-to', '`from` must be before `to`');
  const rows = await repository.appealStats(deps.db, from, to, now);
  const byStatus: Record<string, number> = {};
  const byCategory: Record<string, number> = {};
  const byResolution: Record<string, number> = {};
  let total = 0;
  for (const row of rows.counts) {
    total += row.count;
    byStatus[row.status] = (byStatus[row.status] ?? 0) + row.count;
    byCategory[row.category] = (byCategory[row.category] ?? 0) + row.count;
    if (row.resolution) byResolution[row.resolution] = (byResolution[row.resolution] ?? 0) + row.count;
  }
  const resolved = byStatus.resolved ?? 0;
  const byRecheck = byResolution.overturned_by_recheck ?? 0;
  const byPerson = byResolution.overturned ?? 0;
  return {
    from,
    to,
    total,
    byStatus,
    byCategory,
    byResolution,
    overturnRate: resolved === 0 ? null : (byRecheck + byPerson) / resolved,
    recheckShare: resolved === 0 ? null : byRecheck / resolved,
    overrides: byPerson,
    slaBreaches: { resolvedLate: rows.slaBreaches, openOverdue: rows.slaBreachesOpen },
    medianHoursToResolution: rows.medianHours,
  };
}
