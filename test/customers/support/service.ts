import { testKeyring } from '../../../src/privacy/data-keyring.test-support.ts';
import { createPiiVault } from '../../../src/identity/pii-vault.ts';
import { createSandboxVerificationProvider } from '../../../src/identity/sandbox-verification-provider.ts';
import { createCustomerService, type CustomerService } from '../../../src/customers/customer-service.ts';
import { testPiiConfig } from '../../../src/platform/config/config.ts';
import type { Database } from '../../../src/platform/database/database.ts';
import { createIdGenerator, seededRandomBytes } from '../../../src/platform/ids/ids.ts';
import { ManualClock } from '../../../src/platform/time/clock.ts';
import type { StoreUnderTest } from '../../support/stores.ts';

/** A customer service on a fresh schema, with a pinned clock (2026-11-22 10:00 Shanghai) and seeded ids. */
export async function customerServiceOn(
  store: StoreUnderTest,
  now = new Date('2026-11-22T02:00:00Z'),
): Promise<{
  service: CustomerService;
  db: Database;
  clock: ManualClock;
}> {
  const db = await store.fresh();
  const clock = new ManualClock(now);
  const ids = createIdGenerator(clock, seededRandomBytes(42));
  const service = createCustomerService({
    db,
    clock,
    ids,
    vault: createPiiVault(testPiiConfig()),
    keyring: testKeyring(),
    verifier: createSandboxVerificationProvider(),
  });
  return { service, db, clock };
}

export const ZHANG_SAN = {
  externalId: 'ext-zhang-san',
  name: '张三',
  idNumber: '11010519491231002X',
  phone: '+86 138-1234-5678',
};
