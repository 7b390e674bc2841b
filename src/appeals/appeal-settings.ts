import { AppError } from '../platform/errors/app-error.ts';
import { fen, moneyFromInput, type Money } from '../platform/money/money.ts';
import { parseLocalDate, type LocalDate } from '../platform/time/local-date.ts';
import { createBusinessCalendar, type BusinessCalendar } from '../platform/time/business-calendar.ts';

/**
 * The appeals context's settings: data, not code. The composition root passes overrides
 * (`createApp({ appeals: {...} })`); `parseAppealSettings` reads the JSON form.
 */
export interface AppealSettings {
  /** Calendar days after the decision date in which it may be appealed (the decision date is day 0). */
  readonly windowDays: number;
  /** Shanghai business days from filing to resolution (the SLA). */
  readonly slaBusinessDays: number;
  /** Public holidays (no work) and weekend make-up working days (调休), as announced each year. */
  readonly holidays: readonly LocalDate[];
  readonly makeUpWorkdays: readonly LocalDate[];
  /** An overturn whose limit is above this needs a second reviewer (maker-checker). */
  readonly secondReviewerAbove: Money;
  /** Largest evidence file accepted, in bytes. */
  readonly maxEvidenceBytes: number;
  readonly maxEvidencePerAppeal: number;
  readonly maxStatementLength: number;
  /** Re-check attempts (a fault defers the next one) before the case goes to a person anyway. */
  readonly maxRecheckAttempts: number;
  /** Wait before the n-th retry of a faulted re-check (the last value repeats). */
  readonly recheckRetryMinutes: readonly number[];
  /** How long a worker holds the re-check step; a crashed worker's lease runs out after this. */
  readonly recheckLeaseMs: number;
}

/**
 * The State Council's 2026 and 2027 holiday notices as data (国务院办公厅关于节假日安排的通知). 2026 as
 * published; 2027 is not announced at the time of writing, so only the fixed-date holidays are listed —
 * replace both lists from the official notice through configuration.
 */
const HOLIDAYS_2026 = [
  '2026-01-01',
  '2026-01-02',
  '2026-01-03',
  '2026-02-15',
  '2026-02-16',
  '2026-02-17',
  '2026-02-18',
  '2026-02-19',
  '2026-02-20',
  '2026-02-21',
  '2026-02-22',
  '2026-02-23',
  '2026-04-04',
  '2026-04-05',
  '2026-04-06',
  '2026-05-01',
  '2026-05-02',
  '2026-05-03',
  '2026-05-04',
  '2026-05-05',
  '2026-06-19',
  '2026-06-20',
  '2026-06-21',
  '2026-09-25',
  '2026-09-26',
  '2026-09-27',
  '2026-10-01',
  '2026-10-02',
  '2026-10-03',
  '2026-10-04',
  '2026-10-05',
  '2026-10-06',
  '2026-10-07',
];
const MAKE_UP_2026 = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'];
const FIXED_2027 = ['2027-01-01', '2027-05-01', '2027-10-01', '2027-10-02', '2027-10-03'];

export const DEFAULT_APPEAL_SETTINGS: AppealSettings = {
  windowDays: 30,
  slaBusinessDays: 3,
  holidays: [...HOLIDAYS_2026, ...FIXED_2027].map((date) => parseLocalDate(date)),
  makeUpWorkdays: MAKE_UP_2026.map((date) => parseLocalDate(date)),
  secondReviewerAbove: fen(5_000_000n),
  maxEvidenceBytes: 5 * 1024 * 1024,
  maxEvidencePerAppeal: 10,
  maxStatementLength: 2000,
  maxRecheckAttempts: 5,
  recheckRetryMinutes: [5, 30, 120, 360],
  recheckLeaseMs: 120_000,
};

/** The business calendar of the SLA clock. */
export function appealCalendar(settings: AppealSettings): BusinessCalendar {
  return createBusinessCalendar(settings.holidays, settings.makeUpWorkdays);
}

function whole(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw AppError.invalid(field, 'integer-range', `${field} must be a whole number from ${min} to ${max}`);
  }
  return value;
}

function dates(value: unknown, field: string): LocalDate[] {
  if (!Array.isArray(value)) throw AppError.invalid(field, 'array', `${field} must be a list of dates`);
  return value.map((item, index) => parseLocalDate(String(item), `${field}[${index}]`));
}

/**
 * Reads settings from JSON (every field optional; defaults fill the rest). Money in yuan as a decimal
 * string (`"50000.00"`), never a JSON number; unknown fields are refused.
 */
export function parseAppealSettings(
  json: unknown,
  base: AppealSettings = DEFAULT_APPEAL_SETTINGS,
): AppealSettings {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw AppError.invalid('appeals', 'object', 'appeal settings must be an object');
  const input = json as Record<string, unknown>;
  const known = new Set(Object.keys(base));
  for (const key of Object.keys(input))
    if (!known.has(key)) throw AppError.invalid(`appeals.${key}`, 'unknown-field', 'is not a known setting');
  const pick = <K extends keyof AppealSettings>(key: K, read: (value: unknown) => AppealSettings[K]) =>
    input[key] === undefined ? base[key] : read(input[key]);
  const settings: AppealSettings = {
    windowDays: pick('windowDays', (v) => whole(v, 'appeals.windowDays', 1, 3650)),
    slaBusinessDays: pick('slaBusinessDays', (v) => whole(v, 'appeals.slaBusinessDays', 1, 60)),
    holidays: pick('holidays', (v) => dates(v, 'appeals.holidays')),
    makeUpWorkdays: pick('makeUpWorkdays', (v) => dates(v, 'appeals.makeUpWorkdays')),
    secondReviewerAbove: pick('secondReviewerAbove', (v) => moneyFromInput(v, 'appeals.secondReviewerAbove')),
    maxEvidenceBytes: pick('maxEvidenceBytes', (v) =>
      whole(v, 'appeals.maxEvidenceBytes', 1024, 20 * 1024 * 1024),
    ),
    maxEvidencePerAppeal: pick('maxEvidencePerAppeal', (v) =>
      whole(v, 'appeals.maxEvidencePerAppeal', 0, 50),
    ),
    maxStatementLength: pick('maxStatementLength', (v) => whole(v, 'appeals.maxStatementLength', 10, 4000)),
    maxRecheckAttempts: pick('maxRecheckAttempts', (v) => whole(v, 'appeals.maxRecheckAttempts', 1, 100)),
    recheckRetryMinutes: pick('recheckRetryMinutes', (v) => {
      if (!Array.isArray(v) || v.length === 0)
        throw AppError.invalid('appeals.recheckRetryMinutes', 'non-empty', 'give at least one wait');
      return v.map((m, i) => whole(m, `appeals.recheckRetryMinutes[${i}]`, 1, 10_080));
    }),
    recheckLeaseMs: pick('recheckLeaseMs', (v) => whole(v, 'appeals.recheckLeaseMs', 1_000, 3_600_000)),
  };
  const holidays = new Set<string>(settings.holidays);
  for (const [index, date] of settings.makeUpWorkdays.entries())
    if (holidays.has(date))
      throw AppError.invalid(
        `appeals.makeUpWorkdays[${index}]`,
        'not-a-holiday',
        `${date} is listed both as a holiday and as a make-up working day`,
      );
  if (settings.secondReviewerAbove < 0n)
    throw AppError.invalid('appeals.secondReviewerAbove', 'non-negative', 'the threshold cannot be negative');
  return settings;
}
