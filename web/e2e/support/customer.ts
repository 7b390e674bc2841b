import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

/** The server the global setup started ("" when the suite is skipped: no Chromium here). */
export const baseUrl = inject('baseUrl');
export const skipReason =
  baseUrl === '' ? 'no /usr/bin/chromium on this machine (CI installs it)' : undefined;

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
export const PHONE = { width: 390, height: 844 } as const;

export interface DemoCustomer {
  readonly customerId: string;
  readonly case: string;
  readonly displayName: string;
  readonly product: 'cash_loan' | 'credit_line';
}

export async function connect(): Promise<Browser> {
  return chromium.connect(inject('browserEndpoint'));
}

export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

export async function demoCustomers(): Promise<DemoCustomer[]> {
  const answer = await api<{ customers: DemoCustomer[] }>('GET', '/v1/demo/customers');
  if (answer.status !== 200) throw new Error(`GET /v1/demo/customers answered ${answer.status}`);
  return answer.body.customers;
}

export interface SignedIn {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly token: string;
}

/**
 * A phone-sized page for one demo customer in one language, signed in the way the lender's app would do it
 * (a session made for that customer, handed to the page); the sign-in screen itself is tested on its own.
 */
export async function openAs(browser: Browser, customerId: string, locale: Locale): Promise<SignedIn> {
  const session = await api<CustomerSession>('POST', '/v1/demo/sessions', { customerId });
  if (session.status !== 201) throw new Error(`POST /v1/demo/sessions answered ${session.status}`);
  return openWithSession(browser, { ...session.body, customerId }, locale);
}

export interface CustomerSession {
  readonly token: string;
  readonly customerId: string;
  readonly expiresAt: string;
}

/** A phone-sized page holding a session the test made itself (e.g. through an app key, for a new customer). */
export async function openWithSession(
  browser: Browser,
  session: CustomerSession,
  locale: Locale,
): Promise<SignedIn> {
  const context = await newPhoneContext(browser, locale);
  await context.addInitScript(
    ([value]) => {
      if (!sessionStorage.getItem('credence.session'))
        sessionStorage.setItem('credence.session', value as string);
    },
    [JSON.stringify({ token: session.token, customerId: session.customerId, expiresAt: session.expiresAt })],
  );
  const page = await context.newPage();
  return { context, page, token: session.token };
}

export async function newPhoneContext(browser: Browser, locale: Locale): Promise<BrowserContext> {
  // bypassCSP: only so axe-core can be injected as a script; the app itself runs under the server's CSP in the bench.
  const context = await browser.newContext({
    viewport: PHONE,
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    bypassCSP: true,
    locale,
  });
  // The first page load starts in this language; after that the app's own choice (the switch) is kept.
  await context.addInitScript(
    ([lang]) => {
      if (!localStorage.getItem('credence.lang')) localStorage.setItem('credence.lang', lang as string);
    },
    [locale],
  );
  return context;
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly targets: string[];
  /** Each target's opening tag (as axe reports it), so a failure names the element, not only a selector. */
  readonly html: string[];
}

/** axe-core on the page as it is: the serious and critical violations (none expected). */
/**
 * Waits until no finite CSS animation or transition is running (an endless spinner does not count), twice
 * in a row 100 ms apart. A dialog or a message fading in or out has, for a moment, text at a fraction of
 * its colour: axe judges that moment's contrast, not the page the person reads, so it runs after the motion.
 */
export async function motionSettled(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __stillSince?: number }).__stillSince = undefined;
  });
  await page.waitForFunction(
    () => {
      const moving = () =>
        document
          .getAnimations()
          .some(
            (animation) =>
              animation.playState === 'running' &&
              Number.isFinite(animation.effect?.getComputedTiming().iterations ?? 1),
          );
      const state = window as unknown as { __stillSince?: number };
      if (moving()) {
        state.__stillSince = undefined;
        return false;
      }
      state.__stillSince ??= performance.now();
      return performance.now() - state.__stillSince >= 100;
    },
    undefined,
    { polling: 50, timeout: 10_000 },
  );
}

export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  // A toast (antd's message) fades in, stays 3 s and fades out: axe-core measured it half-transparent when
  // its scan overlapped the fade-out ("Contact saved" at 1.9:1 in a CI run). Toasts are checked by waiting for
  // them to go, not by racing their timer; a page whose toast never leaves keeps it and is checked with it.
  await page
    .waitForFunction(() => document.querySelector('.ant-message-notice') === null, undefined, {
      polling: 100,
      timeout: 10_000,
    })
    .catch(() => undefined);
  await motionSettled(page);
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: unknown,
            options: unknown,
          ) => Promise<{
            violations: Array<{
              id: string;
              impact: string;
              help: string;
              nodes: Array<{ target: string[]; html: string }>;
            }>;
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(' ')),
        html: violation.nodes.map((node) => node.html),
      }));
  });
}

export const SCREENSHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}
