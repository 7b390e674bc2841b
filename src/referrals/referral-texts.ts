import { paramJson, type PrincipalReason } from '../decisions/index.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { en, zh, type LocalizedText } from '../platform/i18n/localized.ts';
import { parseFen, type Money } from '../platform/money/money.ts';
import {
  dailyRateOf,
  REASON_CODES,
  REASON_STAGE,
  renderReason,
  type ReasonCode,
  type ReasonParams,
} from '../policy/index.ts';
import type { Rate } from '../platform/money/rate.ts';
import { parseLocalDate, type LocalDate } from '../platform/time/local-date.ts';

/**
 * What a person's decision on a referral says: the reasons of a decline, taken from the policies' own
 * reason catalogue (the knock-outs, each with its typed parameters — the customer reads the same sentence
 * an automatic decline would give), the reason of an approval, and the notification the customer gets,
 * in zh-CN and en.
 */

type ParamKind = 'int' | 'money' | 'date-or-null';
type KindOf<T> = [T] extends [Money] ? 'money' : [T] extends [number] ? 'int' : 'date-or-null';

/**
 * How each knock-out's parameters are given (money as integer-fen strings, as every reason parameter on
 * the API): typed against the catalogue, so a parameter added to a template without a line here fails
 * the type check.
 */
const PARAMS: {
  readonly [C in ReasonCode]?: { readonly [K in keyof ReasonParams<C>]-?: KindOf<ReasonParams<C>[K]> };
} = {
  BLOCKLISTED: {},
  ACTIVE_RISK_HOLD: { until: 'date-or-null' },
  VERIFICATION_LEVEL_TOO_LOW: { current: 'int', required: 'int' },
  AGE_OUTSIDE_RANGE: { age: 'int', minAge: 'int', maxAge: 'int' },
  OVERDUE_HERE: { amount: 'money' },
  OVERDUE_ELSEWHERE: { amount: 'money' },
  MULTI_HEAD_BORROWING: { applications: 'int', days: 'int', maximum: 'int' },
  SCORE_BELOW_CUTOFF: { score: 'int', cutoff: 'int' },
  POLICY_TIGHTENED: { score: 'int', cutoff: 'int', usualCutoff: 'int' },
  THIN_FILE: { historyMonths: 'int', requiredMonths: 'int' },
  LIMIT_BELOW_PRODUCT_MINIMUM: { limit: 'money', minimum: 'money' },
};

/** The catalogue codes a reviewer may decline with: the knock-outs (not the referral or fault codes). */
export const DECLINE_CODES: readonly ReasonCode[] = REASON_CODES.filter(
  (code) => REASON_STAGE[code] === 'knockout' && PARAMS[code] !== undefined,
);

/** A reason as a reviewer gives it (API and CLI): a catalogue code and its parameters. */
export interface DeclineReasonInput {
  readonly code: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

function param(kind: ParamKind, value: unknown, field: string): unknown {
  switch (kind) {
    case 'int':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 100_000)
        throw AppError.invalid(field, 'whole-number', 'must be a whole number from 0 to 100000');
      return value;
    case 'money': {
      if (value === undefined || value === null || value === '')
        throw AppError.invalid(
          field,
          'required',
          'give the amount in integer fen, e.g. "200000" for ¥2,000.00',
        );
      const amount = parseFen(String(value), field);
      if (amount <= 0n) throw AppError.invalid(field, 'positive', 'the amount must be above zero');
      return amount;
    }
    case 'date-or-null':
      return value === undefined || value === null ? null : parseLocalDate(String(value), field);
  }
}

/**
 * Renders the reasons a reviewer declines with: one to four catalogue knock-outs, each with the
 * parameters its text takes (errors name `reasons[i].code` or `reasons[i].params.name` and the rule).
 */
export function renderDeclineReasons(inputs: readonly DeclineReasonInput[]): PrincipalReason[] {
  if (inputs.length === 0 || inputs.length > 4)
    throw AppError.invalid('reasons', 'count-1-4', 'give one to four reasons the customer will read');
  const seen = new Set<string>();
  return inputs.map((input, index) => {
    const field = `reasons[${index}]`;
    const kinds = (DECLINE_CODES as readonly string[]).includes(input.code)
      ? (PARAMS[input.code as ReasonCode] as Record<string, ParamKind>)
      : undefined;
    if (!kinds)
      throw AppError.invalid(
        `${field}.code`,
        'catalogue',
        `"${input.code}" is not a decline reason of the catalogue; use one of ${DECLINE_CODES.join(', ')}`,
      );
    if (seen.has(input.code))
      throw AppError.invalid(`${field}.code`, 'unique', `${input.code} is given twice`);
    seen.add(input.code);
    const given = input.params ?? {};
    for (const name of Object.keys(given))
      if (!(name in kinds))
        throw AppError.invalid(
          `${field}.params.${name}`,
          'unknown-param',
          `${input.code} takes no "${name}"`,
        );
    const params: Record<string, unknown> = {};
    for (const [name, kind] of Object.entries(kinds))
      params[name] = param(kind, given[name], `${field}.params.${name}`);
    const code = input.code as ReasonCode;
    const rendered = renderReason(code, params as ReasonParams<typeof code>);
    return {
      code,
      kind: 'review',
      params: paramJson(rendered.params) as Record<string, unknown>,
      text: rendered.text,
    };
  });
}

/** The one reason of a reviewer's approval. */
export function approvalReason(limit: Money, apr: Rate): PrincipalReason {
  return {
    code: 'MANUAL_REVIEW_APPROVED',
    kind: 'review',
    params: { limit: limit.toString(), apr: paramJson(apr) },
    text: {
      zh: `审核人员人工审核了您的申请并予以批准：额度${zh.money(limit)}，年化利率${zh.percent(apr)}。`,
      en: `A person reviewed your application and approved it: a limit of ${en.money(limit)} at ${en.percent(apr)} a year.`,
    },
  };
}

/** What the customer is told when the case closes, from the decision that closed it. */
export function decidedNotification(input: {
  readonly productName: LocalizedText;
  readonly by: 'review' | 'rerun';
  readonly outcome: 'approved' | 'declined';
  readonly limit: Money;
  readonly apr: Rate | null;
  readonly reasons: readonly PrincipalReason[];
  readonly decisionDate: LocalDate;
}): LocalizedText {
  const who =
    input.by === 'review'
      ? {
          zh: `审核人员已人工审核您的${input.productName.zh}申请`,
          en: `A person has reviewed your ${input.productName.en} application`,
        }
      : {
          zh: `我们已重新评估您的${input.productName.zh}申请`,
          en: `We have assessed your ${input.productName.en} application again`,
        };
  if (input.outcome === 'approved' && input.apr) {
    const daily = dailyRateOf(input.apr);
    return {
      zh: `${who.zh}（${zh.date(input.decisionDate)}），结果：已批准。额度${zh.money(input.limit)}，年化利率${zh.percent(input.apr)}（日利率${zh.percent(daily, 3)}）。现在即可在App中借款。`,
      en: `${who.en} (${en.date(input.decisionDate)}): approved. Your limit is ${en.money(input.limit)} at ${en.percent(input.apr)} a year (${en.percent(daily, 3)} a day). You can borrow in the app now.`,
    };
  }
  const list = (lang: 'zh' | 'en') =>
    input.reasons.map((reason, index) => `${index + 1}. ${reason.text[lang]}`).join(lang === 'zh' ? '' : ' ');
  return {
    zh: `${who.zh}（${zh.date(input.decisionDate)}），结果：暂未通过。原因：${list('zh')} 原因中说明了哪些情况改变后会有帮助；情况改变后您可以重新申请。`,
    en: `${who.en} (${en.date(input.decisionDate)}): we cannot approve it for now. Why: ${list('en')} Each reason says what would help; once that has changed you can apply again.`,
  };
}
