import { describe, expect, it } from 'vitest';
import type { Money } from '../money/money.ts';
import { parseRate } from '../money/rate.ts';
import { parseLocalDate } from '../time/local-date.ts';
import { defineMessages, en, render, zh } from './localized.ts';

const messages = defineMessages({
  LIMIT_OFFER: {
    zh: (p: { limit: Money; apr: ReturnType<typeof parseRate> }) =>
      `您可借${zh.money(p.limit)}，年化利率${zh.percent(p.apr)}`,
    en: (p: { limit: Money; apr: ReturnType<typeof parseRate> }) =>
      `You can borrow ${en.money(p.limit)} at ${en.percent(p.apr)} a year`,
  },
  WAIT_UNTIL: {
    zh: (p: { date: ReturnType<typeof parseLocalDate> }) => `请在${zh.date(p.date)}之前不要新增借贷申请`,
    en: (p: { date: ReturnType<typeof parseLocalDate> }) =>
      `Make no new credit applications until ${en.date(p.date)}`,
  },
});

describe('localized messages', () => {
  it('render both languages from typed parameters, each value in its place', () => {
    expect(render(messages.LIMIT_OFFER, { limit: 800_000n as Money, apr: parseRate('0.1095') })).toEqual({
      zh: '您可借¥8,000.00，年化利率10.95%',
      en: 'You can borrow CNY 8,000.00 at 10.95% a year',
    });
    expect(render(messages.WAIT_UNTIL, { date: parseLocalDate('2027-01-15') })).toEqual({
      zh: '请在2027年1月15日之前不要新增借贷申请',
      en: 'Make no new credit applications until 15 Jan 2027',
    });
  });
});
