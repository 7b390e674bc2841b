import { maskCard, maskIdNumber, maskPhone } from '../pii/mask.ts';

/**
 * The log scrubber's second layer: identifiers hidden from `scrubPii` by how a URL carries them.
 *
 * - Percent-encoding (`%2B86%20138%202238%208291`, `138%2D2238%2D8291`, a card split by `%20`, digits
 *   written as `%31%33%38…`, twice-encoded `%2520`) and form encoding (`138+2238+8291`): every token with a
 *   `%XX` or a `+` is decoded (safely: a broken sequence stays as it is) and scanned decoded; when something
 *   is masked, the token is written back decoded and masked.
 * - A prefix glued to the number (`/v1/customers/id110105199207218992`, `?product=x13822388291`): here a
 *   number is bounded by other digits only, not by letters, except inside our own prefixed ids
 *   (`req_01M8…`) and hex digests, which are left alone.
 */

// Our own ids (prefix, "_", 26 Crockford base-32 characters) and hex digests hold digit runs that are not PII.
const SAFE_WORD = /^(?:[a-z]{2,8}_[0-9A-HJKMNP-TV-Z]{26}|(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{32,})$/;
// Where a number may be: a run of digits, spaces and dashes long enough for the shortest (a mobile number).
const CANDIDATE = /\+?\d[\d -]{9,}[\dXx]/g;
// A number starts and ends where digits do; the fraction or whole part of a decimal is not one.
const START = String.raw`(?<!\d|\d\.)`;
const END = String.raw`(?!\d|\.\d)`;
const DATE = String.raw`(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])`;
const ID_18 = String.raw`${START}\d{6}(?:18|19|20)\d{2}${DATE}\d{3}[\dXx]${END}`;
const ID_15 = String.raw`${START}\d{8}${DATE}\d{3}${END}`;
const CARD = String.raw`${START}(?:\d[ -]?){15,18}\d${END}`;
const PHONE = String.raw`${START}(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}${END}`;
const NUMBER = new RegExp(`(${ID_18})|(${ID_15})|(${CARD})|(${PHONE})`, 'g');

const ONLY_DIGITS = /^\d+$/;
const isDigit = (code: number) => code >= 48 && code <= 57;
const isWordCharacter = (code: number) =>
  isDigit(code) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;

/** The letters, digits and underscores around `[start, end)`: the word a run of digits sits in. */
function wordAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && isWordCharacter(text.charCodeAt(from - 1))) from -= 1;
  let to = end;
  while (to < text.length && isWordCharacter(text.charCodeAt(to))) to += 1;
  return text.slice(from, to);
}

/**
 * Masks every ID, card and phone number in `text`, glued to letters or not. Linear: only runs of digits
 * (with spaces and dashes) of 11 characters or more are looked at; a number that is the fraction or the
 * whole part of a decimal (0.4444444444444444), and a run that sits in one of our ids or a digest, are left
 * alone. (A match never reaches into the two characters either side of the run: they are not digits.)
 */
export function maskEmbeddedPii(text: string): string {
  return text.replace(CANDIDATE, (run: string, offset: number) => {
    const end = offset + run.length;
    // Only digits, and the fraction or whole part of a decimal: no number can start or end in it.
    if (
      ONLY_DIGITS.test(run) &&
      ((text[offset - 1] === '.' && isDigit(text.charCodeAt(offset - 2))) ||
        (text[end] === '.' && isDigit(text.charCodeAt(end + 1))))
    )
      return run;
    const digitsStart = run.startsWith('+') ? offset + 1 : offset;
    if (SAFE_WORD.test(wordAround(text, digitsStart, end))) return run;
    // The run with two characters either side, so the guards see a decimal point and its digit.
    const left = Math.max(0, offset - 2);
    const right = Math.min(text.length, end + 2);
    const masked = text.slice(left, right).replace(NUMBER, (match: string, id18, id15, card) => {
      if (id18 || id15) return maskIdNumber(match);
      if (card) return maskCard(match);
      return maskPhone(match);
    });
    return masked.slice(offset - left, masked.length - (right - end));
  });
}

const ENCODED_RUN = /(?:%[0-9A-Fa-f]{2})+/g;

/** Decodes %XX runs; a run that is not UTF-8 is decoded byte by byte where the byte is ASCII. */
function percentDecodeOnce(text: string): string {
  return text.replace(ENCODED_RUN, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run.replace(/%([0-9A-Fa-f]{2})/g, (escape, hex: string) => {
        const byte = Number.parseInt(hex, 16);
        return byte < 0x80 ? String.fromCharCode(byte) : escape;
      });
    }
  });
}

/** Percent-decodes up to three times (a value encoded twice or three times is still read). */
export function percentDecode(text: string): string {
  let current = text;
  for (let round = 0; round < 3; round += 1) {
    const next = percentDecodeOnce(current);
    if (next === current) break;
    current = next;
  }
  return current;
}

const ENCODING = /%[0-9A-Fa-f]{2}|\+/g;
/** Where a token of a JSON log line ends: white space, a quote or a backslash (an escape). */
const isTokenEnd = (code: number) =>
  Number.isNaN(code) || code === 34 || code === 92 || code === 32 || (code >= 9 && code <= 13);

function escapeForJsonString(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

function scrubEncodedToken(token: string): string {
  const decoded = percentDecode(token);
  let masked = maskEmbeddedPii(decoded);
  // Form encoding: a `+` is a space (`?phone=138+2238+8291`). `+86` in front of a phone is read either way.
  if (masked.includes('+')) {
    const spaced = masked.replaceAll('+', ' ');
    const maskedSpaced = maskEmbeddedPii(spaced);
    if (maskedSpaced !== spaced) masked = maskedSpaced;
  }
  return masked === decoded ? token : escapeForJsonString(masked);
}

/** Each token that carries an encoding, decoded and masked (linear: every token is visited once). */
function scrubEncodedTokens(line: string): string {
  let out = '';
  let done = 0;
  ENCODING.lastIndex = 0;
  for (let found = ENCODING.exec(line); found; found = ENCODING.exec(line)) {
    let start = found.index;
    while (start > done && !isTokenEnd(line.charCodeAt(start - 1))) start -= 1;
    let end = found.index + found[0].length;
    while (end < line.length && !isTokenEnd(line.charCodeAt(end))) end += 1;
    out += line.slice(done, start) + scrubEncodedToken(line.slice(start, end));
    done = end;
    ENCODING.lastIndex = end;
  }
  return out + line.slice(done);
}

/**
 * Scrubs one finished log line: tokens with an encoding are decoded and masked, then every number in the
 * line, glued to letters or not, spaced or dashed — what `scrubPii` finds and more, so it replaces it here.
 */
export function scrubLogLine(line: string): string {
  const decoded = /%[0-9A-Fa-f]{2}|\+/.test(line) ? scrubEncodedTokens(line) : line;
  return maskEmbeddedPii(decoded);
}
