import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fromSource, type Env } from '../platform/config/config.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { DEFAULT_APPEAL_SETTINGS, parseAppealSettings, type AppealSettings } from './appeal-settings.ts';

/** The appeal settings a lender sets most, one variable each (the rest go in CREDENCE_APPEALS_FILE). */
const APPEAL_VARIABLES = {
  CREDENCE_APPEAL_WINDOW_DAYS: { key: 'windowDays', form: 'whole' },
  CREDENCE_APPEAL_SLA_BUSINESS_DAYS: { key: 'slaBusinessDays', form: 'whole' },
  CREDENCE_APPEAL_HOLIDAYS: { key: 'holidays', form: 'dates' },
  CREDENCE_APPEAL_MAKE_UP_WORKDAYS: { key: 'makeUpWorkdays', form: 'dates' },
  CREDENCE_APPEAL_SECOND_REVIEWER_ABOVE: { key: 'secondReviewerAbove', form: 'yuan' },
} as const satisfies Record<string, { key: keyof AppealSettings; form: 'whole' | 'dates' | 'yuan' }>;

/**
 * `CREDENCE_APPEALS_FILE=<path>`: the JSON form of `parseAppealSettings` (every field optional, money as
 * decimal yuan strings, unknown fields refused). Then the single variables, which win over the file:
 * `CREDENCE_APPEAL_WINDOW_DAYS`, `CREDENCE_APPEAL_SLA_BUSINESS_DAYS` (whole numbers),
 * `CREDENCE_APPEAL_HOLIDAYS`, `CREDENCE_APPEAL_MAKE_UP_WORKDAYS` (comma-separated YYYY-MM-DD, replacing the
 * defaults' lists) and `CREDENCE_APPEAL_SECOND_REVIEWER_ABOVE` (yuan, "50000.00"). A bad value is refused
 * naming the variable (or the file's field) and the rule.
 */
export function appealSettingsFromEnv(env: Env): AppealSettings | undefined {
  let settings: AppealSettings | undefined;
  const file = env.CREDENCE_APPEALS_FILE;
  if (file) {
    let text: string;
    try {
      text = readFileSync(resolve(file), 'utf8');
    } catch (error) {
      throw AppError.invalid(
        'CREDENCE_APPEALS_FILE',
        'readable-file',
        `cannot read ${file}: ${(error as Error).message}`,
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw AppError.invalid(
        'CREDENCE_APPEALS_FILE',
        'json',
        `${file} is not JSON: ${(error as Error).message}`,
      );
    }
    try {
      settings = parseAppealSettings(json);
    } catch (error) {
      fromSource(error, 'appeals', 'CREDENCE_APPEALS_FILE');
    }
  }
  for (const [name, { key, form }] of Object.entries(APPEAL_VARIABLES)) {
    const text = env[name]?.trim();
    if (!text) continue;
    let value: unknown = text;
    if (form === 'whole') {
      if (!/^\d{1,9}$/.test(text))
        throw AppError.invalid(name, 'whole-number', `"${text}" is not a whole number`);
      value = Number(text);
    } else if (form === 'dates') value = text.split(',').map((date) => date.trim());
    try {
      settings = parseAppealSettings({ [key]: value }, settings ?? DEFAULT_APPEAL_SETTINGS);
    } catch (error) {
      fromSource(error, `appeals.${key}`, name);
    }
  }
  return settings;
}
