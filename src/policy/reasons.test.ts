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
      zh: '我们近期收紧了借款审批，该产品要求的信用评分由600提高到640，您的信用评分为620。',
      en: 'We have tightened our lending: this product now needs a credit score of at least 640 instead of 600, and yours is 620.',
    });
    expect(renderReason('ACTIVE_RISK_HOLD', { until: parseLocalDate('2026-12-01') }).text).toEqual({
      zh: '我们发现您的账户近期有异常操作，已为您开启账户安全保护，预计2026年12月1日解除；保护期间暂不受理借款申请。',
      en: 'We noticed unusual activity on your account and put a temporary safety hold on it until 1 Dec 2026; we cannot consider credit applications while it is on.',
    });
    expect(
      renderReason('LIMIT_REDUCED_BY_RISK_APPETITE', { limit: fen(2_250_000n), scale: parseRate('0.75') })
        .text.zh,
    ).toBe('我们近期收紧了借款审批，额度按通常的75%核定，为¥22,500.00。');
    expect(renderReason('SYSTEM_UNAVAILABLE', {}).text.en).toMatch(/This is not a decline\.$/);
  });

  it('keeps the parameters beside the text so it can be re-rendered', () => {
    const reason = renderReason('OVERDUE_HERE', { amount: fen(12_345n) });
    expect(reason).toEqual({
      code: 'OVERDUE_HERE',
      params: { amount: 12_345n },
      text: {
        zh: '您在本平台有¥123.45逾期未还，还清后可以重新申请。',
        en: 'You have CNY 123.45 overdue with us; once it is repaid you can apply again.',
      },
    });
  });
});
