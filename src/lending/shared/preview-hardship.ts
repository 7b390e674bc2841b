import type { LocalizedText } from '../../platform/i18n/localized.ts';
import type { Money } from '../../platform/money/money.ts';
import { renderMessage } from '../../platform/notifications/index.ts';
import type { HardshipLayerDeps, HardshipProduct, PlannedHardship } from './hardship-product.ts';

/** What a hardship request would do if asked now: its money effect, whether it would wait, the subject's view. */
export interface HardshipPreviewOf<View> {
  readonly moneyEffect: Money;
  readonly secondPersonAbove: Money;
  readonly needsSecondPerson: boolean;
  readonly before: View;
  readonly after: View;
  /** The message the customer would read once it is applied (null where the product cannot tell beforehand). */
  readonly customerMessage: LocalizedText | null;
}

/**
 * A hardship change worked out on the subject as it stands today, exactly as `requestHardship` would (same
 * rules, same cap, same refusals naming the field and the rule), and nothing written: what staff see before
 * they submit, with the message the customer would read where the product can tell it beforehand. The subject is locked for the moment of reading (the product's lock order) so the plan is of
 * one consistent state; the transaction then ends having changed nothing.
 */
export async function previewHardship<
  Ask extends { readonly tool: string },
  Key extends string,
  View,
  Replay,
  Planned extends PlannedHardship<View>,
>(
  deps: HardshipLayerDeps,
  product: HardshipProduct<Ask, Key, View, Replay, Planned>,
  input: { readonly subjectId: string; readonly ask: Ask },
): Promise<HardshipPreviewOf<View>> {
  const where = await product.locate(deps.db, input.subjectId);
  const plan = await product.planner();
  return deps.db.transaction(async (tx) => {
    const planned = await plan(tx, where, input.subjectId, input.ask, product.previewId);
    return {
      moneyEffect: planned.plan.moneyEffect,
      secondPersonAbove: planned.rules.secondPersonAbove,
      needsSecondPerson: planned.plan.moneyEffect > planned.rules.secondPersonAbove,
      before: planned.plan.before,
      after: planned.plan.after,
      customerMessage: product.previewMessage
        ? renderMessage(product.previewMessage(input.subjectId, planned))
        : null,
    };
  });
}
