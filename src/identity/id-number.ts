import { localDate, yearsBetween, type LocalDate } from '../platform/time/local-date.ts';
import { lookupRegion, type RegionInfo } from './region-codes.ts';

/**
 * Resident identity card numbers (公民身份号码), GB 11643-1999.
 *
 * 18 characters: a six-digit region code, the birth date `YYYYMMDD`, a three-digit sequence (odd for men,
 * even for women) and a check character computed by ISO 7064 MOD 11-2 (`0`–`9` or `X` for ten). The
 * 15-digit numbers issued before 1999 have a two-digit year (always 19xx) and no check character; they are
 * upgraded to 18 by inserting `19` and computing the check character.
 */

/** Why an ID number is not acceptable, as the code callers and customers see. */
export type IdNumberFailure =
  | 'ID_FORMAT_INVALID'
  | 'ID_REGION_UNKNOWN'
  | 'ID_BIRTH_DATE_INVALID'
  | 'ID_BIRTH_DATE_IN_FUTURE'
  | 'ID_CHECKSUM_INVALID';

export type Sex = 'male' | 'female';

export interface ValidIdNumber {
  readonly valid: true;
  /** Always the 18-character form, upper-case `X`. */
  readonly normalized: string;
  /** True when the input was a 15-digit legacy number that was upgraded. */
  readonly upgradedFrom15: boolean;
  readonly birthDate: LocalDate;
  readonly sex: Sex;
  readonly region: RegionInfo;
}

export interface InvalidIdNumber {
  readonly valid: false;
  readonly reason: IdNumberFailure;
  readonly message: string;
}

export type IdNumberCheck = ValidIdNumber | InvalidIdNumber;

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

/** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += (first17.charCodeAt(i) - 48) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARACTERS[sum % 11] ?? '?';
}

function invalid(reason: IdNumberFailure, message: string): InvalidIdNumber {
  return { valid: false, reason, message };
}

function birthDateOf(digits: string): LocalDate | undefined {
  const year = Number(digits.slice(0, 4));
  const month = Number(digits.slice(4, 6));
  const day = Number(digits.slice(6, 8));
  try {
    return localDate(year, month, day);
  } catch {
    return undefined;
  }
}

/** Upgrades a 15-digit legacy number to 18 characters (no validation beyond the shape). */
export function upgradeIdNumber15(id15: string): string {
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6, 15)}`;
  return `${first17}${idCheckCharacter(first17)}`;
}

/**
 * Validates an ID number as typed by a person: surrounding and inner spaces are removed and a lower-case
 * `x` is accepted. `today` is the business date the birth date may not be after (the caller's Clock).
 * Returns a value, never throws: a wrong number is an expected outcome.
 */
export function checkIdNumber(input: string, today: LocalDate): IdNumberCheck {
  const text = String(input).replace(/\s+/g, '').toUpperCase();
  let normalized: string;
  let upgraded = false;
  if (/^\d{15}$/.test(text)) {
    normalized = upgradeIdNumber15(text);
    upgraded = true;
  } else if (/^\d{17}[\dX]$/.test(text)) {
    normalized = text;
  } else {
    return invalid(
      'ID_FORMAT_INVALID',
      'an ID number has 18 characters (17 digits and a digit or X) or 15 digits',
    );
  }
  const region = lookupRegion(normalized.slice(0, 6));
  if (!region)
    return invalid('ID_REGION_UNKNOWN', `region code ${normalized.slice(0, 6)} is not a known region`);
  const birthDate = birthDateOf(normalized.slice(6, 14));
  if (!birthDate || birthDate < '1900-01-01') {
    return invalid('ID_BIRTH_DATE_INVALID', 'the birth date in the ID number is not a real date');
  }
  if (birthDate > today) {
    return invalid('ID_BIRTH_DATE_IN_FUTURE', 'the birth date in the ID number is in the future');
  }
  if (!upgraded && idCheckCharacter(normalized) !== normalized[17]) {
    return invalid('ID_CHECKSUM_INVALID', 'the check character does not match (GB 11643 MOD 11-2)');
  }
  const sequenceDigit = Number(normalized[16]);
  return {
    valid: true,
    normalized,
    upgradedFrom15: upgraded,
    birthDate,
    sex: sequenceDigit % 2 === 1 ? 'male' : 'female',
    region,
  };
}

/** Age in whole years on a business date (birthdays on 29 February count on 1 March in other years). */
export function ageOn(birthDate: LocalDate, date: LocalDate): number {
  return yearsBetween(birthDate, date);
}
