import type { Money } from '../../platform/money/index.ts';
import type { HardshipAsk } from './hardship.ts';
import { capToday, planOnLockedLoan, type HardshipDeps } from './hardship-steps.ts';
import { locate } from './loan-command.ts';
import type { InstalmentView } from './servicing.ts';

/** What a hardship request would do if asked now: its money effect, whether it would wait, the schedules. */
export interface HardshipPreview {
  readonly moneyEffect: Money;
  readonly secondPersonAbove: Money;
  readonly needsSecondPerson: boolean;
  readonly before: readonly InstalmentView[];
  readonly after: readonly InstalmentView[];
}

/** The request id the plan is made under: never stored, a preview writes nothing. */
const PREVIEW_ID = 'hsr_preview';

/**
 * A hardship change worked out on the loan as it stands today, exactly as `requestHardship` would (same
 * rules, same cap, same refusals naming the field and the rule), and nothing written: what staff see before
 * they submit. The loan is locked for the moment of reading (the lock order of every loan command) so the
 * plan is of one consistent state; the transaction then ends having changed nothing.
 */
export async function previewHardship(
  deps: HardshipDeps,
  input: { readonly loanId: string; readonly ask: HardshipAsk },
): Promise<HardshipPreview> {
  const where = await locate(deps.db, input.loanId);
  const costCap = await capToday(deps);
  return deps.db.transaction(async (tx) => {
    const planned = await planOnLockedLoan(deps, tx, where, input.loanId, input.ask, PREVIEW_ID, costCap);
    return {
      moneyEffect: planned.plan.moneyEffect,
      secondPersonAbove: planned.rules.secondPersonAbove,
      needsSecondPerson: planned.plan.moneyEffect > planned.rules.secondPersonAbove,
      before: planned.plan.before,
      after: planned.plan.after,
    };
  });
}
