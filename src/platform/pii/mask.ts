/**
 * Masking of personal identifiers for display and logs. These exact shapes appear in every API response,
 * log line and console page:
 *
 * - resident ID number: first 6 and last 4 kept — `110105********002X` (15-digit legacy: `110105*****0021`)
 * - mobile number: first 3 and last 4 kept — `138****5678`
 * - bank card: last 4 kept — `**** 1234`
 */
export function maskIdNumber(idNumber: string): string {
  const value = idNumber.trim().toUpperCase();
  if (value.length < 10) return '*'.repeat(value.length);
  return `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}

export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  const national = digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
  if (national.length < 7) return '*'.repeat(national.length);
  return `${national.slice(0, 3)}****${national.slice(-4)}`;
}

export function maskCard(cardNumber: string): string {
  const digits = cardNumber.replace(/\D/g, '');
  return `**** ${digits.slice(-4)}`;
}

// Patterns for free text. Order matters: an 18-digit ID would also look like a card number. Digits that are
// part of a decimal number (`0.4444444444444444`) are not identifiers, hence the `\d\.` / `\.\d` guards.
const ID_18 =
  /(?<![\dA-Za-z]|\d\.)(\d{6})(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\dA-Za-z]|\.\d)/g;
const ID_15 =
  /(?<![\dA-Za-z]|\d\.)(\d{6})\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?![\dA-Za-z]|\.\d)/g;
const CARD = /(?<![\dA-Za-z]|\d\.)(?:\d[ -]?){15,18}\d(?![\dA-Za-z]|\.\d)/g;
const PHONE = /(?<![\dA-Za-z]|\d\.)(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?![\dA-Za-z]|\.\d)/g;

/**
 * Replaces anything in free text that looks like an ID number, bank card or mobile number by its masked
 * form. The last line of defence for logs: structured fields are masked where they are produced.
 */
export function scrubPii(text: string): string {
  if (!/\d{11}|\d[ -]\d/.test(text)) return text; // fast path: no long digit runs at all
  return text
    .replace(ID_18, (match) => maskIdNumber(match))
    .replace(ID_15, (match) => maskIdNumber(match))
    .replace(CARD, (match) => maskCard(match))
    .replace(PHONE, (match) => maskPhone(match));
}

/** True when the text still contains something that looks like raw PII (used by tests that scan output). */
export function containsRawPii(text: string): boolean {
  return scrubPii(text) !== text;
}
