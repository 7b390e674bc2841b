import { describe, expect, it } from 'vitest';
import { appealCalendar, DEFAULT_APPEAL_SETTINGS } from '../appeals/appeal-settings.ts';
import { DEFAULT_REFERRAL_SETTINGS, parseReferralSettings, referralSlaDue } from './referral-settings.ts';

/** Shanghai wall time as an instant (UTC+8, no daylight saving). */
const shanghai = (text: string) => new Date(`${text}+08:00`);
const calendar = appealCalendar(DEFAULT_APPEAL_SETTINGS);
const due = (from: string, hours = 8) =>
  referralSlaDue(shanghai(from), calendar, {
    ...DEFAULT_REFERRAL_SETTINGS,
    slaBusinessHours: hours,
  }).toISOString();

describe('the referral SLA counts business hours (09:00–18:00 Shanghai on the business calendar)', () => {
  it('Given a referral on Monday 10:00, When 8 business hours are counted, Then it is due Monday 18:00', () => {
    expect(due('2026-11-23T10:00:00')).toBe(shanghai('2026-11-23T18:00:00').toISOString());
  });

  it('runs over the weekend: Friday 17:00 → 1 hour Friday, 7 hours Monday → Monday 16:00', () => {
    expect(due('2026-11-27T17:00:00')).toBe(shanghai('2026-11-30T16:00:00').toISOString());
  });

  it('starts at the next opening outside working hours: Saturday 11:00 and Monday 07:00 → Monday 17:00', () => {
    expect(due('2026-11-28T11:00:00')).toBe(shanghai('2026-11-30T17:00:00').toISOString());
    expect(due('2026-11-30T07:00:00')).toBe(shanghai('2026-11-30T17:00:00').toISOString());
  });

  it('skips public holidays: 30 Sep 17:30 → half an hour, then the National Day week off → 8 Oct 16:30', () => {
    expect(due('2026-09-30T17:30:00')).toBe(shanghai('2026-10-08T16:30:00').toISOString());
  });

  it('counts a make-up working day (Saturday 10 Oct 2026): Friday 9 Oct 17:00 → Saturday 16:00', () => {
    expect(due('2026-10-09T17:00:00')).toBe(shanghai('2026-10-10T16:00:00').toISOString());
  });

  it('spans several days: 20 business hours from Monday 09:00 → Wednesday 11:00', () => {
    expect(due('2026-11-23T09:00:00', 20)).toBe(shanghai('2026-11-25T11:00:00').toISOString());
  });

  it('refuses settings whose working day closes before it opens, naming the field', () => {
    expect(() => parseReferralSettings({ opensAtMinute: 1080, closesAtMinute: 540 })).toThrow(
      expect.objectContaining({
        issues: [expect.objectContaining({ field: 'referrals.closesAtMinute', rule: 'after-opening' })],
      }),
    );
    expect(() => parseReferralSettings({ claimMinutes: 0 })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ field: 'referrals.claimMinutes' })] }),
    );
  });
});
