import { AppError } from '../errors/app-error.ts';
import { divRound, type Rounding } from './rounding.ts';

declare const fenBrand: unique symbol;

/**
 * An amount of renminbi in integer fen (1 yuan = 100 fen). Branded so that a bare bigint (a count, an id)
 * cannot be passed where money is expected. Stored as Postgres `bigint`, so the range is that of int8.
 */
export type Money = bigint & { readonly [fenBrand]: 'fen' };

export const MONEY_MAX = 9_223_372_036_854_775_807n;
export const MONEY_MIN = -9_223_372_036_854_775_808n;
export const ZERO = 0n as Money;

export type MoneyLocale = 'zh-CN' | 'en';

function checkRange(value: bigint, field: string): Money {
  if (value > MONEY_MAX || value < MONEY_MIN) {
    throw AppError.invalid(field, 'int8-range', `amount is outside the storable range of a bigint column`);
  }
  return value as Money;
}

/** Brands an integer number of fen, checking that it fits a `bigint` column. */
export function fen(value: bigint, field = 'amount'): Money {
  if (typeof value !== 'bigint') {
    throw AppError.invalid(
      field,
      'type',
      `amount must be an integer number of fen (bigint), got ${typeof value}`,
    );
  }
  return checkRange(value, field);
}

const DECIMAL = /^([+-])?(\d+)(?:\.(\d*))?$/;

/**
 * Parses a decimal string in yuan — `"12.34"`, `"-0.5"`, `"1000"` — into exact fen. Refuses more than two
 * decimals, exponents, thousands separators, blanks and anything out of int8 range; it never goes through
 * a float.
 */
export function parseMoney(text: string, field = 'amount'): Money {
  if (typeof text !== 'string') {
    throw AppError.invalid(
      field,
      'decimal-string',
      'amount must be a decimal string such as "12.34", not a number',
    );
  }
  const match = DECIMAL.exec(text.trim());
  if (text.trim() !== text || !match) {
    throw AppError.invalid(field, 'decimal-string', `"${text}" is not a decimal amount such as "12.34"`);
  }
  const [, sign, whole = '', fraction = ''] = match;
  if (fraction.length > 2) {
    throw AppError.invalid(
      field,
      'max-2-decimals',
      `"${text}" has more than 2 decimal places; amounts are in fen`,
    );
  }
  if (whole.length > 20) {
    throw AppError.invalid(field, 'int8-range', 'amount is outside the storable range of a bigint column');
  }
  const magnitude = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  return checkRange(sign === '-' ? -magnitude : magnitude, field);
}

/**
 * Accepts what an edge (JSON body, CSV cell, CLI flag) may carry for an amount in yuan: a decimal string,
 * or a bigint of fen. A JavaScript number is refused outright — `0.1 + 0.2` is how fen go missing.
 */
export function moneyFromInput(value: unknown, field = 'amount'): Money {
  if (typeof value === 'bigint') return fen(value, field);
  if (typeof value === 'string') return parseMoney(value, field);
  if (typeof value === 'number') {
    const rule = Number.isNaN(value) ? 'not-a-number' : 'no-floats';
    throw AppError.invalid(
      field,
      rule,
      'amounts must be decimal strings such as "12.34", never JSON numbers',
    );
  }
  throw AppError.invalid(field, 'decimal-string', `amount must be a decimal string, got ${typeof value}`);
}

/** Parses a string of integer fen, e.g. `"800000"` (the API's form for limits). */
export function parseFen(text: string, field = 'amount'): Money {
  if (typeof text !== 'string' || !/^-?\d{1,19}$/.test(text)) {
    throw AppError.invalid(field, 'integer-fen', `"${String(text)}" is not an integer number of fen`);
  }
  return checkRange(BigInt(text), field);
}

/** `"1234.56"`: plain decimal yuan, no grouping — the form of amounts in JSON and CSV. */
export function toDecimalString(amount: Money): string {
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  const whole = abs / 100n;
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${cents}`;
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * For people: zh-CN `¥1,234.56`, en `CNY 1,234.56`; negatives carry a leading minus (`-¥12.00`).
 * Always two decimals, grouping by thousands, exact for every int8 amount.
 */
export function formatMoney(amount: Money, locale: MoneyLocale): string {
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  const body = `${group((abs / 100n).toString())}.${(abs % 100n).toString().padStart(2, '0')}`;
  const sign = negative ? '-' : '';
  return locale === 'zh-CN' ? `${sign}¥${body}` : `${sign}CNY ${body}`;
}

/**
 * Parses what `formatMoney` prints (either locale) back into fen — used to check round trips and to read
 * amounts typed by people with grouping separators.
 */
export function parseFormattedMoney(text: string, field = 'amount'): Money {
  const match = /^(-)?(?:¥|CNY )([\d,]+\.\d{2})$/.exec(text);
  if (!match || !/^\d{1,3}(,\d{3})*\.\d{2}$/.test(match[2] ?? '')) {
    throw AppError.invalid(field, 'formatted-amount', `"${text}" is not a formatted amount like ¥1,234.56`);
  }
  return parseMoney(`${match[1] ?? ''}${(match[2] ?? '').replaceAll(',', '')}`, field);
}

/*
 * Sums and differences are not range-checked: the servicing cores run them millions of times a day-end (a
 * check there costs more than the addition), amounts are checked where they enter (`fen`, the parsers,
 * `moneyFromDb`, `moneyFromJson`) and the bigint columns refuse what leaves out of range. Products, which can
 * leave the range from in-range inputs, are checked (`timesMoney`, `scaleMoney`, `roundToFen`).
 */

/** a + b. */
export function addMoney(a: Money, b: Money): Money {
  return (a + b) as Money;
}

/** a − b (the result may be negative: a balance, a difference). */
export function subMoney(a: Money, b: Money): Money {
  return (a - b) as Money;
}

/** The sum of the amounts (zero for none). */
export function sumMoney(amounts: readonly Money[]): Money {
  let total = 0n;
  for (let index = 0; index < amounts.length; index += 1) total += amounts[index] as Money;
  return total as Money;
}

export function minMoney(a: Money, b: Money): Money {
  return a < b ? a : b;
}

export function maxMoney(a: Money, b: Money): Money {
  return a > b ? a : b;
}

/** The amount when it is positive, else zero: what is owed or held, never a negative figure. */
export function positivePart(a: Money): Money {
  return a > 0n ? a : ZERO;
}

export function negateMoney(a: Money): Money {
  return -a as Money;
}

/** amount × an integer count (a fee per period × the periods); exact, so no rounding to name. */
export function timesMoney(amount: Money, count: bigint | number): Money {
  return checkRange(amount * BigInt(count), 'amount');
}

/** Multiplies an amount by an exact fraction num/den and rounds to fen by the named rule. */
export function scaleMoney(amount: Money, num: bigint, den: bigint, rounding: Rounding): Money {
  return checkRange(divRound(amount * num, den, rounding), 'amount');
}

/**
 * Rounds an exact quotient, kept in fen × `denominator` by an accumulator (a period's interest, an
 * instalment's penalty), to fen by the named rule. The accumulator is a plain bigint on purpose: it is
 * not money until it is divided and rounded here.
 */
export function roundToFen(numerator: bigint, denominator: bigint, rounding: Rounding): Money {
  return checkRange(divRound(numerator, denominator, rounding), 'amount');
}

function storedFault(field: string, what: string): AppError {
  return new AppError('INTERNAL', `stored amount ${field} ${what}`);
}

/**
 * Decodes an amount read from a `bigint` column. Both database adapters parse int8 to bigint, so anything
 * else is a fault of the adapter or the schema, not of the caller (INTERNAL, not a 422).
 */
export function moneyFromDb(value: bigint, column: string): Money {
  if (typeof value !== 'bigint') throw storedFault(column, `is a ${typeof value}, not an int8 bigint`);
  return value as Money;
}

/** `moneyFromDb` for a nullable column: `null` stays `null`. */
export function moneyFromDbOrNull(value: bigint | null, column: string): Money | null {
  return value === null ? null : moneyFromDb(value, column);
}

/** Encodes an amount for stored JSON (jsonb, receipts): integer fen as a decimal string, `"-1250"`. */
export function moneyToJson(amount: Money): string {
  return amount.toString();
}

/**
 * Decodes what `moneyToJson` stored. A value that is not an integer string was not written by us: a fault
 * (INTERNAL), unlike `parseFen`, which judges a caller's input.
 */
export function moneyFromJson(value: unknown, field: string): Money {
  if (typeof value !== 'string' || !/^-?\d{1,19}$/.test(value)) {
    throw storedFault(field, 'is not an integer string of fen');
  }
  const amount = BigInt(value);
  if (amount > MONEY_MAX || amount < MONEY_MIN) throw storedFault(field, 'is outside the int8 range');
  return amount as Money;
}
