import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseUrl,
  connect,
  demoCustomers,
  LOCALES,
  openAs,
  screenshot,
  seriousViolations,
  skipReason,
  type DemoCustomer,
} from './support/customer.ts';

if (skipReason) console.warn(`[e2e] demo cases skipped: ${skipReason}`);

/** What each demo case must show on Home for its product (status), in the customer's words. */
const EXPECTED_STATUS: Record<string, string[]> = {
  clean_approval: ['can_borrow'],
  low_score: ['not_yet', 'under_review'],
  unverified_phone: ['not_yet'],
  thin_file: ['not_yet', 'can_borrow'],
  multi_head: ['not_yet', 'under_review'], // under review once the appeal flow has filed its appeal
  abnormal_limit_checks: ['not_yet', 'under_review'],
  tightened_policy: ['not_yet'],
  new_user_first_limit: ['can_borrow'],
  outage: ['under_review'],
};

describe.skipIf(skipReason !== undefined)(
  'each demo case, at a phone size, in both languages: Home and Why',
  () => {
    let browser: Browser;
    let customers: DemoCustomer[];
    beforeAll(async () => {
      browser = await connect();
      customers = await demoCustomers();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('lists the nine demo customers', () => {
      expect(customers.map((customer) => customer.case).sort()).toEqual(Object.keys(EXPECTED_STATUS).sort());
    });

    for (const locale of LOCALES) {
      for (const key of Object.keys(EXPECTED_STATUS)) {
        it(`${key} (${locale}): home says whether they can borrow, the limit and APR, score; why gives reasons and next steps`, async () => {
          const customer = customers.find((candidate) => candidate.case === key);
          expect(customer, `demo customer ${key}`).toBeDefined();
          const { context, page } = await openAs(browser, customer!.customerId, locale);
          try {
            await page.goto(`${baseUrl}/app/`);
            const card = page.locator(`[data-product="${customer!.product}"]`);
            await card.waitFor();
            const headline = (await page.getByTestId(`headline-${customer!.product}`).textContent()) ?? '';
            expect(headline.length).toBeGreaterThan(4);
            expect(await page.locator('html').getAttribute('lang')).toBe(locale);
            const statusClass = (await card.locator('.status').getAttribute('class')) ?? '';
            expect(
              EXPECTED_STATUS[key]!.some((status) => statusClass.includes(`status-${status}`)),
              `${key}: ${statusClass}`,
            ).toBe(true);
            expect(JSON.stringify(await seriousViolations(page))).toBe('[]');
            await screenshot(page, `${key}.home.${locale}`);

            await page.goto(`${baseUrl}/app/why/${customer!.product}`);
            await page.getByTestId('decision-headline').waitFor();
            if (!statusClass.includes('can_borrow')) {
              const reasons = page.getByTestId('reasons').locator('li');
              const referral = page.getByTestId('referral');
              const count = await reasons.count();
              if ((await referral.count()) === 0) expect(count).toBeGreaterThanOrEqual(1);
              expect(count).toBeLessThanOrEqual(4);
            }
            expect(JSON.stringify(await seriousViolations(page))).toBe('[]');
            await screenshot(page, `${key}.why.${locale}`);
          } finally {
            await context.close();
          }
        });
      }
    }
  },
);
