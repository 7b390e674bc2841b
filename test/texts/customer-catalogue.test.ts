import { describe, expect, it } from 'vitest';
import { FEATURES } from '../../src/customers/index.ts';
import { SCORECARD_ACTION_MESSAGES } from '../../src/decisions/decision-recourse.ts';
import { renderUpholdReasons } from '../../src/appeals/appeal-texts.ts';
import { factorText } from '../../src/explain/factor-texts.ts';
import { RECOURSE_MESSAGES } from '../../src/explain/recourse-actions.ts';
import { render, type LocalizedText } from '../../src/platform/i18n/localized.ts';
import { fen } from '../../src/platform/money/money.ts';
import { parseRate } from '../../src/platform/money/rate.ts';
import { parseLocalDate } from '../../src/platform/time/local-date.ts';
import { REASON_CODES, renderReason, type ReasonCode } from '../../src/policy/reasons.ts';
import { problems } from './plain-words.ts';

/**
 * The customer catalogue — policy reasons, score factors, plan actions, appeal reasons — rendered for
 * sample parameters in both languages and read as a customer would: no analyst vocabulary (points, bins,
 * "to under", codes, L-levels), one name per thing (the glossary's), one money format per language
 * (¥2,000.00 / CNY 2,000.00) and dates in the reader's form (2026年12月6日 / 6 Dec 2026).
 */

const date = parseLocalDate('2026-12-06');

const REASON_SAMPLES: { readonly [C in ReasonCode]: Parameters<typeof renderReason<C>>[1] } = {
  BLOCKLISTED: {},
  ACTIVE_RISK_HOLD: { until: date },
  VERIFICATION_LEVEL_TOO_LOW: { current: 0, required: 3 },
  AGE_OUTSIDE_RANGE: { age: 17, minAge: 18, maxAge: 60 },
  OVERDUE_HERE: { amount: fen(200_000n) },
  OVERDUE_ELSEWHERE: { amount: fen(1_200_000n) },
  MULTI_HEAD_BORROWING: { applications: 7, days: 30, maximum: 5 },
  SCORE_BELOW_CUTOFF: { score: 597, cutoff: 630 },
  POLICY_TIGHTENED: { score: 612, cutoff: 630, usualCutoff: 600 },
  THIN_FILE: { historyMonths: 1, requiredMonths: 3 },
  NEW_USER_RAMP: { limit: fen(500_000n), onTimeCycles: 0 },
  LIMIT_CAPPED_BY_DEBT_SERVICE: {
    limit: fen(1_000_000n),
    monthlyIncome: fen(1_200_000n),
    monthlyDebtPayments: fen(500_000n),
  },
  LIMIT_REDUCED_BY_RISK_APPETITE: { limit: fen(2_250_000n), scale: parseRate('0.75') },
  LIMIT_BELOW_PRODUCT_MINIMUM: { limit: fen(50_000n), minimum: fen(100_000n) },
  LIMIT_BELOW_REQUEST: { limit: fen(500_000n), requested: fen(800_000n) },
  REFERRED_FOR_REVIEW: {},
  SYSTEM_UNAVAILABLE: {},
};

/** Sample values of a characteristic as the scorecard reads it (ratios 0–1, money in yuan). */
function sampleValues(unit: string): Array<number | string | null> {
  switch (unit) {
    case 'ratio':
      return [0.92, 0.5, null];
    case 'fen':
      return [2000, 12000.5, null];
    case 'category':
      return ['declared', 'master_or_above', null];
    case 'flag':
      return [0, null];
    default:
      return [0, 1, 3, null];
  }
}

function catalogue(): Array<{ where: string; text: LocalizedText }> {
  const out: Array<{ where: string; text: LocalizedText }> = [];
  for (const code of REASON_CODES)
    out.push({ where: `reason ${code}`, text: renderReason(code, REASON_SAMPLES[code] as never).text });
  for (const [current, required] of [
    [0, 1],
    [1, 2],
    [2, 3],
    [1, 3],
  ] as const)
    out.push({
      where: `reason VERIFICATION_LEVEL_TOO_LOW ${current}→${required}`,
      text: renderReason('VERIFICATION_LEVEL_TOO_LOW', { current, required }).text,
    });
  out.push({
    where: 'reason NEW_USER_RAMP 3',
    text: renderReason('NEW_USER_RAMP', { limit: fen(500_000n), onTimeCycles: 3 }).text,
  });
  for (const feature of FEATURES)
    for (const value of sampleValues(feature.unit))
      out.push({
        where: `factor ${feature.name}=${String(value)}`,
        text: factorText({ feature: feature.name, value, label: { zh: '某项信息', en: 'record' } }),
      });
  const action = {
    amount: fen(200_000n),
    date,
    applications: 5,
    level: 3,
    from: 1,
    months: 3,
    cycles: 3,
    percent: 14,
    loans: 1,
    cards: 1,
    what: { zh: '额度查看', en: 'checking of your limit' },
  };
  for (const [code, template] of Object.entries(RECOURSE_MESSAGES))
    out.push({ where: `action ${code}`, text: render(template as never, action) });
  for (const [code, template] of Object.entries(SCORECARD_ACTION_MESSAGES))
    out.push({ where: `action ${code}`, text: render(template as never, action) });
  for (const reason of renderUpholdReasons([
    { code: 'DEBT_STILL_OVERDUE', params: { amount: '200000' } },
    { code: 'IDENTITY_NOT_VERIFIED', params: { current: 1, required: 3 } },
    { code: 'RECORD_CONFIRMED_BY_SOURCE', params: { source: 'credit_bureau' } },
  ]))
    out.push({ where: `appeal ${reason.code}`, text: reason.text });
  return out;
}

describe('the customer catalogue reads as plain words', () => {
  it('has no points, bins, codes, second names, or money and dates in the wrong form', () => {
    const bad = catalogue()
      .map(({ where, text }) => ({ where, problems: problems(text), text }))
      .filter((entry) => entry.problems.length > 0);
    expect(bad).toEqual([]);
  });

  it('catches what it is meant to catch (the old wording)', () => {
    expect(
      problems({
        zh: '您的循环额度使用率不低于 64.7%，比最佳区间少 130 分。',
        en: 'Your revolving utilisation is 64.7% or more, 130 points below the best range.',
      }),
    ).toEqual(expect.arrayContaining(['zh: score points (分)', 'en: score points', 'en: bin-edge phrasing']));
    expect(problems({ zh: '在 3 至 7 之间（不含 7）', en: 'is 3 to under 7' })).toContain(
      'en: bin-edge phrasing',
    );
    expect(problems({ zh: '低于 12,000 元，欠款¥2,000.00', en: 'L3 (bank card)' })).toEqual(
      expect.arrayContaining([
        'zh: money as "… 元" (zh money is ¥2,000.00)',
        'en: a verification level code',
      ]),
    );
    expect(problems({ zh: '目前已按时还款0期', en: 'no on-time cycles yet' })).toContain(
      'en: billing jargon (cycles)',
    );
  });

  it('says the utilisation factor the way the issue asks, with the person’s own figure', () => {
    expect(factorText({ feature: 'utilisation', value: 0.9167, label: { zh: '', en: '' } })).toEqual({
      zh: '您已使用信用额度的92%，还掉部分欠款、降低信用额度使用率会有帮助。',
      en: 'You are using 92% of your credit limits; paying your balances down helps.',
    });
  });
});
