import { randomFillSync } from 'node:crypto';
import type { Command } from 'commander';
import { generateApiKeySecret, parseRole, ROLES } from '../../platform/auth/api-keys.ts';
import { recordApiKeyChange } from '../../platform/audit/audit-log.ts';
import { cliActorOfThisProcess } from '../../platform/audit/cli-actor.node.ts';
import { globalOptions, output, withApp } from '../runtime.ts';

export function registerKeysCommand(program: Command): void {
  const keys = program
    .command('keys')
    .description('Manage API keys (stored hashed; a secret is shown once).');

  keys
    .command('create')
    .description('Create an API key and print its secret.')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--name <name>', 'a label for the key', '')
    .action(async (options: { role: string; name: string }, command: Command) => {
      const global = globalOptions(command);
      const role = parseRole(options.role, '--role');
      await withApp(global, async (app) => {
        const secret = generateApiKeySecret(role, (n) => randomFillSync(new Uint8Array(n)));
        const key = await app.services.apiKeys.create({ name: options.name || `${role} key`, role, secret });
        await recordApiKeyChange(app.services.audit, cliActorOfThisProcess(), 'api-key.create', key);
        output(global, { id: key.id, name: key.name, role: key.role, secret }, () =>
          [`created ${key.role} key ${key.id} (${key.name})`, `secret (shown once): ${secret}`].join('\n'),
        );
      });
    });

  keys
    .command('list')
    .description('List API keys (never the secrets).')
    .action(async (_options: unknown, command: Command) => {
      const global = globalOptions(command);
      await withApp(global, async (app) => {
        const list = await app.services.apiKeys.list();
        output(global, { keys: list }, () =>
          list.length === 0
            ? 'no keys'
            : list
                .map((key) =>
                  [
                    key.id,
                    key.role.padEnd(8),
                    key.prefix.padEnd(18),
                    key.revokedAt ? 'revoked' : 'active ',
                    key.name,
                  ].join('  '),
                )
                .join('\n'),
        );
      });
    });

  keys
    .command('revoke')
    .description('Revoke an API key.')
    .argument('<id>', 'the key id (key_…)')
    .action(async (id: string, _options: unknown, command: Command) => {
      const global = globalOptions(command);
      await withApp(global, async (app) => {
        const key = await app.services.apiKeys.revoke(id);
        await recordApiKeyChange(app.services.audit, cliActorOfThisProcess(), 'api-key.revoke', key);
        output(global, key, () => `revoked ${key.id}`);
      });
    });
}
