import { issuerOf, type PiiVault } from '../../identity/index.ts';
import type { Database } from '../../platform/database/database.ts';
import type { CardRecord, CustomerRecord } from '../../customers/index.ts';
import { appendEvents, insertCards, insertCustomers } from '../../customers/customers.pg.ts';
import { populationEvents, type Population, type SyntheticCustomer } from './population.ts';

/** The stored form of a synthetic customer: PII sealed and indexed exactly as `createCustomer` does it. */
export function syntheticCustomerRecord(
  vault: PiiVault,
  customer: SyntheticCustomer,
): { customer: CustomerRecord; cards: CardRecord[] } {
  const id = customer.customerId;
  return {
    customer: {
      customerId: id,
      externalId: customer.externalId,
      name: vault.encrypt('name', customer.name, id),
      idNumber: vault.encrypt('id_number', customer.idNumber, id),
      idNumberIndex: vault.blindIndex('id_number', customer.idNumber),
      phone: vault.encrypt('phone', customer.phone, id),
      phoneIndex: vault.blindIndex('phone', customer.phone),
      birthDate: customer.birthDate,
      sex: customer.sex,
      regionCode: customer.idNumber.slice(0, 6),
      createdAt: customer.openedAt,
    },
    cards: customer.cards.map((card) => ({
      customerId: id,
      cardId: card.cardId,
      card: vault.encrypt('card_number', card.cardNumber, id),
      cardIndex: vault.blindIndex('card_number', card.cardNumber),
      last4: card.cardNumber.slice(-4),
      issuer: issuerOf(card.cardNumber)?.code ?? null,
      addedAt: customer.openedAt,
      removedAt: null,
    })),
  };
}

/**
 * Writes a synthetic population into the database: customers (PII encrypted), cards and every event,
 * including Credence's own verification and card events with their historical times. Batches of
 * `batchSize` customers, each batch in one transaction; running it again with the same seed changes
 * nothing (ids and event ids are deterministic and inserts skip what exists).
 */
export async function storePopulation(
  db: Database,
  vault: PiiVault,
  population: Population,
  options: { batchSize?: number; receivedAt: Date; onProgress?: (customers: number, events: number) => void },
): Promise<{ customers: number; events: number }> {
  const batchSize = options.batchSize ?? 200;
  let customers = 0;
  let events = 0;
  for (let start = 0; start < population.customers.length; start += batchSize) {
    const batch = population.customers.slice(start, start + batchSize);
    const records = batch.map((customer) => syntheticCustomerRecord(vault, customer));
    const batchEvents = batch.flatMap((customer) => populationEvents(population, customer));
    await db.transaction(async (tx) => {
      await insertCustomers(
        tx,
        records.map((record) => record.customer),
      );
      await insertCards(
        tx,
        records.flatMap((record) => record.cards),
      );
      for (let from = 0; from < batchEvents.length; from += 5000) {
        await appendEvents(tx, batchEvents.slice(from, from + 5000), options.receivedAt);
      }
    });
    customers += batch.length;
    events += batchEvents.length;
    options.onProgress?.(customers, events);
  }
  return { customers, events };
}
