import { maskCard, maskIdNumber, maskPhone, scrubPii } from '../pii/mask.ts';

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
const SAFE = String.raw`(?<![0-9A-Za-z])[a-z]{2,8}_[0-9A-HJKMNP-TV-Z]{26}(?![0-9A-Za-z])|(?<![0-9A-Za-z])(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{32,}(?![0-9A-Za-z])`;
// A number starts and ends where digits do (a decimal like 0.4444444444444444 is not an identifier).
const START = String.raw`(?<!\d|\d\.)`;
const END = String.raw`(?!\d|\.\d)`;
const DATE = String.raw`(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])`;
const ID_18 = String.raw`${START}\d{6}(?:18|19|20)\d{2}${DATE}\d{3}[\dXx]${END}`;
const ID_15 = String.raw`${START}\d{8}${DATE}\d{3}${END}`;
const CARD = String.raw`${START}(?:\d[ -]?){15,18}\d${END}`;
const PHONE = String.raw`${START}(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}${END}`;
const EMBEDDED = new RegExp(`(${SAFE})|(${ID_18})|(${ID_15})|(${CARD})|(${PHONE})`, 'g');

/** Masks every ID, card and phone number in `text`, glued to letters or not. */
export function maskEmbeddedPii(text: string): string {
  if (!/\d{7}|\d[ -]\d/.test(text)) return text;
  return text.replace(EMBEDDED, (match, safe, id18, id15, card) => {
    if (safe) return match;
    if (id18 || id15) return maskIdNumber(match);
    if (card) return maskCard(match);
    return maskPhone(match);
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

/** A token of a JSON log line that carries an encoding: percent escapes or a `+`. */
const ENCODED_TOKEN = /[^\s"\\]*(?:%[0-9A-Fa-f]{2}|\+)[^\s"\\]*/g;

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

/**
 * Scrubs one finished log line: encoded tokens are decoded and masked, then numbers glued to letters, then
 * the free-text forms of `scrubPii` (spaced and dashed numbers across tokens).
 */
export function scrubLogLine(line: string): string {
  const decodedTokens = /%[0-9A-Fa-f]{2}|\+/.test(line)
    ? line.replace(ENCODED_TOKEN, scrubEncodedToken)
    : line;
  return scrubPii(maskEmbeddedPii(decodedTokens));
}
