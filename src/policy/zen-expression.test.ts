import { describe, expect, it } from 'vitest';
import { ExpressionSyntaxError, parseExpression, parseUnaryTest, reciprocalText } from './zen-expression.ts';

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ExpressionSyntaxError) return error.message;
    throw error;
  }
  return 'accepted';
}

describe('parsing ZEN expressions', () => {
  it('builds the AST with ZEN precedence: ?? binds tighter than *, and tighter than or', () => {
    expect(parseExpression('x ?? 2 * 3')).toEqual({
      kind: 'binary',
      op: '*',
      left: {
        kind: 'binary',
        op: '??',
        left: { kind: 'path', path: ['x'] },
        right: { kind: 'number', text: '2', value: 2 },
      },
      right: { kind: 'number', text: '3', value: 3 },
    });
    expect(parseExpression('a or b and c').kind).toBe('or');
  });

  it('folds negative literals so thresholds stay literals', () => {
    expect(parseExpression('-600')).toEqual({ kind: 'number', text: '-600', value: -600 });
  });

  it('refuses what is outside the subset, saying why', () => {
    expect(refusal(() => parseExpression('x % 2'))).toMatch(/character "%"/);
    expect(refusal(() => parseExpression('x ^ 2'))).toMatch(/character "\^"/);
    expect(refusal(() => parseExpression('x / 3'))).toMatch(/finite decimal/);
    expect(refusal(() => parseExpression('1e3'))).toMatch(/outside the subset/);
    expect(refusal(() => parseExpression('"a\\"b"'))).toMatch(/escapes/);
    expect(refusal(() => parseExpression('constructor.name'))).toMatch(/not allowed as a field name/);
    expect(refusal(() => parseExpression('date("2026-01-01")'))).toMatch(
      /function date\(\) is outside the subset/,
    );
    expect(refusal(() => parseExpression('list[0]'))).toMatch(/indexing/);
    expect(refusal(() => parseExpression('0.30000000000000000001'))).toMatch(/more precision than a double/);
    expect(refusal(() => parseExpression('min(1, 2, 3)'))).toMatch(/takes 1 argument/);
  });
});

describe('parsing unary cells of decision tables', () => {
  it('compares $ implicitly and turns bare values into equality', () => {
    expect(parseUnaryTest('>= 600')).toEqual({
      kind: 'binary',
      op: '>=',
      left: { kind: 'dollar', path: [] },
      right: { kind: 'number', text: '600', value: 600 },
    });
    expect(parseUnaryTest('"a"')).toEqual({
      kind: 'binary',
      op: '==',
      left: { kind: 'dollar', path: [] },
      right: { kind: 'string', value: 'a' },
    });
  });

  it('reads intervals with open and closed ends', () => {
    expect(parseUnaryTest('[600..700)')).toMatchObject({
      kind: 'in',
      set: {
        kind: 'interval',
        lowClosed: true,
        highClosed: false,
        low: { value: 600 },
        high: { value: 700 },
      },
    });
  });

  it('gives the comma, and and or one precedence, left to right, as zen-engine does', () => {
    // (> 1, < 0) and > 5
    expect(parseUnaryTest('> 1, < 0 and > 5')).toMatchObject({ kind: 'and', left: { kind: 'or' } });
    // (> 0 or < 0) and < 5
    expect(parseUnaryTest('> 0 or < 0 and < 5')).toMatchObject({ kind: 'and', left: { kind: 'or' } });
  });

  it('refuses "-" style and malformed cells', () => {
    expect(refusal(() => parseUnaryTest('$'))).toMatch(/bare "\$"/);
    expect(refusal(() => parseUnaryTest('(> 1)'))).toMatch(/unexpected ">"/);
    expect(refusal(() => parseUnaryTest('[700..600]'))).toMatch(/empty interval/);
    expect(refusal(() => parseUnaryTest('> 1 and 5'))).toMatch(/both sides of "and"\/"or" must be tests/);
  });
});

describe('reciprocals of literal divisors', () => {
  it('are exact finite decimals or undefined', () => {
    expect(reciprocalText('4')).toBe('0.25');
    expect(reciprocalText('0.5')).toBe('2');
    expect(reciprocalText('10000')).toBe('0.0001');
    expect(reciprocalText('-8')).toBe('-0.125');
    expect(reciprocalText('3')).toBeUndefined();
    expect(reciprocalText('0')).toBeUndefined();
  });
});
