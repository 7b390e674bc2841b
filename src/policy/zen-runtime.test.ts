import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERR, add, eq, fnCeil, fnFloor, fnRound, mergeOver, mul, sub } from './zen-runtime.ts';

/** A decimal with up to 6 places as (text, exact scaled bigint at 10^6). */
const decimal = fc
  .tuple(fc.bigInt({ min: -10_000_000_000n, max: 10_000_000_000n }), fc.integer({ min: 0, max: 6 }))
  .map(([units, places]) => {
    const scale = 10n ** BigInt(places);
    const negative = units < 0n;
    const abs = negative ? -units : units;
    const text = `${negative ? '-' : ''}${abs / scale}${places > 0 ? `.${(abs % scale).toString().padStart(places, '0')}` : ''}`;
    return { text, micros: units * 10n ** BigInt(6 - places) };
  });

/** The exact decimal text of n / 10^places, trimmed, for comparing with String(double). */
function exactText(n: bigint, places: number): string {
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const scale = 10n ** BigInt(places);
  const fraction = (abs % scale).toString().padStart(places, '0').replace(/0+$/, '');
  const text = `${abs / scale}${fraction ? `.${fraction}` : ''}`;
  return negative && text !== '0' ? `-${text}` : text;
}

describe('exact decimal arithmetic on doubles', () => {
  it('adds, subtracts and multiplies exactly (checked against bigint), or refuses for precision', () => {
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        const x = Number(a.text);
        const y = Number(b.text);
        const cases: Array<[() => unknown, string]> = [
          [() => add(x, y), exactText(a.micros + b.micros, 6)],
          [() => sub(x, y), exactText(a.micros - b.micros, 6)],
          [() => mul(x, y), exactText(a.micros * b.micros, 12)],
        ];
        for (const [run, expected] of cases) {
          let result: unknown;
          try {
            result = run();
          } catch {
            // A refusal is allowed only when the exact result has more than 15 significant digits.
            expect(expected.replace(/[-.]/g, '').replace(/^0+/, '').length).toBeGreaterThan(15);
            continue;
          }
          expect(result).toBe(Number(expected));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('rounds half away from zero, floors and ceils like ZEN', () => {
    expect([fnRound(2.5), fnRound(-2.5), fnRound(2.675, 2), fnRound(-1.005, 2), fnRound(1.25, 1)]).toEqual([
      3, -3, 2.68, -1.01, 1.3,
    ]);
    expect([fnFloor(-1.5), fnCeil(-0.1), fnFloor(2), fnCeil(1.000001)]).toEqual([-2, 0, 2, 2]);
    expect(add(0.1, 0.2)).toBe(0.3);
    expect(mul(0.07, 100)).toBe(7);
    expect(add(null, 1)).toBe(ERR);
    expect(eq([1], [1])).toBe(false);
  });

  it('merges a node output over its input without touching the input; null removes a key', () => {
    const input = { a: { x: 1 }, b: 2, c: 3 };
    const merged = mergeOver(input, { a: { y: 2 }, b: null });
    expect(merged).toEqual({ a: { x: 1, y: 2 }, c: 3 });
    expect(input).toEqual({ a: { x: 1 }, b: 2, c: 3 });
  });
});
