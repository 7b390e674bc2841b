import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../platform/time/local-date.ts';
import { ageOn, checkIdNumber, idCheckCharacter, upgradeIdNumber15 } from './id-number.ts';

const TODAY = '2026-11-22' as LocalDate;

describe('resident ID numbers (GB 11643)', () => {
  it('accepts the standard example and derives birth date, sex and region', () => {
    const result = checkIdNumber('11010519491231002X', TODAY);
    expect(result).toMatchObject({
      valid: true,
      normalized: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
      upgradedFrom15: false,
    });
    if (result.valid) {
      expect(result.region.province.zh).toBe('北京市');
      expect(result.region.prefecture?.en).toBe('Beijing');
    }
  });

  it('accepts a lower-case x and spaces people type', () => {
    expect(checkIdNumber(' 110105 19491231 002x ', TODAY)).toMatchObject({
      valid: true,
      normalized: '11010519491231002X',
    });
  });

  it('upgrades a 15-digit legacy number to 18 characters', () => {
    expect(upgradeIdNumber15('110105491231002')).toBe('11010519491231002X');
    expect(checkIdNumber('110105491231002', TODAY)).toMatchObject({
      valid: true,
      normalized: '11010519491231002X',
      upgradedFrom15: true,
      birthDate: '1949-12-31',
    });
  });

  it.each([
    ['11010519491231002', 'ID_FORMAT_INVALID'],
    ['1101051949123100AX', 'ID_FORMAT_INVALID'],
    ['99010519491231002X', 'ID_REGION_UNKNOWN'],
    ['110000199001010018', 'ID_REGION_UNKNOWN'],
    ['110105199002300011', 'ID_BIRTH_DATE_INVALID'],
    ['110105189912310014', 'ID_BIRTH_DATE_INVALID'],
    ['110105203001010011', 'ID_BIRTH_DATE_IN_FUTURE'],
    ['110105194912310021', 'ID_CHECKSUM_INVALID'],
  ])('refuses %s with %s', (input, reason) => {
    expect(checkIdNumber(input, TODAY)).toMatchObject({ valid: false, reason });
  });

  it('accepts residence permits of Hong Kong residents (810000)', () => {
    const first17 = '81000019900101001';
    expect(checkIdNumber(`${first17}${idCheckCharacter(first17)}`, TODAY)).toMatchObject({ valid: true });
  });

  it('odd sequence digits are men, even are women', () => {
    const male = '11010519900101001';
    const female = '11010519900101002';
    expect(checkIdNumber(`${male}${idCheckCharacter(male)}`, TODAY)).toMatchObject({ sex: 'male' });
    expect(checkIdNumber(`${female}${idCheckCharacter(female)}`, TODAY)).toMatchObject({ sex: 'female' });
  });

  it('computes age on a date, with 29 February birthdays counting on 1 March', () => {
    expect(ageOn('2000-02-29' as LocalDate, '2018-02-28' as LocalDate)).toBe(17);
    expect(ageOn('2000-02-29' as LocalDate, '2018-03-01' as LocalDate)).toBe(18);
    expect(ageOn('1990-11-22' as LocalDate, TODAY)).toBe(36);
    expect(ageOn('1990-11-23' as LocalDate, TODAY)).toBe(35);
  });

  const validBody = fc
    .record({
      region: fc.constantFrom('110105', '310104', '440305', '510107', '650102'),
      day: fc.integer({ min: 0, max: 38_000 }),
      sequence: fc.integer({ min: 0, max: 999 }),
    })
    .map(({ region, day, sequence }) => {
      const birth = new Date(Date.UTC(1920, 0, 1) + day * 86_400_000)
        .toISOString()
        .slice(0, 10)
        .replaceAll('-', '');
      return `${region}${birth}${String(sequence).padStart(3, '0')}`;
    });

  it('property: a number built with its check character is valid', () => {
    fc.assert(
      fc.property(validBody, (first17) => {
        expect(checkIdNumber(`${first17}${idCheckCharacter(first17)}`, TODAY).valid).toBe(true);
      }),
    );
  });

  it('property: changing any one of the 17 digits breaks the check (MOD 11-2 catches single errors)', () => {
    fc.assert(
      fc.property(
        validBody,
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 9 }),
        (first17, position, delta) => {
          const id = `${first17}${idCheckCharacter(first17)}`;
          const digit = (Number(id[position]) + delta) % 10;
          const changed = `${id.slice(0, position)}${digit}${id.slice(position + 1)}`;
          const result = checkIdNumber(changed, TODAY);
          expect(result.valid).toBe(false);
        },
      ),
    );
  });
});
