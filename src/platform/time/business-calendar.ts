import { addDays, isoDayOfWeek, type LocalDate } from './local-date.ts';

/**
 * Working days in Asia/Shanghai: Monday to Friday, minus public holidays, plus the weekend make-up working
 * days (调休) that China's State Council announces each year. Both lists are data, passed in from config.
 */
export interface BusinessCalendar {
  isBusinessDay(date: LocalDate): boolean;
  /** The date `days` business days after `from` (from itself does not count). */
  addBusinessDays(from: LocalDate, days: number): LocalDate;
  /** Business days strictly after `from` up to and including `to`. */
  businessDaysBetween(from: LocalDate, to: LocalDate): number;
}

export function createBusinessCalendar(
  holidays: Iterable<LocalDate> = [],
  makeUpWorkdays: Iterable<LocalDate> = [],
): BusinessCalendar {
  const off = new Set<string>(holidays);
  const on = new Set<string>(makeUpWorkdays);
  const isBusinessDay = (date: LocalDate): boolean => {
    if (on.has(date)) return true;
    if (off.has(date)) return false;
    return isoDayOfWeek(date) <= 5;
  };
  return {
    isBusinessDay,
    addBusinessDays(from, days) {
      let date = from;
      let left = days;
      while (left > 0) {
        date = addDays(date, 1);
        if (isBusinessDay(date)) left -= 1;
      }
      return date;
    },
    businessDaysBetween(from, to) {
      let count = 0;
      for (let date = addDays(from, 1); date <= to; date = addDays(date, 1))
        if (isBusinessDay(date)) count += 1;
      return count;
    },
  };
}
