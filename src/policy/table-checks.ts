import type { DecisionTableNode, FieldDomain, PolicyGraph, PolicyIssue } from './jdm.ts';
import { children, type Expr } from './zen-expression.ts';

/**
 * Static checks of decision tables at load time, exact over the input domain the columns imply:
 *
 * - **unreachable rows** (error): a row no input can match (`[700..600]`, `> 5 and < 3`, a string test on
 *   a numeric field), or, under `first`, a row every input of which an earlier row already takes;
 * - **gaps** (warning, `first` tables): inputs for which no row matches, with examples;
 * - **overlaps** (warning, `first` tables): pairs of rows that match a common input, where row order decides.
 *
 * Each unary cell is turned into the set of values for which it is true *and* the set for which it is
 * false (ZEN tests can also fail with an error — `null > 5` — which matches nothing; tracking both sets
 * keeps `not` and `or` exact). The domain of a column is its field's type and bounds from the input node's
 * JSON schema when given, else the types its cells mention. Every column's axis is cut at every threshold
 * its cells use; one representative per elementary region (each threshold, one point between neighbours,
 * one beyond each end, one "other" string) decides membership for the whole region, so checking the
 * product of representatives is exhaustive. Tables with expression cells (no field) are checked only for
 * what can be checked and say so.
 */

interface Interval {
  readonly lo: number;
  readonly hi: number;
  readonly loClosed: boolean;
  readonly hiClosed: boolean;
}

/** A set of ZEN values: numbers as disjoint intervals, strings as a finite set or its complement. */
interface ValueSet {
  readonly numbers: readonly Interval[];
  readonly strings: { readonly complement: boolean; readonly values: ReadonlySet<string> };
  readonly booleans: ReadonlySet<boolean>;
  readonly nulls: boolean;
}

const EMPTY: ValueSet = {
  numbers: [],
  strings: { complement: false, values: new Set() },
  booleans: new Set(),
  nulls: false,
};

const ALL_NUMBERS: Interval = { lo: -Infinity, hi: Infinity, loClosed: false, hiClosed: false };
const ALL: ValueSet = {
  numbers: [ALL_NUMBERS],
  strings: { complement: true, values: new Set() },
  booleans: new Set([true, false]),
  nulls: true,
};

function numbersOnly(intervals: readonly Interval[]): ValueSet {
  return { ...EMPTY, numbers: intervals };
}

function contains(interval: Interval, x: number): boolean {
  return (
    (interval.loClosed ? x >= interval.lo : x > interval.lo) &&
    (interval.hiClosed ? x <= interval.hi : x < interval.hi)
  );
}

function numberComplement(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.lo - b.lo);
  const out: Interval[] = [];
  let lo = -Infinity;
  let loClosed = false;
  for (const interval of sorted) {
    if (interval.lo > lo || (interval.lo === lo && !interval.loClosed && loClosed)) {
      out.push({ lo, hi: interval.lo, loClosed, hiClosed: !interval.loClosed });
    }
    if (interval.hi > lo || (interval.hi === lo && interval.hiClosed)) {
      lo = interval.hi;
      loClosed = !interval.hiClosed;
    }
  }
  if (lo < Infinity) out.push({ lo, hi: Infinity, loClosed, hiClosed: false });
  return out.filter(
    (interval) =>
      interval.lo < interval.hi || (interval.lo === interval.hi && interval.loClosed && interval.hiClosed),
  );
}

function numberIntersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const x of a) {
    for (const y of b) {
      const lo = Math.max(x.lo, y.lo);
      const hi = Math.min(x.hi, y.hi);
      const loClosed = (x.lo === lo ? x.loClosed : true) && (y.lo === lo ? y.loClosed : true);
      const hiClosed = (x.hi === hi ? x.hiClosed : true) && (y.hi === hi ? y.hiClosed : true);
      if (lo < hi || (lo === hi && loClosed && hiClosed)) out.push({ lo, hi, loClosed, hiClosed });
    }
  }
  return out;
}

function union(a: ValueSet, b: ValueSet): ValueSet {
  return complement(intersect(complement(a), complement(b)));
}

function intersect(a: ValueSet, b: ValueSet): ValueSet {
  let strings: ValueSet['strings'];
  if (!a.strings.complement && !b.strings.complement) {
    strings = {
      complement: false,
      values: new Set([...a.strings.values].filter((v) => b.strings.values.has(v))),
    };
  } else if (a.strings.complement && b.strings.complement) {
    strings = { complement: true, values: new Set([...a.strings.values, ...b.strings.values]) };
  } else {
    const [finite, excluded] = a.strings.complement ? [b.strings, a.strings] : [a.strings, b.strings];
    strings = {
      complement: false,
      values: new Set([...finite.values].filter((v) => !excluded.values.has(v))),
    };
  }
  return {
    numbers: numberIntersect(a.numbers, b.numbers),
    strings,
    booleans: new Set([...a.booleans].filter((v) => b.booleans.has(v))),
    nulls: a.nulls && b.nulls,
  };
}

function complement(a: ValueSet): ValueSet {
  return {
    numbers: numberComplement(a.numbers),
    strings: { complement: !a.strings.complement, values: a.strings.values },
    booleans: new Set([true, false].filter((v) => !a.booleans.has(v))),
    nulls: !a.nulls,
  };
}

function minus(a: ValueSet, b: ValueSet): ValueSet {
  return intersect(a, complement(b));
}

function singleton(value: number | string | boolean | null): ValueSet {
  if (value === null) return { ...EMPTY, nulls: true };
  if (typeof value === 'number')
    return numbersOnly([{ lo: value, hi: value, loClosed: true, hiClosed: true }]);
  if (typeof value === 'string')
    return { ...EMPTY, strings: { complement: false, values: new Set([value]) } };
  return { ...EMPTY, booleans: new Set([value]) };
}

function has(set: ValueSet, value: Point): boolean {
  if (value === null) return set.nulls;
  if (typeof value === 'number') return set.numbers.some((interval) => contains(interval, value));
  if (typeof value === 'boolean') return set.booleans.has(value);
  return set.strings.complement ? !set.strings.values.has(value) : set.strings.values.has(value);
}

/** Where a test is true, and where it is false; everything else is an error (no match). */
interface Truth {
  readonly whenTrue: ValueSet;
  readonly whenFalse: ValueSet;
}

type Literal = number | string | boolean | null;

function literalOf(expr: Expr): Literal | undefined {
  switch (expr.kind) {
    case 'number':
    case 'string':
    case 'boolean':
      return expr.value;
    case 'null':
      return null;
    default:
      return undefined;
  }
}

const isDollar = (expr: Expr): boolean => expr.kind === 'dollar' && expr.path.length === 0;

/** The truth sets of a unary cell over `$`, or undefined when it refers to anything but `$` and literals. */
function truthOf(expr: Expr): Truth | undefined {
  switch (expr.kind) {
    case 'binary': {
      let op = expr.op as string;
      let literal: Literal | undefined;
      if (isDollar(expr.left)) literal = literalOf(expr.right);
      else if (isDollar(expr.right)) {
        literal = literalOf(expr.left);
        op = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' }[op] ?? op;
      }
      if (literal === undefined) return undefined;
      if (op === '==' || op === '!=') {
        const equal = singleton(literal);
        const truth = { whenTrue: equal, whenFalse: minus(ALL, equal) };
        return op === '==' ? truth : { whenTrue: truth.whenFalse, whenFalse: truth.whenTrue };
      }
      if (typeof literal !== 'number') return { whenTrue: EMPTY, whenFalse: EMPTY };
      const interval: Interval | undefined = {
        '<': { lo: -Infinity, hi: literal, loClosed: false, hiClosed: false },
        '<=': { lo: -Infinity, hi: literal, loClosed: false, hiClosed: true },
        '>': { lo: literal, hi: Infinity, loClosed: false, hiClosed: false },
        '>=': { lo: literal, hi: Infinity, loClosed: true, hiClosed: false },
      }[op];
      if (!interval) return undefined;
      return { whenTrue: numbersOnly([interval]), whenFalse: numbersOnly(numberComplement([interval])) };
    }
    case 'in': {
      if (!isDollar(expr.value)) return undefined;
      let truth: Truth;
      if (expr.set.kind === 'interval' && expr.set.low.kind === 'number' && expr.set.high.kind === 'number') {
        const interval = {
          lo: expr.set.low.value,
          hi: expr.set.high.value,
          loClosed: expr.set.lowClosed,
          hiClosed: expr.set.highClosed,
        };
        const inside = numberIntersect([interval], [ALL_NUMBERS]);
        truth = { whenTrue: numbersOnly(inside), whenFalse: numbersOnly(numberComplement(inside)) };
      } else if (expr.set.kind === 'array') {
        let members = EMPTY;
        for (const item of expr.set.items) {
          const literal = literalOf(item);
          if (literal === undefined) return undefined;
          members = union(members, singleton(literal));
        }
        truth = { whenTrue: members, whenFalse: minus(ALL, members) };
      } else {
        return undefined;
      }
      return expr.negated ? { whenTrue: truth.whenFalse, whenFalse: truth.whenTrue } : truth;
    }
    case 'unary': {
      if (expr.op !== 'not') return undefined;
      const inner = truthOf(expr.operand);
      return inner && { whenTrue: inner.whenFalse, whenFalse: inner.whenTrue };
    }
    case 'and': {
      const a = truthOf(expr.left);
      const b = truthOf(expr.right);
      if (!a || !b) return undefined;
      return {
        whenTrue: intersect(a.whenTrue, b.whenTrue),
        whenFalse: union(a.whenFalse, intersect(a.whenTrue, b.whenFalse)),
      };
    }
    case 'or': {
      const a = truthOf(expr.left);
      const b = truthOf(expr.right);
      if (!a || !b) return undefined;
      return {
        whenTrue: union(a.whenTrue, intersect(a.whenFalse, b.whenTrue)),
        whenFalse: intersect(a.whenFalse, b.whenFalse),
      };
    }
    default:
      return undefined;
  }
}

type Point = number | string | boolean | null;

interface AxisPoint {
  readonly value: Point;
  readonly label: string;
}

const OTHER_STRING = '\u0000any other text';

/** The kinds of literal a column's cells mention, which imply its domain when the schema is silent. */
interface LiteralKinds {
  numbers: boolean;
  strings: boolean;
  booleans: boolean;
  nulls: boolean;
}

function literalKinds(exprs: readonly (Expr | null | undefined)[]): LiteralKinds {
  const kinds: LiteralKinds = { numbers: false, strings: false, booleans: false, nulls: false };
  const visit = (expr: Expr): void => {
    switch (expr.kind) {
      case 'number':
      case 'interval':
        kinds.numbers = true;
        break;
      case 'string':
        kinds.strings = true;
        break;
      case 'boolean':
        kinds.booleans = true;
        break;
      case 'null':
        kinds.nulls = true;
        break;
      default:
        break;
    }
    for (const child of children(expr)) visit(child);
  };
  for (const expr of exprs) if (expr) visit(expr);
  return kinds;
}

/** Representative points of a column's axis: each threshold, one inside each gap, one beyond each end. */
function axisPoints(
  field: string,
  sets: readonly ValueSet[],
  domain: FieldDomain | undefined,
  kinds: LiteralKinds,
): AxisPoint[] {
  const points: AxisPoint[] = [];
  const usesNumbers = domain ? domain.type === 'number' || domain.type === 'integer' : kinds.numbers;
  const usesStrings = domain ? domain.type === 'string' : kinds.strings;
  const usesBooleans = domain ? domain.type === 'boolean' : kinds.booleans;
  const usesNull = kinds.nulls;
  if (usesNumbers) {
    const integer = domain?.type === 'integer';
    const min = domain?.minimum ?? -Infinity;
    const max = domain?.maximum ?? Infinity;
    const cuts = new Set<number>();
    for (const set of sets) {
      for (const interval of set.numbers) {
        if (Number.isFinite(interval.lo)) cuts.add(interval.lo);
        if (Number.isFinite(interval.hi)) cuts.add(interval.hi);
      }
    }
    if (Number.isFinite(min)) cuts.add(min);
    if (Number.isFinite(max)) cuts.add(max);
    const sorted = [...cuts].sort((a, b) => a - b);
    const inDomain = (x: number) => x >= min && x <= max && (!integer || Number.isInteger(x));
    const between = (lo: number, hi: number): number | undefined => {
      if (integer) {
        const candidate = Math.floor(lo) + 1;
        return candidate < hi ? candidate : undefined;
      }
      return (lo + hi) / 2;
    };
    const fmt = (x: number) => String(x);
    if (sorted.length === 0) {
      points.push({ value: integer ? 0 : 0.5, label: `${field} = any number` });
    } else {
      const first = sorted[0] as number;
      const last = sorted[sorted.length - 1] as number;
      const below = integer ? Math.ceil(first) - 1 : first - 1;
      if (inDomain(below)) points.push({ value: below, label: `${field} < ${fmt(first)}` });
      sorted.forEach((cut, index) => {
        if (inDomain(cut)) points.push({ value: cut, label: `${field} = ${fmt(cut)}` });
        const next = sorted[index + 1];
        if (next !== undefined) {
          const inside = between(cut, next);
          if (inside !== undefined && inDomain(inside)) {
            points.push({ value: inside, label: `${field} in (${fmt(cut)}, ${fmt(next)})` });
          }
        }
      });
      const above = integer ? Math.floor(last) + 1 : last + 1;
      if (inDomain(above)) points.push({ value: above, label: `${field} > ${fmt(last)}` });
    }
  }
  if (usesStrings) {
    const values = new Set<string>();
    if (domain?.enum) {
      for (const value of domain.enum) if (typeof value === 'string') values.add(value);
    } else {
      for (const set of sets) for (const value of set.strings.values) values.add(value);
    }
    for (const value of values) points.push({ value, label: `${field} = "${value}"` });
    if (!domain?.enum) points.push({ value: OTHER_STRING, label: `${field} = any other text` });
  }
  if (usesBooleans) {
    points.push({ value: true, label: `${field} = true` }, { value: false, label: `${field} = false` });
  }
  if (usesNull) points.push({ value: null, label: `${field} missing` });
  if (points.length === 0) points.push({ value: null, label: `${field} = anything` });
  return points;
}

const MAX_POINTS = 250_000;

function checkTable(node: DecisionTableNode, domains: ReadonlyMap<string, FieldDomain>): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  const where = { nodeId: node.id, nodeName: node.name };
  const rowCount = node.rows.length;
  // cellSets[column][row]: the truth of the cell, ALL for an empty cell, undefined when opaque.
  const cellSets: Array<Array<ValueSet | undefined>> = node.inputs.map((column, columnIndex) =>
    node.rows.map((row) => {
      const cell = row.inputs[columnIndex];
      if (!cell?.expr) return ALL;
      if (!column.field) return undefined;
      return truthOf(cell.expr)?.whenTrue;
    }),
  );
  const analysable = node.rows.map((_row, rowIndex) =>
    cellSets.every((column) => column[rowIndex] !== undefined),
  );
  const fullyAnalysable = analysable.every(Boolean);

  const axes = node.inputs.map((column, columnIndex) => {
    if (!column.field) return [{ value: null, label: 'expression' } as AxisPoint];
    const field = column.field.join('.');
    const sets = (cellSets[columnIndex] ?? []).filter((set): set is ValueSet => set !== undefined);
    const kinds = literalKinds(node.rows.map((row) => row.inputs[columnIndex]?.expr));
    return axisPoints(field, sets, domains.get(field), kinds);
  });
  // A row with an empty set in some column can never match, whatever the other columns hold.
  const rowEmpty = node.rows.map((_row, rowIndex) =>
    cellSets.some((column, columnIndex) => {
      const set = column[rowIndex];
      return set !== undefined && (axes[columnIndex] ?? []).every((point) => !has(set, point.value));
    }),
  );
  node.rows.forEach((row, rowIndex) => {
    if (rowEmpty[rowIndex]) {
      issues.push({
        severity: 'error',
        code: 'unreachable-row',
        message: 'no input can match this row (a cell excludes every value of its column)',
        ...where,
        rowId: row.id,
      });
    }
  });
  if (!fullyAnalysable) {
    issues.push({
      severity: 'warning',
      code: 'not-checked',
      message: 'the table has expression cells, so gaps, overlaps and shadowed rows were not checked',
      ...where,
    });
    return issues;
  }
  const total = axes.reduce((product, axis) => product * axis.length, 1);
  if (total > MAX_POINTS) {
    issues.push({
      severity: 'warning',
      code: 'not-checked',
      message: `the table has ${total} input combinations to check, more than ${MAX_POINTS}; gaps and overlaps were not checked`,
      ...where,
    });
    return issues;
  }
  // member[column][point][row]
  const member = axes.map((axis, columnIndex) =>
    axis.map((point) =>
      node.rows.map((_row, rowIndex) => has(cellSets[columnIndex]?.[rowIndex] as ValueSet, point.value)),
    ),
  );
  const firstTaken = new Array<boolean>(rowCount).fill(false);
  const everMatched = new Array<boolean>(rowCount).fill(false);
  const overlaps = new Map<string, string>();
  const gaps: string[] = [];
  let gapCount = 0;
  const odometer = new Array<number>(axes.length).fill(0);
  const describe = () =>
    axes
      .map((axis, c) => axis[odometer[c] as number]?.label ?? '')
      .filter((label) => label !== 'expression')
      .join(', ');
  for (let n = 0; n < total; n += 1) {
    let first = -1;
    for (let r = 0; r < rowCount; r += 1) {
      let matches = true;
      for (let c = 0; c < axes.length && matches; c += 1)
        matches = member[c]?.[odometer[c] as number]?.[r] === true;
      if (!matches) continue;
      everMatched[r] = true;
      if (first < 0) {
        first = r;
        firstTaken[r] = true;
      } else if (node.hitPolicy === 'first') {
        const key = `${first}:${r}`;
        if (!overlaps.has(key)) overlaps.set(key, describe());
      }
    }
    if (first < 0) {
      gapCount += 1;
      if (gaps.length < 3) gaps.push(describe());
    }
    for (let c = axes.length - 1; c >= 0; c -= 1) {
      odometer[c] = (odometer[c] as number) + 1;
      if ((odometer[c] as number) < (axes[c]?.length ?? 0)) break;
      odometer[c] = 0;
    }
  }
  if (node.hitPolicy === 'first') {
    node.rows.forEach((row, rowIndex) => {
      if (rowEmpty[rowIndex] || firstTaken[rowIndex] || !everMatched[rowIndex]) return;
      const earlier = [...overlaps.keys()]
        .map((key) => key.split(':').map(Number))
        .filter(([, later]) => later === rowIndex)
        .map(([earlierIndex]) => node.rows[earlierIndex as number]?.id);
      issues.push({
        severity: 'error',
        code: 'unreachable-row',
        message: `every input this row matches is taken first by row(s) ${[...new Set(earlier)].join(', ')}`,
        ...where,
        rowId: row.id,
      });
    });
    for (const [key, example] of overlaps) {
      const [a, b] = key.split(':').map(Number);
      if (!firstTaken[b as number]) continue; // reported as unreachable above
      issues.push({
        severity: 'warning',
        code: 'overlap',
        message: `rows ${node.rows[a as number]?.id} and ${node.rows[b as number]?.id} both match some inputs (e.g. ${example}); under "first" the earlier row wins`,
        ...where,
        rowId: node.rows[b as number]?.id ?? '',
      });
    }
    if (gapCount > 0) {
      issues.push({
        severity: 'warning',
        code: 'gap',
        message: `no row matches ${gapCount} input region(s), e.g. ${gaps.join('; ')}`,
        ...where,
      });
    }
  }
  return issues;
}

/** Runs the static checks on every decision table of a graph. */
export function checkTables(graph: PolicyGraph): PolicyIssue[] {
  return graph.nodes.flatMap((node) =>
    node.kind === 'decisionTable' ? checkTable(node, graph.input.domains) : [],
  );
}
