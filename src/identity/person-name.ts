/**
 * Personal names as they appear on a resident ID card. Chinese names are Han characters; names of many
 * ethnic minorities are transliterated with a middle dot between the parts (`阿卜杜热合曼·买买提`), and
 * people type that dot in several look-alike forms, all normalised to U+00B7 `·`. Foreign permanent
 * residents' cards carry Latin names, accepted as letters with single spaces, hyphens or apostrophes.
 */

export type NameFailure = 'NAME_EMPTY' | 'NAME_TOO_SHORT' | 'NAME_TOO_LONG' | 'NAME_INVALID_CHARACTERS';

export type NameCheck =
  | { readonly valid: true; readonly normalized: string; readonly script: 'han' | 'latin' }
  | { readonly valid: false; readonly reason: NameFailure; readonly message: string };

/** Characters people use for the separating dot: ・ • ‧ ･ ． and the full-width forms. */
const DOT_VARIANTS = /[\u2022\u2027\u30FB\uFF65\uFF0E\u00B7\u2219\u22C5]/g;
const HAN_NAME = /^\p{Script=Han}+(?:·\p{Script=Han}+)*$/u;
const LATIN_NAME = /^[A-Za-z]+(?:[ '-][A-Za-z]+)*$/;

/** Limits: 2–30 characters for Han names (dots included), 2–60 for Latin names. */
export const NAME_LIMITS = { han: { min: 2, max: 30 }, latin: { min: 2, max: 60 } } as const;

export function checkName(input: string): NameCheck {
  const text = String(input).normalize('NFC').trim().replace(/\s+/g, ' ');
  if (text === '') return { valid: false, reason: 'NAME_EMPTY', message: 'the name is empty' };
  // Spaces next to Han characters or dots carry no meaning ("张 三", "阿依 · 买买提"); remove them.
  const han = text
    .replace(DOT_VARIANTS, '·')
    .replace(/\s*·\s*/g, '·')
    .replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, '');
  if (HAN_NAME.test(han)) {
    const length = [...han].length;
    if (length < NAME_LIMITS.han.min)
      return { valid: false, reason: 'NAME_TOO_SHORT', message: 'a Chinese name has at least 2 characters' };
    if (length > NAME_LIMITS.han.max)
      return {
        valid: false,
        reason: 'NAME_TOO_LONG',
        message: `a name has at most ${NAME_LIMITS.han.max} characters`,
      };
    return { valid: true, normalized: han, script: 'han' };
  }
  if (LATIN_NAME.test(text)) {
    if (text.length < NAME_LIMITS.latin.min)
      return { valid: false, reason: 'NAME_TOO_SHORT', message: 'a name has at least 2 letters' };
    if (text.length > NAME_LIMITS.latin.max)
      return {
        valid: false,
        reason: 'NAME_TOO_LONG',
        message: `a name has at most ${NAME_LIMITS.latin.max} letters`,
      };
    return { valid: true, normalized: text, script: 'latin' };
  }
  return {
    valid: false,
    reason: 'NAME_INVALID_CHARACTERS',
    message: 'a name is Chinese characters (with · between parts) or Latin letters, not a mixture or digits',
  };
}

/** Masks a name for display, keeping the first character: `张三` → `张*`, `John Smith` → `J*********`. */
export function maskName(name: string): string {
  const characters = [...name];
  if (characters.length === 0) return '';
  return `${characters[0]}${'*'.repeat(Math.max(1, characters.length - 1))}`;
}
