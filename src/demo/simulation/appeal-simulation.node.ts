import { randomBytes } from 'node:crypto';
import { createApp } from '../../app.ts';
import { generatePopulation } from '../population/population.ts';
import { DEMO_SCORECARD, trainDemoScorecard } from '../scorecard/demo-scorecard.ts';
import { createSandboxVerificationProvider } from '../../identity/index.ts';
import { generateApiKeySecret, type Principal, type Role } from '../../platform/auth/api-keys.ts';
import { openPglite } from '../../platform/database/pglite.ts';
import { createIdGenerator, seededRandomBytes } from '../../platform/ids/ids.ts';
import { createLogger } from '../../platform/logging/logger.ts';
import { ManualClock } from '../../platform/time/clock.ts';
import { parseLocalDate, startOfBusinessDate, type LocalDate } from '../../platform/time/local-date.ts';
import { installDefaultPolicies } from '../../policy/policy-files.node.ts';
import {
  runAppealSimulation,
  simulationOutage,
  withOutages,
  type SimulationResult,
} from './appeal-simulation.ts';

export interface InMemorySimulationOptions {
  readonly customers: number;
  readonly seed: number;
  readonly reviewers: number;
  /** Default 2026-11-02 (a Monday). */
  readonly start?: LocalDate;
}

/**
 * The simulation on a fresh in-memory PGlite with the whole application: the default policies and
 * settings, the demo scorecard trained in memory, the sandbox provider with the simulation's outage, a
 * manual clock from the start date, deterministic ids. Nothing is written to disk.
 */
export async function runAppealSimulationInMemory(
  options: InMemorySimulationOptions,
  onProgress?: (done: number, detail: string) => void,
): Promise<SimulationResult> {
  const start = options.start ?? parseLocalDate('2026-11-02');
  const clock = new ManualClock(startOfBusinessDate(start));
  const ids = createIdGenerator(clock, seededRandomBytes(options.seed));
  const db = await openPglite();
  const activeKey = { id: 'simulation', key: randomBytes(32) };
  const app = await createApp({
    config: {
      port: 0,
      host: '127.0.0.1',
      dataDir: '/nonexistent-simulation',
      databaseUrl: undefined,
      logLevel: 'error',
      bodyLimit: 1_048_576,
      pii: { activeKey, keys: [activeKey], blindIndexKey: randomBytes(32) },
    },
    db,
    clock,
    ids,
    logger: createLogger({ level: 'error', destination: process.stderr }),
    verifier: withOutages(createSandboxVerificationProvider(), clock, [simulationOutage(start)]),
  });
  try {
    const { services } = app;
    await installDefaultPolicies(services.policies);
    const { card } = trainDemoScorecard({ ...DEMO_SCORECARD, trainedAt: clock.now().toISOString() });
    await services.models.register(card);
    await services.models.activate(card.version);
    const keyBytes = seededRandomBytes(options.seed + 1);
    const principal = async (name: string, role: Role): Promise<Principal> => {
      const record = await services.apiKeys.create({
        name,
        role,
        secret: generateApiKeySecret(role, keyBytes),
      });
      return { keyId: record.id, name: record.name, role: record.role };
    };
    const appPrincipal = await principal('simulated app', 'app');
    const reviewers: Principal[] = [];
    for (let n = 1; n <= options.reviewers; n += 1)
      reviewers.push(await principal(`reviewer ${n}`, 'reviewer'));
    const population = generatePopulation({
      customers: options.customers,
      months: 24,
      seed: options.seed,
      end: start,
    });
    return await runAppealSimulation(
      {
        clock,
        calendar: services.appeals.calendar,
        customers: services.customers,
        decisions: services.decisions,
        appeals: services.appeals,
        app: appPrincipal,
        reviewers,
      },
      { population, seed: options.seed, start, ...(onProgress ? { onProgress } : {}) },
    );
  } finally {
    await app.stop();
  }
}
