import { api, unwrap } from '../api.ts';
import {
  LINE_TOOLS,
  TOOLS,
  type HardshipBody,
  type HardshipProductKind,
  type HardshipRequest,
  type LineHardshipBody,
  type ReasonCode,
} from './common.tsx';
import type { HardshipChange } from './figures.tsx';

/** The "Help this borrower" form's values, for either product (each product reads its tool's fields). */
export interface HelpValues {
  tool: string;
  rescheduleBy?: 'count' | 'max';
  instalments?: number;
  statements?: number;
  maxInstalment?: string;
  interest?: string;
  penalty?: string;
  fees?: string;
  lateFees?: string;
  amount?: string;
  reasons: { code?: ReasonCode; note?: string }[];
}

export type Reasons = HardshipBody['reasons'];

/** What a preview shows, whatever the product. */
export interface PreviewView {
  readonly moneyEffect: string;
  readonly secondPersonAbove: string;
  readonly needsSecondPerson: boolean;
  /** The message the customer will read once applied (null where the API cannot tell it beforehand). */
  readonly customerMessage: { readonly zh: string; readonly en: string } | null;
  readonly change: HardshipChange;
}

/** What a request answers: the request, and the account before and after (none on a replay). */
export interface OutcomeView {
  readonly request: HardshipRequest;
  readonly change: HardshipChange | null;
}

/**
 * A product's side of "Help this borrower": its tools, the fields each tool sends (only those: the API refuses
 * any other, rule `not-for-tool`), and its four calls. The drawer (`help-borrower.tsx`) is the same for both.
 */
export interface HardshipProductSpec {
  readonly product: HardshipProductKind;
  readonly tools: readonly string[];
  /** The form fields a refusal may name (anything else is shown above the form only). */
  readonly fields: readonly string[];
  /** The request's body without its reasons, as JSON: a preview is stale once it differs. */
  bodyKey(values: HelpValues): string;
  list(id: string): Promise<readonly HardshipRequest[]>;
  preview(id: string, values: HelpValues): Promise<PreviewView>;
  request(id: string, values: HelpValues, reasons: Reasons, intentKey: string): Promise<OutcomeView>;
}

const money = (value: string | undefined) => value?.trim() ?? '';
/** An optional amount: sent only when entered (an empty field is not a 0 the API would have to read). */
const optional = <K extends string>(key: K, value: string | undefined) =>
  (value?.trim() ? { [key]: money(value) } : {}) as Partial<Record<K, string>>;

/** A loan's body from the form: only the fields of the chosen tool. */
function loanBody(values: HelpValues): Omit<HardshipBody, 'reasons'> {
  switch (values.tool) {
    case 'reschedule':
      return values.rescheduleBy === 'max'
        ? { tool: 'reschedule', maxInstalment: money(values.maxInstalment) }
        : { tool: 'reschedule', ...(values.instalments ? { instalments: values.instalments } : {}) };
    case 'holiday':
      return { tool: 'holiday', ...(values.instalments ? { instalments: values.instalments } : {}) };
    case 're-age':
      return { tool: 're-age' };
    case 'settlement':
      return { tool: 'settlement', amount: money(values.amount) };
    default:
      return {
        tool: 'waiver',
        ...optional('interest', values.interest),
        ...optional('penalty', values.penalty),
      };
  }
}

/** A line's body from the form: only the fields of the chosen tool. */
function lineBody(values: HelpValues): Omit<LineHardshipBody, 'reasons'> {
  switch (values.tool) {
    case 'holiday':
      return { tool: 'holiday', ...(values.statements ? { statements: values.statements } : {}) };
    case 're-age':
      return { tool: 're-age' };
    case 'settlement':
      return { tool: 'settlement', amount: money(values.amount) };
    default:
      return {
        tool: 'waiver',
        ...optional('interest', values.interest),
        ...optional('fees', values.fees),
        ...optional('lateFees', values.lateFees),
      };
  }
}

export const LOAN_HARDSHIP: HardshipProductSpec = {
  product: 'loan',
  tools: TOOLS,
  fields: ['tool', 'instalments', 'maxInstalment', 'interest', 'penalty', 'amount'],
  bodyKey: (values) => JSON.stringify(loanBody(values)),
  list: async (loanId) =>
    (await unwrap(api.GET('/v1/loans/{loanId}/hardship-requests', { params: { path: { loanId } } })))
      .requests,
  preview: async (loanId, values) => {
    const answer = await unwrap(
      api.POST('/v1/loans/{loanId}/hardship-requests/preview', {
        params: { path: { loanId } },
        body: loanBody(values),
      }),
    );
    return {
      ...answer,
      customerMessage: null,
      change: { product: 'loan', before: answer.instalmentsBefore, after: answer.instalmentsAfter },
    };
  },
  request: async (loanId, values, reasons, intentKey) => {
    const answer = await unwrap(
      api.POST('/v1/loans/{loanId}/hardship-requests', {
        params: { path: { loanId }, header: { 'idempotency-key': intentKey } },
        body: { ...loanBody(values), reasons },
      }),
    );
    return {
      request: answer.request,
      change:
        answer.instalmentsAfter.length > 0
          ? { product: 'loan', before: answer.instalmentsBefore, after: answer.instalmentsAfter }
          : null,
    };
  },
};

export const LINE_HARDSHIP: HardshipProductSpec = {
  product: 'line',
  tools: LINE_TOOLS,
  fields: ['tool', 'statements', 'interest', 'fees', 'lateFees', 'amount'],
  bodyKey: (values) => JSON.stringify(lineBody(values)),
  list: async (lineId) =>
    (await unwrap(api.GET('/v1/lines/{lineId}/hardship-requests', { params: { path: { lineId } } })))
      .requests,
  preview: async (lineId, values) => {
    const answer = await unwrap(
      api.POST('/v1/lines/{lineId}/hardship-requests/preview', {
        params: { path: { lineId } },
        body: lineBody(values),
      }),
    );
    return { ...answer, change: { product: 'line', before: answer.before, after: answer.after } };
  },
  request: async (lineId, values, reasons, intentKey) => {
    const answer = await unwrap(
      api.POST('/v1/lines/{lineId}/hardship-requests', {
        params: { path: { lineId }, header: { 'idempotency-key': intentKey } },
        body: { ...lineBody(values), reasons },
      }),
    );
    return {
      request: answer.request,
      change:
        answer.before && answer.after
          ? { product: 'line', before: answer.before, after: answer.after }
          : null,
    };
  },
};

export const HARDSHIP_PRODUCTS: Readonly<Record<HardshipProductKind, HardshipProductSpec>> = {
  loan: LOAN_HARDSHIP,
  line: LINE_HARDSHIP,
};
