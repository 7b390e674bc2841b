import { DEMO_SETTINGS, seedDemoCases, type DemoCaseKey } from '../../src/demo/cases/demo-cases.ts';
import { installDefaultPolicies } from '../../src/policy/policy-files.node.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import type { StoreUnderTest } from '../support/stores.ts';
import type { MonotonicClock } from '../../src/platform/time/clock.ts';
import { testScorecard } from './scorecard.ts';

export { testScorecard } from './scorecard.ts';

export interface DecisionTestApp extends TestApp {
  readonly personas: ReadonlyMap<DemoCaseKey, string>;
}

/**
 * A whole app on a fresh schema (clock pinned at 2026-11-22 10:00 Shanghai) with the default policies and
 * settings plus the demo's dated tightening, the demo scorecard registered and active, and the demo cases
 * seeded as of now.
 */
export async function decisionTestApp(
  options: { store?: StoreUnderTest; tightening?: boolean; monotonic?: MonotonicClock } = {},
): Promise<DecisionTestApp> {
  const test = await createTestApp({
    ...(options.store ? { store: options.store } : {}),
    ...(options.monotonic ? { monotonic: options.monotonic } : {}),
  });
  const { services } = test.app;
  await installDefaultPolicies(services.policies);
  const scorecard = testScorecard();
  await services.models.register(scorecard);
  await services.models.activate(scorecard.version);
  if (options.tightening !== false) await services.policies.loadSettings(DEMO_SETTINGS);
  const seeded = await seedDemoCases(services.customers, test.clock.now());
  return { ...test, personas: new Map(seeded.map((persona) => [persona.key, persona.customerId])) };
}
