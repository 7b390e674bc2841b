import { randomFillSync } from 'node:crypto';
import type { App } from '../app.ts';
import { DEMO_CASES, DEMO_SETTINGS, seedDemoCases } from '../decisions/demo-cases.ts';
import { DEMO_SCORECARD, demoScorecardVersion, trainDemoScorecard } from '../decisions/demo-scorecard.ts';
import { generateApiKeySecret, type Role } from '../platform/auth/api-keys.ts';
import { isAppError } from '../platform/errors/app-error.ts';
import { installDefaultPolicies } from '../policy/policy-files.node.ts';

export interface DemoResult {
  /** Lines to print for the newcomer: keys, demo customers and what to try. */
  readonly lines: string[];
  /** Milliseconds each step took (keys, policies, scorecard, customers), for the start-up report. */
  readonly timings: Readonly<Record<string, number>>;
}

const DEMO_ROLES: readonly Role[] = ['app', 'reviewer', 'analyst', 'admin'];

/**
 * The demo scorecard: trained in memory on the synthetic population and activated — or, on a later start,
 * the one already registered under the same version (seed and size) is reused (and re-activated if another
 * model took over).
 */
async function ensureDemoScorecard(app: App): Promise<{ version: string; trained: boolean }> {
  const version = demoScorecardVersion(DEMO_SCORECARD.seed, DEMO_SCORECARD.customers);
  const models = app.services.models;
  const existing = await models.get(version).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') return undefined;
    throw error;
  });
  if (!existing) {
    const { card } = trainDemoScorecard({ ...DEMO_SCORECARD, trainedAt: app.clock.now().toISOString() });
    await models.register(card, 'demo');
  }
  await models.activate(version);
  return { version, trained: !existing };
}

/**
 * Seeds the demo: fresh local API keys for each role (older demo keys are revoked, since secrets are stored
 * hashed and cannot be shown again), the default policies and settings plus the demo's dated tightening,
 * the demo scorecard, and the demo customers — one per case users keep asking about — with the command
 * that shows each one's decision.
 */
export async function seedDemo(app: App): Promise<DemoResult> {
  const timings: Record<string, number> = {};
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      timings[name] = Math.round(performance.now() - started);
    }
  };

  const secrets = await timed('keys', async () => {
    const existing = await app.services.apiKeys.list();
    for (const key of existing)
      if (key.name.startsWith('demo ') && !key.revokedAt) await app.services.apiKeys.revoke(key.id);
    const out: Partial<Record<Role, string>> = {};
    for (const role of DEMO_ROLES) {
      const secret = generateApiKeySecret(role, (n) => randomFillSync(new Uint8Array(n)));
      await app.services.apiKeys.create({ name: `demo ${role}`, role, secret });
      out[role] = secret;
    }
    return out;
  });
  await timed('policies', async () => {
    await installDefaultPolicies(app.services.policies);
    await app.services.policies.loadSettings(DEMO_SETTINGS);
  });
  const model = await timed('scorecard', () => ensureDemoScorecard(app));
  const seeded = await timed('customers', () => seedDemoCases(app.services.customers, app.clock.now()));

  const lines = ['', 'Local API keys (demo; new on every start):'];
  for (const role of DEMO_ROLES) lines.push(`  ${role.padEnd(9)} ${secrets[role] ?? ''}`);
  lines.push(
    '',
    `Scorecard ${model.version} (${model.trained ? 'trained now on the synthetic population' : 'reused from an earlier start'}), default policy, risk appetite tightened from 2026-11-01.`,
    '',
    'Demo customers — see each decision and its reasons:',
  );
  const byKey = new Map(seeded.map((entry) => [entry.key, entry.customerId]));
  for (const demo of DEMO_CASES) {
    const customerId = byKey.get(demo.key) ?? '';
    const product = demo.product ?? 'cash_loan';
    lines.push(
      `  ${demo.key}: ${demo.shows.en}`,
      `    npx credence decide --customer ${customerId} --product ${product}`,
      `    curl -s -X POST http://127.0.0.1:${app.config.port}/v1/decisions -H "Authorization: Bearer ${secrets.app ?? ''}" -H 'content-type: application/json' -d '{"customerId":"${customerId}","product":"${product}"}'`,
    );
  }
  lines.push(
    '',
    `Demo set up in ${Object.entries(timings)
      .map(([step, ms]) => `${step} ${ms} ms`)
      .join(', ')}.`,
  );
  return { lines, timings };
}
