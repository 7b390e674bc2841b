import { afterAll, describe, expect, it } from 'vitest';
import { idCheckCharacter } from '../../src/identity/id-number.ts';
import { storesUnderTest } from '../support/stores.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { ZHANG_SAN } from './support/service.ts';

/**
 * Issue 12, item 8: one bank card could be bound to several customers, while an ID number is unique. A card
 * bound (and not removed) to one customer is now refused for any other: 409 problem+json naming the field
 * and the rule, and not the customer who holds it (an API key must not learn whose card a number is).
 */
const apps: TestApp[] = [];
afterAll(async () => {
  for (const t of apps) await t.app.stop();
});

const LI_SI = {
  externalId: 'ext-li-si',
  name: '李四',
  idNumber: `11010519920721899${idCheckCharacter('11010519920721899')}`,
  phone: '+86 139-0000-1111',
};
const CARD = '6222020200001234562';

describe.each(storesUnderTest())('card bound to another customer ($name)', (store) => {
  it('is refused with 409 naming cardNumber/bound-to-another-customer, not the holder; nothing written', async () => {
    const t = await createTestApp({ store });
    apps.push(t);
    const { customers } = t.app.services;
    const holder = (await customers.createCustomer(ZHANG_SAN)).customer.customerId;
    const other = (await customers.createCustomer(LI_SI)).customer.customerId;
    const bind = (customerId: string, cardNumber: string) =>
      t.app.http.inject({
        method: 'POST',
        url: `/v1/customers/${customerId}/cards`,
        headers: t.auth('app'),
        payload: { cardNumber },
      });

    expect((await bind(holder, CARD)).statusCode).toBe(201);
    const rows = async () =>
      (await t.app.db.query('select customer_id, card_id from customer_cards order by 1, 2')).rows;
    const before = await rows();

    // The same number, however it is written.
    for (const spelling of [CARD, '6222 0202 0000 1234 562']) {
      const refused = await bind(other, spelling);
      expect(refused.statusCode).toBe(409);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json().errors).toEqual([
        expect.objectContaining({ field: 'cardNumber', rule: 'bound-to-another-customer' }),
      ]);
      expect(refused.body).not.toContain(holder);
      expect(refused.body).not.toContain(ZHANG_SAN.externalId);
    }
    expect(await rows()).toEqual(before);

    // The holder binding it again is the card it has; another card for the other customer is fine.
    const again = await bind(holder, CARD);
    expect(again.statusCode).toBe(201);
    expect(await rows()).toEqual(before);
    expect((await bind(other, '4111111111111111')).statusCode).toBe(201);
  });

  it('two customers binding one card at the same time: exactly one gets it', async () => {
    const t = await createTestApp({ store });
    apps.push(t);
    const { customers } = t.app.services;
    const a = (await customers.createCustomer(ZHANG_SAN)).customer.customerId;
    const b = (await customers.createCustomer(LI_SI)).customer.customerId;
    const results = await Promise.allSettled([customers.addCard(a, CARD), customers.addCard(b, CARD)]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const holders = await t.app.db.query<{ customer_id: string }>('select customer_id from customer_cards');
    expect(holders.rows).toHaveLength(1);
  });
});
