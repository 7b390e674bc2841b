import type { CustomersDeps } from './customers-ports.ts';
import { cardsNotUnderKey, customersNotUnderKey, updateCardPii, updateCustomerPii } from './customers.pg.ts';

/**
 * Re-seals every PII value not under the vault's active key (customers' name, ID number and phone, then
 * cards), a batch per transaction; returns how many rows were rewritten.
 */
export async function reencryptPii(
  deps: Pick<CustomersDeps, 'db' | 'vault'>,
  options: { batchSize?: number; onProgress?: (done: number) => void } = {},
): Promise<number> {
  const { db, vault } = deps;
  const batchSize = options.batchSize ?? 500;
  let rewritten = 0;
  let after = '';
  for (;;) {
    const batch = await customersNotUnderKey(db, vault.activeKeyId, after, batchSize);
    if (batch.length === 0) break;
    after = batch[batch.length - 1]?.customerId ?? after;
    await db.transaction(async (tx) => {
      for (const customer of batch) {
        await updateCustomerPii(tx, {
          ...customer,
          name: vault.reencrypt('name', customer.name, customer.customerId),
          idNumber: vault.reencrypt('id_number', customer.idNumber, customer.customerId),
          phone: vault.reencrypt('phone', customer.phone, customer.customerId),
        });
      }
    });
    rewritten += batch.length;
    options.onProgress?.(rewritten);
  }
  for (;;) {
    const cards = await cardsNotUnderKey(db, vault.activeKeyId, batchSize);
    if (cards.length === 0) break;
    await db.transaction(async (tx) => {
      for (const card of cards)
        await updateCardPii(tx, {
          ...card,
          card: vault.reencrypt('card_number', card.card, card.customerId),
        });
    });
    rewritten += cards.length;
    options.onProgress?.(rewritten);
  }
  return rewritten;
}
