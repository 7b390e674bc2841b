import { trainDemoScorecard } from '../../src/demo/scorecard/demo-scorecard.ts';
import { parseLocalDate } from '../../src/platform/time/local-date.ts';
import type { Scorecard } from '../../src/scoring/index.ts';
import { tightenedPolicy } from '../monitoring/policies.ts';
import type { DecisionTestApp } from './support.ts';

/** The shadow policy of these tests: the default with cut-offs 40 points higher and limits at 80%. */
export const TIGHT_SHADOW = tightenedPolicy({
  cutoffRaise: { cash_loan: 40, credit_line: 40 },
  bandRaise: 0,
  multiHeadStricter: 1,
  limitScale: 0.8,
  priceRaiseBps: 100,
});

let shadowCard: Scorecard | undefined;

/** A second scorecard (another synthetic sample, seed 2): the shadow model. Trained once per process. */
export function shadowScorecard(): Scorecard {
  shadowCard ??= trainDemoScorecard({
    customers: 1_500,
    seed: 2,
    version: 'shadow-seed2',
    trainedAt: '2026-11-01T00:00:00.000Z',
  }).card;
  return shadowCard;
}

/** Loads and approves (four-eyes) the policy `tight`, and registers the shadow model (a candidate). */
export async function installShadowCandidates(t: DecisionTestApp): Promise<void> {
  const { services } = t.app;
  const loaded = await services.policies.load({
    name: 'tight',
    effectiveFrom: parseLocalDate('2026-11-22'),
    content: TIGHT_SHADOW,
    requestedBy: { id: 'key_author', name: 'policy author' },
  });
  await services.changes.approve(loaded.change?.id ?? '', { id: 'key_checker', name: 'policy checker' });
  await services.models.register(shadowScorecard());
}
