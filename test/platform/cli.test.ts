import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = new URL('../../bin/credence.js', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'credence-cli-'));

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function run(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, CREDENCE_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  return spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 180_000 });
}

describe('credence CLI shell', () => {
  it('prints help with exit 0 and refuses unknown commands with exit 2', () => {
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Usage: credence/);
    expect(help.stdout).toMatch(/serve/);
    const unknown = run(['frobnicate']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command/);
  }, 400_000);

  it('creates and lists keys as JSON, and exits 3 naming the field for a bad role', () => {
    const created = run(['keys', 'create', '--role', 'reviewer', '--name', 'alice', '--json']);
    expect(created.status).toBe(0);
    const key = JSON.parse(created.stdout) as { id: string; role: string; secret: string };
    expect(key.role).toBe('reviewer');
    expect(key.secret).toMatch(/^crd_reviewer_[0-9A-Za-z]{40}$/);
    const listed = run(['keys', 'list', '--json']);
    expect(listed.status).toBe(0);
    const list = JSON.parse(listed.stdout) as { keys: Array<{ id: string; name: string }> };
    expect(list.keys.map((k) => k.name)).toContain('alice');
    expect(listed.stdout).not.toContain(key.secret);
    const bad = run(['keys', 'create', '--role', 'root']);
    expect(bad.status).toBe(3);
    expect(bad.stderr).toMatch(/--role/);
  }, 400_000); // a fresh embedded database is created and migrated: minutes on a busy 2-core machine

  it('serves the API: /healthz answers on the printed address', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, CREDENCE_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { env });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let seen = '';
        const timer = setTimeout(() => reject(new Error(`no address printed: ${seen}`)), 180_000);
        child.stderr.on('data', (chunk: Buffer) => {
          seen += chunk.toString();
          const match = /listening on (http:\/\/\S+)/.exec(seen);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${seen}`)));
      });
      const response = await fetch(`${url}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'ok' });

      // A second process on the same embedded database is refused, and told where the API is.
      const second = run(['keys', 'list']);
      expect(second.status).toBe(9);
      expect(second.stderr).toContain(`is in use by another process (pid ${child.pid}`);
      expect(second.stderr).toContain(`It serves the API on ${url}`);
      expect(second.stderr).toContain('DATABASE_URL');
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    // Once the server has stopped, the database is free again.
    const after = run(['keys', 'list', '--json']);
    expect(after.status).toBe(0);
  }, 400_000);
});
