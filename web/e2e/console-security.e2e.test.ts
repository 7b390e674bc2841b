import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, connect, LOCALES, screenshot, seriousViolations, skipReason } from './support/customer.ts';
import {
  demoStaff,
  namelessDialogs,
  newDesktopContext,
  openAsStaff,
  signInStaff,
  staffApi,
  type StaffSignIn,
} from './support/staff.ts';

if (skipReason) console.warn(`[e2e] console security skipped: ${skipReason}`);

async function noSeriousViolations(page: Page): Promise<void> {
  expect(JSON.stringify(await seriousViolations(page), null, 1)).toBe('[]');
}

/** Every dialog shown has a name, also while it opens or closes (the next axe run may catch it mid-way). */
async function dialogsNamed(page: Page): Promise<void> {
  expect(await namelessDialogs(page)).toEqual([]);
}

/** Closes the secret shown once, then waits until its dialog has gone (axe judges the page, not a fade). */
async function closeShownOnce(page: Page, stored: string): Promise<void> {
  await page.getByRole('button', { name: stored }).click();
  await dialogsNamed(page);
  // Two may be leaving at once (the reset form and the secret it opened): wait for every one to be gone.
  await expect.poll(() => page.getByRole('dialog').count(), { timeout: 10_000 }).toBe(0);
}

interface AuditItem {
  readonly id: string;
  readonly at: string;
  readonly actor: { readonly kind: string; readonly id: string; readonly name: string };
  readonly action: string;
  readonly subject: { readonly type: string; readonly id: string };
  readonly outcome: string;
  readonly details: Record<string, unknown>;
}

async function auditOf(admin: StaffSignIn, query: string): Promise<AuditItem[]> {
  const answer = await staffApi<{ items: AuditItem[] }>(admin, 'GET', `/v1/audit?${query}`);
  expect(answer.status).toBe(200);
  return answer.body.items;
}

/** A name no other test or run uses, for users and keys made here. */
function unique(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}`;
}

describe.skipIf(skipReason !== undefined)('staff console: bad input is refused, clearly, and audited', () => {
  let browser: Browser;
  let admin: StaffSignIn;
  beforeAll(async () => {
    browser = await connect();
    const user = demoStaff('admin');
    admin = await signInStaff(user.username, user.password);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a wrong password: the sign-in page says so, nobody is signed in, and the admin sees it in the audit log', async () => {
    const reviewer = demoStaff('reviewer');
    const context = await newDesktopContext(browser, 'en');
    const page = await context.newPage();
    try {
      await page.goto(`${baseUrl}/console/`);
      await page.getByRole('heading', { name: 'Staff sign-in' }).waitFor();
      // A first visit is not an expired session.
      expect(await page.getByText('Your session has expired').count()).toBe(0);
      await noSeriousViolations(page);
      await screenshot(page, 'console-sign-in.en');
      await page.getByLabel('Username').fill(reviewer.username);
      await page.getByLabel('Password').fill(`${reviewer.password}-wrong`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'Sign-in failed' });
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(/username or the password/i);
      expect((await context.cookies()).some((cookie) => cookie.name === 'credence_staff')).toBe(false);
      await noSeriousViolations(page);
      await screenshot(page, 'console-sign-in-wrong-password.en');
    } finally {
      await context.close();
    }

    const failed = await auditOf(admin, `action=staff.sign-in&actor=${reviewer.username}`);
    expect(failed[0]).toMatchObject({ action: 'staff.sign-in', outcome: 'failed' });

    const { context: adminContext, page: adminPage } = await openAsStaff(browser, 'admin', 'en');
    try {
      await adminPage.goto(`${baseUrl}/console/admin/audit`);
      await adminPage.getByRole('heading', { name: 'Audit log' }).waitFor();
      await adminPage.getByLabel('Who').fill(reviewer.username);
      await adminPage.getByLabel('Action').fill('staff.sign-in');
      await adminPage.getByRole('button', { name: 'Query' }).click();
      const row = adminPage.locator(`tr[data-row-key="${failed[0]?.id}"]`);
      await row.waitFor();
      expect(await row.textContent()).toContain('Failed');
      expect(await row.textContent()).toContain(reviewer.username);
      await row.getByRole('button', { name: /expand/i }).click();
      await adminPage.getByText(failed[0]?.id ?? '-', { exact: true }).waitFor();
      await noSeriousViolations(adminPage);
      await screenshot(adminPage, 'console-audit-failed-sign-in.en');
    } finally {
      await adminContext.close();
    }
  });

  it('an expired session (signed out elsewhere): the next request goes back to sign-in saying the session expired', async () => {
    const { context, page, session } = await openAsStaff(browser, 'admin', 'en');
    try {
      await page.goto(`${baseUrl}/console/admin/users`);
      await page.getByRole('heading', { name: 'Staff users' }).waitFor();
      expect((await staffApi(session, 'POST', '/v1/staff/sign-out')).status).toBe(204);
      await page.getByRole('menuitem', { name: 'API keys' }).click();
      await page.getByText('Your session has expired. Please sign in again.').waitFor();
      await page.getByRole('heading', { name: 'Staff sign-in' }).waitFor();
      await screenshot(page, 'console-session-expired.en');
    } finally {
      await context.close();
    }
  });

  it('a state-changing call without the CSRF token is refused with a 403 problem; nothing is created; it is audited', async () => {
    const { context, page } = await openAsStaff(browser, 'admin', 'en');
    try {
      await page.goto(`${baseUrl}/console/admin/keys`);
      await page.getByRole('heading', { name: 'API keys' }).waitFor();
      const before = await staffApi<{ keys: unknown[] }>(admin, 'GET', '/v1/keys');
      const name = unique('csrf-probe-');
      const answer = await page.evaluate(async (keyName) => {
        const response = await fetch('/v1/keys', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: keyName, role: 'app' }),
        });
        return {
          status: response.status,
          type: response.headers.get('content-type'),
          body: (await response.json()) as Record<string, unknown>,
        };
      }, name);
      expect(answer.status).toBe(403);
      expect(answer.type).toContain('application/problem+json');
      expect(answer.body).toMatchObject({ status: 403, code: 'FORBIDDEN' });
      expect(JSON.stringify(answer.body)).toContain('csrf');
      const after = await staffApi<{ keys: unknown[] }>(admin, 'GET', '/v1/keys');
      expect(after.body.keys.length).toBe(before.body.keys.length);
      const refusals = await auditOf(admin, 'action=staff.csrf&limit=5');
      expect(refusals[0]).toMatchObject({
        action: 'staff.csrf',
        outcome: 'refused',
        details: { reason: 'missing-token', method: 'POST', path: '/v1/keys' },
      });
    } finally {
      await context.close();
    }
  });

  it('a reviewer opening an analyst page reads "Not allowed", and the API refuses with 403', async () => {
    const { context, page } = await openAsStaff(browser, 'reviewer', 'en');
    try {
      await page.goto(`${baseUrl}/console/studio/policies`);
      await page.getByText('Not allowed').first().waitFor();
      await page.getByText('Your role (Reviewer) cannot open this page').waitFor();
      const answer = await page.evaluate(async () => {
        const response = await fetch('/v1/policies');
        return { status: response.status, body: (await response.json()) as Record<string, unknown> };
      });
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ status: 403, code: 'FORBIDDEN' });
      await noSeriousViolations(page);
      await screenshot(page, 'console-not-allowed.en');
    } finally {
      await context.close();
    }
  });

  for (const locale of LOCALES) {
    const words =
      locale === 'en'
        ? {
            users: 'Staff users',
            keys: 'API keys',
            audit: 'Audit log',
            newUser: 'New staff user',
            newKey: 'New API key',
            ok: 'OK',
            stored: 'I have stored it — close',
            disabled: 'Disabled',
            active: 'Active',
            disable: 'Disable',
            enable: 'Enable',
            revoke: 'Revoke',
            reset: 'Reset password',
            username: 'Username',
            displayName: 'Display name',
            role: 'Role',
            name: 'Name',
            analyst: 'Risk analyst',
            app: 'App',
            home: 'Hello,',
          }
        : {
            users: '员工账号',
            keys: 'API 密钥',
            audit: '审计日志',
            newUser: '新建员工账号',
            newKey: '新建 API 密钥',
            ok: '确定',
            stored: '我已保存，关闭',
            disabled: '已停用',
            active: '启用',
            disable: '停用',
            enable: '启用',
            revoke: '吊销',
            reset: '重置密码',
            username: '用户名',
            displayName: '显示名称',
            role: '角色',
            name: '名称',
            analyst: '风控分析师',
            app: '应用（App）',
            home: '您好',
          };

    it(`admin pages (${locale}): users — create with a generated password shown once, disable, enable, reset; keys — create shown once, revoke; audit`, async () => {
      const { context, page } = await openAsStaff(browser, 'admin', locale);
      try {
        await page.goto(`${baseUrl}/console/`);
        await page.getByText(words.home).first().waitFor();
        await noSeriousViolations(page);
        await screenshot(page, `console-home.${locale}`);

        // Staff users: create one with a generated password, which then signs in.
        await page.goto(`${baseUrl}/console/admin/users`);
        await page.getByRole('heading', { name: words.users }).waitFor();
        await page.locator('tr[data-row-key^="stf_"]').first().waitFor();
        await noSeriousViolations(page);
        await screenshot(page, `console-admin-users.${locale}`);
        const username = unique(`e2e-${locale === 'en' ? 'en' : 'zh'}-`);
        await page.getByRole('button', { name: words.newUser }).click();
        const form = page.getByRole('dialog', { name: words.newUser });
        await form.getByLabel(words.username).fill(username);
        await form.getByLabel(words.displayName).fill(`E2E ${locale}`);
        await form.getByLabel(words.role).click();
        await page.locator('.ant-select-item-option').filter({ hasText: words.analyst }).click();
        await page.locator('.ant-select-dropdown').waitFor({ state: 'hidden' });
        await noSeriousViolations(page);
        await screenshot(page, `console-admin-user-new.${locale}`);
        await form.getByRole('button', { name: words.ok }).click();
        const secret = page.getByTestId('shown-once-secret');
        await secret.waitFor();
        await dialogsNamed(page);
        const password = await secret.inputValue();
        expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{20}$/);
        await noSeriousViolations(page);
        await screenshot(page, `console-admin-user-password.${locale}`);
        await closeShownOnce(page, words.stored);
        const created = await signInStaff(username, password);
        expect(created.user).toMatchObject({ username, role: 'analyst' });

        // Disable: the row says so and the password no longer signs in; enable again.
        const row = page.locator('tr', { has: page.getByText(username, { exact: true }) });
        // The list reloads after the password dialog closes: act on the reloaded row (its status shown), or the
        // confirmation opened on the row being replaced can vanish with it (seen once in two runs, zh-CN).
        await page.getByTestId(`status-${username}`).filter({ hasText: words.active }).waitFor();
        await row.getByRole('button', { name: words.disable }).click();
        // The confirmation of this user (its title names them), and the disable call it makes: a CI run timed out
        // waiting for "Disabled" with no sign of which step did not happen.
        const disableConfirm = page.locator('.ant-popconfirm').filter({ hasText: `E2E ${locale}` });
        const disabling = page.waitForResponse(
          (response) => response.url().endsWith('/disable') && response.request().method() === 'POST',
        );
        await disableConfirm.getByRole('button', { name: words.ok }).click();
        expect((await disabling).status()).toBe(200);
        await page.getByTestId(`status-${username}`).filter({ hasText: words.disabled }).waitFor();
        await expect(signInStaff(username, password)).rejects.toThrow(/answered 401/);
        await row.getByRole('button', { name: words.enable }).click();
        await page.locator('.ant-popconfirm').getByRole('button', { name: words.ok }).click();
        await page.getByTestId(`status-${username}`).filter({ hasText: words.active }).waitFor();

        // Reset the password: the new one signs in, the old one no longer does.
        await row.getByRole('button', { name: words.reset }).click();
        await page.getByRole('dialog').getByRole('button', { name: words.ok }).click();
        await secret.waitFor();
        await dialogsNamed(page);
        const replaced = await secret.inputValue();
        expect(replaced).not.toBe(password);
        await closeShownOnce(page, words.stored);
        await expect(signInStaff(username, password)).rejects.toThrow(/answered 401/);
        expect((await signInStaff(username, replaced)).user.username).toBe(username);

        // API keys: create one (the secret shown once works as a bearer key), then revoke it.
        await page.getByRole('menuitem', { name: words.keys }).click();
        await page.getByRole('heading', { name: words.keys }).waitFor();
        const keyName = unique(`e2e key ${locale} `);
        await page.getByRole('button', { name: words.newKey }).click();
        const keyForm = page.getByRole('dialog', { name: words.newKey });
        await keyForm.getByLabel(words.name).fill(keyName);
        await keyForm.getByLabel(words.role).click();
        await page.locator('.ant-select-item-option').filter({ hasText: words.app }).click();
        await page.locator('.ant-select-dropdown').waitFor({ state: 'hidden' });
        await keyForm.getByRole('button', { name: words.ok }).click();
        await secret.waitFor();
        await dialogsNamed(page);
        const key = await secret.inputValue();
        expect(key).toMatch(/^crd_app_[0-9A-Za-z]{40}$/);
        await noSeriousViolations(page);
        await screenshot(page, `console-admin-key-secret.${locale}`);
        await closeShownOnce(page, words.stored);
        const keyRow = page.locator('tr', { has: page.getByText(keyName, { exact: true }) });
        await keyRow.waitFor();
        expect(await keyRow.textContent()).toContain(`${key.slice(0, 14)}…`);
        // The secret is a working key (an app key: authenticated, but not allowed the admin's routes).
        const keysWith = (secretKey: string) =>
          fetch(`${baseUrl}/v1/keys`, { headers: { authorization: `Bearer ${secretKey}` } });
        expect((await keysWith(key)).status).toBe(403);
        await noSeriousViolations(page);
        await screenshot(page, `console-admin-keys.${locale}`);
        await keyRow.getByRole('button', { name: words.revoke }).click();
        // Button names are matched whatever spacing antd puts between two Chinese characters.
        const confirmRevoke = new RegExp(`^${[...words.revoke].join('\\s*')}$`);
        await page.locator('.ant-popconfirm').getByRole('button', { name: confirmRevoke }).click();
        await keyRow.waitFor({ state: 'detached' });
        expect((await keysWith(key)).status).toBe(401);

        // The audit log: what was just done, newest first.
        await page.getByRole('menuitem', { name: words.audit }).click();
        await page.getByRole('heading', { name: words.audit }).waitFor();
        await page.locator('tr[data-row-key^="aud_"]').first().waitFor();
        const newest = await auditOf(admin, 'limit=1');
        expect(newest[0]?.action).toBe('api-key.revoke');
        await page.locator(`tr[data-row-key="${newest[0]?.id}"]`).waitFor();
        await noSeriousViolations(page);
        await screenshot(page, `console-admin-audit.${locale}`);
      } finally {
        await context.close();
      }
    });
  }
});
