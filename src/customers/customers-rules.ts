import { maskName, type PiiVault } from '../identity/index.ts';
import { AppError } from '../platform/errors/app-error.ts';
import type { IdGenerator } from '../platform/ids/ids.ts';
import { maskCard, maskIdNumber, maskPhone } from '../platform/pii/mask.ts';
import type {
  BlocklistEntry,
  BlocklistRecord,
  CardRecord,
  CardView,
  CustomerRecord,
  CustomerView,
} from './customer.ts';
import { INTERNAL_SOURCE, parseEvent, type CustomerEvent } from './events/customer-event.ts';

/** Pure helpers the customers use cases share: masked views, text checks, Credence's own events. */

/** A stored customer for display: identifiers opened and masked, never returned in clear. */
export function customerView(
  vault: PiiVault,
  record: CustomerRecord,
  cards: readonly CardRecord[],
): CustomerView {
  return {
    customerId: record.customerId,
    externalId: record.externalId,
    name: maskName(vault.decrypt('name', record.name, record.customerId)),
    idNumber: maskIdNumber(vault.decrypt('id_number', record.idNumber, record.customerId)),
    phone: maskPhone(vault.decrypt('phone', record.phone, record.customerId)),
    birthDate: record.birthDate,
    sex: record.sex,
    regionCode: record.regionCode,
    createdAt: record.createdAt,
    cards: cards.map(cardView),
  };
}

/** A stored card for display: only its last four digits. */
export function cardView(card: CardRecord): CardView {
  return {
    cardId: card.cardId,
    cardNumber: maskCard(card.last4),
    issuer: card.issuer,
    addedAt: card.addedAt,
  };
}

/** A stored blocklist entry without its blind index. */
export function blocklistEntry(record: BlocklistRecord): BlocklistEntry {
  return {
    id: record.id,
    kind: record.kind,
    masked: record.masked,
    reason: record.reason,
    addedBy: record.addedBy,
    addedAt: record.addedAt,
    removedAt: record.removedAt,
    removedBy: record.removedBy,
    removedReason: record.removedReason,
  };
}

/** Trimmed, required text of at most `max` characters, or VALIDATION_FAILED naming the field. */
export function checkedText(field: string, value: unknown, max: number): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length === 0) throw AppError.invalid(field, 'required', `${field} is required`);
  if (text.length > max)
    throw AppError.invalid(field, 'max-length', `${field} has at most ${max} characters`);
  return text;
}

/** An event Credence records itself (verification, consent, card bound), under its internal source. */
export function internalEvent(
  ids: IdGenerator,
  customerId: string,
  occurredAt: Date,
  fields: Record<string, unknown>,
): CustomerEvent {
  const parsed = parseEvent(
    { eventId: ids.next('event'), customerId, source: INTERNAL_SOURCE, occurredAt, ...fields },
    { now: occurredAt, trusted: true },
  );
  if (!parsed.ok) throw AppError.invalid(parsed.rejection.field, 'event', parsed.rejection.reason);
  return parsed.event;
}
