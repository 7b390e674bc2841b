import { testPiiConfig } from '../../src/platform/config/config.ts';
import { rewrapDataKeys } from '../../src/privacy/data-key-rewrap.ts';
import { testKeyring } from '../../src/privacy/data-keyring.test-support.ts';
import { describe, expect, it } from 'vitest';
import { createPiiVault } from '../../src/identity/pii-vault.ts';
import { createCustomerService } from '../../src/customers/customer-service.ts';
import { createSandboxVerificationProvider } from '../../src/identity/sandbox-verification-provider.ts';
import { AppError } from '../../src/platform/errors/app-error.ts';
import { createIdGenerator, seededRandomBytes } from '../../src/platform/ids/ids.ts';
import { storesUnderTest } from '../support/stores.ts';
import { customerServiceOn, ZHANG_SAN } from './support/service.ts';

for (const store of storesUnderTest()) {
  describe(`customers on ${store.name}`, () => {
    it('creates a customer with encrypted PII, verifies to L2 without a card and L3 after binding one', async () => {
      const { service, db } = await customerServiceOn(store);
      const { customer, verification, created } = await service.createCustomer({
        ...ZHANG_SAN,
        consents: ['credit_bureau'],
        profile: { occupation: 'teacher', incomeBand: '5k_10k' },
      });
      expect(created).toBe(true);
      expect(customer).toMatchObject({
        name: '张*',
        idNumber: '110105********002X',
        phone: '138****5678',
        birthDate: '1949-12-31',
        sex: 'female',
        regionCode: '110105',
      });
      expect(verification).toMatchObject({ level: 2, failures: ['CARD_NOT_BOUND'], provider: 'sandbox' });

      const raw = await db.query<{ text: string }>('select row_to_json(c)::text as text from customers c');
      expect(raw.rows[0]?.text).not.toContain('11010519491231002X');
      expect(raw.rows[0]?.text).not.toContain('13812345678');

      const card = await service.addCard(customer.customerId, '6222 0202 0000 1234 562');
      expect(card.cardNumber).toBe('**** 4562');
      expect(card.issuer).toBe('ICBC');
      expect((await service.verify(customer.customerId)).level).toBe(3);
    });

    it('refuses invalid identity data naming the field and the rule', async () => {
      const { service } = await customerServiceOn(store);
      const error = await service
        .createCustomer({ ...ZHANG_SAN, idNumber: '110105194912310021' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).issues).toEqual([
        expect.objectContaining({ field: 'idNumber', rule: 'ID_CHECKSUM_INVALID' }),
      ]);
      const card = await service
        .addCard('cus_00000000000000000000000000', '4111111111111112')
        .catch((e: unknown) => e);
      expect((card as AppError).issues[0]).toMatchObject({
        field: 'cardNumber',
        rule: 'CARD_CHECKSUM_INVALID',
      });
    });

    it('is idempotent on external id and refuses a second customer with the same ID number', async () => {
      const { service } = await customerServiceOn(store);
      const first = await service.createCustomer(ZHANG_SAN);
      const replay = await service.createCustomer(ZHANG_SAN);
      expect(replay.created).toBe(false);
      expect(replay.customer.customerId).toBe(first.customer.customerId);
      const other = await service
        .createCustomer({ ...ZHANG_SAN, externalId: 'ext-other' })
        .catch((e: unknown) => e);
      expect((other as AppError).code).toBe('CONFLICT');
      // Which customer holds the ID number is not revealed.
      expect(JSON.stringify({ ...(other as AppError), message: (other as AppError).message })).not.toContain(
        first.customer.customerId,
      );
      expect((other as AppError).issues).toEqual([
        { field: 'idNumber', rule: 'unique', message: 'already registered to another customer' },
      ]);
      const reused = await service
        .createCustomer({ ...ZHANG_SAN, idNumber: '110105199001010010', name: '李四' })
        .catch((e: unknown) => e);
      expect((reused as AppError).code).toBe('CONFLICT');
    });

    it('keeps the good rows of a batch, reports bad ones by position, and is idempotent by (source, event id)', async () => {
      const { service, db } = await customerServiceOn(store);
      const { customer } = await service.createCustomer(ZHANG_SAN);
      const id = customer.customerId;
      const at = '2026-11-20T10:00:00+08:00';
      const batch = [
        {
          eventId: 'p-1',
          customerId: id,
          source: 'bank-a',
          type: 'payment',
          occurredAt: at,
          amount: '12.34',
          merchantCategory: 'dining',
          channel: 'online',
        },
        {
          eventId: 'p-2',
          customerId: id,
          source: 'bank-a',
          type: 'payment',
          occurredAt: at,
          amount: 12.34,
          merchantCategory: 'dining',
          channel: 'online',
        },
        {
          eventId: 'i-1',
          customerId: id,
          source: 'bureau',
          type: 'inquiry',
          occurredAt: at,
          lender: 'lender-a',
          kind: 'loan_application',
        },
        {
          eventId: 'x-1',
          customerId: 'cus_00000000000000000000000000',
          source: 'bureau',
          type: 'limit_view',
          occurredAt: at,
        },
        { eventId: 'v-1', customerId: id, source: 'app', type: 'verification', occurredAt: at },
        {
          eventId: 'f-1',
          customerId: id,
          source: 'app',
          type: 'limit_view',
          occurredAt: '2027-01-01T00:00:00Z',
        },
      ];
      const report = await service.ingestEvents(batch, { positions: [10, 11, 12, 13, 14, 15] });
      expect(report.accepted).toBe(2);
      expect(report.duplicates).toBe(0);
      expect(report.rejected.map((r) => [r.index, r.field])).toEqual([
        [11, 'amount'],
        [13, 'customerId'],
        [14, 'type'],
        [15, 'occurredAt'],
      ]);
      const again = await service.ingestEvents([batch[0], { ...batch[2], lender: 'lender-b' }]);
      expect(again).toEqual({
        accepted: 1,
        duplicates: 1,
        rejected: [
          {
            index: 1,
            field: 'eventId',
            reason: 'an event with this source and id was already recorded with different content',
          },
        ],
      });
      const count = await db.query<{ n: bigint }>(
        "select count(*)::int8 as n from customer_events where source <> 'credence'",
      );
      expect(count.rows[0]?.n).toBe(2n);
      await expect(db.query("update customer_events set type = 'x'")).rejects.toThrow(/append-only/);
      await expect(db.query('delete from customer_events')).rejects.toThrow(/append-only/);
    });

    it('a batch either stores a row whole or not at all: a failing transaction leaves nothing behind', async () => {
      const { service, db } = await customerServiceOn(store);
      const { customer } = await service.createCustomer(ZHANG_SAN);
      const before = await db.query<{ n: bigint }>('select count(*)::int8 as n from customer_events');
      const broken = await db
        .transaction(async (tx) => {
          await tx.query(
            `insert into customer_events (customer_id, source, event_id, type, occurred_at, received_at, payload)
             values ($1, 'app', 'half', 'limit_view', now(), now(), '{}')`,
            [customer.customerId],
          );
          throw new Error('crash mid-import');
        })
        .catch((e: unknown) => e);
      expect((broken as Error).message).toBe('crash mid-import');
      const after = await db.query<{ n: bigint }>('select count(*)::int8 as n from customer_events');
      expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
    });

    it('seals PII under the customer data key; a lender-key rotation re-wraps data keys, values stay', async () => {
      const { service, db, clock } = await customerServiceOn(store);
      const { customer } = await service.createCustomer(ZHANG_SAN);
      await service.addCard(customer.customerId, '6222020200001234562');
      const sealedBy = async () =>
        (
          await db.query<{ k: string }>(
            'select distinct name_key_id as k from customers union select distinct card_key_id from customer_cards',
          )
        ).rows.map((row) => row.k);
      expect(await sealedBy()).toEqual(['dek']);
      const oldKey = { id: 'test-1', key: Buffer.alloc(32, 7) };
      const newKey = { id: 'k-new', key: Buffer.alloc(32, 5) };
      const config = { activeKey: newKey, keys: [newKey, oldKey], blindIndexKey: Buffer.alloc(32, 9) };
      const keyring = testKeyring(config);
      const rotated = createCustomerService({
        db,
        clock,
        ids: createIdGenerator(clock, seededRandomBytes(7)),
        vault: createPiiVault(config),
        keyring,
        verifier: createSandboxVerificationProvider(),
      });
      expect((await rotated.getCustomer(customer.customerId)).idNumber).toBe('110105********002X');
      // Nothing to re-seal: every value is under the customer's data key already.
      expect(await rotated.reencryptPii()).toBe(0);
      expect(await rewrapDataKeys({ db, clock, keyring })).toBe(1);
      expect(await rewrapDataKeys({ db, clock, keyring })).toBe(0);
      expect(await sealedBy()).toEqual(['dek']);
      const wraps = await db.query<{ k: string }>('select distinct wrap_key_id as k from customer_data_keys');
      expect(wraps.rows.map((row) => row.k)).toEqual(['k-new']);
      // The new lender key alone now opens everything.
      const newOnly = { activeKey: newKey, keys: [newKey], blindIndexKey: Buffer.alloc(32, 9) };
      const afterRotation = createCustomerService({
        db,
        clock,
        ids: createIdGenerator(clock, seededRandomBytes(8)),
        vault: createPiiVault(newOnly),
        keyring: testKeyring(newOnly),
        verifier: createSandboxVerificationProvider(),
      });
      expect((await afterRotation.getCustomer(customer.customerId)).idNumber).toBe('110105********002X');
      expect((await afterRotation.verify(customer.customerId)).level).toBe(3);
    });

    it('moves values sealed under a lender key (before data keys) to a new data key; they read the same', async () => {
      const { service, db } = await customerServiceOn(store);
      const { customer } = await service.createCustomer(ZHANG_SAN);
      await service.addCard(customer.customerId, '6222020200001234562');
      // As a customer from before migration 0802: values under the lender key, no data key.
      const lender = createPiiVault(testPiiConfig());
      const id = customer.customerId;
      await db.query(
        `update customers set name_enc = $2, name_key_id = 'test-1', id_number_enc = $3, id_number_key_id = 'test-1',
                phone_enc = $4, phone_key_id = 'test-1' where customer_id = $1`,
        [
          id,
          lender.encrypt('name', '张三', id).ciphertext,
          lender.encrypt('id_number', '11010519491231002X', id).ciphertext,
          lender.encrypt('phone', '13812345678', id).ciphertext,
        ],
      );
      await db.query(
        `update customer_cards set card_enc = $2, card_key_id = 'test-1' where customer_id = $1`,
        [id, lender.encrypt('card_number', '6222020200001234562', id).ciphertext],
      );
      // As before data keys existed: the guard set aside for the delete, in one transaction (on Citus,
      // which propagates the trigger change to the shards, only with unsafe triggers allowed).
      await db.transaction(async (tx) => {
        await tx.exec('set local citus.enable_unsafe_triggers = on');
        await tx.exec('alter table customer_data_keys disable trigger customer_data_keys_guarded');
        await tx.query('delete from customer_data_keys where customer_id = $1', [id]);
        await tx.exec('alter table customer_data_keys enable trigger customer_data_keys_guarded');
      });
      const before = await service.getCustomer(id);
      expect(await service.reencryptPii()).toBe(2);
      expect(await service.reencryptPii()).toBe(0);
      const keys = await db.query<{ k: string }>(
        'select distinct name_key_id as k from customers union select distinct card_key_id from customer_cards',
      );
      expect(keys.rows.map((row) => row.k)).toEqual(['dek']);
      expect(await service.getCustomer(id)).toEqual(before);
    });
  });
}
