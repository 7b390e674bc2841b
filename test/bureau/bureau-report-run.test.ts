import { afterAll, describe, expect, it } from 'vitest';
import { createPgBureauReportStore } from '../../src/bureau/bureau-reports.pg.ts';
import {
  DEFAULT_BUREAU_SETTINGS,
  decodeReportFile,
  type AccountMonth,
  type ReportableAccounts,
} from '../../src/bureau/index.ts';
import { runMonthlyReport, type ReportRunDeps } from '../../src/bureau/run-monthly-report.ts';
import { createSandboxBureauReporter } from '../../src/bureau/sandbox-bureau-reporter.node.ts';
import { purposeConsentAt, type ConsentPurpose } from '../../src/identity/index.ts';
import { SYSTEM_ACTOR } from '../../src/platform/audit/audit-log.ts';
import type { Money } from '../../src/platform/money/money.ts';
import type { LocalDate } from '../../src/platform/time/local-date.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storesUnderTest } from '../support/stores.ts';

/**
 * The monthly report and the advance notice before negative information (issue 17 item 3): an overdue
 * account is never reported as overdue unless its overdue episode's notice was sent at least the notice
 * period (7 days) before the report; the run sends the missing notice (a dated SMS with the amount and the
 * date it will be reported from, zh-CN and en) and holds the account; accounts of people without reporting
 * consent are left out; the file reads back against the layout; a month is reported once.
 */
const apps: TestApp[] = [];
afterAll(async () => {
  for (const t of apps) await t.app.stop();
});

const fen = (n: bigint) => n as Money;
const PEOPLE = [
  { externalId: 'ext-a', name: '张三', idNumber: '11010519491231002X', phone: '+86 138-1234-5678' },
  { externalId: 'ext-b', name: '李四', idNumber: '110105199001010010', phone: '+86 139-1234-5678' },
  { externalId: 'ext-c', name: '王五', idNumber: '440305199202020036', phone: '+86 137-1234-5678' },
];

describe.each(storesUnderTest())('monthly bureau report on $name', (store) => {
  it('notifies before negative information, holds it for the notice period, reports each month once', async () => {
    const t = await createTestApp({ store, now: new Date('2026-11-10T02:00:00Z') });
    apps.push(t);
    const { services } = t.app;
    const ids: string[] = [];
    for (const person of PEOPLE)
      ids.push((await services.customers.createCustomer(person)).customer.customerId);
    const [a, b, c] = ids as [string, string, string];
    // A and B consent to reporting (notice v1 published first); C does not.
    await t.app.http.inject({
      method: 'POST',
      url: '/v1/consent-notices',
      headers: t.auth('admin'),
      payload: {
        purpose: 'bureau_reporting',
        text: { zh: '报送征信。', en: 'We report your accounts to the credit bureau.' },
      },
    });
    for (const id of [a, b])
      await services.customers.recordConsent({ customerId: id, purpose: 'bureau_reporting', granted: true });

    // The accounts as the lending context would give them, by date.
    const overdueSince = '2026-10-15' as LocalDate;
    const accounts: ReportableAccounts = {
      accountsAt(date) {
        const overdue = date >= overdueSince;
        const list: AccountMonth[] = [
          {
            customerId: a,
            accountId: 'ln_A1',
            accountType: 'loan',
            openedOn: '2026-01-15' as LocalDate,
            amount: fen(1_000_000n),
            balance: fen(858_812n),
            overdueAmount: overdue ? fen(91_680n) : fen(0n),
            daysPastDue: overdue ? Math.round((Date.parse(date) - Date.parse(overdueSince)) / 86_400_000) : 0,
            overdueSince: overdue ? overdueSince : null,
            status: overdue ? 'overdue' : 'normal',
            closedOn: null,
          },
          {
            customerId: b,
            accountId: 'cl_B1',
            accountType: 'line',
            openedOn: '2026-03-01' as LocalDate,
            amount: fen(2_000_000n),
            balance: fen(120_000n),
            overdueAmount: fen(0n),
            daysPastDue: 0,
            overdueSince: null,
            status: 'normal',
            closedOn: null,
          },
          {
            customerId: c,
            accountId: 'ln_C1',
            accountType: 'loan',
            openedOn: '2026-02-01' as LocalDate,
            amount: fen(500_000n),
            balance: fen(300_000n),
            overdueAmount: fen(45_000n),
            daysPastDue: 20,
            overdueSince: '2026-10-11' as LocalDate,
            status: 'overdue',
            closedOn: null,
          },
        ];
        return Promise.resolve(list);
      },
    };
    const reporter = createSandboxBureauReporter(null);
    const deps: ReportRunDeps = {
      db: t.app.db,
      clock: t.clock,
      store: createPgBureauReportStore(),
      outbox: services.notifications.outbox,
      consents: {
        async inForce(customerId, purpose, at) {
          const { history } = await services.customers.listConsents(customerId);
          return purposeConsentAt(history, purpose as ConsentPurpose, at);
        },
      },
      settings: DEFAULT_BUREAU_SETTINGS,
      accounts,
      reporter,
      audit: services.audit,
    };

    // A month that has not ended is refused.
    await expect(runMonthlyReport(deps, { month: '2026-11', actor: SYSTEM_ACTOR })).rejects.toMatchObject({
      issues: [{ field: 'month', rule: 'month-ended' }],
    });

    // October, reported on 10 November: A's loan is overdue since 15 October and was never notified, so the
    // run notifies now (reportable from 17 November) and holds it; B is reported; C has no consent.
    const october = await runMonthlyReport(deps, { month: '2026-10', actor: SYSTEM_ACTOR });
    expect(october.created).toBe(true);
    expect(october.noticesSent).toBe(1);
    expect([october.run.records, october.run.held, october.run.withoutConsent]).toEqual([1, 1, 1]);
    const octoberFile = decodeReportFile(october.file?.content ?? '');
    if (!octoberFile.ok) throw new Error('the October file does not read back');
    expect(octoberFile.file.records.map((r) => [r.accountId, r.status])).toEqual([['cl_B1', 'N']]);
    expect(octoberFile.file.records.some((r) => r.overdueAmount > 0n)).toBe(false);

    // The notice: one SMS, dated, with the amount and the date it will be reported from, in both languages.
    const messages = await services.notifications.list(a, { limit: 10 });
    expect(messages.map((m) => [m.kind, m.subjectId, m.occasion, m.channel])).toEqual([
      ['bureau_negative_notice', 'ln_A1', 'bureau:2026-10-15', 'sms'],
    ]);
    expect(messages[0]?.text.en).toBe(
      'Your loan (ln_A1) is overdue: CNY 916.80 as of 31 Oct 2026. If it is still overdue, we will report it to the credit bureau from 17 Nov 2026, which may affect your credit record. Please repay as soon as you can; if you think this is wrong, you can appeal in the app.',
    );
    expect(messages[0]?.text.zh).toContain('¥916.80');
    expect(messages[0]?.text.zh).toContain('2026年11月17日');
    expect(await services.notifications.list(c, { limit: 10 })).toEqual([]);

    // Again: the month is reported once; nothing is sent again.
    const again = await runMonthlyReport(deps, { month: '2026-10', actor: SYSTEM_ACTOR });
    expect([again.created, again.noticesSent, again.run.fileSha256]).toEqual([
      false,
      0,
      october.run.fileSha256,
    ]);
    expect(reporter.files.size).toBe(1);

    // November, reported on 2 December (the notice period has passed): A is reported overdue, with the
    // episode's notice, and its history shows October as not reported.
    t.clock.set(new Date('2026-12-02T02:00:00Z'));
    const november = await runMonthlyReport(deps, { month: '2026-11', actor: SYSTEM_ACTOR });
    expect([november.run.records, november.run.held, november.noticesSent]).toEqual([2, 0, 0]);
    const novemberFile = decodeReportFile(november.file?.content ?? '');
    if (!novemberFile.ok) throw new Error('the November file does not read back');
    const loan = novemberFile.file.records.find((r) => r.accountId === 'ln_A1');
    expect(loan).toMatchObject({ status: 'O', overdueAmount: 91_680n, daysPastDue: 46 });
    expect(loan?.history).toBe(`${'/'.repeat(22)}/2`);
    const line = novemberFile.file.records.find((r) => r.accountId === 'cl_B1');
    expect(line?.history).toBe(`${'/'.repeat(22)}NN`);

    // What the customer's copy lists: the notice and both months' records.
    const use = await services.bureau.useOf(a);
    expect(use.notices.map((n) => [n.accountId, n.overdueSince, n.reportNotBefore, n.overdueAmount])).toEqual(
      [['ln_A1', '2026-10-15', '2026-11-17', 91_680n]],
    );
    expect(use.reported.map((r) => [r.month, r.disposition])).toEqual([
      ['2026-11', 'reported'],
      ['2026-10', 'held'],
    ]);
  });
});
