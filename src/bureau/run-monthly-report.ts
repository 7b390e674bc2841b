import type { AuditActor, AuditLog } from '../platform/audit/audit-log.ts';
import { AppError } from '../platform/errors/app-error.ts';
import {
  addMonths,
  businessDateOf,
  lastDayOfMonth,
  parseLocalDate,
  type LocalDate,
} from '../platform/time/local-date.ts';
import type {
  AccountMonth,
  BureauReporter,
  ReportableAccounts,
  ReportRun,
  StoredReportRecord,
} from './bureau-ports.ts';
import { isNegative, mayReportNegative } from './negative-notices.ts';
import {
  decodeReportFile,
  encodeReportFile,
  fileSha256,
  historyCode,
  HISTORY_MONTHS,
  LAYOUT_VERSION,
  type AccountStatusCode,
  type ReportRecord,
} from './report-layout.ts';
import { noticeFor, REPORTING_PURPOSE, type NoticeDeps } from './send-negative-notices.ts';

export interface ReportRunDeps extends NoticeDeps {
  readonly accounts: ReportableAccounts;
  readonly reporter: BureauReporter;
  readonly audit: AuditLog;
}

export interface ReportRunOutcome {
  readonly run: ReportRun;
  /** False when the month had been reported: the recorded run is returned and nothing is sent again. */
  readonly created: boolean;
  /** The file (only when created by this call). */
  readonly file: { readonly name: string; readonly content: string; readonly location: string } | null;
  /** Advance notices sent by this run (negative accounts whose episode had none). */
  readonly noticesSent: number;
}

const STATUS: Readonly<Record<AccountMonth['status'], AccountStatusCode>> = {
  normal: 'N',
  overdue: 'O',
  closed: 'C',
  written_off: 'W',
};

/** The status code of an account's month (an account with days past due is overdue, whatever its amount). */
function statusOf(account: AccountMonth): AccountStatusCode {
  if (account.status === 'normal' && account.daysPastDue > 0) return 'O';
  return STATUS[account.status];
}

/** `YYYY-MM` → its first day; refuses anything else. */
export function parseMonth(month: string): LocalDate {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw AppError.invalid('month', 'format', 'a month YYYY-MM');
  return parseLocalDate(`${month}-01`, 'month');
}

const monthOf = (date: LocalDate): string => date.slice(0, 7);

/** The months before `month`, oldest first (`count` of them). */
function monthsBefore(first: LocalDate, count: number): string[] {
  const months: string[] = [];
  for (let back = count; back >= 1; back -= 1) months.push(monthOf(addMonths(first, -back)));
  return months;
}

/**
 * The monthly report to the credit bureau (`credence bureau report --month 2026-11`): every loan and line
 * as it stood at the month's end, one record per account, in layout `CRM1`. An account is
 * - left out when its person has no `bureau_reporting` consent in force at the run (`no_consent`);
 * - held when it carries negative information (overdue or written off) and its overdue episode's advance
 *   notice was not sent at least the notice period before today — the run sends the missing notice now,
 *   and the account is reported on a later run once the period has passed;
 * - reported otherwise, with its 24-month status history from the months reported before.
 * The file is built, read back against the layout (round trip), submitted through the `BureauReporter`,
 * and the run with every account's disposition is recorded in one transaction. Idempotent per month: a
 * reported month is returned as it was, nothing is sent twice. Only a month that has ended can be reported.
 */
export async function runMonthlyReport(
  deps: ReportRunDeps,
  input: {
    readonly month: string;
    readonly actor: AuditActor;
    readonly onProgress?: (done: number, total: number) => void;
  },
): Promise<ReportRunOutcome> {
  const first = parseMonth(input.month);
  const monthEnd = lastDayOfMonth(first);
  const now = deps.clock.now();
  const today = businessDateOf(now);
  if (monthEnd >= today)
    throw AppError.invalid('month', 'month-ended', `${input.month} has not ended yet (today is ${today})`);
  const recorded = await deps.store.findRun(deps.db, input.month);
  if (recorded?.status === 'reported') return { run: recorded, created: false, file: null, noticesSent: 0 };
  const run = await deps.store.startRun(deps.db, {
    month: input.month,
    layoutVersion: LAYOUT_VERSION,
    monthEnd,
    startedAt: now,
  });

  const accounts = (await deps.accounts.accountsAt(monthEnd, input.onProgress)).filter(
    // A closed account is reported in the month it closed, then no more.
    (account) => account.closedOn === null || account.closedOn >= first,
  );
  const history = await historiesOf(deps, accounts, first);
  const stored: StoredReportRecord[] = [];
  const records: ReportRecord[] = [];
  let noticesSent = 0;
  for (const account of accounts) {
    const status = statusOf(account);
    const base = {
      customerId: account.customerId,
      month: input.month,
      accountId: account.accountId,
      accountType: account.accountType,
      accountStatus: status,
      balance: account.balance,
      overdueAmount: account.overdueAmount,
      daysPastDue: account.daysPastDue,
    };
    if (!(await deps.consents.inForce(account.customerId, REPORTING_PURPOSE, now))) {
      stored.push({ ...base, disposition: 'no_consent', noticeOccasion: null });
      continue;
    }
    if (isNegative(account)) {
      const { notice, sent } = await noticeFor(deps, account, monthEnd);
      if (sent) noticesSent += 1;
      const occasion = account.overdueSince;
      if (!mayReportNegative(notice, today)) {
        stored.push({ ...base, disposition: 'held', noticeOccasion: occasion });
        continue;
      }
      stored.push({ ...base, disposition: 'reported', noticeOccasion: occasion });
    } else {
      stored.push({ ...base, disposition: 'reported', noticeOccasion: null });
    }
    records.push({
      month: input.month,
      accountId: account.accountId,
      accountType: account.accountType === 'loan' ? 'LOAN' : 'LINE',
      subjectId: account.customerId,
      openedOn: account.openedOn,
      amount: account.amount,
      balance: account.balance,
      overdueAmount: account.overdueAmount,
      daysPastDue: account.daysPastDue,
      status,
      history:
        (history.get(account.accountId) ?? '/'.repeat(HISTORY_MONTHS - 1)) +
        historyCode(status, account.daysPastDue),
      closedOn: status === 'C' ? account.closedOn : null,
    });
  }

  const content = encodeReportFile({
    header: {
      layout: LAYOUT_VERSION,
      lenderCode: deps.settings.lenderCode,
      month: input.month,
      createdAt: run.startedAt.toISOString(),
      records: records.length,
    },
    records,
  });
  const check = decodeReportFile(content);
  if (!check.ok)
    throw new AppError(
      'INTERNAL',
      `the ${input.month} file does not read back: ${JSON.stringify(check.errors.slice(0, 3))}`,
    );
  const name = `${LAYOUT_VERSION}_${deps.settings.lenderCode}_${input.month.replace('-', '')}.txt`;
  const sha256 = fileSha256(content);
  const { location } = await deps.reporter.submit(name, content);
  const held = stored.filter((record) => record.disposition === 'held').length;
  const withoutConsent = stored.filter((record) => record.disposition === 'no_consent').length;
  const finished = await deps.db.transaction(async (tx) => {
    const locked = await deps.store.lockRun(tx, input.month);
    if (locked?.status === 'reported') return { run: locked, created: false };
    await deps.store.insertRecords(tx, stored);
    await deps.store.finishRun(tx, input.month, {
      finishedAt: deps.clock.now(),
      fileName: name,
      fileSha256: sha256,
      records: records.length,
      held,
      withoutConsent,
    });
    await deps.audit.record(
      {
        actor: input.actor,
        action: 'bureau.report',
        subject: { type: 'bureau-report', id: input.month },
        outcome: 'ok',
        details: {
          fileName: name,
          sha256,
          records: records.length,
          held,
          withoutConsent,
          noticesSent,
          location,
        },
      },
      tx,
    );
    const done = await deps.store.findRun(tx, input.month);
    if (!done) throw new AppError('INTERNAL', `the ${input.month} run vanished`);
    return { run: done, created: true };
  });
  return {
    ...finished,
    file: finished.created ? { name, content, location } : null,
    noticesSent,
  };
}

/** The status history before this month (23 characters, oldest first) of each account, from the months reported. */
async function historiesOf(
  deps: ReportRunDeps,
  accounts: readonly AccountMonth[],
  first: LocalDate,
): Promise<Map<string, string>> {
  const months = monthsBefore(first, HISTORY_MONTHS - 1);
  const from = months[0] ?? monthOf(first);
  const to = months[months.length - 1] ?? monthOf(first);
  const reported = await deps.store.reportedBetween(
    deps.db,
    accounts.map((account) => account.accountId),
    from,
    to,
  );
  const byAccount = new Map<string, Map<string, string>>();
  for (const record of reported) {
    const codes = byAccount.get(record.accountId) ?? new Map<string, string>();
    codes.set(record.month, historyCode(record.accountStatus, record.daysPastDue));
    byAccount.set(record.accountId, codes);
  }
  const histories = new Map<string, string>();
  for (const account of accounts) {
    const codes = byAccount.get(account.accountId);
    histories.set(account.accountId, months.map((month) => codes?.get(month) ?? '/').join(''));
  }
  return histories;
}
