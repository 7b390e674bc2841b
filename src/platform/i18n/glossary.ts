import type { LocalizedText } from './localized.ts';

/**
 * One glossary of the terms a customer reads, in zh-CN and en. Every customer text (reasons, score
 * factors, plans, appeal letters, decision summaries) takes its terms from here, so one thing has one
 * name in each language ("信用额度使用率", never also "循环额度使用率"). Money is written one way per
 * language by `zh.money` / `en.money` (¥2,000.00 / CNY 2,000.00), dates by `zh.date` / `en.date`
 * (2026年12月6日 / 6 Dec 2026); this file holds words only.
 *
 * Analyst views (codes, bins, points) keep their own vocabulary and never read from here.
 */
export const GLOSSARY = {
  creditScore: { zh: '信用评分', en: 'credit score' },
  limit: { zh: '额度', en: 'limit' },
  creditLimitUse: { zh: '信用额度使用率', en: 'share of your credit limits in use' },
  creditApplications: { zh: '贷款或信用卡申请', en: 'applications for loans or credit cards' },
  creditHistory: { zh: '信用记录', en: 'credit history' },
  onTimeRepayment: { zh: '按时还款', en: 'on-time repayment' },
  overdue: { zh: '逾期', en: 'overdue' },
  monthlyIncome: { zh: '月收入', en: 'monthly income' },
  monthlyRepayments: { zh: '每月还款', en: 'monthly repayments' },
  identityVerification: { zh: '实名认证', en: 'identity check' },
  safetyHold: { zh: '账户安全保护', en: 'safety hold' },
  cardSpending: { zh: '消费', en: 'card spending' },
  otherLenders: { zh: '其他机构', en: 'other lenders' },
  manualReview: { zh: '人工审核', en: 'review by a person' },
} as const satisfies Record<string, LocalizedText>;

export type GlossaryTerm = keyof typeof GLOSSARY;

/**
 * What each identity-check level means, as the customer has it ("so far you have …"), what a product
 * needs ("this product needs …"), and the step that reaches it from the level below. The levels' codes
 * (L0–L3) are for staff only.
 */
export const VERIFICATION_LEVELS: ReadonlyArray<{
  readonly state: LocalizedText;
  readonly need: LocalizedText;
  readonly step: LocalizedText;
}> = [
  {
    state: { zh: '尚未完成实名认证', en: 'have not completed an identity check yet' },
    need: { zh: '无需实名认证', en: 'no identity check' },
    step: { zh: '', en: '' },
  },
  {
    state: { zh: '已核验身份证号与姓名', en: 'have had your ID number checked against your name' },
    need: { zh: '核验身份证号与姓名', en: 'your ID number checked against your name' },
    step: { zh: '提交身份证号和姓名完成核验', en: 'submit your ID number and name to be checked' },
  },
  {
    state: {
      zh: '已核验手机号为本人实名登记',
      en: 'have had your phone number confirmed as registered in your name',
    },
    need: { zh: '本人实名登记的手机号', en: 'a phone number registered in your own name' },
    step: {
      zh: '使用本人实名登记的手机号完成验证',
      en: 'confirm a phone number registered in your own name',
    },
  },
  {
    state: { zh: '已绑定本人名下的银行卡', en: 'have linked a bank card in your own name' },
    need: { zh: '绑定一张本人名下的银行卡', en: 'a bank card in your own name linked to your account' },
    step: {
      zh: '绑定一张本人名下的银行卡（我们会核对姓名、身份证号、卡号和银行预留手机号）',
      en: 'link a bank card in your own name (we check your name, ID number, card number and the phone number your bank holds)',
    },
  },
];

/** The level's entry, clamped to the known levels (a level out of range reads as the nearest one). */
export function verificationLevel(level: number): (typeof VERIFICATION_LEVELS)[number] {
  const index = Math.min(Math.max(Math.trunc(level), 0), VERIFICATION_LEVELS.length - 1);
  return VERIFICATION_LEVELS[index] as (typeof VERIFICATION_LEVELS)[number];
}

/** The steps from `current` up to `required`, joined as one instruction in each language. */
export function verificationSteps(current: number, required: number): LocalizedText {
  const steps: LocalizedText[] = [];
  for (let level = Math.max(current + 1, 1); level <= required; level += 1)
    steps.push(verificationLevel(level).step);
  return {
    zh: steps.map((step) => step.zh).join('，再'),
    en: steps.map((step) => step.en).join(', then '),
  };
}

/** "1 month", "3 months": an English count with its noun. */
export function countEn(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
