import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockDataDir } from '../../src/platform/database/data-dir-lock.node.ts';
import { isAppError } from '../../src/platform/errors/app-error.ts';

const root = mkdtempSync(join(tmpdir(), 'credence-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const now = new Date('2026-11-22T10:00:00Z');

/** The pid of a process that has certainly ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

describe('the embedded database is one process at a time', () => {
  it('writes who holds it, refuses a second holder naming it, and frees it on release', () => {
    const dir = join(root, 'a');
    const lock = lockDataDir(dir, { command: 'credence serve', now });
    const record = JSON.parse(readFileSync(lock.path, 'utf8')) as Record<string, unknown>;
    expect(record).toEqual({ pid: process.pid, command: 'credence serve', since: now.toISOString() });
    lock.noteServing({ url: 'http://127.0.0.1:3000' });
    expect(JSON.parse(readFileSync(lock.path, 'utf8'))).toMatchObject({ url: 'http://127.0.0.1:3000' });

    let refused: unknown;
    try {
      lockDataDir(dir, { command: 'credence decide', now });
    } catch (error) {
      refused = error;
    }
    expect(isAppError(refused) && refused.code).toBe('UNAVAILABLE');
    expect((refused as Error).message).toContain(`pid ${process.pid}, "credence serve"`);
    expect((refused as Error).message).toContain('It serves the API on http://127.0.0.1:3000');

    lock.release();
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
    lockDataDir(dir, { command: 'credence decide', now }).release();
  });

  it('takes over a lock left by a process that died', () => {
    const dir = join(root, 'b');
    lockDataDir(dir, { command: 'x', now }).release();
    const path = join(dir, 'credence.lock');
    writeFileSync(path, JSON.stringify({ pid: deadPid(), command: 'credence serve', since: 'then' }));
    const lock = lockDataDir(dir, { command: 'credence serve', now });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it('takes over an unreadable lock file (a crash while it was written)', () => {
    const dir = join(root, 'c');
    lockDataDir(dir, { command: 'x', now }).release();
    writeFileSync(join(dir, 'credence.lock'), '{"pid":');
    const lock = lockDataDir(dir, { command: 'credence serve', now });
    expect(JSON.parse(readFileSync(lock.path, 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });
});
