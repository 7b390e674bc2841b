import {
  isConsentPurpose,
  isDataSource,
  purposeNeedsSource,
  type ConsentPurpose,
  type DataSource,
  type VerificationCheck,
  type VerificationFailure,
  type VerificationLevel,
  VERIFICATION_FAILURES,
} from '../../identity/index.ts';
import { isAppError } from '../../platform/errors/app-error.ts';
import { ID_PREFIXES } from '../../platform/ids/ids.ts';
import { fen, moneyFromInput, toDecimalString, type Money } from '../../platform/money/money.ts';
import { businessDateOf, parseLocalDate, type LocalDate } from '../../platform/time/local-date.ts';

/**
 * Customer events: the append-only facts features are computed from. One flat shape for the API, NDJSON
 * and CSV alike — `{eventId, customerId, source, type, occurredAt, ...fields of the type}` — so a row reads
 * the same wherever it comes from. Amounts are decimal yuan strings on the wire and `Money` (fen) inside.
 *
 * Events are idempotent by (source, eventId): the source is the system that reports the fact, the event id
 * its own identifier. Types marked internal are written only by Credence itself (source `credence`).
 */
export const EXTERNAL_EVENT_TYPES = [
  'profile',
  'consent',
  'payment',
  'transfer',
  'repayment',
  'inquiry',
  'loan_opened',
  'loan_closed',
  'credit_line',
  'login',
  'limit_view',
  'device_change',
] as const;
export const INTERNAL_EVENT_TYPES = ['card_bound', 'card_removed', 'verification'] as const;
export const EVENT_TYPES = [...EXTERNAL_EVENT_TYPES, ...INTERNAL_EVENT_TYPES] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** The source Credence writes its own events under; refused from outside. */
export const INTERNAL_SOURCE = 'credence';

export const INCOME_BANDS = ['lt3k', '3k_5k', '5k_10k', '10k_20k', '20k_50k', 'gt50k'] as const;
export type IncomeBand = (typeof INCOME_BANDS)[number];
export const EDUCATION_LEVELS = [
  'below_high_school',
  'high_school',
  'college',
  'bachelor',
  'master_or_above',
] as const;
export type Education = (typeof EDUCATION_LEVELS)[number];
export const INQUIRY_KINDS = ['loan_application', 'card_application', 'post_loan', 'self'] as const;
export type InquiryKind = (typeof INQUIRY_KINDS)[number];
export const SCOPES = ['here', 'elsewhere'] as const;
/** `here`: credit with this lender; `elsewhere`: reported by others (a credit bureau, another lender). */
export type Scope = (typeof SCOPES)[number];
export const CHANNELS = ['online', 'offline'] as const;
export type Channel = (typeof CHANNELS)[number];
export const DIRECTIONS = ['in', 'out'] as const;
export type Direction = (typeof DIRECTIONS)[number];

interface EventBase {
  readonly eventId: string;
  readonly customerId: string;
  readonly source: string;
  readonly occurredAt: Date;
}

/** Self-declared and reported profile facts; each field optional, the latest value of each field wins. */
export interface ProfileEvent extends EventBase {
  readonly type: 'profile';
  readonly occupation?: string;
  readonly residenceCity?: string;
  readonly incomeBand?: IncomeBand;
  readonly education?: Education;
  /** Social insurance / housing fund contributions: read only with `social_insurance` consent. */
  readonly socialInsurance?: boolean;
  readonly housingFund?: boolean;
}
/**
 * A grant or withdrawal of consent. Legacy events (and events from other systems) carry a data source only
 * and mean `credit_assessment` of that source; consents recorded through Credence's consent API also name
 * the purpose and, for a grant, the notice version accepted and its SHA-256 (see identity/consent.ts).
 */
export interface ConsentEvent extends EventBase {
  readonly type: 'consent';
  /** The source, for `credit_assessment` (and every legacy event); absent for the other purposes. */
  readonly dataSource?: DataSource;
  readonly granted: boolean;
  readonly purpose?: ConsentPurpose;
  readonly noticeVersion?: number;
  readonly noticeHash?: string;
}
/** A card payment (consumption). */
export interface PaymentEvent extends EventBase {
  readonly type: 'payment';
  readonly amount: Money;
  readonly merchantCategory: string;
  readonly channel: Channel;
}
export interface TransferEvent extends EventBase {
  readonly type: 'transfer';
  readonly amount: Money;
  readonly direction: Direction;
}
/**
 * One instalment as known at `occurredAt`: due on `dueDate`, paid on `paidDate` (null: not paid yet). A
 * later report of the same instalment (same scope, loanRef and dueDate) supersedes an earlier one.
 */
export interface RepaymentEvent extends EventBase {
  readonly type: 'repayment';
  readonly scope: Scope;
  readonly lender: string;
  readonly loanRef: string;
  readonly dueDate: LocalDate;
  readonly paidDate: LocalDate | null;
  readonly amount: Money;
}
/** A credit inquiry by a lender (hard: loan or card applications; soft: post-loan reviews, self). */
export interface InquiryEvent extends EventBase {
  readonly type: 'inquiry';
  readonly lender: string;
  readonly kind: InquiryKind;
}
export interface LoanOpenedEvent extends EventBase {
  readonly type: 'loan_opened';
  readonly scope: Scope;
  readonly lender: string;
  readonly loanRef: string;
  readonly principal: Money;
}
export interface LoanClosedEvent extends EventBase {
  readonly type: 'loan_closed';
  readonly scope: Scope;
  readonly lender: string;
  readonly loanRef: string;
}
/** The state of a revolving line as reported: the latest report per line counts. */
export interface CreditLineEvent extends EventBase {
  readonly type: 'credit_line';
  readonly scope: Scope;
  readonly lender: string;
  readonly lineRef: string;
  readonly limit: Money;
  readonly balance: Money;
}
export interface LoginEvent extends EventBase {
  readonly type: 'login';
  readonly success: boolean;
}
export interface LimitViewEvent extends EventBase {
  readonly type: 'limit_view';
}
export interface DeviceChangeEvent extends EventBase {
  readonly type: 'device_change';
  readonly deviceRef: string;
}
export interface CardBoundEvent extends EventBase {
  readonly type: 'card_bound';
  readonly cardId: string;
  readonly issuer: string | null;
  readonly last4: string;
}
export interface CardRemovedEvent extends EventBase {
  readonly type: 'card_removed';
  readonly cardId: string;
}
/** A verification result, with the provider and the checks it ran. */
export interface VerificationEvent extends EventBase {
  readonly type: 'verification';
  readonly level: VerificationLevel;
  readonly failures: readonly VerificationFailure[];
  readonly provider: string;
  readonly checks: readonly VerificationCheck[];
}

export type CustomerEvent =
  | ProfileEvent
  | ConsentEvent
  | PaymentEvent
  | TransferEvent
  | RepaymentEvent
  | InquiryEvent
  | LoanOpenedEvent
  | LoanClosedEvent
  | CreditLineEvent
  | LoginEvent
  | LimitViewEvent
  | DeviceChangeEvent
  | CardBoundEvent
  | CardRemovedEvent
  | VerificationEvent;

/** Why a row was refused: the field and a sentence. */
export interface EventRejection {
  readonly field: string;
  readonly reason: string;
}

export type EventParse =
  | { readonly ok: true; readonly event: CustomerEvent }
  | { readonly ok: false; readonly rejection: EventRejection };

export interface ParseEventOptions {
  /** Events may not claim to have happened after this instant (plus `skewMs`). */
  readonly now: Date;
  readonly skewMs?: number;
  /** Accept internal types and the `credence` source (reading back what Credence stored). */
  readonly trusted?: boolean;
}

const BASE_FIELDS = ['eventId', 'customerId', 'source', 'type', 'occurredAt'] as const;

/** The fields each type carries besides the base (required ones first; see `REQUIRED`). */
export const TYPE_FIELDS: Readonly<Record<EventType, readonly string[]>> = {
  profile: ['occupation', 'residenceCity', 'incomeBand', 'education', 'socialInsurance', 'housingFund'],
  consent: ['dataSource', 'granted', 'purpose', 'noticeVersion', 'noticeHash'],
  payment: ['amount', 'merchantCategory', 'channel'],
  transfer: ['amount', 'direction'],
  repayment: ['scope', 'lender', 'loanRef', 'dueDate', 'paidDate', 'amount'],
  inquiry: ['lender', 'kind'],
  loan_opened: ['scope', 'lender', 'loanRef', 'principal'],
  loan_closed: ['scope', 'lender', 'loanRef'],
  credit_line: ['scope', 'lender', 'lineRef', 'limit', 'balance'],
  login: ['success'],
  limit_view: [],
  device_change: ['deviceRef'],
  card_bound: ['cardId', 'issuer', 'last4'],
  card_removed: ['cardId'],
  verification: ['level', 'failures', 'provider', 'checks'],
};

/** The fields each type may carry, base included (built once: validation runs for every imported row). */
const KNOWN_FIELDS = Object.fromEntries(
  EVENT_TYPES.map((type) => [type, new Set<string>([...BASE_FIELDS, ...TYPE_FIELDS[type]])]),
) as unknown as Readonly<Record<EventType, ReadonlySet<string>>>;

/** Every field any type may carry: the CSV header. */
export const ALL_EVENT_FIELDS: readonly string[] = [
  ...BASE_FIELDS,
  ...new Set(EXTERNAL_EVENT_TYPES.flatMap((type) => TYPE_FIELDS[type])),
];

class Refusal extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

type Raw = Readonly<Record<string, unknown>>;

function present(raw: Raw, field: string): boolean {
  const value = raw[field];
  return value !== undefined && value !== null && value !== '';
}

function text(raw: Raw, field: string, pattern: RegExp, description: string): string {
  const value = raw[field];
  if (value === undefined || value === null || value === '') throw new Refusal(field, 'is required');
  if (typeof value !== 'string') throw new Refusal(field, `must be a string (${description})`);
  if (!pattern.test(value)) throw new Refusal(field, `must be ${description}`);
  return value;
}

function oneOf<const T extends readonly string[]>(raw: Raw, field: string, values: T): T[number] {
  const value = raw[field];
  if (value === undefined || value === null || value === '') throw new Refusal(field, 'is required');
  if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
    throw new Refusal(field, `must be one of ${values.join(', ')}`);
  }
  return value as T[number];
}

function bool(raw: Raw, field: string): boolean {
  const value = raw[field];
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  if (value === undefined || value === null || value === '') throw new Refusal(field, 'is required');
  throw new Refusal(field, 'must be true or false');
}

function money(raw: Raw, field: string, { positive }: { positive: boolean }): Money {
  const value = raw[field];
  if (value === undefined || value === null || value === '') throw new Refusal(field, 'is required');
  let amount: Money;
  try {
    amount = moneyFromInput(value, field);
  } catch (error) {
    throw new Refusal(
      field,
      isAppError(error) ? (error.issues[0]?.message ?? error.message) : 'is not an amount',
    );
  }
  if (positive ? amount <= 0n : amount < 0n)
    throw new Refusal(field, positive ? 'must be more than 0' : 'must not be negative');
  // Features add amounts as exact integers in a float64; refuse what could not stay exact there.
  if (amount > 1_000_000_000_000n) throw new Refusal(field, 'must be at most 10,000,000,000.00 yuan');
  return amount;
}

function date(raw: Raw, field: string): LocalDate {
  const value = raw[field];
  if (value === undefined || value === null || value === '') throw new Refusal(field, 'is required');
  if (typeof value !== 'string') throw new Refusal(field, 'must be a date YYYY-MM-DD');
  try {
    return parseLocalDate(value, field);
  } catch {
    throw new Refusal(field, 'must be a real date YYYY-MM-DD');
  }
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const EARLIEST = Date.UTC(1990, 0, 1);

function instant(raw: Raw, field: string, options: ParseEventOptions): Date {
  const value = raw[field];
  if (value instanceof Date && options.trusted) return value;
  if (value === undefined || value === null || value === '') throw new Refusal(field, 'is required');
  if (typeof value !== 'string' || !RFC3339.test(value)) {
    throw new Refusal(field, 'must be an RFC 3339 instant with a time zone, e.g. 2026-11-22T08:00:00+08:00');
  }
  const at = new Date(value);
  const ms = at.getTime();
  if (Number.isNaN(ms) || ms < EARLIEST) throw new Refusal(field, 'is not a real instant after 1990');
  if (!options.trusted && ms > options.now.getTime() + (options.skewMs ?? 5 * 60_000)) {
    throw new Refusal(field, 'is in the future');
  }
  return at;
}

const EVENT_ID = /^[A-Za-z0-9_.:-]{1,128}$/;
const SOURCE = /^[a-z][a-z0-9_.-]{0,63}$/;
const REF = /^[\p{L}\p{N}_.:\- ]{1,64}$/u;
const LABEL = /^[\p{L}\p{N}_.:\-/ ]{1,32}$/u;
const CUSTOMER_ID = new RegExp(`^${ID_PREFIXES.customer}_[0-9A-HJKMNP-TV-Z]{26}$`);

/** Checks the type (external types only unless trusted) and that every field given belongs to it. */
function eventTypeOf(raw: Raw, options: ParseEventOptions): EventType {
  const type = raw.type;
  const allowed = options.trusted ? EVENT_TYPES : EXTERNAL_EVENT_TYPES;
  if (typeof type !== 'string' || !(allowed as readonly string[]).includes(type)) {
    const internal = (INTERNAL_EVENT_TYPES as readonly string[]).includes(String(type));
    throw new Refusal(
      'type',
      internal
        ? `"${String(type)}" events are written by Credence itself`
        : `must be one of ${EXTERNAL_EVENT_TYPES.join(', ')}`,
    );
  }
  const eventType = type as EventType;
  const known = KNOWN_FIELDS[eventType];
  for (const field in raw) {
    const value = raw[field];
    // CSV rows carry every column; an empty cell is "absent", not an unknown field.
    if (!known.has(field) && value !== undefined && value !== '') {
      throw new Refusal(field, `is not a field of a ${eventType} event`);
    }
  }
  return eventType;
}

/** The source, event id, customer id and instant (a trusted parse may use Credence's own source). */
function eventBaseOf(raw: Raw, options: ParseEventOptions): EventBase {
  const source = text(raw, 'source', SOURCE, 'a source name such as "bureau-a" (lower case)');
  if (!options.trusted && source === INTERNAL_SOURCE)
    throw new Refusal('source', `"${INTERNAL_SOURCE}" is reserved`);
  const base = {
    eventId: text(raw, 'eventId', EVENT_ID, 'an event id of 1–128 letters, digits or _.:-'),
    customerId: text(raw, 'customerId', CUSTOMER_ID, 'a customer id (cus_…)'),
    source,
    occurredAt: instant(raw, 'occurredAt', options),
  };
  return base;
}

function parseBody(raw: Raw, options: ParseEventOptions): CustomerEvent {
  const eventType = eventTypeOf(raw, options);
  const base = eventBaseOf(raw, options);
  const lender = () => text(raw, 'lender', REF, 'a lender name of 1–64 characters');
  switch (eventType) {
    case 'profile':
      return profileEvent(raw, base);
    case 'consent':
      return consentEvent(raw, base, options);
    case 'payment':
      return {
        ...base,
        type: 'payment',
        amount: money(raw, 'amount', { positive: true }),
        merchantCategory: text(raw, 'merchantCategory', LABEL, 'a category of 1–32 characters'),
        channel: oneOf(raw, 'channel', CHANNELS),
      };
    case 'transfer':
      return {
        ...base,
        type: 'transfer',
        amount: money(raw, 'amount', { positive: true }),
        direction: oneOf(raw, 'direction', DIRECTIONS),
      };
    case 'repayment': {
      const dueDate = date(raw, 'dueDate');
      const paidDate = present(raw, 'paidDate') ? date(raw, 'paidDate') : null;
      const reportedOn = businessDateOf(base.occurredAt);
      if (paidDate !== null && paidDate > reportedOn) {
        throw new Refusal('paidDate', 'is after the date the repayment was reported (occurredAt)');
      }
      return {
        ...base,
        type: 'repayment',
        scope: oneOf(raw, 'scope', SCOPES),
        lender: lender(),
        loanRef: text(raw, 'loanRef', REF, 'a loan reference of 1–64 characters'),
        dueDate,
        paidDate,
        amount: money(raw, 'amount', { positive: true }),
      };
    }
    case 'inquiry':
      return { ...base, type: 'inquiry', lender: lender(), kind: oneOf(raw, 'kind', INQUIRY_KINDS) };
    case 'loan_opened':
      return {
        ...base,
        type: 'loan_opened',
        scope: oneOf(raw, 'scope', SCOPES),
        lender: lender(),
        loanRef: text(raw, 'loanRef', REF, 'a loan reference of 1–64 characters'),
        principal: money(raw, 'principal', { positive: true }),
      };
    case 'loan_closed':
      return {
        ...base,
        type: 'loan_closed',
        scope: oneOf(raw, 'scope', SCOPES),
        lender: lender(),
        loanRef: text(raw, 'loanRef', REF, 'a loan reference of 1–64 characters'),
      };
    case 'credit_line':
      return {
        ...base,
        type: 'credit_line',
        scope: oneOf(raw, 'scope', SCOPES),
        lender: lender(),
        lineRef: text(raw, 'lineRef', REF, 'a line reference of 1–64 characters'),
        limit: money(raw, 'limit', { positive: false }),
        balance: money(raw, 'balance', { positive: false }),
      };
    case 'login':
      return { ...base, type: 'login', success: bool(raw, 'success') };
    case 'limit_view':
      return { ...base, type: 'limit_view' };
    case 'device_change':
      return {
        ...base,
        type: 'device_change',
        deviceRef: text(raw, 'deviceRef', REF, 'a device reference of 1–64 characters'),
      };
    case 'card_bound':
      return {
        ...base,
        type: 'card_bound',
        cardId: text(raw, 'cardId', /^crd_/, 'a card id'),
        issuer: present(raw, 'issuer') ? text(raw, 'issuer', LABEL, 'an issuer code') : null,
        last4: text(raw, 'last4', /^\d{4}$/, 'four digits'),
      };
    case 'card_removed':
      return { ...base, type: 'card_removed', cardId: text(raw, 'cardId', /^crd_/, 'a card id') };
    case 'verification':
      return verificationEvent(raw, base);
  }
}

/** A profile event: at least one of the profile fields. */
function profileEvent(raw: Raw, base: EventBase): ProfileEvent {
  const event: ProfileEvent = {
    ...base,
    type: 'profile',
    ...(present(raw, 'occupation')
      ? { occupation: text(raw, 'occupation', LABEL, 'a label of 1–32 characters') }
      : {}),
    ...(present(raw, 'residenceCity')
      ? { residenceCity: text(raw, 'residenceCity', LABEL, 'a city name of 1–32 characters') }
      : {}),
    ...(present(raw, 'incomeBand') ? { incomeBand: oneOf(raw, 'incomeBand', INCOME_BANDS) } : {}),
    ...(present(raw, 'education') ? { education: oneOf(raw, 'education', EDUCATION_LEVELS) } : {}),
    ...(present(raw, 'socialInsurance') ? { socialInsurance: bool(raw, 'socialInsurance') } : {}),
    ...(present(raw, 'housingFund') ? { housingFund: bool(raw, 'housingFund') } : {}),
  };
  if (Object.keys(event).length === Object.keys(base).length + 1) {
    throw new Refusal('type', 'a profile event needs at least one profile field');
  }
  return event;
}

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * A consent event. From outside only the legacy shape (`dataSource`, `granted`: credit assessment of that
 * source) is accepted; a consent naming a purpose and a notice is recorded through the consents API, which
 * checks that the notice version is the one in force (trusted parse).
 */
function consentEvent(raw: Raw, base: EventBase, options: ParseEventOptions): ConsentEvent {
  const granted = bool(raw, 'granted');
  const purposeGiven = present(raw, 'purpose');
  if (!purposeGiven) {
    if (present(raw, 'noticeVersion') || present(raw, 'noticeHash'))
      throw new Refusal('noticeVersion', 'a notice is named only with a purpose');
    const dataSource = raw.dataSource;
    if (!isDataSource(dataSource))
      throw new Refusal('dataSource', 'must be credit_bureau, bank_transactions or social_insurance');
    return { ...base, type: 'consent', dataSource, granted };
  }
  if (!options.trusted)
    throw new Refusal(
      'purpose',
      'a consent for a purpose is recorded through POST /v1/customers/{id}/consents, which checks the notice',
    );
  const purpose = raw.purpose;
  if (!isConsentPurpose(purpose))
    throw new Refusal('purpose', 'must be credit_assessment, marketing, bureau_query or bureau_reporting');
  const dataSource = raw.dataSource;
  if (purposeNeedsSource(purpose) !== present(raw, 'dataSource'))
    throw new Refusal(
      'dataSource',
      purposeNeedsSource(purpose) ? 'is required for this purpose' : 'is not part of this purpose',
    );
  if (present(raw, 'dataSource') && !isDataSource(dataSource))
    throw new Refusal('dataSource', 'must be credit_bureau, bank_transactions or social_insurance');
  const noticeVersion = raw.noticeVersion;
  const noticeHash = raw.noticeHash;
  const hasNotice = present(raw, 'noticeVersion');
  if (hasNotice !== present(raw, 'noticeHash'))
    throw new Refusal('noticeHash', 'a notice is named by its version and its hash together');
  if (
    hasNotice &&
    (typeof noticeVersion !== 'number' || !Number.isInteger(noticeVersion) || noticeVersion < 1)
  )
    throw new Refusal('noticeVersion', 'must be a whole number from 1');
  if (hasNotice && (typeof noticeHash !== 'string' || !SHA256.test(noticeHash)))
    throw new Refusal('noticeHash', 'must be a SHA-256 in lower-case hex');
  return {
    ...base,
    type: 'consent',
    ...(isDataSource(dataSource) ? { dataSource } : {}),
    granted,
    purpose,
    ...(hasNotice ? { noticeVersion: noticeVersion as number, noticeHash: noticeHash as string } : {}),
  };
}

/** A verification event (written by Credence only): level, failure codes, provider and its checks. */
function verificationEvent(raw: Raw, base: EventBase): VerificationEvent {
  const level = raw.level;
  if (level !== 0 && level !== 1 && level !== 2 && level !== 3)
    throw new Refusal('level', 'must be 0, 1, 2 or 3');
  const failures = raw.failures;
  if (
    !Array.isArray(failures) ||
    !failures.every((code) => (VERIFICATION_FAILURES as readonly unknown[]).includes(code))
  ) {
    throw new Refusal('failures', 'must be a list of verification failure codes');
  }
  const checks = Array.isArray(raw.checks) ? (raw.checks as VerificationCheck[]) : [];
  return {
    ...base,
    type: 'verification',
    level,
    failures: failures as VerificationFailure[],
    provider: text(raw, 'provider', /^.{1,64}$/, 'a provider name'),
    checks,
  };
}

/**
 * Parses one raw row (a JSON object or a CSV record) into an event, or says which field is wrong and why.
 * Never throws for bad input: a bad row in a batch is an expected outcome, reported with its position.
 */
export function parseEvent(raw: unknown, options: ParseEventOptions): EventParse {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, rejection: { field: '', reason: 'an event is a JSON object' } };
  }
  try {
    return { ok: true, event: parseBody(raw as Raw, options) };
  } catch (error) {
    if (error instanceof Refusal)
      return { ok: false, rejection: { field: error.field, reason: error.reason } };
    throw error;
  }
}

/** The wire form of an event (what `parseEvent` reads back): amounts as decimal strings, instants as ISO. */
export function eventToWire(event: CustomerEvent): Record<string, unknown> {
  const wire: Record<string, unknown> = {
    eventId: event.eventId,
    customerId: event.customerId,
    source: event.source,
    type: event.type,
    occurredAt: event.occurredAt.toISOString(),
  };
  for (const [field, value] of Object.entries(typeFields(event))) wire[field] = value;
  return wire;
}

/** The type-specific fields in wire form (stored as the event's jsonb payload). */
export function typeFields(event: CustomerEvent): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const field of TYPE_FIELDS[event.type]) {
    const value = (event as unknown as Record<string, unknown>)[field];
    if (value === undefined) continue;
    fields[field] = typeof value === 'bigint' ? toDecimalString(fen(value, field)) : value;
  }
  return fields;
}
