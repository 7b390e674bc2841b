import { AppError } from '../platform/errors/app-error.ts';
import {
  defineMessages,
  en,
  render,
  zh,
  type LocalizedText,
  type MessageTemplate,
} from '../platform/i18n/localized.ts';
import { verificationLevel, verificationSteps } from '../platform/i18n/glossary.ts';
import { fen, parseFen, type Money } from '../platform/money/money.ts';
import type { Rate } from '../platform/money/rate.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import type { Appeal, AppealCategory, UpholdReason } from './appeal.ts';

/**
 * What the customer reads about an appeal, in Simplified Chinese and English: its status, its outcome, the
 * reasons an appeal was upheld, and the notifications. Templates are typed by their parameters.
 */

export const CATEGORY_NAMES: Readonly<Record<AppealCategory, LocalizedText>> = {
  identity: { zh: '身份认证', en: 'identity verification' },
  data_error: { zh: '数据有误', en: 'incorrect data' },
  repaid_debt: { zh: '欠款已还清', en: 'a debt already repaid' },
  system_fault: { zh: '系统故障', en: 'a system fault' },
  other: { zh: '其他', en: 'other' },
};

const STATUS = defineMessages({
  received: {
    zh: () => '我们已收到您的申诉，正在用您最新的资料自动重新评估。',
    en: () => 'We have received your appeal and are re-assessing it automatically with your latest details.',
  } satisfies MessageTemplate<Record<string, never>>,
  waitingForSystem: {
    zh: () => '我们的系统暂时无法完成重新评估，恢复后会自动继续，您无需重新提交。',
    en: () =>
      'Our systems could not complete the re-assessment just now; it will continue automatically once they are back. You do not need to appeal again.',
  } satisfies MessageTemplate<Record<string, never>>,
  queued: {
    zh: (p: { due: LocalDate }) => `您的申诉已转人工复核，我们会在${zh.date(p.due)}前给您答复。`,
    en: (p: { due: LocalDate }) =>
      `A person will review your appeal; you will have our answer by ${en.date(p.due)}.`,
  } satisfies MessageTemplate<{ due: LocalDate }>,
  inReview: {
    zh: (p: { due: LocalDate }) => `复核人员正在处理您的申诉，我们会在${zh.date(p.due)}前给您答复。`,
    en: (p: { due: LocalDate }) =>
      `A reviewer is working on your appeal; you will have our answer by ${en.date(p.due)}.`,
  } satisfies MessageTemplate<{ due: LocalDate }>,
  overturned: {
    zh: (p: { limit: Money; apr: Rate }) =>
      `好消息：申诉成功。您已获批额度${zh.money(p.limit)}，年化利率${zh.percent(p.apr)}。`,
    en: (p: { limit: Money; apr: Rate }) =>
      `Good news: your appeal succeeded. You are approved for ${en.money(p.limit)} at ${en.percent(p.apr)} a year.`,
  } satisfies MessageTemplate<{ limit: Money; apr: Rate }>,
  upheld: {
    zh: () => '我们仔细复核了您的申诉，决定维持原决定。原因如下。',
    en: () => 'We reviewed your appeal carefully and the original decision stands, for the reasons below.',
  } satisfies MessageTemplate<Record<string, never>>,
  withdrawn: {
    zh: () => '您已撤回申诉。',
    en: () => 'You withdrew your appeal.',
  } satisfies MessageTemplate<Record<string, never>>,
});

/** The status line the customer sees (and is notified with). */
export function customerStatusText(
  appeal: Pick<Appeal, 'status' | 'resolution' | 'slaDueDate' | 'recheckAttempts' | 'upholdReasons'>,
  outcome: { readonly limit: Money; readonly apr: Rate } | null,
): LocalizedText {
  const none = {} as Record<string, never>;
  switch (appeal.status) {
    case 'filed':
      return render(appeal.recheckAttempts > 0 ? STATUS.waitingForSystem : STATUS.received, none);
    case 'queued':
      return appeal.slaDueDate
        ? render(STATUS.queued, { due: appeal.slaDueDate })
        : render(STATUS.received, none);
    case 'in_review':
    case 'pending_approval':
      // A second reviewer is an internal step; the customer's promise is the same.
      return appeal.slaDueDate
        ? render(STATUS.inReview, { due: appeal.slaDueDate })
        : render(STATUS.received, none);
    case 'resolved':
      if (appeal.resolution === 'upheld' || outcome === null) return render(STATUS.upheld, none);
      return render(STATUS.overturned, outcome);
    case 'withdrawn':
      return render(STATUS.withdrawn, none);
  }
}

// -------------------------------------------------------------------------------------------------
// Why an appeal was upheld: a closed catalogue with typed parameters.

const UPHOLD = {
  ORIGINAL_REASONS_STAND: {
    zh: () => '我们核对了原决定给出的原因，这些原因依然成立。',
    en: () => 'We checked the reasons given with the decision, and they still apply.',
  } satisfies MessageTemplate<Record<string, never>>,
  EVIDENCE_INSUFFICIENT: {
    zh: () => '您提供的材料不足以证明原来的信息有误。',
    en: () => 'The documents you sent do not show that the information we used was wrong.',
  } satisfies MessageTemplate<Record<string, never>>,
  RECORD_CONFIRMED_BY_SOURCE: {
    zh: (p: { source: string }) => `我们向${SOURCE_NAMES[p.source]?.zh ?? p.source}核实，记录无误。`,
    en: (p: { source: string }) =>
      `We checked with ${SOURCE_NAMES[p.source]?.en ?? p.source}, who confirmed the record is correct.`,
  } satisfies MessageTemplate<{ source: string }>,
  DEBT_STILL_OVERDUE: {
    zh: (p: { amount: Money }) => `截至复核时，仍有${zh.money(p.amount)}逾期未还。还清后可以重新申请。`,
    en: (p: { amount: Money }) =>
      `When we reviewed it, ${en.money(p.amount)} was still overdue. You can apply again once it is repaid.`,
  } satisfies MessageTemplate<{ amount: Money }>,
  IDENTITY_NOT_VERIFIED: {
    zh: (p: { current: number; required: number }) =>
      `该产品需要${verificationLevel(p.required).need.zh}，您目前${verificationLevel(p.current).state.zh}。请${verificationSteps(p.current, p.required).zh}，完成后可以重新申请。`,
    en: (p: { current: number; required: number }) =>
      `This product needs ${verificationLevel(p.required).need.en}; so far you ${verificationLevel(p.current).state.en}. To go on, ${verificationSteps(p.current, p.required).en}; you can apply again once that is done.`,
  } satisfies MessageTemplate<{ current: number; required: number }>,
} as const;

const SOURCE_NAMES: Readonly<Record<string, LocalizedText>> = {
  credit_bureau: { zh: '征信机构', en: 'the credit bureau' },
  lender: { zh: '相关贷款机构', en: 'the lender concerned' },
  identity_provider: { zh: '身份核验服务', en: 'the identity verification service' },
};

export type UpholdCode = keyof typeof UPHOLD;
export const UPHOLD_CODES = Object.keys(UPHOLD) as UpholdCode[];

/** One parameter a catalogue reason needs, and how a reviewer gives it. */
export type UpholdParamSpec =
  | { readonly name: string; readonly kind: 'source'; readonly options: readonly UpholdSourceOption[] }
  | { readonly name: string; readonly kind: 'fen' }
  | { readonly name: string; readonly kind: 'level'; readonly min: 0; readonly max: 3 };

export interface UpholdSourceOption {
  readonly code: string;
  readonly text: LocalizedText;
}

/**
 * The catalogue as a reviewer's form needs it: each code with the parameters it takes (the same checks as
 * `renderUpholdReasons`), so a console offers the reasons without copying the list.
 */
export function upholdCatalogue(): readonly {
  readonly code: UpholdCode;
  readonly params: readonly UpholdParamSpec[];
}[] {
  const sources = Object.entries(SOURCE_NAMES).map(([code, text]) => ({ code, text }));
  const params: Record<UpholdCode, readonly UpholdParamSpec[]> = {
    ORIGINAL_REASONS_STAND: [],
    EVIDENCE_INSUFFICIENT: [],
    RECORD_CONFIRMED_BY_SOURCE: [{ name: 'source', kind: 'source', options: sources }],
    DEBT_STILL_OVERDUE: [{ name: 'amount', kind: 'fen' }],
    IDENTITY_NOT_VERIFIED: [
      { name: 'current', kind: 'level', min: 0, max: 3 },
      { name: 'required', kind: 'level', min: 0, max: 3 },
    ],
  };
  return UPHOLD_CODES.map((code) => ({ code, params: params[code] }));
}

/** A reason as a reviewer gives it (API and CLI): a code and its parameters. */
export interface UpholdReasonInput {
  readonly code: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

function intParam(params: Readonly<Record<string, unknown>>, name: string, field: string): number {
  const value = params[name];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 3)
    throw AppError.invalid(`${field}.params.${name}`, 'level', `${name} must be a level 0–3`);
  return value;
}

/**
 * Renders the reasons a reviewer gave, checking each code and its parameters (money as integer-fen
 * strings). One to four reasons; the field named in an error is `reasons[i]…`.
 */
export function renderUpholdReasons(inputs: readonly UpholdReasonInput[]): UpholdReason[] {
  if (inputs.length === 0 || inputs.length > 4)
    throw AppError.invalid('reasons', 'count-1-4', 'give one to four reasons the customer will read');
  const reasons = inputs.map((input, index) => renderUpholdReason(input, index));
  // The customer would read the same sentence twice: one reason with the same parameters is given once.
  const seen = new Map<string, number>();
  for (const [index, reason] of reasons.entries()) {
    const key = `${reason.code}\u0000${JSON.stringify(reason.params)}`;
    const earlier = seen.get(key);
    if (earlier !== undefined)
      throw AppError.invalid(
        `reasons[${index}]`,
        'unique',
        `repeats reasons[${earlier}] (${reason.code} with the same parameters)`,
      );
    seen.set(key, index);
  }
  return reasons;
}

function renderUpholdReason(input: UpholdReasonInput, index: number): UpholdReason {
  const field = `reasons[${index}]`;
  const params = input.params ?? {};
  switch (input.code as UpholdCode) {
    case 'ORIGINAL_REASONS_STAND':
    case 'EVIDENCE_INSUFFICIENT':
      return {
        code: input.code,
        params: {},
        text: render(UPHOLD[input.code as 'EVIDENCE_INSUFFICIENT'], {}),
      };
    case 'RECORD_CONFIRMED_BY_SOURCE': {
      const source = params.source;
      if (typeof source !== 'string' || !(source in SOURCE_NAMES))
        throw AppError.invalid(
          `${field}.params.source`,
          'one-of',
          `source must be one of ${Object.keys(SOURCE_NAMES).join(', ')}`,
        );
      return {
        code: input.code,
        params: { source },
        text: render(UPHOLD.RECORD_CONFIRMED_BY_SOURCE, { source }),
      };
    }
    case 'DEBT_STILL_OVERDUE': {
      if (params.amount === undefined || params.amount === null || params.amount === '')
        throw AppError.invalid(
          `${field}.params.amount`,
          'required',
          'the overdue amount is missing: give params.amount in fen, e.g. "200000" for ¥2,000.00',
        );
      const amount = parseFen(String(params.amount), `${field}.params.amount`);
      if (amount <= 0n)
        throw AppError.invalid(`${field}.params.amount`, 'positive', 'the overdue amount must be above zero');
      return {
        code: input.code,
        params: { amount: amount.toString() },
        text: render(UPHOLD.DEBT_STILL_OVERDUE, { amount: fen(amount) }),
      };
    }
    case 'IDENTITY_NOT_VERIFIED': {
      const current = intParam(params, 'current', field);
      const required = intParam(params, 'required', field);
      return {
        code: input.code,
        params: { current, required },
        text: render(UPHOLD.IDENTITY_NOT_VERIFIED, { current, required }),
      };
    }
    default:
      throw AppError.invalid(
        `${field}.code`,
        'uphold-reason',
        `the reason code must be one of ${UPHOLD_CODES.join(', ')}`,
      );
  }
}

// -------------------------------------------------------------------------------------------------
// Refusals the customer reads.

const REFUSALS = {
  windowClosed: {
    zh: (p: { decided: LocalDate; closed: LocalDate; days: number }) =>
      `该决定作出于${zh.date(p.decided)}，申诉期为${p.days}天，已于${zh.date(p.closed)}结束。您可以重新申请。`,
    en: (p: { decided: LocalDate; closed: LocalDate; days: number }) =>
      `This decision was made on ${en.date(p.decided)}; appeals were open for ${p.days} days, until ${en.date(p.closed)}. You can apply again instead.`,
  } satisfies MessageTemplate<{ decided: LocalDate; closed: LocalDate; days: number }>,
};

export function windowClosedText(decided: LocalDate, closed: LocalDate, days: number): LocalizedText {
  return render(REFUSALS.windowClosed, { decided, closed, days });
}
