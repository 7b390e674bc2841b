import { formatMoney, type Money } from '../money/money.ts';
import { formatPercent, type Rate } from '../money/rate.ts';
import { dateParts, type LocalDate } from '../time/local-date.ts';

/**
 * Customer-facing text in Simplified Chinese and English. Messages are templates typed by their
 * parameters — a function per language — so a placeholder can never be filled with the wrong value or in
 * the wrong order (the failure mode of untyped `{0}`/`{1}` catalogues). Parameters are stored beside the
 * rendered text so it can be re-rendered or checked later.
 */
export type Locale = 'zh-CN' | 'en';

export interface LocalizedText {
  readonly zh: string;
  readonly en: string;
}

export interface MessageTemplate<P> {
  readonly zh: (params: P) => string;
  readonly en: (params: P) => string;
}

export function render<P>(template: MessageTemplate<P>, params: P): LocalizedText {
  return { zh: template.zh(params), en: template.en(params) };
}

/** Builds a catalogue keyed by code; `satisfies` keeps each template's parameter type. */
export function defineMessages<T extends Record<string, MessageTemplate<never>>>(catalogue: T): T {
  return catalogue;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Formatting helpers for templates, one per locale. */
export const zh = {
  money: (amount: Money): string => formatMoney(amount, 'zh-CN'),
  date: (date: LocalDate): string => {
    const { year, month, day } = dateParts(date);
    return `${year}年${month}月${day}日`;
  },
  percent: (rate: Rate, places = 2): string => formatPercent(rate, places),
};

export const en = {
  money: (amount: Money): string => formatMoney(amount, 'en'),
  date: (date: LocalDate): string => {
    const { year, month, day } = dateParts(date);
    return `${day} ${MONTHS_EN[month - 1]} ${year}`;
  },
  percent: (rate: Rate, places = 2): string => formatPercent(rate, places),
};
