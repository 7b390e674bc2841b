import { maskName } from '../identity/person-name.ts';
import { maskCard, maskIdNumber, maskPhone } from '../platform/pii/mask.ts';
import type { CustomersDeps } from './customers-ports.ts';
import { listCardsEverBound } from './customers.pg.ts';
import { mustFindCustomer } from './get-customer.ts';

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

/**
 * The identity with every card ever bound (removed ones too), decrypted or masked. Decrypting is for the
 * person's own copy (PIPL Art. 45) and an admin's; the caller decides and audits, this only opens the vault.
 * NOT_FOUND for an unknown customer.
 */
export async function revealIdentity(
  deps: Pick<CustomersDeps, 'db' | 'vault'>,
  customerId: string,
  mode: 'clear' | 'masked',
): Promise<IdentityRecord> {
  const record = await mustFindCustomer(deps.db, customerId);
  const cards = await listCardsEverBound(deps.db, customerId);
  const open = (kind: 'name' | 'id_number' | 'phone', sealed: { keyId: string; ciphertext: Uint8Array }) =>
    deps.vault.decrypt(kind, sealed, customerId);
  const clear = mode === 'clear';
  const name = open('name', record.name);
  const idNumber = open('id_number', record.idNumber);
  const phone = open('phone', record.phone);
  return {
    customerId,
    externalId: record.externalId,
    name: clear ? name : maskName(name),
    idNumber: clear ? idNumber : maskIdNumber(idNumber),
    phone: clear ? phone : maskPhone(phone),
    birthDate: record.birthDate,
    sex: record.sex,
    regionCode: record.regionCode,
    createdAt: record.createdAt.toISOString(),
    cards: cards.map((card) => {
      const number = deps.vault.decrypt('card_number', card.card, customerId);
      return {
        cardId: card.cardId,
        cardNumber: clear ? number : maskCard(number),
        issuer: card.issuer,
        addedAt: card.addedAt.toISOString(),
        removedAt: card.removedAt ? card.removedAt.toISOString() : null,
      };
    }),
  };
}
