import { createHash } from 'node:crypto';
import { AppError } from '../platform/errors/app-error.ts';
import type { LocalizedText } from '../platform/i18n/localized.ts';
import type { ConsentPurpose } from './consent.ts';

/**
 * Consent notices: the texts a person reads before consenting to a purpose, versioned and stored as data.
 * Each version of a purpose's notice has its zh-CN and en text, the instant it takes effect and the SHA-256 of
 * its text (so a consent names exactly the words the person accepted, and a changed text is a new version).
 * The version in force at an instant is the latest one of that purpose whose `effectiveFrom` is at or before
 * it; a version published for a later date is scheduled and not in force until then.
 */
export interface ConsentNotice {
  readonly purpose: ConsentPurpose;
  /** 1, 2, 3… per purpose, in publishing order. */
  readonly version: number;
  readonly effectiveFrom: Date;
  readonly text: LocalizedText;
  /** SHA-256 (hex) of `noticeHashInput(purpose, version, text)`. */
  readonly sha256: string;
  readonly publishedAt: Date;
  /** Who published it (`staff:<userId>` or an API key id). */
  readonly publishedBy: string;
}

/** The bytes a notice's hash covers: purpose, version and both texts, length-prefixed so no text can bleed into another. */
export function noticeHashInput(purpose: ConsentPurpose, version: number, text: LocalizedText): string {
  return [purpose, String(version), text.zh, text.en].map((part) => `${part.length}:${part}`).join('\n');
}

/** The SHA-256 (hex) of a notice's purpose, version and texts. */
export function noticeHash(purpose: ConsentPurpose, version: number, text: LocalizedText): string {
  return createHash('sha256')
    .update(noticeHashInput(purpose, version, text), 'utf8')
    .digest('hex');
}

/** The notice of a purpose in force at `at` (the latest version effective at or before it), if any. */
export function noticeInForce(
  notices: readonly ConsentNotice[],
  purpose: ConsentPurpose,
  at: Date,
): ConsentNotice | undefined {
  const atMs = at.getTime();
  let current: ConsentNotice | undefined;
  for (const notice of notices) {
    if (notice.purpose !== purpose || notice.effectiveFrom.getTime() > atMs) continue;
    if (
      !current ||
      notice.effectiveFrom.getTime() > current.effectiveFrom.getTime() ||
      (notice.effectiveFrom.getTime() === current.effectiveFrom.getTime() && notice.version > current.version)
    )
      current = notice;
  }
  return current;
}

/** Limits of a notice text: long enough for a real notice, short enough to show on a phone. */
export const NOTICE_TEXT_MAX = 20_000;

/** How far in the past `effectiveFrom` may be when published (clock skew between the caller and us). */
export const NOTICE_BACKDATE_TOLERANCE_MS = 5 * 60_000;

/**
 * Checks a new version against what is published: its texts are present and within limits, it does not
 * take effect in the past (a notice cannot change what people were shown), and not before the latest
 * version of its purpose (versions take effect in order).
 */
export function checkNewNotice(
  input: { readonly effectiveFrom: Date; readonly text: LocalizedText },
  latest: ConsentNotice | undefined,
  now: Date,
): void {
  for (const locale of ['zh', 'en'] as const) {
    const text = input.text[locale].trim();
    if (text.length === 0)
      throw AppError.invalid(`text.${locale}`, 'required', 'the notice text is required');
    if (text.length > NOTICE_TEXT_MAX)
      throw AppError.invalid(`text.${locale}`, 'max-length', `at most ${NOTICE_TEXT_MAX} characters`);
  }
  if (input.effectiveFrom.getTime() < now.getTime() - NOTICE_BACKDATE_TOLERANCE_MS)
    throw AppError.invalid(
      'effectiveFrom',
      'not-in-past',
      'a notice takes effect now or later: what people were shown before cannot change',
    );
  if (latest && input.effectiveFrom.getTime() < latest.effectiveFrom.getTime())
    throw AppError.invalid(
      'effectiveFrom',
      'after-previous-version',
      `must not be before version ${latest.version}, effective from ${latest.effectiveFrom.toISOString()}`,
    );
}

/** The notices port: what `recordConsent` asks to check that a grant names the notice in force. */
export interface ConsentNoticeReader {
  /** Every version of a purpose's notice, in version order. */
  versionsOf(purpose: ConsentPurpose): Promise<readonly ConsentNotice[]>;
}
