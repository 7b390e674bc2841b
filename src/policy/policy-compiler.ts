import { AppError } from '../platform/errors/app-error.ts';
import {
  readJdm,
  refusePolicy,
  schemaViolation,
  type InputSchema,
  type DecisionTableNode,
  type ExpressionNode,
  type GraphNode,
  type PolicyGraph,
  type PolicyIssue,
  type SwitchNode,
} from './jdm.ts';
import { checkTables } from './table-checks.ts';
import { CodeWriter, readPathSource, RUNTIME_NAMES } from './zen-codegen.ts';
import { parseExpression, parseUnaryTest, someNode, type Expr } from './zen-expression.ts';
import * as runtime from './zen-runtime.ts';
import type { ZenObject, ZenValue } from './zen-runtime.ts';

/**
 * One evaluated node. Always recorded and cheap: the values of the fields the node reads (for a table, its
 * columns), the rows or branches it matched, and the node's own output — the matched row's object, the
 * list a collect table built, the object an expression node computed — before it is merged over the
 * node's input. Nothing is copied.
 */
export interface TraceEntry {
  readonly nodeId: string;
  readonly nodeName: string;
  readonly kind: GraphNode['kind'];
  /** Field path → value, for every field the node reads (the whole request for the input node). */
  readonly inputs: Readonly<Record<string, ZenValue>>;
  /** Matched row ids (decision tables) or selected statement ids (switches); empty for other nodes. */
  readonly matched: readonly string[];
  /** The node's own output (null for a table row that did not match, a switch or the output node). */
  readonly output: ZenValue;
}

export interface PolicyEvaluation {
  /** What zen-engine would return for the same graph and input. */
  readonly output: ZenObject;
  /** Nodes in evaluation order; nodes on branches a switch did not take are absent. */
  readonly trace: readonly TraceEntry[];
}

/** A policy graph compiled to JavaScript closures. */
export interface CompiledPolicy {
  readonly graph: PolicyGraph;
  /** Findings of the static checks that do not refuse the file (gaps, overlaps under `first`). */
  readonly warnings: readonly PolicyIssue[];
  /**
   * Every number a field is compared with anywhere in the graph (`inquiries30d >= 6` → inquiries30d: [6]),
   * keyed by dotted path; recourse takes candidate values from here.
   */
  readonly thresholds: ReadonlyMap<string, readonly number[]>;
  /**
   * Evaluates the graph. Throws AppError VALIDATION_FAILED when the input breaks the input node's schema
   * and UNPROCESSABLE when an expression node fails — the cases where zen-engine fails the evaluation too.
   */
  evaluate(input: ZenObject): PolicyEvaluation;
  /**
   * The output alone, without building the trace: always equal to `evaluate(input).output` (same
   * errors too). For what-ifs that keep no evidence — counterfactuals, recourse's re-runs.
   */
  evaluateOutput(input: ZenObject): ZenObject;
}

export interface CompileOptions {
  /** Run the static checks (default true). Their errors refuse the file, their warnings are returned. */
  readonly staticChecks?: boolean;
}

type NodeFunction = (input: ZenObject, matched: string[]) => ZenValue;
type SwitchFunction = (input: ZenObject) => string[];

/** Raised from generated code when an expression node's value is an error. */
function expressionFault(node: ExpressionNode, index: number): never {
  const entry = node.expressions[index];
  throw new AppError(
    'UNPROCESSABLE',
    `policy node "${node.name}" could not evaluate ${entry?.key.join('.') ?? '?'} = ${entry?.text ?? '?'} (an input is missing or of the wrong type)`,
    { details: { rule: 'policy-expression', nodeId: node.id, expressionId: entry?.id ?? '' } },
  );
}

const RUNTIME_OBJECT: Readonly<Record<string, unknown>> = Object.freeze({ ...runtime });

function instantiate<T>(body: string, extra: Record<string, unknown> = {}): T {
  const names = [...RUNTIME_NAMES, ...Object.keys(extra)];
  const values = [...RUNTIME_NAMES.map((name) => RUNTIME_OBJECT[name]), ...Object.values(extra)];
  // Every token in `body` was produced by CodeWriter from a parsed AST (see zen-codegen.ts).
  const factory = new Function(...names, `"use strict";\n${body}`) as (...args: unknown[]) => T;
  return factory(...values);
}

const json = (value: unknown): string => JSON.stringify(value);

/**
 * Source setting `path` in a node's own fresh output object: one key is a plain store under a constant
 * name (what `setPath` does for one key, and V8 keeps such objects fast); deeper paths go through `setPath`.
 */
function setPathSource(target: string, path: readonly string[], value: string): string {
  return path.length === 1
    ? `${target}[${json(path[0])}] = ${value}`
    : `setPath(${target}, ${json(path)}, ${value})`;
}

/** A table's own output: the matched row's object (`first`, null when none) or the list of them (`collect`). */
function tableSource(node: DecisionTableNode): string {
  const writer = new CodeWriter();
  const lines: string[] = [];
  node.inputs.forEach((column, index) => {
    if (column.field)
      lines.push(
        `const c${index} = ${readPathSource('I', column.field, true, column.field.length > 1 ? writer.temp() : undefined)};`,
      );
  });
  const collect = node.hitPolicy === 'collect';
  if (collect) lines.push('const L = [];');
  node.rows.forEach((row, rowIndex) => {
    const label = `r${rowIndex}`;
    lines.push(`${label}: {`);
    row.inputs.forEach((cell, columnIndex) => {
      if (!cell.expr) return;
      writer.dollar = node.inputs[columnIndex]?.field ? `c${columnIndex}` : 'D';
      lines.push(`  if (${writer.expression(cell.expr)} !== true) break ${label};`);
    });
    const writes: string[] = [];
    row.outputs.forEach((cell, columnIndex) => {
      if (!cell.expr) return;
      writer.dollar = 'D';
      lines.push(`  const v${columnIndex} = ${writer.expression(cell.expr)};`);
      lines.push(`  if (v${columnIndex} === ERR) break ${label};`);
      writes.push(`${setPathSource('O', node.outputs[columnIndex]?.field ?? [], `v${columnIndex}`)};`);
    });
    lines.push(`  const O = {};`, ...writes.map((write) => `  ${write}`), `  M.push(${json(row.id)});`);
    lines.push(collect ? '  L.push(O);' : '  return O;');
    lines.push('}');
  });
  lines.push(collect ? 'return L;' : 'return null;');
  return `return function table(I, M) {\nconst D = null;\n${writer.temporaries()}\n${lines.join('\n')}\n};`;
}

function expressionSource(node: ExpressionNode): string {
  const writer = new CodeWriter();
  writer.dollar = 'O';
  writer.dollarIsObject = true;
  const lines = node.expressions.map(
    (entry, index) =>
      `v = ${writer.expression(entry.expr)}; if (v === ERR) fail(${index}); ${setPathSource('O', entry.key, 'v')};`,
  );
  return `return function expression(I) {\nconst O = {}; let v;\n${writer.temporaries()}\n${lines.join('\n')}\nreturn O;\n};`;
}

function switchSource(node: SwitchNode): string {
  const writer = new CodeWriter();
  const lines: string[] = [];
  const first = node.hitPolicy === 'first';
  for (const statement of node.statements) {
    if (statement.isDefault) continue;
    const test = statement.expr ? `${writer.expression(statement.expr)} === true` : 'true';
    lines.push(`if (${test}) { S.push(${json(statement.id)});${first ? ' return S;' : ''} }`);
  }
  const defaults = node.statements
    .filter((statement) => statement.isDefault)
    .map((statement) => statement.id);
  if (defaults.length > 0) {
    lines.push(`if (S.length === 0) S.push(${defaults.map((id) => json(id)).join(', ')});`);
  }
  return `return function switchNode(I) {\nconst D = null; const S = [];\n${writer.temporaries()}\n${lines.join('\n')}\nreturn S;\n};`;
}

/** `$` means the column value in unary cells and the output so far in expression nodes; nowhere else. */
function checkDollar(graph: PolicyGraph): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  const usesDollar = (expr: Expr | null): boolean =>
    expr !== null && someNode(expr, (node) => node.kind === 'dollar');
  for (const node of graph.nodes) {
    const where = { nodeId: node.id, nodeName: node.name };
    if (node.kind === 'decisionTable') {
      for (const row of node.rows) {
        const cells = [
          ...row.inputs.map((cell, index) => ({
            cell,
            column: node.inputs[index],
            unary: node.inputs[index]?.field !== null,
          })),
          ...row.outputs.map((cell, index) => ({ cell, column: node.outputs[index], unary: false })),
        ];
        for (const { cell, column, unary } of cells) {
          if (!unary && usesDollar(cell.expr)) {
            issues.push({
              severity: 'error',
              code: 'dollar',
              message: '"$" is only meaningful in a cell of a column that has a field',
              ...where,
              rowId: row.id,
              columnId: column?.id ?? '',
              columnName: column?.name ?? '',
            });
          }
        }
      }
    }
    if (node.kind === 'switch') {
      for (const statement of node.statements) {
        if (usesDollar(statement.expr)) {
          issues.push({
            severity: 'error',
            code: 'dollar',
            message: '"$" has no meaning in a switch condition',
            ...where,
            rowId: statement.id,
          });
        }
      }
    }
  }
  return issues;
}

/** Every `field OP number` in the graph, by field path. */
export function collectThresholds(graph: PolicyGraph): Map<string, number[]> {
  const found = new Map<string, Set<number>>();
  const add = (path: readonly string[] | null | undefined, value: number) => {
    if (!path || path.length === 0) return;
    const key = path.join('.');
    let set = found.get(key);
    if (!set) found.set(key, (set = new Set()));
    set.add(value);
  };
  const visit = (expr: Expr | null, dollarPath: readonly string[] | null) => {
    if (!expr) return;
    someNode(expr, (node) => {
      const pathOf = (side: Expr): readonly string[] | null =>
        side.kind === 'path'
          ? side.path
          : side.kind === 'dollar' && side.path.length === 0
            ? dollarPath
            : null;
      if (node.kind === 'binary' && ['<', '<=', '>', '>=', '==', '!='].includes(node.op)) {
        if (node.right.kind === 'number') add(pathOf(node.left), node.right.value);
        if (node.left.kind === 'number') add(pathOf(node.right), node.left.value);
      }
      if (node.kind === 'in') {
        const path = pathOf(node.value);
        if (
          node.set.kind === 'interval' &&
          node.set.low.kind === 'number' &&
          node.set.high.kind === 'number'
        ) {
          add(path, node.set.low.value);
          add(path, node.set.high.value);
        }
        if (node.set.kind === 'array')
          for (const item of node.set.items) if (item.kind === 'number') add(path, item.value);
      }
      return false;
    });
  };
  for (const node of graph.nodes) {
    if (node.kind === 'decisionTable') {
      for (const row of node.rows) {
        row.inputs.forEach((cell, index) => visit(cell.expr, node.inputs[index]?.field ?? null));
      }
    } else if (node.kind === 'expression') {
      for (const entry of node.expressions) visit(entry.expr, null);
    } else if (node.kind === 'switch') {
      for (const statement of node.statements) visit(statement.expr, null);
    }
  }
  return new Map([...found].map(([key, values]) => [key, [...values].sort((a, b) => a - b)]));
}

type Work = { [key: string]: ZenValue };
type Merger = (work: Work, own: ZenObject) => Work;

/** Puts a node's own output where it belongs: merged over the input (pass-through) or alone. */
function combine(
  work: Work,
  own: ZenValue,
  passThrough: boolean,
  outputPath: readonly string[] | null,
  first: boolean,
  merge: Merger | null,
): Work {
  if (first && own === null && !outputPath) return passThrough ? work : {};
  let wrapped: ZenValue = own;
  if (outputPath) {
    const holder: Work = {};
    runtime.setPath(holder, outputPath, own);
    wrapped = holder;
  }
  if (!passThrough || !merge) return wrapped as Work;
  return merge(work, wrapped as ZenObject);
}

/** The top-level keys a node can write: known from its output columns, output path or expression keys. */
function writtenKeys(node: GraphNode): string[] {
  if (node.kind === 'decisionTable') {
    return [
      ...new Set(
        node.outputPath
          ? [node.outputPath[0] as string]
          : node.outputs.map((column) => column.field[0] as string),
      ),
    ];
  }
  if (node.kind === 'expression')
    return [...new Set(node.expressions.map((entry) => entry.key[0] as string))];
  return [];
}

/**
 * `mergeOver` done in place on the object this evaluation owns, generated per node with constant keys.
 * Constant keys matter: V8 keeps an object with named stores in fast mode, while stores under computed
 * keys (or \`delete\`) turn it into a slow dictionary after a dozen keys. A null removes the key; it is
 * set to undefined instead of deleted, every read treats undefined as missing, and the result drops it.
 * Nested objects are merged by copy, so objects shared with the request or the trace never change.
 */
function mergerSource(keys: readonly string[]): string {
  const lines = keys.map((key) => {
    const k = json(key);
    return `v = own[${k}]; if (v !== undefined) { if (v === null) { if (W[${k}] !== undefined) W[${k}] = undefined; } else { e = W[${k}]; W[${k}] = isObject(v) && isObject(e) ? mergeOver(e, v) : v; } }`;
  });
  return `return function merge(W, own) {\nlet v, e;\n${lines.join('\n')}\nreturn W;\n};`;
}

function isObject(value: unknown): boolean {
  return value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value);
}

/** zen-engine drops top-level nulls from a result (and removed keys are undefined here). */
function dropTopLevelNulls(work: Work): Work {
  const result: Work = {};
  for (const key in work) {
    const value = work[key];
    if (value !== null && value !== undefined) result[key] = value;
  }
  return result;
}

/** The field paths a node reads: its columns' fields and every path in its cells, conditions and expressions. */
function readsOf(node: GraphNode): string[][] {
  const found = new Map<string, string[]>();
  const add = (path: readonly string[]) => found.set(path.join('.'), [...path]);
  const visit = (expr: Expr | null) => {
    if (!expr) return;
    someNode(expr, (child) => {
      if (child.kind === 'path') add(child.path);
      return false;
    });
  };
  if (node.kind === 'decisionTable') {
    for (const column of node.inputs) if (column.field) add(column.field);
    for (const row of node.rows) {
      for (const cell of row.inputs) visit(cell.expr);
      for (const cell of row.outputs) visit(cell.expr);
    }
  } else if (node.kind === 'expression') {
    for (const entry of node.expressions) visit(entry.expr);
  } else if (node.kind === 'switch') {
    for (const statement of node.statements) visit(statement.expr);
  }
  return [...found.values()];
}

type SchemaCheck = (value: unknown) => { field: string; rule: string; message: string } | undefined;

/** Compiles the input schema into a closure tree (it runs on every evaluation). */
function compileSchema(schema: InputSchema, path = ''): SchemaCheck {
  const properties = [...schema.properties].map(([name, property]) => ({
    name,
    check: compileSchema(property, path ? `${path}.${name}` : name),
  }));
  const required = schema.required.map((name) => ({ name, field: path ? `${path}.${name}` : name }));
  const nested = properties.length > 0 || required.length > 0;
  const own: InputSchema = { ...schema, properties: new Map(), required: [] };
  return (value) => {
    if (schema.types || schema.enumValues || typeof value === 'number') {
      const problem = schemaViolation(own, value, path);
      if (problem) return problem;
    }
    if (nested && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const record = value as Record<string, unknown>;
      for (const { name, field } of required) {
        if (record[name] === undefined) return { field, rule: 'required', message: 'is required' };
      }
      for (const { name, check } of properties) {
        const item = record[name];
        if (item === undefined) continue;
        const problem = check(item);
        if (problem) return problem;
      }
    }
    return undefined;
  };
}

/**
 * Generated source of a boolean check that the input certainly holds under the schema: it repeats
 * `compileSchema`'s tests as straight-line code over constant property names, so a valid input costs a
 * few comparisons. When it says no, the closure tree is asked for the exact problem (field, rule, message);
 * it never says yes where the closure tree would find a problem.
 */
function schemaCheckSource(schema: InputSchema): string {
  let counter = 0;
  const typeTest = (type: string, v: string): string => {
    switch (type) {
      case 'object':
        return `(typeof ${v} === 'object' && ${v} !== null && !Array.isArray(${v}))`;
      case 'array':
        return `Array.isArray(${v})`;
      case 'null':
        return `${v} === null`;
      case 'integer':
        return `(typeof ${v} === 'number' && Number.isInteger(${v}))`;
      case 'number':
        return `typeof ${v} === 'number'`;
      default:
        return `typeof ${v} === ${json(type)}`;
    }
  };
  const visit = (node: InputSchema, v: string): string[] => {
    const lines: string[] = [];
    if (node.types)
      lines.push(`if (!(${node.types.map((type) => typeTest(type, v)).join(' || ')})) return false;`);
    if (node.enumValues) {
      const primitive = node.enumValues.every((value) => value === null || typeof value !== 'object');
      // An object in an enum is never identical to an input value: leave such a schema to the closures.
      lines.push(
        primitive
          ? `if (!(${node.enumValues.map((value) => `${v} === ${json(value)}`).join(' || ') || 'false'})) return false;`
          : 'return false;',
      );
    }
    const bounds: Array<[number | undefined, string]> = [
      [node.minimum, '<'],
      [node.maximum, '>'],
      [node.exclusiveMinimum, '<='],
      [node.exclusiveMaximum, '>='],
    ];
    const numeric = bounds
      .filter((bound): bound is [number, string] => bound[0] !== undefined && Number.isFinite(bound[0]))
      .map(([limit, op]) => `if (${v} ${op} ${String(limit)}) return false;`);
    if (bounds.some(([limit]) => limit !== undefined && !Number.isFinite(limit))) lines.push('return false;');
    if (numeric.length > 0) lines.push(`if (typeof ${v} === 'number') { ${numeric.join(' ')} }`);
    if (node.properties.size > 0 || node.required.length > 0) {
      const inner: string[] = node.required.map(
        (name) => `if (${v}[${json(name)}] === undefined) return false;`,
      );
      for (const [name, property] of node.properties) {
        const c = `c${(counter += 1)}`;
        inner.push(
          `{ const ${c} = ${v}[${json(name)}]; if (${c} !== undefined) { ${visit(property, c).join(' ')} } }`,
        );
      }
      lines.push(
        `if (${v} !== null && typeof ${v} === 'object' && !Array.isArray(${v})) { ${inner.join(' ')} }`,
      );
    }
    return lines;
  };
  return `return function valid(R) {\n${visit(schema, 'R').join('\n')}\nreturn true;\n};`;
}

/** The nodes of a graph that is one chain (input → … → output, no switch), in evaluation order; else null. */
function chainOf(graph: PolicyGraph): GraphNode[] | null {
  if (graph.nodes.some((node) => node.kind === 'switch')) return null;
  if (graph.edges.length !== graph.nodes.length - 1) return null;
  const next = new Map<string, string>();
  for (const edge of graph.edges) {
    if (edge.sourceHandle !== null || next.has(edge.sourceId)) return null;
    next.set(edge.sourceId, edge.targetId);
  }
  const order: GraphNode[] = [];
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  for (let id: string | undefined = graph.input.id; id !== undefined; id = next.get(id)) {
    const node = byId.get(id);
    if (!node || order.includes(node)) return null;
    order.push(node);
  }
  // The interpreter runs nodes in the graph's (topological) order; the chain must be that order.
  if (order.length !== graph.nodes.length || order.some((node, i) => graph.nodes[i] !== node)) return null;
  return order[order.length - 1]?.kind === 'output' ? order : null;
}

/**
 * The whole evaluation of a chain graph as one generated function `evaluate(R, T)`: each node's step is
 * written out with its constants (the fields it reads as literal keys, its merge, its trace entry), so
 * nothing is looked up per node and the trace records get fixed shapes. With `T === null` no trace is
 * built at all (`evaluateOutput`). It does exactly what the interpreter in `compilePolicy` does for such a
 * graph, node for node; the differential tests run both against zen-engine.
 */
function chainSource(
  order: readonly GraphNode[],
  reads: ReadonlyArray<ReadonlyArray<{ key: string; path: string[] }>>,
  indexOf: ReadonlyMap<string, number>,
): string {
  const lines: string[] = ['let W = Object.assign({}, R);', 'let own, N, M, t;'];
  for (const node of order) {
    const i = indexOf.get(node.id) as number;
    const entry = (inputs: string, matched: string, output: string) =>
      `if (T !== null) T.push({ nodeId: IDS[${i}], nodeName: NAMES[${i}], kind: ${json(node.kind)}, inputs: ${inputs}, matched: ${matched}, output: ${output} });`;
    const record = `{ ${(reads[i] ?? []).map((read) => `${json(read.key)}: ${readPathSource('W', read.path, true, 't')}`).join(', ')} }`;
    switch (node.kind) {
      case 'input':
        lines.push(entry('R', 'NONE', 'null'));
        break;
      case 'output':
        lines.push('W = FINAL(W, R);', entry('EMPTY', 'NONE', 'null'));
        break;
      case 'decisionTable':
        lines.push(
          `if (T !== null) { N = ${record}; M = []; } else { M = SCRATCH; M.length = 0; }`,
          `own = F[${i}](W, M);`,
          `W = combine(W, own, ${node.passThrough}, OUTPUT_PATHS[${i}], ${node.hitPolicy === 'first'}, MERGERS[${i}]);`,
          entry('N', 'M', 'own'),
        );
        break;
      case 'expression':
        lines.push(
          `if (T !== null) N = ${record};`,
          `own = F[${i}](W, NONE);`,
          `W = combine(W, own, ${node.passThrough}, null, false, MERGERS[${i}]);`,
          entry('N', 'NONE', 'own'),
        );
        break;
      case 'switch':
        throw new AppError('INTERNAL', 'a chain has no switch');
    }
  }
  return `return function evaluate(R, T) {\n${lines.join('\n')}\nreturn W;\n};`;
}

/**
 * `dropTopLevelNulls` for a chain whose top-level keys are known (the input schema's properties and every
 * key a node writes): each known key is copied under its constant name, so the result is built by named
 * stores, not by a store under a different key each time; keys only the request has (outside the schema)
 * are copied by the loop at the end. Key order may differ from the work object's; the content is the same.
 * Undefined when a known key is not a plain identifier (then the generic function is used).
 */
function finalSource(knownKeys: readonly string[]): string | undefined {
  if (knownKeys.some((key) => !/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key))) return undefined;
  const lines = knownKeys.map(
    (key) =>
      `if (R[${json(key)}] !== undefined) n += 1; v = W[${json(key)}]; if (v !== null && v !== undefined) out[${json(key)}] = v;`,
  );
  // When every key of the request is a known one (the count says so), nothing else is left to copy.
  return `return function final(W, R) {\nconst out = {}; let v, n = 0;\n${lines.join('\n')}\nif (n !== Object.keys(R).length) for (const k in R) if (KNOWN[k] !== true) { v = W[k]; if (v !== null && v !== undefined) out[k] = v; }\nreturn out;\n};`;
}

/** The top-level keys a chain's result can have besides the request's own: the schema's and the nodes'. */
function knownTopLevelKeys(graph: PolicyGraph): string[] {
  const keys = new Set<string>(graph.input.schema ? [...graph.input.schema.properties.keys()] : []);
  for (const node of graph.nodes) for (const key of writtenKeys(node)) keys.add(key);
  return [...keys];
}

/** What the interpreter walks: the graph's nodes in order, and what `compilePolicy` prepared for each. */
interface InterpreterParts {
  readonly nodes: readonly GraphNode[];
  readonly incoming: ReadonlyArray<ReadonlyArray<{ source: number; handle: string | null }>>;
  readonly outDegree: readonly number[];
  readonly reads: ReadonlyArray<ReadonlyArray<{ readonly key: string; readonly path: readonly string[] }>>;
  readonly functions: ReadonlyArray<NodeFunction | SwitchFunction | null>;
  readonly mergers: ReadonlyArray<Merger | null>;
  readonly outputIndex: number;
}

/**
 * Evaluates a graph node by node with a full trace: the path taken when a graph is not one chain (a switch
 * with branches), where `chainSource` compiles one function instead.
 */
function interpreterOf(parts: InterpreterParts): (request: ZenObject) => PolicyEvaluation {
  const { nodes, incoming, outDegree, reads, functions, mergers, outputIndex } = parts;
  const count = nodes.length;
  return (request) => {
    const trace: TraceEntry[] = [];
    // A node's result is handed to its single successor, which may then update it in place; a node with
    // several successors (a switch) hands each a copy. The request itself is never modified.
    const results: Array<Work | undefined> = new Array(count);
    const selected: Array<string[] | undefined> = new Array(count);
    for (let i = 0; i < count; i += 1) {
      const node = nodes[i] as GraphNode;
      let work: Work | undefined;
      if (node.kind === 'input') {
        work = Object.assign({}, request);
      } else {
        for (const edge of incoming[i] as ReadonlyArray<{ source: number; handle: string | null }>) {
          const source = results[edge.source];
          if (source === undefined) continue;
          if (edge.handle !== null && !(selected[edge.source] as string[]).includes(edge.handle)) continue;
          work = (outDegree[edge.source] as number) > 1 ? Object.assign({}, source) : source;
          break;
        }
      }
      if (work === undefined) continue;
      const nodeReads = reads[i] as ReadonlyArray<{ readonly key: string; readonly path: readonly string[] }>;
      const inputs: Record<string, ZenValue> = {};
      for (const read of nodeReads) inputs[read.key] = runtime.readPath(work, read.path);
      switch (node.kind) {
        case 'input':
          results[i] = work;
          trace.push({
            nodeId: node.id,
            nodeName: node.name,
            kind: node.kind,
            inputs: request,
            matched: [],
            output: null,
          });
          break;
        case 'output':
          results[i] = dropTopLevelNulls(work);
          trace.push({
            nodeId: node.id,
            nodeName: node.name,
            kind: node.kind,
            inputs: {},
            matched: [],
            output: null,
          });
          break;
        case 'switch': {
          const handles = (functions[i] as SwitchFunction)(work);
          selected[i] = handles;
          results[i] = work;
          trace.push({
            nodeId: node.id,
            nodeName: node.name,
            kind: node.kind,
            inputs,
            matched: handles,
            output: null,
          });
          break;
        }
        case 'decisionTable': {
          const matched: string[] = [];
          const own = (functions[i] as NodeFunction)(work, matched);
          results[i] = combine(
            work,
            own,
            node.passThrough,
            node.outputPath,
            node.hitPolicy === 'first',
            mergers[i] ?? null,
          );
          trace.push({ nodeId: node.id, nodeName: node.name, kind: node.kind, inputs, matched, output: own });
          break;
        }
        case 'expression': {
          const own = (functions[i] as NodeFunction)(work, []);
          results[i] = combine(work, own, node.passThrough, null, false, mergers[i] ?? null);
          trace.push({
            nodeId: node.id,
            nodeName: node.name,
            kind: node.kind,
            inputs,
            matched: [],
            output: own,
          });
          break;
        }
      }
    }
    return { output: (results[outputIndex] as ZenObject | undefined) ?? {}, trace };
  };
}

/**
 * Reads, checks and compiles a JDM policy. Refuses (AppError VALIDATION_FAILED, one issue per problem with
 * node, row and column) anything outside the subset, rows no input can reach and shadowed rows under
 * `first`; returns gaps and overlaps as warnings.
 */
/**
 * What `compilePolicy` checks, as values instead of a refusal: the reader's findings and, when the graph
 * reads, the `$` and decision-table checks — each error and warning with its node, row and column.
 */
export function policyFindings(document: unknown): {
  readonly graph: PolicyGraph | undefined;
  readonly issues: readonly PolicyIssue[];
} {
  const { graph, issues } = readJdm(document);
  if (!graph) return { graph: undefined, issues };
  return { graph, issues: [...issues, ...checkDollar(graph), ...checkTables(graph)] };
}

export function compilePolicy(document: unknown, options: CompileOptions = {}): CompiledPolicy {
  const { graph, issues } = readJdm(document);
  if (!graph) throw refusePolicy(issues);
  const all = [...issues, ...checkDollar(graph)];
  if (options.staticChecks !== false) all.push(...checkTables(graph));
  if (all.some((issue) => issue.severity === 'error')) throw refusePolicy(all);

  const index = new Map(graph.nodes.map((node, i) => [node.id, i]));
  const incoming: Array<Array<{ source: number; handle: string | null }>> = graph.nodes.map((node) =>
    graph.edges
      .filter((edge) => edge.targetId === node.id)
      .map((edge) => ({ source: index.get(edge.sourceId) as number, handle: edge.sourceHandle })),
  );
  const outDegree = graph.nodes.map((node) => graph.edges.filter((edge) => edge.sourceId === node.id).length);
  const reads = graph.nodes.map((node) => readsOf(node).map((path) => ({ key: path.join('.'), path })));
  const mergers = graph.nodes.map((node) =>
    (node.kind === 'decisionTable' || node.kind === 'expression') && node.passThrough
      ? instantiate<Merger>(mergerSource(writtenKeys(node)), { isObject })
      : null,
  );
  const functions: Array<NodeFunction | SwitchFunction | null> = graph.nodes.map((node) => {
    switch (node.kind) {
      case 'decisionTable':
        return instantiate<NodeFunction>(tableSource(node));
      case 'expression':
        return instantiate<NodeFunction>(expressionSource(node), {
          fail: (i: number) => expressionFault(node, i),
        });
      case 'switch':
        return instantiate<SwitchFunction>(switchSource(node));
      default:
        return null;
    }
  });
  const nodes = graph.nodes;
  const outputIndex = index.get(graph.output.id) as number;
  const validate = graph.input.schema ? compileSchema(graph.input.schema) : undefined;
  const certainlyValid = graph.input.schema
    ? instantiate<(request: ZenObject) => boolean>(schemaCheckSource(graph.input.schema))
    : undefined;
  const check = (request: ZenObject): void => {
    if (!validate || certainlyValid?.(request) === true) return;
    const problem = validate(request);
    if (problem) {
      throw new AppError('VALIDATION_FAILED', `policy input ${problem.field} ${problem.message}`, {
        issues: [{ field: problem.field, rule: problem.rule, message: problem.message }],
      });
    }
  };

  const order = chainOf(graph);
  const known = knownTopLevelKeys(graph);
  const final = finalSource(known);
  const knownSet: Record<string, boolean> = Object.create(null) as Record<string, boolean>;
  for (const key of known) knownSet[key] = true;
  const finalResult =
    final === undefined
      ? (work: Work) => dropTopLevelNulls(work)
      : instantiate<(work: Work, request: ZenObject) => Work>(final, { KNOWN: knownSet });
  const chain = order
    ? instantiate<(request: ZenObject, trace: TraceEntry[] | null) => ZenObject>(
        chainSource(order, reads, index),
        {
          IDS: nodes.map((node) => node.id),
          NAMES: nodes.map((node) => node.name),
          F: functions,
          MERGERS: mergers,
          OUTPUT_PATHS: nodes.map((node) => (node.kind === 'decisionTable' ? node.outputPath : null)),
          combine,
          FINAL: finalResult,
          NONE: Object.freeze([]),
          EMPTY: Object.freeze({}),
          SCRATCH: [],
        },
      )
    : undefined;

  const interpret = interpreterOf({ nodes, incoming, outDegree, reads, functions, mergers, outputIndex });

  return {
    graph,
    warnings: all.filter((issue) => issue.severity === 'warning'),
    thresholds: collectThresholds(graph),
    evaluate: (request) => {
      check(request);
      if (!chain) return interpret(request);
      const trace: TraceEntry[] = [];
      return { output: chain(request, trace), trace };
    },
    evaluateOutput: (request) => {
      check(request);
      return chain ? chain(request, null) : interpret(request).output;
    },
  };
}

/** The value of a field in an evaluation's output, by dotted path (null when absent). */
export function outputField(evaluation: PolicyEvaluation, path: string): ZenValue {
  return runtime.readPath(evaluation.output, path.split('.'));
}

/**
 * Compiles one ZEN expression (or, with `mode: 'unary'`, one decision-table cell over `$`) to a function
 * of a context object. Used by the differential tests and by tools that evaluate a single rule.
 */
export function compileExpression(
  source: string,
  mode: 'expression' | 'unary' = 'expression',
): (context: ZenObject, dollar?: ZenValue) => runtime.RtValue {
  const expr = mode === 'unary' ? parseUnaryTest(source) : parseExpression(source);
  const writer = new CodeWriter();
  const body = writer.expression(expr);
  return instantiate<(context: ZenObject, dollar?: ZenValue) => runtime.RtValue>(
    `return function expression(I, D = null) {\n${writer.temporaries()}\nreturn ${body};\n};`,
  );
}
