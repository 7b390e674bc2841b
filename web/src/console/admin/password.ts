/**
 * A password for a new staff user or a reset, made in the admin's browser from the Web Crypto source
 * (`crypto.getRandomValues`), never `Math.random`. Letters and digits without the look-alikes (0/O, 1/l/I), so
 * it can be read out or typed from a note; 20 of its 57 symbols carry about 116 bits. Each symbol is drawn
 * without modulo bias (bytes ≥ the largest multiple of the alphabet's size are drawn again).
 */
export const GENERATED_PASSWORD_LENGTH = 20;

const ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function generatePassword(
  length = GENERATED_PASSWORD_LENGTH,
  fill: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (bytes) => crypto.getRandomValues(bytes),
): string {
  const limit = 256 - (256 % ALPHABET.length);
  let password = '';
  while (password.length < length) {
    for (const byte of fill(new Uint8Array(length * 2))) {
      if (byte >= limit) continue;
      password += ALPHABET[byte % ALPHABET.length];
      if (password.length === length) break;
    }
  }
  return password;
}
