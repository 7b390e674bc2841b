import { Type } from 'typebox';
import {
  DateString,
  FenString,
  IdString,
  InstantString,
  MoneyString,
  Nullable,
  StringEnum,
} from '../platform/http/schemas.ts';
import { toDecimalString, type Money } from '../platform/money/money.ts';
import {
  CASE_BUCKETS,
  CASE_EVENT_KINDS,
  CLOSE_REASONS,
  COLLECTION_PRODUCTS,
  type CollectionCase,
} from './collection-case.ts';
import { CONTACT_CHANNELS, CONTACT_OUTCOMES, type CollectionContact } from './collection-contact.ts';
import { SEQUENCE_MESSAGES, type CollectionStrategy } from './collection-strategy.ts';
import type { CollectionCaseFile } from './get-collection-case.ts';
import type { PromiseToPay } from './promise-to-pay.ts';

/** The collections API's messages (TypeBox) and the views that fill them: no rows on the wire. */

const CollectorDto = Type.Object({ id: Type.String(), name: Type.String() });

export const CollectionCaseDto = Type.Object({
  caseId: IdString('collectionCase'),
  customerId: IdString('customer'),
  accountId: Type.String({
    description: 'The delinquent account: a cash loan (ln_…) or a credit line (cl_…).',
  }),
  product: StringEnum(COLLECTION_PRODUCTS),
  status: StringEnum(['open', 'closed'] as const),
  openedOn: DateString('The business date the day-end found the account past due.'),
  bucket: StringEnum(CASE_BUCKETS, {
    description: 'M1 1–30, M2 31–60, M3+ 61+ days past due (the product’s bounds).',
  }),
  daysPastDue: Type.Integer(),
  amountPastDue: MoneyString('Billed and unpaid on what fell due, in yuan (loans: penalty so far included).'),
  amountPastDueFen: FenString(),
  oldestDueDate: Nullable(DateString('The first due date missed.')),
  priority: Type.Integer({ description: 'Bucket rank (1–3) plus one per broken promise, up to three.' }),
  brokenPromises: Type.Integer(),
  observedThrough: DateString('The last business date the day-end looked at the case.'),
  closedOn: Nullable(DateString()),
  closeReason: Nullable(StringEnum(CLOSE_REASONS)),
  claimedBy: Nullable(CollectorDto),
  claimedAt: Nullable(InstantString()),
  claimExpiresAt: Nullable(InstantString('A claim lapses by itself then; the case is back in the queue.')),
});

const yuan = (amount: Money) => toDecimalString(amount);

/** A case on the wire; a claim whose time ran out at `now` is shown as none. */
export function collectionCaseDto(c: CollectionCase, now: Date) {
  const live = c.claimExpiresAt !== null && c.claimExpiresAt.getTime() > now.getTime();
  return {
    caseId: c.id,
    customerId: c.customerId,
    accountId: c.accountId,
    product: c.product,
    status: c.status,
    openedOn: c.openedOn,
    bucket: c.bucket,
    daysPastDue: c.daysPastDue,
    amountPastDue: yuan(c.amountPastDue),
    amountPastDueFen: c.amountPastDue.toString(),
    oldestDueDate: c.oldestDueDate,
    priority: c.priority,
    brokenPromises: c.brokenPromises,
    observedThrough: c.observedThrough,
    closedOn: c.closedOn,
    closeReason: c.closeReason,
    claimedBy: live ? c.claimedBy : null,
    claimedAt: live ? (c.claimedAt?.toISOString() ?? null) : null,
    claimExpiresAt: live ? (c.claimExpiresAt?.toISOString() ?? null) : null,
  };
}

export const PromiseDto = Type.Object({
  promiseId: IdString('promiseToPay'),
  caseId: IdString('collectionCase'),
  madeOn: DateString('Payments with value dates from this day count.'),
  date: DateString('The promised date: payments through it count.'),
  amount: MoneyString('The amount promised, in yuan.'),
  amountFen: FenString(),
  status: StringEnum(['pending', 'kept', 'broken'] as const, {
    description: 'Kept or broken by the day-end from the payments received, never by hand.',
  }),
  resolvedOn: Nullable(DateString()),
  paid: Nullable(MoneyString('Paid in the window when it was resolved.')),
  madeBy: CollectorDto,
  note: Nullable(Type.String()),
});

export function promiseDto(p: PromiseToPay) {
  return {
    promiseId: p.id,
    caseId: p.caseId,
    madeOn: p.madeOn,
    date: p.dueDate,
    amount: yuan(p.amount),
    amountFen: p.amount.toString(),
    status: p.status,
    resolvedOn: p.resolvedOn,
    paid: p.paid === null ? null : yuan(p.paid),
    madeBy: p.madeBy,
    note: p.note,
  };
}

export const ContactDto = Type.Object({
  contactId: IdString('collectionContact'),
  caseId: IdString('collectionCase'),
  channel: StringEnum(CONTACT_CHANNELS),
  outcome: StringEnum(CONTACT_OUTCOMES),
  party: StringEnum(['customer'] as const),
  note: Nullable(Type.String({ description: 'As typed, with ID, card and phone numbers masked.' })),
  promiseId: Nullable(IdString('promiseToPay')),
  contactedAt: InstantString(),
  by: CollectorDto,
  recordedAt: InstantString(),
});

export function contactDto(c: CollectionContact) {
  return {
    contactId: c.id,
    caseId: c.caseId,
    channel: c.channel,
    outcome: c.outcome,
    party: c.party,
    note: c.note,
    promiseId: c.promiseId,
    contactedAt: c.contactedAt.toISOString(),
    by: c.by,
    recordedAt: c.recordedAt.toISOString(),
  };
}

export const CaseEventDto = Type.Object({
  seq: Type.Integer(),
  kind: StringEnum(CASE_EVENT_KINDS),
  businessDate: DateString(),
  fromBucket: Nullable(StringEnum(CASE_BUCKETS)),
  toBucket: Nullable(StringEnum(CASE_BUCKETS)),
  daysPastDue: Type.Integer(),
  amountPastDue: MoneyString(),
  detail: Type.Object({}, { additionalProperties: true }),
  recordedAt: InstantString(),
});

export const CaseFileDto = Type.Object({
  case: CollectionCaseDto,
  inCallQueue: Type.Boolean(),
  history: Type.Array(CaseEventDto, {
    description: 'Append-only: opened, bucket changes, closed, promises.',
  }),
  promises: Type.Array(PromiseDto),
  contacts: Type.Array(ContactDto, { description: 'The contact log, oldest first (append-only).' }),
});

export function caseFileDto(file: CollectionCaseFile, now: Date) {
  return {
    case: collectionCaseDto(file.case, now),
    inCallQueue: file.inCallQueue,
    history: file.history.map((e) => ({
      seq: e.seq,
      kind: e.kind,
      businessDate: e.businessDate,
      fromBucket: e.fromBucket,
      toBucket: e.toBucket,
      daysPastDue: e.daysPastDue,
      amountPastDue: yuan(e.amountPastDue),
      detail: { ...e.detail },
      recordedAt: e.recordedAt.toISOString(),
    })),
    promises: file.promises.map(promiseDto),
    contacts: file.contacts.map(contactDto),
  };
}

const ReminderStepDto = Type.Object({ daysPastDue: Type.Integer(), message: StringEnum(SEQUENCE_MESSAGES) });

export const StrategyDto = Type.Object({
  effectiveFrom: DateString(),
  buckets: Type.Object({
    M1: Type.Object({ reminders: Type.Array(ReminderStepDto) }),
    M2: Type.Object({ reminders: Type.Array(ReminderStepDto) }),
    'M3+': Type.Object({ reminders: Type.Array(ReminderStepDto) }),
  }),
  callQueueFrom: StringEnum(CASE_BUCKETS),
  contactHours: Type.Object({ from: Type.String(), to: Type.String(), timeZone: Type.String() }),
  caps: Type.Object({ perDay: Type.Integer(), perWeek: Type.Integer() }),
  source: Type.String(),
  claimMinutes: Type.Integer(),
  maxPromiseDays: Type.Integer(),
});

export function strategyDto(s: CollectionStrategy) {
  return {
    effectiveFrom: s.effectiveFrom,
    buckets: {
      M1: { reminders: s.buckets.M1.reminders.map((r) => ({ ...r })) },
      M2: { reminders: s.buckets.M2.reminders.map((r) => ({ ...r })) },
      'M3+': { reminders: s.buckets['M3+'].reminders.map((r) => ({ ...r })) },
    },
    callQueueFrom: s.callQueueFrom,
    contactHours: { ...s.contactHours },
    caps: { ...s.caps },
    source: s.source,
    claimMinutes: s.claimMinutes,
    maxPromiseDays: s.maxPromiseDays,
  };
}
