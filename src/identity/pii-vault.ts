import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { PiiConfig, PiiKey } from '../platform/config/config.ts';
import { AppError } from '../platform/errors/app-error.ts';

/**
 * Encryption of personal identifiers at rest and blind indexes to find them without decrypting.
 *
 * - AES-256-GCM with a fresh 96-bit IV per value. The stored bytes are `version(1) | iv(12) | tag(16) |
 *   ciphertext`, and the key id is stored beside them (its own column), so keys can rotate: new values use
 *   the active key, old values still decrypt with the key they name, and `reencrypt` moves them over.
 * - The additional authenticated data binds a ciphertext to its kind and owner (`name`, `id_number`, …
 *   of customer X): a value copied into another column or another customer's row fails to decrypt.
 * - Blind index: HMAC-SHA-256 over `kind:normalised value` with a separate key, hex. Equal values give equal
 *   indexes (that is the point: lookups and duplicate checks), so the input is always the normalised form.
 */
export type PiiKind =
  'name' | 'id_number' | 'phone' | 'card_number' | 'appeal_evidence' | 'data_export' | 'data_key';

export interface EncryptedPii {
  readonly keyId: string;
  readonly ciphertext: Uint8Array;
}

export interface PiiVault {
  readonly activeKeyId: string;
  /** Encrypts `plaintext` for `owner` (the customer id) under the active key. */
  encrypt(kind: PiiKind, plaintext: string, owner: string): EncryptedPii;
  /** Decrypts with the key the value names; faults if that key is not configured or the bytes were altered. */
  decrypt(kind: PiiKind, value: EncryptedPii, owner: string): string;
  /** The blind index of a normalised value. */
  blindIndex(kind: PiiKind, normalized: string): string;
  /** Decrypts with the old key and encrypts with the active one; returns the value unchanged if already current. */
  reencrypt(kind: PiiKind, value: EncryptedPii, owner: string): EncryptedPii;
  /** `encrypt` for bytes (a file such as appeal evidence): the same format, keys and binding. */
  encryptBytes(kind: PiiKind, plaintext: Uint8Array, owner: string): EncryptedPii;
  /** `decrypt` for bytes. */
  decryptBytes(kind: PiiKind, value: EncryptedPii, owner: string): Uint8Array;
}

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

function aad(kind: PiiKind, owner: string): Buffer {
  return Buffer.from(`credence-pii:v${VERSION}:${kind}:${owner}`, 'utf8');
}

/**
 * Builds the vault from configuration. `ivSource` is injectable so tests can pin IVs; it defaults to
 * `node:crypto` randomness, which production must use (an IV reused under one key breaks GCM).
 */
export function createPiiVault(
  config: PiiConfig,
  ivSource: (length: number) => Uint8Array = (length) => randomBytes(length),
): PiiVault {
  const keys = new Map<string, PiiKey>(config.keys.map((key) => [key.id, key]));
  keys.set(config.activeKey.id, config.activeKey);
  const active = config.activeKey;

  const keyFor = (keyId: string): PiiKey => {
    const key = keys.get(keyId);
    if (!key) {
      throw new AppError(
        'INTERNAL',
        `PII key "${keyId}" is not configured; add it to CREDENCE_PII_KEYS to decrypt`,
      );
    }
    return key;
  };

  const vault: PiiVault = {
    activeKeyId: active.id,
    encrypt(kind, plaintext, owner) {
      return vault.encryptBytes(kind, Buffer.from(plaintext, 'utf8'), owner);
    },
    encryptBytes(kind, plaintext, owner) {
      const iv = Buffer.from(ivSource(IV_BYTES));
      const cipher = createCipheriv('aes-256-gcm', active.key, iv);
      cipher.setAAD(aad(kind, owner));
      const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      const tag = cipher.getAuthTag();
      return { keyId: active.id, ciphertext: Buffer.concat([Buffer.from([VERSION]), iv, tag, body]) };
    },
    decrypt(kind, value, owner) {
      return Buffer.from(vault.decryptBytes(kind, value, owner)).toString('utf8');
    },
    decryptBytes(kind, value, owner) {
      const bytes = Buffer.from(value.ciphertext);
      if (bytes.length < 1 + IV_BYTES + TAG_BYTES || bytes[0] !== VERSION) {
        throw new AppError('INTERNAL', `stored ${kind} is not a version-${VERSION} ciphertext`);
      }
      const iv = bytes.subarray(1, 1 + IV_BYTES);
      const tag = bytes.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
      const body = bytes.subarray(1 + IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', keyFor(value.keyId).key, iv);
      decipher.setAAD(aad(kind, owner));
      decipher.setAuthTag(tag);
      try {
        return new Uint8Array(Buffer.concat([decipher.update(body), decipher.final()]));
      } catch (error) {
        throw new AppError('INTERNAL', `stored ${kind} failed authentication (altered or moved)`, {
          cause: error,
        });
      }
    },
    blindIndex(kind, normalized) {
      return createHmac('sha256', config.blindIndexKey).update(`${kind}:${normalized}`, 'utf8').digest('hex');
    },
    reencrypt(kind, value, owner) {
      if (value.keyId === active.id) return value;
      return vault.encrypt(kind, vault.decrypt(kind, value, owner), owner);
    },
  };
  return vault;
}
