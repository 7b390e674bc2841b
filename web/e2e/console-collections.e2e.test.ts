import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { seedDemo } from '../../src/demo/seeding/demo-seeding.ts';
import { seedDemoStaff } from '../../src/demo/staff/demo-staff.ts';
import { testPiiConfig } from '../../src/platform/config/config.ts';
import { createMemoryLogger } from '../../src/platform/logging/logger.ts';
import { ManualClock } from '../../src/platform/time/clock.ts';
import { addDays, businessDateOf } from '../../src/platform/time/local-date.ts';
import type { App } from '../../src/services.ts';
import { connect, screenshot, seriousViolations, skipReason, type Locale } from './support/customer.ts';
import { demoDatabase } from './support/demo-database.ts';
import { demoStaff, newDesktopContext, STAFF_COOKIE, type StaffRole } from './support/staff.ts';
import { TEST_STAFF_SETTINGS } from '../../test/support/app.ts';

if (skipReason) console.warn(`[e2e] console collections skipped: ${skipReason}`);

/**
 * The collections area in the browser (issue 15): collector1 works the queue — claims a case, logs a call
 * with a promise to pay — then opens "Help this borrower" on the loan: a waiver under the second-person
 * threshold is applied at once, a settlement above it waits, and a reviewer approves it from "Hardship
 * approvals". Screens in both languages, axe-core on each (no serious or critical violation).
 *
 * The lane's shared demo has no history, so no loan is late. This file starts its own demo server with a
 * small history (late loans, so open collection cases) on a clock pinned to 10:00 Shanghai today: a contact
 * is inside the permitted hours whenever the suite runs, and claims do not run out mid-test.
 */

interface QueueItem {
  caseId: string;
  accountId: string;
  product: 'cash_loan' | 'credit_line';
  amountPastDue: string;
}

interface LineView {
  daysPastDue: number;
  balances: { billedInterest: string; unbilledInterest: string; principalOwed: string; payoff: string };
  writtenOff: { settledOn: string | null } | null;
}

interface LineFigures {
  principal: string;
  interest: string;
  fees: string;
  lateFees: string;
  payoff: string;
  minimumDue: string;
  daysPastDue: number;
}

interface LinePreview {
  moneyEffect: string;
  secondPersonAbove: string;
  needsSecondPerson: boolean;
  before: LineFigures;
  after: LineFigures;
  customerMessage: { zh: string; en: string };
}

/** A yuan string as integer fen (the amounts here are well inside a double's exact integers). */
const fenOf = (yuan: string) => Math.round(Number(yuan) * 100);
/** A line's waiver of interest, as the API takes it. */
const waiverOf = (interest: string) => ({ tool: 'waiver', interest });
/** Integer fen as the API's yuan string. */
const yuanOf = (fen: number) => (fen / 100).toFixed(2);
/** The console's money: ¥1,234.56 (zh-CN), CNY 1,234.56 (en) — web/src/format/format.ts. */
const shown = (yuan: string, locale: Locale) =>
  `${locale === 'zh-CN' ? '¥' : 'CNY '}${Number(yuan).toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

interface SignIn {
  cookie: string;
  csrfToken: string;
}

let app: App | undefined;
let removeDatabase: (() => void) | undefined;
let url = '';
/** The business day the server's clock is pinned to. */
let today = businessDateOf(new Date());

async function startCollectionsDemo(): Promise<string> {
  today = businessDateOf(new Date());
  const clock = new ManualClock(new Date(`${today}T02:00:00Z`));
  const database = await demoDatabase();
  removeDatabase = database.remove;
  app = await createApp({
    config: {
      port: 0,
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
    clock,
  });
  // A small history (docs/demo.md): enough applicants for a few loans to be late at its end.
  await seedDemo(app, { history: { seed: 2026, applicants: 60, months: 4 } });
  await seedDemoStaff(app);
  return app.start();
}

async function signIn(role: StaffRole | { username: string; password: string }): Promise<SignIn> {
  const user = typeof role === 'string' ? demoStaff(role) : role;
  const response = await fetch(`${url}/v1/staff/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: user.username, password: user.password }),
  });
  expect(response.status).toBe(200);
  const cookie = /credence_staff=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1] ?? '';
  const body = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken: body.csrfToken };
}

async function call<T>(session: SignIn, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      cookie: `${STAFF_COOKIE}=${session.cookie}`,
      ...(method === 'GET' ? {} : { 'x-csrf-token': session.csrfToken }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.status, `${method} ${path}`).toBe(200);
  return (await response.json()) as T;
}

async function openAs(browser: Browser, role: StaffRole, locale: Locale) {
  const session = await signIn(role);
  const context = await newDesktopContext(browser, locale);
  // The page's clock is the server's (claims are live until an instant the page compares with its own now).
  await context.clock.setFixedTime(new Date(`${today}T02:00:00Z`));
  await context.addCookies([
    { name: STAFF_COOKIE, value: session.cookie, url, httpOnly: true, sameSite: 'Strict' },
  ]);
  return { context, page: await context.newPage(), session };
}

async function noSeriousViolations(page: Page): Promise<void> {
  const findings = await seriousViolations(page);
  if (findings.length > 0) console.error(JSON.stringify(findings, null, 1));
  expect(JSON.stringify(findings)).toBe('[]');
}

async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page
    .locator('.ant-spin-spinning')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
}

/** Picks `label` in the antd Select whose form label is `name` (opened again if it closes as it renders). */
async function choose(page: Page, name: string | RegExp, label: string | RegExp): Promise<void> {
  const option = page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: label })
    .first();
  for (let attempt = 1; ; attempt += 1) {
    await page.getByLabel(name).first().click();
    try {
      await option.click({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

/** The line's figures table in the drawer, row by row: [figure, now, afterwards]. */
async function lineFigures(scope: Locator): Promise<string[][]> {
  const rows = scope.locator('.hs-line-figures tbody tr.ant-table-row');
  const count = await rows.count();
  const table: string[][] = [];
  for (let index = 0; index < count; index += 1)
    table.push((await rows.nth(index).locator('td').allInnerTexts()).map((cell) => cell.trim()));
  return table;
}

const LINE_ROWS: Record<Locale, readonly [keyof LineFigures, string][]> = {
  en: [
    ['payoff', 'Settles the line in full'],
    ['principal', 'Principal'],
    ['interest', 'Interest'],
    ['fees', 'Instalment fees'],
    ['lateFees', 'Late fees'],
    ['minimumDue', 'Minimum payment still to pay'],
    ['daysPastDue', 'Days past due'],
  ],
  'zh-CN': [
    ['payoff', '结清全部欠款需要'],
    ['principal', '本金'],
    ['interest', '利息'],
    ['fees', '分期手续费'],
    ['lateFees', '违约金'],
    ['minimumDue', '最低还款还需还'],
    ['daysPastDue', '逾期天数'],
  ],
};

/** What the table must show for an API preview: every figure as the API gave it, formatted for `locale`. */
function expectedFigures(preview: LinePreview, locale: Locale): string[][] {
  const cell = (figures: LineFigures, key: keyof LineFigures) =>
    key === 'daysPastDue'
      ? locale === 'en'
        ? `${figures.daysPastDue} days`
        : `${figures.daysPastDue} 天`
      : shown(figures[key] as string, locale);
  return LINE_ROWS[locale].map(([key, label]) => [
    label,
    cell(preview.before, key),
    cell(preview.after, key),
  ]);
}

/** Waits until the drawer is no longer busy (its form is disabled while the requests and the case reload). */
/**
 * Waits until the drawer is no longer busy after a submit: the drawer keeps its Preview button loading (antd's
 * `ant-btn-loading`, which swallows clicks but is not `disabled`) until the requests and the case have been read
 * again. A CI run under load went on while the case was still being re-read, and the next request's result never
 * showed. Fails if the drawer stays busy for 30 s.
 */
async function drawerIdle(page: Page, drawer: Locator, preview: string): Promise<void> {
  const button = await drawer.getByRole('button', { name: preview }).elementHandle();
  await page.waitForFunction(
    (element) => {
      const node = element as HTMLButtonElement | null;
      return node !== null && !node.disabled && !node.classList.contains('ant-btn-loading');
    },
    button,
    { timeout: 30_000 },
  );
}

describe.skipIf(skipReason !== undefined)('collections at a desktop size', () => {
  let browser: Browser;
  let collector: SignIn;
  let reviewer: SignIn;
  /** The cash-loan cases open at the history's end, the largest amount past due first. */
  let cases: QueueItem[] = [];
  /** The credit-line cases open at the history's end, with the line's payoff, the largest first. */
  let lineCases: (QueueItem & { line: LineView })[] = [];

  beforeAll(async () => {
    url = await startCollectionsDemo();
    browser = await connect();
    collector = await signIn('collector');
    reviewer = await signIn('reviewer');
    const queue = await call<{ items: QueueItem[] }>(
      collector,
      'GET',
      '/v1/collections/queue?view=unclaimed',
    );
    cases = queue.items
      .filter((item) => item.product === 'cash_loan')
      .sort((a, b) => Number(b.amountPastDue) - Number(a.amountPastDue));
    expect(cases.length, 'the small history leaves late cash loans in the queue').toBeGreaterThanOrEqual(2);
    lineCases = (
      await Promise.all(
        queue.items
          .filter((item) => item.product === 'credit_line')
          .map(async (item) => ({
            ...item,
            line: await call<LineView>(reviewer, 'GET', `/v1/lines/${item.accountId}`),
          })),
      )
    ).sort((a, b) => fenOf(b.line.balances.payoff) - fenOf(a.line.balances.payoff));
    expect(
      lineCases.length,
      'the small history leaves late credit lines in the queue',
    ).toBeGreaterThanOrEqual(2);
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    removeDatabase?.();
  });

  it('collector1 claims a case, records a promise to pay, helps the borrower under and above the threshold; a reviewer approves (en)', async () => {
    const picked = cases[0] as QueueItem;
    const loan = await call<{ outstanding: { principal: string; interest: string; penalty: string } }>(
      reviewer,
      'GET',
      `/v1/loans/${picked.accountId}`,
    );
    const owedFen = (['principal', 'interest', 'penalty'] as const)
      .map((key) => Math.round(Number(loan.outstanding[key]) * 100))
      .reduce((a, b) => a + b, 0);
    const interestFen = Math.round(Number(loan.outstanding.interest) * 100);
    expect(interestFen, 'a late loan owes interest to waive').toBeGreaterThan(0);
    expect(owedFen, 'owing more than the threshold, a settlement of ¥1.00 waits').toBeGreaterThan(100_100);
    const waive = (Math.min(interestFen, 5_000) / 100).toFixed(2);

    const { context, page } = await openAs(browser, 'collector', 'en');
    try {
      await page.goto(`${url}/console/collections/queue`);
      await page.getByRole('heading', { name: 'Collections queue' }).waitFor();
      await page.getByRole('link', { name: picked.caseId }).first().waitFor();
      await settled(page);
      await noSeriousViolations(page);
      await screenshot(page, 'console-collections-queue.en');

      // Claim it from the queue: the case opens, held by collector1.
      await page.getByRole('button', { name: `Claim ${picked.caseId}` }).click();
      await page.waitForURL(new RegExp(`/console/collections/cases/${picked.caseId}$`));
      await page.getByRole('heading', { name: `Collection case ${picked.caseId}` }).waitFor();
      await page.getByRole('button', { name: 'Release' }).waitFor();

      // A call reaching the customer, who promises to pay ¥100.00 (or all past due, if less) in three days.
      const promised = Math.min(10_000, Math.round(Number(picked.amountPastDue) * 100));
      const promiseDate = addDays(today, 3);
      await choose(page, 'Outcome', 'Promise to pay');
      await page.getByLabel('Promised date').fill(promiseDate);
      await page.keyboard.press('Enter');
      await page.getByLabel('Promised amount (CNY)').fill((promised / 100).toFixed(2));
      await page.getByLabel('Note', { exact: true }).fill('Lost hours at work; will pay on Friday');
      await page.getByRole('button', { name: 'Save the contact' }).click();
      await page.getByText('Contact saved').first().waitFor();
      await page.locator('.ant-table-row').filter({ hasText: 'Pending' }).first().waitFor();
      await page.locator('.cl-contacts .ant-table-row').filter({ hasText: 'Promise to pay' }).waitFor();
      await settled(page);
      await noSeriousViolations(page);
      await screenshot(page, 'console-collections-case.en');

      // Help this borrower: a waiver under the threshold — preview, then applied at once.
      await page.getByRole('button', { name: 'Help this borrower' }).click();
      const drawer = page.getByRole('dialog', { name: `Help this borrower · loan ${picked.accountId}` });
      await drawer.waitFor();
      await drawer.getByLabel('Interest to waive (CNY)', { exact: true }).fill(waive);
      await choose(page, 'Reason 1', 'Loss of income');
      await drawer.getByLabel(/^Note \(the customer/).fill('Hours cut at the factory since October');
      await drawer.getByRole('button', { name: 'Preview' }).click();
      const preview = drawer.getByTestId('hardship-preview');
      await preview.waitFor();
      await preview.getByText('applied as soon as you submit').waitFor();
      await preview
        .getByText(`CNY ${Number(waive).toLocaleString('en', { minimumFractionDigits: 2 })}`)
        .first()
        .waitFor();
      await settled(page);
      await noSeriousViolations(page);
      await screenshot(page, 'console-hardship-preview.en');
      await drawer.getByRole('button', { name: 'Submit' }).click();
      await drawer
        .getByTestId('hardship-result')
        .getByText(/^Applied: Waive interest or penalty/)
        .waitFor();
      // The drawer stays busy (its form disabled) until the requests and the case are read again; a CI run
      // switched the tool while it was, and the next request never showed its result. Wait for it first.
      await page.locator('.hs-requests .ant-table-row').filter({ hasText: 'Applied' }).waitFor();
      await drawerIdle(page, drawer, 'Preview');

      // A settlement of ¥1.00: its money effect (the rest written off) is above the threshold — it waits.
      await drawer.locator('.ant-radio-button-wrapper').filter({ hasText: 'Settle for less' }).click();
      await drawer.getByLabel('The customer pays now (CNY)').fill('1.00');
      await choose(page, 'Reason 1', 'Unemployment');
      await drawer.getByLabel(/^Note \(the customer/).fill('Laid off in November, no income');
      await drawer.getByRole('button', { name: 'Preview' }).click();
      await drawer
        .getByTestId('hardship-preview')
        .getByText('waits for another person to approve it')
        .waitFor();
      await drawer.getByRole('button', { name: 'Submit' }).click();
      await drawer
        .getByTestId('hardship-result')
        .getByText(/so it waits for another person$/)
        .waitFor();
      await screenshot(page, 'console-hardship-pending.en');
      await drawer.getByRole('button', { name: 'Close' }).first().click();
      const rows = page.locator('.hs-requests .ant-table-row');
      await rows.filter({ hasText: 'Waiting for approval' }).waitFor();
      await rows.filter({ hasText: 'Applied' }).waitFor();
      // A collector cannot approve (the button says why); the server would refuse too.
      const waiting = rows.filter({ hasText: 'Waiting for approval' });
      expect(await waiting.getByRole('button', { name: /^Approve / }).isDisabled()).toBe(true);
      await settled(page);
      await noSeriousViolations(page);
      await screenshot(page, 'console-collections-hardship.en');
    } finally {
      await context.close();
    }

    const listed = await call<{ requests: { id: string; status: string; ask: { tool: string } }[] }>(
      reviewer,
      'GET',
      `/v1/loans/${picked.accountId}/hardship-requests`,
    );
    expect(listed.requests.map((request) => [request.ask.tool, request.status])).toEqual([
      ['settlement', 'pending'],
      ['waiver', 'applied'],
    ]);
    const pendingId = listed.requests[0]?.id ?? '';

    // A reviewer — another person — approves it from "Hardship approvals".
    const second = await openAs(browser, 'reviewer', 'en');
    try {
      await second.page.goto(`${url}/console/reviewer/hardship`);
      await second.page.getByRole('heading', { name: 'Waiting for approval' }).waitFor();
      await second.page.getByRole('button', { name: `Approve ${pendingId}` }).waitFor();
      await settled(second.page);
      await noSeriousViolations(second.page);
      await screenshot(second.page, 'console-hardship-approvals.en');
      await second.page.getByRole('button', { name: `Approve ${pendingId}` }).click();
      await second.page.getByText('Approved and applied').first().waitFor();
      await second.page.getByText('No hardship request is waiting for approval').waitFor();
    } finally {
      await second.context.close();
    }
    const approved = await call<{ request: { status: string; checker: { name: string } | null } }>(
      reviewer,
      'GET',
      `/v1/hardship-requests/${pendingId}`,
    );
    expect(approved.request.status).toBe('applied');
    expect(approved.request.checker?.name).toBe(demoStaff('reviewer').username);
    const closed = await call<{ status: string }>(reviewer, 'GET', `/v1/loans/${picked.accountId}`);
    expect(closed.status).toBe('closed');
  }, 600_000);

  it('the queue, a case and the hardship preview in zh-CN', async () => {
    const picked = cases[1] as QueueItem;
    const { context, page } = await openAs(browser, 'collector', 'zh-CN');
    try {
      await page.goto(`${url}/console/collections/queue`);
      await page.getByRole('heading', { name: '催收队列' }).waitFor();
      await page.getByRole('link', { name: picked.caseId }).first().waitFor();
      await settled(page);
      await noSeriousViolations(page);
      await screenshot(page, 'console-collections-queue.zh-CN');

      await page.goto(`${url}/console/collections/cases/${picked.caseId}`);
      await page.getByRole('heading', { name: `催收案件 ${picked.caseId}` }).waitFor();
      // Claimed, so the contact form is live (antd's disabled Select carries an ARIA attribute axe refuses).
      await page.getByRole('button', { name: '领取', exact: true }).click();
      await page.getByRole('button', { name: '释放', exact: true }).waitFor();
      await page.getByRole('button', { name: '帮助该借款人' }).click();
      const drawer = page.getByRole('dialog', { name: `帮助该借款人 · 贷款 ${picked.accountId}` });
      await drawer.waitFor();
      await drawer.locator('.ant-radio-button-wrapper').filter({ hasText: '减额结清' }).click();
      await drawer.getByLabel('客户现在一次性支付（元）').fill('1.00');
      await drawer.getByRole('button', { name: '预览结果' }).click();
      await drawer
        .getByTestId('hardship-preview')
        .getByText(/提交后(立即生效|需要另一位同事审批才生效)/)
        .waitFor();
      await settled(page);
      await noSeriousViolations(page);
      await screenshot(page, 'console-hardship-preview.zh-CN');
    } finally {
      await context.close();
    }
  }, 300_000);

  it('a credit line: collector1 previews a waiver with the API figures and message, then a settlement for less that waits; a reviewer approves it and the case shows both applied (en)', async () => {
    const picked = lineCases[0] as (typeof lineCases)[number];
    const requestsPath = `/v1/lines/${picked.accountId}/hardship-requests`;
    // All the interest the line owes today, billed and accrued: the line view is as of the last night, a
    // hardship request steps the line through today first (one more day's interest), so ask the API's preview.
    const owed = (await call<LinePreview>(collector, 'POST', `${requestsPath}/preview`, waiverOf('0.01')))
      .before;
    const interest = owed.interest;
    expect(fenOf(interest), 'a late line owes interest to waive').toBeGreaterThan(0);
    // By hand: what settles the line is the sum of what it owes by kind (no money is held for the customer).
    expect(fenOf(owed.payoff)).toBe(
      fenOf(owed.principal) + fenOf(owed.interest) + fenOf(owed.fees) + fenOf(owed.lateFees),
    );
    expect(
      fenOf(owed.payoff) - fenOf(interest) - 100,
      'settling for ¥1.00 after the waiver writes off more than the ¥1,000.00 threshold, so it waits',
    ).toBeGreaterThan(100_000);

    // What the API works out for the waiver: the drawer must show these figures as they are. By hand: the money
    // effect is the interest waived; nothing but interest moves; payoff − interest is what settles it after.
    const waiver = await call<LinePreview>(collector, 'POST', `${requestsPath}/preview`, waiverOf(interest));
    expect(waiver.moneyEffect).toBe(interest);
    expect(waiver.needsSecondPerson).toBe(false);
    expect(waiver.before).toEqual(owed);
    expect(waiver.after).toMatchObject({
      principal: owed.principal,
      interest: '0.00',
      fees: owed.fees,
      lateFees: owed.lateFees,
      payoff: yuanOf(fenOf(owed.payoff) - fenOf(interest)),
    });
    expect(waiver.customerMessage.en).toContain(`We have waived ${shown(interest, 'en')} of interest`);

    const { context, page } = await openAs(browser, 'collector', 'en');
    let pendingId: string;
    try {
      await page.goto(`${url}/console/collections/cases/${picked.caseId}`);
      await page.getByRole('heading', { name: `Collection case ${picked.caseId}` }).waitFor();
      await page.getByRole('button', { name: 'Claim', exact: true }).click();
      await page.getByRole('button', { name: 'Release' }).waitFor();
      await page.getByText('No hardship request on this credit line yet').waitFor();
      await page.getByRole('button', { name: 'Help this borrower' }).click();
      const drawer = page.getByRole('dialog', {
        name: `Help this borrower · credit line ${picked.accountId}`,
      });
      await drawer.waitFor();
      // A line's four tools (no reschedule for lines yet).
      expect(await drawer.locator('.ant-radio-button-wrapper').allInnerTexts()).toEqual([
        'Waive interest or fees',
        'Payment holiday',
        'Re-age (bring current)',
        'Settle for less',
      ]);

      // Checked in the browser by the API's rules, naming the field and the rule: nothing to waive, then an
      // amount with three decimals; then by the server: one fen more interest than is owed.
      await drawer.getByRole('button', { name: 'Preview' }).click();
      await drawer
        .getByText('Enter an amount above 0 for at least one of interest, instalment fees, late fees')
        .waitFor();
      await drawer.getByLabel('Late fees to waive (CNY)').fill('1.005');
      await drawer.getByText('An amount in yuan with at most 2 decimals, e.g. 22.40').waitFor();
      await drawer.getByLabel('Late fees to waive (CNY)').fill('');
      const interestField = drawer.getByLabel('Interest to waive (CNY, billed and accrued)');
      await interestField.fill(yuanOf(fenOf(interest) + 1));
      await drawer.getByRole('button', { name: 'Preview' }).click();
      await drawer
        .getByTestId('hardship-refusal')
        .getByText('Interest to waive (CNY, billed and accrued): More than is owed today')
        .waitFor();
      await settled(page);
      await noSeriousViolations(page);
      await screenshot(page, 'console-line-hardship-refused.en');

      await interestField.fill(interest);
      await choose(page, 'Reason 1', 'Illness or injury');
      await drawer.getByLabel(/^Note \(the customer/).fill('In hospital since last month');
      await drawer.getByRole('button', { name: 'Preview' }).click();
      const preview = drawer.getByTestId('hardship-preview');
      await preview.getByText('applied as soon as you submit').waitFor();
      expect(await lineFigures(preview)).toEqual(expectedFigures(waiver, 'en'));
      expect(await preview.getByTestId('hardship-line-effect').innerText()).toBe(
        `Forgiven, never asked for again: ${shown(interest, 'en')}.`,
      );
      const message = preview.getByTestId('hardship-message');
      expect(await message.locator('[lang="en"]').innerText()).toBe(waiver.customerMessage.en);
      expect(await message.locator('[lang="zh-CN"]').innerText()).toBe(waiver.customerMessage.zh);
      await settled(page);
      await noSeriousViolations(page);
      await screenshot(page, 'console-line-hardship-preview.en');
      await drawer.getByRole('button', { name: 'Submit' }).click();
      await drawer
        .getByTestId('hardship-result')
        .getByText(`Applied: Waive interest or fees, money effect ${shown(interest, 'en')}`)
        .waitFor();
      await page.locator('.hs-requests .ant-table-row').filter({ hasText: 'Applied' }).waitFor();
      await drawerIdle(page, drawer, 'Preview');

      // Settled for ¥1.00 the same day: what settles it after the waiver, less ¥1.00, is written off — above
      // the threshold, so it waits for a second person.
      const settlement = await call<LinePreview>(collector, 'POST', `${requestsPath}/preview`, {
        tool: 'settlement',
        amount: '1.00',
      });
      expect(settlement.moneyEffect).toBe(yuanOf(fenOf(waiver.after.payoff) - 100));
      expect(settlement.needsSecondPerson).toBe(true);
      expect(settlement.before.payoff).toBe(waiver.after.payoff);
      expect(settlement.after).toMatchObject({ payoff: '0.00', minimumDue: '0.00', daysPastDue: 0 });
      await drawer.locator('.ant-radio-button-wrapper').filter({ hasText: 'Settle for less' }).click();
      await drawer.getByLabel('The customer pays now (CNY)').fill('1.00');
      await choose(page, 'Reason 1', 'Unemployment');
      await drawer.getByLabel(/^Note \(the customer/).fill('Laid off in November, no income');
      await drawer.getByRole('button', { name: 'Preview' }).click();
      await preview.getByText('waits for another person to approve it').waitFor();
      expect(await lineFigures(preview)).toEqual(expectedFigures(settlement, 'en'));
      expect(await preview.getByTestId('hardship-line-effect').innerText()).toBe(
        `The customer pays CNY 1.00 now; written off and forgiven: ${shown(settlement.moneyEffect, 'en')}.`,
      );
      expect(await message.locator('[lang="en"]').innerText()).toBe(settlement.customerMessage.en);
      await drawer.getByRole('button', { name: 'Submit' }).click();
      await drawer
        .getByTestId('hardship-result')
        .getByText(/so it waits for another person$/)
        .waitFor();
      await settled(page);
      await screenshot(page, 'console-line-hardship-pending.en');
      await drawer.getByRole('button', { name: 'Close' }).first().click();
      const rows = page.locator('.hs-requests .ant-table-row');
      const waiting = rows.filter({ hasText: 'Waiting for approval' });
      await waiting.waitFor();
      expect(await waiting.getByRole('button', { name: /^Approve / }).isDisabled()).toBe(true);
      const listed = await call<{ requests: { id: string; status: string; ask: { tool: string } }[] }>(
        collector,
        'GET',
        requestsPath,
      );
      expect(listed.requests.map((request) => [request.ask.tool, request.status])).toEqual([
        ['settlement', 'pending'],
        ['waiver', 'applied'],
      ]);
      pendingId = listed.requests[0]?.id ?? '';
    } finally {
      await context.close();
    }

    // A reviewer — another person — approves it from "Hardship approvals", where lines' requests wait too.
    const second = await openAs(browser, 'reviewer', 'en');
    try {
      await second.page.goto(`${url}/console/reviewer/hardship`);
      await second.page.getByRole('heading', { name: 'Waiting for approval' }).waitFor();
      const approve = second.page.getByRole('button', { name: `Approve ${pendingId}` });
      const row = second.page.locator('.hs-requests .ant-table-row').filter({ has: approve });
      await approve.waitFor();
      expect(await row.innerText()).toContain('credit line');
      expect(await row.innerText()).toContain(picked.accountId);
      expect(await row.innerText()).toContain('Settle for less · pays CNY 1.00');
      await settled(second.page);
      await noSeriousViolations(second.page);
      await screenshot(second.page, 'console-line-hardship-approvals.en');
      await approve.click();
      await second.page.getByText('Approved and applied').first().waitFor();
      await approve.waitFor({ state: 'detached' });
    } finally {
      await second.context.close();
    }
    const settledLine = await call<LineView>(reviewer, 'GET', `/v1/lines/${picked.accountId}`);
    expect(settledLine.writtenOff?.settledOn).toBe(today);
    expect(settledLine.balances.payoff).toBe('0.00');

    // The case shows the result: both requests applied, the settlement decided by the reviewer.
    const back = await openAs(browser, 'collector', 'en');
    try {
      await back.page.goto(`${url}/console/collections/cases/${picked.caseId}`);
      await back.page.getByRole('heading', { name: `Collection case ${picked.caseId}` }).waitFor();
      const rows = back.page.locator('.hs-requests .ant-table-row');
      await rows.filter({ hasText: 'Settle for less' }).filter({ hasText: 'Applied' }).waitFor();
      expect(await rows.filter({ hasText: 'Applied' }).count()).toBe(2);
      expect(await rows.filter({ hasText: 'Settle for less' }).innerText()).toContain(
        demoStaff('reviewer').username,
      );
      await settled(back.page);
      await noSeriousViolations(back.page);
      await screenshot(back.page, 'console-line-hardship-case.en');
    } finally {
      await back.context.close();
    }
  }, 600_000);

  it('a credit line in zh-CN: a holiday refused by its rule in words, a waiver previewed with the API figures', async () => {
    const picked = lineCases[1] as (typeof lineCases)[number];
    const path = `/v1/lines/${picked.accountId}/hardship-requests/preview`;
    const owed = (await call<LinePreview>(collector, 'POST', path, waiverOf('0.01'))).before;
    const interest = owed.interest;
    const waiver = await call<LinePreview>(collector, 'POST', path, waiverOf(interest));
    expect(waiver.moneyEffect).toBe(interest);
    expect(waiver.after.payoff).toBe(yuanOf(fenOf(owed.payoff) - fenOf(interest)));
    const { context, page } = await openAs(browser, 'collector', 'zh-CN');
    try {
      await page.goto(`${url}/console/collections/cases/${picked.caseId}`);
      await page.getByRole('heading', { name: `催收案件 ${picked.caseId}` }).waitFor();
      await page.getByRole('button', { name: '领取', exact: true }).click();
      await page.getByRole('button', { name: '释放', exact: true }).waitFor();
      await page.getByRole('button', { name: '帮助该借款人' }).click();
      const drawer = page.getByRole('dialog', { name: `帮助该借款人 · 信用额度 ${picked.accountId}` });
      await drawer.waitFor();

      // A payment holiday on a line past due: refused by the rule `current`, said in words.
      await drawer.locator('.ant-radio-button-wrapper').filter({ hasText: '暂停最低还款' }).click();
      await drawer.getByLabel(/^免最低还款的账单数/).fill('2');
      await drawer.getByRole('button', { name: '预览结果' }).click();
      await drawer
        .getByTestId('hardship-refusal')
        .getByText('纾困方式：只有没有逾期的账户才能使用；有逾期时可以考虑减免或减额结清')
        .waitFor();

      await drawer.locator('.ant-radio-button-wrapper').filter({ hasText: '减免利息或费用' }).click();
      await drawer.getByLabel('减免利息（元，已出账和本期计提）').fill(interest);
      await drawer.getByRole('button', { name: '预览结果' }).click();
      const preview = drawer.getByTestId('hardship-preview');
      await preview.getByText('提交后立即生效').waitFor();
      expect(await lineFigures(preview)).toEqual(expectedFigures(waiver, 'zh-CN'));
      expect(await preview.getByTestId('hardship-line-effect').innerText()).toBe(
        `减免并不再收取：${shown(interest, 'zh-CN')}。`,
      );
      expect(await preview.getByTestId('hardship-message').locator('[lang="zh-CN"]').innerText()).toBe(
        waiver.customerMessage.zh,
      );
      await settled(page);
      await noSeriousViolations(page);
      await screenshot(page, 'console-line-hardship-preview.zh-CN');
    } finally {
      await context.close();
    }
  }, 300_000);
});
