import { randomFillSync } from 'node:crypto';
import type { App } from '../app.ts';
import { DEMO_CASES, DEMO_SETTINGS, seedDemoCases } from '../decisions/demo-cases.ts';
import { DEMO_SCORECARD, demoScorecardVersion, trainDemoScorecard } from '../decisions/demo-scorecard.ts';
import { generateApiKeySecret, type Principal, type Role } from '../platform/auth/api-keys.ts';
import { AppError, isAppError } from '../platform/errors/app-error.ts';
import { installDefaultPolicies } from '../policy/policy-files.node.ts';

export interface DemoResult {
  /** Lines to print for the newcomer: keys, demo customers and what to try, with the API at `url`. */
  readonly lines: (url: string) => string[];
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
 * One appeal in the review queue, so the reviewer commands in the README have a case: the low-score
 * customer's cash-loan decline, appealed as a repaid debt (the re-check still sees the overdue, so it
 * queues). Kept across starts: an open appeal of that customer is reused. Returns its id.
 */
async function demoAppeal(app: App, customerId: string | undefined, by: Principal): Promise<string> {
  if (!customerId) throw new AppError('INTERNAL', 'the demo has no low_score customer');
  const open = await app.services.appeals.list({
    customerId,
    statuses: ['filed', 'queued', 'in_review', 'pending_approval'],
    limit: 1,
  });
  const [existing] = open;
  if (existing) return existing.appeal.id;
  const decision = await app.services.decisions.decide({
    customerId,
    productCode: 'cash_loan',
    requestedAmount: null,
  });
  const filed = await app.services.appeals.file(
    {
      decisionId: decision.id,
      customerId,
      category: 'repaid_debt',
      statement: 'I repaid the overdue ¥2,000 last week; my bank can confirm it.',
    },
    by,
  );
  return filed.id;
}

/**
 * Seeds the demo: fresh local API keys for each role (older demo keys are revoked, since secrets are stored
 * hashed and cannot be shown again), the default policies and settings plus the demo's dated tightening,
 * the demo scorecard, and the demo customers — one per case users keep asking about — with the command
 * that shows each one's decision.
 */
export async function seedDemo(app: App): Promise<DemoResult> {
  // The API's address is known only once the server listens (PORT=0 picks one), after seeding.
  const timings: Record<string, number> = {};
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      timings[name] = Math.round(performance.now() - started);
    }
  };

  const appKey: { id?: string } = {};
  const secrets = await timed('keys', async () => {
    const existing = await app.services.apiKeys.list();
    for (const key of existing)
      if (key.name.startsWith('demo ') && !key.revokedAt) await app.services.apiKeys.revoke(key.id);
    const out: Partial<Record<Role, string>> = {};
    for (const role of DEMO_ROLES) {
      const secret = generateApiKeySecret(role, (n) => randomFillSync(new Uint8Array(n)));
      const created = await app.services.apiKeys.create({ name: `demo ${role}`, role, secret });
      if (role === 'app') appKey.id = created.id;
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
  const byKey = new Map(seeded.map((entry) => [entry.key, entry.customerId]));
  const appeal = await timed('appeal', () =>
    demoAppeal(app, byKey.get('low_score'), { keyId: appKey.id ?? '', name: 'demo app', role: 'app' }),
  );

  const lines = (url: string): string[] => {
    const out = ['', 'Local API keys (demo; new on every start):'];
    for (const role of DEMO_ROLES) out.push(`  ${role.padEnd(9)} ${secrets[role] ?? ''}`);
    out.push(
      '',
      `Scorecard ${model.version} (${model.trained ? 'trained now on the synthetic population' : 'reused from an earlier start'}), default policy, risk appetite tightened from 2026-11-01.`,
      '',
      'Demo customers — see each decision and its reasons:',
    );
    for (const demo of DEMO_CASES) {
      const customerId = byKey.get(demo.key) ?? '';
      const product = demo.product ?? 'cash_loan';
      out.push(
        `  ${demo.key}: ${demo.shows.en}`,
        `    npx credence decide --customer ${customerId} --product ${product}`,
        `    curl -s -X POST ${url}/v1/decisions -H "Authorization: Bearer ${secrets.app ?? ''}" -H 'content-type: application/json' -d '{"customerId":"${customerId}","product":"${product}"}'`,
      );
    }
    out.push(
      '',
      `An appeal waiting for a reviewer: ${appeal} (low_score says the debt is repaid) — see the README's Appeals section.`,
      '',
      `Demo set up in ${Object.entries(timings)
        .map(([step, ms]) => `${step} ${ms} ms`)
        .join(', ')}.`,
    );
    return out;
  };
  return { lines, timings };
}
