import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREDENCE_BIN, runCliProcess } from '../support/cli.ts';
import { migratedDataDirectory } from '../support/pglite-snapshot.ts';

/**
 * One real `credence serve --demo` process on an embedded database, and the real launcher beside it — what
 * only processes show:
 * - `credence decide` and `credence decision show|replay` while the server holds the data directory go
 *   through its API with the local key it keeps in the lock file (the commands `npm start` prints work as
 *   printed); once it has stopped they open the database themselves, and the key the server made for them
 *   is revoked;
 * - the server answers /healthz on the address it printed, a command without an API counterpart (`keys
 *   list`) is refused while it runs (the data directory's lock, exit 9), and works once it has stopped;
 * - with CREDENCE_LOG_FILE its JSON request logs go to that file and the banner stays alone on the terminal.
 * One server for all three: each start creates the embedded database and seeds the demo, the slowest part.
 */
const dir = mkdtempSync(join(tmpdir(), 'credence-decide-cli-'));
const dataDir = join(dir, 'data');
const logFile = join(dir, 'logs', 'server.log');
const env = { CREDENCE_DATA_DIR: dataDir };

const run = (args: string[]) => runCliProcess(args, { env });

let server: ChildProcessWithoutNullStreams | undefined;
let serverStdout = '';
let printed = '';

beforeAll(async () => {
  // The data directory starts as the run's migrated snapshot, so the server skips initdb and migrating.
  await migratedDataDirectory(join(dataDir, 'pgdata'));
  const serverEnv: NodeJS.ProcessEnv = {
    ...process.env,
    CREDENCE_DATA_DIR: dataDir,
    CREDENCE_LOG_FILE: logFile,
    LOG_LEVEL: 'info',
  };
  delete serverEnv.DATABASE_URL;
  server = spawn(process.execPath, [CREDENCE_BIN, 'serve', '--demo', '--port', '0'], { env: serverEnv });
  const child = server;
  child.stdout.on('data', (chunk: Buffer) => (serverStdout += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`demo not ready: ${printed}`)), 400_000);
    child.stderr.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      if (/Demo set up in/.test(printed)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${printed}`)));
  });
}, 420_000); // creates the database and seeds the demo: minutes under load

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

/** The customer id the demo listing printed for a case. */
function customerOf(key: string): string {
  const match = new RegExp(`  ${key}: [^\\n]*\\n\\s+npx credence decide --customer (cus_\\w+)`).exec(printed);
  if (!match?.[1]) throw new Error(`no ${key} in the listing: ${printed}`);
  return match[1];
}

describe('credence serve, and the CLI beside it and after it', () => {
  it('runs the printed commands through the server, then on the database once it stopped', async () => {
    // The server answers on the address it printed, and its request logs go to CREDENCE_LOG_FILE.
    const url = /listening on (http:\/\/\S+)/.exec(printed)?.[1] ?? '';
    expect(printed).toContain(`logs:       ${logFile} (JSON, level info; LOG_LEVEL to change`);
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });

    const clean = await run(['decide', '--customer', customerOf('clean_approval'), '--product', 'cash_loan']);
    expect(clean.stderr).toBe('');
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('审批通过');
    expect(clean.stdout).toMatch(/\nApproved\n {2}Limit CNY [\d,]+\.00 at \d+\.\d\d% a year/);

    const declined = await run([
      'decide',
      '--customer',
      customerOf('multi_head'),
      '--product',
      'credit_line',
      '--json',
    ]);
    expect(declined.code).toBe(0);
    const view = JSON.parse(declined.stdout) as { decisionId: string; outcome: string; reasons: unknown[] };
    expect(view.outcome).toBe('declined');
    expect(view.reasons.length).toBeGreaterThan(0);

    const shown = await run(['decision', 'show', view.decisionId, '--lang', 'en']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Not approved for now');
    expect(shown.stdout).toContain('What you can do:');
    const replayed = await run(['decision', 'replay', view.decisionId]);
    expect(replayed.code).toBe(0);
    expect(replayed.stdout).toContain(`${view.decisionId}: replay matches (declined`);

    // The server's refusals come back as the command's own: exit code and message.
    const unknown = await run([
      'decide',
      '--customer',
      'cus_01JD3ZK6Q8W4M2X9T7B5N1R0AE',
      '--product',
      'cash_loan',
    ]);
    expect(unknown.code).toBe(5);
    expect(unknown.stderr).toContain('error [NOT_FOUND]');

    // A command with no API counterpart, in a second process on the same embedded database, is refused
    // and told where the API is.
    const second = await run(['keys', 'list']);
    expect(second.code).toBe(9);
    expect(second.stderr).toContain(`is in use by another process (pid ${server?.pid}`);
    expect(second.stderr).toContain(`It serves the API on ${url}`);
    expect(second.stderr).toContain('DATABASE_URL');

    // Stopped: the same commands open the database themselves, and the local key is revoked.
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server?.kill('SIGTERM');
    await exited;
    const local = await run(['decision', 'show', view.decisionId, '--lang', 'en']);
    expect(local.code).toBe(0);
    expect(local.stdout).toBe(shown.stdout);
    const listed = await run(['keys', 'list', '--json']);
    expect(listed.code).toBe(0);
    const keys = JSON.parse(listed.stdout) as { keys: Array<{ name: string; revokedAt: string | null }> };
    const cli = keys.keys.filter((key) => key.name === 'local cli');
    expect(cli.length).toBe(1);
    expect(cli[0]?.revokedAt).not.toBeNull();

    // The JSON request logs went to the file (the /healthz request among them), none to the terminal.
    const logged = readFileSync(logFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { req?: { url?: string } });
    expect(logged.some((entry) => entry.req?.url === '/healthz')).toBe(true);
    expect(serverStdout).toBe('');
  }, 240_000);
});
