import type { Money } from '../../platform/money/money.ts';
import { locate } from './line-command.ts';
import type { LineHardshipAsk, LineHardshipFigures } from './line-hardship.ts';
import { planOnLockedLine, type LineHardshipDeps } from './line-hardship-steps.ts';

/** What a hardship request would do if asked now: its money effect, whether it would wait, the line's figures. */
export interface LineHardshipPreview {
  readonly moneyEffect: Money;
  readonly secondPersonAbove: Money;
  readonly needsSecondPerson: boolean;
  readonly before: LineHardshipFigures;
  readonly after: LineHardshipFigures;
}

/** The request id the plan is made under: never stored, a preview writes nothing. */
const PREVIEW_ID = 'lhr_preview';

/**
 * A hardship change worked out on the line as it stands today, exactly as `requestLineHardship` would (same
 * rules, same refusals naming the field and the rule), and nothing written: what staff see before they submit.
 * The line is locked for the moment of reading (the lock order of every line command) so the plan is of one
 * consistent state; the transaction then ends having changed nothing.
 */
export async function previewLineHardship(
  deps: LineHardshipDeps,
  input: { readonly lineId: string; readonly ask: LineHardshipAsk },
): Promise<LineHardshipPreview> {
  const where = await locate(deps.db, input.lineId);
  return deps.db.transaction(async (tx) => {
    const planned = await planOnLockedLine(deps, tx, where, input.lineId, input.ask, PREVIEW_ID);
    return {
      moneyEffect: planned.plan.moneyEffect,
      secondPersonAbove: planned.rules.secondPersonAbove,
      needsSecondPerson: planned.plan.moneyEffect > planned.rules.secondPersonAbove,
      before: planned.plan.before,
      after: planned.plan.after,
    };
  });
}
