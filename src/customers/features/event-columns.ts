import {
  DATA_SOURCES,
  type DataSource,
  VERIFICATION_FAILURES,
  type VerificationFailure,
} from '../../identity/index.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { toEpochDay, type LocalDate } from '../../platform/time/local-date.ts';
import {
  CHANNELS,
  INQUIRY_KINDS,
  typeFields,
  type Channel,
  type CustomerEvent,
  type Education,
  type EventType,
  type IncomeBand,
  type InquiryKind,
} from '../events/customer-event.ts';

/**
 * Events in columns (struct of typed arrays), the one input of the feature computation. Serving (one
 * customer from the database), training (every customer from the database) and the synthetic population
 * all end up here, so features are computed by the same code whatever the source.
 *
 * Why columns: the feature pass touches each event once, and a million customers' features must come out
 * at tens of thousands per second. Typed arrays keep an event to ~45 bytes and the loop free of property
 * lookups and allocation.
 *
 * Amounts are integer fen held in float64 (`amount`, `amount2`): exact while below 2^53 fen; parsing caps
 * single amounts at ¥10 billion, so sums of any realistic history stay exact. This is the one place money
 * leaves `bigint`, and it leaves as whole fen, never as fractional yuan.
 */
export const TYPE_CODE: Readonly<Record<EventType, number>> = {
  profile: 1,
  consent: 2,
  payment: 3,
  transfer: 4,
  repayment: 5,
  inquiry: 6,
  loan_opened: 7,
  loan_closed: 8,
  credit_line: 9,
  login: 10,
  limit_view: 11,
  device_change: 12,
  card_bound: 13,
  card_removed: 14,
  verification: 15,
};

/** `sub` column: scope of credit (0 here, 1 elsewhere). */
export const SCOPE_HERE = 0;
export const SCOPE_ELSEWHERE = 1;
/** Inquiry kinds that are applications (hard inquiries); post-loan reviews and self-checks are not. */
export const INQUIRY_LOAN_APPLICATION = INQUIRY_KINDS.indexOf('loan_application');
export const INQUIRY_CARD_APPLICATION = INQUIRY_KINDS.indexOf('card_application');
export const CHANNEL_ONLINE = CHANNELS.indexOf('online');

/** The profile fields an event carried (only those present). */
export interface ProfileFields {
  readonly occupation?: string;
  readonly residenceCity?: string;
  readonly incomeBand?: IncomeBand;
  readonly education?: Education;
  readonly socialInsurance?: boolean;
  readonly housingFund?: boolean;
}

/**
 * The columns. Meaning of the generic columns by type:
 *
 * | type | sub | amount | amount2 | key | key2 | day1 | day2 |
 * | --- | --- | --- | --- | --- | --- | --- | --- |
 * | payment | 1 online, 0 offline | fen | | merchant category | | | |
 * | transfer | 1 in, 0 out | fen | | | | | |
 * | repayment | scope | fen | | lender | lender+loan | due (epoch day) | paid (epoch day) or −1 |
 * | inquiry | kind (INQUIRY_KINDS index) | | | lender | | | |
 * | loan_opened / loan_closed | scope | principal fen | | lender | lender+loan | | |
 * | credit_line | scope | limit fen | balance fen | lender | lender+line | | |
 * | consent | source index × 2 + granted (credit-assessment consents only) | | | | | | |
 * | login | 1 success, 0 failure | | | | | | |
 * | device_change, card_bound, card_removed | | | | device / card | | | |
 * | profile | | | | index into `profiles` | | | |
 * | verification | first failure (VERIFICATION_FAILURES index, 255 none) | | | | | level | |
 */
export interface EventColumns {
  length: number;
  time: Float64Array;
  type: Uint8Array;
  sub: Uint8Array;
  amount: Float64Array;
  amount2: Float64Array;
  key: Int32Array;
  key2: Int32Array;
  day1: Int32Array;
  day2: Int32Array;
  /** Interned strings (lenders, loan references, devices, cards). */
  readonly strings: Map<string, number>;
  readonly profiles: ProfileFields[];
}

export function createEventColumns(capacity = 1024): EventColumns {
  return {
    length: 0,
    time: new Float64Array(capacity),
    type: new Uint8Array(capacity),
    sub: new Uint8Array(capacity),
    amount: new Float64Array(capacity),
    amount2: new Float64Array(capacity),
    key: new Int32Array(capacity),
    key2: new Int32Array(capacity),
    day1: new Int32Array(capacity),
    day2: new Int32Array(capacity),
    strings: new Map(),
    profiles: [],
  };
}

function grow<T extends Float64Array | Uint8Array | Int32Array>(array: T, capacity: number): T {
  const next = new (array.constructor as new (length: number) => T)(capacity);
  next.set(array);
  return next;
}

/** Makes room for `extra` more events (doubling). */
export function reserve(columns: EventColumns, extra: number): void {
  const needed = columns.length + extra;
  if (needed <= columns.time.length) return;
  let capacity = Math.max(1024, columns.time.length);
  while (capacity < needed) capacity *= 2;
  columns.time = grow(columns.time, capacity);
  columns.type = grow(columns.type, capacity);
  columns.sub = grow(columns.sub, capacity);
  columns.amount = grow(columns.amount, capacity);
  columns.amount2 = grow(columns.amount2, capacity);
  columns.key = grow(columns.key, capacity);
  columns.key2 = grow(columns.key2, capacity);
  columns.day1 = grow(columns.day1, capacity);
  columns.day2 = grow(columns.day2, capacity);
}

/** The number of a string in the columns' table (allocating the next number for a new one). */
export function intern(columns: EventColumns, value: string): number {
  let id = columns.strings.get(value);
  if (id === undefined) {
    id = columns.strings.size;
    columns.strings.set(value, id);
  }
  return id;
}

/** Appends one event in raw column form (the synthetic generator's fast path). Events must come in time order per customer. */
export function pushRaw(
  columns: EventColumns,
  time: number,
  type: number,
  sub = 0,
  amount = 0,
  amount2 = 0,
  key = 0,
  key2 = 0,
  day1 = 0,
  day2 = -1,
): void {
  if (columns.length === columns.time.length) reserve(columns, 1);
  const i = columns.length;
  columns.time[i] = time;
  columns.type[i] = type;
  columns.sub[i] = sub;
  columns.amount[i] = amount;
  columns.amount2[i] = amount2;
  columns.key[i] = key;
  columns.key2[i] = key2;
  columns.day1[i] = day1;
  columns.day2[i] = day2;
  columns.length = i + 1;
}

const scopeCode = (scope: unknown): number => (scope === 'elsewhere' ? SCOPE_ELSEWHERE : SCOPE_HERE);

/**
 * Whole fen from a stored decimal amount (`"1234.56"`), exactly: digits are combined as integers, never
 * through a float multiplication. Stored amounts were validated on the way in.
 */
export function fenOf(value: unknown): number {
  const match = typeof value === 'string' ? /^(-?)(\d{1,17})(?:\.(\d{1,2}))?$/.exec(value) : null;
  if (!match) throw new AppError('INTERNAL', `stored amount ${String(value)} is not a decimal amount`);
  const magnitude = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] === '-' ? -magnitude : magnitude;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * Appends one event from its stored form: the type, the instant and the type's fields as stored in the
 * event's payload (wire form: amounts as decimal strings, dates as `YYYY-MM-DD`). The one decoder every
 * path goes through — rows from the database (serving and training alike) and domain events (`pushEvent`).
 */
export function pushStored(
  columns: EventColumns,
  type: string,
  time: number,
  p: Readonly<Record<string, unknown>>,
): void {
  switch (type as EventType) {
    case 'profile': {
      const fields: ProfileFields = {
        ...(typeof p.occupation === 'string' ? { occupation: p.occupation } : {}),
        ...(typeof p.residenceCity === 'string' ? { residenceCity: p.residenceCity } : {}),
        ...(typeof p.incomeBand === 'string' ? { incomeBand: p.incomeBand as IncomeBand } : {}),
        ...(typeof p.education === 'string' ? { education: p.education as Education } : {}),
        ...(typeof p.socialInsurance === 'boolean' ? { socialInsurance: p.socialInsurance } : {}),
        ...(typeof p.housingFund === 'boolean' ? { housingFund: p.housingFund } : {}),
      };
      columns.profiles.push(fields);
      pushRaw(columns, time, TYPE_CODE.profile, 0, 0, 0, columns.profiles.length - 1);
      return;
    }
    case 'consent':
      // Only consent to credit assessment of a source gates features; consents for other purposes
      // (marketing, bureau query, bureau reporting) do not enter the columns at all.
      if (p.purpose !== undefined && p.purpose !== 'credit_assessment') return;
      pushRaw(
        columns,
        time,
        TYPE_CODE.consent,
        DATA_SOURCES.indexOf(p.dataSource as DataSource) * 2 + (p.granted === true ? 1 : 0),
      );
      return;
    case 'payment':
      pushRaw(
        columns,
        time,
        TYPE_CODE.payment,
        CHANNELS.indexOf(p.channel as Channel),
        fenOf(p.amount),
        0,
        intern(columns, text(p.merchantCategory)),
      );
      return;
    case 'transfer':
      pushRaw(columns, time, TYPE_CODE.transfer, p.direction === 'in' ? 1 : 0, fenOf(p.amount));
      return;
    case 'repayment':
      pushRaw(
        columns,
        time,
        TYPE_CODE.repayment,
        scopeCode(p.scope),
        fenOf(p.amount),
        0,
        intern(columns, text(p.lender)),
        intern(columns, `${text(p.lender)}\u0000${text(p.loanRef)}`),
        toEpochDay(text(p.dueDate) as LocalDate),
        typeof p.paidDate === 'string' ? toEpochDay(p.paidDate as LocalDate) : -1,
      );
      return;
    case 'inquiry':
      pushRaw(
        columns,
        time,
        TYPE_CODE.inquiry,
        INQUIRY_KINDS.indexOf(p.kind as InquiryKind),
        0,
        0,
        intern(columns, text(p.lender)),
      );
      return;
    case 'loan_opened':
    case 'loan_closed':
      pushRaw(
        columns,
        time,
        TYPE_CODE[type as 'loan_opened' | 'loan_closed'],
        scopeCode(p.scope),
        type === 'loan_opened' ? fenOf(p.principal) : 0,
        0,
        intern(columns, text(p.lender)),
        intern(columns, `${text(p.lender)}\u0000${text(p.loanRef)}`),
      );
      return;
    case 'credit_line':
      pushRaw(
        columns,
        time,
        TYPE_CODE.credit_line,
        scopeCode(p.scope),
        fenOf(p.limit),
        fenOf(p.balance),
        intern(columns, text(p.lender)),
        intern(columns, `${text(p.lender)}\u0000${text(p.lineRef)}`),
      );
      return;
    case 'login':
      pushRaw(columns, time, TYPE_CODE.login, p.success === true ? 1 : 0);
      return;
    case 'limit_view':
      pushRaw(columns, time, TYPE_CODE.limit_view);
      return;
    case 'device_change':
      pushRaw(columns, time, TYPE_CODE.device_change, 0, 0, 0, intern(columns, text(p.deviceRef)));
      return;
    case 'card_bound':
    case 'card_removed':
      pushRaw(
        columns,
        time,
        TYPE_CODE[type as 'card_bound' | 'card_removed'],
        0,
        0,
        0,
        intern(columns, text(p.cardId)),
      );
      return;
    case 'verification': {
      // `sub` keeps the first failure code (255: none), so a round trip through columns keeps the reason.
      const failures = Array.isArray(p.failures) ? (p.failures as VerificationFailure[]) : [];
      const first = failures[0];
      pushRaw(
        columns,
        time,
        TYPE_CODE.verification,
        first === undefined ? 255 : VERIFICATION_FAILURES.indexOf(first),
        0,
        0,
        0,
        0,
        Number(p.level) || 0,
      );
      return;
    }
    default:
      throw new AppError('INTERNAL', `stored event type "${type}" is unknown`);
  }
}

/** Appends one domain event, through its stored form (so there is exactly one decoder). */
export function pushEvent(columns: EventColumns, event: CustomerEvent): void {
  pushStored(columns, event.type, event.occurredAt.getTime(), typeFields(event));
}

/**
 * Encodes one customer's events, sorted by time (stable: events at the same instant keep their order,
 * which is the order they were stored in).
 */
export function encodeEvents(
  events: readonly CustomerEvent[],
  columns = createEventColumns(events.length),
): EventColumns {
  const sorted = [...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  reserve(columns, sorted.length);
  for (const event of sorted) pushEvent(columns, event);
  return columns;
}
