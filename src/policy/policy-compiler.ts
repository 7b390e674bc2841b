import { AppError } from '../platform/errors/app-error.ts';
import {
  readJdm,
  refusePolicy,
  schemaViolation,
  type DecisionTableNode,
  type ExpressionNode,
  type GraphNode,
  type PolicyGraph,
  type PolicyIssue,
  type SwitchNode,
} from './jdm.ts';
import { checkTables } from './table-checks.ts';
import { CodeWriter, RUNTIME_NAMES } from './zen-codegen.ts';
import { parseExpression, parseUnaryTest, someNode, type Expr } from './zen-expression.ts';
import * as runtime from './zen-runtime.ts';
import type { ZenObject, ZenValue } from './zen-runtime.ts';

/** One evaluated node: always recorded, cheap (inputs and outputs are shared references, never copied). */
export interface TraceEntry {
  readonly nodeId: string;
  readonly nodeName: string;
  readonly kind: GraphNode['kind'];
  readonly input: ZenObject;
  readonly output: ZenObject;
  /** Matched row ids (decision tables) or selected statement ids (switches); empty for other nodes. */
  readonly matched: readonly string[];
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
}

export interface CompileOptions {
  /** Run the static checks (default true). Their errors refuse the file, their warnings are returned. */
  readonly staticChecks?: boolean;
}

type NodeFunction = (input: ZenObject, matched: string[]) => ZenObject;
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

function tableSource(node: DecisionTableNode): string {
  const writer = new CodeWriter();
  const lines: string[] = [];
  node.inputs.forEach((column, index) => {
    if (column.field) lines.push(`const c${index} = readPath(I, ${json(column.field)});`);
  });
  const collect = node.hitPolicy === 'collect';
  if (collect) lines.push('const L = [];');
  const finish = (value: string): string => {
    const wrapped = node.outputPath ? `(W = {}, setPath(W, ${json(node.outputPath)}, ${value}), W)` : value;
    return node.passThrough ? `mergeOver(I, ${wrapped})` : wrapped;
  };
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
      writes.push(`setPath(O, ${json(node.outputs[columnIndex]?.field)}, v${columnIndex});`);
    });
    lines.push(`  const O = {};`, ...writes.map((write) => `  ${write}`), `  M.push(${json(row.id)});`);
    lines.push(collect ? '  L.push(O);' : `  return ${finish('O')};`);
    lines.push('}');
  });
  if (collect) {
    lines.push(`return ${finish('L')};`);
  } else if (node.passThrough && !node.outputPath) {
    lines.push('return I;');
  } else {
    lines.push(`return ${finish('null')};`);
  }
  return `return function table(I, M) {\nconst D = null; let W;\n${writer.temporaries()}\n${lines.join('\n')}\n};`;
}

function expressionSource(node: ExpressionNode): string {
  const writer = new CodeWriter();
  writer.dollar = 'O';
  const lines = node.expressions.map(
    (entry, index) =>
      `v = ${writer.expression(entry.expr)}; if (v === ERR) fail(${index}); setPath(O, ${json(entry.key)}, v);`,
  );
  return `return function expression(I, M) {\nconst O = {}; let v;\n${writer.temporaries()}\n${lines.join('\n')}\nreturn ${node.passThrough ? 'mergeOver(I, O)' : 'O'};\n};`;
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

/**
 * Reads, checks and compiles a JDM policy. Refuses (AppError VALIDATION_FAILED, one issue per problem with
 * node, row and column) anything outside the subset, rows no input can reach and shadowed rows under
 * `first`; returns gaps and overlaps as warnings.
 */
export function compilePolicy(document: unknown, options: CompileOptions = {}): CompiledPolicy {
  const { graph, issues } = readJdm(document);
  if (!graph) throw refusePolicy(issues);
  const all = [...issues, ...checkDollar(graph)];
  if (options.staticChecks !== false) all.push(...checkTables(graph));
  if (all.some((issue) => issue.severity === 'error')) throw refusePolicy(all);

  const count = graph.nodes.length;
  const index = new Map(graph.nodes.map((node, i) => [node.id, i]));
  const incoming: Array<Array<{ source: number; handle: string | null }>> = graph.nodes.map((node) =>
    graph.edges
      .filter((edge) => edge.targetId === node.id)
      .map((edge) => ({ source: index.get(edge.sourceId) as number, handle: edge.sourceHandle })),
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

  const schema = graph.input.schema;
  const evaluate = (input: ZenObject): PolicyEvaluation => {
    if (schema) {
      const problem = schemaViolation(schema, input);
      if (problem) {
        throw new AppError('VALIDATION_FAILED', `policy input ${problem.field} ${problem.message}`, {
          issues: [{ field: problem.field, rule: problem.rule, message: problem.message }],
        });
      }
    }
    const trace: TraceEntry[] = [];
    const outputs: Array<ZenObject | undefined> = new Array(count);
    const selected: Array<string[] | undefined> = new Array(count);
    let result: ZenObject = {};
    for (let i = 0; i < count; i += 1) {
      const node = nodes[i] as GraphNode;
      let nodeInput: ZenObject | undefined;
      if (node.kind === 'input') {
        nodeInput = input;
      } else {
        for (const edge of incoming[i] as Array<{ source: number; handle: string | null }>) {
          const sourceOutput = outputs[edge.source];
          if (sourceOutput === undefined) continue;
          if (edge.handle !== null && !(selected[edge.source] as string[]).includes(edge.handle)) continue;
          nodeInput = sourceOutput;
          break;
        }
      }
      if (nodeInput === undefined) continue;
      switch (node.kind) {
        case 'input':
          outputs[i] = nodeInput;
          trace.push({
            nodeId: node.id,
            nodeName: node.name,
            kind: node.kind,
            input: nodeInput,
            output: nodeInput,
            matched: [],
          });
          break;
        case 'output':
          result = runtime.finalResult(nodeInput);
          outputs[i] = result;
          trace.push({
            nodeId: node.id,
            nodeName: node.name,
            kind: node.kind,
            input: nodeInput,
            output: result,
            matched: [],
          });
          break;
        case 'switch': {
          const handles = (functions[i] as SwitchFunction)(nodeInput);
          selected[i] = handles;
          outputs[i] = nodeInput;
          trace.push({
            nodeId: node.id,
            nodeName: node.name,
            kind: node.kind,
            input: nodeInput,
            output: nodeInput,
            matched: handles,
          });
          break;
        }
        default: {
          const matched: string[] = [];
          const output = (functions[i] as NodeFunction)(nodeInput, matched);
          outputs[i] = output;
          trace.push({
            nodeId: node.id,
            nodeName: node.name,
            kind: node.kind,
            input: nodeInput,
            output,
            matched,
          });
        }
      }
    }
    return { output: outputs[outputIndex] === undefined ? {} : result, trace };
  };

  return {
    graph,
    warnings: all.filter((issue) => issue.severity === 'warning'),
    thresholds: collectThresholds(graph),
    evaluate,
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
