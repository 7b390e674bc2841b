import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/services.ts';
import { runCli } from '../support/cli.ts';
import { defaultPolicyGraph, tightenedPolicy } from './policies.ts';
import { monitoringScenario } from './scenario.ts';

/**
 * `credence monitor …` and `credence simulate …` as a risk analyst runs them: the scenario's decisions are
 * recorded through the services first, then each command runs in process on that application
 * (test/support/cli.ts).
 */
const dataDir = mkdtempSync(join(tmpdir(), 'credence-monitoring-cli-'));
let app: App;

beforeAll(async () => {
  app = (await monitoringScenario(undefined, { loans: false })).t.app;
});

afterAll(async () => {
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function run(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const { code, stdout, stderr } = await runCli(args, { app });
  return { status: code, stdout, stderr };
}

const WINDOW = ['--from', '2026-11-16', '--to', '2026-11-29'];

describe('credence monitor and simulate', () => {
  it('prints outcomes as a table, or as the API answers with --json; exits 3 naming a bad option', async () => {
    const human = await run(['monitor', 'outcomes', ...WINDOW]);
    expect(human.status).toBe(0);
    expect(human.stdout).toMatch(/^Outcomes 2026-11-16 to 2026-11-29 \(all products\)/);
    expect(human.stdout).toMatch(/cash_loan champion\s+12\s/);
    const json = await run(['monitor', 'outcomes', ...WINDOW, '--product', 'credit_line', '--json']);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      total: { decisions: 2 },
      window: { product: 'credit_line' },
    });
    // As the API answers: the approved-limit total in yuan, and the same amount in fen under …Fen.
    const total = (JSON.parse(json.stdout) as { total: Record<string, string> }).total;
    expect(total.approvedLimitTotal).toMatch(/^\d+\.\d{2}$/);
    expect(BigInt(String(total.approvedLimitTotal).replace('.', '')).toString()).toBe(
      total.approvedLimitTotalFen,
    );
    const bad = await run(['monitor', 'outcomes', '--from', '2026-11-30', '--to', '2026-11-01']);
    expect(bad.status).toBe(3);
    expect(bad.stderr).toMatch(/from: .* \(order\)/);
  });

  it('prints roll rates and the performance of both products, or as the API answers with --json', async () => {
    const rolls = await run(['monitor', 'roll-rates', '--from', '2026-10-01', '--to', '2026-11-30']);
    expect(rolls.status).toBe(0);
    expect(rolls.stdout).toMatch(
      /^Roll rates, month ends 2026-10-01 to 2026-11-30: .* half-even, 6 decimal places/,
    );
    expect(rolls.stdout).toContain('No account was open at two month ends of the window.');
    const json = await run(['monitor', 'roll-rates', '--from', '2026-10-01', '--to', '2026-11-30', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({
      states: ['M0', 'M1', 'M2', 'M3+', 'written_off', 'closed'],
      combined: { months: [{ month: '2026-10', from: '2026-10-31', to: '2026-11-30' }] },
    });
    const lines = await run(['monitor', 'performance', '--product', 'credit_line', ...WINDOW]);
    expect(lines.status).toBe(0);
    expect(lines.stdout).toMatch(/^Credit lines opened 2026-11-16 to 2026-11-29/);
  });

  it('alerts exit 7 with --fail-on critical when an outage day crossed 5%', async () => {
    const alerts = await run(['monitor', 'alerts', ...WINDOW, '--fail-on', 'critical']);
    expect(alerts.stdout).toMatch(/^1 critical, 0 warning, 2 info/);
    expect(alerts.stdout).toMatch(/CRITICAL outage: 1 of 9 cash_loan decisions/);
    expect(alerts.status).toBe(7);
    const quiet = await run([
      'monitor',
      'alerts',
      '--from',
      '2026-11-23',
      '--to',
      '2026-11-29',
      '--fail-on',
      'critical',
    ]);
    expect(quiet.status).toBe(0);
  });

  it('writes the monitoring report as one self-contained HTML page with its charts', async () => {
    const out = join(dataDir, 'monitoring.html');
    const result = await run(['monitor', 'report', ...WINDOW, '--min-decisions', '5', '--out', out]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Wrote .*monitoring\.html: 14 decisions 2026-11-16 to 2026-11-29/);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    for (const title of [
      'cash_loan: outcome rates per day',
      'Score distribution: recent decisions vs training',
      'Score PSI per week',
      'Principal reasons by frequency',
    ]) {
      expect(html).toContain(`aria-label="${title}`);
    }
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it('simulates a candidate file with progress on stderr, writes its report, and saves only when asked', async () => {
    const candidate = join(dataDir, 'candidate.json');
    writeFileSync(
      candidate,
      JSON.stringify(
        tightenedPolicy({
          cutoffRaise: { cash_loan: 300, credit_line: 300 },
          bandRaise: 0,
          multiHeadStricter: 0,
          limitScale: 1,
          priceRaiseBps: 0,
        }),
      ),
    );
    const out = join(dataDir, 'simulation.html');
    const human = await run(['simulate', '--policy', candidate, ...WINDOW, '--out', out]);
    expect(human.status).toBe(0);
    expect(human.stdout).toMatch(/^Simulation 2026-11-16 to 2026-11-29 \(all products\): 15 records read/);
    expect(human.stdout).toMatch(/Not saved/);
    expect(human.stderr).toMatch(/simulating/);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('aria-label="Swap-set matrix: recorded outcome × candidate outcome"');
    expect(html).toContain('swap-out');

    const current = join(dataDir, 'current.json');
    writeFileSync(current, JSON.stringify(defaultPolicyGraph()));
    const json = await run(['simulate', '--policy', current, ...WINDOW, '--json']);
    expect(json.status).toBe(0);
    const body = JSON.parse(json.stdout);
    expect(body.report.reproduction).toMatchObject({ records: 13, reproduced: 13 });

    const lonely = await run(['simulate', '--policy', current, '--save-as', 'default']);
    expect(lonely.status).toBe(2);
    const saved = await run([
      'simulate',
      '--policy',
      candidate,
      ...WINDOW,
      '--save-as',
      'strict',
      '--effective',
      '2027-01-01',
      '--json',
    ]);
    expect(saved.status).toBe(0);
    expect(JSON.parse(saved.stdout).candidate.saved).toMatchObject({ created: true });
    const listed = await run(['policy', 'list', '--name', 'strict', '--json']);
    expect(listed.stdout).toContain('"strict"');
  });
});
