import { seedDemoPersonas, type SeededPersona } from '../../src/customers/index.ts';
import { trainDemoScorecard } from '../../src/decisions/demo-scorecard.ts';
import { installDefaultPolicies } from '../../src/policy/policy-files.node.ts';
import type { Scorecard } from '../../src/scoring/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import type { StoreUnderTest } from '../support/stores.ts';

let card: Scorecard | undefined;

/**
 * The demo scorecard, trained once per test file on 4,000 synthetic customers (seed 1) with a fixed
 * training instant, so its artefact and content hash are the same in every run.
 */
export function testScorecard(): Scorecard {
  card ??= trainDemoScorecard({ customers: 4_000, seed: 1, trainedAt: '2026-11-01T00:00:00.000Z' }).card;
  return card;
}

export interface DecisionTestApp extends TestApp {
  readonly personas: ReadonlyMap<SeededPersona['key'], string>;
}

/**
 * A whole app on a fresh schema (clock pinned at 2026-11-22 10:00 Shanghai) with the default policies and
 * settings, the test scorecard registered and active, and the demo personas seeded as of now.
 */
export async function decisionTestApp(options: { store?: StoreUnderTest } = {}): Promise<DecisionTestApp> {
  const test = await createTestApp(options.store ? { store: options.store } : {});
  const { services } = test.app;
  await installDefaultPolicies(services.policies);
  const scorecard = testScorecard();
  await services.models.register(scorecard);
  await services.models.activate(scorecard.version);
  const seeded = await seedDemoPersonas(services.customers, test.clock.now());
  return { ...test, personas: new Map(seeded.map((persona) => [persona.key, persona.customerId])) };
}
