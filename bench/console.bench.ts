import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_STAFF } from '../src/demo/staff/demo-staff.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../web/e2e/support/chromium.ts';
import { startDemoServer, stopDemoServer } from '../web/e2e/support/global-setup.ts';
import type { BenchSuite, Measurement } from './harness.ts';
import { buildWeb, gzippedBytes, median } from './web-build.ts';

// Runs inside the page (Playwright serialises the callback); the bench is compiled without the DOM library.
declare const document: { querySelector(selector: string): unknown };

const RUNS = 5;

function kb(bytes: number): number {
  return Math.round((bytes / 1024) * 10) / 10;
}

async function signIn(url: string, role: 'reviewer' | 'analyst' | 'admin'): Promise<string> {
  const user = DEMO_STAFF.find((entry) => entry.role === role)!;
  const response = await fetch(`${url}/v1/staff/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: user.username, password: user.password }),
  });
  const cookie = /credence_staff=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
  if (response.status !== 200 || !cookie) throw new Error(`sign-in of ${user.username}: ${response.status}`);
  return cookie;
}

interface Visit {
  readonly page: Page;
  /** Script paths the page fetched, in order. */
  readonly scripts: string[];
  /** Content-Security-Policy refusals the browser reported (the real policy: no bypass here). */
  readonly cspRefusals: string[];
  close(): Promise<void>;
}

async function visit(browser: Browser, url: string, cookie: string, throttle: boolean): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addCookies([
    { name: 'credence_staff', value: cookie, url, httpOnly: true, sameSite: 'Strict' },
  ]);
  const page = await context.newPage();
  if (throttle) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const scripts: string[] = [];
  const cspRefusals: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspRefusals.push(message.text().slice(0, 200));
  });
  return { page, scripts, cspRefusals, close: () => context.close() };
}

/**
 * The staff console in Debian's Chromium against a demo server (in-memory PGlite, seeded once, demo staff
 * users): the reviewer's time from navigation until the appeals queue shows its rows with the CPU slowed 4×
 * (fresh context, cold cache, median of 5) and the JavaScript it fetched until then, gzipped; then the
 * JavaScript each other area adds (analyst studio, the policy editor, admin), which a reviewer never
 * downloads. The pages run under the server's real Content-Security-Policy: any refusal is counted.
 */
const suite: BenchSuite = {
  name: 'console',
  description:
    'staff console: first-load JS per area (gzipped) and time to an interactive appeals queue at 4x CPU',
  async run(log) {
    if (!existsSync(CHROMIUM)) {
      log(`${CHROMIUM} is missing: skipped (apt-get install -y chromium)`);
      return [];
    }
    log('building web/ (npm run build:web)');
    buildWeb();
    const url = await startDemoServer();
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    const csp: string[] = [];
    try {
      const reviewer = await signIn(url, 'reviewer');
      const times: number[] = [];
      let queueBytes = 0;
      let queueScripts: string[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const v = await visit(browser, url, reviewer, true);
        await v.page.goto(`${url}/console/reviewer/appeals`, { waitUntil: 'commit' });
        // performance.now() counts from the navigation's start: the queue is interactive once its rows show.
        const shownAt = await v.page.waitForFunction(
          () => (document.querySelector('.ant-table-row') ? performance.now() : 0),
          undefined,
          { polling: 'raf', timeout: 60_000 },
        );
        const shown = (await shownAt.jsonValue()) as number;
        times.push(shown);
        queueScripts = [...new Set(v.scripts)];
        queueBytes = queueScripts.reduce((sum, path) => sum + gzippedBytes(path), 0);
        csp.push(...v.cspRefusals);
        await v.close();
      }
      const ms = median(times);
      log(
        `time to the appeals queue's rows at 4x CPU: ${times.map(Math.round).join(', ')} ms (median ${Math.round(ms)})`,
      );
      log(`reviewer first load: ${kb(queueBytes)} KB gzipped in ${queueScripts.length} scripts`);

      // What each other area adds on top of the shell (scripts not already fetched by the reviewer's queue).
      const analyst = await signIn(url, 'analyst');
      const admin = await signIn(url, 'admin');
      const seen = new Set(queueScripts);
      const areaBytes = async (cookie: string, path: string, ready: string): Promise<number> => {
        const v = await visit(browser, url, cookie, false);
        await v.page.goto(`${url}${path}`);
        await v.page.locator(ready).first().waitFor({ timeout: 60_000 });
        await v.page.waitForLoadState('networkidle');
        const added = [...new Set(v.scripts)].filter((script) => !seen.has(script));
        for (const script of added) seen.add(script);
        csp.push(...v.cspRefusals);
        await v.close();
        return added.reduce((sum, script) => sum + gzippedBytes(script), 0);
      };
      const studio = await areaBytes(analyst, '/console/studio/monitoring', '.ant-pro-page-container');
      const editor = await areaBytes(analyst, '/console/studio/policies/new', '.ant-pro-page-container');
      const adminArea = await areaBytes(admin, '/console/admin/audit', '.ant-table-row');
      log(
        `added by area (gzipped): studio ${kb(studio)} KB, policy editor ${kb(editor)} KB, admin ${kb(adminArea)} KB`,
      );
      log(`Content-Security-Policy refusals: ${csp.length}${csp.length ? ` — ${csp[0]}` : ''}`);
      const measurements: Measurement[] = [
        {
          metric: 'reviewer first-load JS until the appeals queue shows (gzipped)',
          unit: 'KB',
          ours: queueBytes / 1024,
          higherIsBetter: false,
          target: '<= 500 KB',
          met: queueBytes / 1024 <= 500,
          note: 'antd + pro-components shell and the reviewer area; other areas are chunks of their own',
        },
        {
          metric: 'time to an interactive appeals queue, 4x CPU throttling (median of 5, cold cache)',
          unit: 'ms',
          ours: ms,
          higherIsBetter: false,
          target: '<= 4000 ms',
          met: ms <= 4000,
        },
        {
          metric: 'JS the analyst studio adds (gzipped)',
          unit: 'KB',
          ours: studio / 1024,
          higherIsBetter: false,
        },
        {
          metric: 'JS the policy editor adds (JDM editor, Monaco; gzipped)',
          unit: 'KB',
          ours: editor / 1024,
          higherIsBetter: false,
        },
        {
          metric: 'JS the admin area adds (gzipped)',
          unit: 'KB',
          ours: adminArea / 1024,
          higherIsBetter: false,
        },
        {
          metric: 'Content-Security-Policy refusals while loading the console',
          unit: 'count',
          ours: csp.length,
          higherIsBetter: false,
          target: '0',
          met: csp.length === 0,
        },
      ];
      return measurements;
    } finally {
      await browser.close();
      await stopDemoServer();
    }
  },
};

export default suite;
