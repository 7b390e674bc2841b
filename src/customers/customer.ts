import type { ConsentState, VerificationFailure, VerificationLevel } from '../identity/index.ts';
import type { PurposeConsentState } from './consent-states.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import type { RiskHold } from './features/abnormal-behaviour.ts';
import type { FeatureRecord, FeatureVector } from './features/compute.ts';

/**
 * The customers context's domain types: what is stored (PII only sealed), what staff and other contexts
 * see (masked views, the point-in-time snapshot), and the blocklist. Pure: no I/O here.
 */

/** A sealed value: ciphertext under a key of the PII vault. */
export interface Sealed {
  readonly keyId: string;
  readonly ciphertext: Uint8Array;
}

/** A customer as stored: PII only as ciphertexts with their key ids. */
export interface CustomerRecord {
  readonly customerId: string;
  readonly externalId: string;
  readonly name: Sealed;
  readonly idNumber: Sealed;
  readonly idNumberIndex: string;
  readonly phone: Sealed;
  readonly phoneIndex: string;
  readonly birthDate: LocalDate;
  readonly sex: 'male' | 'female';
  readonly regionCode: string;
  readonly createdAt: Date;
}

/** A bank card as stored: the number sealed, with its blind index and last four digits. */
export interface CardRecord {
  readonly customerId: string;
  readonly cardId: string;
  readonly card: Sealed;
  readonly cardIndex: string;
  readonly last4: string;
  readonly issuer: string | null;
  readonly addedAt: Date;
  readonly removedAt: Date | null;
}

/** An event as stored, for the feature pass (decoded by `pushStored`, without building domain objects). */
export interface StoredEventRow {
  readonly customerId: string;
  readonly type: string;
  /** Epoch milliseconds (events are stored with millisecond precision). */
  readonly occurredAtMs: number;
  readonly payload: Readonly<Record<string, unknown>>;
  /** `source/eventId`, where the reader needs it (the snapshot's consents name the events they rest on). */
  readonly eventRef?: string;
}

/** What the snapshot needs of a customer besides its events: the opening instant and the birth date. */
export interface SnapshotSubject {
  readonly customerId: string;
  readonly createdAt: Date;
  readonly birthDate: LocalDate;
}

/** What can be listed: an ID number, a phone number or a bank card number. */
export type BlocklistKind = 'id_number' | 'phone' | 'card';
export const BLOCKLIST_KINDS: readonly BlocklistKind[] = ['id_number', 'phone', 'card'];

/** A blocklist entry as staff see it: the identifier masked, never its blind index or clear value. */
export interface BlocklistEntry {
  readonly id: string;
  readonly kind: BlocklistKind;
  readonly masked: string;
  readonly reason: string;
  readonly addedBy: string;
  readonly addedAt: Date;
  readonly removedAt: Date | null;
  readonly removedBy: string | null;
  readonly removedReason: string | null;
}

/** A blocklist entry as stored (the identifier only as its blind index and a masked form). */
export interface BlocklistRecord extends BlocklistEntry {
  readonly blindIndex: string;
}

/** What decisions need to know about a customer at an instant (see `getSnapshot`). */
export interface CustomerSnapshot {
  readonly customerId: string;
  readonly asOf: Date;
  /** The business date of `asOf` (Asia/Shanghai). */
  readonly asOfDate: LocalDate;
  /** When the account here was opened. */
  readonly openedAt: Date;
  /** The latest verification at or before `asOf` (level 0 and no provider when none). */
  readonly verification: {
    readonly level: VerificationLevel;
    readonly failures: readonly VerificationFailure[];
    readonly provider: string | null;
    readonly verifiedAt: Date | null;
  };
  /** Whole years on the as-of business date. */
  readonly age: number;
  readonly profile: {
    readonly occupation: string | null;
    readonly residenceCity: string | null;
    readonly incomeBand: string | null;
    readonly education: string | null;
  };
  /** Every feature of the catalogue by name (see `FEATURES` for units and recourse). */
  readonly features: FeatureRecord;
  /** On the lender's blocklist at `asOf` (by ID number, phone or a card bound then). */
  readonly blocklisted: boolean;
  /** Risk holds in force at `asOf`, with reason code and expiry. */
  readonly holds: readonly RiskHold[];
  /** Consent per data source in force at `asOf`. */
  readonly consents: readonly ConsentState[];
  /**
   * For each time-decaying feature with a value above zero: the instants its counted units stop counting
   * (ascending). `dateValueDropsTo(decay[name], target)` gives the date it will be at most `target`.
   */
  readonly decay: Readonly<Record<string, readonly Date[]>>;
}

export interface NewCustomer {
  readonly externalId: string;
  readonly name: string;
  readonly idNumber: string;
  readonly phone: string;
  /** Profile fields (`occupation`, `residenceCity`, `incomeBand`, `education`, `socialInsurance`, `housingFund`). */
  readonly profile?: Readonly<Record<string, unknown>>;
  /** Data sources the customer authorised at sign-up. */
  readonly consents?: readonly string[];
}

/** A customer for display: identifiers masked, never in clear. */
export interface CustomerView {
  readonly customerId: string;
  readonly externalId: string;
  readonly name: string;
  readonly idNumber: string;
  readonly phone: string;
  readonly birthDate: LocalDate;
  readonly sex: 'male' | 'female';
  readonly regionCode: string;
  readonly createdAt: Date;
  readonly cards: readonly CardView[];
}

export interface CardView {
  readonly cardId: string;
  readonly cardNumber: string;
  readonly issuer: string | null;
  readonly addedAt: Date;
}

export interface VerificationRecord {
  readonly verificationId: string;
  readonly level: VerificationLevel;
  readonly failures: readonly VerificationFailure[];
  readonly provider: string;
  readonly verifiedAt: Date;
}

/** The outcome of a batch of events: good rows are kept, each bad row is reported by its position. */
export interface IngestReport {
  /** Rows now stored: new, or replays identical to what was stored. */
  readonly accepted: number;
  /** Of the accepted rows, those that were already stored (idempotent replays). */
  readonly duplicates: number;
  readonly rejected: ReadonlyArray<{
    readonly index: number;
    readonly field: string;
    readonly reason: string;
  }>;
}

/** Where a training table's rows go, in customer id order. */
export interface TrainingRowSink {
  (customerId: string, vector: FeatureVector, bad: 0 | 1): void | Promise<void>;
}

/** A grant or withdrawal asked for. Without a purpose, a data source means credit assessment of it (legacy). */
export interface ConsentInput {
  readonly customerId: string;
  readonly purpose?: string;
  readonly dataSource?: string;
  readonly granted: boolean;
  /**
   * The notice version the person accepted (grants). Omitted: the version in force now (the app shows the
   * current notice); refused if it is not the version in force.
   */
  readonly noticeVersion?: number;
}

export interface ConsentOutcome {
  /** Credit-assessment consent per data source in force after the change (the legacy answer). */
  readonly consents: ConsentState[];
  /** Every purpose (and source) in force after the change. */
  readonly purposes: PurposeConsentState[];
  /** The event recorded (`source/eventId`), or null when the consent was already in that state. */
  readonly recorded: string | null;
}

/** A person's identity as their copy of their data gives it (plain JSON). */
export interface IdentityRecord {
  readonly customerId: string;
  readonly externalId: string;
  readonly name: string;
  readonly idNumber: string;
  readonly phone: string;
  readonly birthDate: string;
  readonly sex: string;
  readonly regionCode: string;
  readonly createdAt: string;
  readonly cards: ReadonlyArray<{
    readonly cardId: string;
    readonly cardNumber: string;
    readonly issuer: string | null;
    readonly addedAt: string;
    readonly removedAt: string | null;
  }>;
}
