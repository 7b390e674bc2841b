import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseUrl,
  connect,
  demoCustomers,
  openAs,
  screenshot,
  seriousViolations,
  skipReason,
  type DemoCustomer,
} from './support/customer.ts';

if (skipReason) console.warn(`[e2e] my-data skipped: ${skipReason}`);

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
});
