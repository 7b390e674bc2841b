import type { Database } from '../platform/database/database.ts';
import type { MessageOutbox } from '../platform/notifications/index.ts';
import type { Clock } from '../platform/time/clock.ts';
import { businessDateOf, type LocalDate } from '../platform/time/local-date.ts';
import type {
  AccountMonth,
  BureauReportStore,
  ConsentLookup,
  NegativeNotice,
  ReportableAccounts,
} from './bureau-ports.ts';
import type { BureauSettings } from './bureau-settings.ts';
import { isNegative, negativeNoticeText, reportNotBefore } from './negative-notices.ts';

export interface NoticeDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly store: BureauReportStore;
  readonly outbox: MessageOutbox;
  readonly consents: ConsentLookup;
  readonly settings: BureauSettings;
}

/** The purpose reporting to the bureau needs. */
export const REPORTING_PURPOSE = 'bureau_reporting';

/**
 * The advance notice for one negative account, if its overdue episode has none yet: a dated message through
 * the outbox (SMS) with the amount overdue and the date it will be reported from, and the notice row, in one
 * transaction (the message exists exactly when the notice does). Accounts whose person has not consented to
 * reporting are not reported, so they get no notice. Returns the notice in force for the episode.
 */
export async function noticeFor(
  deps: NoticeDeps,
  account: AccountMonth,
  asOf: LocalDate,
): Promise<{ notice: NegativeNotice | undefined; sent: boolean }> {
  if (!isNegative(account) || account.overdueSince === null) return { notice: undefined, sent: false };
  const existing = await deps.store.findNotice(
    deps.db,
    account.customerId,
    account.accountId,
    account.overdueSince,
  );
  if (existing) return { notice: existing, sent: false };
  const now = deps.clock.now();
  const notifiedOn = businessDateOf(now);
  const notice: NegativeNotice = {
    customerId: account.customerId,
    accountId: account.accountId,
    overdueSince: account.overdueSince,
    overdueAmount: account.overdueAmount,
    notifiedAt: now,
    reportNotBefore: reportNotBefore(notifiedOn, deps.settings.negativeNoticeDays),
    noticeDays: deps.settings.negativeNoticeDays,
  };
  if (notice.overdueAmount <= 0n) return { notice: undefined, sent: false };
  const sent = await deps.db.transaction(async (tx) => {
    if (!(await deps.store.insertNotice(tx, notice))) return false;
    await deps.outbox.write(tx, [
      {
        customerId: account.customerId,
        subjectId: account.accountId,
        occasion: `bureau:${account.overdueSince}`,
        content: {
          kind: 'bureau_negative_notice',
          params: {
            text: negativeNoticeText({
              accountType: account.accountType,
              accountId: account.accountId,
              overdueAmount: account.overdueAmount,
              asOf,
              reportFrom: notice.reportNotBefore,
            }),
          },
        },
      },
    ]);
    return true;
  });
  const stored = sent
    ? notice
    : await deps.store.findNotice(deps.db, account.customerId, account.accountId, account.overdueSince);
  return { notice: stored, sent };
}

export interface NoticeRunSummary {
  readonly asOf: LocalDate;
  readonly negative: number;
  readonly sent: number;
  readonly withoutConsent: number;
}

/**
 * Sends the advance notices due today: for every account negative at the end of yesterday (the last
 * complete day) whose person consents to reporting and whose overdue episode has no notice yet. Run it
 * daily (`credence bureau notify`), so the notice period has usually passed by the month's report.
 */
export async function sendNegativeNotices(
  deps: NoticeDeps & { readonly accounts: ReportableAccounts },
  options: { asOf?: LocalDate; onProgress?: (done: number, total: number) => void } = {},
): Promise<NoticeRunSummary> {
  const now = deps.clock.now();
  const asOf = options.asOf ?? businessDateOf(now);
  const accounts = await deps.accounts.accountsAt(asOf, options.onProgress);
  let negative = 0;
  let sent = 0;
  let withoutConsent = 0;
  for (const account of accounts) {
    if (!isNegative(account)) continue;
    negative += 1;
    if (!(await deps.consents.inForce(account.customerId, REPORTING_PURPOSE, now))) {
      withoutConsent += 1;
      continue;
    }
    if ((await noticeFor(deps, account, asOf)).sent) sent += 1;
  }
  return { asOf, negative, sent, withoutConsent };
}
