import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { cliApp, runCli } from '../support/cli.ts';

const POLICY = new URL('../../policies/default/credit-policy.json', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'credence-policy-cli-'));
let app: App;

beforeAll(async () => {
  app = await cliApp();
});

afterAll(async () => {
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the CLI in this process on one application (test/support/cli.ts), capturing output. */
async function run(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const { code, stdout, stderr } = await runCli(args, { app });
  return { status: code, stdout, stderr };
}

describe('credence policy', () => {
  it('checks a file without a database, and exits 3 naming node, row and column for a refused one', async () => {
    const ok = await run(['policy', 'check', POLICY, '--json']);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, nodes: 10, thresholds: { inquiries30d: [6] } });
    const broken = join(dir, 'broken.json');
    writeFileSync(
      broken,
      JSON.stringify({ nodes: [{ id: 'x', type: 'functionNode', name: 'Script' }], edges: [] }),
    );
    const refused = await run(['policy', 'check', broken]);
    expect(refused.status).toBe(3);
    expect(refused.stderr).toMatch(/node "Script" \(x\): function nodes run JavaScript/);
  });

  it('installs the defaults, loads a version, lists, shows and diffs', async () => {
    const installed = await run(['policy', 'install-defaults', '--json']);
    expect(installed.status).toBe(0);
    const first = JSON.parse(installed.stdout).policy.version as { id: string; version: number };
    expect(first.version).toBe(1);
    const loaded = await run([
      'policy',
      'load',
      POLICY,
      '--name',
      'default',
      '--effective',
      '2027-01-01',
      '--json',
    ]);
    expect(loaded.status).toBe(0);
    const second = JSON.parse(loaded.stdout).version as { id: string; version: number };
    expect(second.version).toBe(2);
    const list = await run(['policy', 'list']);
    expect(list.stdout.trim().split('\n')).toHaveLength(2);
    const show = await run(['policy', 'show', first.id]);
    expect(show.stdout).toMatch(
      /knockouts\s+decisionTable\s+Knock-outs {2}\(collect, 10 in \/ 2 out, 10 rows\)/,
    );
    const diff = await run(['policy', 'diff', first.id, second.id]);
    expect(diff.stdout).toMatch(/no differences/);
    const settings = await run(['policy', 'settings', 'show']);
    expect(settings.stdout).toMatch(/legal cap from 2020-08-20: 0\.24/);
    const missing = await run(['policy', 'show', 'pol_01JD3ZK6Q8W4M2X9T7B5N1R0AE']);
    expect(missing.status).toBe(5);
  });
});
