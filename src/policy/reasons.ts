import {
  defineMessages,
  en,
  render,
  zh,
  type LocalizedText,
  type MessageTemplate,
} from '../platform/i18n/localized.ts';
import { countEn, GLOSSARY, verificationLevel, verificationSteps } from '../platform/i18n/glossary.ts';
import type { Money } from '../platform/money/money.ts';
import type { Rate } from '../platform/money/rate.ts';
import type { LocalDate } from '../platform/time/local-date.ts';

/**
 * The reason catalogue of credit policies: every knock-out and every limit-reducing row of a policy
 * names one of these codes, and the decisions layer renders it for the customer in zh-CN and en. Each
 * template is typed by its parameters, so a number can never land in the wrong placeholder; the rendered
 * texts are tested. Texts are for customers: everyday words from the glossary, the person's own figures,
 * what helps — never codes, levels like "L3" or score points (staff read the code and parameters).
 */

const G = GLOSSARY;

export const REASON_MESSAGES = defineMessages({
  BLOCKLISTED: {
    zh: () => '根据风险管理规定，暂时无法为您提供此项服务。',
    en: () => 'Under our risk rules we cannot offer you this service at the moment.',
  } satisfies MessageTemplate<Record<string, never>>,
  ACTIVE_RISK_HOLD: {
    zh: (p) =>
      `我们发现您的账户近期有异常操作，已为您开启${G.safetyHold.zh}${p.until ? `，预计${zh.date(p.until)}解除` : ''}；保护期间暂不受理借款申请。`,
    en: (p) =>
      `We noticed unusual activity on your account and put a temporary ${G.safetyHold.en} on it${p.until ? ` until ${en.date(p.until)}` : ''}; we cannot consider credit applications while it is on.`,
  } satisfies MessageTemplate<{ until: LocalDate | null }>,
  VERIFICATION_LEVEL_TOO_LOW: {
    zh: (p) =>
      `该产品需要${verificationLevel(p.required).need.zh}，您目前${verificationLevel(p.current).state.zh}。请${verificationSteps(p.current, p.required).zh}。`,
    en: (p) =>
      `This product needs ${verificationLevel(p.required).need.en}; so far you ${verificationLevel(p.current).state.en}. To go on, ${verificationSteps(p.current, p.required).en}.`,
  } satisfies MessageTemplate<{ current: number; required: number }>,
  AGE_OUTSIDE_RANGE: {
    zh: (p) => `该产品面向${p.minAge}至${p.maxAge}周岁的用户，您目前${p.age}周岁。`,
    en: (p) => `This product is for people aged ${p.minAge} to ${p.maxAge}; you are ${p.age}.`,
  } satisfies MessageTemplate<{ age: number; minAge: number; maxAge: number }>,
  OVERDUE_HERE: {
    zh: (p) => `您在本平台有${zh.money(p.amount)}${G.overdue.zh}未还，还清后可以重新申请。`,
    en: (p) =>
      `You have ${en.money(p.amount)} ${G.overdue.en} with us; once it is repaid you can apply again.`,
  } satisfies MessageTemplate<{ amount: Money }>,
  OVERDUE_ELSEWHERE: {
    zh: (p) =>
      `征信记录显示您在${G.otherLenders.zh}有${zh.money(p.amount)}${G.overdue.zh}未还，还清后可以重新申请。`,
    en: (p) =>
      `Your credit report shows ${en.money(p.amount)} ${G.overdue.en} with ${G.otherLenders.en}; once it is repaid you can apply again.`,
  } satisfies MessageTemplate<{ amount: Money }>,
  MULTI_HEAD_BORROWING: {
    zh: (p) =>
      `近${p.days}天内您提交了${p.applications}次${G.creditApplications.zh}，我们最多接受${p.maximum}次；暂停新的申请会有帮助。`,
    en: (p) =>
      `You made ${p.applications} ${G.creditApplications.en} in the last ${p.days} days; we accept at most ${p.maximum}. Holding off on new applications helps.`,
  } satisfies MessageTemplate<{ applications: number; days: number; maximum: number }>,
  SCORE_BELOW_CUTOFF: {
    zh: (p) => `您的${G.creditScore.zh}为${p.score}，该产品目前要求至少${p.cutoff}。`,
    en: (p) => `Your ${G.creditScore.en} is ${p.score}; this product currently needs at least ${p.cutoff}.`,
  } satisfies MessageTemplate<{ score: number; cutoff: number }>,
  POLICY_TIGHTENED: {
    zh: (p) =>
      `我们近期收紧了借款审批，该产品要求的${G.creditScore.zh}由${p.usualCutoff}提高到${p.cutoff}，您的${G.creditScore.zh}为${p.score}。`,
    en: (p) =>
      `We have tightened our lending: this product now needs a ${G.creditScore.en} of at least ${p.cutoff} instead of ${p.usualCutoff}, and yours is ${p.score}.`,
  } satisfies MessageTemplate<{ score: number; cutoff: number; usualCutoff: number }>,
  THIN_FILE: {
    zh: (p) =>
      `您的${G.creditHistory.zh}目前只有${p.historyMonths}个月，首次申请需要至少${p.requiredMonths}个月。`,
    en: (p) =>
      `Your ${G.creditHistory.en} covers ${countEn(p.historyMonths, 'month', 'months')} so far; a first application needs at least ${p.requiredMonths} months.`,
  } satisfies MessageTemplate<{ historyMonths: number; requiredMonths: number }>,
  NEW_USER_RAMP: {
    zh: (p) =>
      `新用户的首次${G.limit.zh}为${zh.money(p.limit)}，之后${G.onTimeRepayment.zh}，${G.limit.zh}会逐步提高${p.onTimeCycles > 0 ? `（您已${G.onTimeRepayment.zh}${p.onTimeCycles}期）` : ''}。`,
    en: (p) =>
      `New customers start with a ${G.limit.en} of ${en.money(p.limit)}; each month you repay on time helps it grow${p.onTimeCycles > 0 ? ` (${countEn(p.onTimeCycles, 'month', 'months')} repaid on time so far)` : ''}.`,
  } satisfies MessageTemplate<{ limit: Money; onTimeCycles: number }>,
  LIMIT_CAPPED_BY_DEBT_SERVICE: {
    zh: (p) =>
      `结合您的${G.monthlyIncome.zh}${zh.money(p.monthlyIncome)}和现有${G.monthlyRepayments.zh}${zh.money(p.monthlyDebtPayments)}，${G.limit.zh}为${zh.money(p.limit)}。`,
    en: (p) =>
      `With a ${G.monthlyIncome.en} of ${en.money(p.monthlyIncome)} and ${en.money(p.monthlyDebtPayments)} of ${G.monthlyRepayments.en} already, your ${G.limit.en} is ${en.money(p.limit)}.`,
  } satisfies MessageTemplate<{ limit: Money; monthlyIncome: Money; monthlyDebtPayments: Money }>,
  LIMIT_REDUCED_BY_RISK_APPETITE: {
    zh: (p) =>
      `我们近期收紧了借款审批，${G.limit.zh}按通常的${zh.percent(p.scale, 0)}核定，为${zh.money(p.limit)}。`,
    en: (p) =>
      `We have tightened our lending: limits are set at ${en.percent(p.scale, 0)} of the usual, giving you ${en.money(p.limit)}.`,
  } satisfies MessageTemplate<{ limit: Money; scale: Rate }>,
  LIMIT_BELOW_PRODUCT_MINIMUM: {
    zh: (p) =>
      `我们能提供的${G.limit.zh}${zh.money(p.limit)}低于该产品的最低${G.limit.zh}${zh.money(p.minimum)}。`,
    en: (p) =>
      `The ${G.limit.en} we can offer, ${en.money(p.limit)}, is below this product's minimum of ${en.money(p.minimum)}.`,
  } satisfies MessageTemplate<{ limit: Money; minimum: Money }>,
  LIMIT_BELOW_REQUEST: {
    zh: (p) => `您申请了${zh.money(p.requested)}，目前我们能提供${zh.money(p.limit)}。`,
    en: (p) => `You asked for ${en.money(p.requested)}; we can offer ${en.money(p.limit)} for now.`,
  } satisfies MessageTemplate<{ limit: Money; requested: Money }>,
  REFERRED_FOR_REVIEW: {
    zh: () => `您的申请需要${G.manualReview.zh}，我们会尽快通知您结果。`,
    en: () => `Your application needs a ${G.manualReview.en}; we will let you know the result soon.`,
  } satisfies MessageTemplate<Record<string, never>>,
  SYSTEM_UNAVAILABLE: {
    zh: () => `系统暂时无法完成评估，申请已转${G.manualReview.zh}，这不是拒绝。`,
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
