import { en, zh, type LocalizedText } from '../platform/i18n/localized.ts';
import type { Money } from '../platform/money/money.ts';
import type { Rate } from '../platform/money/rate.ts';
import type { LocalDate } from '../platform/time/local-date.ts';

/**
 * The texts of the customer's own API, in the shape the app reads: `{ "zh-CN": …, "en": … }` (the rest of
 * the API, written for staff and the lender's systems, keeps `{ zh, en }`). Money, dates and percentages go
 * through the one formatter per language (`platform/i18n/localized.ts`).
 */
export interface Text {
  readonly 'zh-CN': string;
  readonly en: string;
}

/** A `{ zh, en }` text as the customer's API sends it. */
export function text(localized: LocalizedText): Text {
  return { 'zh-CN': localized.zh, en: localized.en };
}

const both = (zhText: string, enText: string): Text => ({ 'zh-CN': zhText, en: enText });

export const PRODUCT_NAMES: Readonly<Record<string, Text>> = {
  cash_loan: both('现金借款', 'Cash loan'),
  credit_line: both('信用额度', 'Credit line'),
};

export function productName(code: string): Text {
  return PRODUCT_NAMES[code] ?? both(code, code);
}

/** The one-sentence answer of the home screen, per product. */
export const HEADLINES = {
  canBorrow: (available: Money): Text =>
    both(
      `现在可以借款，可用额度 ${zh.money(available)}`,
      `You can borrow now: ${en.money(available)} available`,
    ),
  declined: both('暂时还不能借款，点开看原因和下一步', 'You can’t borrow yet — see why and what to do next'),
  frozen: both('额度暂时冻结，暂不能借款', 'Your limit is on hold, so you can’t borrow for now'),
  suspended: both(
    '有逾期未还，还清后可恢复借款',
    'A payment is overdue; once it is paid you can borrow again',
  ),
  closed: both('额度已关闭', 'This limit is closed'),
  usedUp: both('额度已用完，还款后可以再借', 'Your limit is fully used; repaying frees it up again'),
  referred: both(
    '申请正在审核中，点开看何时有结果',
    'Your application is being reviewed — see when you’ll hear',
  ),
  appealOpen: both('您的申诉正在处理中', 'Your appeal is being handled'),
  notApplied: both('还没有申请，申请后即可看到您的额度', 'You haven’t applied yet; apply to see your limit'),
} as const;

/** The headline of one decision. */
export function decisionHeadline(outcome: 'approved' | 'declined' | 'referred', limit: Money): Text {
  switch (outcome) {
    case 'approved':
      return both(`已通过，额度 ${zh.money(limit)}`, `Approved, limit ${en.money(limit)}`);
    case 'declined':
      return both('暂未通过', 'Not approved for now');
    case 'referred':
      return both('正在审核中', 'Being reviewed');
  }
}

export function overturnedNote(on: LocalDate): Text {
  return both(
    `您的申诉已于${zh.date(on)}获得支持，以下为新的结果`,
    `Your appeal was upheld in your favour on ${en.date(on)}; this is the new result`,
  );
}

export const LEVEL_NAMES: readonly Text[] = [
  both('尚未完成实名认证', 'Not verified yet'),
  both('已核验：姓名与身份证', 'Verified: your name and ID card'),
  both('已核验：姓名、身份证与手机号', 'Verified: your name, ID card and phone'),
  both(
    '已核验：姓名、身份证、手机号与本人银行卡',
    'Verified: your name, ID card, phone and your own bank card',
  ),
];

/** What takes a person from their level to the next one. */
export const NEXT_STEPS: readonly Text[] = [
  both(
    '请核对您的姓名和身份证号与身份证上完全一致',
    'Check that your name and ID number are exactly as on your ID card',
  ),
  both('请使用登记在您本人名下的手机号', 'Use a mobile number registered in your own name'),
  both('绑定一张您本人名下的银行卡', 'Add a bank card in your own name'),
];

export const RETRY_VERIFICATION = both(
  '核验服务暂时没有响应，请稍后再试',
  'The verification service didn’t answer; please try again later',
);

/** Each verification failure in words the person can act on. */
export const FAILURE_TEXTS: Readonly<Record<string, Text>> = {
  ID_NAME_MISMATCH: both(
    '身份证号与姓名不匹配，请核对后重新提交',
    'Your ID number and name don’t match; please check them',
  ),
  PHONE_NOT_OWNED_BY_ID_HOLDER: both(
    '这个手机号没有登记在您本人名下',
    'This mobile number isn’t registered in your name',
  ),
  CARD_NAME_MISMATCH: both(
    '这张银行卡不在您本人名下，请换一张本人的银行卡',
    'This bank card isn’t in your name; please use a card of your own',
  ),
  CARD_NOT_BOUND: both('还没有绑定银行卡', 'No bank card added yet'),
  CARD_FORMAT_INVALID: both('银行卡号应为16到19位数字', 'A card number has 16 to 19 digits'),
  CARD_CHECKSUM_INVALID: both(
    '银行卡号有误，请逐位核对',
    'That card number isn’t valid; please check each digit',
  ),
  PROVIDER_UNAVAILABLE: RETRY_VERIFICATION,
};

export function failureText(code: string): Text {
  return FAILURE_TEXTS[code] ?? both('核验未通过', 'Verification didn’t go through');
}

export const DIMENSION_LABELS: Readonly<Record<string, Text>> = {
  identity: both('身份信息', 'Identity'),
  capacity: both('还款能力', 'Ability to repay'),
  history: both('信用历史', 'Credit history'),
  relationships: both('与我们的往来', 'History with us'),
  behaviour: both('用款习惯', 'Borrowing habits'),
};

/** What happens after a referral, and by when. */
export const REFERRAL_TEXTS = {
  fault: (retryAt: Date, retryDate: LocalDate, time: string): Text =>
    both(
      `这不是拒绝：一项服务临时故障，系统没能完成审批。请在${zh.date(retryDate)} ${time}（北京时间）之后重新申请；如仍有问题，可以申诉，由人工处理。`,
      `This is not a decline: a service we depend on had a temporary fault, so we couldn’t finish. Apply again after ${time} (Beijing time) on ${en.date(retryDate)}; if it still fails, you can appeal and a person will look at it.`,
    ),
  review: (byDate: LocalDate): Text =>
    both(
      `您的申请需要人工进一步审核。提交申诉后，我们会在${zh.date(byDate)}（含）之前给您答复。`,
      `Your application needs a closer look by a person. Ask for a review (an appeal) and we will answer by the end of ${en.date(byDate)}.`,
    ),
  /** A referral with its review case open: a person is already on it, nothing for the customer to do. */
  inReview: (byDate: LocalDate): Text =>
    both(
      `您的申请正在由审核人员人工审核，无需其他操作。我们会在${zh.date(byDate)}（含）之前给您答复。`,
      `A person is reviewing your application; there is nothing you need to do. You will have our answer by the end of ${en.date(byDate)}.`,
    ),
} as const;

export const MESSAGE_TITLES = {
  decision: both('审批结果', 'Decision'),
  appeal: both('申诉进度', 'Your appeal'),
  limitChange: both('额度变化', 'Limit change'),
  dueReminder: both('还款提醒', 'Payment reminder'),
  paymentReceived: both('还款成功', 'Payment received'),
  paymentReversed: both('还款已撤回', 'Payment reversed'),
  overdue: both('逾期提醒', 'Payment overdue'),
  statement: both('账单已出', 'Statement ready'),
  plan: both('分期', 'Instalment plan'),
  loanHelp: both('还款安排', 'Repayment arrangement'),
  writtenOff: both('额度已核销', 'Credit line written off'),
  creditReport: both('征信报送提醒', 'Credit report notice'),
  dataCorrection: both('更正结果', 'Your correction'),
} as const;

export function percentBoth(rate: Rate): { zh: string; en: string } {
  return { zh: zh.percent(rate), en: en.percent(rate) };
}
