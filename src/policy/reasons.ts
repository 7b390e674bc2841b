import {
  defineMessages,
  en,
  render,
  zh,
  type LocalizedText,
  type MessageTemplate,
} from '../platform/i18n/localized.ts';
import type { Money } from '../platform/money/money.ts';
import type { Rate } from '../platform/money/rate.ts';
import type { LocalDate } from '../platform/time/local-date.ts';

/** "1 month", "2 months": English count with its noun. */
function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The reason catalogue of credit policies: every knock-out and every limit-reducing row of a policy
 * names one of these codes, and the decisions layer renders it for the customer in zh-CN and en. Each
 * template is typed by its parameters, so a number can never land in the wrong placeholder; the rendered
 * texts are tested.
 */

const VERIFICATION_NAMES_ZH = ['未实名', '身份证与姓名一致', '手机号实名一致', '银行卡四要素一致'];
const VERIFICATION_NAMES_EN = [
  'not verified',
  'ID number matched to name',
  'phone registered to the same person',
  'bank card in the same name (four elements)',
];

const level = {
  zh: (value: number) => `L${value}（${VERIFICATION_NAMES_ZH[value] ?? ''}）`,
  en: (value: number) => `L${value} (${VERIFICATION_NAMES_EN[value] ?? ''})`,
};

export const REASON_MESSAGES = defineMessages({
  BLOCKLISTED: {
    zh: () => '根据风险管理规定，暂时无法为您提供此项服务。',
    en: () => 'Under our risk rules we cannot offer you this service at the moment.',
  } satisfies MessageTemplate<Record<string, never>>,
  ACTIVE_RISK_HOLD: {
    zh: (p) =>
      `您的账户存在异常行为风险保护${p.until ? `，预计${zh.date(p.until)}解除` : ''}，期间暂停授信评估。`,
    en: (p) =>
      `A temporary risk hold is on your account after unusual activity${p.until ? ` until ${en.date(p.until)}` : ''}; credit assessments are paused meanwhile.`,
  } satisfies MessageTemplate<{ until: LocalDate | null }>,
  VERIFICATION_LEVEL_TOO_LOW: {
    zh: (p) => `该产品需要实名认证等级${level.zh(p.required)}，您当前为${level.zh(p.current)}。`,
    en: (p) =>
      `This product needs identity verification ${level.en(p.required)}; yours is ${level.en(p.current)}.`,
  } satisfies MessageTemplate<{ current: number; required: number }>,
  AGE_OUTSIDE_RANGE: {
    zh: (p) => `该产品面向${p.minAge}至${p.maxAge}周岁的用户，您目前${p.age}周岁。`,
    en: (p) => `This product is for people aged ${p.minAge} to ${p.maxAge}; you are ${p.age}.`,
  } satisfies MessageTemplate<{ age: number; minAge: number; maxAge: number }>,
  OVERDUE_HERE: {
    zh: (p) => `您在本平台有${zh.money(p.amount)}逾期未还，结清后可重新申请。`,
    en: (p) => `You have ${en.money(p.amount)} overdue with us; once it is repaid you can apply again.`,
  } satisfies MessageTemplate<{ amount: Money }>,
  OVERDUE_ELSEWHERE: {
    zh: (p) => `征信信息显示您在其他机构有${zh.money(p.amount)}逾期未还。`,
    en: (p) => `Credit reports show ${en.money(p.amount)} overdue with other lenders.`,
  } satisfies MessageTemplate<{ amount: Money }>,
  MULTI_HEAD_BORROWING: {
    zh: (p) => `近${p.days}天内您共申请了${p.applications}次贷款或信用卡，超过上限${p.maximum}次。`,
    en: (p) =>
      `You applied for credit ${p.applications} times in the last ${p.days} days; the most we accept is ${p.maximum}.`,
  } satisfies MessageTemplate<{ applications: number; days: number; maximum: number }>,
  SCORE_BELOW_CUTOFF: {
    zh: (p) => `您的信用评分为${p.score}分，低于该产品要求的${p.cutoff}分。`,
    en: (p) => `Your credit score is ${p.score}, below the ${p.cutoff} this product requires.`,
  } satisfies MessageTemplate<{ score: number; cutoff: number }>,
  POLICY_TIGHTENED: {
    zh: (p) => `近期授信政策收紧，评分要求由${p.usualCutoff}分提高到${p.cutoff}分，您的评分为${p.score}分。`,
    en: (p) =>
      `Our credit policy has been tightened: the score needed rose from ${p.usualCutoff} to ${p.cutoff}, and yours is ${p.score}.`,
  } satisfies MessageTemplate<{ score: number; cutoff: number; usualCutoff: number }>,
  THIN_FILE: {
    zh: (p) => `您的信用记录只有${p.historyMonths}个月，首次授信需要至少${p.requiredMonths}个月。`,
    en: (p) =>
      `Your credit history covers ${count(p.historyMonths, 'month', 'months')}; a first limit needs at least ${p.requiredMonths}.`,
  } satisfies MessageTemplate<{ historyMonths: number; requiredMonths: number }>,
  NEW_USER_RAMP: {
    zh: (p) =>
      `新用户首次额度为${zh.money(p.limit)}，按时还款后会逐步提额（目前已按时还款${p.onTimeCycles}期）。`,
    en: (p) =>
      `New customers start at ${en.money(p.limit)}; the limit grows as you repay on time (${p.onTimeCycles === 0 ? 'no on-time cycles yet' : `${count(p.onTimeCycles, 'on-time cycle', 'on-time cycles')} so far`}).`,
  } satisfies MessageTemplate<{ limit: Money; onTimeCycles: number }>,
  LIMIT_CAPPED_BY_DEBT_SERVICE: {
    zh: (p) =>
      `结合您的月收入${zh.money(p.monthlyIncome)}和现有月还款${zh.money(p.monthlyDebtPayments)}，额度为${zh.money(p.limit)}。`,
    en: (p) =>
      `With a monthly income of ${en.money(p.monthlyIncome)} and ${en.money(p.monthlyDebtPayments)} of monthly repayments already, your limit is ${en.money(p.limit)}.`,
  } satisfies MessageTemplate<{ limit: Money; monthlyIncome: Money; monthlyDebtPayments: Money }>,
  LIMIT_REDUCED_BY_RISK_APPETITE: {
    zh: (p) => `近期授信政策收紧，额度按${zh.percent(p.scale, 0)}核定为${zh.money(p.limit)}。`,
    en: (p) =>
      `Our credit policy has been tightened; limits are set at ${en.percent(p.scale, 0)}, giving ${en.money(p.limit)}.`,
  } satisfies MessageTemplate<{ limit: Money; scale: Rate }>,
  LIMIT_BELOW_PRODUCT_MINIMUM: {
    zh: (p) => `核定额度${zh.money(p.limit)}低于该产品最低额度${zh.money(p.minimum)}。`,
    en: (p) =>
      `The limit we can offer, ${en.money(p.limit)}, is below this product's minimum of ${en.money(p.minimum)}.`,
  } satisfies MessageTemplate<{ limit: Money; minimum: Money }>,
  LIMIT_BELOW_REQUEST: {
    zh: (p) => `您申请${zh.money(p.requested)}，目前可用额度为${zh.money(p.limit)}。`,
    en: (p) => `You asked for ${en.money(p.requested)}; we can offer ${en.money(p.limit)} for now.`,
  } satisfies MessageTemplate<{ limit: Money; requested: Money }>,
  REFERRED_FOR_REVIEW: {
    zh: () => '您的申请需要人工审核，我们会尽快通知您结果。',
    en: () => 'Your application needs a manual review; we will let you know the result soon.',
  } satisfies MessageTemplate<Record<string, never>>,
  SYSTEM_UNAVAILABLE: {
    zh: () => '系统暂时无法完成评估，申请已转人工处理，这不是拒绝。',
    en: () =>
      'We could not complete the assessment because of a technical fault; a person will review it. This is not a decline.',
  } satisfies MessageTemplate<Record<string, never>>,
});

export type ReasonCode = keyof typeof REASON_MESSAGES;
export const REASON_CODES = Object.keys(REASON_MESSAGES) as ReasonCode[];

/** The parameters each reason's text takes. */
export type ReasonParams<C extends ReasonCode> =
  (typeof REASON_MESSAGES)[C] extends MessageTemplate<infer P> ? P : never;

/** What a reason is about: stops a decision, lowers the limit, sends it to a person, or a fault. */
export const REASON_STAGE: Readonly<Record<ReasonCode, 'knockout' | 'limit' | 'referral' | 'system'>> = {
  BLOCKLISTED: 'knockout',
  ACTIVE_RISK_HOLD: 'knockout',
  VERIFICATION_LEVEL_TOO_LOW: 'knockout',
  AGE_OUTSIDE_RANGE: 'knockout',
  OVERDUE_HERE: 'knockout',
  OVERDUE_ELSEWHERE: 'knockout',
  MULTI_HEAD_BORROWING: 'knockout',
  SCORE_BELOW_CUTOFF: 'knockout',
  POLICY_TIGHTENED: 'knockout',
  THIN_FILE: 'knockout',
  NEW_USER_RAMP: 'limit',
  LIMIT_CAPPED_BY_DEBT_SERVICE: 'limit',
  LIMIT_REDUCED_BY_RISK_APPETITE: 'limit',
  LIMIT_BELOW_PRODUCT_MINIMUM: 'knockout',
  LIMIT_BELOW_REQUEST: 'limit',
  REFERRED_FOR_REVIEW: 'referral',
  SYSTEM_UNAVAILABLE: 'system',
};

/** A reason ready for the customer: code, the typed parameters it was rendered from, and the text. */
export interface RenderedReason<C extends ReasonCode = ReasonCode> {
  readonly code: C;
  readonly params: ReasonParams<C>;
  readonly text: LocalizedText;
}

/** Renders one reason from its typed parameters. */
export function renderReason<C extends ReasonCode>(code: C, params: ReasonParams<C>): RenderedReason<C> {
  const template = REASON_MESSAGES[code] as unknown as MessageTemplate<ReasonParams<C>>;
  return { code, params, text: render(template, params) };
}
