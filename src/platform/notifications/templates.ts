import { en, zh, type LocalizedText } from '../i18n/localized.ts';
import { ZERO, type Money } from '../money/money.ts';
import type { LocalDate } from '../time/local-date.ts';

/**
 * What the lender tells a customer about their accounts, typed by kind: each kind has its parameters (the
 * figures the system used, in fen and dates) and one template per language. Texts are rendered once, when
 * the message is written, and stored with their parameters.
 */

/** Which account a servicing message is about: a cash loan's instalment, or a credit line's statement. */
export type ServicedProduct = 'loan' | 'line';

export const DUE_REMINDER_KINDS = ['due_in_3_days', 'due_tomorrow', 'due_today'] as const;
export type DueReminderKind = (typeof DUE_REMINDER_KINDS)[number];
/** Days before the due date each reminder is for. */
export const DUE_REMINDER_DAYS: Readonly<Record<DueReminderKind, number>> = {
  due_in_3_days: 3,
  due_tomorrow: 1,
  due_today: 0,
};

export const OVERDUE_KINDS = ['overdue_day_1', 'overdue_day_7', 'overdue_day_30'] as const;
export type OverdueKind = (typeof OVERDUE_KINDS)[number];
export const OVERDUE_DAYS: Readonly<Record<OverdueKind, number>> = {
  overdue_day_1: 1,
  overdue_day_7: 7,
  overdue_day_30: 30,
};

export interface DueReminderParams {
  readonly product: ServicedProduct;
  readonly dueDate: LocalDate;
  /** Loan: the instalment less money held for the customer. Line: what is unpaid on the statement. */
  readonly amountDue: Money;
  /** Lines only: the minimum payment still to pay by the due date. */
  readonly minimumDue?: Money;
}

export interface PaymentReceivedParams {
  readonly product: ServicedProduct;
  readonly amount: Money;
  readonly principal: Money;
  readonly interest: Money;
  /** Penalty interest (loans) or instalment fees (lines) paid. */
  readonly charges: Money;
  /** Kept for the customer (paid beyond what was owed). */
  readonly held: Money;
  /** Everything still owed after the payment (principal, billed or not, interest and charges). */
  readonly owedAfter: Money;
}

/** A payment that did not stand (returned by the bank or charged back), undone on the books. */
export interface PaymentReversedParams {
  readonly product: ServicedProduct;
  readonly amount: Money;
  /** The day the payment had been received. */
  readonly paidOn: LocalDate;
  readonly reason: 'returned' | 'chargeback';
  /** Everything owed after the reversal (principal, billed or not, interest and charges). */
  readonly owedAfter: Money;
  /** Days past due after the reversal (0: nothing overdue). */
  readonly daysPastDue: number;
}

export interface OverdueParams {
  readonly product: ServicedProduct;
  readonly daysPastDue: number;
  /** The first due date missed. */
  readonly dueDate: LocalDate;
  /** What fell due and is unpaid (penalty accrued so far included for loans). */
  readonly amountOverdue: Money;
}

/**
 * The collections strategy's own notice on a day past due that the overdue notices (days 1, 7, 30) leave
 * out (e.g. 15, 45, 61): the same figures as an overdue notice, and what paying does.
 */
export interface CollectionsNoticeParams {
  readonly product: ServicedProduct;
  readonly daysPastDue: number;
  /** The first due date missed. */
  readonly dueDate: LocalDate;
  /** What fell due and is unpaid, as the day-end left it. */
  readonly amountOverdue: Money;
}

export interface StatementReadyParams {
  readonly statementDate: LocalDate;
  readonly dueDate: LocalDate;
  readonly statementBalance: Money;
  readonly minimumPayment: Money;
}

export interface LimitChangedParams {
  readonly oldLimit: Money;
  readonly newLimit: Money;
}

export interface PlanCreatedParams {
  readonly principal: Money;
  readonly term: number;
  /** The first period's principal and fee (later periods may differ by the fen of the split). */
  readonly firstPrincipal: Money;
  readonly feePerPeriod: Money;
}

export interface PlanChangedParams {
  /** Principal taken off the periods not yet billed. */
  readonly refunded: Money;
  /** Principal still to be billed, and over how many periods (0 when the plan was cancelled). */
  readonly principalLeft: Money;
  readonly periodsLeft: number;
}

/** A hardship change applied to a cash loan (issue 15, item 4): what changed, in the figures it bills. */
export interface LoanHardshipParams {
  readonly tool: 'reschedule' | 're-age' | 'holiday' | 'waiver' | 'settlement';
  /** Holiday: how many instalments are skipped. */
  readonly skipped: number;
  /** Instalments still to pay, the next one's date and amount, and the last due date (null when none). */
  readonly instalmentsLeft: number;
  readonly nextDueDate: LocalDate | null;
  readonly nextAmount: Money | null;
  readonly lastDueDate: LocalDate | null;
  /** Waiver: interest and penalty waived. */
  readonly waived: Money | null;
  /** Settlement: what the customer paid, and what was written off. */
  readonly paid: Money | null;
  readonly writtenOff: Money | null;
  /** Everything owed after the change (principal, interest and penalty). */
  readonly owedAfter: Money;
}

/**
 * A credit line written off (charged off, issue 15 item 6): the day, what was owed then, what is still owed.
 * Spending on the line has stopped; the debt stands.
 */
export interface LineWrittenOffParams {
  readonly writtenOffOn: LocalDate;
  /** Everything owed when it was written off (principal, interest and fees). */
  readonly writtenOff: Money;
  /** Still owed: written off less recovered since. */
  readonly owed: Money;
}

/**
 * Hardship help on a credit line (issue 15 item 4 for lines; so far the goodwill waiver): what was waived by
 * kind, and the line after it — everything owed, what is left of the minimum payments, days past due.
 */
export interface LineHardshipParams {
  readonly tool: 'waiver' | 'settlement' | 'holiday' | 're-age' | 'reschedule';
  /** waiver: what was waived by kind (0 for a settlement). */
  readonly interest: Money;
  readonly fees: Money;
  readonly lateFees: Money;
  /**
   * settlement: what the customer paid for it (the agreed amount, with money held used as well) and the rest
   * written off and forgiven; money held for the customer after it (absent on a waiver).
   */
  readonly paid?: Money;
  readonly writtenOff?: Money;
  readonly heldAfter?: Money;
  /** holiday: how many of the next statements ask no minimum payment (absent otherwise). */
  readonly statements?: number;
  /** re-age: the next due date that asks a payment (absent otherwise). */
  readonly nextDueDate?: LocalDate;
  /** reschedule: the workout plan — its figures exactly as set up (absent otherwise). */
  readonly workout?: LineWorkoutParams;
  readonly owedAfter: Money;
  readonly minimumDue: Money;
  readonly daysPastDue: number;
}

/** A workout plan a line's balance was moved into (a hardship reschedule). */
export interface LineWorkoutParams {
  /** Everything moved into the plan. */
  readonly amount: Money;
  readonly instalments: number;
  /** The annual rate, as shown ("6.00%"). */
  readonly rate: string;
  /** The plan's charges in all. */
  readonly totalCharge: Money;
  readonly firstDueDate: LocalDate;
  /** Instalment 1: principal part + charge. */
  readonly firstInstalment: Money;
  readonly lastDueDate: LocalDate;
  readonly lastInstalment: Money;
}

/** Money received on a written-off line: what it paid of the debt, what is still owed, anything kept. */
export interface LineRecoveryParams {
  readonly amount: Money;
  /** Of `amount`, what paid the debt written off. */
  readonly recovered: Money;
  /** Still owed after it. */
  readonly owedAfter: Money;
  /** Paid beyond the debt, kept for the customer (to be paid back to them). */
  readonly held: Money;
}

/**
 * Messages another context has already worded and recorded in its own outbox (appeals, referral reviews),
 * handed over here for delivery: their text is carried as it was written.
 */
export const FORWARDED_KINDS = [
  'appeal_received',
  'appeal_queued',
  'appeal_resolved',
  'appeal_withdrawn',
  'referral_decided',
  // The advance notice before negative information is reported to the credit bureau (src/bureau).
  'bureau_negative_notice',
  // An auto-repay collection from the customer's card that failed (src/lending/payments).
  'auto_repay_failed',
  // Money held for the customer paid back to their card through the provider, or a pay-out that failed
  // (src/lending/payments).
  'payout_sent',
  'payout_failed',
  // The answer to a person's correction of their data (更正 / 异议, src/privacy): what was decided and why.
  'correction_answered',
] as const;
export type ForwardedKind = (typeof FORWARDED_KINDS)[number];

export interface ForwardedParams {
  readonly text: LocalizedText;
}

export type MessageContent =
  | { readonly kind: DueReminderKind; readonly params: DueReminderParams }
  | { readonly kind: 'payment_received'; readonly params: PaymentReceivedParams }
  | { readonly kind: 'payment_reversed'; readonly params: PaymentReversedParams }
  | { readonly kind: OverdueKind; readonly params: OverdueParams }
  | { readonly kind: 'collections_notice'; readonly params: CollectionsNoticeParams }
  | { readonly kind: 'statement_ready'; readonly params: StatementReadyParams }
  | { readonly kind: 'limit_changed'; readonly params: LimitChangedParams }
  | { readonly kind: 'plan_created'; readonly params: PlanCreatedParams }
  | { readonly kind: 'plan_changed'; readonly params: PlanChangedParams }
  | { readonly kind: 'loan_hardship_applied'; readonly params: LoanHardshipParams }
  | { readonly kind: 'line_written_off'; readonly params: LineWrittenOffParams }
  | { readonly kind: 'line_recovery_received'; readonly params: LineRecoveryParams }
  | { readonly kind: 'line_hardship_applied'; readonly params: LineHardshipParams }
  | { readonly kind: ForwardedKind; readonly params: ForwardedParams };

export type MessageKind = MessageContent['kind'];

export const MESSAGE_KINDS: readonly MessageKind[] = [
  ...DUE_REMINDER_KINDS,
  'payment_received',
  'payment_reversed',
  ...OVERDUE_KINDS,
  'collections_notice',
  'statement_ready',
  'limit_changed',
  'plan_created',
  'plan_changed',
  'loan_hardship_applied',
  'line_written_off',
  'line_recovery_received',
  'line_hardship_applied',
  ...FORWARDED_KINDS,
];

const WHEN_ZH: Readonly<Record<DueReminderKind, string>> = {
  due_in_3_days: '3天后',
  due_tomorrow: '明天',
  due_today: '今天',
};
const WHEN_EN: Readonly<Record<DueReminderKind, string>> = {
  due_in_3_days: 'in 3 days',
  due_tomorrow: 'tomorrow',
  due_today: 'today',
};

function dueReminder(kind: DueReminderKind, p: DueReminderParams): LocalizedText {
  if (p.product === 'loan') {
    return {
      zh: `您的借款本期应还${zh.money(p.amountDue)}，还款日是${WHEN_ZH[kind]}（${zh.date(p.dueDate)}）。请在当天结束前还款，或确保扣款账户余额充足。`,
      en: `Your loan instalment of ${en.money(p.amountDue)} is due ${WHEN_EN[kind]} (${en.date(p.dueDate)}). Please pay it by the end of that day, or make sure your repayment account holds enough.`,
    };
  }
  const minimum = p.minimumDue ?? p.amountDue;
  // Nothing of the minimum left (paid already, or a statement on a payment holiday): no "minimum ¥0.00".
  if (minimum <= 0n)
    return {
      zh: `您的信用额度账单待还${zh.money(p.amountDue)}，还款日是${WHEN_ZH[kind]}（${zh.date(p.dueDate)}）。本期已没有需要还的最低还款，不会逾期；在还款日前还清全部可免利息。`,
      en: `Your credit line statement has ${en.money(p.amountDue)} to pay, due ${WHEN_EN[kind]} (${en.date(p.dueDate)}). No minimum payment is left to pay on it, so you will not be overdue; pay it all by then to avoid interest.`,
    };
  return {
    zh: `您的信用额度账单待还${zh.money(p.amountDue)}，最低还款${zh.money(minimum)}，还款日是${WHEN_ZH[kind]}（${zh.date(p.dueDate)}）。还清全部可免利息；至少还最低还款可避免逾期。`,
    en: `Your credit line statement has ${en.money(p.amountDue)} to pay, minimum ${en.money(minimum)}, due ${WHEN_EN[kind]} (${en.date(p.dueDate)}). Pay it all to avoid interest; pay at least the minimum to avoid being overdue.`,
  };
}

function paymentReceived(p: PaymentReceivedParams): LocalizedText {
  const account = {
    zh: p.product === 'loan' ? '借款' : '信用额度',
    en: p.product === 'loan' ? 'loan' : 'credit line',
  };
  const chargesZh = p.product === 'loan' ? '罚息' : '分期手续费';
  const chargesEn = p.product === 'loan' ? 'penalty interest' : 'instalment fees';
  const heldZh = p.held > 0n ? `多还的${zh.money(p.held)}已为您保留，将用于下次还款。` : '';
  const heldEn =
    p.held > 0n
      ? ` The ${en.money(p.held)} paid beyond what was owed is kept for you and used on your next payment.`
      : '';
  return {
    zh: `已收到您的${account.zh}还款${zh.money(p.amount)}：本金${zh.money(p.principal)}，利息${zh.money(p.interest)}，${chargesZh}${zh.money(p.charges)}。目前还欠${zh.money(p.owedAfter)}。${heldZh}`,
    en: `We received your ${account.en} payment of ${en.money(p.amount)}: ${en.money(p.principal)} principal, ${en.money(p.interest)} interest, ${en.money(p.charges)} ${chargesEn}. You now owe ${en.money(p.owedAfter)}.${heldEn}`,
  };
}

function lineWrittenOff(p: LineWrittenOffParams): LocalizedText {
  return {
    zh: `您的信用额度已于${zh.date(p.writtenOffOn)}停止使用并核销，核销时欠款${zh.money(p.writtenOff)}。核销不免除债务：目前仍欠${zh.money(p.owed)}，此后不再计息、不再收取费用。请在App内还款，每笔还款都会减少欠款。`,
    en: `Your credit line was closed for spending and written off on ${en.date(p.writtenOffOn)}, owing ${en.money(p.writtenOff)}. Writing it off does not cancel the debt: you still owe ${en.money(p.owed)}, with no further interest or fees. Please pay in the app; every payment reduces what you owe.`,
  };
}

function lineRecovery(p: LineRecoveryParams): LocalizedText {
  // A line that owes nothing (settled for less, or recovered in full): the money is only held for them.
  if (p.recovered === 0n && p.owedAfter === 0n)
    return {
      zh: `已收到您转入信用额度的${zh.money(p.amount)}。该额度已没有欠款，这笔钱已为您保留，可申请退回。`,
      en: `We received ${en.money(p.amount)} on your credit line. You owe nothing on it, so the money is kept for you and can be paid back to you.`,
    };
  const heldZh = p.held > 0n ? `多付的${zh.money(p.held)}已为您保留，可申请退回。` : '';
  const heldEn =
    p.held > 0n ? ` The ${en.money(p.held)} paid beyond it is kept for you and can be paid back to you.` : '';
  return {
    zh: `已收到您对已核销信用额度的还款${zh.money(p.amount)}，其中${zh.money(p.recovered)}用于偿还欠款，目前还欠${zh.money(p.owedAfter)}。${heldZh}`,
    en: `We received ${en.money(p.amount)} on your written-off credit line: ${en.money(p.recovered)} went to what you owe, and you now owe ${en.money(p.owedAfter)}.${heldEn}`,
  };
}

function lineSettlement(p: LineHardshipParams): LocalizedText {
  const paid = p.paid ?? ZERO;
  const writtenOff = p.writtenOff ?? ZERO;
  const heldAfter = p.heldAfter ?? ZERO;
  const held =
    heldAfter > 0n
      ? {
          zh: `我们为您保留的${zh.money(heldAfter)}可申请退回。`,
          en: ` The ${en.money(heldAfter)} we hold for you can be paid back to you on request.`,
        }
      : { zh: '', en: '' };
  return {
    zh: `您的信用额度已按协商结清：您支付了${zh.money(paid)}，其余${zh.money(writtenOff)}不再向您收取。该额度已停止使用，目前不再欠款。${held.zh}`,
    en: `Your credit line is settled as agreed: you paid ${en.money(paid)} and the remaining ${en.money(writtenOff)} will not be asked of you. The line is closed for spending and you owe nothing more.${held.en}`,
  };
}

function lineHoliday(p: LineHardshipParams): LocalizedText {
  const n = p.statements ?? 0;
  return {
    zh: `我们已为您的信用额度安排还款假期：接下来${n}期账单无最低还款，到期不算逾期，也不收违约金。利息仍按原利率计算并照常出账，假期后的第一期账单的最低还款会包括这些利息。目前共欠${zh.money(p.owedAfter)}。`,
    en: `We have given your credit line a payment holiday: your next ${n} ${n === 1 ? 'statement asks' : 'statements ask'} no minimum payment, so nothing is overdue on their due dates and no late fee is charged. Interest still accrues at your rate and is billed as usual; the first statement after the holiday includes it in its minimum. You owe ${en.money(p.owedAfter)} in all.`,
  };
}

function lineReAge(p: LineHardshipParams): LocalizedText {
  const next = p.nextDueDate
    ? {
        zh: `下一个还款日是${zh.date(p.nextDueDate)}，请在当天结束前至少还清该期最低还款。`,
        en: ` Your next due date is ${en.date(p.nextDueDate)}: please pay at least that statement's minimum by the end of that day.`,
      }
    : { zh: '', en: '' };
  return {
    zh: `您的信用额度已恢复为正常状态：之前未还的最低还款不再算作逾期，此后也不再为其收取违约金。欠款没有减免，您目前共欠${zh.money(p.owedAfter)}，下一期账单的最低还款按此计算。${next.zh}`,
    en: `Your credit line is up to date again: the minimum payments you missed no longer count as overdue, and no more late fees are charged for them. Nothing was forgiven: you still owe ${en.money(p.owedAfter)} in all, and your next statement's minimum payment is worked out on it.${next.en}`,
  };
}

function lineWorkout(p: LineHardshipParams): LocalizedText {
  const w = p.workout;
  if (!w) return { zh: '', en: '' };
  const charge =
    w.totalCharge > 0n
      ? {
          zh: `年利率${w.rate}，只对本金计息，利息共${zh.money(w.totalCharge)}`,
          en: `at ${w.rate} a year, charged on the principal only (${en.money(w.totalCharge)} in all)`,
        }
      : { zh: '不再计息', en: 'with no interest' };
  const overdue =
    p.daysPastDue > 0
      ? {
          zh: `在您还清第一期之前，账户仍按逾期${p.daysPastDue}天计算；之后如有任何一期未按时还款，账户将再次逾期。`,
          en: ` Until you pay the first instalment the line still counts as ${p.daysPastDue} ${p.daysPastDue === 1 ? 'day' : 'days'} overdue; after that, any instalment not paid on time makes it overdue again.`,
        }
      : {
          zh: '如有任何一期未按时还款，账户将再次逾期。',
          en: ' Any instalment not paid on time makes the line overdue again.',
        };
  return {
    zh: `您的信用额度全部欠款${zh.money(w.amount)}已转为${w.instalments}期分期还款，${charge.zh}。第一期${zh.money(w.firstInstalment)}，还款日${zh.date(w.firstDueDate)}；最后一期${zh.money(w.lastInstalment)}，还款日${zh.date(w.lastDueDate)}；每期随账单还款。还清之前，该额度暂停使用。${overdue.zh}`,
    en: `Everything you owe on your credit line, ${en.money(w.amount)}, is now a plan of ${w.instalments} monthly instalments ${charge.en}. The first, ${en.money(w.firstInstalment)}, is due on ${en.date(w.firstDueDate)} and the last, ${en.money(w.lastInstalment)}, on ${en.date(w.lastDueDate)}; each is on your statement. The line is closed for new spending until the plan is paid.${overdue.en}`,
  };
}

function lineHardship(p: LineHardshipParams): LocalizedText {
  if (p.tool === 'reschedule') return lineWorkout(p);
  if (p.tool === 'settlement') return lineSettlement(p);
  if (p.tool === 're-age') return lineReAge(p);
  if (p.tool === 'holiday') return lineHoliday(p);
  const parts = [
    { amount: p.interest, zh: '利息', en: 'interest' },
    { amount: p.fees, zh: '分期手续费', en: 'instalment fees' },
    { amount: p.lateFees, zh: '违约金', en: 'late fees' },
  ].filter((part) => part.amount > 0n);
  const zhParts = parts.map((part) => `${part.zh}${zh.money(part.amount)}`).join('、');
  const enParts = parts.map((part) => `${en.money(part.amount)} of ${part.en}`).join(', ');
  const minimum =
    p.minimumDue > 0n
      ? {
          zh: `最低还款还需还${zh.money(p.minimumDue)}。`,
          en: ` ${en.money(p.minimumDue)} of your minimum payment is still to pay.`,
        }
      : { zh: '', en: '' };
  const overdue =
    p.daysPastDue > 0
      ? {
          zh: `目前逾期${p.daysPastDue}天。`,
          en: ` You are ${p.daysPastDue} ${p.daysPastDue === 1 ? 'day' : 'days'} overdue.`,
        }
      : { zh: '', en: '' };
  return {
    zh: `我们已为您减免信用额度的${zhParts}。目前共欠${zh.money(p.owedAfter)}。${minimum.zh}${overdue.zh}`,
    en: `We have waived ${enParts} on your credit line. You owe ${en.money(p.owedAfter)} in all.${minimum.en}${overdue.en}`,
  };
}

function paymentReversed(p: PaymentReversedParams): LocalizedText {
  const account = {
    zh: p.product === 'loan' ? '借款' : '信用额度',
    en: p.product === 'loan' ? 'loan' : 'credit line',
  };
  const why =
    p.reason === 'returned'
      ? { zh: '被付款银行退回', en: 'was returned by the paying bank' }
      : { zh: '被撤销（拒付）', en: 'was charged back' };
  const now =
    p.daysPastDue > 0
      ? {
          zh: `目前还欠${zh.money(p.owedAfter)}，已逾期${p.daysPastDue}天，请尽快在App内还款。`,
          en: `You now owe ${en.money(p.owedAfter)} and are ${p.daysPastDue} ${p.daysPastDue === 1 ? 'day' : 'days'} overdue; please pay in the app as soon as you can.`,
        }
      : {
          zh: `目前还欠${zh.money(p.owedAfter)}，请按时还款。`,
          en: `You now owe ${en.money(p.owedAfter)}; please pay it by its due dates.`,
        };
  return {
    zh: `您${zh.date(p.paidOn)}的${account.zh}还款${zh.money(p.amount)}${why.zh}，这笔还款已撤回，账户已按未收到此款重新计算。${now.zh}如有疑问，请联系我们。`,
    en: `Your ${account.en} payment of ${en.money(p.amount)} on ${en.date(p.paidOn)} ${why.en}, so it has been undone and your account recalculated as if it had not been made. ${now.en} If you have questions, contact us.`,
  };
}

function overdue(p: OverdueParams): LocalizedText {
  const what = {
    zh: p.product === 'loan' ? '借款' : '信用额度账单',
    en: p.product === 'loan' ? 'loan instalment' : 'credit line statement',
  };
  const later =
    p.product === 'loan'
      ? { zh: '逾期期间每天产生罚息', en: 'Penalty interest is charged for every day it stays unpaid' }
      : { zh: '逾期期间未还本金每天计息', en: 'Interest is charged on the unpaid principal every day' };
  return {
    zh: `您${zh.date(p.dueDate)}到期的${what.zh}已逾期${p.daysPastDue}天，逾期金额${zh.money(p.amountOverdue)}。${later.zh}，并可能影响您的信用记录。请尽快在App内还款；如有困难，请联系我们商量还款安排。`,
    en: `Your ${what.en} due on ${en.date(p.dueDate)} is ${p.daysPastDue} ${p.daysPastDue === 1 ? 'day' : 'days'} overdue: ${en.money(p.amountOverdue)} is unpaid. ${later.en}, and it may harm your credit record. Please pay in the app as soon as you can; if you are in difficulty, contact us to agree a way to repay.`,
  };
}

function collectionsNotice(p: CollectionsNoticeParams): LocalizedText {
  const what = {
    zh: p.product === 'loan' ? '借款' : '信用额度账单',
    en: p.product === 'loan' ? 'loan' : 'credit line statement',
  };
  const cure =
    p.product === 'loan'
      ? {
          zh: '还清逾期金额后，借款即恢复正常',
          en: 'Paying the overdue amount brings your loan back up to date',
        }
      : {
          zh: '还清逾期的最低还款后，额度即恢复正常',
          en: 'Paying the overdue minimum payments brings your line back up to date',
        };
  return {
    zh: `您${zh.date(p.dueDate)}到期的${what.zh}已逾期${p.daysPastDue}天，逾期金额${zh.money(p.amountOverdue)}。${cure.zh}，逾期越久对您的信用记录影响越大。请尽快在App内还款；如暂时无法全额还款，请联系我们约定还款日期和金额。`,
    en: `Your ${what.en} due on ${en.date(p.dueDate)} is ${p.daysPastDue} days overdue: ${en.money(p.amountOverdue)} is unpaid. ${cure.en}; the longer it stays overdue, the more it harms your credit record. Please pay in the app as soon as you can; if you cannot pay it all now, contact us to agree a date and an amount.`,
  };
}

function statementReady(p: StatementReadyParams): LocalizedText {
  return {
    zh: `您${zh.date(p.statementDate)}的信用额度账单已出：本期应还${zh.money(p.statementBalance)}，最低还款${zh.money(p.minimumPayment)}，还款日${zh.date(p.dueDate)}。`,
    en: `Your credit line statement of ${en.date(p.statementDate)} is ready: ${en.money(p.statementBalance)} to pay, minimum ${en.money(p.minimumPayment)}, due on ${en.date(p.dueDate)}.`,
  };
}

function limitChanged(p: LimitChangedParams): LocalizedText {
  const up = p.newLimit > p.oldLimit;
  return {
    zh: `您的信用额度已由${zh.money(p.oldLimit)}${up ? '提高' : '调整'}为${zh.money(p.newLimit)}。`,
    en: `Your credit limit has been ${up ? 'raised' : 'changed'} from ${en.money(p.oldLimit)} to ${en.money(p.newLimit)}.`,
  };
}

function planCreated(p: PlanCreatedParams): LocalizedText {
  return {
    zh: `您已将${zh.money(p.principal)}分${p.term}期还款：每期本金约${zh.money(p.firstPrincipal)}，手续费${zh.money(p.feePerPeriod)}，随每期账单还款。`,
    en: `You have split ${en.money(p.principal)} into ${p.term} monthly instalments: about ${en.money(p.firstPrincipal)} principal and a ${en.money(p.feePerPeriod)} fee each, paid with each statement.`,
  };
}

function planChanged(p: PlanChangedParams): LocalizedText {
  if (p.periodsLeft === 0 || p.principalLeft === 0n) {
    return {
      zh: `退款${zh.money(p.refunded)}已冲抵您的分期，剩余各期已取消，不再收取手续费。`,
      en: `A refund of ${en.money(p.refunded)} has paid off your instalment plan: the remaining instalments are cancelled and no more fees are charged.`,
    };
  }
  return {
    zh: `退款${zh.money(p.refunded)}已冲抵您的分期：剩余本金${zh.money(p.principalLeft)}，分${p.periodsLeft}期还款。`,
    en: `A refund of ${en.money(p.refunded)} has been taken off your instalment plan: ${en.money(p.principalLeft)} principal is left, over ${p.periodsLeft} instalments.`,
  };
}

function loanHardship(p: LoanHardshipParams): LocalizedText {
  const next =
    p.nextDueDate !== null && p.nextAmount !== null
      ? {
          zh: `还剩${p.instalmentsLeft}期，下期${zh.date(p.nextDueDate)}应还${zh.money(p.nextAmount)}${p.lastDueDate ? `，最后一期${zh.date(p.lastDueDate)}` : ''}。`,
          en: ` ${p.instalmentsLeft} ${p.instalmentsLeft === 1 ? 'instalment is' : 'instalments are'} left: the next, ${en.money(p.nextAmount)}, is due on ${en.date(p.nextDueDate)}${p.lastDueDate ? `, the last on ${en.date(p.lastDueDate)}` : ''}.`,
        }
      : { zh: '', en: '' };
  const owed = { zh: `目前共欠${zh.money(p.owedAfter)}。`, en: ` You owe ${en.money(p.owedAfter)} in all.` };
  switch (p.tool) {
    case 'reschedule':
      return {
        zh: `您的借款已重新安排还款计划，利率不变。${next.zh}${owed.zh}`,
        en: `Your loan has been rescheduled at the same interest rate.${next.en}${owed.en}`,
      };
    case 're-age':
      return {
        zh: `您逾期未还的款项已分摊到之后各期，借款已恢复正常，不再逾期。${next.zh}${owed.zh}`,
        en: `The overdue amount of your loan has been spread over the instalments still to come: your loan is up to date again.${next.en}${owed.en}`,
      };
    case 'holiday':
      return {
        zh: `您的还款假期已生效：接下来${p.skipped}期无需还款。期间利息照常按合同利率计算（不计复利），分摊到假期后的各期。${next.zh}${owed.zh}`,
        en: `Your payment holiday has started: the next ${p.skipped} ${p.skipped === 1 ? 'instalment is' : 'instalments are'} skipped. Interest still runs at your contract rate (no interest on interest) and is spread over the instalments after the holiday.${next.en}${owed.en}`,
      };
    case 'waiver':
      return {
        zh: `我们已为您减免借款利息和罚息共${zh.money(p.waived ?? p.owedAfter)}。${next.zh}${owed.zh}`,
        en: `We have waived ${en.money(p.waived ?? p.owedAfter)} of interest and penalty interest on your loan.${next.en}${owed.en}`,
      };
    case 'settlement':
      return {
        zh: `您已按协商金额${zh.money(p.paid ?? p.owedAfter)}结清借款，其余${zh.money(p.writtenOff ?? p.owedAfter)}不再向您收取，借款已结清（协商结清）。`,
        en: `Your loan is settled: you paid the agreed ${en.money(p.paid ?? p.owedAfter)} and the remaining ${en.money(p.writtenOff ?? p.owedAfter)} will not be asked of you. The loan is closed as settled for less than was owed.`,
      };
  }
}

/** The message's text in both languages, from its kind and parameters. */
export function renderMessage(content: MessageContent): LocalizedText {
  switch (content.kind) {
    case 'due_in_3_days':
    case 'due_tomorrow':
    case 'due_today':
      return dueReminder(content.kind, content.params);
    case 'payment_received':
      return paymentReceived(content.params);
    case 'payment_reversed':
      return paymentReversed(content.params);
    case 'overdue_day_1':
    case 'overdue_day_7':
    case 'overdue_day_30':
      return overdue(content.params);
    case 'collections_notice':
      return collectionsNotice(content.params);
    case 'statement_ready':
      return statementReady(content.params);
    case 'limit_changed':
      return limitChanged(content.params);
    case 'plan_created':
      return planCreated(content.params);
    case 'plan_changed':
      return planChanged(content.params);
    case 'loan_hardship_applied':
      return loanHardship(content.params);
    case 'line_written_off':
      return lineWrittenOff(content.params);
    case 'line_recovery_received':
      return lineRecovery(content.params);
    case 'line_hardship_applied':
      return lineHardship(content.params);
    case 'appeal_received':
    case 'appeal_queued':
    case 'appeal_resolved':
    case 'appeal_withdrawn':
    case 'referral_decided':
    case 'bureau_negative_notice':
    case 'auto_repay_failed':
    case 'payout_sent':
    case 'payout_failed':
    case 'correction_answered':
      return content.params.text;
  }
}
