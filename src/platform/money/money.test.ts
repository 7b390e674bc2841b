import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import {
  fen,
  formatMoney,
  MONEY_MAX,
  MONEY_MIN,
  moneyFromInput,
  parseFen,
  parseFormattedMoney,
  parseMoney,
  toDecimalString,
  type Money,
} from './money.ts';

const anyMoney = fc.bigInt({ min: MONEY_MIN, max: MONEY_MAX }).map((value) => value as Money);

function ruleOf(work: () => unknown): string | undefined {
  try {
    work();
  } catch (error) {
    return error instanceof AppError ? error.issues[0]?.rule : 'not-an-app-error';
  }
  return undefined;
}

describe('parseMoney', () => {
  it('parses decimal yuan into exact fen', () => {
    expect(parseMoney('12.34')).toBe(1234n);
    expect(parseMoney('12.3')).toBe(1230n);
    expect(parseMoney('12')).toBe(1200n);
    expect(parseMoney('0.01')).toBe(1n);
    expect(parseMoney('-0.5')).toBe(-50n);
    expect(parseMoney('92233720368547758.07')).toBe(MONEY_MAX);
  });

  it('refuses more than two decimals, exponents, separators, blanks and overflow, naming the rule', () => {
    expect(ruleOf(() => parseMoney('1.234'))).toBe('max-2-decimals');
    expect(ruleOf(() => parseMoney('1e3'))).toBe('decimal-string');
    expect(ruleOf(() => parseMoney('1,000.00'))).toBe('decimal-string');
    expect(ruleOf(() => parseMoney(' 1.00'))).toBe('decimal-string');
    expect(ruleOf(() => parseMoney(''))).toBe('decimal-string');
    expect(ruleOf(() => parseMoney('NaN'))).toBe('decimal-string');
    expect(ruleOf(() => parseMoney('92233720368547758.08'))).toBe('int8-range');
  });

  it('names the field in the error', () => {
    expect(() => parseMoney('1.234', 'requestedAmount')).toThrow(/requestedAmount/);
  });
});

describe('moneyFromInput', () => {
  it('refuses JavaScript numbers, floats and NaN alike', () => {
    expect(ruleOf(() => moneyFromInput(12.34))).toBe('no-floats');
    expect(ruleOf(() => moneyFromInput(12))).toBe('no-floats');
    expect(ruleOf(() => moneyFromInput(Number.NaN))).toBe('not-a-number');
    expect(moneyFromInput('12.34')).toBe(1234n);
    expect(moneyFromInput(1234n)).toBe(1234n);
  });

  it('refuses bigints beyond the int8 column range', () => {
    expect(ruleOf(() => fen(MONEY_MAX + 1n))).toBe('int8-range');
    expect(ruleOf(() => fen(MONEY_MIN - 1n))).toBe('int8-range');
  });
});

describe('formatMoney', () => {
  it('formats for zh-CN and en with grouping and two decimals', () => {
    expect(formatMoney(123456n as Money, 'zh-CN')).toBe('¥1,234.56');
    expect(formatMoney(123456n as Money, 'en')).toBe('CNY 1,234.56');
    expect(formatMoney(-1200n as Money, 'zh-CN')).toBe('-¥12.00');
    expect(formatMoney(5n as Money, 'zh-CN')).toBe('¥0.05');
    expect(formatMoney(100000000n as Money, 'en')).toBe('CNY 1,000,000.00');
  });

  it('round-trips every int8 amount through the decimal form and both display forms', () => {
    fc.assert(
      fc.property(anyMoney, (amount) => {
        expect(parseMoney(toDecimalString(amount))).toBe(amount);
        expect(parseFormattedMoney(formatMoney(amount, 'zh-CN'))).toBe(amount);
        expect(parseFormattedMoney(formatMoney(amount, 'en'))).toBe(amount);
        expect(parseFen(amount.toString())).toBe(amount);
      }),
      { numRuns: 2000 },
    );
  });
});
