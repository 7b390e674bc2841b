import type { PiiConfig } from '../platform/config/config.ts';
import { testPiiConfig } from '../platform/config/config.ts';
import { seededRandomBytes } from '../platform/ids/ids.ts';
import { ManualClock } from '../platform/time/clock.ts';
import type { Queryable } from '../platform/database/database.ts';
import { DATA_KEY_ID, type CustomerKeyring } from './data-key.ts';
import { createDataKeyring } from './data-keyring.ts';

/** A keyring for tests and benchmarks: the test PII keys, data keys from a seeded source. */
export function testKeyring(config: PiiConfig = testPiiConfig(), seed = 17): CustomerKeyring {
  return createDataKeyring({
    config,
    random: seededRandomBytes(seed),
    clock: new ManualClock(new Date('2026-11-22T02:00:00Z')),
  });
}

/** The appeals' evidence cipher over a keyring (as the composition root wires it). */
export function evidenceCipherOf(keyring: CustomerKeyring) {
  return {
    customerKeyId: DATA_KEY_ID,
    open: (q: Queryable, customerId: string, options?: { readonly create?: boolean }) =>
      keyring.open(q, customerId, options),
  };
}
