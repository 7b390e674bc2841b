import {
  defineMessages,
  render,
  type LocalizedText,
  type MessageTemplate,
} from '../platform/i18n/localized.ts';
import { formatNumber, type BinRule } from './binning.ts';

/**
 * The analyst's wording of bins and score reasons, zh-CN and en, from typed parameters: the bin in words
 * and the points lost against the best bin ("64.7% or more, 130 points below the best range"), for the
 * scoring API, the CLI and model reports. Customers never read these: a decision's principal reasons
 * render the customer's text of a factor from `src/explain/factor-texts.ts` (everyday words, the person's
 * value, what helps) and keep bin and points only in their parameters for staff. A reason's text here
 * depends only on the characteristic, its bin and the points lost, so the scorer renders each once when
 * it is built and every scored row shares it: reasons cost no string work on the hot path.
 */

export type ValueFormat = 'percent' | 'yuan';

/** An amount in yuan, grouped: whole yuan without decimals (12000 → "12,000"), else two ("3,419.50"). */
function grouped(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  const digits = Number.isInteger(rounded) ? 0 : 2;
  return new Intl.NumberFormat('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: true,
  }).format(Object.is(rounded, -0) ? 0 : rounded);
}

/**
 * A bin bound as the customer reads it: a fraction as a percentage with at most one decimal (0.6466 →
 * "64.7%"), money in yuan with grouped thousands ("CNY 12,000" / "12,000 元"), otherwise the number as the
 * scorecard holds it. Rounding is for reading only; the cut point itself is unchanged.
 */
function bound(value: number, format: ValueFormat | undefined): LocalizedText {
  if (format === 'percent') {
    const text = `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(value * 100)}%`;
    return { zh: text, en: text };
  }
  if (format === 'yuan') return { zh: `${grouped(value)} 元`, en: `CNY ${grouped(value)}` };
  const text = formatNumber(value);
  return { zh: text, en: text };
}

/** The bin in words: "130 to under 250" / "在 130 至 250 之间（不含 250）", "missing" / "缺失", … */
export function binPhrase(rule: BinRule, format?: ValueFormat): LocalizedText {
  switch (rule.kind) {
    case 'interval': {
      // The zh forms are predicates ("低于 75"), so a template reads 您的月收入低于 75 without a copula.
      const { lower, upper } = rule;
      if (lower === null && upper === null) return { zh: '为任意值', en: 'any value' };
      if (lower === null) {
        const u = bound(upper ?? 0, format);
        return { zh: `低于 ${u.zh}`, en: `below ${u.en}` };
      }
      const l = bound(lower, format);
      if (upper === null) return { zh: `不低于 ${l.zh}`, en: `${l.en} or more` };
      const u = bound(upper, format);
      return {
        zh: `在 ${l.zh} 至 ${u.zh} 之间（不含 ${u.zh}）`,
        en: `${l.en} to under ${u.en}`,
      };
    }
    case 'special':
      return {
        zh: `特殊值 ${formatNumber(rule.value)}`,
        en: `the special value ${formatNumber(rule.value)}`,
      };
    case 'missing':
      return { zh: '缺失', en: 'missing' };
    case 'categories':
      if (rule.categories.length === 0) return { zh: '少见类别', en: 'a rare category' };
      return {
        zh: `${rule.categories.join('、')}${rule.rare.length > 0 ? '（或少见类别）' : ''}`,
        en: `${rule.categories.join(', ')}${rule.rare.length > 0 ? ' (or a rare category)' : ''}`,
      };
    case 'unknown':
      return { zh: '未见过的类别', en: 'a category not seen before' };
  }
}

/** Parameters of every reason text. */
export interface ReasonTextParams {
  /** What the characteristic is called, e.g. { zh: '月收入', en: 'monthly income' }. */
  readonly label: LocalizedText;
  /** The applicant's bin in words (`binPhrase`). */
  readonly bin: LocalizedText;
  /** Points below the best bin of the characteristic (> 0). */
  readonly pointsLost: number;
}

const pointsEn = (n: number): string => (n === 1 ? '1 point' : `${n} points`);

export const REASON_MESSAGES = defineMessages({
  interval: {
    zh: (p: ReasonTextParams) => `您的${p.label.zh}${p.bin.zh}，比最佳区间少 ${p.pointsLost} 分。`,
    en: (p: ReasonTextParams) =>
      `Your ${p.label.en} is ${p.bin.en}, ${pointsEn(p.pointsLost)} below the best range.`,
  },
  special: {
    zh: (p: ReasonTextParams) => `您的${p.label.zh}为${p.bin.zh}，比最佳区间少 ${p.pointsLost} 分。`,
    en: (p: ReasonTextParams) =>
      `Your ${p.label.en} has ${p.bin.en}, ${pointsEn(p.pointsLost)} below the best range.`,
  },
  missing: {
    zh: (p: ReasonTextParams) => `我们没有您的${p.label.zh}信息，因此比最佳情况少 ${p.pointsLost} 分。`,
    en: (p: ReasonTextParams) =>
      `We have no information on your ${p.label.en}, which scores ${pointsEn(p.pointsLost)} below the best.`,
  },
  categories: {
    zh: (p: ReasonTextParams) => `您的${p.label.zh}属于“${p.bin.zh}”，比最佳类别少 ${p.pointsLost} 分。`,
    en: (p: ReasonTextParams) =>
      `Your ${p.label.en} (${p.bin.en}) scores ${pointsEn(p.pointsLost)} below the best group.`,
  },
  unknown: {
    zh: (p: ReasonTextParams) => `您的${p.label.zh}是模型未见过的类别，比最佳类别少 ${p.pointsLost} 分。`,
    en: (p: ReasonTextParams) =>
      `Your ${p.label.en} is a category the model has not seen before, ${pointsEn(p.pointsLost)} below the best group.`,
  },
} satisfies Record<BinRule['kind'], MessageTemplate<ReasonTextParams>>);

/** The rendered reason text for a bin kind. */
export function reasonText(kind: BinRule['kind'], params: ReasonTextParams): LocalizedText {
  return render(REASON_MESSAGES[kind], params);
}

/** The default label of a feature: its name with separators as spaces (`ontime_rate_12m` → "ontime rate 12m"). */
export function defaultLabel(feature: string): LocalizedText {
  const words = feature.replace(/[_\-.]+/g, ' ').trim();
  return { zh: words, en: words };
}
