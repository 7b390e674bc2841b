import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckCharacter } from '../../src/identity/id-number.ts';
import {
  api,
  baseUrl,
  connect,
  demoCustomers,
  openAs,
  openWithSession,
  screenshot,
  seriousViolations,
  skipReason,
  type CustomerSession,
  type DemoCustomer,
} from './support/customer.ts';
import { demoStaff, signInStaff, staffApi } from './support/staff.ts';

if (skipReason) console.warn(`[e2e] my-data skipped: ${skipReason}`);

/**
 * A customer of this test's own, made the way a lender's backend does it (an app key, which the admin
 * creates here and revokes after): erasing a demo customer in the shared e2e server would take them from
 * the other browser suites (the demo sign-in list reads every demo customer; console-reviewer decides
 * thin_file's appeal). Nothing holds a new customer's data, so their erasure runs at once.
 */
async function customerOfItsOwn(): Promise<{
  session: CustomerSession;
  appKey: string;
  revoke: () => Promise<void>;
}> {
  const admin = demoStaff('admin');
  const staff = await signInStaff(admin.username, admin.password);
  const stamp = Date.now();
  const made = await staffApi<{ key: { id: string }; secret: string }>(staff, 'POST', '/v1/keys', {
    name: `e2e erasure ${stamp.toString(36)}`,
    role: 'app',
  });
  expect(made.status).toBe(201);
  const appKey = made.body.secret;
  const first17 = `310104199${stamp % 10}0715${String(stamp % 1000).padStart(3, '0')}`;
  const created = await api<{ customer: { customerId: string } }>(
    'POST',
    '/v1/customers',
    {
      externalId: `e2e-erasure-${stamp}`,
      name: '林晓雨',
      idNumber: `${first17}${idCheckCharacter(first17)}`,
      phone: `139${String(stamp % 100_000_000).padStart(8, '0')}`,
    },
    appKey,
  );
  expect(created.status).toBe(201);
  const customerId = created.body.customer.customerId;
  const session = await api<CustomerSession>('POST', `/v1/customers/${customerId}/sessions`, {}, appKey);
  expect(session.status).toBe(201);
  return {
    session: { ...session.body, customerId },
    appKey,
    revoke: async () => {
      expect((await staffApi(staff, 'DELETE', `/v1/keys/${made.body.key.id}`)).status).toBe(200);
    },
  };
}

/** My data: a customer asks for a copy, watches it being made, opens it; and files a correction. */
describe.skipIf(skipReason !== undefined)('my data at a phone size', () => {
  let browser: Browser;
  let customers: DemoCustomer[];
  beforeAll(async () => {
    browser = await connect();
    customers = await demoCustomers();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('asks for a copy, sees it ready with its expiry, and sends a correction', async () => {
    const customer = customers.find((c) => c.case === 'clean_approval');
    if (!customer) throw new Error('no demo customer clean_approval');
    const { context, page } = await openAs(browser, customer.customerId, 'en');
    try {
      await page.goto(`${baseUrl}/app/my-data`);
      await page.getByTestId('request-copy').click();
      await page.getByText('Your copy is ready').first().waitFor({ timeout: 30_000 });
      await expect(page.getByRole('button', { name: 'Download JSON' }).first().isVisible()).resolves.toBe(
        true,
      );
      await page.getByLabel('What is right').fill('gt50k');
      await page.getByLabel('Why').fill('My income went up this year.');
      await page.getByRole('button', { name: 'Send the correction' }).click();
      await page.getByTestId('corrections').getByText('Income band').waitFor();
      expect(JSON.stringify(await seriousViolations(page))).toBe('[]');
      await screenshot(page, 'my-data.en');
    } finally {
      await context.close();
    }
  });

  it('asks twice before erasing, says what is lost, and keeping the data changes nothing', async () => {
    const customer = customers.find((c) => c.case === 'thin_file');
    if (!customer) throw new Error('no demo customer thin_file');
    const { context, page } = await openAs(browser, customer.customerId, 'zh-CN');
    try {
      await page.goto(`${baseUrl}/app/my-data`);
      await page.getByText('删除我的数据').first().waitFor();
      await page.getByTestId('erase').click();
      await page.getByText('删除后无法恢复').waitFor();
      expect(JSON.stringify(await seriousViolations(page))).toBe('[]');
      await screenshot(page, 'my-data.erase-confirm.zh-CN');
      await page.getByRole('button', { name: '保留我的数据' }).click();
      await page.getByText('删除后无法恢复').waitFor({ state: 'hidden' });
      // Nothing was asked: no request is shown, and the customer is still signed in.
      expect(await page.getByTestId('erasure').count()).toBe(0);
      await page.reload();
      await page.getByTestId('request-copy').waitFor();
      expect(await page.getByTestId('erasure').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('erases: says yes in the dialog, reads that it is done, and is signed out; the server answers 410 after', async () => {
    const own = await customerOfItsOwn();
    const { context, page } = await openWithSession(browser, own.session, 'en');
    try {
      await page.goto(`${baseUrl}/app/my-data`);
      await page.getByRole('heading', { name: 'Erase my data' }).waitFor();
      await page.getByTestId('erase').click();
      await page.getByText('This cannot be undone').waitFor();
      await page.getByRole('button', { name: 'Erase', exact: true }).click();
      const answer = page.getByRole('dialog').filter({ hasText: 'erased' });
      await answer.waitFor();
      expect(JSON.stringify(await seriousViolations(page))).toBe('[]');
      await screenshot(page, 'my-data.erased.en');
      await answer.getByRole('button', { name: 'OK' }).click();
      await page.waitForURL(/\/app\/sign-in$/);
      // The session is gone and the person is unreadable; the server says so to the lender's backend.
      expect((await api('GET', '/v1/me', undefined, own.session.token)).status).toBe(401);
      const person = await api<{ code: string }>(
        'GET',
        `/v1/customers/${own.session.customerId}`,
        undefined,
        own.appKey,
      );
      expect([person.status, person.body.code]).toEqual([410, 'GONE']);
    } finally {
      await context.close();
      await own.revoke();
    }
  });
});
