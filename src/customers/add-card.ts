import { checkCardNumber } from '../identity/index.ts';
import { AppError } from '../platform/errors/app-error.ts';
import type { CardRecord, CardView } from './customer.ts';
import type { CustomersDeps } from './customers-ports.ts';
import { appendEvents, cardBoundToAnotherCustomer, insertCards, listCards, lockKey } from './customers.pg.ts';
import { cardView, internalEvent } from './customers-rules.ts';
import { mustFindCustomer } from './get-customer.ts';

/**
 * Binds a bank card (validated: 16–19 digits, Luhn) and records a `card_bound` event; binding the same card
 * again returns it. A card bound to another customer is a CONFLICT. Run `verifyCustomer` to take it into
 * account.
 */
export async function addCard(
  deps: Pick<CustomersDeps, 'db' | 'clock' | 'ids' | 'vault' | 'keyring'>,
  customerId: string,
  cardNumber: string,
): Promise<CardView> {
  const { db, clock, ids, vault, keyring } = deps;
  const check = checkCardNumber(cardNumber);
  if (!check.valid) throw AppError.invalid('cardNumber', check.reason, check.message);
  const index = vault.blindIndex('card_number', check.normalized);
  return db.transaction(async (tx) => {
    await mustFindCustomer(tx, customerId);
    // One card, one customer (as for ID numbers): bindings of one card are serialised on its blind index.
    await lockKey(tx, `customers:card:${index}`);
    const bound = await listCards(tx, customerId);
    const same = bound.find((card) => card.cardIndex === index);
    if (same) return cardView(same);
    if (await cardBoundToAnotherCustomer(tx, index, customerId)) {
      // Which customer holds it is not said: an API key could otherwise map card numbers to customers.
      throw new AppError('CONFLICT', 'this bank card is already bound to another customer', {
        issues: [
          {
            field: 'cardNumber',
            rule: 'bound-to-another-customer',
            message: 'already bound to another customer',
          },
        ],
      });
    }
    const now = clock.now();
    // Under the customer's data key (made now for a customer from before per-customer keys).
    const sealer = await keyring.open(tx, customerId, { create: true });
    const card: CardRecord = {
      customerId,
      cardId: ids.next('card'),
      card: sealer.encrypt('card_number', check.normalized, customerId),
      cardIndex: index,
      last4: check.last4,
      issuer: check.issuer?.code ?? null,
      addedAt: now,
      removedAt: null,
    };
    await insertCards(tx, [card]);
    const bindingEvent = internalEvent(ids, customerId, now, {
      type: 'card_bound',
      cardId: card.cardId,
      issuer: card.issuer,
      last4: card.last4,
    });
    await appendEvents(tx, [bindingEvent], now);
    return cardView(card);
  });
}
