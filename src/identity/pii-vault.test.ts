import { describe, expect, it } from 'vitest';
import type { PiiConfig } from '../platform/config/config.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { createPiiVault } from './pii-vault.ts';

const oldKey = { id: 'k1', key: Buffer.alloc(32, 1) };
const newKey = { id: 'k2', key: Buffer.alloc(32, 2) };
const blindIndexKey = Buffer.alloc(32, 3);
const before: PiiConfig = { activeKey: oldKey, keys: [oldKey], blindIndexKey };
const after: PiiConfig = { activeKey: newKey, keys: [newKey, oldKey], blindIndexKey };

describe('PII vault (AES-256-GCM, blind index)', () => {
  it('round-trips a value and stores the key id beside it; the ciphertext does not contain the value', () => {
    const vault = createPiiVault(before);
    const sealed = vault.encrypt('id_number', '11010519491231002X', 'cus_A');
    expect(sealed.keyId).toBe('k1');
    expect(Buffer.from(sealed.ciphertext).toString('latin1')).not.toContain('11010519491231002X');
    expect(vault.decrypt('id_number', sealed, 'cus_A')).toBe('11010519491231002X');
  });

  it('uses a fresh IV each time: the same value encrypts differently', () => {
    const vault = createPiiVault(before);
    const a = vault.encrypt('phone', '13812345678', 'cus_A');
    const b = vault.encrypt('phone', '13812345678', 'cus_A');
    expect(Buffer.from(a.ciphertext).equals(Buffer.from(b.ciphertext))).toBe(false);
  });

  it('refuses a ciphertext moved to another customer or another kind, or altered', () => {
    const vault = createPiiVault(before);
    const sealed = vault.encrypt('phone', '13812345678', 'cus_A');
    expect(() => vault.decrypt('phone', sealed, 'cus_B')).toThrow(AppError);
    expect(() => vault.decrypt('id_number', sealed, 'cus_A')).toThrow(/failed authentication/);
    const altered = Buffer.from(sealed.ciphertext);
    altered[altered.length - 1] = (altered[altered.length - 1] ?? 0) ^ 1;
    expect(() => vault.decrypt('phone', { keyId: 'k1', ciphertext: altered }, 'cus_A')).toThrow(
      /failed authentication/,
    );
  });

  it('rotates: old values still decrypt after a new key becomes active, and re-encryption moves them over', () => {
    const sealedOld = createPiiVault(before).encrypt('card_number', '6222020200001234567', 'cus_A');
    const rotated = createPiiVault(after);
    expect(rotated.decrypt('card_number', sealedOld, 'cus_A')).toBe('6222020200001234567');
    const moved = rotated.reencrypt('card_number', sealedOld, 'cus_A');
    expect(moved.keyId).toBe('k2');
    expect(rotated.decrypt('card_number', moved, 'cus_A')).toBe('6222020200001234567');
    expect(rotated.reencrypt('card_number', moved, 'cus_A')).toBe(moved);
    const newOnly = createPiiVault({ activeKey: newKey, keys: [newKey], blindIndexKey });
    expect(() => newOnly.decrypt('card_number', sealedOld, 'cus_A')).toThrow(/"k1" is not configured/);
  });

  it('blind indexes are stable across key rotation, and differ by kind', () => {
    const a = createPiiVault(before).blindIndex('phone', '13812345678');
    expect(createPiiVault(after).blindIndex('phone', '13812345678')).toBe(a);
    expect(createPiiVault(before).blindIndex('id_number', '13812345678')).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });
});
