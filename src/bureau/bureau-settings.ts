import { AppError } from '../platform/errors/app-error.ts';

/**
 * Settings of the bureau context: data, not code (`createApp({ bureau: … })`).
 */
export interface BureauSettings {
  /**
   * Days between the advance notice of negative information and the first day it may be reported. The
   * Regulation on the Administration of the Credit Reporting Industry (征信业管理条例, 2013) Art. 15 requires
   * the person to be told *before* negative information is reported, without fixing a period; 7 days is
   * this lender's policy (enough for an SMS to be read and a payment or an objection to be made).
   */
  readonly negativeNoticeDays: number;
  /** The lender's code at the bureau, in the file header: 4–16 of A–Z 0–9. */
  readonly lenderCode: string;
}

export const DEFAULT_BUREAU_SETTINGS: BureauSettings = {
  negativeNoticeDays: 7,
  lenderCode: 'CREDENCE',
};

/** Checks settings passed in by the composition root. */
export function parseBureauSettings(input: Partial<BureauSettings> = {}): BureauSettings {
  const settings = { ...DEFAULT_BUREAU_SETTINGS, ...input };
  if (
    !Number.isInteger(settings.negativeNoticeDays) ||
    settings.negativeNoticeDays < 0 ||
    settings.negativeNoticeDays > 90
  )
    throw AppError.invalid('bureau.negativeNoticeDays', 'range', 'a whole number of days from 0 to 90');
  if (!/^[A-Z0-9]{4,16}$/.test(settings.lenderCode))
    throw AppError.invalid('bureau.lenderCode', 'format', '4–16 of A–Z 0–9');
  return settings;
}
