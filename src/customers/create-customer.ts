import { checkIdNumber, isDataSource, checkName, checkPhone } from '../identity/index.ts';
import type { Queryable } from '../platform/database/database.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { businessDateOf } from '../platform/time/local-date.ts';
import type { CustomerRecord, CustomerView, NewCustomer, VerificationRecord } from './customer.ts';
import type { CustomersDeps } from './customers-ports.ts';
import {
  appendEvents,
  findCustomersByExternalId,
  findCustomersByIdNumberIndex,
  insertCustomers,
  listCards,
  lockKey,
} from './customers.pg.ts';
import { customerView, internalEvent } from './customers-rules.ts';
import { INTERNAL_SOURCE, parseEvent, type CustomerEvent } from './events/customer-event.ts';
import { mustFindCustomer } from './get-customer.ts';
import { verifyCustomer } from './verify-customer.ts';

type CreateCustomerDeps = Pick<CustomersDeps, 'db' | 'clock' | 'ids' | 'vault' | 'keyring' | 'verifier'>;

/**
 * Creates a customer (or returns the existing one for a replay of the same external id and ID number) and
 * verifies it. The same external id with another ID number, or an ID number registered to another
 * customer, is a CONFLICT.
 */
export async function createCustomer(
  deps: CreateCustomerDeps,
  input: NewCustomer,
): Promise<{ customer: CustomerView; verification: VerificationRecord; created: boolean }> {
  const { db, clock, ids, vault, keyring } = deps;
  const now = clock.now();
  const checked = checkNewCustomer(input, now);
  const customerId = ids.next('customer');
  // The customer's own data key seals their identifiers; it is stored (wrapped) with the customer, or not
  // at all when this is a replay of a sign-up already stored.
  const dataKey = keyring.issue(customerId);
  const sealer = dataKey.vault;
  const record: CustomerRecord = {
    customerId,
    externalId: input.externalId,
    name: sealer.encrypt('name', checked.name, customerId),
    idNumber: sealer.encrypt('id_number', checked.idNumber, customerId),
    idNumberIndex: vault.blindIndex('id_number', checked.idNumber),
    phone: sealer.encrypt('phone', checked.phone, customerId),
    phoneIndex: vault.blindIndex('phone', checked.phone),
    birthDate: checked.birthDate,
    sex: checked.sex,
    regionCode: checked.idNumber.slice(0, 6),
    createdAt: now,
  };
  const events = signUpEvents(deps, input, customerId, now);
  const existing = await db.transaction(async (tx) => {
    const found = await insertUnlessRegistered(tx, record, events, now);
    if (!found) await keyring.store(tx, customerId, dataKey, now);
    return found;
  });
  const id = existing?.customerId ?? customerId;
  const verification = await verifyCustomer(deps, id);
  const stored = await mustFindCustomer(db, id);
  return {
    customer: customerView(await keyring.open(db, id), stored, await listCards(db, id)),
    verification,
    created: existing === undefined,
  };
}

/** The request's identifiers validated and normalised (VALIDATION_FAILED naming the first bad field). */
function checkNewCustomer(input: NewCustomer, now: Date) {
  const name = checkName(input.name);
  if (!name.valid) throw AppError.invalid('name', name.reason, name.message);
  const idNumber = checkIdNumber(input.idNumber, businessDateOf(now));
  if (!idNumber.valid) throw AppError.invalid('idNumber', idNumber.reason, idNumber.message);
  const phone = checkPhone(input.phone);
  if (!phone.valid) throw AppError.invalid('phone', phone.reason, phone.message);
  if (typeof input.externalId !== 'string' || !/^[A-Za-z0-9_.:-]{1,128}$/.test(input.externalId)) {
    throw AppError.invalid('externalId', 'format', 'an external id has 1–128 letters, digits or _.:-');
  }
  for (const [index, source] of (input.consents ?? []).entries()) {
    if (!isDataSource(source))
      throw AppError.invalid(`consents[${index}]`, 'data-source', `"${String(source)}" is not a data source`);
  }
  return {
    name: name.normalized,
    idNumber: idNumber.normalized,
    phone: phone.normalized,
    birthDate: idNumber.birthDate,
    sex: idNumber.sex,
  };
}

/** The events a sign-up records besides the customer: the profile given, and each consent granted. */
function signUpEvents(
  deps: Pick<CustomersDeps, 'ids'>,
  input: NewCustomer,
  customerId: string,
  now: Date,
): CustomerEvent[] {
  const events: CustomerEvent[] = [];
  if (input.profile && Object.keys(input.profile).length > 0) {
    const parsed = parseEvent(
      {
        ...input.profile,
        eventId: deps.ids.next('event'),
        customerId,
        source: INTERNAL_SOURCE,
        type: 'profile',
        occurredAt: now,
      },
      { now, trusted: true },
    );
    if (!parsed.ok)
      throw AppError.invalid(`profile.${parsed.rejection.field}`, 'profile', parsed.rejection.reason);
    events.push(parsed.event);
  }
  for (const source of input.consents ?? []) {
    events.push(
      internalEvent(deps.ids, customerId, now, { type: 'consent', dataSource: source, granted: true }),
    );
  }
  return events;
}

/**
 * Inserts the customer and their sign-up events, serialised on the external id and the ID number's blind
 * index; returns the customer already stored under the same external id and ID number (a replay), if any.
 */
async function insertUnlessRegistered(
  tx: Queryable,
  record: CustomerRecord,
  events: readonly CustomerEvent[],
  now: Date,
): Promise<CustomerRecord | undefined> {
  await lockKey(tx, `customers:external:${record.externalId}`);
  await lockKey(tx, `customers:id:${record.idNumberIndex}`);
  const [sameExternal] = await findCustomersByExternalId(tx, record.externalId);
  if (sameExternal) {
    if (sameExternal.idNumberIndex !== record.idNumberIndex) {
      throw new AppError(
        'CONFLICT',
        `externalId ${record.externalId} already belongs to a customer with another ID number`,
        {
          details: { customerId: sameExternal.customerId },
        },
      );
    }
    return sameExternal;
  }
  const [sameId] = await findCustomersByIdNumberIndex(tx, record.idNumberIndex);
  if (sameId) {
    // Which customer holds it is not said: an API key could otherwise map ID numbers to customers.
    throw new AppError('CONFLICT', 'this ID number is already registered to another customer', {
      issues: [{ field: 'idNumber', rule: 'unique', message: 'already registered to another customer' }],
    });
  }
  await insertCustomers(tx, [record]);
  await appendEvents(tx, events, now);
  return undefined;
}
