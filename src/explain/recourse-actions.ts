import {
  defineMessages,
  en,
  render,
  zh,
  type LocalizedText,
  type MessageTemplate,
} from '../platform/i18n/localized.ts';
import { fen, type Money } from '../platform/money/money.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import type { RecourseAction, RecoursePlan } from './recourse.ts';

/**
 * Customer-facing text for recourse actions and for "no plan", typed by parameters like the reason
 * catalogue. Dates are the days by which waiting gets there ("make no new credit applications until …").
 */
export const RECOURSE_MESSAGES = defineMessages({
  REPAY_OVERDUE_HERE: {
    zh: (p) => `还清在本平台的逾期欠款${zh.money(p.amount)}`,
    en: (p) => `Repay the ${en.money(p.amount)} overdue with us`,
  } satisfies MessageTemplate<{ amount: Money }>,
  REPAY_OVERDUE_ELSEWHERE: {
    zh: (p) => `还清在其他机构的逾期欠款${zh.money(p.amount)}`,
    en: (p) => `Repay the ${en.money(p.amount)} overdue with other lenders`,
  } satisfies MessageTemplate<{ amount: Money }>,
  NO_NEW_APPLICATIONS_UNTIL: {
    zh: (p) => `${zh.date(p.date)}前不要再申请新的贷款或信用卡（届时近30天申请将降至${p.applications}次）`,
    en: (p) =>
      `Make no new credit applications until ${en.date(p.date)} (you will then have ${p.applications} in the last 30 days)`,
  } satisfies MessageTemplate<{ date: LocalDate; applications: number }>,
  COMPLETE_VERIFICATION: {
    zh: (p) => `完成实名认证至L${p.level}`,
    en: (p) => `Complete identity verification to level L${p.level}`,
  } satisfies MessageTemplate<{ level: number }>,
  REDUCE_MONTHLY_REPAYMENTS: {
    zh: (p) => `将每月还款降至${zh.money(p.amount)}以下`,
    en: (p) => `Bring your monthly repayments down to ${en.money(p.amount)} or less`,
  } satisfies MessageTemplate<{ amount: Money }>,
  BUILD_HISTORY: {
    zh: (p) => `继续保持良好的信用记录，到${zh.date(p.date)}满${p.months}个月`,
    en: (p) => `Keep building your credit history: ${p.months} months by ${en.date(p.date)}`,
  } satisfies MessageTemplate<{ date: LocalDate; months: number }>,
  REPAY_ON_TIME: {
    zh: (p) => `按时还款，到${zh.date(p.date)}累计${p.cycles}期`,
    en: (p) => `Repay on time: ${p.cycles} cycles by ${en.date(p.date)}`,
  } satisfies MessageTemplate<{ date: LocalDate; cycles: number }>,
  WAIT_FOR_HOLD_EXPIRY: {
    zh: (p) => `风险保护将于${zh.date(p.date)}解除，之后可再次申请`,
    en: (p) => `The risk hold ends on ${en.date(p.date)}; you can apply again after that`,
  } satisfies MessageTemplate<{ date: LocalDate }>,
  LOWER_UTILISATION: {
    zh: (p) => `将信用额度使用率降到${p.percent}%以下`,
    en: (p) => `Bring your credit utilisation down to ${p.percent}% or less`,
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
      const params = { level: to };
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
  const params = { feature: action.feature, to: action.to };
  return {
    code: action.action,
    params,
    text: {
      zh: `将${action.feature}调整为${String(action.to)}`,
      en: `Change ${action.feature} to ${String(action.to)}`,
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
