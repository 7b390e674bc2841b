import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serverLogTarget } from '../../src/cli/server-start.ts';
import { runCliProcess } from '../support/cli.ts';

/**
 * Start-up refusals as a newcomer meets them, through the real launcher: both end before any database is
 * opened. Where a running server's logs go (CREDENCE_LOG_FILE) is checked on the one server process of
 * test/decisions/decisions-cli.test.ts.
 */
const dir = mkdtempSync(join(tmpdir(), 'credence-serve-start-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

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
      const result = await runCliProcess(['serve', '--demo'], {
        env: {
          CREDENCE_DATA_DIR: dataDir,
          PORT: String(port),
          LOG_LEVEL: 'info',
          CREDENCE_LOG_FILE: undefined,
        },
      });
      expect(result.code).toBe(9);
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

  it('Given an empty data directory, When `decide` runs, Then it refuses at once (exit 5) saying there is no database and how to make one, and creates none', async () => {
    const dataDir = join(dir, 'empty');
    const result = await runCliProcess(
      ['decide', '--customer', 'cus_01M95RPN48AB08YGBH72RZ0Y6Z', '--product', 'cash_loan'],
      { env: { CREDENCE_DATA_DIR: dataDir, LOG_LEVEL: 'info', CREDENCE_LOG_FILE: undefined } },
    );
    expect(result.code).toBe(5);
    expect(result.stderr).toContain(`there is no database in ${dataDir} yet`);
    expect(result.stderr).toContain('`npm start`');
    expect(result.stderr).toContain('`credence migrate` and `credence policy install-defaults`');
    expect(result.stderr).not.toContain('product cash_loan not found');
    expect(existsSync(join(dataDir, 'pgdata'))).toBe(false);
  });
});
