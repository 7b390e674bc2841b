import { describe, expect, it } from 'vitest';
import { binPhrase, defaultLabel, reasonText } from './reason-messages.ts';

const label = { zh: '月收入', en: 'monthly income' };

describe('reason texts (typed parameters, zh-CN and en)', () => {
  it('words each kind of bin for customers', () => {
    expect(binPhrase({ kind: 'interval', lower: null, upper: 3000 })).toEqual({
      zh: '低于 3000',
      en: 'below 3000',
    });
    expect(binPhrase({ kind: 'interval', lower: 3000, upper: 5000 })).toEqual({
      zh: '在 3000 至 5000 之间（不含 5000）',
      en: '3000 to under 5000',
    });
    expect(binPhrase({ kind: 'interval', lower: 5000, upper: null })).toEqual({
      zh: '不低于 5000',
      en: '5000 or more',
    });
    expect(binPhrase({ kind: 'special', value: -1 })).toEqual({
      zh: '特殊值 -1',
      en: 'the special value -1',
    });
    expect(binPhrase({ kind: 'categories', categories: ['rent'], rare: ['boat'] })).toEqual({
      zh: 'rent（或少见类别）',
      en: 'rent (or a rare category)',
    });
  });

  it('shows fractions as percentages and money in yuan when the feature says so', () => {
    expect(binPhrase({ kind: 'interval', lower: 0.6466, upper: null }, 'percent')).toEqual({
      zh: '不低于 64.7%',
      en: '64.7% or more',
    });
    expect(binPhrase({ kind: 'interval', lower: 0.05, upper: 0.1 }, 'percent')).toEqual({
      zh: '在 5% 至 10% 之间（不含 10%）',
      en: '5% to under 10%',
    });
    expect(binPhrase({ kind: 'interval', lower: null, upper: 12000 }, 'yuan')).toEqual({
      zh: '低于 12,000 元',
      en: 'below CNY 12,000',
    });
    expect(binPhrase({ kind: 'interval', lower: 3419.5, upper: 1234567.891 }, 'yuan')).toEqual({
      zh: '在 3,419.50 元 至 1,234,567.89 元 之间（不含 1,234,567.89 元）',
      en: 'CNY 3,419.50 to under CNY 1,234,567.89',
    });
    // Formats touch interval bounds only.
    expect(binPhrase({ kind: 'missing' }, 'percent')).toEqual(binPhrase({ kind: 'missing' }));
  });

  it('renders each template with the figures in the right places', () => {
    const bin = binPhrase({ kind: 'interval', lower: 3000, upper: 5000 });
    expect(reasonText('interval', { label, bin, pointsLost: 37 })).toEqual({
      zh: '您的月收入在 3000 至 5000 之间（不含 5000），比最佳区间少 37 分。',
      en: 'Your monthly income is 3000 to under 5000, 37 points below the best range.',
    });
    expect(reasonText('missing', { label, bin: binPhrase({ kind: 'missing' }), pointsLost: 1 })).toEqual({
      zh: '我们没有您的月收入信息，因此比最佳情况少 1 分。',
      en: 'We have no information on your monthly income, which scores 1 point below the best.',
    });
    expect(reasonText('unknown', { label, bin: binPhrase({ kind: 'unknown' }), pointsLost: 12 }).en).toBe(
      'Your monthly income is a category the model has not seen before, 12 points below the best group.',
    );
  });

  it('labels a feature by its name when configuration gives no label', () => {
    expect(defaultLabel('ontime_rate_12m')).toEqual({ zh: 'ontime rate 12m', en: 'ontime rate 12m' });
  });
});
