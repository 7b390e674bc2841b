import { existsSync, readFileSync } from 'node:fs';
import { DEMO_SCORECARD, trainDemoScorecard } from '../../src/demo/scorecard/demo-scorecard.ts';
import { parseScorecard, type Scorecard } from '../../src/scoring/index.ts';

/** Names the file where vitest's global setup left this run's trained demo scorecard. */
export const DEMO_SCORECARD_FILE_ENV = 'CREDENCE_TEST_DEMO_SCORECARD';

let card: Scorecard | undefined;

/** Trains the demo scorecard (4,000 synthetic customers, seed 1) with a fixed training instant. */
export function trainTestScorecard(): Scorecard {
  return trainDemoScorecard({ ...DEMO_SCORECARD, trainedAt: '2026-11-01T00:00:00.000Z' }).card;
}

/**
 * The demo scorecard, trained once with a fixed training instant, so its artefact and content hash are the
 * same in every run. Under vitest it is trained once per run (test/support/global-setup.ts) and read back
 * here; otherwise (the benchmarks) once per process. No test-runner imports: the benchmarks use it too.
 */
export function testScorecard(): Scorecard {
  if (card) return card;
  const file = process.env[DEMO_SCORECARD_FILE_ENV];
  card =
    file && existsSync(file) ? parseScorecard(JSON.parse(readFileSync(file, 'utf8'))) : trainTestScorecard();
  return card;
}
