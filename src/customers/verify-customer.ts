import { verifySubject } from '../identity/index.ts';
import type { VerificationRecord } from './customer.ts';
import type { CustomersDeps } from './customers-ports.ts';
import { appendEvents, listCards } from './customers.pg.ts';
import { internalEvent } from './customers-rules.ts';
import { mustFindCustomer } from './get-customer.ts';

/**
 * Runs the four-element verification (name, ID number, phone, cards — newest card first) through the
 * provider and records the result as a verification event.
 */
export async function verifyCustomer(
  deps: Pick<CustomersDeps, 'db' | 'clock' | 'ids' | 'keyring' | 'verifier'>,
  customerId: string,
): Promise<VerificationRecord> {
  const { db, clock, ids, keyring, verifier } = deps;
  const record = await mustFindCustomer(db, customerId);
  const vault = await keyring.open(db, customerId);
  const cards = await listCards(db, customerId);
  const outcome = await verifySubject(verifier, {
    name: vault.decrypt('name', record.name, customerId),
    idNumber: vault.decrypt('id_number', record.idNumber, customerId),
    phone: vault.decrypt('phone', record.phone, customerId),
    cards: [...cards].reverse().map((card) => ({
      cardId: card.cardId,
      cardNumber: vault.decrypt('card_number', card.card, customerId),
    })),
  });
  const verifiedAt = clock.now();
  const event = internalEvent(ids, customerId, verifiedAt, {
    type: 'verification',
    level: outcome.level,
    failures: [...outcome.failures],
    provider: outcome.provider,
    checks: [...outcome.checks],
  });
  await appendEvents(db, [event], verifiedAt);
  return {
    verificationId: event.eventId,
    level: outcome.level,
    failures: outcome.failures,
    provider: outcome.provider,
    verifiedAt,
  };
}
