import { AppError } from '../errors/app-error.ts';

declare const localDateBrand: unique symbol;

/**
 * A calendar date with no time zone, `YYYY-MM-DD` — a business date. Business dates in Credence are dates
 * in Asia/Shanghai (UTC+08:00; China has kept no daylight saving since 1991, so the offset is fixed).
 * Branded string: compares correctly with `<`, serialises as itself, and cannot be confused with an instant.
 */
export type LocalDate = string & { readonly [localDateBrand]: 'LocalDate' };

export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The Asia/Shanghai wall-clock time of an instant, `HH:MM:SS` (UTC+8 all year: no daylight saving). */
export function shanghaiClockTime(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(11, 19);
}
const DAY_MS = 86_400_000;

function pad(value: number, width: number): string {
  return value.toString().padStart(width, '0');
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** Builds a date from parts, refusing impossible dates (2026-02-30). */
export function localDate(year: number, month: number, day: number, field = 'date'): LocalDate {
  if (!Number.isInteger(year) || year < 1 || year > 9999)
    throw AppError.invalid(field, 'date', `year ${year} is out of range`);
  if (!Number.isInteger(month) || month < 1 || month > 12)
    throw AppError.invalid(field, 'date', `month ${month} is out of range`);
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) {
    throw AppError.invalid(field, 'date', `${year}-${pad(month, 2)} has no day ${day}`);
  }
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` as LocalDate;
}

/** Parses `YYYY-MM-DD`, refusing other shapes and impossible dates. */
export function parseLocalDate(text: string, field = 'date'): LocalDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(typeof text === 'string' ? text : '');
  if (!match)
    throw AppError.invalid(field, 'iso-date', `"${String(text)}" is not a date in the form YYYY-MM-DD`);
  return localDate(Number(match[1]), Number(match[2]), Number(match[3]), field);
}

export function isLocalDate(text: string): text is LocalDate {
  try {
    parseLocalDate(text);
    return true;
  } catch {
    return false;
  }
}

export function dateParts(date: LocalDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** Days since 1970-01-01 (proleptic Gregorian), the basis of all date arithmetic here. */
export function toEpochDay(date: LocalDate): number {
  const { year, month, day } = dateParts(date);
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

export function fromEpochDay(epochDay: number): LocalDate {
  const d = new Date(epochDay * DAY_MS);
  return localDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** b − a in days (positive when b is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

/**
 * Adds calendar months, clamping to the month's last day: 2026-01-31 + 1 month = 2026-02-28,
 * 2024-01-31 + 1 month = 2024-02-29. `anchorDay` keeps a schedule on its original day after a clamp
 * (the 31st stays the 31st in months that have one).
 */
export function addMonths(date: LocalDate, months: number, anchorDay?: number): LocalDate {
  const { year, month, day } = dateParts(date);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = (index % 12) + 1;
  const wanted = anchorDay ?? day;
  return localDate(newYear, newMonth, Math.min(wanted, daysInMonth(newYear, newMonth)));
}

/** The given day of the date's month, clamped to the month's length (day 31 of February → the 28th/29th). */
export function withDayOfMonth(date: LocalDate, day: number): LocalDate {
  const { year, month } = dateParts(date);
  return localDate(year, month, Math.min(day, daysInMonth(year, month)));
}

export function lastDayOfMonth(date: LocalDate): LocalDate {
  const { year, month } = dateParts(date);
  return localDate(year, month, daysInMonth(year, month));
}

/** 1 = Monday … 7 = Sunday (ISO 8601). */
export function isoDayOfWeek(date: LocalDate): number {
  const weekday = new Date(toEpochDay(date) * DAY_MS).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

export function compareDates(a: LocalDate, b: LocalDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minDate(a: LocalDate, b: LocalDate): LocalDate {
  return a <= b ? a : b;
}

export function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  return a >= b ? a : b;
}

/** The business date (Asia/Shanghai) of an instant. */
export function businessDateOf(instant: Date): LocalDate {
  return fromEpochDay(Math.floor((instant.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS));
}

/** The instant a business date begins: 00:00 in Asia/Shanghai. */
export function startOfBusinessDate(date: LocalDate): Date {
  return new Date(toEpochDay(date) * DAY_MS - SHANGHAI_OFFSET_MS);
}

/** Whole years between two dates (age on a date): birthdays on 29 February count on 1 March in other years. */
export function yearsBetween(from: LocalDate, to: LocalDate): number {
  const a = dateParts(from);
  const b = dateParts(to);
  let years = b.year - a.year;
  if (b.month < a.month || (b.month === a.month && b.day < a.day)) years -= 1;
  return years;
}

/** Whole calendar months between two dates, counting a month once its day is reached (clamped at month end). */
export function monthsBetween(from: LocalDate, to: LocalDate): number {
  const a = dateParts(from);
  const b = dateParts(to);
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  const anchor = Math.min(a.day, daysInMonth(b.year, b.month));
  if (b.day < anchor) months -= 1;
  return months;
}
