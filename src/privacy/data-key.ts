import { createPiiVault, type EncryptedPii, type PiiVault } from '../identity/index.ts';
import type { PiiConfig } from '../platform/config/config.ts';
import type { Queryable } from '../platform/database/database.ts';
import { AppError } from '../platform/errors/app-error.ts';
import type { RandomBytes } from '../platform/ids/ids.ts';

/**
 * Per-customer data keys (crypto-shredding). A customer's personal data is sealed under their own 256-bit
 * data key (DEK); values sealed so carry the key id {@link DATA_KEY_ID} in their key-id column. The DEK is
 * stored only wrapped by the lender's PII key (AES-256-GCM, bound to the customer: kind `data_key`), with
 * the wrapping key's id, so a rotation of the lender's key re-wraps one row per customer. Erasure deletes the
 * wrapped DEK, after which nothing sealed under it can be opened.
 *
 * Values sealed directly under a lender key (before migration 0802) still open: a customer's vault opens
 * both forms, and `credence kyc reencrypt` moves them to the DEK.
 */
export const DATA_KEY_ID = 'dek';
export const DATA_KEY_BYTES = 32;

/** A DEK as stored: wrapped, with the id of the lender key that wrapped it. */
export interface WrappedDataKey {
  readonly customerId: string;
  readonly wrapped: EncryptedPii;
  readonly createdAt: Date;
}

/** A DEK made for a customer who has none yet: the key's vault, and its wrapped form to store. */
export interface IssuedDataKey {
  readonly vault: PiiVault;
  readonly wrapped: EncryptedPii;
}

/**
 * The port the contexts that hold personal data seal and open it through. `open` gives the customer's vault:
 * it seals under the customer's DEK (`activeKeyId` is {@link DATA_KEY_ID}) and opens both DEK-sealed values
 * and values still under a lender key; blind indexes are the lender's (unchanged). For an erased customer it
 * answers GONE (410) on every seal and open.
 */
export interface CustomerKeyring {
  /** The lender's own vault (blind indexes, values not tied to a customer). */
  readonly lender: PiiVault;
  /** A new DEK for `customerId` (nothing stored): store it with {@link CustomerKeyring.store} once the customer row exists. */
  issue(customerId: string): IssuedDataKey;
  /** Stores an issued DEK (in the caller's transaction); an existing DEK of the customer is kept and returned. */
  store(q: Queryable, customerId: string, issued: IssuedDataKey, at: Date): Promise<PiiVault>;
  /** The customer's vault; with `create`, a customer without a DEK yet (data from before 0802) gets one. */
  open(q: Queryable, customerId: string, options?: { readonly create?: boolean }): Promise<PiiVault>;
}

/** Checks that no lender key is called {@link DATA_KEY_ID} (a value's key id must say which kind of key sealed it). */
export function assertNoLenderKeyNamedDek(config: PiiConfig): void {
  for (const key of [config.activeKey, ...config.keys]) {
    if (key.id === DATA_KEY_ID)
      throw AppError.invalid(
        'CREDENCE_PII_KEYS',
        'reserved-key-id',
        `the key id "${DATA_KEY_ID}" is reserved for customers' data keys`,
      );
  }
}

/** A vault sealing under `dek` and opening both DEK-sealed values and values under the lender's keys. */
export function dataKeyVault(config: PiiConfig, dek: Uint8Array, ivSource?: RandomBytes): PiiVault {
  if (dek.length !== DATA_KEY_BYTES) throw new AppError('INTERNAL', `a data key has ${DATA_KEY_BYTES} bytes`);
  const activeKey = { id: DATA_KEY_ID, key: Buffer.from(dek) };
  return createPiiVault(
    { activeKey, keys: [config.activeKey, ...config.keys, activeKey], blindIndexKey: config.blindIndexKey },
    ivSource,
  );
}

/** Wraps a DEK under the lender's active key, bound to the customer. */
export function wrapDataKey(lender: PiiVault, customerId: string, dek: Uint8Array): EncryptedPii {
  return lender.encryptBytes('data_key', dek, customerId);
}

/** Unwraps a stored DEK (faults if the wrapping key is not configured or the bytes were altered or moved). */
export function unwrapDataKey(lender: PiiVault, key: WrappedDataKey): Uint8Array {
  return lender.decryptBytes('data_key', key.wrapped, key.customerId);
}

/** The answer for anything personal of an erased customer: 410, the same whatever was asked. */
export function erasedCustomer(customerId: string, erasedAt: Date | null): AppError {
  return new AppError(
    'GONE',
    `customer ${customerId} was erased at their request; their personal data no longer exists`,
    {
      details: { customerId, erased: true, ...(erasedAt ? { erasedAt: erasedAt.toISOString() } : {}) },
    },
  );
}

/** A vault for an erased customer: blind indexes still work (for lookups that then find nobody); every seal and open is GONE. */
export function erasedVault(lender: PiiVault, customerId: string, erasedAt: Date | null): PiiVault {
  const gone = (): never => {
    throw erasedCustomer(customerId, erasedAt);
  };
  return {
    activeKeyId: DATA_KEY_ID,
    encrypt: gone,
    decrypt: gone,
    encryptBytes: gone,
    decryptBytes: gone,
    reencrypt: gone,
    blindIndex: (kind, normalized) => lender.blindIndex(kind, normalized),
  };
}
