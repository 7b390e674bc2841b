import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/services.ts';
import { verifyPassword } from '../../src/platform/auth/staff-passwords.ts';
import { cliApp, runCli } from '../support/cli.ts';
import { storesUnderTest } from '../support/stores.ts';

/** `credence users …` (issue 14): create with a piped or generated password, list, disable, enable, password. */

describe.each(storesUnderTest())('credence users ($name)', (store) => {
  let app: App;
  beforeAll(async () => {
    app = await cliApp({ store });
  });
  afterAll(async () => {
    await app.stop();
  });

  const hashOf = async (username: string) =>
    (
      await app.db.query<{ password_hash: string }>(
        'select password_hash from staff_users where username = $1',
        [username],
      )
    ).rows[0]?.password_hash ?? '';

  it('creates a user with the password from stdin, and one with a generated password printed once', async () => {
    const piped = await runCli(
      [
        'users',
        'create',
        '--username',
        'Rita',
        '--name',
        'Rita Reviewer',
        '--role',
        'reviewer',
        '--password-stdin',
      ],
      { app, stdin: 'a long piped password\n' },
    );
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout).toMatch(/^created reviewer rita \(stf_[0-9A-Z]{26}, Rita Reviewer\)\n$/);
    expect(await verifyPassword('a long piped password', await hashOf('rita'))).toBe(true);

    const generated = await runCli(
      ['users', 'create', '--username', 'boss', '--name', 'The Boss', '--role', 'admin', '--json'],
      { app },
    );
    expect(generated.code, generated.stderr).toBe(0);
    const body = JSON.parse(generated.stdout) as {
      user: { username: string; role: string };
      password: string;
    };
    expect(body.user).toMatchObject({ username: 'boss', role: 'admin', disabled: false });
    // The API's view of a user, as `--json` prints it through a running server too.
    expect(Object.keys(body.user).sort()).toEqual([
      'createdAt',
      'disabled',
      'displayName',
      'failedAttempts',
      'id',
      'lockedUntil',
      'passwordChangedAt',
      'role',
      'updatedAt',
      'username',
    ]);
    expect(body.password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{20}$/);
    expect(await verifyPassword(body.password, await hashOf('boss'))).toBe(true);
    expect(generated.stdout).not.toContain('scrypt$');

    const duplicate = await runCli(
      ['users', 'create', '--username', 'rita', '--name', 'Again', '--role', 'reviewer'],
      { app },
    );
    expect(duplicate.code).toBe(6);
    expect(duplicate.stderr).toContain('the username "rita" is taken');
    const badRole = await runCli(['users', 'create', '--username', 'x1', '--name', 'X', '--role', 'app'], {
      app,
    });
    expect(badRole.code).toBe(3);
    expect(badRole.stderr).toContain('--role');
  });

  it('lists, disables, enables and resets a password; each change audited as the CLI', async () => {
    const list = await runCli(['users', 'list'], { app });
    expect(list.code).toBe(0);
    expect(
      list.stdout
        .trim()
        .split('\n')
        .map((row) => row.split(/\s{2,}/).slice(1)),
    ).toEqual([
      ['admin', 'boss', 'active', 'The Boss'],
      ['reviewer', 'rita', 'active', 'Rita Reviewer'],
    ]);
    expect((await runCli(['users', 'disable', 'rita'], { app })).stdout).toMatch(/^disabled rita \(stf_/);
    expect((await app.services.staff.findUser('rita')).disabled).toBe(true);
    expect((await runCli(['users', 'enable', 'RITA'], { app })).code).toBe(0);
    expect((await app.services.staff.findUser('rita')).disabled).toBe(false);
    const reset = await runCli(['users', 'password', 'rita', '--password-stdin'], {
      app,
      stdin: 'another long password\n',
    });
    expect(reset.code, reset.stderr).toBe(0);
    expect(await verifyPassword('another long password', await hashOf('rita'))).toBe(true);
    const short = await runCli(['users', 'password', 'rita', '--password-stdin'], { app, stdin: 'short\n' });
    expect(short.code).toBe(3);
    expect(short.stderr).toContain('at least 10 characters');
    const unknown = await runCli(['users', 'disable', 'nobody'], { app });
    expect(unknown.code).toBe(5);

    const trail = await app.services.audit.list({ action: 'staff-user.*' });
    expect(trail.items.map((e) => [e.action, e.actor.kind, e.actor.id, e.details.username])).toEqual([
      ['staff-user.password', 'system', 'cli', 'rita'],
      ['staff-user.enable', 'system', 'cli', 'rita'],
      ['staff-user.disable', 'system', 'cli', 'rita'],
      ['staff-user.create', 'system', 'cli', 'boss'],
      ['staff-user.create', 'system', 'cli', 'rita'],
    ]);
  });
});
