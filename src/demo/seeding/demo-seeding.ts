import { randomFillSync } from 'node:crypto';
import type { App } from '../../services.ts';
import type { DecisionService, Outcome } from '../../decisions/index.ts';
import {
  DEMO_CASES,
  DEMO_SETTINGS,
  seedDemoCases,
  type DemoCaseKey,
  type SeededCase,
} from '../cases/demo-cases.ts';
import { DEMO_SCORECARD, demoScorecardVersion, trainDemoScorecard } from '../scorecard/demo-scorecard.ts';
import { generateApiKeySecret, type Principal, type Role } from '../../platform/auth/api-keys.ts';
import { AppError, isAppError } from '../../platform/errors/app-error.ts';
import { businessDateOf } from '../../platform/time/local-date.ts';
import { installDefaultPolicies } from '../../policy/policy-files.node.ts';
import { seedDemoHistory, type HistoryReport, type HistorySeedOptions } from '../history/history-seeder.ts';
import { createProgress } from '../../cli/progress.ts';

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

export interface SeededDecision {
  readonly key: DemoCaseKey;
  readonly customerId: string;
  readonly product: string;
  readonly decisionId: string;
  readonly outcome: Outcome;
}

/**
 * Each demo case's decision for the product that tells its story — the one `credence decide --customer …
 * --product …` makes (through the decisions service, for the most the customer can get, an approval opening
 * the facility) — so the customer app has a decision to show before the person taps Apply. Idempotent and
 * resumable: a case that already has an application decision for its product made on `asOf`'s business day
 * (an earlier start today, one killed half-way, or the person's own Apply) keeps it; a decision is one
 * transaction, so a kill leaves a case decided or not. A start on a later day decides again, so the dates the
 * person reads (reapply, plan steps) are those of today's data, as `credence decide` would say.
 */
export async function seedDemoDecisions(
  decisions: Pick<DecisionService, 'decide' | 'list'>,
  seeded: readonly SeededCase[],
  asOf: Date,
): Promise<SeededDecision[]> {
  const today = businessDateOf(asOf);
  const out: SeededDecision[] = [];
  for (const { key, customerId } of seeded) {
    const product = DEMO_CASES.find((demo) => demo.key === key)?.product ?? 'cash_loan';
    const earlier = (await decisions.list(customerId, { limit: 100 })).find(
      (summary) =>
        summary.kind === 'application' &&
        summary.productCode === product &&
        businessDateOf(summary.decidedAt) === today,
    );
    const decision =
      earlier ?? (await decisions.decide({ customerId, productCode: product, requestedAmount: null }));
    out.push({ key, customerId, product, decisionId: decision.id, outcome: decision.outcome });
  }
  return out;
}

/**
 * One appeal in the review queue, so the reviewer commands in the README have a case: the low-score
 * customer's seeded cash-loan decline, appealed as a repaid debt (the re-check still sees the overdue, so it
 * queues). Kept across starts: an open appeal of that customer is reused. A seeded decision appealed already
 * and decided (a reviewer closed it, then the demo restarted the same day) cannot be appealed again: the
 * customer then applies once more, as a person would, and appeals that. Returns the appeal's id.
 */
async function demoAppeal(app: App, seeded: SeededDecision | undefined, by: Principal): Promise<string> {
  if (!seeded) throw new AppError('INTERNAL', 'the demo has no low_score customer');
  const { customerId } = seeded;
  const appeals = await app.services.appeals.list({ customerId, limit: 1000 });
  const open = appeals.find((item) =>
    ['filed', 'queued', 'in_review', 'pending_approval'].includes(item.appeal.status),
  );
  if (open) return open.appeal.id;
  const decisionId = appeals.some((item) => item.appeal.decisionId === seeded.decisionId)
    ? (await app.services.decisions.decide({ customerId, productCode: 'cash_loan', requestedAmount: null }))
        .id
    : seeded.decisionId;
  const filed = await app.services.appeals.file(
    {
      decisionId,
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
export async function seedDemo(
  app: App,
  options: { readonly history?: HistorySeedOptions | false } = {},
): Promise<DemoResult> {
  // The API's address is known only once the server listens (PORT=0 picks one), after seeding.
  const timings: Record<string, number> = {};
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = app.monotonic.nowMs();
    try {
      return await work();
    } finally {
      timings[name] = Math.round(app.monotonic.nowMs() - started);
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
  const decisions = await timed('decisions', () =>
    seedDemoDecisions(app.services.decisions, seeded, app.clock.now()),
  );
  const decisionOf = new Map(decisions.map((entry) => [entry.key, entry]));
  const appeal = await timed('appeal', () =>
    demoAppeal(app, decisionOf.get('low_score'), { keyId: appKey.id ?? '', name: 'demo app', role: 'app' }),
  );

  // Months of past activity behind the cases (`npm start`; src/demo/history), with a progress bar.
  const history = options.history
    ? await timed('history', () => seedHistoryWithProgress(app, options.history || {}))
    : undefined;

  const lines = (url: string): string[] => {
    const out = ['', 'Local API keys (demo; new on every start):'];
    for (const role of DEMO_ROLES) out.push(`  ${role.padEnd(9)} ${secrets[role] ?? ''}`);
    out.push(
      '',
      `Scorecard ${model.version} (${model.trained ? 'trained now on the synthetic population' : 'reused from an earlier start'}), default policy, risk appetite tightened from 2026-11-01.`,
      '',
      'Demo customers — each has its decision already (the app shows it); see it and its reasons, or decide again:',
    );
    for (const demo of DEMO_CASES) {
      const customerId = byKey.get(demo.key) ?? '';
      const product = demo.product ?? 'cash_loan';
      const decided = decisionOf.get(demo.key);
      out.push(
        `  ${demo.key}: ${demo.shows.en}`,
        `    npx credence decide --customer ${customerId} --product ${product}`,
        `    curl -s -X POST ${url}/v1/decisions -H "Authorization: Bearer ${secrets.app ?? ''}" -H 'content-type: application/json' -d '{"customerId":"${customerId}","product":"${product}"}'`,
        `    its decision now (${decided?.outcome ?? ''}): npx credence decision show ${decided?.decisionId ?? ''}`,
      );
    }
    out.push(
      '',
      `An appeal waiting for a reviewer: ${appeal} (low_score says the debt is repaid) — see the README's Appeals section.`,
      ...(history ? ['', historyLine(history)] : []),
      '',
      `Demo set up in ${Object.entries(timings)
        .map(([step, ms]) => `${step} ${ms} ms`)
        .join(', ')}.`,
    );
    return out;
  };
  return { lines, timings };
}

/**
 * `CREDENCE_DEMO_HISTORY`: unset, the default history (docs/demo.md); `0` or `off`, none (the nine cases
 * only, a quicker start); a whole number, that many synthetic applicants.
 */
export function demoHistoryOption(value: string | undefined): HistorySeedOptions | false {
  const text = value?.trim() ?? '';
  if (text === '') return {};
  if (text === '0' || text.toLowerCase() === 'off') return false;
  if (!/^\d{1,6}$/.test(text))
    throw AppError.invalid(
      'CREDENCE_DEMO_HISTORY',
      'whole-number-or-off',
      `CREDENCE_DEMO_HISTORY must be a number of applicants or "off", not "${text}"`,
    );
  return { applicants: Number(text) };
}

/** The history, with a progress bar on a terminal (a line every few seconds otherwise). */
async function seedHistoryWithProgress(app: App, options: HistorySeedOptions): Promise<HistoryReport> {
  const progress = createProgress('Demo history', 1);
  try {
    return await seedDemoHistory(app, {
      ...options,
      onProgress: ({ step, done, total }) => {
        progress.setTotal(total);
        progress.update(done, step);
      },
    });
  } finally {
    progress.stop();
  }
}

function historyLine(history: HistoryReport): string {
  const what = `${history.customers} synthetic customers from ${history.from} to the day before ${history.anchor}`;
  return history.seeded
    ? `Demo history recorded now: ${what} — ${history.decisions} decisions, ${history.loans} loans, ${history.lines} credit lines, ${history.appeals} appeals; drift episode ${history.driftFrom} – ${history.driftTo} (docs/demo.md).`
    : `Demo history (from an earlier start): ${what}, ${history.decisions} decisions, ${history.appeals} appeals (docs/demo.md).`;
}
