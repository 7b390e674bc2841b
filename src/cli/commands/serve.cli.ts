import { randomFillSync } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { createApp } from '../../app.ts';
import type { App } from '../../services.ts';
import { generateApiKeySecret } from '../../platform/auth/api-keys.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { createLogger } from '../../platform/logging/logger.ts';
import { configFor, globalOptions } from '../runtime.ts';
import { demoHistoryOption, seedDemo } from '../../demo/seeding/demo-seeding.ts';
import { seedDemoStaff } from '../../demo/staff/demo-staff.ts';
import { assertPortFree, isAddressInUse, portInUse, serverLogTarget } from '../server-start.ts';

function parsePortOption(text: string): number {
  const port = Number(text);
  if (!/^\d{1,5}$/.test(text) || port > 65535)
    throw AppError.invalid('--port', 'port-number', `"${text}" is not a TCP port (0–65535)`);
  return port;
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Start the HTTP API (embedded PGlite in CREDENCE_DATA_DIR unless DATABASE_URL is set).')
    .option('--demo', 'seed the demo data set (scorecard, policy, demo customers) and print local API keys')
    .option('--port <port>', 'TCP port (default: PORT or 3000; 0 picks a free one)')
    .action(async (options: { demo?: boolean; port?: string }, command: Command) => {
      const global = globalOptions(command);
      const config = configFor(global);
      const effective =
        options.port === undefined ? config : { ...config, port: parsePortOption(options.port) };
      // Before anything slow (opening the database, seeding the demo): a port another program holds
      // would otherwise fail only after the whole start-up.
      await assertPortFree(effective.host, effective.port);
      // Read before the database is opened, so a bad value is refused at once (docs/demo.md).
      const history = options.demo ? demoHistoryOption(process.env.CREDENCE_DEMO_HISTORY) : false;

      const target = serverLogTarget({
        stdoutIsTerminal: process.stdout.isTTY === true,
        logFile: process.env.CREDENCE_LOG_FILE,
        dataDir: config.dataDir,
      });
      let destination: NodeJS.WritableStream = process.stdout;
      if (target.kind === 'file') {
        mkdirSync(dirname(target.path), { recursive: true });
        destination = createWriteStream(target.path, { flags: 'a', mode: 0o600 });
      }
      const logger = createLogger({ level: config.logLevel, destination });
      const app = await createApp({ config: effective, logger, demo: options.demo === true });
      let cliKey: string | undefined;
      try {
        const demo = options.demo ? await seedDemo(app, { history }) : undefined;
        const demoStaff = options.demo ? await seedDemoStaff(app) : undefined;
        const url = await app.start().catch((error: unknown) => {
          throw isAddressInUse(error) ? portInUse(effective.host, effective.port, error) : error;
        });
        cliKey = await localCliKey(app, url);
        const lines = [
          '',
          `Credence ${app.version} is listening on ${url} (database: ${app.db.dialect}${app.db.dialect === 'pglite' ? `, ${config.dataDir}` : ''})`,
          `  My credit:  ${url}/app/   (the customer app 我的额度${options.demo ? '; sign in as any of the demo customers' : ''})`,
          `  API docs:   ${url}/docs   (OpenAPI 3.1: ${url}/openapi.json)`,
          `  health:     ${url}/healthz   readiness: ${url}/readyz`,
          `  logs:       ${target.kind === 'file' ? target.path : 'stdout'} (JSON, level ${config.logLevel}; LOG_LEVEL to change, CREDENCE_LOG_FILE=<path> or - for stdout)`,
          ...(demo?.lines(url) ?? []),
          ...(demoStaff?.lines(url) ?? []),
          '',
        ];
        process.stderr.write(`${lines.join('\n')}\n`);
        await new Promise<void>((resolve) => {
          const shutdown = () => resolve();
          process.once('SIGINT', shutdown);
          process.once('SIGTERM', shutdown);
        });
      } finally {
        if (cliKey) await app.services.apiKeys.revoke(cliKey).catch(() => undefined);
        await app.stop();
      }
    });
}

const LOCAL_CLI_KEY = 'local cli';

/**
 * On the embedded database, the CLI on the same data directory cannot open it while this server runs;
 * instead it goes through this server's API. For that the server makes an admin key named "local cli",
 * kept only in the data directory's lock file (owner-readable, like `secrets.json`), and revokes it on
 * stop; one left behind by a server that was killed is revoked at the next start. Returns its id.
 */
async function localCliKey(app: App, url: string): Promise<string | undefined> {
  if (!app.db.announce) return undefined;
  for (const key of await app.services.apiKeys.list()) {
    if (key.name === LOCAL_CLI_KEY && key.revokedAt === null) await app.services.apiKeys.revoke(key.id);
  }
  const secret = generateApiKeySecret('admin', (n) => randomFillSync(new Uint8Array(n)));
  const created = await app.services.apiKeys.create({ name: LOCAL_CLI_KEY, role: 'admin', secret });
  app.db.announce(url, secret);
  return created.id;
}
