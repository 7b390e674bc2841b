import { en, zh, type LocalizedText } from '../platform/i18n/localized.ts';
import type { Money } from '../platform/money/money.ts';
import { addDays, type LocalDate } from '../platform/time/local-date.ts';
import type { AccountMonth, NegativeNotice } from './bureau-ports.ts';

/** Whether an account's month would carry negative information (overdue, or written off). */
export function isNegative(account: Pick<AccountMonth, 'overdueAmount' | 'daysPastDue' | 'status'>): boolean {
  return account.status === 'written_off' || account.overdueAmount > 0n || account.daysPastDue > 0;
}

/** The first date negative information may be reported after a notice sent on `notifiedOn`. */
export function reportNotBefore(notifiedOn: LocalDate, noticeDays: number): LocalDate {
  return addDays(notifiedOn, noticeDays);
}

/**
 * Whether the account's negative information may be reported on `reportDate`: its overdue episode's
 * notice was sent at least the notice period before. Without a notice, never.
 */
export function mayReportNegative(notice: NegativeNotice | undefined, reportDate: LocalDate): boolean {
  return notice !== undefined && notice.reportNotBefore <= reportDate;
}

/** The advance notice, in both languages: the account, the amount overdue on a date, and when it will be reported. */
export function negativeNoticeText(input: {
  readonly accountType: 'loan' | 'line';
  readonly accountId: string;
  readonly overdueAmount: Money;
  readonly asOf: LocalDate;
  readonly reportFrom: LocalDate;
}): LocalizedText {
  const { accountType, accountId, overdueAmount, asOf, reportFrom } = input;
  const zhAccount = accountType === 'loan' ? '借款' : '信用额度';
  const enAccount = accountType === 'loan' ? 'loan' : 'credit line';
  return {
    zh:
      `您的${zhAccount}（${accountId}）截至${zh.date(asOf)}已逾期，逾期金额${zh.money(overdueAmount)}。` +
      `如逾期未结清，我们将自${zh.date(reportFrom)}起按规定向征信机构报送该逾期信息，这可能影响您的信用记录。` +
      `请尽快还款；如有异议，可在App中提出申诉。`,
    en:
      `Your ${enAccount} (${accountId}) is overdue: ${en.money(overdueAmount)} as of ${en.date(asOf)}. ` +
      `If it is still overdue, we will report it to the credit bureau from ${en.date(reportFrom)}, which may affect your credit record. ` +
      `Please repay as soon as you can; if you think this is wrong, you can appeal in the app.`,
  };
}
