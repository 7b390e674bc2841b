import type { DataSource } from '../../identity/index.ts';
import type { LocalizedText } from '../../platform/i18n/localized.ts';

/**
 * The feature catalogue: every feature a lender scores on, with its meaning, unit, the data source it reads
 * (consent gates it), its window, and the recourse metadata the explanation engine searches over.
 *
 * Names are stable snake_case identifiers: scorecards, policies and explanations refer to them, so a name
 * is never reused for a different meaning — add a new feature instead.
 *
 * Units inside a feature vector (all JSON numbers except categories):
 * - `fen`: integer fen (¥1.00 = 100). Money features are exact whole fen, never fractional yuan.
 * - `ratio`: a fraction 0–1 (`utilisation` may exceed 1 when balances exceed limits).
 * - `count`, `days`, `months`, `years`, `level` (0–3), `flag` (0 or 1), `category` (a string).
 * `null` means unknown: no data, no consent for the source, or not applicable (no consumption → no online share).
 */
export type FeatureUnit =
  'count' | 'fen' | 'ratio' | 'days' | 'months' | 'years' | 'level' | 'flag' | 'category';

/** `here`: data the lender holds itself (its loans, the customer's verification, cards, app security log). */
export type FeatureSource = DataSource | 'here' | 'profile';

/**
 * What a person can do about a feature. The explanation engine proposes only actionable changes, in the
 * helpful direction, ordered by cost.
 */
export interface Recourse {
  /** Can the value change at all through the person's own conduct (or the passing of time they control)? */
  readonly mutable: boolean;
  /** May the lender suggest acting on it? Immutable inputs (age, account age) never are; nor is "earn more". */
  readonly actionable: boolean;
  /** Which way helps the applicant, when there is one. */
  readonly direction: 'increase' | 'decrease' | null;
  /** What changing it costs: days of waiting, fen to pay, or an action to take. */
  readonly cost: 'days' | 'fen' | 'action' | 'none';
  /**
   * For counts over a trailing window: each counted unit (an event, or a lender by its latest event) stops
   * counting `windowMs` after it happened. `decayExpiries` returns those instants; `dateValueDropsTo`
   * turns them into "no new applications until 2027-01-15".
   */
  readonly decay?: { readonly windowMs: number; readonly counts: 'events' | 'distinct-lenders' };
  /** The action in words, when actionable. */
  readonly action?: LocalizedText;
}

export interface FeatureDefinition {
  readonly name: string;
  readonly unit: FeatureUnit;
  readonly source: FeatureSource;
  readonly description: LocalizedText;
  /** The trailing window, for windowed features, in words for people (`30d`, `12m`, `24h`). */
  readonly window?: string;
  readonly recourse: Recourse;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const IMMUTABLE: Recourse = { mutable: false, actionable: false, direction: null, cost: 'none' };
const DESCRIPTIVE: Recourse = { mutable: true, actionable: false, direction: null, cost: 'none' };

const noApplications: LocalizedText = {
  zh: '暂停新的借款或信用卡申请',
  en: 'make no new loan or card applications',
};

function inquiries(days: number): FeatureDefinition {
  return {
    name: `inquiries_${days}d`,
    unit: 'count',
    source: 'credit_bureau',
    window: `${days}d`,
    description: {
      zh: `近${days}天借款及信用卡申请查询次数`,
      en: `loan and card application inquiries in the last ${days} days`,
    },
    recourse: {
      mutable: true,
      actionable: true,
      direction: 'decrease',
      cost: 'days',
      decay: { windowMs: days * DAY, counts: 'events' },
      action: noApplications,
    },
  };
}

function distinctLenders(days: number): FeatureDefinition {
  return {
    name: `distinct_lenders_${days}d`,
    unit: 'count',
    source: 'credit_bureau',
    window: `${days}d`,
    description: {
      zh: `近${days}天申请过的不同机构数（多头借贷）`,
      en: `distinct lenders applied to in the last ${days} days (multi-head borrowing)`,
    },
    recourse: {
      mutable: true,
      actionable: true,
      direction: 'decrease',
      cost: 'days',
      decay: { windowMs: days * DAY, counts: 'distinct-lenders' },
      action: noApplications,
    },
  };
}

function consumption(months: number): FeatureDefinition[] {
  return [
    {
      name: `consumption_count_${months}m`,
      unit: 'count',
      source: 'bank_transactions',
      window: `${months}m`,
      description: { zh: `近${months}个月消费笔数`, en: `card payments in the last ${months} months` },
      recourse: { mutable: true, actionable: false, direction: 'increase', cost: 'none' },
    },
    {
      name: `consumption_amount_${months}m`,
      unit: 'fen',
      source: 'bank_transactions',
      window: `${months}m`,
      description: {
        zh: `近${months}个月消费金额（分）`,
        en: `card spending in the last ${months} months (fen)`,
      },
      recourse: { mutable: true, actionable: false, direction: 'increase', cost: 'none' },
    },
    {
      name: `active_months_${months}m`,
      unit: 'months',
      source: 'bank_transactions',
      window: `${months}m`,
      description: {
        zh: `近${months}个月中有消费的月数`,
        en: `months with at least one card payment, of the last ${months}`,
      },
      recourse: { mutable: true, actionable: false, direction: 'increase', cost: 'none' },
    },
  ];
}

/** The catalogue, in the order of a feature vector and of the training table's columns. */
export const FEATURES: readonly FeatureDefinition[] = [
  inquiries(7),
  inquiries(30),
  inquiries(90),
  inquiries(180),
  distinctLenders(7),
  distinctLenders(30),
  distinctLenders(90),
  distinctLenders(180),
  ...consumption(3),
  ...consumption(6),
  ...consumption(12),
  {
    name: 'online_share_12m',
    unit: 'ratio',
    source: 'bank_transactions',
    window: '12m',
    description: { zh: '近12个月线上消费笔数占比', en: 'share of card payments made online, last 12 months' },
    recourse: DESCRIPTIVE,
  },
  {
    name: 'repayments_12m',
    unit: 'count',
    source: 'here',
    window: '12m',
    description: {
      zh: '近12个月已到期的还款期数（本机构，以及授权后的他处）',
      en: 'instalments fallen due in the last 12 months (here, and elsewhere with consent)',
    },
    recourse: { mutable: true, actionable: false, direction: 'increase', cost: 'days' },
  },
  {
    name: 'ontime_rate_12m',
    unit: 'ratio',
    source: 'here',
    window: '12m',
    description: {
      zh: '近12个月按时还款比例（本机构，以及授权后的他处）',
      en: 'share of instalments due in the last 12 months paid on time (here, and elsewhere with consent)',
    },
    recourse: {
      mutable: true,
      actionable: true,
      direction: 'increase',
      cost: 'days',
      action: { zh: '每期按时足额还款', en: 'pay every instalment in full by its due date' },
    },
  },
  {
    name: 'max_dpd_12m',
    unit: 'days',
    source: 'here',
    window: '12m',
    description: {
      zh: '近12个月最长逾期天数（本机构，以及授权后的他处）',
      en: 'most days past due of any instalment due in the last 12 months (here, and elsewhere with consent)',
    },
    recourse: { mutable: true, actionable: false, direction: 'decrease', cost: 'days' },
  },
  {
    // The new-user ramp grows with cycles repaid on time *here*; ontime_rate_12m mixes in other lenders.
    name: 'ontime_cycles_here_12m',
    unit: 'count',
    source: 'here',
    window: '12m',
    description: {
      zh: '近12个月在本机构按时还款的期数',
      en: 'instalments with this lender due in the last 12 months and paid by their due date',
    },
    recourse: {
      mutable: true,
      actionable: false,
      direction: 'increase',
      cost: 'days',
      action: { zh: '每期按时足额还款', en: 'pay every instalment in full by its due date' },
    },
  },
  {
    name: 'overdue_amount_here',
    unit: 'fen',
    source: 'here',
    description: { zh: '在本机构当前逾期金额（分）', en: 'amount currently overdue with this lender (fen)' },
    recourse: {
      mutable: true,
      actionable: true,
      direction: 'decrease',
      cost: 'fen',
      action: { zh: '还清在本机构的逾期款项', en: 'repay what is overdue with us' },
    },
  },
  {
    name: 'overdue_amount_elsewhere',
    unit: 'fen',
    source: 'credit_bureau',
    description: {
      zh: '在其他机构当前逾期金额（分）',
      en: 'amount currently overdue with other lenders (fen)',
    },
    recourse: {
      mutable: true,
      actionable: true,
      direction: 'decrease',
      cost: 'fen',
      action: { zh: '还清在其他机构的逾期款项', en: 'repay what is overdue with other lenders' },
    },
  },
  {
    name: 'open_loans_elsewhere',
    unit: 'count',
    source: 'credit_bureau',
    description: { zh: '在其他机构未结清的贷款笔数', en: 'loans open with other lenders' },
    recourse: {
      mutable: true,
      actionable: true,
      direction: 'decrease',
      cost: 'fen',
      action: { zh: '结清部分其他机构的贷款', en: 'repay and close some loans with other lenders' },
    },
  },
  {
    // Debt service for the debt-service-ratio cap: what the person already owes each month.
    name: 'debt_service_monthly',
    unit: 'fen',
    source: 'here',
    description: {
      zh: '每月应还的贷款金额（分）：本机构及授权后他处未结清贷款的最近一期应还额',
      en: 'monthly repayments owed on open loans (fen): the latest instalment due of each loan open here, and elsewhere with consent',
    },
    recourse: {
      mutable: true,
      actionable: true,
      direction: 'decrease',
      cost: 'fen',
      action: { zh: '减少每月应还的贷款金额', en: 'bring your monthly loan repayments down' },
    },
  },
  {
    name: 'utilisation',
    unit: 'ratio',
    source: 'here',
    description: {
      zh: '循环额度使用率：已用余额 / 授信额度（本机构，以及授权后的他处）',
      en: 'revolving utilisation: balances / limits (here, and elsewhere with consent)',
    },
    recourse: {
      mutable: true,
      actionable: true,
      direction: 'decrease',
      cost: 'fen',
      action: { zh: '降低信用额度的已用余额', en: 'pay down balances on credit lines' },
    },
  },
  {
    name: 'credit_history_months',
    unit: 'months',
    source: 'here',
    description: {
      zh: '信用记录长度：自最早一笔贷款、额度或还款以来的月数',
      en: 'length of credit history: months since the first loan, line or instalment on record',
    },
    recourse: IMMUTABLE,
  },
  {
    name: 'account_age_days',
    unit: 'days',
    source: 'here',
    description: { zh: '在本机构开户天数', en: 'days since the account with this lender was opened' },
    recourse: IMMUTABLE,
  },
  {
    name: 'age_years',
    unit: 'years',
    source: 'here',
    description: { zh: '年龄（周岁，按观察日）', en: 'age in whole years on the as-of date' },
    recourse: IMMUTABLE,
  },
  {
    name: 'verification_level',
    unit: 'level',
    source: 'here',
    description: {
      zh: '实名认证等级 L0–L3（姓名、身份证、手机号、银行卡）',
      en: 'identity verification level L0–L3 (name, ID, phone, bank card)',
    },
    recourse: {
      mutable: true,
      actionable: true,
      direction: 'increase',
      cost: 'action',
      action: {
        zh: '完成实名认证：使用本人实名登记的手机号，并绑定本人名下的银行卡',
        en: 'complete verification: use a phone registered in your name and bind a bank card in your name',
      },
    },
  },
  {
    name: 'bound_cards',
    unit: 'count',
    source: 'here',
    description: { zh: '已绑定的银行卡数', en: 'bank cards bound to the account' },
    recourse: {
      mutable: true,
      actionable: true,
      direction: 'increase',
      cost: 'action',
      action: { zh: '绑定一张本人名下的银行卡', en: 'bind a bank card in your own name' },
    },
  },
  {
    name: 'limit_views_24h',
    unit: 'count',
    source: 'here',
    window: '24h',
    description: { zh: '近24小时查看额度次数', en: 'limit checks in the last 24 hours' },
    recourse: {
      mutable: true,
      actionable: true,
      direction: 'decrease',
      cost: 'days',
      decay: { windowMs: 24 * HOUR, counts: 'events' },
      action: { zh: '避免反复查看额度', en: 'avoid checking the limit again and again' },
    },
  },
  {
    name: 'failed_logins_24h',
    unit: 'count',
    source: 'here',
    window: '24h',
    description: { zh: '近24小时登录失败次数', en: 'failed logins in the last 24 hours' },
    recourse: {
      mutable: true,
      actionable: true,
      direction: 'decrease',
      cost: 'days',
      decay: { windowMs: 24 * HOUR, counts: 'events' },
      action: { zh: '确认账户安全后再登录', en: 'secure the account before logging in again' },
    },
  },
  {
    name: 'device_changes_30d',
    unit: 'count',
    source: 'here',
    window: '30d',
    description: { zh: '近30天更换登录设备次数', en: 'device changes in the last 30 days' },
    recourse: {
      mutable: true,
      actionable: true,
      direction: 'decrease',
      cost: 'days',
      decay: { windowMs: 30 * DAY, counts: 'events' },
      action: { zh: '使用常用设备登录', en: 'use your usual device' },
    },
  },
  {
    name: 'income_monthly_estimate',
    unit: 'fen',
    source: 'here',
    description: {
      zh: '月收入估计（分）：近6个月每月转入金额的中位数；无授权或无转入时取申报收入区间的中值',
      en: 'monthly income estimate (fen): median monthly inbound transfers over 6 months; without consent or transfers, the midpoint of the declared band',
    },
    recourse: { mutable: true, actionable: false, direction: 'increase', cost: 'none' },
  },
  {
    name: 'income_source',
    unit: 'category',
    source: 'here',
    description: {
      zh: '收入估计的来源：transfers 或 declared',
      en: 'where the income estimate comes from: transfers or declared',
    },
    recourse: DESCRIPTIVE,
  },
  {
    name: 'occupation',
    unit: 'category',
    source: 'profile',
    description: { zh: '职业', en: 'occupation' },
    recourse: DESCRIPTIVE,
  },
  {
    name: 'education',
    unit: 'category',
    source: 'profile',
    description: { zh: '学历', en: 'education' },
    recourse: DESCRIPTIVE,
  },
  {
    name: 'residence_city',
    unit: 'category',
    source: 'profile',
    description: { zh: '居住城市', en: 'city of residence' },
    recourse: DESCRIPTIVE,
  },
  {
    name: 'income_band',
    unit: 'category',
    source: 'profile',
    description: { zh: '申报的月收入区间', en: 'declared monthly income band' },
    recourse: DESCRIPTIVE,
  },
  {
    name: 'social_insurance',
    unit: 'flag',
    source: 'social_insurance',
    description: { zh: '是否缴纳社保', en: 'contributes to social insurance' },
    recourse: DESCRIPTIVE,
  },
  {
    name: 'housing_fund',
    unit: 'flag',
    source: 'social_insurance',
    description: { zh: '是否缴存公积金', en: 'contributes to a housing fund' },
    recourse: DESCRIPTIVE,
  },
  {
    name: 'risk_holds_active',
    unit: 'count',
    source: 'here',
    description: {
      zh: '当前生效的风险管控数（异常行为触发，到期自动解除）',
      en: 'risk holds in force (raised by abnormal behaviour, lifted at expiry)',
    },
    recourse: { mutable: true, actionable: false, direction: 'decrease', cost: 'days' },
  },
];

/** Feature names in vector order. */
export const FEATURE_NAMES: readonly string[] = FEATURES.map((feature) => feature.name);

/** Position of each feature in a vector. */
export const FEATURE_INDEX: Readonly<Record<string, number>> = Object.fromEntries(
  FEATURE_NAMES.map((name, index) => [name, index]),
);

/** A definition by name, or undefined. */
export function featureDefinition(name: string): FeatureDefinition | undefined {
  const index = FEATURE_INDEX[name];
  return index === undefined ? undefined : FEATURES[index];
}
