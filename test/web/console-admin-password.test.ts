import { describe, expect, it } from 'vitest';
import { GENERATED_PASSWORD_LENGTH, generatePassword } from '../../web/src/console/admin/password.ts';

const ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random source that answers the given bytes, in order, then repeats them. */
function bytesOf(values: readonly number[]) {
  let next = 0;
  return (bytes: Uint8Array<ArrayBuffer>) => {
    for (let index = 0; index < bytes.length; index += 1) bytes[index] = values[next++ % values.length] ?? 0;
    return bytes;
  };
}

describe('console admin: generated staff passwords', () => {
  it('are 20 symbols of the unambiguous alphabet (no 0/O, 1/l/I), from the Web Crypto source', () => {
    const password = generatePassword();
    expect(password).toHaveLength(GENERATED_PASSWORD_LENGTH);
    expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]+$/);
    expect(ALPHABET).toHaveLength(57);
    expect(generatePassword()).not.toBe(password);
  });

  it('maps bytes below 228 (4 × 57) to symbols and draws again above it, so no symbol is favoured', () => {
    // 0 → 'a', 56 → '9', 57 → 'a' again, 227 → '9'; 228..255 are skipped.
    expect(generatePassword(4, bytesOf([0, 228, 56, 255, 57, 240, 227]))).toBe('a9a9');
  });

  it('keeps drawing when a whole batch is refused', () => {
    let calls = 0;
    const password = generatePassword(3, (bytes) => {
      calls += 1;
      bytes.fill(calls === 1 ? 250 : 1);
      return bytes;
    });
    expect(password).toBe('bbb');
    expect(calls).toBe(2);
  });
});
