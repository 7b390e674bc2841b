/**
 * Bank card numbers: 16 to 19 digits (UnionPay debit cards are often 19), a Luhn check digit, and the
 * issuing bank from the leading digits (the BIN).
 *
 * The issuer table is small and illustrative: widely published BINs of the large banks. A production
 * deployment would load UnionPay's BIN file instead; an unknown BIN is not an error (issuer `null`).
 */

export type CardFailure = 'CARD_FORMAT_INVALID' | 'CARD_CHECKSUM_INVALID';

export interface Issuer {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

const ISSUERS: Readonly<Record<string, Issuer>> = {
  ICBC: { code: 'ICBC', zh: '中国工商银行', en: 'Industrial and Commercial Bank of China' },
  CCB: { code: 'CCB', zh: '中国建设银行', en: 'China Construction Bank' },
  ABC: { code: 'ABC', zh: '中国农业银行', en: 'Agricultural Bank of China' },
  BOC: { code: 'BOC', zh: '中国银行', en: 'Bank of China' },
  BOCOM: { code: 'BOCOM', zh: '交通银行', en: 'Bank of Communications' },
  CMB: { code: 'CMB', zh: '招商银行', en: 'China Merchants Bank' },
  PSBC: { code: 'PSBC', zh: '中国邮政储蓄银行', en: 'Postal Savings Bank of China' },
  CIB: { code: 'CIB', zh: '兴业银行', en: 'Industrial Bank' },
};

/** BIN prefix → issuer code; the longest matching prefix wins. */
export const ISSUER_BY_BIN: Readonly<Record<string, keyof typeof ISSUERS>> = {
  '622202': 'ICBC',
  '622208': 'ICBC',
  '621226': 'ICBC',
  '621558': 'ICBC',
  '436742': 'CCB',
  '622700': 'CCB',
  '621700': 'CCB',
  '622848': 'ABC',
  '622845': 'ABC',
  '621661': 'BOC',
  '621660': 'BOC',
  '621785': 'BOC',
  '622260': 'BOCOM',
  '622262': 'BOCOM',
  '622588': 'CMB',
  '621483': 'CMB',
  '621485': 'CMB',
  '621486': 'CMB',
  '621799': 'PSBC',
  '622150': 'PSBC',
  '622151': 'PSBC',
  '622908': 'CIB',
  '622909': 'CIB',
};

const BIN_LENGTHS = [...new Set(Object.keys(ISSUER_BY_BIN).map((bin) => bin.length))].sort((a, b) => b - a);

/** The issuer of a card number by its BIN, or null when the BIN is not in the table. */
export function issuerOf(digits: string): Issuer | null {
  for (const length of BIN_LENGTHS) {
    const code = ISSUER_BY_BIN[digits.slice(0, length)];
    if (code) return ISSUERS[code] ?? null;
  }
  return null;
}

/** True when the digit string passes the Luhn (mod 10) check. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i -= 1) {
    let digit = digits.charCodeAt(i) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

/** The Luhn check digit to append to `payload` (used to build test cards and synthetic data). */
export function luhnCheckDigit(payload: string): string {
  for (let digit = 0; digit <= 9; digit += 1) if (luhnValid(`${payload}${digit}`)) return String(digit);
  return '0'; // unreachable: exactly one digit satisfies the check
}

export type CardCheck =
  | {
      readonly valid: true;
      readonly normalized: string;
      readonly last4: string;
      readonly bin: string;
      readonly issuer: Issuer | null;
    }
  | { readonly valid: false; readonly reason: CardFailure; readonly message: string };

/** Validates a card number as typed (spaces and dashes allowed between digits). */
export function checkCardNumber(input: string): CardCheck {
  const text = String(input).trim();
  if (!/^[\d -]+$/.test(text)) {
    return { valid: false, reason: 'CARD_FORMAT_INVALID', message: 'a card number has only digits' };
  }
  const digits = text.replace(/[ -]/g, '');
  if (digits.length < 16 || digits.length > 19) {
    return { valid: false, reason: 'CARD_FORMAT_INVALID', message: 'a card number has 16 to 19 digits' };
  }
  if (!luhnValid(digits)) {
    return { valid: false, reason: 'CARD_CHECKSUM_INVALID', message: 'the card number fails the Luhn check' };
  }
  return {
    valid: true,
    normalized: digits,
    last4: digits.slice(-4),
    bin: digits.slice(0, 6),
    issuer: issuerOf(digits),
  };
}
