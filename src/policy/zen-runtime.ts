import { AppError } from '../platform/errors/app-error.ts';

/**
 * The run-time semantics of compiled policy code, written to match `@gorules/zen-engine` 0.52 value for
 * value (the differential test checks it):
 *
 * - Numbers are ZEN decimals. Ours are JS doubles read as their shortest decimal representation, which is
 *   exactly how zen-engine reads a JSON number. Comparisons of doubles are then exact decimal comparisons.
 *   Arithmetic is exact decimal arithmetic: integers stay on the fast path while the result is a safe
 *   integer; anything else is computed on bigint decimals and turned back into the double whose shortest
 *   representation is that decimal. If no such double exists (more than ~15 significant digits), the
 *   evaluation stops with a precision fault instead of silently rounding where zen-engine would not.
 * - An operation on the wrong types (null > 5, "a" + 1, not 1) is an error value `ERR`, not an exception:
 *   in a table cell it means "this row does not match" (as in zen-engine), in an expression node it stops
 *   the evaluation. `ERR` propagates through every operation.
 */
export const ERR: unique symbol = Symbol('zen.error');
export type Err = typeof ERR;

/** A JSON value as policies see it. */
export type ZenValue = null | boolean | number | string | readonly ZenValue[] | ZenObject;
export interface ZenObject {
  readonly [key: string]: ZenValue;
}

/** What an operation yields: a value or the error marker. */
export type RtValue = ZenValue | Err;

/** The policy needs more decimal precision than a double can carry exactly; a fault, never a silent rounding. */
export function precisionFault(detail: string): AppError {
  return new AppError('UNPROCESSABLE', `policy arithmetic needs more precision than supported: ${detail}`, {
    details: { rule: 'decimal-precision' },
  });
}

// ---------------------------------------------------------------------------------------------------------
// Exact decimals: value = m / 10^e with e ≥ 0.

interface Decimal {
  readonly m: bigint;
  readonly e: number;
}

function toDecimal(x: number): Decimal {
  if (Number.isSafeInteger(x)) return { m: BigInt(x), e: 0 };
  const text = String(x);
  const exponentAt = text.indexOf('e');
  const mantissa = exponentAt >= 0 ? text.slice(0, exponentAt) : text;
  const exponent = exponentAt >= 0 ? Number(text.slice(exponentAt + 1)) : 0;
  const dot = mantissa.indexOf('.');
  const digits = dot >= 0 ? mantissa.slice(0, dot) + mantissa.slice(dot + 1) : mantissa;
  let scale = (dot >= 0 ? mantissa.length - dot - 1 : 0) - exponent;
  let m = BigInt(digits);
  if (scale < 0) {
    m *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { m, e: scale };
}

function normalize(d: Decimal): Decimal {
  let { m, e } = d;
  while (e > 0 && m % 10n === 0n) {
    m /= 10n;
    e -= 1;
  }
  return { m, e };
}

function decimalText(d: Decimal): string {
  const negative = d.m < 0n;
  const digits = (negative ? -d.m : d.m).toString();
  if (d.e === 0) return (negative ? '-' : '') + digits;
  const padded = digits.padStart(d.e + 1, '0');
  return `${negative ? '-' : ''}${padded.slice(0, padded.length - d.e)}.${padded.slice(padded.length - d.e)}`;
}

/** The double whose shortest representation is exactly `d`, or a precision fault. */
function fromDecimal(d: Decimal): number {
  const n = normalize(d);
  const value = Number(decimalText(n));
  const back = normalize(toDecimal(value));
  if (back.m !== n.m || back.e !== n.e) throw precisionFault(`${decimalText(n)} has no exact double`);
  return value === 0 ? 0 : value;
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  if (a.e === b.e) return [a.m, b.m, a.e];
  if (a.e > b.e) return [a.m, b.m * 10n ** BigInt(a.e - b.e), a.e];
  return [a.m * 10n ** BigInt(b.e - a.e), b.m, b.e];
}

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
const SMALL = 1e15;

/**
 * The shortest decimal of a double as m / 10^e with |m| < 10^15, using only double arithmetic, or
 * undefined when it has more digits. Exact: when m / 10^e (one correctly rounded division) gives back x,
 * the decimal m/10^e rounds to x, and a decimal of at most 15 significant digits that rounds to x is the
 * only one (DBL_DIG = 15), so it is x's shortest representation.
 */
function smallDecimal(x: number): [number, number] | undefined {
  for (let e = 0; e <= 15; e += 1) {
    const p = POW10[e] as number;
    const m = Math.round(x * p);
    if (Math.abs(m) >= SMALL) return undefined;
    if (m / p === x) return [m, e];
  }
  return undefined;
}

/** m / 10^e as a double when the result keeps at most 15 significant digits (so it round-trips). */
function smallResult(m: number, e: number): number | undefined {
  if (!Number.isSafeInteger(m) || Math.abs(m) >= SMALL || e > 22) return undefined;
  const value = m / (POW10[e] as number);
  return value === 0 ? 0 : value;
}

function fastAdd(a: number, b: number): number | undefined {
  const x = smallDecimal(a);
  const y = smallDecimal(b);
  if (!x || !y) return undefined;
  const e = Math.max(x[1], y[1]);
  return smallResult(x[0] * (POW10[e - x[1]] as number) + y[0] * (POW10[e - y[1]] as number), e);
}

function fastMul(a: number, b: number): number | undefined {
  const x = smallDecimal(a);
  const y = smallDecimal(b);
  if (!x || !y) return undefined;
  return smallResult(x[0] * y[0], x[1] + y[1]);
}

function decimalAdd(a: number, b: number): number {
  const fast = fastAdd(a, b);
  if (fast !== undefined) return fast;
  const [x, y, e] = align(toDecimal(a), toDecimal(b));
  return fromDecimal({ m: x + y, e });
}

function decimalMul(a: number, b: number): number {
  const fast = fastMul(a, b);
  if (fast !== undefined) return fast;
  const x = toDecimal(a);
  const y = toDecimal(b);
  return fromDecimal({ m: x.m * y.m, e: x.e + y.e });
}

/** Rounds to `places` decimals, ties away from zero (rust_decimal's `round_dp`, as ZEN's round() uses). */
function decimalRound(a: number, places: number, mode: 'halfAway' | 'floor' | 'ceil'): number {
  const small = smallDecimal(a);
  if (small && places <= 15) {
    const [m, e] = small;
    if (e <= places) return a;
    const divisor = POW10[e - places] as number;
    const r = m % divisor; // exact for integers below 2^53
    let q = (m - r) / divisor;
    if (r !== 0) {
      if (mode === 'floor') {
        if (m < 0) q -= 1;
      } else if (mode === 'ceil') {
        if (m > 0) q += 1;
      } else if (Math.abs(r) * 2 >= divisor) {
        q += m < 0 ? -1 : 1;
      }
    }
    const value = smallResult(q, places);
    if (value !== undefined) return value;
  }
  const d = toDecimal(a);
  if (d.e <= places) return a;
  const divisor = 10n ** BigInt(d.e - places);
  let q = d.m / divisor; // toward zero
  const r = d.m % divisor;
  if (r !== 0n) {
    if (mode === 'floor') {
      if (d.m < 0n) q -= 1n;
    } else if (mode === 'ceil') {
      if (d.m > 0n) q += 1n;
    } else {
      const twice = (r < 0n ? -r : r) * 2n;
      if (twice >= divisor) q += d.m < 0n ? -1n : 1n;
    }
  }
  return fromDecimal({ m: q, e: places });
}

// ---------------------------------------------------------------------------------------------------------
// Operations, each returning ERR on wrong types.

export function add(a: RtValue, b: RtValue): RtValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const sum = a + b;
    if (Number.isSafeInteger(a) && Number.isSafeInteger(b) && Number.isSafeInteger(sum)) return sum;
    return decimalAdd(a, b);
  }
  if (typeof a === 'string' && typeof b === 'string') return a + b;
  return ERR;
}

export function sub(a: RtValue, b: RtValue): RtValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const difference = a - b;
    if (Number.isSafeInteger(a) && Number.isSafeInteger(b) && Number.isSafeInteger(difference)) {
      return difference === 0 ? 0 : difference;
    }
    return decimalAdd(a, -b);
  }
  return ERR;
}

export function mul(a: RtValue, b: RtValue): RtValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const product = a * b;
    if (Number.isSafeInteger(a) && Number.isSafeInteger(b) && Number.isSafeInteger(product)) {
      return product === 0 ? 0 : product;
    }
    return decimalMul(a, b);
  }
  return ERR;
}

export function neg(a: RtValue): RtValue {
  if (typeof a !== 'number') return ERR;
  return a === 0 ? 0 : -a;
}

export function lt(a: RtValue, b: RtValue): RtValue {
  return typeof a === 'number' && typeof b === 'number' ? a < b : ERR;
}

export function le(a: RtValue, b: RtValue): RtValue {
  return typeof a === 'number' && typeof b === 'number' ? a <= b : ERR;
}

export function gt(a: RtValue, b: RtValue): RtValue {
  return typeof a === 'number' && typeof b === 'number' ? a > b : ERR;
}

export function ge(a: RtValue, b: RtValue): RtValue {
  return typeof a === 'number' && typeof b === 'number' ? a >= b : ERR;
}

/** ZEN equality: primitives by value (1 == 1.0), arrays and objects never equal, no type coercion. */
export function eq(a: RtValue, b: RtValue): RtValue {
  if (a === ERR || b === ERR) return ERR;
  if ((a !== null && typeof a === 'object') || (b !== null && typeof b === 'object')) return false;
  return a === b;
}

export function ne(a: RtValue, b: RtValue): RtValue {
  const equal = eq(a, b);
  return equal === ERR ? ERR : !equal;
}

export function inList(value: RtValue, list: readonly RtValue[]): RtValue {
  // zen-engine refuses an array or object on the left of `in`.
  if (value === ERR || (value !== null && typeof value === 'object')) return ERR;
  for (const item of list) {
    if (item === ERR) return ERR;
    if (eq(value, item) === true) return true;
  }
  return false;
}

export function inInterval(
  value: RtValue,
  low: number,
  high: number,
  lowClosed: boolean,
  highClosed: boolean,
): RtValue {
  if (typeof value !== 'number') return ERR;
  return (lowClosed ? value >= low : value > low) && (highClosed ? value <= high : value < high);
}

function numbers(list: RtValue): number[] | undefined {
  if (!Array.isArray(list)) return undefined;
  for (const item of list) if (typeof item !== 'number') return undefined;
  return list as number[];
}

export function fnMin(list: RtValue): RtValue {
  const values = numbers(list);
  if (!values || values.length === 0) return ERR;
  return Math.min(...values);
}

export function fnMax(list: RtValue): RtValue {
  const values = numbers(list);
  if (!values || values.length === 0) return ERR;
  return Math.max(...values);
}

export function fnSum(list: RtValue): RtValue {
  const values = numbers(list);
  if (!values) return ERR;
  let total: RtValue = 0;
  for (const value of values) total = add(total, value);
  return total;
}

export function fnAbs(value: RtValue): RtValue {
  if (typeof value !== 'number') return ERR;
  return Math.abs(value);
}

export function fnRound(value: RtValue, places: RtValue = 0): RtValue {
  if (typeof value !== 'number' || typeof places !== 'number') return ERR;
  if (!Number.isInteger(places) || places < 0) return ERR;
  if (Number.isSafeInteger(value)) return value;
  return decimalRound(value, places, 'halfAway');
}

export function fnFloor(value: RtValue): RtValue {
  if (typeof value !== 'number') return ERR;
  if (Number.isSafeInteger(value)) return value;
  return decimalRound(value, 0, 'floor');
}

export function fnCeil(value: RtValue): RtValue {
  if (typeof value !== 'number') return ERR;
  if (Number.isSafeInteger(value)) return value;
  return decimalRound(value, 0, 'ceil');
}

export function fnLen(value: RtValue): RtValue {
  if (typeof value === 'string' || Array.isArray(value)) return value.length;
  return ERR;
}

/** `a.b`: a field of an object, null when absent or when `a` is not an object; ERR stays ERR. */
export function member(object: RtValue, key: string): RtValue {
  if (object === ERR) return ERR;
  if (object === null || typeof object !== 'object' || Array.isArray(object)) return null;
  const value = (object as ZenObject)[key];
  return value === undefined ? null : value;
}

/** Reads a dotted path from an object (the node input): missing anywhere → null. */
export function readPath(object: ZenObject, path: readonly string[]): ZenValue {
  let current: ZenValue = object;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return null;
    const next: ZenValue | undefined = (current as ZenObject)[key];
    current = next === undefined ? null : next;
  }
  return current;
}

/** `readPath(object, [key])` without building the path array (generated code reads constant paths). */
export function readPath1(object: ZenValue, key: string): ZenValue {
  if (object === null || typeof object !== 'object' || Array.isArray(object)) return null;
  const value: ZenValue | undefined = (object as ZenObject)[key];
  return value === undefined ? null : value;
}

/** `readPath(object, [a, b])` without building the path array. */
export function readPath2(object: ZenValue, a: string, b: string): ZenValue {
  return readPath1(readPath1(object, a), b);
}

// ---------------------------------------------------------------------------------------------------------
// Building node outputs, as zen-engine does.

type MutableObject = { [key: string]: ZenValue };

function isObject(value: ZenValue | undefined): value is ZenObject {
  return value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value);
}

/** Sets `a.b.c` in a node's own output object (nulls are kept here; merges drop them). */
export function setPath(target: MutableObject, path: readonly string[], value: ZenValue): void {
  let current = target;
  for (let i = 0; i < path.length - 1; i += 1) {
    const key = path[i] as string;
    const next = current[key];
    if (isObject(next)) {
      const copy: MutableObject = Object.assign({}, next);
      current[key] = copy;
      current = copy;
    } else {
      const created: MutableObject = {};
      current[key] = created;
      current = created;
    }
  }
  current[path[path.length - 1] as string] = value;
}

/**
 * A pass-through node's output: the input with the node's output merged over it. A null in the output
 * removes the key; objects merge recursively; anything else replaces. The input is never mutated, so a
 * trace can keep references to it.
 */
export function mergeOver(input: ZenObject, output: ZenObject): ZenObject {
  // Object.assign, not spread: V8 extends spread copies slowly (each gets its own map transitions).
  const result: MutableObject = Object.assign({}, input);
  for (const key of Object.keys(output)) {
    const value = output[key] as ZenValue;
    if (value === null) {
      delete result[key];
    } else {
      const existing = result[key];
      result[key] = isObject(value) && isObject(existing) ? mergeOver(existing, value) : value;
    }
  }
  return result;
}

/** What zen-engine returns for a result object: top-level nulls dropped, -0 written as 0. */
export function finalResult(value: ZenObject): ZenObject {
  const result: MutableObject = {};
  for (const key of Object.keys(value)) {
    const item = value[key] as ZenValue;
    if (item !== null) result[key] = item;
  }
  return result;
}

/** An array literal: ERR if any item is ERR. */
export function arr(items: readonly RtValue[]): RtValue {
  for (const item of items) if (item === ERR) return ERR;
  return items as readonly ZenValue[];
}

/** Placeholder for an operator the parser never produces; kept so generated code cannot reference nothing. */
export function errorOp(): RtValue {
  return ERR;
}
