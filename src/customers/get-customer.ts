import type { Queryable } from '../platform/database/database.ts';
import { AppError } from '../platform/errors/app-error.ts';
import type { CustomerRecord, CustomerView } from './customer.ts';
import type { CustomersDeps } from './customers-ports.ts';
import { findCustomer, listCards } from './customers.pg.ts';
import { customerView } from './customers-rules.ts';

/** The stored customer, or NOT_FOUND. */
export async function mustFindCustomer(q: Queryable, customerId: string): Promise<CustomerRecord> {
  const record = await findCustomer(q, customerId);
  if (!record) throw AppError.notFound('customer', customerId);
  return record;
}

/** A customer with their cards, identifiers masked; NOT_FOUND for an unknown id, GONE for an erased one. */
export async function getCustomer(
  deps: Pick<CustomersDeps, 'db' | 'keyring'>,
  customerId: string,
): Promise<CustomerView> {
  const record = await mustFindCustomer(deps.db, customerId);
  return customerView(
    await deps.keyring.open(deps.db, customerId),
    record,
    await listCards(deps.db, customerId),
  );
}
