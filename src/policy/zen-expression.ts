/**
 * A tokenizer and recursive-descent parser for the subset of the ZEN expression language that Credence
 * compiles. Every policy cell and expression passes through here; the compiler only ever emits code for an
 * AST this parser built, so no text from a policy file reaches `new Function` unparsed.
 *
 * The subset (and the precedence, which mirrors `@gorules/zen-engine` 0.52, checked by the differential
 * test) from loosest to tightest:
 *
 *   ternary `c ? a : b` (right-assoc) · `or` · `and` · comparisons `== != < <= > >=` and `in`, `not in`
 *   (one level, left-assoc) · `+ -` · `* /` · `??` · prefix `-`, `not`, `!` · member `a.b`, calls `f(x)`
 *
 * Literals: decimal numbers (`600`, `0.25`), strings in double or single quotes without escapes, `true`,
 * `false`, `null`, arrays `[a, b]`, and intervals `[a..b]`, `(a..b]`, `[a..b)`, `(a..b)` with number bounds.
 * Refused: `%`, `^`, `..` outside intervals, indexing `a[0]`, closures, template strings, exponents and
 * `_` in numbers, escapes in strings, and identifiers that shadow `Object.prototype` members.
 */

export type BinaryOperator = '+' | '-' | '*' | '/' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '??';

export type Expr =
  | { readonly kind: 'number'; readonly text: string; readonly value: number }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'null' }
  | { readonly kind: 'array'; readonly items: readonly Expr[] }
  /** A reference to a field of the node input, `a.b.c` → path `['a','b','c']`. */
  | { readonly kind: 'path'; readonly path: readonly string[] }
  /** `$` (the column value in a unary cell) or `$.a.b` (the output so far in an expression node). */
  | { readonly kind: 'dollar'; readonly path: readonly string[] }
  | { readonly kind: 'unary'; readonly op: '-' | 'not'; readonly operand: Expr }
  | { readonly kind: 'binary'; readonly op: BinaryOperator; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'and' | 'or'; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'ternary'; readonly test: Expr; readonly then: Expr; readonly otherwise: Expr }
  | { readonly kind: 'in'; readonly negated: boolean; readonly value: Expr; readonly set: Expr }
  | {
      readonly kind: 'interval';
      readonly low: Expr;
      readonly high: Expr;
      readonly lowClosed: boolean;
      readonly highClosed: boolean;
    }
  | { readonly kind: 'call'; readonly name: ZenFunction; readonly args: readonly Expr[] };

/** Built-in functions of the subset, with their arity. */
export const ZEN_FUNCTIONS = {
  min: [1, 1],
  max: [1, 1],
  sum: [1, 1],
  abs: [1, 1],
  round: [1, 2],
  floor: [1, 1],
  ceil: [1, 1],
  len: [1, 1],
} as const satisfies Record<string, readonly [number, number]>;

export type ZenFunction = keyof typeof ZEN_FUNCTIONS;

/** A refusal: the text is outside the subset or malformed. `position` is a 0-based character offset. */
export class ExpressionSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = 'ExpressionSyntaxError';
  }
}

type TokenKind = 'number' | 'string' | 'ident' | 'op' | 'eof';

interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly position: number;
}

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'true', 'false', 'null']);

/** Names that would reach `Object.prototype` through a plain property read; refused as field names. */
const RESERVED_NAMES = new Set(
  Object.getOwnPropertyNames(Object.prototype).concat(['__proto__', 'prototype', 'constructor']),
);

/** Multi-character operators first, so `<=` is not read as `<` then `=`. */
const OPERATORS = ['..', '==', '!=', '<=', '>=', '??', '<', '>', '+', '-', '*', '/', '(', ')', '[', ']', ','];
const SINGLE_OPERATORS = new Set(['.', '?', ':', '!']);

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i] ?? '';
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      i += 1;
      continue;
    }
    if (char >= '0' && char <= '9') {
      const match = /^\d+(?:\.\d+)?/.exec(source.slice(i));
      const text = match?.[0] ?? char;
      const next = source[i + text.length] ?? '';
      if (/[A-Za-z_]/.test(next) || (next === '.' && source[i + text.length + 1] !== '.')) {
        throw new ExpressionSyntaxError(
          `number "${text}${next}…" is outside the subset (write plain decimals such as 0.25)`,
          i,
        );
      }
      tokens.push({ kind: 'number', text, position: i });
      i += text.length;
      continue;
    }
    if (char === '"' || char === "'") {
      const end = source.indexOf(char, i + 1);
      if (end < 0) throw new ExpressionSyntaxError('unterminated string', i);
      const text = source.slice(i + 1, end);
      if (text.includes('\\'))
        throw new ExpressionSyntaxError('escapes in strings are outside the subset', i);
      tokens.push({ kind: 'string', text, position: i });
      i = end + 1;
      continue;
    }
    if (/[A-Za-z_$]/.test(char)) {
      const match = /^[A-Za-z_$][A-Za-z0-9_]*/.exec(source.slice(i));
      const text = match?.[0] ?? char;
      if (text.includes('$') && text !== '$')
        throw new ExpressionSyntaxError(`identifier "${text}" is outside the subset`, i);
      tokens.push({ kind: 'ident', text, position: i });
      i += text.length;
      continue;
    }
    const op = OPERATORS.find((candidate) => source.startsWith(candidate, i));
    if (op) {
      tokens.push({ kind: 'op', text: op, position: i });
      i += op.length;
      continue;
    }
    if (SINGLE_OPERATORS.has(char)) {
      tokens.push({ kind: 'op', text: char, position: i });
      i += 1;
      continue;
    }
    throw new ExpressionSyntaxError(`character "${char}" is outside the subset`, i);
  }
  tokens.push({ kind: 'eof', text: '', position: source.length });
  return tokens;
}

const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);

class Parser {
  private index = 0;
  /** Nesting inside (), [] and calls; unary-cell rules (implicit `$`, comma lists) apply at depth 0 only. */
  private depth = 0;

  constructor(
    private readonly tokens: readonly Token[],
    /** In a unary cell a comparison may start without a left side: `>= 600` means `$ >= 600`. */
    private readonly unary: boolean,
  ) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const token = this.peek();
    this.index += 1;
    return token;
  }

  private isOp(text: string): boolean {
    const token = this.peek();
    return token.kind === 'op' && token.text === text;
  }

  private isKeyword(text: string): boolean {
    const token = this.peek();
    return token.kind === 'ident' && token.text === text;
  }

  private expectOp(text: string): void {
    const token = this.next();
    if (token.kind !== 'op' || token.text !== text) {
      throw new ExpressionSyntaxError(
        `expected "${text}" but found "${token.text || 'end'}"`,
        token.position,
      );
    }
  }

  atEnd(): boolean {
    return this.peek().kind === 'eof';
  }

  expectEnd(): void {
    const token = this.peek();
    if (token.kind !== 'eof') throw new ExpressionSyntaxError(`unexpected "${token.text}"`, token.position);
  }

  /** Parses one unary-cell item or a full expression. */
  expression(): Expr {
    return this.ternary();
  }

  private ternary(): Expr {
    const test = this.or();
    if (!this.isOp('?')) return test;
    if (this.unary && this.depth === 0) {
      throw new ExpressionSyntaxError('a conditional is not a table-cell test', this.peek().position);
    }
    this.next();
    const then = this.ternary();
    this.expectOp(':');
    const otherwise = this.ternary();
    return { kind: 'ternary', test, then, otherwise };
  }

  private or(): Expr {
    if (this.unary && this.depth === 0) return this.cellAnd();
    let left = this.and();
    while (this.isKeyword('or')) {
      this.next();
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): Expr {
    let left = this.comparison();
    while (this.isKeyword('and')) {
      this.next();
      left = { kind: 'and', left, right: this.comparison() };
    }
    return left;
  }

  /**
   * At the top of a unary cell, items separated by commas are alternatives, and zen-engine parses `,`,
   * `and` and `or` there at one precedence, left-associative: `> 1, < 0 and > 5` is `(> 1, < 0) and > 5`,
   * and `> 0 or < 0 and < 5` is `(> 0 or < 0) and < 5` (unlike in expressions, where `and` binds tighter).
   * Each comma item becomes a test of `$`: a comparison or `$` expression as written, an interval as
   * `$ in interval`, any other value `v` as `$ == v`. Operands of `and` must already be tests.
   */
  private cellAnd(): Expr {
    let left = this.comparison();
    let raw = true;
    for (;;) {
      const token = this.peek();
      if (token.kind === 'ident' && (token.text === 'and' || token.text === 'or')) {
        this.next();
        const right = this.comparison();
        left = {
          kind: token.text,
          left: raw ? this.strictTest(left, token.position) : left,
          right: this.strictTest(right, token.position),
        };
      } else if (token.kind === 'op' && token.text === ',') {
        this.next();
        const right = this.comparison();
        left = { kind: 'or', left: raw ? this.cellItem(left) : left, right: this.cellItem(right) };
      } else {
        return raw ? this.cellItem(left) : left;
      }
      raw = false;
    }
  }

  private strictTest(item: Expr, position: number): Expr {
    if (!someNode(item, (node) => node.kind === 'dollar')) {
      throw new ExpressionSyntaxError(
        'in a table cell, both sides of "and"/"or" must be tests such as "> 5"',
        position,
      );
    }
    return item;
  }

  private cellItem(item: Expr): Expr {
    if (someNode(item, (node) => node.kind === 'dollar')) return item;
    const dollar: Expr = { kind: 'dollar', path: [] };
    if (item.kind === 'interval') return { kind: 'in', negated: false, value: dollar, set: item };
    return { kind: 'binary', op: '==', left: dollar, right: item };
  }

  private startsImplicitComparison(): boolean {
    const token = this.peek();
    if (token.kind === 'op' && COMPARISONS.has(token.text)) return true;
    if (token.kind === 'ident' && token.text === 'in') return true;
    return (
      token.kind === 'ident' &&
      token.text === 'not' &&
      this.peek(1).kind === 'ident' &&
      this.peek(1).text === 'in'
    );
  }

  private comparison(): Expr {
    let left: Expr;
    if (this.unary && this.depth === 0 && this.startsImplicitComparison()) {
      left = { kind: 'dollar', path: [] };
    } else {
      left = this.additive();
    }
    for (;;) {
      const token = this.peek();
      if (token.kind === 'op' && COMPARISONS.has(token.text)) {
        this.next();
        left = { kind: 'binary', op: token.text as BinaryOperator, left, right: this.additive() };
      } else if (token.kind === 'ident' && token.text === 'in') {
        this.next();
        left = { kind: 'in', negated: false, value: left, set: this.additive() };
      } else if (
        token.kind === 'ident' &&
        token.text === 'not' &&
        this.peek(1).kind === 'ident' &&
        this.peek(1).text === 'in'
      ) {
        this.next();
        this.next();
        left = { kind: 'in', negated: true, value: left, set: this.additive() };
      } else {
        return left;
      }
    }
  }

  private additive(): Expr {
    let left = this.multiplicative();
    for (;;) {
      const token = this.peek();
      if (token.kind === 'op' && (token.text === '+' || token.text === '-')) {
        this.next();
        left = { kind: 'binary', op: token.text, left, right: this.multiplicative() };
      } else {
        return left;
      }
    }
  }

  private multiplicative(): Expr {
    let left = this.coalesce();
    for (;;) {
      const token = this.peek();
      if (token.kind === 'op' && (token.text === '*' || token.text === '/')) {
        this.next();
        left = { kind: 'binary', op: token.text, left, right: this.coalesce() };
      } else {
        return left;
      }
    }
  }

  private coalesce(): Expr {
    let left = this.prefix();
    while (this.isOp('??')) {
      this.next();
      left = { kind: 'binary', op: '??', left, right: this.prefix() };
    }
    return left;
  }

  private prefix(): Expr {
    const token = this.peek();
    if (token.kind === 'op' && token.text === '-') {
      this.next();
      const operand = this.prefix();
      // Fold `-600` into a literal so thresholds stay literals for the static checks and recourse.
      if (operand.kind === 'number' && !operand.text.startsWith('-')) {
        return { kind: 'number', text: `-${operand.text}`, value: -operand.value };
      }
      return { kind: 'unary', op: '-', operand };
    }
    if ((token.kind === 'op' && token.text === '!') || (token.kind === 'ident' && token.text === 'not')) {
      this.next();
      return { kind: 'unary', op: 'not', operand: this.prefix() };
    }
    return this.postfix();
  }

  private postfix(): Expr {
    const token = this.peek();
    if (token.kind === 'ident' && !KEYWORDS.has(token.text) && token.text !== '$') {
      this.next();
      if (this.isOp('(')) return this.call(token);
      return { kind: 'path', path: [checkName(token.text, token.position), ...this.members()] };
    }
    if (token.kind === 'ident' && token.text === '$') {
      this.next();
      return { kind: 'dollar', path: this.members() };
    }
    const primary = this.primary();
    if (this.isOp('.') || this.isOp('[')) {
      throw new ExpressionSyntaxError(
        'member access on a literal is outside the subset',
        this.peek().position,
      );
    }
    return primary;
  }

  private members(): string[] {
    const path: string[] = [];
    while (this.isOp('.')) {
      this.next();
      const name = this.next();
      if (name.kind !== 'ident' || KEYWORDS.has(name.text) || name.text === '$') {
        throw new ExpressionSyntaxError('expected a field name after "."', name.position);
      }
      path.push(checkName(name.text, name.position));
    }
    if (this.isOp('[')) {
      throw new ExpressionSyntaxError('indexing with [] is outside the subset', this.peek().position);
    }
    return path;
  }

  private call(nameToken: Token): Expr {
    const name = nameToken.text;
    if (!Object.hasOwn(ZEN_FUNCTIONS, name)) {
      throw new ExpressionSyntaxError(`function ${name}() is outside the subset`, nameToken.position);
    }
    this.expectOp('(');
    this.depth += 1;
    const args: Expr[] = [];
    if (!this.isOp(')')) {
      args.push(this.expression());
      while (this.isOp(',')) {
        this.next();
        args.push(this.expression());
      }
    }
    this.expectOp(')');
    this.depth -= 1;
    const [minArgs, maxArgs] = ZEN_FUNCTIONS[name as ZenFunction];
    if (args.length < minArgs || args.length > maxArgs) {
      throw new ExpressionSyntaxError(
        `${name}() takes ${minArgs === maxArgs ? minArgs : `${minArgs}–${maxArgs}`} argument(s)`,
        nameToken.position,
      );
    }
    return { kind: 'call', name: name as ZenFunction, args };
  }

  private primary(): Expr {
    const token = this.next();
    switch (token.kind) {
      case 'number':
        return { kind: 'number', text: token.text, value: Number(token.text) };
      case 'string':
        return { kind: 'string', value: token.text };
      case 'ident':
        if (token.text === 'true' || token.text === 'false')
          return { kind: 'boolean', value: token.text === 'true' };
        if (token.text === 'null') return { kind: 'null' };
        throw new ExpressionSyntaxError(`unexpected keyword "${token.text}"`, token.position);
      case 'op':
        if (token.text === '(') {
          if (this.peek().kind === 'op' && COMPARISONS.has(this.peek().text)) {
            // `(> 1)`: an implicit comparison inside parentheses is not ZEN either.
            throw new ExpressionSyntaxError(`unexpected "${this.peek().text}"`, this.peek().position);
          }
          this.depth += 1;
          const inner = this.expression();
          if (this.isOp('..')) return this.intervalRest(false, inner, token.position);
          this.expectOp(')');
          this.depth -= 1;
          return inner;
        }
        if (token.text === '[') return this.bracket(token.position);
        throw new ExpressionSyntaxError(`unexpected "${token.text}"`, token.position);
      default:
        throw new ExpressionSyntaxError('unexpected end of expression', token.position);
    }
  }

  /** After `[`: an array literal or the interval `[a..b]` / `[a..b)`. */
  private bracket(position: number): Expr {
    this.depth += 1;
    const result = this.bracketContent(position);
    this.depth -= 1;
    return result;
  }

  private bracketContent(position: number): Expr {
    if (this.isOp(']')) {
      this.next();
      return { kind: 'array', items: [] };
    }
    const first = this.expression();
    if (this.isOp('..')) return this.intervalRest(true, first, position);
    const items = [first];
    while (this.isOp(',')) {
      this.next();
      items.push(this.expression());
    }
    this.expectOp(']');
    return { kind: 'array', items };
  }

  private intervalRest(lowClosed: boolean, low: Expr, position: number): Expr {
    this.expectOp('..');
    const high = this.expression();
    if (!lowClosed) this.depth -= 1; // the "(" of "(a..b]" was counted as a parenthesis
    const close = this.next();
    if (close.kind !== 'op' || (close.text !== ']' && close.text !== ')')) {
      throw new ExpressionSyntaxError('an interval ends with "]" or ")"', close.position);
    }
    if (low.kind !== 'number' || high.kind !== 'number') {
      throw new ExpressionSyntaxError('interval bounds must be number literals', position);
    }
    return { kind: 'interval', low, high, lowClosed, highClosed: close.text === ']' };
  }
}

function checkName(name: string, position: number): string {
  if (RESERVED_NAMES.has(name))
    throw new ExpressionSyntaxError(`"${name}" is not allowed as a field name`, position);
  return name;
}

/** Parses a full expression (expression-node value, output cell, expression-mode input cell, switch condition). */
export function parseExpression(source: string): Expr {
  const parser = new Parser(tokenize(source), false);
  if (parser.atEnd()) throw new ExpressionSyntaxError('empty expression', 0);
  const expr = parser.expression();
  parser.expectEnd();
  checkSubset(expr, false);
  return expr;
}

/**
 * Parses a unary cell of a decision-table input column into one boolean test of `$`: items separated by
 * commas are alternatives; an item starting with a comparison compares `$`; an item that mentions `$` is
 * a test itself; an interval means `$ in interval`; any other item `v` means `$ == v`.
 */
export function parseUnaryTest(source: string): Expr {
  const parser = new Parser(tokenize(source), true);
  if (parser.atEnd()) throw new ExpressionSyntaxError('empty test', 0);
  const expr = parser.expression();
  parser.expectEnd();
  if (expr.kind === 'dollar' && expr.path.length === 0) {
    throw new ExpressionSyntaxError('a bare "$" is not a test; write "$ == value"', 0);
  }
  checkSubset(expr, true);
  return expr;
}

/** True when `test` holds for the expression or any sub-expression. */
export function someNode(expr: Expr, test: (node: Expr) => boolean): boolean {
  if (test(expr)) return true;
  return children(expr).some((child) => someNode(child, test));
}

export function children(expr: Expr): readonly Expr[] {
  switch (expr.kind) {
    case 'array':
      return expr.items;
    case 'unary':
      return [expr.operand];
    case 'binary':
    case 'and':
    case 'or':
      return [expr.left, expr.right];
    case 'ternary':
      return [expr.test, expr.then, expr.otherwise];
    case 'in':
      return [expr.value, expr.set];
    case 'interval':
      return [expr.low, expr.high];
    case 'call':
      return expr.args;
    default:
      return [];
  }
}

/** Structural rules of the subset that the grammar alone does not enforce. */
function checkSubset(expr: Expr, unary: boolean): void {
  someNode(expr, (node) => {
    if (node.kind === 'number') checkNumberLiteral(node.text);
    if (node.kind === 'interval' && node.low.kind === 'number' && node.high.kind === 'number') {
      if (node.low.value > node.high.value)
        throw new ExpressionSyntaxError(`empty interval: ${node.low.text} > ${node.high.text}`, 0);
    }
    if (node.kind === 'dollar' && unary && node.path.length > 0) {
      throw new ExpressionSyntaxError(
        '"$" in a table cell is the column value; "$.field" is outside the subset',
        0,
      );
    }
    if (node.kind === 'in' && node.set.kind !== 'array' && node.set.kind !== 'interval') {
      throw new ExpressionSyntaxError('"in" takes a list [a, b] or an interval [a..b]', 0);
    }
    if (node.kind === 'interval' && !isInSet(expr, node)) {
      throw new ExpressionSyntaxError('an interval is only allowed after "in" or as a table cell', 0);
    }
    if (node.kind === 'binary' && node.op === '/') {
      if (node.right.kind !== 'number' || reciprocalText(node.right.text) === undefined) {
        throw new ExpressionSyntaxError(
          'division only by a number literal whose reciprocal is a finite decimal (2, 4, 5, 10, 100, 0.5 …), so results stay exact',
          0,
        );
      }
    }
    return false;
  });
}

function isInSet(root: Expr, interval: Expr): boolean {
  return someNode(root, (node) => node.kind === 'in' && node.set === interval);
}

/** ZEN numbers are decimals; ours are doubles read as their shortest decimal, so literals must round-trip. */
function checkNumberLiteral(text: string): void {
  const value = Number(text);
  if (!Number.isFinite(value) || !sameDecimal(String(value), text)) {
    throw new ExpressionSyntaxError(
      `number ${text} has more precision than a double keeps (15 significant digits)`,
      0,
    );
  }
  if (Math.abs(value) > Number.MAX_SAFE_INTEGER) {
    throw new ExpressionSyntaxError(`number ${text} is larger than 2^53`, 0);
  }
}

function normalizeDecimal(text: string): string {
  let body = text.startsWith('-') ? text.slice(1) : text;
  const sign = text.startsWith('-') ? '-' : '';
  if (body.includes('e')) return text; // exponent forms only come from String(); compared as numbers below
  if (body.includes('.')) body = body.replace(/0+$/, '').replace(/\.$/, '');
  body = body.replace(/^0+(?=\d)/, '');
  return body === '0' ? '0' : sign + body;
}

function sameDecimal(a: string, b: string): boolean {
  if (a.includes('e') || b.includes('e'))
    return Number(a) === Number(b) && !/\d{16,}/.test(b.replace(/[.-]/g, ''));
  return normalizeDecimal(a) === normalizeDecimal(b);
}

/**
 * The decimal text of 1/d when it is finite (d = ±2^a·5^b·10^k scaled), else undefined: `4` → `0.25`,
 * `0.5` → `2`, `3` → undefined.
 */
export function reciprocalText(text: string): string | undefined {
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const [whole = '', fraction = ''] = body.split('.');
  let numerator = BigInt(whole + fraction);
  if (numerator === 0n) return undefined;
  const denominatorScale = fraction.length;
  // 1/d = 10^scale / numerator; finite iff numerator = 2^a 5^b.
  let twos = 0;
  let fives = 0;
  while (numerator % 2n === 0n) {
    numerator /= 2n;
    twos += 1;
  }
  while (numerator % 5n === 0n) {
    numerator /= 5n;
    fives += 1;
  }
  if (numerator !== 1n) return undefined;
  const places = Math.max(twos, fives);
  // 1/(2^a 5^b) = 2^(places-a) 5^(places-b) / 10^places
  const digits = 2n ** BigInt(places - twos) * 5n ** BigInt(places - fives) * 10n ** BigInt(denominatorScale);
  const netPlaces = places;
  const raw = digits.toString().padStart(netPlaces + 1, '0');
  const intPart = raw.slice(0, raw.length - netPlaces) || '0';
  const fracPart = raw.slice(raw.length - netPlaces);
  const result = normalizeDecimal(fracPart ? `${intPart}.${fracPart}` : intPart);
  return negative ? `-${result}` : result;
}
