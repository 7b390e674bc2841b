import { describe, expect, it } from 'vitest';
import { HOLD_MESSAGES } from '../../src/customers/features/abnormal-behaviour.ts';
import { en, render, zh } from '../../src/platform/i18n/localized.ts';
import { businessDateOf } from '../../src/platform/time/local-date.ts';
import { AS_OF, personaFeatures } from './support/persona.ts';

describe('abnormal limit checking: 15 limit views within 45 minutes', () => {
  it('raises a velocity hold for 24 hours and a baseline hold for 72 hours, visible with reason and expiry', () => {
    const { features, holds } = personaFeatures('abnormal_limit_checks');
    expect(features.limit_views_24h).toBe(15);
    expect(features.risk_holds_active).toBe(2);
    expect(holds).toEqual([
      {
        reasonCode: 'LIMIT_VIEW_VELOCITY',
        triggeredAt: new Date('2026-11-21T23:42:00.000Z'),
        expiresAt: new Date('2026-11-22T23:42:00.000Z'),
        observed: 15,
        threshold: 10,
      },
      {
        reasonCode: 'LIMIT_VIEW_SPIKE',
        triggeredAt: new Date('2026-11-21T23:42:00.000Z'),
        expiresAt: new Date('2026-11-24T23:42:00.000Z'),
        observed: 15,
        threshold: 6,
      },
    ]);
  });

  it('lifts each hold at its expiry', () => {
    const dayLater = personaFeatures('abnormal_limit_checks', new Date('2026-11-22T23:42:00.000Z'));
    expect(dayLater.holds.map((h) => h.reasonCode)).toEqual(['LIMIT_VIEW_SPIKE']);
    const afterward = personaFeatures('abnormal_limit_checks', new Date('2026-11-24T23:42:00.000Z'));
    expect(afterward.holds).toEqual([]);
    expect(afterward.features.limit_views_24h).toBe(0);
  });

  it('a daily checker is not flagged for the same number of views spread over a day', () => {
    const { features, holds } = personaFeatures('good', AS_OF);
    expect(features.limit_views_24h).toBe(0);
    expect(holds).toEqual([]);
  });

  it('renders the hold for the customer in both languages with the count and the date', () => {
    const [velocity] = personaFeatures('abnormal_limit_checks').holds;
    const until = businessDateOf(velocity?.expiresAt ?? AS_OF);
    const text = render(HOLD_MESSAGES.LIMIT_VIEW_VELOCITY, {
      count: 15,
      date: { zh: zh.date(until), en: en.date(until) },
    });
    expect(text).toEqual({
      zh: '短时间内查看额度15次，账户暂时受限，2026年11月23日后自动解除。',
      en: 'The limit was checked 15 times within an hour; the account is on hold until 23 Nov 2026.',
    });
  });
});
