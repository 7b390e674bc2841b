import { randomFillSync } from 'node:crypto';
import type { Command } from 'commander';
import { cliActorOfThisProcess } from '../platform/audit/cli-actor.node.ts';
import { STAFF_ROLES, parseStaffRole, parseUsername } from '../platform/auth/staff-auth.ts';
import { generatePassword } from '../platform/auth/staff-passwords.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { userDto } from './staff-user-view.ts';
import { callServer, globalOptions, output, runningServer, viaServerOrApp, withApp } from '../cli/runtime.ts';

/** A user as the CLI prints it (`--json`): the API's view, whether through the server or in process. */
type UserView = ReturnType<typeof userDto>;

/** The first line of standard input (the password piped in), without its line end. */
async function passwordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
  const line = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  if (line.length === 0) throw AppError.invalid('password', 'required', 'standard input held no password');
  return line;
}

/** The password: from stdin with --password-stdin, else a generated one (printed once). */
async function choosePassword(
  fromStdin: boolean | undefined,
): Promise<{ password: string; generated: boolean }> {
  return fromStdin
    ? { password: await passwordFromStdin(), generated: false }
    : { password: generatePassword((n) => randomFillSync(new Uint8Array(n))), generated: true };
}

function line(user: UserView): string {
  const state = user.disabled ? 'disabled' : user.lockedUntil ? `locked until ${user.lockedUntil}` : 'active';
  return [user.id, user.role.padEnd(8), user.username.padEnd(16), state.padEnd(8), user.displayName].join(
    '  ',
  );
}

export function registerUsersCommand(program: Command): void {
  const users = program
    .command('users')
    .description(
      'Manage staff users of the console (passwords stored as scrypt hashes; every change audited).',
    );

  users
    .command('create')
    .description(
      'Create a staff user; the password is read from stdin (--password-stdin) or generated and shown once.',
    )
    .requiredOption('--username <username>', 'lower-case letters, digits, ".", "_" or "-"')
    .requiredOption('--name <display name>', 'the name the console shows')
    .requiredOption('--role <role>', `one of ${STAFF_ROLES.join(', ')}`)
    .option('--password-stdin', 'read the password from the first line of standard input')
    .action(
      async (
        options: { username: string; name: string; role: string; passwordStdin?: boolean },
        command: Command,
      ) => {
        const global = globalOptions(command);
        const input = {
          username: parseUsername(options.username, '--username'),
          displayName: options.name,
          role: parseStaffRole(options.role, '--role'),
        };
        const { password, generated } = await choosePassword(options.passwordStdin);
        // Like `keys create`, this may set a new database up (the first admin of a fresh install).
        const server = runningServer(global);
        const user = server
          ? (await callServer<{ user: UserView }>(server, 'POST', '/v1/staff/users', { ...input, password }))
              .user
          : await withApp(global, async (app) =>
              userDto(await app.services.staff.createUser({ ...input, password }, cliActorOfThisProcess())),
            );
        output(global, { user, ...(generated ? { password } : {}) }, () =>
          [
            `created ${user.role} ${user.username} (${user.id}, ${user.displayName})`,
            ...(generated ? [`password (shown once): ${password}`] : []),
          ].join('\n'),
        );
      },
    );

  users
    .command('list')
    .description('List staff users (never their passwords).')
    .action(async (_options: unknown, command: Command) => {
      const global = globalOptions(command);
      const list = await viaServerOrApp(
        global,
        async (server) => (await callServer<{ users: UserView[] }>(server, 'GET', '/v1/staff/users')).users,
        async (app) => (await app.services.staff.listUsers()).map(userDto),
      );
      output(global, { users: list }, () =>
        list.length === 0 ? 'no staff users' : list.map(line).join('\n'),
      );
    });

  const change = (name: 'disable' | 'enable', description: string) =>
    users
      .command(name)
      .description(description)
      .argument('<username>', 'the username (or its id, stf_…)')
      .action(async (who: string, _options: unknown, command: Command) => {
        const global = globalOptions(command);
        const user = await viaServerOrApp(
          global,
          async (server) => {
            const id = await idOnServer(server, who);
            return (await callServer<{ user: UserView }>(server, 'POST', `/v1/staff/users/${id}/${name}`, {}))
              .user;
          },
          async (app) => {
            const found = await app.services.staff.findUser(who);
            const actor = cliActorOfThisProcess();
            return userDto(
              name === 'disable'
                ? await app.services.staff.disableUser(found.id, actor)
                : await app.services.staff.enableUser(found.id, actor),
            );
          },
        );
        output(global, { user }, () => `${name}d ${user.username} (${user.id})`);
      });
  change('disable', "Disable a staff user: sign-ins refused, the user's sessions ended.");
  change('enable', 'Enable a staff user again (also lifts a lock-out).');

  users
    .command('password')
    .description(
      "Set a staff user's password (stdin with --password-stdin, or generated and shown once); ends the user's sessions.",
    )
    .argument('<username>', 'the username (or its id, stf_…)')
    .option('--password-stdin', 'read the password from the first line of standard input')
    .action(async (who: string, options: { passwordStdin?: boolean }, command: Command) => {
      const global = globalOptions(command);
      const { password, generated } = await choosePassword(options.passwordStdin);
      const user = await viaServerOrApp(
        global,
        async (server) => {
          const id = await idOnServer(server, who);
          return (
            await callServer<{ user: UserView }>(server, 'POST', `/v1/staff/users/${id}/password`, {
              password,
            })
          ).user;
        },
        async (app) => {
          const found = await app.services.staff.findUser(who);
          return userDto(await app.services.staff.setPassword(found.id, password, cliActorOfThisProcess()));
        },
      );
      output(global, { user, ...(generated ? { password } : {}) }, () =>
        [
          `password set for ${user.username} (${user.id}); their sessions ended`,
          ...(generated ? [`password (shown once): ${password}`] : []),
        ].join('\n'),
      );
    });
}

/** The id of a user named by username (or id) on the running server. */
async function idOnServer(server: Parameters<typeof callServer>[0], who: string): Promise<string> {
  if (who.startsWith('stf_')) return who;
  const username = who.trim().toLowerCase();
  const { users } = await callServer<{ users: UserView[] }>(server, 'GET', '/v1/staff/users');
  const user = users.find((candidate) => candidate.username === username);
  if (!user) throw AppError.notFound('staff user', who);
  return user.id;
}
