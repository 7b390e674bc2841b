import { countEn, GLOSSARY, verificationLevel } from '../platform/i18n/glossary.ts';
import { en, zh, type LocalizedText } from '../platform/i18n/localized.ts';
import { fen, type Money } from '../platform/money/money.ts';

/**
 * What a score factor means to the person it is about: the factor in everyday words, the person's own
 * value where it helps, and what improves it — never the scorecard's bins, points or codes (staff read
 * those in the reason's parameters). One template per characteristic of the customers context's catalogue;
 * a characteristic this catalogue does not know (a model trained on other features) is named by the
 * model's label, without figures.
 */
export interface FactorTextInput {
  /** The characteristic's name (`utilisation`, `inquiries_30d`). */
  readonly feature: string;
  /** The person's value as the scorecard read it: ratios 0–1, money in yuan, counts; null when unknown. */
  readonly value: number | string | null;
  /** The model's customer label of the characteristic (for characteristics not in this catalogue). */
  readonly label: LocalizedText;
}

const G = GLOSSARY;

type Template = (value: number) => LocalizedText;

const percent = (ratio: number): string => `${Math.round(ratio * 100)}%`;
const yuan = (value: number): Money => fen(BigInt(Math.round(value * 100)));
const whole = (value: number): number => Math.round(value);

function applications(days: number): Template {
  return (n) => ({
    zh: `近${days}天内您提交了${whole(n)}次${G.creditApplications.zh}，减少新的申请会有帮助。`,
    en: `You made ${countEn(whole(n), 'application', 'applications')} for loans or credit cards in the last ${days} days; fewer new applications help.`,
  });
}

function lenders(days: number): Template {
  return (n) => ({
    zh: `近${days}天内您向${whole(n)}家不同机构提交了申请，减少新的申请会有帮助。`,
    en: `You applied to ${countEn(whole(n), 'lender', 'different lenders')} in the last ${days} days; fewer new applications help.`,
  });
}

function spendingAmount(months: number): Template {
  return (value) => ({
    zh: `近${months}个月您的${G.cardSpending.zh}金额为${zh.money(yuan(value))}，保持日常稳定的消费会有帮助。`,
    en: `Your ${G.cardSpending.en} over the last ${months} months came to ${en.money(yuan(value))}; regular everyday spending helps.`,
  });
}

function spendingCount(months: number): Template {
  return (n) => ({
    zh: `近${months}个月您共有${whole(n)}笔${G.cardSpending.zh}，保持日常稳定的消费会有帮助。`,
    en: `You made ${countEn(whole(n), 'card payment', 'card payments')} in the last ${months} months; regular everyday spending helps.`,
  });
}

function activeMonths(months: number): Template {
  return (n) => ({
    zh: `近${months}个月中您有${whole(n)}个月有${G.cardSpending.zh}，每月保持一些消费会有帮助。`,
    en: `You used your cards in ${whole(n)} of the last ${months} months; spending a little every month helps.`,
  });
}

function overdue(where: LocalizedText): Template {
  return (value) => ({
    zh: `您在${where.zh}有${zh.money(yuan(value))}${G.overdue.zh}未还，还清会有帮助。`,
    en: `You have ${en.money(yuan(value))} ${G.overdue.en} with ${where.en}; repaying it helps.`,
  });
}

/** A characteristic the score takes into account that the person cannot or need not change. */
function considered(name: LocalizedText): Template {
  return () => ({
    zh: `您的${name.zh}是${G.creditScore.zh}考虑的因素之一。`,
    en: `Your ${name.en} is one of the things your ${G.creditScore.en} takes into account.`,
  });
}

const TEMPLATES: Readonly<Record<string, Template>> = {
  inquiries_7d: applications(7),
  inquiries_30d: applications(30),
  inquiries_90d: applications(90),
  inquiries_180d: applications(180),
  distinct_lenders_7d: lenders(7),
  distinct_lenders_30d: lenders(30),
  distinct_lenders_90d: lenders(90),
  distinct_lenders_180d: lenders(180),
  consumption_amount_3m: spendingAmount(3),
  consumption_amount_6m: spendingAmount(6),
  consumption_amount_12m: spendingAmount(12),
  consumption_count_3m: spendingCount(3),
  consumption_count_6m: spendingCount(6),
  consumption_count_12m: spendingCount(12),
  active_months_3m: activeMonths(3),
  active_months_6m: activeMonths(6),
  active_months_12m: activeMonths(12),
  online_share_12m: (ratio) => ({
    zh: `近12个月您的${G.cardSpending.zh}中有${percent(ratio)}是线上支付。`,
    en: `${percent(ratio)} of your card payments in the last 12 months were made online.`,
  }),
  repayments_12m: (n) => ({
    zh: `近12个月您有${whole(n)}期还款到期，还款记录越长越有帮助。`,
    en: `${countEn(whole(n), 'repayment', 'repayments')} fell due in the last 12 months; a longer record of repayments helps.`,
  }),
  ontime_rate_12m: (ratio) => ({
    zh: `近12个月您${G.onTimeRepayment.zh}的比例为${percent(ratio)}，每期都按时还款会有帮助。`,
    en: `You repaid ${percent(ratio)} of your instalments on time in the last 12 months; repaying every one on time helps.`,
  }),
  max_dpd_12m: (n) => ({
    zh: `近12个月您最长一次还款${G.overdue.zh}${whole(n)}天，今后按时还款会有帮助。`,
    en: `Your longest late payment in the last 12 months was ${countEn(whole(n), 'day', 'days')}; repaying on time from now on helps.`,
  }),
  ontime_cycles_here_12m: (n) =>
    whole(n) === 0
      ? {
          zh: `您在本平台还没有还款记录，之后每期${G.onTimeRepayment.zh}都会有帮助。`,
          en: 'You have not repaid a monthly bill with us yet; each month you repay on time helps.',
        }
      : {
          zh: `近12个月您在本平台已${G.onTimeRepayment.zh}${whole(n)}期，继续按时还款会有帮助。`,
          en: `You have repaid on time with us for ${countEn(whole(n), 'month', 'months')} in the last 12 months; each further month helps.`,
        },
  overdue_amount_here: overdue({ zh: '本平台', en: 'us' }),
  overdue_amount_elsewhere: overdue(G.otherLenders),
  open_loans_elsewhere: (n) => ({
    zh: `您在${G.otherLenders.zh}有${whole(n)}笔未结清的贷款，结清其中一些会有帮助。`,
    en: `You have ${countEn(whole(n), 'loan', 'loans')} open with ${G.otherLenders.en}; paying some off helps.`,
  }),
  debt_service_monthly: (value) => ({
    zh: `您目前${G.monthlyRepayments.zh}${zh.money(yuan(value))}，降低${G.monthlyRepayments.zh}会有帮助。`,
    en: `You already repay ${en.money(yuan(value))} a month on loans; lower ${G.monthlyRepayments.en} help.`,
  }),
  utilisation: (ratio) => ({
    zh: `您已使用信用额度的${percent(ratio)}，还掉部分欠款、降低${G.creditLimitUse.zh}会有帮助。`,
    en: `You are using ${percent(ratio)} of your credit limits; paying your balances down helps.`,
  }),
  credit_history_months: (n) => ({
    zh: `您的${G.creditHistory.zh}有${whole(n)}个月，记录越长越有帮助。`,
    en: `Your ${G.creditHistory.en} covers ${countEn(whole(n), 'month', 'months')}; it counts for more as it grows.`,
  }),
  account_age_days: (n) => ({
    zh: `您在本平台开户${whole(n)}天，时间越长越有帮助。`,
    en: `Your account with us was opened ${countEn(whole(n), 'day', 'days')} ago; this improves with time.`,
  }),
  age_years: considered({ zh: '年龄', en: 'age' }),
  verification_level: (n) => {
    const now = verificationLevel(n);
    const next = verificationLevel(whole(n) + 1);
    if (whole(n) >= 3) return { zh: `您目前${now.state.zh}。`, en: `So far you ${now.state.en}.` };
    return {
      zh: `您目前${now.state.zh}，${next.step.zh}会有帮助。`,
      en: `So far you ${now.state.en}; to improve it, ${next.step.en}.`,
    };
  },
  bound_cards: (n) => ({
    zh: `您已绑定${whole(n)}张银行卡，绑定一张本人名下的银行卡会有帮助。`,
    en: `You have ${countEn(whole(n), 'bank card', 'bank cards')} linked; linking a bank card in your own name helps.`,
  }),
  limit_views_24h: (n) => ({
    zh: `近24小时内您查看了${whole(n)}次额度，避免频繁查看会有帮助。`,
    en: `You checked your limit ${countEn(whole(n), 'time', 'times')} in the last 24 hours; checking less often helps.`,
  }),
  failed_logins_24h: (n) => ({
    zh: `近24小时内您的账户有${whole(n)}次登录失败，确认账户安全后再登录会有帮助。`,
    en: `There were ${countEn(whole(n), 'failed sign-in', 'failed sign-ins')} to your account in the last 24 hours; making sure your account is secure helps.`,
  }),
  device_changes_30d: (n) => ({
    zh: `近30天内您的账户在${whole(n)}台新设备上登录，使用常用设备会有帮助。`,
    en: `Your account was used on ${countEn(whole(n), 'new device', 'new devices')} in the last 30 days; using your usual device helps.`,
  }),
  income_monthly_estimate: (value) => ({
    zh: `我们了解到的您的${G.monthlyIncome.zh}约为${zh.money(yuan(value))}。`,
    en: `Your ${G.monthlyIncome.en}, as far as we can see it, is about ${en.money(yuan(value))}.`,
  }),
  occupation: considered({ zh: '职业', en: 'occupation' }),
  education: considered({ zh: '学历', en: 'education' }),
  residence_city: considered({ zh: '居住城市', en: 'city of residence' }),
  income_band: considered({ zh: '填报的月收入范围', en: 'monthly income as you told us' }),
  social_insurance: () => ({
    zh: '我们没有查到您缴纳社保的记录。',
    en: 'We have no record of you paying social insurance.',
  }),
  housing_fund: () => ({
    zh: '我们没有查到您缴存住房公积金的记录。',
    en: 'We have no record of you paying into a housing fund.',
  }),
  risk_holds_active: () => ({
    zh: `您的账户目前处于${G.safetyHold.zh}中。`,
    en: `Your account has a ${G.safetyHold.en} on it.`,
  }),
};

/** What the catalogue calls characteristics whose value is unknown ("we have no information on …"). */
const UNKNOWN_NAMES: Readonly<Record<string, LocalizedText>> = {
  social_insurance: { zh: '社保缴纳情况', en: 'social insurance contributions' },
  housing_fund: { zh: '住房公积金缴存情况', en: 'housing fund contributions' },
  income_monthly_estimate: G.monthlyIncome,
  income_source: G.monthlyIncome,
  utilisation: { zh: '信用额度使用情况', en: 'credit limits' },
  credit_history_months: G.creditHistory,
  education: { zh: '学历', en: 'education' },
  occupation: { zh: '职业', en: 'occupation' },
  residence_city: { zh: '居住城市', en: 'city of residence' },
  income_band: { zh: '月收入范围', en: 'monthly income range' },
};

/** Characteristics whose value is a category: their texts do not state it (no codes on the page). */
const CATEGORY_FEATURES: Readonly<Record<string, true>> = {
  occupation: true,
  education: true,
  residence_city: true,
  income_band: true,
};

/** The customer text of one score factor (see the module's note). */
export function factorText(input: FactorTextInput): LocalizedText {
  const { feature, value } = input;
  if (value === null) {
    const name = UNKNOWN_NAMES[feature] ?? input.label;
    return {
      zh: `我们还没有您的${name.zh}信息，补充相关信息可能会有帮助。`,
      en: `We have no information on your ${name.en}; providing it may help.`,
    };
  }
  if (feature === 'income_source') {
    return value === 'declared'
      ? {
          zh: `我们只能按您填报的信息估计${G.monthlyIncome.zh}，授权我们查看工资入账记录会有帮助。`,
          en: `We could only estimate your ${G.monthlyIncome.en} from what you told us; letting us see your salary payments helps.`,
        }
      : considered({ zh: '收入情况', en: 'income' })(0);
  }
  const template = TEMPLATES[feature];
  if (template && (typeof value === 'number' || (feature in CATEGORY_FEATURES && typeof value === 'string')))
    return template(typeof value === 'number' ? value : 0);
  return {
    zh: `您的${input.label.zh}是拉低${G.creditScore.zh}的因素之一。`,
    en: `Your ${input.label.en} is one of the things that lowered your ${G.creditScore.en}.`,
  };
}
