import type { IdentityRecord } from './customer.ts';
import type { CustomersDeps } from './customers-ports.ts';
import { listCardsEverBound } from './customers.pg.ts';
import { customerView } from './customers-rules.ts';
import { mustFindCustomer } from './get-customer.ts';

export type { IdentityRecord } from './customer.ts';

/**
 * The identity with every card ever bound (removed ones too), decrypted or masked. Decrypting is for the
 * person's own copy (PIPL Art. 45) and an admin's; the caller decides and audits, this only opens the vault.
 * NOT_FOUND for an unknown customer.
 */
export async function revealIdentity(
  deps: Pick<CustomersDeps, 'db' | 'keyring'>,
  customerId: string,
  mode: 'clear' | 'masked',
): Promise<IdentityRecord> {
  const record = await mustFindCustomer(deps.db, customerId);
  // Opened with the customer's own data key (GONE once they are erased).
  const vault = await deps.keyring.open(deps.db, customerId);
  const cards = await listCardsEverBound(deps.db, customerId);
  const clear = mode === 'clear';
  // Masked exactly as every other staff view masks them (customers-rules.ts).
  const masked = customerView(vault, record, cards);
  const open = (kind: 'name' | 'id_number' | 'phone', sealed: { keyId: string; ciphertext: Uint8Array }) =>
    vault.decrypt(kind, sealed, customerId);
  return {
    customerId,
    externalId: record.externalId,
    name: clear ? open('name', record.name) : masked.name,
    idNumber: clear ? open('id_number', record.idNumber) : masked.idNumber,
    phone: clear ? open('phone', record.phone) : masked.phone,
    birthDate: record.birthDate,
    sex: record.sex,
    regionCode: record.regionCode,
    createdAt: record.createdAt.toISOString(),
    cards: cards.map((card, index) => {
      return {
        cardId: card.cardId,
        cardNumber: clear
          ? vault.decrypt('card_number', card.card, customerId)
          : (masked.cards[index]?.cardNumber ?? ''),
        issuer: card.issuer,
        addedAt: card.addedAt.toISOString(),
        removedAt: card.removedAt ? card.removedAt.toISOString() : null,
      };
    }),
  };
}
