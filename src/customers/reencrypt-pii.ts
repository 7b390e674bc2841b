import { DATA_KEY_ID } from '../privacy/index.ts';
import type { CustomersDeps } from './customers-ports.ts';
import { cardsNotUnderKey, customersNotUnderKey, updateCardPii, updateCustomerPii } from './customers.pg.ts';

/**
 * Moves every customer's PII still sealed directly under a lender key (written before per-customer data
 * keys, or by the bulk loader) to the customer's own data key — names, ID numbers and phones, then cards —
 * a batch per transaction; returns how many rows were rewritten. Values already under a data key are not
 * touched: a rotation of the lender's key re-wraps the data keys instead (privacy `rewrapDataKeys`).
 */
export async function reencryptPii(
  deps: Pick<CustomersDeps, 'db' | 'keyring'>,
  options: { batchSize?: number; onProgress?: (done: number) => void } = {},
): Promise<number> {
  const { db, keyring } = deps;
  const batchSize = options.batchSize ?? 500;
  let rewritten = 0;
  let after = '';
  for (;;) {
    const batch = await customersNotUnderKey(db, DATA_KEY_ID, after, batchSize);
    if (batch.length === 0) break;
    after = batch[batch.length - 1]?.customerId ?? after;
    await db.transaction(async (tx) => {
      for (const customer of batch) {
        const vault = await keyring.open(tx, customer.customerId, { create: true });
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
    const cards = await cardsNotUnderKey(db, DATA_KEY_ID, batchSize);
    if (cards.length === 0) break;
    await db.transaction(async (tx) => {
      for (const card of cards) {
        const vault = await keyring.open(tx, card.customerId, { create: true });
        await updateCardPii(tx, {
          ...card,
          card: vault.reencrypt('card_number', card.card, card.customerId),
        });
      }
    });
    rewritten += cards.length;
    options.onProgress?.(rewritten);
  }
  return rewritten;
}
