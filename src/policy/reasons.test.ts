import { describe, expect, it } from 'vitest';
import { fen } from '../platform/money/money.ts';
import { parseRate } from '../platform/money/rate.ts';
import { parseLocalDate } from '../platform/time/local-date.ts';
import { REASON_CODES, REASON_STAGE, renderReason } from './reasons.ts';

describe('reason catalogue', () => {
  it('has a stage for every code', () => {
    expect(Object.keys(REASON_STAGE).sort()).toEqual([...REASON_CODES].sort());
  });

  it('renders typed parameters in the right places, in both languages', () => {
    expect(renderReason('POLICY_TIGHTENED', { score: 620, cutoff: 640, usualCutoff: 600 }).text).toEqual({
      zh: '近期授信政策收紧，评分要求由600分提高到640分，您的评分为620分。',
      en: 'Our credit policy has been tightened: the score needed rose from 600 to 640, and yours is 620.',
    });
    expect(renderReason('ACTIVE_RISK_HOLD', { until: parseLocalDate('2026-12-01') }).text).toEqual({
      zh: '您的账户存在异常行为风险保护，预计2026年12月1日解除，期间暂停授信评估。',
      en: 'A temporary risk hold is on your account after unusual activity until 1 Dec 2026; credit assessments are paused meanwhile.',
    });
    expect(
      renderReason('LIMIT_REDUCED_BY_RISK_APPETITE', { limit: fen(2_250_000n), scale: parseRate('0.75') })
        .text.zh,
    ).toBe('近期授信政策收紧，额度按75%核定为¥22,500.00。');
    expect(renderReason('SYSTEM_UNAVAILABLE', {}).text.en).toMatch(/This is not a decline\.$/);
  });

  it('keeps the parameters beside the text so it can be re-rendered', () => {
    const reason = renderReason('OVERDUE_HERE', { amount: fen(12_345n) });
    expect(reason).toEqual({
      code: 'OVERDUE_HERE',
      params: { amount: 12_345n },
      text: {
        zh: '您在本平台有¥123.45逾期未还，结清后可重新申请。',
        en: 'You have CNY 123.45 overdue with us; once it is repaid you can apply again.',
      },
    });
  });
});
