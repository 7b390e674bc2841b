import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/services.ts';
import { cliApp, runCli } from '../support/cli.ts';

/**
 * The CLI shell: help, unknown commands, keys. In process on one application (test/support/cli.ts); the
 * real launcher's exit codes are in cli-exit-codes.test.ts, `serve` and the lock of the data directory in
 * test/decisions/decisions-cli.test.ts (one server process for all of them).
 */
const dataDir = mkdtempSync(join(tmpdir(), 'credence-cli-'));
let app: App;

beforeAll(async () => {
  app = await cliApp();
});

afterAll(async () => {
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('credence CLI shell', () => {
  it('prints help with exit 0 and refuses unknown commands with exit 2', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: credence/);
    expect(help.stdout).toMatch(/serve/);
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command/);
  });

  it('creates and lists keys as JSON, and exits 3 naming the field for a bad role', async () => {
    const created = await runCli(['keys', 'create', '--role', 'reviewer', '--name', 'alice', '--json'], {
      app,
    });
    expect(created.code).toBe(0);
    const key = JSON.parse(created.stdout) as { id: string; role: string; secret: string };
    expect(key.role).toBe('reviewer');
    expect(key.secret).toMatch(/^crd_reviewer_[0-9A-Za-z]{40}$/);
    // Recorded in the audit log as the operator at the terminal, never with the secret.
    const audited = (await app.services.audit.list({ action: 'api-key.create' })).items.find(
      (entry) => entry.subject.id === key.id,
    );
    expect(audited).toMatchObject({
      actor: { kind: 'system', id: 'cli' },
      outcome: 'ok',
      details: { name: 'alice', role: 'reviewer' },
    });
    expect(JSON.stringify(audited)).not.toContain(key.secret);
    const listed = await runCli(['keys', 'list', '--json'], { app });
    expect(listed.code).toBe(0);
    const list = JSON.parse(listed.stdout) as { keys: Array<{ id: string; name: string }> };
    expect(list.keys.map((k) => k.name)).toContain('alice');
    expect(listed.stdout).not.toContain(key.secret);
    const bad = await runCli(['keys', 'create', '--role', 'root'], { app });
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/--role/);
  });
});
