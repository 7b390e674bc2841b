import { addCard } from './add-card.ts';
import { addToBlocklist } from './add-to-blocklist.ts';
import { createCustomer } from './create-customer.ts';
import type { CustomerService, CustomerServiceDeps, CustomersDeps } from './customers-ports.ts';
import { getCustomer } from './get-customer.ts';
import { getSnapshot, getSnapshotWith } from './get-snapshot.ts';
import { ingestEvents } from './ingest-events.ts';
import { listBlocklist } from './list-blocklist.ts';
import { listConsents, recordConsent } from './record-consent.ts';
import { reencryptPii } from './reencrypt-pii.ts';
import { removeFromBlocklist } from './remove-from-blocklist.ts';
import { revealIdentity } from './reveal-identity.ts';
import { createSnapshotCache } from './snapshot-history.ts';
import { trainingRows } from './training-rows.ts';
import { verifyCustomer } from './verify-customer.ts';

export type { CustomerService, CustomerServiceDeps } from './customers-ports.ts';

/** Binds the customers use cases to their dependencies; the snapshot cache lives as long as the service. */
export function createCustomerService(serviceDeps: CustomerServiceDeps): CustomerService {
  const { snapshotCacheSize, notices, ...ports } = serviceDeps;
  const deps: CustomersDeps = {
    ...ports,
    snapshotCache: createSnapshotCache(snapshotCacheSize ?? 10_000),
    notices: notices ?? { versionsOf: () => Promise.resolve([]) },
  };
  return {
    createCustomer: (input) => createCustomer(deps, input),
    getCustomer: (customerId) => getCustomer(deps, customerId),
    revealIdentity: (customerId, mode) => revealIdentity(deps, customerId, mode),
    addCard: (customerId, cardNumber) => addCard(deps, customerId, cardNumber),
    verify: (customerId) => verifyCustomer(deps, customerId),
    recordConsent: (input) => recordConsent(deps, input),
    listConsents: (customerId) => listConsents(deps, customerId),
    ingestEvents: (rows, options) => ingestEvents(deps, rows, options),
    getSnapshot: (customerId, asOf) => getSnapshot(deps, customerId, asOf),
    getSnapshotWith: (customerId, asOf, alongside) => getSnapshotWith(deps, customerId, asOf, alongside),
    trainingRows: (asOf, window, sink, options) => trainingRows(deps, { asOf, window, sink }, options),
    reencryptPii: (options) => reencryptPii(deps, options),
    addToBlocklist: (input) => addToBlocklist(deps, input),
    removeFromBlocklist: (id, removal) => removeFromBlocklist(deps, { id, ...removal }),
    listBlocklist: (options) => listBlocklist(deps, options),
  };
}
