import { evaluateExpressionSync, evaluateUnaryExpressionSync } from '@gorules/zen-engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../src/platform/errors/app-error.ts';
import { compileExpression } from '../../src/policy/policy-compiler.ts';
import { ERR, type RtValue, type ZenObject } from '../../src/policy/zen-runtime.ts';

/**
 * Differential test of the expression compiler against @gorules/zen-engine (native, tests only): random
 * expressions in the subset over random contexts must give the same value, or both an error.
 * Numbers stay small enough that no intermediate leaves rust_decimal's range (zen-engine aborts the
 * process on overflow, which a test cannot catch).
 */

type Outcome = { ok: true; value: string } | { ok: false };

function theirs(run: () => unknown): Outcome {
  try {
    return { ok: true, value: JSON.stringify(run()) };
  } catch {
    return { ok: false };
  }
}

/** Ours, or undefined when we refuse for precision (more than a double keeps exactly) — skipped. */
function ours(run: () => RtValue): Outcome | undefined {
  try {
    const value = run();
    return value === ERR ? { ok: false } : { ok: true, value: JSON.stringify(value) };
  } catch (error) {
    if (isAppError(error) && error.details.rule === 'decimal-precision') return undefined;
    throw error;
  }
}

const integer = fc.integer({ min: -300, max: 300 }).map(String);
const decimal = fc
  .tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.boolean())
  .map(([whole, cents, negative]) => `${negative ? '-' : ''}${whole}.${String(cents).padStart(2, '0')}`);
const numberLiteral = fc.oneof(integer, decimal);
const variable = fc.constantFrom('x', 'y', 'w', 's', 'b', 'n', 'o.p', 'o.q', 'z', 'list');
const otherLiteral = fc.constantFrom('"a"', "'b'", 'true', 'false', 'null');
const leaf = fc.oneof(
  { weight: 3, arbitrary: numberLiteral },
  { weight: 4, arbitrary: variable },
  { weight: 1, arbitrary: otherLiteral },
);
const divisor = fc.constantFrom('2', '4', '5', '10', '100', '0.5', '0.25', '8', '20');

const { expression } = fc.letrec<{ expression: string }>((tie) => ({
  expression: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc
      .tuple(
        tie('expression'),
        fc.constantFrom('+', '-', '*', '==', '!=', '<', '<=', '>', '>=', 'and', 'or', '??'),
        tie('expression'),
      )
      .map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc.tuple(tie('expression'), divisor).map(([a, d]) => `(${a} / ${d})`),
    fc.tuple(fc.constantFrom('not ', '!', '-'), tie('expression')).map(([op, a]) => `(${op}${a})`),
    fc
      .tuple(tie('expression'), tie('expression'), tie('expression'))
      .map(([a, b, c]) => `(${a} ? ${b} : ${c})`),
    fc
      .tuple(tie('expression'), fc.boolean(), fc.array(leaf, { minLength: 1, maxLength: 3 }))
      .map(([a, negated, items]) => `(${a} ${negated ? 'not in' : 'in'} [${items.join(', ')}])`),
    fc
      .tuple(
        tie('expression'),
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 0, max: 80 }),
        fc.constantFrom('[', '('),
        fc.constantFrom(']', ')'),
      )
      .map(([a, low, width, open, close]) => `(${a} in ${open}${low}..${low + width}${close})`),
    fc
      .tuple(
        fc.constantFrom('min', 'max', 'sum'),
        fc.array(tie('expression'), { minLength: 0, maxLength: 3 }),
      )
      .map(([name, items]) => `${name}([${items.join(', ')}])`),
    fc
      .tuple(fc.constantFrom('abs', 'floor', 'ceil', 'round', 'len'), tie('expression'))
      .map(([name, a]) => `${name}(${a})`),
    fc
      .tuple(tie('expression'), fc.integer({ min: 0, max: 3 }))
      .map(([a, places]) => `round(${a}, ${places})`),
  ),
}));

/** Flat chains without parentheses exercise precedence and associativity. */
const chain = fc
  .tuple(
    leaf,
    fc.array(
      fc.tuple(
        fc.constantFrom('+', '-', '*', '==', '!=', '<', '>=', 'and', 'or', '??', '/ 4 +', 'in [1, 2] =='),
        leaf,
      ),
      { minLength: 1, maxLength: 4 },
    ),
  )
  .map(([first, rest]) => [first, ...rest.flat()].join(' '));

const context = fc.record({
  x: fc.oneof(fc.integer({ min: -500, max: 500 }), decimal.map(Number)),
  y: fc.oneof(fc.integer({ min: -500, max: 500 }), decimal.map(Number), fc.constant(null)),
  w: fc.constantFrom(0, 1, 2.5, 600, 0.1, 0.2),
  s: fc.constantFrom('a', 'b', 'abc', ''),
  b: fc.boolean(),
  n: fc.constant(null),
  o: fc.record({ p: fc.integer({ min: -9, max: 9 }) }),
  list: fc.array(fc.integer({ min: -9, max: 9 }), { maxLength: 3 }),
});

function compare(source: string, input: ZenObject, mode: 'expression' | 'unary', dollar?: unknown) {
  const compiled = compileExpression(source, mode);
  const mine = ours(() => compiled(input, (dollar ?? null) as never));
  if (mine === undefined) return true;
  const zen =
    mode === 'unary'
      ? theirs(() => evaluateUnaryExpressionSync(source, { ...input, $: dollar ?? null }))
      : theirs(() => evaluateExpressionSync(source, input));
  expect({ source, input, dollar, result: mine }).toEqual({ source, input, dollar, result: zen });
  return true;
}

describe('ZEN expressions: compiled vs @gorules/zen-engine', () => {
  it('agrees on random parenthesised expressions', () => {
    fc.assert(
      fc.property(expression, context, (source, input) => compare(source, input as ZenObject, 'expression')),
      { numRuns: 3000 },
    );
  });

  it('agrees on operator chains without parentheses (precedence, associativity)', () => {
    fc.assert(
      fc.property(chain, context, (source, input) => compare(source, input as ZenObject, 'expression')),
      { numRuns: 2000 },
    );
  });

  it('agrees on decimal arithmetic where floats would not (0.1 + 0.2 == 0.3)', () => {
    for (const source of [
      '0.1 + 0.2',
      '0.1 + 0.2 == 0.3',
      'w * 3',
      'x / 8',
      '1.005 * 1000',
      'round(2.675, 2)',
      'round(-2.5)',
      '0.07 * 100',
    ]) {
      compare(source, { w: 0.1, x: 1.1 }, 'expression');
    }
    expect(compileExpression('0.1 + 0.2 == 0.3')({})).toBe(true);
  });
});

const unaryItem = fc.oneof(
  fc.tuple(fc.constantFrom('<', '<=', '>', '>=', '==', '!='), numberLiteral).map(([op, n]) => `${op} ${n}`),
  fc
    .tuple(
      fc.integer({ min: -50, max: 50 }),
      fc.integer({ min: 0, max: 80 }),
      fc.constantFrom('[', '('),
      fc.constantFrom(']', ')'),
    )
    .map(([low, width, open, close]) => `${open}${low}..${low + width}${close}`),
  numberLiteral,
  fc.constantFrom('"a"', '"b"', 'true', 'false', 'null', 'x', '$ > x', 'not in [1, 2]', 'in ["a", 3]'),
  fc
    .tuple(
      fc.constantFrom('<', '>', '>='),
      numberLiteral,
      fc.constantFrom('and', 'or'),
      fc.constantFrom('<', '<=', '!='),
      numberLiteral,
    )
    .map(([op1, a, join, op2, b]) => `${op1} ${a} ${join} ${op2} ${b}`),
);
const unaryCell = fc.array(unaryItem, { minLength: 1, maxLength: 3 }).map((items) => items.join(', '));
const cellValue = fc.oneof(
  fc.integer({ min: -60, max: 140 }),
  decimal.map(Number),
  fc.constantFrom('a', 'b', 'c', true, false, null),
);

describe('ZEN unary tests (decision-table cells): compiled vs @gorules/zen-engine', () => {
  it('agrees on random cells and values', () => {
    fc.assert(
      fc.property(unaryCell, cellValue, fc.integer({ min: -10, max: 10 }), (source, value, x) =>
        compare(source, { x }, 'unary', value),
      ),
      { numRuns: 3000 },
    );
  });
});
