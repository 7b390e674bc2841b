import { createPiiVault, type PiiVault } from '../identity/index.ts';
import type { PiiConfig } from '../platform/config/config.ts';
import type { Clock } from '../platform/time/clock.ts';
import type { RandomBytes } from '../platform/ids/ids.ts';
import { AppError } from '../platform/errors/app-error.ts';
import {
  assertNoLenderKeyNamedDek,
  DATA_KEY_BYTES,
  dataKeyVault,
  erasedVault,
  unwrapDataKey,
  wrapDataKey,
  type CustomerKeyring,
} from './data-key.ts';
import { findDataKey, insertDataKey } from './data-keys.pg.ts';

/**
 * The keyring over `customer_data_keys`: DEKs drawn from `random` (the composition root passes
 * `node:crypto` randomness; tests pin it), wrapped by the lender's active PII key.
 */
export function createDataKeyring(deps: {
  readonly config: PiiConfig;
  readonly random: RandomBytes;
  readonly clock: Clock;
  /** IVs of values sealed under a DEK (default `node:crypto`; tests may pin them). */
  readonly ivSource?: RandomBytes;
}): CustomerKeyring {
  assertNoLenderKeyNamedDek(deps.config);
  const lender: PiiVault = createPiiVault(deps.config, deps.ivSource);
  const vaultOf = (dek: Uint8Array): PiiVault => dataKeyVault(deps.config, dek, deps.ivSource);

  const keyring: CustomerKeyring = {
    lender,
    issue(customerId) {
      const dek = deps.random(DATA_KEY_BYTES);
      if (dek.length !== DATA_KEY_BYTES)
        throw new AppError('INTERNAL', 'the data-key source gave a short key');
      return { vault: vaultOf(dek), wrapped: wrapDataKey(lender, customerId, dek) };
    },
    async store(q, customerId, issued, at) {
      const stored = await insertDataKey(q, { customerId, wrapped: issued.wrapped, createdAt: at });
      return vaultOf(unwrapDataKey(lender, stored));
    },
    async open(q, customerId, options = {}) {
      const found = await findDataKey(q, customerId);
      if (!found.exists) throw AppError.notFound('customer', customerId);
      if (found.erasedAt) return erasedVault(lender, customerId, found.erasedAt);
      if (found.key) return vaultOf(unwrapDataKey(lender, found.key));
      if (!options.create) return lender; // data from before 0802: opens with the lender's keys
      return keyring.store(q, customerId, keyring.issue(customerId), deps.clock.now());
    },
  };
  return keyring;
}
