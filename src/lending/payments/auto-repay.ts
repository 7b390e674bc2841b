import { createHash } from 'node:crypto';
import { AppError } from '../../platform/errors/app-error.ts';
import { en, zh, type LocalizedText } from '../../platform/i18n/localized.ts';
import { subMoney, sumMoney, ZERO, type Money } from '../../platform/money/money.ts';
import { addDays, daysBetween, isLocalDate, type LocalDate } from '../../platform/time/local-date.ts';
import type { PaymentFailureReason } from './payment-provider.ts';

/**
 * Auto-repay (自动还款), the pure rules: when the day-end tries to collect what is due on an account from
 * the customer's bound card, how much, the notice the customer accepts, and what they are told when it
 * fails. The day-end step is `auto-repay-processor.ts`; the provider is behind `payment-provider.ts`.
 */

/** Which tries follow a due date: days after it (0 = the due date itself), from a date on. */
export interface AutoRepaySchedule {
  /** The first due date this schedule governs (a due date takes the latest schedule effective on it). */
  readonly effectiveFrom: LocalDate;
  /** Days after the due date on which to try: starts with 0, strictly increasing, at most 30, 1–5 tries. */
  readonly retryDays: readonly number[];
}

/** The default: on the due date, the day after, and three days after (day 0, +1, +3). */
export const DEFAULT_AUTO_REPAY_SCHEDULES: readonly AutoRepaySchedule[] = [
  { effectiveFrom: '2020-01-01' as LocalDate, retryDays: [0, 1, 3] },
];

/**
 * Validates dated schedules (the setting `CREDENCE_AUTO_REPAY_RETRY_DAYS` or `createApp({autoRepay})`):
 * at least one, dates strictly increasing, each with 1–5 tries on days 0…30 after the due date, starting on
 * the due date. Throws VALIDATION_FAILED naming the field and the rule.
 */
export function parseAutoRepaySchedules(input: unknown): AutoRepaySchedule[] {
  if (!Array.isArray(input) || input.length === 0)
    throw AppError.invalid('autoRepay', 'non-empty', 'give at least one dated auto-repay schedule');
  const schedules: AutoRepaySchedule[] = [];
  input.forEach((raw: unknown, index) => {
    const field = `autoRepay[${index}]`;
    if (typeof raw !== 'object' || raw === null)
      throw AppError.invalid(field, 'object', 'each schedule is {effectiveFrom, retryDays}');
    const { effectiveFrom, retryDays } = raw as Record<string, unknown>;
    if (typeof effectiveFrom !== 'string' || !isLocalDate(effectiveFrom))
      throw AppError.invalid(`${field}.effectiveFrom`, 'date', 'a date YYYY-MM-DD');
    const previous = schedules[schedules.length - 1];
    if (previous && effectiveFrom <= previous.effectiveFrom)
      throw AppError.invalid(
        `${field}.effectiveFrom`,
        'increasing',
        'schedules are listed by date, each later',
      );
    if (!Array.isArray(retryDays) || retryDays.length < 1 || retryDays.length > 5)
      throw AppError.invalid(`${field}.retryDays`, 'tries', '1 to 5 tries');
    retryDays.forEach((day: unknown, position) => {
      if (typeof day !== 'number' || !Number.isInteger(day) || day < 0 || day > 30)
        throw AppError.invalid(`${field}.retryDays`, 'day-range', 'each try is 0–30 days after the due date');
      if (position === 0 && day !== 0)
        throw AppError.invalid(
          `${field}.retryDays`,
          'first-on-due-date',
          'the first try is on the due date (0)',
        );
      if (position > 0 && day <= (retryDays[position - 1] as number))
        throw AppError.invalid(`${field}.retryDays`, 'increasing', 'tries are on increasing days');
    });
    schedules.push({ effectiveFrom, retryDays: [...(retryDays as number[])] });
  });
  return schedules;
}

/** The schedule governing a due date: the latest effective on or before it (none before the first). */
export function scheduleFor(
  schedules: readonly AutoRepaySchedule[],
  dueDate: LocalDate,
): AutoRepaySchedule | undefined {
  let found: AutoRepaySchedule | undefined;
  for (const schedule of schedules) if (schedule.effectiveFrom <= dueDate) found = schedule;
  return found;
}

/** One unpaid due date of an account and what is still owed on it (as the account's books say now). */
export interface UnpaidDue {
  readonly dueDate: LocalDate;
  readonly owed: Money;
}

/** What the day-end of a date tries to collect from an account, if anything. */
export interface PlannedCollection {
  /** The due date whose try this is (the latest unpaid due date that has a try on the date). */
  readonly dueDate: LocalDate;
  /** 1 on the due date, 2… for the retries. */
  readonly tryNumber: number;
  /** Everything due and unpaid on the account on the date (every due date on or before it). */
  readonly amount: Money;
  /** The next try of this due date, if the schedule has one. */
  readonly nextTry: LocalDate | null;
}

/**
 * Whether the day-end of `date` tries to collect from an account with these unpaid due dates: it does when
 * the date is a try day of one of them (the schedule in force on that due date), for the whole amount due
 * on or before the date — auto-repay pays what is due, never more (and an amount owed after the
 * provider's answer would only be held for the customer).
 */
export function planCollection(
  schedules: readonly AutoRepaySchedule[],
  unpaid: readonly UnpaidDue[],
  date: LocalDate,
): PlannedCollection | undefined {
  const due = unpaid.filter((item) => item.dueDate <= date && item.owed > 0n);
  const amount = sumMoney(due.map((item) => item.owed));
  if (amount <= 0n) return undefined;
  const newestFirst = [...due].sort((a, b) => (a.dueDate < b.dueDate ? 1 : -1));
  for (const item of newestFirst) {
    const schedule = scheduleFor(schedules, item.dueDate);
    if (!schedule) continue;
    const offset = daysBetween(item.dueDate, date);
    const index = schedule.retryDays.indexOf(offset);
    if (index < 0) continue;
    const next = schedule.retryDays[index + 1];
    return {
      dueDate: item.dueDate,
      tryNumber: index + 1,
      amount,
      nextTry: next === undefined ? null : addDays(item.dueDate, next),
    };
  }
  return undefined;
}

/** What is still owed on an instalment-like bill. */
export function owedOn(parts: readonly Money[], paid: readonly Money[]): Money {
  const owed = subMoney(sumMoney(parts), sumMoney(paid));
  return owed > 0n ? owed : ZERO;
}

/** A version of the auto-repay notice (the text a customer accepts when turning auto-repay on). */
export interface AutoRepayNotice {
  readonly version: number;
  readonly effectiveFrom: Date;
  readonly text: LocalizedText;
  /** SHA-256 (hex) of purpose, version and both texts, length-prefixed (the consent notices' layout). */
  readonly sha256: string;
}

/** The purpose recorded with every auto-repay consent. */
export const AUTO_REPAY_PURPOSE = 'auto_repay';

function hashOf(version: number, text: LocalizedText): string {
  const input = [AUTO_REPAY_PURPOSE, String(version), text.zh, text.en]
    .map((part) => `${part.length}:${part}`)
    .join('\n');
  return createHash('sha256').update(input, 'utf8').digest('hex');
}

function notice(version: number, effectiveFrom: string, text: LocalizedText): AutoRepayNotice {
  return { version, effectiveFrom: new Date(effectiveFrom), text, sha256: hashOf(version, text) };
}

/**
 * The auto-repay notice, versioned like the consent notices of 0821 (same hash layout, version in force =
 * the latest effective). Stored in `consent_notices` (purpose `auto_repay`) by migration 0824, which is
 * what the use cases read; this copy is the source that migration was written from (a test checks they
 * agree). A new text is a new version in a new migration.
 */
export const AUTO_REPAY_NOTICES: readonly AutoRepayNotice[] = [
  notice(1, '2026-01-01T00:00:00Z', {
    zh:
      '开通自动还款后，我们会在每期还款日从您选定的已绑定银行卡扣取当期应还金额（含已到期未还的本息、罚息与费用），' +
      '扣款失败时会在之后按公布的日期再次尝试，并短信告知您失败原因。每次扣款不超过当时应还的金额。' +
      '您可以随时在App中关闭自动还款，关闭后不再扣款。',
    en:
      'With auto-repay on, on each due date we collect what is due (principal, interest, penalty interest and fees ' +
      'due and unpaid) from the bound bank card you chose; if a collection fails we try again on the published ' +
      'days and tell you why by SMS. We never collect more than is due at the time. You can turn auto-repay off ' +
      'in the app at any time; from then on nothing is collected.',
  }),
];

/** The notice in force at an instant among `notices` (stored in `consent_notices`), if any. */
export function autoRepayNoticeAt(
  at: Date,
  notices: readonly AutoRepayNotice[] = AUTO_REPAY_NOTICES,
): AutoRepayNotice | undefined {
  let current: AutoRepayNotice | undefined;
  for (const candidate of notices) {
    if (candidate.effectiveFrom.getTime() <= at.getTime()) current = candidate;
  }
  return current;
}

const REASON_TEXT: Readonly<Record<PaymentFailureReason, LocalizedText>> = {
  insufficient_funds: { zh: '银行卡余额不足', en: 'the card did not hold enough money' },
  card_invalid: { zh: '银行卡无效或已注销', en: 'the card is no longer valid' },
  declined: { zh: '发卡银行拒绝了扣款', en: 'the bank that issued the card declined it' },
};

/** Why an attempt failed, in words the customer can act on (a provider's reason, or nothing left due). */
export function attemptFailureText(reason: PaymentFailureReason | 'account_settled'): LocalizedText {
  if (reason === 'account_settled')
    return {
      zh: '该期已无应还金额，未扣款',
      en: 'nothing was due any more, so nothing was collected',
    };
  return REASON_TEXT[reason];
}

export interface AutoRepayFailure {
  readonly product: 'cash_loan' | 'credit_line';
  readonly amount: Money;
  readonly cardLast4: string;
  readonly triedOn: LocalDate;
  readonly dueDate: LocalDate;
  readonly reason: PaymentFailureReason;
  /** The next try of this due date, or null after the last one. */
  readonly nextTry: LocalDate | null;
}

/** What the customer reads when a collection failed: what we tried, why it failed, what to do. */
export function autoRepayFailedText(f: AutoRepayFailure): LocalizedText {
  const accountZh = f.product === 'cash_loan' ? '借款' : '信用额度账单';
  const accountEn = f.product === 'cash_loan' ? 'loan' : 'credit line bill';
  const reason = REASON_TEXT[f.reason];
  const nextZh = f.nextTry
    ? `我们将于${zh.date(f.nextTry)}再次尝试扣款；请在此之前向该卡存入足够金额，或直接在App内还款。`
    : '这是本期最后一次自动扣款；请尽快在App内还款，逾期将产生罚息并可能影响您的信用记录。';
  const nextEn = f.nextTry
    ? `We will try again on ${en.date(f.nextTry)}: put enough money on the card before then, or pay in the app.`
    : 'That was the last automatic try for this due date: please pay in the app as soon as you can; late payment adds penalty interest and may affect your credit record.';
  return {
    zh: `${zh.date(f.triedOn)}，我们尝试从您尾号${f.cardLast4}的银行卡扣取${accountZh}应还款${zh.money(f.amount)}（还款日${zh.date(f.dueDate)}），扣款失败：${reason.zh}。${nextZh}`,
    en: `On ${en.date(f.triedOn)} we tried to collect ${en.money(f.amount)} due on your ${accountEn} (due ${en.date(f.dueDate)}) from your card ending ${f.cardLast4}. It failed: ${reason.en}. ${nextEn}`,
  };
}
