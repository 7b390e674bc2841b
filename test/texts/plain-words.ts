import { GLOSSARY } from '../../src/platform/i18n/glossary.ts';
import type { LocalizedText } from '../../src/platform/i18n/localized.ts';

/**
 * What a customer text must never contain (analyst vocabulary, second names for one thing, money and
 * dates in the wrong form), checked by the catalogue and the demo-case text tests.
 */
/** What a customer text must never contain, with why. */
const FORBIDDEN: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bpoints?\b/i, 'score points'],
  [/\d\s*分(?!期|钟)/, 'score points (分)'],
  [/比最佳|最佳区间|best range|best group/i, 'the scorecard’s best bin'],
  [/to under|不含|区间|\bor more\b/i, 'bin-edge phrasing'],
  [/\b[A-Z]{2,}[-_][A-Z0-9_-]+\b/, 'a code'],
  [/\bL[0-3]\b|L[0-3]级/, 'a verification level code'],
  [/循环额度|revolving|utili[sz]ation/i, 'a second name for the share of credit limits in use'],
  [/异常行为|risk hold|风险保护/i, 'the old name of the safety hold'],
  [/\bcycles?\b/i, 'billing jargon (cycles)'],
  [/\d{4}-\d{2}-\d{2}/, 'an ISO date'],
  [/\bfen\b|（分）/, 'fen'],
];

const ZH_FORBIDDEN: ReadonlyArray<readonly [RegExp, string]> = [
  [/\d\s*元/, 'money as "… 元" (zh money is ¥2,000.00)'],
  [/CNY/, 'money in the en form'],
];
const EN_FORBIDDEN: ReadonlyArray<readonly [RegExp, string]> = [
  [/¥|元/, 'money in the zh form (en money is CNY 2,000.00)'],
  [/[\u4e00-\u9fff]/, 'Chinese in the en text'],
];

/** Every problem of one text (empty when it reads well). */
export function problems(text: LocalizedText): string[] {
  const found: string[] = [];
  for (const [locale, rules] of [
    ['zh', [...FORBIDDEN, ...ZH_FORBIDDEN]],
    ['en', [...FORBIDDEN, ...EN_FORBIDDEN]],
  ] as const)
    for (const [pattern, why] of rules) if (pattern.test(text[locale])) found.push(`${locale}: ${why}`);
  // Money: every amount in its language's one format.
  for (const amount of text.zh.match(/[\d,]+\.\d{2}(?![\d%])/g) ?? [])
    if (!text.zh.includes(`¥${amount}`)) found.push(`zh: ${amount} not written ¥${amount}`);
  for (const amount of text.en.match(/[\d,]+\.\d{2}(?![\d%])/g) ?? [])
    if (!text.en.includes(`CNY ${amount}`)) found.push(`en: ${amount} not written CNY ${amount}`);
  // One name for the share of credit limits in use.
  for (const match of text.zh.matchAll(/使用率/g))
    if (!text.zh.slice(0, (match.index ?? 0) + 3).endsWith(GLOSSARY.creditLimitUse.zh))
      found.push('zh: 使用率 without its glossary name');
  return found;
}
