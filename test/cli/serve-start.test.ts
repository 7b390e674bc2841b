import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serverLogTarget } from '../../src/cli/server-start.ts';

const BIN = new URL('../../bin/credence.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'credence-serve-start-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'info' };
  delete out.DATABASE_URL;
  delete out.CREDENCE_LOG_FILE;
  return { ...out, ...extra };
}

async function occupiedPort(): Promise<{ server: Server; port: number }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1' }, resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { server, port: address.port };
}

describe('npm start / credence serve: start-up', () => {
  it('Given the port is taken, When `npm start` runs (serve --demo), Then it stops before opening the database or seeding, naming the port, PORT and --port, with exit 9', async () => {
    const { server, port } = await occupiedPort();
    try {
      const dataDir = join(dir, 'port-taken');
      const result = spawnSync(process.execPath, [BIN, 'serve', '--demo'], {
        env: env({ CREDENCE_DATA_DIR: dataDir, PORT: String(port) }),
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(result.status).toBe(9);
      expect(result.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
      expect(result.stderr).toContain(`PORT=${port + 1} npm start`);
      expect(result.stderr).toContain(`credence serve --port ${port + 1}`);
      expect(result.stderr).not.toContain('EADDRINUSE');
      // Checked first: no database was created, no demo seeded (that took 53 s before the refusal).
      expect(existsSync(join(dataDir, 'pgdata'))).toBe(false);
      expect(result.stdout).toBe('');
    } finally {
      server.close();
    }
  });

  it('Given CREDENCE_LOG_FILE, When the server runs, Then its JSON request logs go to that file and the banner stays alone on the terminal', async () => {
    const logFile = join(dir, 'logs', 'server.log');
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
      env: env({ CREDENCE_DATA_DIR: join(dir, 'logs-data'), CREDENCE_LOG_FILE: logFile }),
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    try {
      const banner = await new Promise<string>((resolve, reject) => {
        let seen = '';
        child.stderr.on('data', (chunk: Buffer) => {
          seen += chunk.toString();
          if (/logs: .*\n/.test(seen)) resolve(seen);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${seen}`)));
      });
      const url = /listening on (http:\/\/\S+)/.exec(banner)?.[1] ?? '';
      expect(banner).toContain(`logs:       ${logFile} (JSON, level info; LOG_LEVEL to change`);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    const lines = readFileSync(logFile, 'utf8').trim().split('\n');
    const logged = lines.map((line) => JSON.parse(line) as { msg?: string; req?: { url?: string } });
    expect(logged.some((entry) => entry.req?.url === '/healthz')).toBe(true);
    expect(stdout).toBe('');
  }, 180_000); // a fresh data directory: the embedded database is created and migrated first

  it('chooses where logs go: a terminal → <data dir>/server.log, a pipe → stdout, CREDENCE_LOG_FILE wins ("-" is stdout)', () => {
    expect(serverLogTarget({ stdoutIsTerminal: true, logFile: undefined, dataDir: '/d' })).toEqual({
      kind: 'file',
      path: '/d/server.log',
    });
    expect(serverLogTarget({ stdoutIsTerminal: false, logFile: undefined, dataDir: '/d' })).toEqual({
      kind: 'stdout',
    });
    expect(serverLogTarget({ stdoutIsTerminal: true, logFile: '-', dataDir: '/d' })).toEqual({
      kind: 'stdout',
    });
    expect(serverLogTarget({ stdoutIsTerminal: false, logFile: '/var/log/c.log', dataDir: '/d' })).toEqual({
      kind: 'file',
      path: '/var/log/c.log',
    });
  });

  it('Given an empty data directory, When `decide` runs, Then it refuses at once (exit 5) saying there is no database and how to make one, and creates none', () => {
    const dataDir = join(dir, 'empty');
    const result = spawnSync(
      process.execPath,
      [BIN, 'decide', '--customer', 'cus_01M95RPN48AB08YGBH72RZ0Y6Z', '--product', 'cash_loan'],
      { env: env({ CREDENCE_DATA_DIR: dataDir }), encoding: 'utf8', timeout: 60_000 },
    );
    expect(result.status).toBe(5);
    expect(result.stderr).toContain(`there is no database in ${dataDir} yet`);
    expect(result.stderr).toContain('`npm start`');
    expect(result.stderr).toContain('`credence migrate` and `credence policy install-defaults`');
    expect(result.stderr).not.toContain('product cash_loan not found');
    expect(existsSync(join(dataDir, 'pgdata'))).toBe(false);
  });
});
