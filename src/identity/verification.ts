import type { CardFailure } from './bank-card.ts';
import type { IdNumberFailure } from './id-number.ts';
import type { NameFailure } from './person-name.ts';
import type { PhoneFailure } from './phone.ts';

/**
 * Verification levels — how many of the four elements (name, ID number, phone, bank card) are proven to
 * belong to one person:
 * - **L0** nothing verified;
 * - **L1** the ID number is valid and registered to this name;
 * - **L2** L1, and the phone number is registered (real-name) to the same ID holder;
 * - **L3** L2, and a bank card is issued to the same person (the "four elements" check).
 */
export type VerificationLevel = 0 | 1 | 2 | 3;

export const VERIFICATION_LEVELS: readonly VerificationLevel[] = [0, 1, 2, 3];

/** Every reason a verification can fall short, as a closed set of codes (format checks and provider answers). */
export type VerificationFailure =
  | IdNumberFailure
  | NameFailure
  | PhoneFailure
  | CardFailure
  | 'ID_NAME_MISMATCH'
  | 'PHONE_NOT_OWNED_BY_ID_HOLDER'
  | 'CARD_NAME_MISMATCH'
  | 'CARD_NOT_BOUND'
  | 'PROVIDER_UNAVAILABLE';

export const VERIFICATION_FAILURES: readonly VerificationFailure[] = [
  'ID_FORMAT_INVALID',
  'ID_REGION_UNKNOWN',
  'ID_BIRTH_DATE_INVALID',
  'ID_BIRTH_DATE_IN_FUTURE',
  'ID_CHECKSUM_INVALID',
  'NAME_EMPTY',
  'NAME_TOO_SHORT',
  'NAME_TOO_LONG',
  'NAME_INVALID_CHARACTERS',
  'PHONE_FORMAT_INVALID',
  'CARD_FORMAT_INVALID',
  'CARD_CHECKSUM_INVALID',
  'ID_NAME_MISMATCH',
  'PHONE_NOT_OWNED_BY_ID_HOLDER',
  'CARD_NAME_MISMATCH',
  'CARD_NOT_BOUND',
  'PROVIDER_UNAVAILABLE',
];

/** What a provider says about one element. `unavailable` is an outage, not a verdict about the person. */
export type ProviderAnswer =
  | { readonly outcome: 'match' }
  | { readonly outcome: 'mismatch' }
  | { readonly outcome: 'unavailable'; readonly detail?: string };

export interface IdentityClaim {
  /** Normalised name (see `checkName`). */
  readonly name: string;
  /** Normalised 18-character ID number. */
  readonly idNumber: string;
}

/**
 * The port to an identity-verification service (the national ID database, the mobile operators' real-name
 * records and the banks' card checks, usually through one aggregator). A real provider is an adapter that
 * implements these three calls; `createSandboxVerificationProvider` is the deterministic one for
 * development, tests and the demo. Implementations return answers, and throw only for programming errors.
 */
export interface VerificationProvider {
  /** Stored beside every result, e.g. `sandbox` or the aggregator's name and API version. */
  readonly name: string;
  /** L1: is this ID number registered to this name? */
  matchIdToName(claim: IdentityClaim): Promise<ProviderAnswer>;
  /** L2: is this (normalised) phone number registered to the holder of this ID? */
  matchPhoneToIdHolder(claim: IdentityClaim & { readonly phone: string }): Promise<ProviderAnswer>;
  /** L3: is this (normalised) card issued to the holder of this ID, in this name? */
  matchCardToIdHolder(claim: IdentityClaim & { readonly cardNumber: string }): Promise<ProviderAnswer>;
}

/** One check as recorded: which element, what the provider said (or `skipped` when an earlier step failed). */
export interface VerificationCheck {
  readonly element: 'id' | 'phone' | 'card';
  readonly outcome: 'match' | 'mismatch' | 'unavailable' | 'skipped' | 'absent';
  /** For card checks: which card (an id, never the number). */
  readonly cardId?: string;
}

export interface VerificationOutcome {
  readonly level: VerificationLevel;
  readonly failures: readonly VerificationFailure[];
  readonly checks: readonly VerificationCheck[];
  readonly provider: string;
}

export interface VerificationSubject extends IdentityClaim {
  readonly phone: string;
  /** Bound cards, normalised, newest first; ids are stored with the result, never the numbers. */
  readonly cards: ReadonlyArray<{ readonly cardId: string; readonly cardNumber: string }>;
}

/**
 * Runs the checks level by level and stops climbing at the first step that does not match: a phone is only
 * worth checking once the ID is proven, a card once the phone is. Cards are tried in order until one matches.
 * An outage is reported as `PROVIDER_UNAVAILABLE` and leaves the level where the last good step put it.
 */
export async function verifySubject(
  provider: VerificationProvider,
  subject: VerificationSubject,
): Promise<VerificationOutcome> {
  const checks: VerificationCheck[] = [];
  const failures: VerificationFailure[] = [];
  const claim: IdentityClaim = { name: subject.name, idNumber: subject.idNumber };
  const done = (level: VerificationLevel): VerificationOutcome => ({
    level,
    failures,
    checks,
    provider: provider.name,
  });

  const id = await provider.matchIdToName(claim);
  checks.push({ element: 'id', outcome: id.outcome });
  if (id.outcome !== 'match') {
    failures.push(id.outcome === 'mismatch' ? 'ID_NAME_MISMATCH' : 'PROVIDER_UNAVAILABLE');
    checks.push({ element: 'phone', outcome: 'skipped' }, { element: 'card', outcome: 'skipped' });
    return done(0);
  }

  const phone = await provider.matchPhoneToIdHolder({ ...claim, phone: subject.phone });
  checks.push({ element: 'phone', outcome: phone.outcome });
  if (phone.outcome !== 'match') {
    failures.push(phone.outcome === 'mismatch' ? 'PHONE_NOT_OWNED_BY_ID_HOLDER' : 'PROVIDER_UNAVAILABLE');
    checks.push({ element: 'card', outcome: 'skipped' });
    return done(1);
  }

  if (subject.cards.length === 0) {
    checks.push({ element: 'card', outcome: 'absent' });
    failures.push('CARD_NOT_BOUND');
    return done(2);
  }
  let mismatch = false;
  let unavailable = false;
  for (const card of subject.cards) {
    const answer = await provider.matchCardToIdHolder({ ...claim, cardNumber: card.cardNumber });
    checks.push({ element: 'card', outcome: answer.outcome, cardId: card.cardId });
    if (answer.outcome === 'match') return done(3);
    if (answer.outcome === 'mismatch') mismatch = true;
    else unavailable = true;
  }
  if (mismatch) failures.push('CARD_NAME_MISMATCH');
  if (unavailable) failures.push('PROVIDER_UNAVAILABLE');
  return done(2);
}
