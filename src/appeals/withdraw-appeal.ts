import type { Principal } from '../platform/auth/api-keys.ts';
import { AppError } from '../platform/errors/app-error.ts';
import type { Appeal } from './appeal.ts';
import { customerActor } from './appeal-rules.ts';
import { applyAppealCommand, type ApplyDeps } from './appeal-steps.ts';

/** The customer withdraws an open appeal (NOT_FOUND unless it is this customer's). */
export async function withdrawAppeal(
  deps: ApplyDeps,
  input: { appealId: string; customerId: string; by: Principal },
): Promise<Appeal> {
  const { appealId, customerId, by } = input;
  return applyAppealCommand(deps, appealId, (current) => {
    if (current.customerId !== customerId) throw AppError.notFound('appeal', appealId);
    return { type: 'withdraw', by: customerActor(customerId, by) };
  });
}
