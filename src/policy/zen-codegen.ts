import { reciprocalText, type Expr } from './zen-expression.ts';

/**
 * Turns a parsed expression into JavaScript source over the run-time helpers of `zen-runtime.ts`. Only
 * ASTs from `zen-expression.ts` come here, and only literals the lexer accepted are written into the source
 * (numbers as their checked text, strings through JSON.stringify), so no policy text reaches
 * `new Function` unparsed.
 *
 * Names in scope of the generated code: `I` (the node input), `D` (what `$` means where the code runs),
 * the helpers destructured from the runtime, and temporaries `t0…` that the caller declares
 * (`temporaries()`).
 */
export class CodeWriter {
  private temps = 0;
  /** The variable `$` stands for in the code being written (a column value, or an output object). */
  dollar = 'D';
  /** Whether `$` is always a plain object where the code runs (an expression node's output so far). */
  dollarIsObject = false;

  /** `let t0, t1;` for the temporaries used so far (empty when none). */
  temporaries(): string {
    if (this.temps === 0) return '';
    return `let ${Array.from({ length: this.temps }, (_, i) => `t${i}`).join(', ')};`;
  }

  /** A fresh temporary (declared by `temporaries()`). */
  temp(): string {
    const name = `t${this.temps}`;
    this.temps += 1;
    return name;
  }

  /** Source of an expression whose value is an `RtValue`. */
  expression(expr: Expr): string {
    switch (expr.kind) {
      case 'number':
        return `(${String(expr.value)})`;
      case 'string':
        return JSON.stringify(expr.value);
      case 'boolean':
        return expr.value ? 'true' : 'false';
      case 'null':
        return 'null';
      case 'array':
        return `arr([${expr.items.map((item) => this.expression(item)).join(', ')}])`;
      case 'path':
        return readPathSource('I', expr.path, true, expr.path.length > 1 ? this.temp() : undefined);
      case 'dollar':
        return expr.path.length === 0
          ? this.dollar
          : readPathSource(this.dollar, expr.path, this.dollarIsObject, this.temp());
      case 'unary': {
        const operand = this.expression(expr.operand);
        if (expr.op === '-') return `neg(${operand})`;
        const t = this.temp();
        return `((${t} = ${operand}) === true ? false : ${t} === false ? true : ERR)`;
      }
      case 'binary':
        return this.binary(expr.op, expr.left, expr.right);
      case 'and': {
        const t = this.temp();
        return `((${t} = ${this.expression(expr.left)}) === true ? ${this.expression(expr.right)} : ${t} === false ? false : ERR)`;
      }
      case 'or': {
        const t = this.temp();
        return `((${t} = ${this.expression(expr.left)}) === true ? true : ${t} === false ? ${this.expression(expr.right)} : ERR)`;
      }
      case 'ternary': {
        const t = this.temp();
        return `((${t} = ${this.expression(expr.test)}) === true ? ${this.expression(expr.then)} : ${t} === false ? ${this.expression(expr.otherwise)} : ERR)`;
      }
      case 'in': {
        const membership =
          expr.set.kind === 'interval'
            ? this.interval(this.expression(expr.value), expr.set)
            : expr.set.kind === 'array'
              ? `inList(${this.expression(expr.value)}, [${expr.set.items.map((item) => this.expression(item)).join(', ')}])`
              : 'ERR';
        if (!expr.negated) return membership;
        const t = this.temp();
        return `((${t} = ${membership}) === ERR ? ERR : !${t})`;
      }
      case 'interval':
        return 'ERR';
      case 'call': {
        const args = expr.args.map((arg) => this.expression(arg));
        const helper = {
          min: 'fnMin',
          max: 'fnMax',
          sum: 'fnSum',
          abs: 'fnAbs',
          round: 'fnRound',
          floor: 'fnFloor',
          ceil: 'fnCeil',
          len: 'fnLen',
        }[expr.name];
        return `${helper}(${args.join(', ')})`;
      }
    }
  }

  private interval(value: string, set: Extract<Expr, { kind: 'interval' }>): string {
    const low = set.low.kind === 'number' ? String(set.low.value) : 'NaN';
    const high = set.high.kind === 'number' ? String(set.high.value) : 'NaN';
    return `inInterval(${value}, ${low}, ${high}, ${set.lowClosed}, ${set.highClosed})`;
  }

  private binary(op: string, left: Expr, right: Expr): string {
    const a = this.expression(left);
    if (op === '??') {
      const t = this.temp();
      return `((${t} = ${a}) === null ? ${this.expression(right)} : ${t})`;
    }
    if (op === '/') {
      // The parser admits only literal divisors with a finite reciprocal, so x / d is exactly x × (1/d).
      const reciprocal = right.kind === 'number' ? reciprocalText(right.text) : undefined;
      return reciprocal === undefined ? 'ERR' : `mul(${a}, ${String(Number(reciprocal))})`;
    }
    const b = this.expression(right);
    const helper = {
      '+': 'add',
      '-': 'sub',
      '*': 'mul',
      '==': 'eq',
      '!=': 'ne',
      '<': 'lt',
      '<=': 'le',
      '>': 'gt',
      '>=': 'ge',
    }[op];
    return `${helper ?? 'errorOp'}(${a}, ${b})`;
  }
}

/**
 * Source reading a constant field path from `base`, as `readPath(base, path)` does (a missing key, or a
 * step through something that is not a plain object, gives null), without allocating the path array on
 * every call. `baseIsObject`: the base is always a plain object (the node input `I`). With a temporary the
 * read is written out inline; without one, it calls the runtime's helpers.
 */
export function readPathSource(
  base: string,
  path: readonly string[],
  baseIsObject: boolean,
  temp?: string,
): string {
  const keys = path.map((key) => JSON.stringify(key));
  const last = keys[keys.length - 1] as string;
  if (keys.length === 1 && baseIsObject) return `(${base}[${last}] ?? null)`;
  if (temp === undefined) {
    if (keys.length === 1) return `readPath1(${base}, ${last})`;
    if (keys.length === 2) return `readPath2(${base}, ${keys[0]}, ${last})`;
    return `readPath(${base}, ${JSON.stringify(path)})`;
  }
  // Each step must land on a plain object (undefined and null fail `typeof … === 'object'`, as they make
  // readPath give null); the last key is then read, a missing one as null.
  const plainObject = `typeof ${temp} === 'object' && ${temp} !== null && !Array.isArray(${temp})`;
  const steps: string[] = [];
  let current = base;
  if (!baseIsObject) {
    steps.push(`((${temp} = ${base}), ${plainObject})`);
    current = temp;
  }
  for (const key of keys.slice(0, -1)) {
    steps.push(`((${temp} = ${current}[${key}]), ${plainObject})`);
    current = temp;
  }
  return `(${steps.join(' && ')} ? (${current}[${last}] ?? null) : null)`;
}

/** The helper names the generated code destructures from the runtime object. */
export const RUNTIME_NAMES = [
  'ERR',
  'add',
  'sub',
  'mul',
  'neg',
  'lt',
  'le',
  'gt',
  'ge',
  'eq',
  'ne',
  'inList',
  'inInterval',
  'fnMin',
  'fnMax',
  'fnSum',
  'fnAbs',
  'fnRound',
  'fnFloor',
  'fnCeil',
  'fnLen',
  'readPath',
  'readPath1',
  'readPath2',
  'setPath',
  'mergeOver',
  'arr',
  'errorOp',
] as const;
