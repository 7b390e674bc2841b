import { appendFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { createApp } from '../../../src/app.ts';
import type { App } from '../../../src/services.ts';
import { seedDemo } from '../../../src/demo/seeding/demo-seeding.ts';
import { seedDemoStaff } from '../../../src/demo/staff/demo-staff.ts';
import { testPiiConfig } from '../../../src/platform/config/config.ts';
import { createMemoryLogger } from '../../../src/platform/logging/logger.ts';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.ts';
import { demoDatabase } from './demo-database.ts';
import { ensureBuilt, WEB } from './web-build.ts';
import { TEST_STAFF_SETTINGS } from '../../../test/support/app.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The server's base URL ("http://127.0.0.1:PORT"), or "" when the e2e suite is skipped. */
    baseUrl: string;
    /** The shared Chromium's websocket endpoint. */
    browserEndpoint: string;
  }
}

let app: App | undefined;
let removeDatabase: (() => void) | undefined;
let browser: BrowserServer | undefined;

/** One demo server (in-memory PGlite, seeded once) and one Chromium for every e2e test file. */
export async function setup(project: TestProject): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.warn(
      `\n[e2e] ${CHROMIUM} is missing: the customer-app e2e suite is skipped (CI installs it: apt-get install -y chromium)\n`,
    );
    project.provide('baseUrl', '');
    project.provide('browserEndpoint', '');
    return;
  }
  ensureBuilt();
  mkdirSync(join(WEB, 'e2e', 'screenshots'), { recursive: true });
  // While working on the app: CREDENCE_E2E_URL points at a demo server already running
  // (node --import tsx web/e2e/support/global-setup.ts serve), so a run does not seed again.
  const url = process.env.CREDENCE_E2E_URL ?? (await startDemoServer());
  const launching = process.cpuUsage();
  browser = await chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  logPhase('chromium launch (this process)', launching);
  project.provide('baseUrl', url);
  project.provide('browserEndpoint', browser.wsEndpoint());
}

/** The demo on its own embedded database, seeded once (each demo customer with its decision); answers its URL. */
export async function startDemoServer(port = 0): Promise<string> {
  let phase = process.cpuUsage();
  const database = await demoDatabase();
  removeDatabase = database.remove;
  app = await createApp({
    config: {
      port,
      host: '127.0.0.1',
      dataDir: '/nonexistent-credence-e2e',
      databaseUrl: undefined,
      logLevel: 'warn',
      bodyLimit: 1_048_576,
      pii: testPiiConfig(),
    },
    db: database.db,
    logger: createMemoryLogger('warn').logger,
    demo: true,
    // Staff passwords at the tests' scrypt cost (test/support/app.ts): every sign-in hashes once.
    staff: TEST_STAFF_SETTINGS,
  });
  phase = logPhase('server: copy the migrated snapshot, open PGlite, createApp', phase);
  await seedDemo(app);
  phase = logPhase('server: seedDemo', phase);
  // The console's demo staff users (reviewer1/2, analyst1/2, admin), as `serve --demo` creates them.
  await seedDemoStaff(app);
  phase = logPhase('server: seedDemoStaff', phase);
  // No one applies here: the seeding records each case's decision, and the e2e tests see what a person sees.
  const url = await app.start();
  logPhase('server: listen', phase);
  return url;
}

/** With CREDENCE_TEST_CPU_LOG, appends the CPU this process spent since `since` on a phase of the set-up. */
function logPhase(name: string, since: NodeJS.CpuUsage): NodeJS.CpuUsage {
  const log = process.env.CREDENCE_TEST_CPU_LOG;
  if (log) {
    const used = process.cpuUsage(since);
    appendFileSync(log, `${Math.round((used.user + used.system) / 1000)}\t[global setup] ${name}\n`);
  }
  return process.cpuUsage();
}

export async function teardown(): Promise<void> {
  await browser?.close();
  await stopDemoServer();
}

export async function stopDemoServer(): Promise<void> {
  await app?.stop();
  app = undefined;
  removeDatabase?.();
  removeDatabase = undefined;
}

if (process.argv[1]?.endsWith('global-setup.ts') && process.argv[2] === 'serve') {
  const url = await startDemoServer(Number(process.env.PORT ?? 4173));
  console.log(`demo server for the e2e tests: ${url}`);
}
