import { AppError } from '../platform/errors/app-error.ts';
import type { BusinessCalendar } from '../platform/time/business-calendar.ts';
import { addDays, businessDateOf, startOfBusinessDate, type LocalDate } from '../platform/time/local-date.ts';

/**
 * The referral queue's settings and its SLA clock, pure. The SLA counts business hours: minutes inside the
 * working day (09:00–18:00 Asia/Shanghai by default) on the business days of the appeals' calendar
 * (weekends, public holidays and make-up working days from configuration) — one calendar for every promise
 * made to customers.
 */
export interface ReferralSettings {
  /** Business hours from the referral to the answer the customer was promised (default 8: one working day). */
  readonly slaBusinessHours: number;
  /** The working day, in minutes after Shanghai midnight: [opensAt, closesAt). */
  readonly opensAtMinute: number;
  readonly closesAtMinute: number;
  /** How long a claim lasts before the case is free again for another reviewer (default 30 minutes). */
  readonly claimMinutes: number;
}

export const DEFAULT_REFERRAL_SETTINGS: ReferralSettings = {
  slaBusinessHours: 8,
  opensAtMinute: 9 * 60,
  closesAtMinute: 18 * 60,
  claimMinutes: 30,
};

function whole(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw AppError.invalid(field, 'integer-range', `${field} must be a whole number from ${min} to ${max}`);
  return value;
}

/** Settings from overrides (every field optional; unknown fields refused; the day must open before it closes). */
export function parseReferralSettings(
  input: Partial<Record<keyof ReferralSettings, unknown>> = {},
  base: ReferralSettings = DEFAULT_REFERRAL_SETTINGS,
): ReferralSettings {
  for (const key of Object.keys(input))
    if (!(key in base)) throw AppError.invalid(`referrals.${key}`, 'unknown-field', 'is not a known setting');
  const pick = (key: keyof ReferralSettings, min: number, max: number) =>
    input[key] === undefined ? base[key] : whole(input[key], `referrals.${key}`, min, max);
  const settings: ReferralSettings = {
    slaBusinessHours: pick('slaBusinessHours', 1, 400),
    opensAtMinute: pick('opensAtMinute', 0, 1439),
    closesAtMinute: pick('closesAtMinute', 1, 1440),
    claimMinutes: pick('claimMinutes', 1, 1440),
  };
  if (settings.opensAtMinute >= settings.closesAtMinute)
    throw AppError.invalid(
      'referrals.closesAtMinute',
      'after-opening',
      'the working day must close after it opens',
    );
  return settings;
}

const MINUTE = 60_000;

/**
 * The instant by which a referral made at `from` must be answered: `settings.slaBusinessHours` of working
 * time counted from `from` (or from the next opening, outside working hours). Referred on Friday at 17:00
 * with 8 hours and a 09:00–18:00 day: 1 hour on Friday, 7 on Monday — due Monday 16:00.
 */
export function referralSlaDue(from: Date, calendar: BusinessCalendar, settings: ReferralSettings): Date {
  let left = settings.slaBusinessHours * 60 * MINUTE;
  let date: LocalDate = businessDateOf(from);
  let cursor = from.getTime();
  // A business day comes within a few weeks of any date; the bound only guards a calendar with none.
  for (let guard = 0; guard < 3660; guard += 1) {
    if (calendar.isBusinessDay(date)) {
      const midnight = startOfBusinessDate(date).getTime();
      const opens = midnight + settings.opensAtMinute * MINUTE;
      const closes = midnight + settings.closesAtMinute * MINUTE;
      const start = Math.max(cursor, opens);
      if (start < closes) {
        if (start + left <= closes) return new Date(start + left);
        left -= closes - start;
      }
    }
    date = addDays(date, 1);
    cursor = startOfBusinessDate(date).getTime();
  }
  throw AppError.invalid('holidays', 'business-days', 'the calendar has no business day within ten years');
}
