import type { Queryable } from '../platform/database/database.ts';
import { AppError } from '../platform/errors/app-error.ts';
import type { ChangeRequest } from './change-requests.ts';
import * as repository from './policy.pg.ts';
import type { PolicyDeps } from './policy-ports.ts';

/**
 * Applies an approved policy change inside the deciding transaction: refuses (422 `effective-date-passed`)
 * a version whose date has passed while it waited, when an approved version of its name exists already —
 * it would rewrite which version decided past days.
 */
export async function approvePolicyChange(
  deps: Pick<PolicyDeps, 'clock'>,
  tx: Queryable,
  change: ChangeRequest,
): Promise<void> {
  const name = String(change.payload.name);
  const today = deps.clock.today();
  if (change.effectiveFrom < today && (await repository.anyApprovedVersionOf(tx, name))) {
    throw new AppError(
      'UNPROCESSABLE',
      `policy ${name} was to take effect on ${change.effectiveFrom}, which has passed (today is ${today}); approving it now would rewrite which version decided the days between — reject it and submit it again from today or later`,
      {
        issues: [
          {
            field: 'effectiveFrom',
            rule: 'effective-date-passed',
            message: `${change.effectiveFrom} is before today (${today})`,
          },
        ],
      },
    );
  }
}
