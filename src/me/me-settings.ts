import { AppError } from '../platform/errors/app-error.ts';

/**
 * Settings of the customer's API: data, not code (`createApp({ me: … })`).
 */
export interface MeSettings {
  /**
   * After a referral for a technical fault (a dependency down), the minutes after which the app tells the
   * person to apply again. Faults of the identity provider and the scorer are short outages (the appeals'
   * re-check waits 5, 30, 120, 360 minutes); 30 minutes is the default.
   */
  readonly faultRetryMinutes: number;
  /** Lifetime of a demo sign-in session, in seconds (default 7,200: 2 hours). */
  readonly demoSessionSeconds: number;
}

export const DEFAULT_ME_SETTINGS: MeSettings = { faultRetryMinutes: 30, demoSessionSeconds: 7_200 };

/** Checks settings passed in by the composition root. */
export function parseMeSettings(input: Partial<MeSettings> = {}): MeSettings {
  const settings = { ...DEFAULT_ME_SETTINGS, ...input };
  if (!Number.isInteger(settings.faultRetryMinutes) || settings.faultRetryMinutes < 1)
    throw AppError.invalid('me.faultRetryMinutes', 'range', 'must be a whole number of minutes, at least 1');
  if (
    !Number.isInteger(settings.demoSessionSeconds) ||
    settings.demoSessionSeconds < 60 ||
    settings.demoSessionSeconds > 43_200
  )
    throw AppError.invalid('me.demoSessionSeconds', 'range', 'must be from 60 to 43200 seconds');
  return settings;
}
