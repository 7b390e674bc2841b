/**
 * Mainland China mobile numbers: 11 digits starting `1` and a second digit 3–9. Typed forms with a country
 * code (`+86`, `0086`, `86`), spaces, dashes or parentheses are normalised to the bare 11 digits.
 */

export type PhoneFailure = 'PHONE_FORMAT_INVALID';

export type PhoneCheck =
  | { readonly valid: true; readonly normalized: string }
  | { readonly valid: false; readonly reason: PhoneFailure; readonly message: string };

export function checkPhone(input: string): PhoneCheck {
  const text = String(input).trim();
  if (!/^[+\d\s()-]+$/.test(text)) {
    return { valid: false, reason: 'PHONE_FORMAT_INVALID', message: 'a mobile number has only digits' };
  }
  let digits = text.replace(/[\s()-]/g, '');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  if (!/^1[3-9]\d{9}$/.test(digits)) {
    return {
      valid: false,
      reason: 'PHONE_FORMAT_INVALID',
      message: 'a mainland mobile number has 11 digits and starts with 13–19',
    };
  }
  return { valid: true, normalized: digits };
}
