import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCardNumber, issuerOf, luhnCheckDigit, luhnValid } from './bank-card.ts';

describe('bank card numbers', () => {
  it('accepts a Luhn-valid 19-digit UnionPay card, names the issuer and keeps the last four', () => {
    const payload = '622202020000123456';
    const card = `${payload}${luhnCheckDigit(payload)}`;
    const result = checkCardNumber(card.replace(/(\d{4})/g, '$1 ').trim());
    expect(result).toMatchObject({ valid: true, normalized: card, last4: card.slice(-4), bin: '622202' });
    if (result.valid) expect(result.issuer?.code).toBe('ICBC');
  });

  it('knows the Luhn test number 4111 1111 1111 1111 and has no issuer for an unknown BIN', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(checkCardNumber('4111-1111-1111-1111')).toMatchObject({ valid: true, issuer: null });
  });

  it.each([
    ['4111111111111112', 'CARD_CHECKSUM_INVALID'],
    ['411111111111111', 'CARD_FORMAT_INVALID'],
    ['41111111111111111111', 'CARD_FORMAT_INVALID'],
    ['4111a11111111111', 'CARD_FORMAT_INVALID'],
  ])('refuses %s with %s', (input, reason) => {
    expect(checkCardNumber(input)).toMatchObject({ valid: false, reason });
  });

  it('finds issuers by the longest BIN prefix', () => {
    expect(issuerOf('6228480000000000000')?.code).toBe('ABC');
    expect(issuerOf('6217990000000000000')?.code).toBe('PSBC');
    expect(issuerOf('9999990000000000000')).toBeNull();
  });

  it('property: the check digit makes any payload valid, and any single-digit change invalid', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 15, maxLength: 18 }),
        fc.nat(),
        fc.integer({ min: 1, max: 9 }),
        (payload, at, delta) => {
          const card = `${payload}${luhnCheckDigit(payload)}`;
          expect(luhnValid(card)).toBe(true);
          const position = at % card.length;
          const changed = `${card.slice(0, position)}${(Number(card[position]) + delta) % 10}${card.slice(position + 1)}`;
          expect(luhnValid(changed)).toBe(false);
        },
      ),
    );
  });
});
