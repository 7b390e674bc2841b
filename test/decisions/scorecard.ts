import { DEMO_SCORECARD, trainDemoScorecard } from '../../src/decisions/demo-scorecard.ts';
import type { Scorecard } from '../../src/scoring/index.ts';

let card: Scorecard | undefined;

/**
 * The demo scorecard (4,000 synthetic customers, seed 1), trained once per process with a fixed training
 * instant, so its artefact and content hash are the same in every run. No test-runner imports: the
 * benchmarks use it too.
 */
export function testScorecard(): Scorecard {
  card ??= trainDemoScorecard({ ...DEMO_SCORECARD, trainedAt: '2026-11-01T00:00:00.000Z' }).card;
  return card;
}
