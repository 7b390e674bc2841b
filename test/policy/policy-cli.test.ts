import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';

const POLICY = new URL('../../policies/default/credit-policy.json', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'credence-policy-cli-'));

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs the CLI in this process (one embedded database per command, as in real use), capturing output. */
async function run(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const status = await main(['--data-dir', dataDir, ...args]);
    return { status, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('credence policy', () => {
  it('checks a file without a database, and exits 3 naming node, row and column for a refused one', async () => {
    const ok = await run(['policy', 'check', POLICY, '--json']);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, nodes: 10, thresholds: { inquiries30d: [6] } });
    const broken = join(dataDir, 'broken.json');
    writeFileSync(
      broken,
      JSON.stringify({ nodes: [{ id: 'x', type: 'functionNode', name: 'Script' }], edges: [] }),
    );
    const refused = await run(['policy', 'check', broken]);
    expect(refused.status).toBe(3);
    expect(refused.stderr).toMatch(/node "Script" \(x\): function nodes run JavaScript/);
  });

  it('installs the defaults, loads a version, lists, shows and diffs', async () => {
    const savedDatabaseUrl = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
    try {
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
    } finally {
      if (savedDatabaseUrl !== undefined) process.env.DATABASE_URL = savedDatabaseUrl;
    }
  });
});
