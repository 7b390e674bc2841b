import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_STAFF } from '../../../src/demo/staff/demo-staff.ts';
import { baseUrl, type Locale } from './customer.ts';

/** The console is a desktop application: a laptop-sized window. */
export const DESKTOP = { width: 1440, height: 900 } as const;

export const STAFF_COOKIE = 'credence_staff';

export type DemoStaffUser = (typeof DEMO_STAFF)[number];
export type StaffRole = DemoStaffUser['role'];

/** The demo staff user of a role (the demo start creates them; their passwords are the demo's). */
export function demoStaff(role: StaffRole): DemoStaffUser {
  const found = DEMO_STAFF.find((user) => user.role === role);
  if (!found) throw new Error(`no demo staff user with role ${role}`);
  return found;
}

export interface StaffSignIn {
  /** The opaque session token of the credence_staff cookie. */
  readonly cookie: string;
  readonly csrfToken: string;
  readonly user: { readonly id: string; readonly username: string; readonly role: StaffRole };
}

/** Signs a staff user in over HTTP, as the sign-in page does; answers the cookie and the CSRF token. */
export async function signInStaff(username: string, password: string): Promise<StaffSignIn> {
  const response = await fetch(`${baseUrl}/v1/staff/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200)
    throw new Error(`sign-in of ${username} answered ${response.status}: ${await response.text()}`);
  const cookie = /credence_staff=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
  if (!cookie) throw new Error('sign-in set no credence_staff cookie');
  const body = (await response.json()) as { csrfToken: string; user: StaffSignIn['user'] };
  return { cookie, csrfToken: body.csrfToken, user: body.user };
}

/** A call to the API as a signed-in staff user (cookie, and the CSRF token on anything but GET). */
export async function staffApi<T>(
  session: StaffSignIn,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      cookie: `${STAFF_COOKIE}=${session.cookie}`,
      ...(method === 'GET' ? {} : { 'x-csrf-token': session.csrfToken }),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** A desktop-sized browser context whose console starts in `locale` (the console's own switch is kept after). */
export async function newDesktopContext(browser: Browser, locale: Locale): Promise<BrowserContext> {
  // bypassCSP: only so axe-core can be injected as a script.
  const context = await browser.newContext({
    viewport: DESKTOP,
    deviceScaleFactor: 1,
    bypassCSP: true,
    locale,
  });
  await context.addInitScript(
    ([lang]) => {
      if (!localStorage.getItem('credence.console.lang'))
        localStorage.setItem('credence.console.lang', lang as string);
    },
    [locale],
  );
  return context;
}

export interface StaffPage {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly session: StaffSignIn;
}

/**
 * A desktop page signed in as the demo staff user of `role` (or the given user), in `locale`: the session is
 * made over HTTP and its cookie handed to the browser, as after the sign-in page (tested on its own).
 */
export async function openAsStaff(
  browser: Browser,
  who: StaffRole | { readonly username: string; readonly password: string },
  locale: Locale,
): Promise<StaffPage> {
  const user = typeof who === 'string' ? demoStaff(who) : who;
  const session = await signInStaff(user.username, user.password);
  const context = await newDesktopContext(browser, locale);
  await context.addCookies([
    { name: STAFF_COOKIE, value: session.cookie, url: baseUrl, httpOnly: true, sameSite: 'Strict' },
  ]);
  const page = await context.newPage();
  return { context, page, session };
}

/**
 * Every dialog on the page that is shown (antd keeps a closed one in the DOM, hidden) and has no accessible
 * name: its opening tag. Called right after a dialog is opened or closed, it sees the dialog mid-animation,
 * which axe run later may or may not catch (the clean-clone CI run caught a closing one: aria-dialog-name).
 */
export async function namelessDialogs(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[role="dialog"], [role="alertdialog"]')]
      .filter((dialog) => dialog.getClientRects().length > 0)
      .filter((dialog) => {
        const label = dialog.getAttribute('aria-label')?.trim() ?? '';
        const labelledBy = (dialog.getAttribute('aria-labelledby') ?? '')
          .split(/\s+/)
          .map((id) => (id ? (document.getElementById(id)?.textContent?.trim() ?? '') : ''))
          .join('');
        return label === '' && labelledBy === '';
      })
      .map((dialog) => dialog.outerHTML.slice(0, dialog.outerHTML.indexOf('>') + 1)),
  );
}
