import {
  defineMessages,
  en,
  render,
  zh,
  type LocalizedText,
  type MessageTemplate,
} from '../platform/i18n/localized.ts';
import { countEn, GLOSSARY, verificationSteps } from '../platform/i18n/glossary.ts';
import { fen, type Money } from '../platform/money/money.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import type { RecourseAction, RecoursePlan } from './recourse.ts';

/**
 * Customer-facing text for recourse actions and for "no plan", typed by parameters like the reason
 * catalogue. Dates are the days by which waiting gets there ("make no new credit applications until …").
 */
const G = GLOSSARY;

export const RECOURSE_MESSAGES = defineMessages({
  REPAY_OVERDUE_HERE: {
    zh: (p) => `还清在本平台的${G.overdue.zh}欠款${zh.money(p.amount)}`,
    en: (p) => `Repay the ${en.money(p.amount)} overdue with us`,
  } satisfies MessageTemplate<{ amount: Money }>,
  REPAY_OVERDUE_ELSEWHERE: {
    zh: (p) => `还清在${G.otherLenders.zh}的${G.overdue.zh}欠款${zh.money(p.amount)}`,
    en: (p) => `Repay the ${en.money(p.amount)} overdue with other lenders`,
  } satisfies MessageTemplate<{ amount: Money }>,
  NO_NEW_APPLICATIONS_UNTIL: {
    zh: (p) =>
      `${zh.date(p.date)}前不要再提交新的${G.creditApplications.zh}（届时近30天的申请将降至${p.applications}次）`,
    en: (p) =>
      `Make no new credit applications until ${en.date(p.date)} (you will then have ${p.applications} in the last 30 days)`,
  } satisfies MessageTemplate<{ date: LocalDate; applications: number }>,
  COMPLETE_VERIFICATION: {
    zh: (p) => `完成${G.identityVerification.zh}：${verificationSteps(p.from, p.level).zh}`,
    en: (p) => `Complete your ${G.identityVerification.en}: ${verificationSteps(p.from, p.level).en}`,
  } satisfies MessageTemplate<{ level: number; from: number }>,
  REDUCE_MONTHLY_REPAYMENTS: {
    zh: (p) => `将${G.monthlyRepayments.zh}降至${zh.money(p.amount)}以下`,
    en: (p) => `Bring your monthly repayments down to ${en.money(p.amount)} or less`,
  } satisfies MessageTemplate<{ amount: Money }>,
  BUILD_HISTORY: {
    zh: (p) => `继续积累${G.creditHistory.zh}，到${zh.date(p.date)}满${p.months}个月`,
    en: (p) => `Keep building your ${G.creditHistory.en}: ${p.months} months by ${en.date(p.date)}`,
  } satisfies MessageTemplate<{ date: LocalDate; months: number }>,
  REPAY_ON_TIME: {
    zh: (p) => `每月${G.onTimeRepayment.zh}，到${zh.date(p.date)}累计${G.onTimeRepayment.zh}${p.cycles}期`,
    en: (p) =>
      `Repay on time every month, so that by ${en.date(p.date)} you have repaid on time for ${countEn(p.cycles, 'month', 'months')}`,
  } satisfies MessageTemplate<{ date: LocalDate; cycles: number }>,
  WAIT_FOR_HOLD_EXPIRY: {
    zh: (p) => `${G.safetyHold.zh}将于${zh.date(p.date)}解除，之后可以再次申请`,
    en: (p) => `The ${G.safetyHold.en} ends on ${en.date(p.date)}; you can apply again after that`,
  } satisfies MessageTemplate<{ date: LocalDate }>,
  LOWER_UTILISATION: {
    zh: (p) => `还掉部分欠款，把${G.creditLimitUse.zh}降到${p.percent}%以下`,
    en: (p) => `Pay your balances down until you use ${p.percent}% of your credit limits or less`,
  } satisfies MessageTemplate<{ percent: number }>,
  NO_PLAN: {
    zh: () => '目前没有您可以采取的措施能改变这一结果。',
    en: () => 'There is nothing you can change right now that would alter this decision.',
  } satisfies MessageTemplate<Record<string, never>>,
});

export type RecourseMessageCode = keyof typeof RECOURSE_MESSAGES;

export interface RenderedAction {
  readonly code: RecourseMessageCode | string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly text: LocalizedText;
}

const amount = (value: unknown): Money => fen(BigInt(Math.round(Number(value))));

/** The text of one action of a plan. Unknown action codes fall back to a neutral description. */
export function renderRecourseAction(action: RecourseAction): RenderedAction {
  const to = Number(action.to);
  switch (action.action) {
    case 'REPAY_OVERDUE_HERE':
    case 'REPAY_OVERDUE_ELSEWHERE': {
      const params = { amount: amount(Number(action.from) - to) };
      return { code: action.action, params, text: render(RECOURSE_MESSAGES[action.action], params) };
    }
    case 'NO_NEW_APPLICATIONS_UNTIL':
      if (action.byDate) {
        const params = { date: action.byDate, applications: to };
        return {
          code: action.action,
          params,
          text: render(RECOURSE_MESSAGES.NO_NEW_APPLICATIONS_UNTIL, params),
        };
      }
      break;
    case 'COMPLETE_VERIFICATION': {
      const params = { level: to, from: Number(action.from) };
      return { code: action.action, params, text: render(RECOURSE_MESSAGES.COMPLETE_VERIFICATION, params) };
    }
    case 'REDUCE_MONTHLY_REPAYMENTS': {
      const params = { amount: amount(to) };
      return {
        code: action.action,
        params,
        text: render(RECOURSE_MESSAGES.REDUCE_MONTHLY_REPAYMENTS, params),
      };
    }
    case 'BUILD_HISTORY':
      if (action.byDate) {
        const params = { date: action.byDate, months: to };
        return { code: action.action, params, text: render(RECOURSE_MESSAGES.BUILD_HISTORY, params) };
      }
      break;
    case 'REPAY_ON_TIME':
      if (action.byDate) {
        const params = { date: action.byDate, cycles: to };
        return { code: action.action, params, text: render(RECOURSE_MESSAGES.REPAY_ON_TIME, params) };
      }
      break;
    case 'WAIT_FOR_HOLD_EXPIRY':
      if (action.byDate) {
        const params = { date: action.byDate };
        return { code: action.action, params, text: render(RECOURSE_MESSAGES.WAIT_FOR_HOLD_EXPIRY, params) };
      }
      break;
    case 'LOWER_UTILISATION': {
      const params = { percent: to };
      return { code: action.action, params, text: render(RECOURSE_MESSAGES.LOWER_UTILISATION, params) };
    }
    default:
      break;
  }
  // An action this catalogue does not know: said without its internal names or values (staff read the
  // code and parameters).
  const params = { feature: action.feature, to: action.to };
  return {
    code: action.action,
    params,
    text: {
      zh: '改善该项情况（详情可咨询客服）',
      en: 'Improve this part of your record (our service team can tell you how)',
    },
  };
}

/** The whole plan as customer text: one line per action, or the "no plan" sentence. */
export function renderRecoursePlan(plan: RecoursePlan): readonly RenderedAction[] {
  if (plan.status === 'plan') return plan.actions.map(renderRecourseAction);
  if (plan.status === 'none')
    return [
      { code: 'NO_PLAN', params: { reason: plan.reason }, text: render(RECOURSE_MESSAGES.NO_PLAN, {}) },
    ];
  return [];
}
