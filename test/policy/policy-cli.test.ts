import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/services.ts';
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

  it('installs the defaults, submits a version that a second person approves (four-eyes), lists, shows and diffs', async () => {
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
      '--as',
      'Ana Lin',
      '--json',
    ]);
    expect(loaded.status).toBe(0);
    const submitted = JSON.parse(loaded.stdout) as {
      version: { id: string; version: number; status: string };
      change: { id: string; status: string; requestedBy: { name: string } };
    };
    const second = submitted.version;
    expect(second.version).toBe(2);
    expect(submitted.version.status).toBe('pending_approval');
    expect(submitted.change).toMatchObject({ status: 'pending', requestedBy: { name: 'Ana Lin' } });
    // The requester cannot approve their own version, whatever the spelling of their name.
    const self = await run(['policy', 'approve', second.id, '--as', ' ana  LIN ']);
    expect(self.status).toBe(4);
    expect(self.stderr).toMatch(/cannot approve it; a second person must/);
    const inbox = await run(['policy', 'approvals']);
    expect(inbox.stdout).toContain(
      `${submitted.change.id}  pending  policy  policy default v2 from 2027-01-01`,
    );
    const approved = await run([
      'policy',
      'approve',
      second.id,
      '--as',
      'Bo Chen',
      '--note',
      'diff checked',
      '--json',
    ]);
    expect(approved.status).toBe(0);
    expect(JSON.parse(approved.stdout)).toMatchObject({
      id: submitted.change.id,
      status: 'approved',
      decidedBy: { name: 'Bo Chen' },
      note: 'diff checked',
    });
    const twice = await run(['policy', 'reject', submitted.change.id, '--as', 'Cai Wu']);
    expect(twice.status).toBe(6);
    expect(twice.stderr).toMatch(/already approved \(by Bo Chen\); a decided change is final/);
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

  it('submits a legal cap written as a multiple of the one-year LPR from a settings file, refusing one below the products', async () => {
    const file = (multiple: string) => {
      const path = join(dir, `cap-${multiple}.json`);
      writeFileSync(
        path,
        JSON.stringify({
          legalRateCaps: [{ effectiveFrom: '2030-01-01', lprMultiple: multiple, basis: `${multiple} × LPR` }],
        }),
      );
      return path;
    };
    // 4 × 3.00 % = 12.00 % is below the default products' 24 %: refused naming the multiple.
    const low = await run(['policy', 'settings', 'load', file('4'), '--as', 'Ann Li']);
    expect(low.status).not.toBe(0);
    expect(low.stderr).toMatch(
      /legalRateCaps\[0\]\.lprMultiple: .* above the legal cap of 4 × the one-year LPR 3\.00% = 12\.00% in force on 2030-01-01/,
    );
    const submitted = await run(['policy', 'settings', 'load', file('8'), '--as', 'Ann Li', '--json']);
    expect(submitted.status).toBe(0);
    const { change } = JSON.parse(submitted.stdout) as { change: { id: string; status: string } };
    expect(change.status).toBe('pending');
    expect((await run(['policy', 'approve', change.id, '--as', 'Bo Chen'])).status).toBe(0);
    const settings = await run(['policy', 'settings', 'show']);
    expect(settings.stdout).toMatch(/legal cap from 2030-01-01: 8 × the one-year LPR \(8 × LPR\)/);
  });
});
