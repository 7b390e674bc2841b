import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `credence decide` and `credence decision show|replay` on the embedded database: while `credence serve`
 * holds the data directory they go through its API with the local key it keeps in the lock file (the
 * commands `npm start` prints work as printed); once it has stopped they open the database themselves,
 * and the key the server made for them is revoked.
 */
const BIN = new URL('../../bin/credence.js', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'credence-decide-cli-'));
const env: NodeJS.ProcessEnv = { ...process.env, CREDENCE_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
delete env.DATABASE_URL;

function run(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 120_000 });
}

let server: ChildProcessWithoutNullStreams | undefined;
let printed = '';

beforeAll(async () => {
  server = spawn(process.execPath, [BIN, 'serve', '--demo', '--port', '0'], { env });
  const child = server;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`demo not ready: ${printed}`)), 150_000);
    child.stderr.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      if (/Demo set up in/.test(printed)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${printed}`)));
  });
}, 160_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

/** The customer id the demo listing printed for a case. */
function customerOf(key: string): string {
  const match = new RegExp(`  ${key}: [^\\n]*\\n\\s+npx credence decide --customer (cus_\\w+)`).exec(printed);
  if (!match?.[1]) throw new Error(`no ${key} in the listing: ${printed}`);
  return match[1];
}

describe('credence decide while the server runs, and after', () => {
  it('runs the printed commands through the server, then on the database once it stopped', async () => {
    const clean = run(['decide', '--customer', customerOf('clean_approval'), '--product', 'cash_loan']);
    expect(clean.stderr).toBe('');
    expect(clean.status).toBe(0);
    expect(clean.stdout).toContain('审批通过');
    expect(clean.stdout).toMatch(/\nApproved\n {2}Limit CNY [\d,]+\.00 at \d+\.\d\d% a year/);

    const declined = run([
      'decide',
      '--customer',
      customerOf('multi_head'),
      '--product',
      'credit_line',
      '--json',
    ]);
    expect(declined.status).toBe(0);
    const view = JSON.parse(declined.stdout) as { decisionId: string; outcome: string; reasons: unknown[] };
    expect(view.outcome).toBe('declined');
    expect(view.reasons.length).toBeGreaterThan(0);

    const shown = run(['decision', 'show', view.decisionId, '--lang', 'en']);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toContain('Not approved for now');
    expect(shown.stdout).toContain('What you can do:');
    const replayed = run(['decision', 'replay', view.decisionId]);
    expect(replayed.status).toBe(0);
    expect(replayed.stdout).toContain(`${view.decisionId}: replay matches (declined`);

    // The server's refusals come back as the command's own: exit code and message.
    const unknown = run(['decide', '--customer', 'cus_01JD3ZK6Q8W4M2X9T7B5N1R0AE', '--product', 'cash_loan']);
    expect(unknown.status).toBe(5);
    expect(unknown.stderr).toContain('error [NOT_FOUND]');

    // Stopped: the same commands open the database themselves, and the local key is revoked.
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server?.kill('SIGTERM');
    await exited;
    const local = run(['decision', 'show', view.decisionId, '--lang', 'en']);
    expect(local.status).toBe(0);
    expect(local.stdout).toBe(shown.stdout);
    const keys = JSON.parse(run(['keys', 'list', '--json']).stdout) as {
      keys: Array<{ name: string; revokedAt: string | null }>;
    };
    const cli = keys.keys.filter((key) => key.name === 'local cli');
    expect(cli.length).toBe(1);
    expect(cli[0]?.revokedAt).not.toBeNull();
  }, 240_000);
});
