import type { Command } from 'commander';
import { createApp } from '../../app.ts';
import { createLogger } from '../../platform/logging/logger.ts';
import { configFor, globalOptions } from '../runtime.ts';
import { seedDemo } from '../demo.ts';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Start the HTTP API (embedded PGlite in CREDENCE_DATA_DIR unless DATABASE_URL is set).')
    .option('--demo', 'seed the demo data set (scorecard, policy, demo customers) and print local API keys')
    .option('--port <port>', 'TCP port (default: PORT or 3000)')
    .action(async (options: { demo?: boolean; port?: string }, command: Command) => {
      const global = globalOptions(command);
      const config = configFor(global);
      const effective = options.port ? { ...config, port: Number(options.port) } : config;
      const logger = createLogger({ level: config.logLevel });
      const app = await createApp({ config: effective, logger });
      const demo = options.demo ? await seedDemo(app) : undefined;
      const url = await app.start();
      const lines = [
        '',
        `Credence ${app.version} is listening on ${url} (database: ${app.db.dialect}${app.db.dialect === 'pglite' ? `, ${config.dataDir}` : ''})`,
        `  API docs:   ${url}/docs   (OpenAPI 3.1: ${url}/openapi.json)`,
        `  health:     ${url}/healthz   readiness: ${url}/readyz`,
        ...(demo?.lines ?? []),
        '',
      ];
      process.stderr.write(`${lines.join('\n')}\n`);
      await new Promise<void>((resolve) => {
        const shutdown = () => resolve();
        process.once('SIGINT', shutdown);
        process.once('SIGTERM', shutdown);
      });
      await app.stop();
    });
}
