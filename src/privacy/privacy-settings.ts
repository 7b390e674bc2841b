import { AppError } from '../platform/errors/app-error.ts';

/**
 * Settings of the person's data rights: data, not code (`createApp({ privacy: … })`). Each is cited where it
 * is used (the copy's expiry in the copy's answer, the SLA on the correction's row), so what was promised
 * is what is kept even after a setting changes.
 */
export interface PrivacySettings {
  /** Days a finished copy can be downloaded before the day step purges it (default 7). */
  readonly copyDays: number;
  /**
   * Calendar days to answer a correction or dispute (default 15: the Credit Reporting Industry Regulation,
   * Art. 25, gives a credit reporting body 20 days to answer an objection; 15 leaves room to tell the
   * customer and the bureau).
   */
  readonly correctionSlaDays: number;
  /** Runs of a copy before it is marked failed (a copy whose process stopped is resumed; default 3). */
  readonly maxAttempts: number;
  /** Rows per page read from a table (memory stays flat; default 1,000). */
  readonly pageSize: number;
}

export const DEFAULT_PRIVACY_SETTINGS: PrivacySettings = {
  copyDays: 7,
  correctionSlaDays: 15,
  maxAttempts: 3,
  pageSize: 1_000,
};

const LIMITS: Readonly<Record<keyof PrivacySettings, readonly [number, number]>> = {
  copyDays: [1, 30],
  correctionSlaDays: [1, 60],
  maxAttempts: [1, 10],
  pageSize: [10, 10_000],
};

/** Settings from overrides (every field optional; unknown fields refused; whole numbers in range). */
export function parsePrivacySettings(
  input: Partial<Record<keyof PrivacySettings, unknown>> = {},
): PrivacySettings {
  const out: Record<string, number> = { ...DEFAULT_PRIVACY_SETTINGS };
  for (const [key, value] of Object.entries(input)) {
    const range = LIMITS[key as keyof PrivacySettings];
    if (!range) throw AppError.invalid(`privacy.${key}`, 'unknown-field', 'is not a known setting');
    if (typeof value !== 'number' || !Number.isInteger(value) || value < range[0] || value > range[1])
      throw AppError.invalid(
        `privacy.${key}`,
        'integer-range',
        `must be a whole number from ${range[0]} to ${range[1]}`,
      );
    out[key] = value;
  }
  return out as unknown as PrivacySettings;
}
