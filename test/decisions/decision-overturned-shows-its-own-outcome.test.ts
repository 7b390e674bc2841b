import { beforeAll, describe, expect, it } from 'vitest';
import { customerText, customerTextInputOfView, decisionView } from '../../src/decisions/decision-view.ts';
import { fen } from '../../src/platform/money/money.ts';
import { decisionTestApp, type DecisionTestApp } from './support.ts';

/**
 * A decline overturned by people on appeal is shown as what it now is: an approval with its limit and
 * price and one line saying a person changed the decision — not "Approved, limit CNY 60,000.00" followed
 * by the decline's reasons and a plan to fix them. The declined decision's reasons and plan stay in the
 * record (its replay re-derives them) and in the view as history, under `overridden`.
 */
let t: DecisionTestApp;
beforeAll(async () => {
  t = await decisionTestApp();
});

describe('decision-overturned-shows-its-own-outcome', () => {
  it('shows the approval, the review and the decision it replaces, not the decline it overturned', async () => {
    const customerId = t.personas.get('low_score') ?? '';
    const declined = await t.app.services.decisions.decide({
      customerId,
      productCode: 'cash_loan',
      requestedAmount: null,
    });
    expect(declined.outcome).toBe('declined');
    const override = await t.app.services.decisions.recordOverride({
      decisionId: declined.id,
      appealId: 'apl_01KBTESTAPPEAL0000000000000',
      reviewer: 'rvw_test',
      note: 'income evidence checked',
      outcome: 'approved',
      limit: fen(6_000_000n),
      apr: '0.1095',
    });

    const view = decisionView(override);
    expect(view.outcome).toBe('approved');
    expect(view.reasons).toEqual([
      {
        code: 'DECISION_OVERTURNED',
        kind: 'review',
        params: { overrides: declined.id },
        text: {
          zh: '经人工复核您的申诉，原决定已更改为批准。',
          en: 'A person reviewed your appeal and changed the earlier decision to an approval.',
        },
      },
    ]);
    expect(view.recourse).toBeNull();
    // The decline it overturned, as history for staff.
    expect(view.overridden).toEqual({
      decisionId: declined.id,
      reasons: declined.reasons.map(({ code, kind, text, params }) => ({ code, kind, text, params })),
      // As stored (amounts in the plan's parameters read back as strings).
      recourse: (await t.app.services.decisions.get(declined.id)).recourse,
    });

    const lines = (locale: 'zh' | 'en') => customerText(customerTextInputOfView(view), locale);
    expect(lines('en')).toBe(
      [
        'Approved',
        '  Limit CNY 60,000.00 at 10.95% a year (0.030% a day)',
        '  Why:',
        '    1. A person reviewed your appeal and changed the earlier decision to an approval.',
        `  This replaces decision ${declined.id}.`,
      ].join('\n'),
    );
    expect(lines('zh')).toBe(
      [
        '审批通过',
        '  额度 ¥60,000.00，年化利率 10.95%（日利率 0.030%）',
        '  原因：',
        '    1. 经人工复核您的申诉，原决定已更改为批准。',
        `  本决定取代此前的决定 ${declined.id}。`,
      ].join('\n'),
    );
    // The record itself is unchanged: its replay still re-derives the overturned decline.
    const replay = await t.app.services.decisions.replay(override.id);
    expect(replay.matches).toBe(true);
  });
});
