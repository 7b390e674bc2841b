import { describe, expect, it } from 'vitest';
import { checkName, maskName } from './person-name.ts';
import { checkPhone } from './phone.ts';

describe('mobile numbers', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['+86 138-1234-5678', '13812345678'],
    ['0086 13812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['(138) 1234 5678', '13812345678'],
  ])('normalises %s to %s', (input, normalized) => {
    expect(checkPhone(input)).toEqual({ valid: true, normalized });
  });

  it.each(['12812345678', '1381234567', '138123456789', '138-1234-567a', ''])('refuses %s', (input) => {
    expect(checkPhone(input)).toMatchObject({ valid: false, reason: 'PHONE_FORMAT_INVALID' });
  });
});

describe('names', () => {
  it('removes spaces between Chinese characters and keeps minority names with a middle dot', () => {
    expect(checkName('  张 三 ')).toEqual({ valid: true, normalized: '张三', script: 'han' });
    expect(checkName('阿依古丽・买买提')).toEqual({
      valid: true,
      normalized: '阿依古丽·买买提',
      script: 'han',
    });
    expect(checkName('艾尔肯 • 吐尔逊')).toEqual({ valid: true, normalized: '艾尔肯·吐尔逊', script: 'han' });
  });

  it('accepts Latin names of foreign residents with single spaces', () => {
    expect(checkName('John   Smith')).toEqual({ valid: true, normalized: 'John Smith', script: 'latin' });
  });

  it.each([
    ['', 'NAME_EMPTY'],
    ['张', 'NAME_TOO_SHORT'],
    ['张3', 'NAME_INVALID_CHARACTERS'],
    ['张John', 'NAME_INVALID_CHARACTERS'],
    ['·张三', 'NAME_INVALID_CHARACTERS'],
    ['张'.repeat(31), 'NAME_TOO_LONG'],
  ])('refuses %j with %s', (input, reason) => {
    expect(checkName(input)).toMatchObject({ valid: false, reason });
  });

  it('masks all but the first character', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('阿依古丽·买买提')).toBe('阿*******');
  });
});
