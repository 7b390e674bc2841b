import { ISSUER_BY_BIN, luhnCheckDigit, idCheckCharacter, PREFECTURES } from '../../identity/index.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import { chance, pick, randomInt, type Random } from './random.ts';

/**
 * Made-up personal data that passes every format check: real region codes, real dates, correct check
 * characters and Luhn digits. The sandbox verification provider reads its documented test values from
 * these (phones starting 170, cards ending 0000, ID sequence 999), so a synthetic customer's verification
 * level can be chosen and comes out the same through the real verification path.
 */
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢',
];
const GIVEN = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏辉建国文斌宇浩凯欣怡子轩梓涵一诺雨泽思远嘉',
];
const MINORITY_NAMES = ['阿依古丽·买买提', '艾尔肯·吐尔逊', '热依拉·阿不都', '巴特尔·额尔敦', '扎西·次仁'];
const PHONE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '158',
  '159',
  '177',
  '180',
  '185',
  '186',
  '187',
  '188',
  '189',
  '199',
];
const PREFECTURE_CODES = Object.keys(PREFECTURES);
const BINS = Object.keys(ISSUER_BY_BIN);

function digits(random: Random, count: number): string {
  let out = '';
  for (let i = 0; i < count; i += 1) out += String(randomInt(random, 0, 9));
  return out;
}

export function syntheticName(random: Random): string {
  if (chance(random, 0.02)) return pick(random, MINORITY_NAMES);
  const given = chance(random, 0.6) ? `${pick(random, GIVEN)}${pick(random, GIVEN)}` : pick(random, GIVEN);
  return `${pick(random, SURNAMES)}${given}`;
}

/**
 * A valid 18-character ID number for the birth date and sex. `nameMismatch` chooses the sandbox's test
 * sequence `999` (not registered to the name); otherwise 999 is avoided.
 */
export function syntheticIdNumber(
  random: Random,
  birthDate: LocalDate,
  sex: 'male' | 'female',
  nameMismatch = false,
): string {
  const region = `${pick(random, PREFECTURE_CODES)}${String(randomInt(random, 1, 12)).padStart(2, '0')}`;
  let sequence: string;
  if (nameMismatch) sequence = '999';
  else {
    do {
      const base = randomInt(random, 0, 49) * 2 + (sex === 'male' ? 1 : 0);
      sequence = `${String(randomInt(random, 0, 9))}${String(base).padStart(2, '0')}`;
    } while (sequence === '999');
  }
  const first17 = `${region}${birthDate.replaceAll('-', '')}${sequence}`;
  return `${first17}${idCheckCharacter(first17)}`;
}

/** A mainland mobile number; `notOwned` gives one starting 170 (the sandbox says: not the ID holder's). */
export function syntheticPhone(random: Random, notOwned = false): string {
  return `${notOwned ? '170' : pick(random, PHONE_PREFIXES)}${digits(random, 8)}`;
}

/** A 19-digit card with a known BIN and a Luhn digit; `otherName` ends it in 0000 (sandbox: another name). */
export function syntheticCardNumber(random: Random, otherName = false): string {
  for (;;) {
    const bin = pick(random, BINS);
    if (otherName) {
      // Fix the last four digits to 0000 and choose the digit before them so that Luhn still holds.
      const body = `${bin}${digits(random, 8)}`;
      for (let d = 0; d <= 9; d += 1) {
        const candidate = `${body}${d}0000`;
        if (luhnCheckDigit(candidate.slice(0, -1)) === '0') return candidate;
      }
      continue;
    }
    const payload = `${bin}${digits(random, 12)}`;
    const card = `${payload}${luhnCheckDigit(payload)}`;
    if (!card.endsWith('0000')) return card;
  }
}
