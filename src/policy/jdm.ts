import { AppError } from '../platform/errors/app-error.ts';
import { ExpressionSyntaxError, parseExpression, parseUnaryTest, type Expr } from './zen-expression.ts';

/**
 * Reading GoRules JDM decision graphs (the JSON the open-source GoRules editor writes and
 * `@gorules/zen-engine` evaluates) into a typed graph, refusing anything outside the subset Credence
 * compiles — with the node, row, column and reason.
 *
 * Supported: one `inputNode`, one `outputNode`, `decisionTableNode` (hit policy `first` or `collect`,
 * `passThrough`, `outputPath`, single execution mode), `expressionNode` (`passThrough`), `switchNode`
 * (`first` or `collect`). Refused: function, decision (sub-graph) and custom nodes, loops (`executionMode`
 * other than single), `inputField`, cycles, nodes not on a path from input to output, and a node with more
 * than one incoming edge unless the edges come from different branches of one `first` switch (anything
 * else would merge branch outputs in an order zen-engine does not define).
 */

export type Severity = 'error' | 'warning';

/** One finding about a policy file: a refusal (error) or something worth knowing (warning). */
export interface PolicyIssue {
  readonly severity: Severity;
  /** Stable machine code: `unsupported-node`, `syntax`, `missing-cell`, `unreachable-row`, `gap`, `overlap` … */
  readonly code: string;
  readonly message: string;
  readonly nodeId?: string;
  readonly nodeName?: string;
  readonly rowId?: string;
  readonly columnId?: string;
  readonly columnName?: string;
}

/** `node "Knock-outs" (ko), row r3, column "Age" (i2)` — where a person looks in the editor. */
export function issueLocation(issue: PolicyIssue): string {
  const parts: string[] = [];
  if (issue.nodeId !== undefined) parts.push(`node "${issue.nodeName ?? issue.nodeId}" (${issue.nodeId})`);
  if (issue.rowId !== undefined) parts.push(`row ${issue.rowId}`);
  if (issue.columnId !== undefined)
    parts.push(`column "${issue.columnName ?? issue.columnId}" (${issue.columnId})`);
  return parts.join(', ') || 'graph';
}

/** The field of an issue in an AppError: `nodes.ko.rules.r3.i2`. */
export function issueField(issue: PolicyIssue): string {
  const parts = ['policy'];
  if (issue.nodeId !== undefined) parts.push('nodes', issue.nodeId);
  if (issue.rowId !== undefined) parts.push('rules', issue.rowId);
  if (issue.columnId !== undefined) parts.push(issue.columnId);
  return parts.join('.');
}

/** Refuses a policy: one AppError listing every error with its location. */
export function refusePolicy(issues: readonly PolicyIssue[], what = 'policy'): AppError {
  const errors = issues.filter((issue) => issue.severity === 'error');
  const summary = errors
    .slice(0, 5)
    .map((issue) => `${issueLocation(issue)}: ${issue.message}`)
    .join('; ');
  return new AppError(
    'VALIDATION_FAILED',
    `${what} refused (${errors.length} error${errors.length === 1 ? '' : 's'}): ${summary}${errors.length > 5 ? '; …' : ''}`,
    {
      issues: errors.map((issue) => ({
        field: issueField(issue),
        rule: issue.code,
        message: `${issueLocation(issue)}: ${issue.message}`,
      })),
    },
  );
}

export interface InputColumn {
  readonly id: string;
  readonly name: string;
  /** The field the column tests (unary cells), or null for expression cells. */
  readonly field: readonly string[] | null;
}

export interface OutputColumn {
  readonly id: string;
  readonly name: string;
  readonly field: readonly string[];
}

export interface Cell {
  readonly text: string;
  /** null for an empty cell: "any value" on the input side, "not written" on the output side. */
  readonly expr: Expr | null;
}

export interface TableRow {
  readonly id: string;
  readonly description?: string;
  /** Parallel to the table's input columns. */
  readonly inputs: readonly Cell[];
  /** Parallel to the table's output columns. */
  readonly outputs: readonly Cell[];
}

/** Bounds and type of an input field from the input node's JSON schema (used by the static checks). */
export interface FieldDomain {
  readonly type: 'number' | 'integer' | 'boolean' | 'string';
  readonly minimum?: number;
  readonly maximum?: number;
  readonly enum?: readonly (string | number)[];
}

interface NodeBase {
  readonly id: string;
  readonly name: string;
}

export interface InputNode extends NodeBase {
  readonly kind: 'input';
  /** The request must satisfy this (zen-engine refuses a request that does not), when the file gives one. */
  readonly schema: InputSchema | null;
  /** Field path (`subScores.identity`) → domain, from the optional JSON schema of the input node. */
  readonly domains: ReadonlyMap<string, FieldDomain>;
}

export interface OutputNode extends NodeBase {
  readonly kind: 'output';
}

export interface DecisionTableNode extends NodeBase {
  readonly kind: 'decisionTable';
  readonly hitPolicy: 'first' | 'collect';
  readonly inputs: readonly InputColumn[];
  readonly outputs: readonly OutputColumn[];
  readonly rows: readonly TableRow[];
  readonly passThrough: boolean;
  readonly outputPath: readonly string[] | null;
}

export interface ExpressionEntry {
  readonly id: string;
  readonly key: readonly string[];
  readonly text: string;
  readonly expr: Expr;
}

export interface ExpressionNode extends NodeBase {
  readonly kind: 'expression';
  readonly expressions: readonly ExpressionEntry[];
  readonly passThrough: boolean;
}

export interface SwitchStatement {
  readonly id: string;
  readonly text: string;
  /** null: an empty condition, always true. */
  readonly expr: Expr | null;
  readonly isDefault: boolean;
}

export interface SwitchNode extends NodeBase {
  readonly kind: 'switch';
  readonly hitPolicy: 'first' | 'collect';
  readonly statements: readonly SwitchStatement[];
}

export type GraphNode = InputNode | OutputNode | DecisionTableNode | ExpressionNode | SwitchNode;

export interface GraphEdge {
  readonly id: string;
  readonly sourceId: string;
  readonly targetId: string;
  /** The switch statement an edge leaves from. */
  readonly sourceHandle: string | null;
}

/** A JDM graph in the supported subset, nodes in an order where every edge points forward. */
export interface PolicyGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly input: InputNode;
  readonly output: OutputNode;
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const RESERVED = new Set(Object.getOwnPropertyNames(Object.prototype).concat(['__proto__', 'prototype']));

function fieldPath(text: string): string[] | undefined {
  if (!FIELD_PATH.test(text)) return undefined;
  const path = text.split('.');
  return path.some((part) => RESERVED.has(part)) ? undefined : path;
}

class IssueList {
  readonly items: PolicyIssue[] = [];

  error(code: string, message: string, where: Omit<PolicyIssue, 'severity' | 'code' | 'message'> = {}): void {
    this.items.push({ severity: 'error', code, message, ...where });
  }

  warning(
    code: string,
    message: string,
    where: Omit<PolicyIssue, 'severity' | 'code' | 'message'> = {},
  ): void {
    this.items.push({ severity: 'warning', code, message, ...where });
  }
}

function syntaxMessage(error: unknown, text: string): string {
  if (error instanceof ExpressionSyntaxError) {
    return `${error.message} in "${text}"${error.position > 0 ? ` at character ${error.position + 1}` : ''}`;
  }
  throw error;
}

/**
 * The JSON-schema subset an input node may carry (zen-engine validates the request against it and fails
 * the evaluation when it does not hold, so Credence does the same): `type` (one or a list), `properties`,
 * `required`, `enum`, `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`, plus `description`
 * and `title`.
 */
export interface InputSchema {
  readonly types: readonly string[] | null;
  readonly properties: ReadonlyMap<string, InputSchema>;
  readonly required: readonly string[];
  readonly enumValues: readonly unknown[] | null;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
}

const SCHEMA_KEYWORDS = new Set([
  'type',
  'properties',
  'required',
  'enum',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'description',
  'title',
  '$schema',
]);
const SCHEMA_TYPES = new Set(['object', 'string', 'number', 'integer', 'boolean', 'null', 'array']);

function parseSchemaNode(node: unknown, path: string, problems: string[]): InputSchema {
  if (!isRecord(node)) {
    problems.push(`${path || 'schema'}: must be an object`);
    return { types: null, properties: new Map(), required: [], enumValues: null };
  }
  for (const key of Object.keys(node)) {
    if (!SCHEMA_KEYWORDS.has(key))
      problems.push(`${path || 'schema'}: keyword "${key}" is outside the subset`);
  }
  const rawTypes = node.type === undefined ? null : Array.isArray(node.type) ? node.type : [node.type];
  for (const type of rawTypes ?? []) {
    if (typeof type !== 'string' || !SCHEMA_TYPES.has(type))
      problems.push(`${path || 'schema'}: unknown type ${JSON.stringify(type)}`);
  }
  const properties = new Map<string, InputSchema>();
  if (node.properties !== undefined) {
    if (!isRecord(node.properties)) problems.push(`${path || 'schema'}: properties must be an object`);
    else {
      for (const [name, property] of Object.entries(node.properties)) {
        if (RESERVED.has(name)) problems.push(`${path}.${name}: reserved name`);
        properties.set(name, parseSchemaNode(property, path ? `${path}.${name}` : name, problems));
      }
    }
  }
  const required = Array.isArray(node.required)
    ? node.required.filter((name): name is string => typeof name === 'string')
    : [];
  const numberKeyword = (key: string): number | undefined => {
    const value = node[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'number') problems.push(`${path || 'schema'}: ${key} must be a number`);
    return typeof value === 'number' ? value : undefined;
  };
  const minimum = numberKeyword('minimum');
  const maximum = numberKeyword('maximum');
  const exclusiveMinimum = numberKeyword('exclusiveMinimum');
  const exclusiveMaximum = numberKeyword('exclusiveMaximum');
  return {
    types: rawTypes as string[] | null,
    properties,
    required,
    enumValues: Array.isArray(node.enum) ? node.enum : null,
    ...(minimum !== undefined ? { minimum } : {}),
    ...(maximum !== undefined ? { maximum } : {}),
    ...(exclusiveMinimum !== undefined ? { exclusiveMinimum } : {}),
    ...(exclusiveMaximum !== undefined ? { exclusiveMaximum } : {}),
  };
}

function typeMatches(type: string, value: unknown): boolean {
  switch (type) {
    case 'object':
      return isRecord(value);
    case 'array':
      return Array.isArray(value);
    case 'null':
      return value === null;
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    default:
      return typeof value === type;
  }
}

/** The first way `value` breaks the schema, as a field and a rule, or undefined when it holds. */
export function schemaViolation(
  schema: InputSchema,
  value: unknown,
  path = '',
): { field: string; rule: string; message: string } | undefined {
  const field = path || 'input';
  if (schema.types && !schema.types.some((type) => typeMatches(type, value))) {
    return { field, rule: 'type', message: `must be ${schema.types.join(' or ')}` };
  }
  if (schema.enumValues && !schema.enumValues.some((allowed) => allowed === value)) {
    return {
      field,
      rule: 'enum',
      message: `must be one of ${schema.enumValues.map((v) => JSON.stringify(v)).join(', ')}`,
    };
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum)
      return { field, rule: 'minimum', message: `must be at least ${schema.minimum}` };
    if (schema.maximum !== undefined && value > schema.maximum)
      return { field, rule: 'maximum', message: `must be at most ${schema.maximum}` };
    if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) {
      return { field, rule: 'exclusiveMinimum', message: `must be above ${schema.exclusiveMinimum}` };
    }
    if (schema.exclusiveMaximum !== undefined && value >= schema.exclusiveMaximum) {
      return { field, rule: 'exclusiveMaximum', message: `must be below ${schema.exclusiveMaximum}` };
    }
  }
  if (isRecord(value)) {
    for (const name of schema.required) {
      if (!Object.hasOwn(value, name))
        return { field: path ? `${path}.${name}` : name, rule: 'required', message: 'is required' };
    }
    for (const [name, property] of schema.properties) {
      if (!Object.hasOwn(value, name)) continue;
      const problem = schemaViolation(property, value[name], path ? `${path}.${name}` : name);
      if (problem) return problem;
    }
  }
  return undefined;
}

function parseInputSchema(content: Json, issues: IssueList, where: { nodeId: string; nodeName: string }) {
  const domains = new Map<string, FieldDomain>();
  const raw = content.schema;
  if (raw === undefined || raw === null || raw === '') return { schema: null, domains };
  let document: unknown = raw;
  if (typeof raw === 'string') {
    try {
      document = JSON.parse(raw);
    } catch {
      issues.error('input-schema', 'the input schema is not valid JSON', where);
      return { schema: null, domains };
    }
  }
  const problems: string[] = [];
  const schema = parseSchemaNode(document, '', problems);
  for (const problem of problems) issues.error('input-schema', problem, where);
  const visit = (node: InputSchema, prefix: string): void => {
    for (const [name, property] of node.properties) {
      const path = prefix ? `${prefix}.${name}` : name;
      const types = property.types ?? [];
      if (types.length === 1 && types[0] === 'object') visit(property, path);
      const [type] = types;
      if (
        types.length === 1 &&
        (type === 'number' || type === 'integer' || type === 'boolean' || type === 'string')
      ) {
        const minimum = property.minimum ?? property.exclusiveMinimum;
        const maximum = property.maximum ?? property.exclusiveMaximum;
        domains.set(path, {
          type,
          ...(minimum !== undefined ? { minimum } : {}),
          ...(maximum !== undefined ? { maximum } : {}),
          ...(property.enumValues
            ? {
                enum: property.enumValues.filter(
                  (v): v is string | number => typeof v === 'string' || typeof v === 'number',
                ),
              }
            : {}),
        });
      }
    }
  };
  visit(schema, '');
  return { schema, domains };
}

function checkCommonOptions(
  content: Json,
  issues: IssueList,
  where: { nodeId: string; nodeName: string },
): boolean {
  let ok = true;
  if (typeof content.passThrough !== 'boolean') {
    issues.error('pass-through', 'passThrough must be true or false (the GoRules editor writes it)', where);
    ok = false;
  }
  if (content.inputField !== undefined && content.inputField !== null && content.inputField !== '') {
    issues.error('input-field', 'inputField (evaluating over a sub-object) is outside the subset', where);
    ok = false;
  }
  if (content.executionMode !== undefined && content.executionMode !== 'single') {
    issues.error(
      'execution-mode',
      `executionMode "${String(content.executionMode)}" is outside the subset; use "single"`,
      where,
    );
    ok = false;
  }
  return ok;
}

function parseTable(node: Json, base: NodeBase, issues: IssueList): DecisionTableNode | undefined {
  const where = { nodeId: base.id, nodeName: base.name };
  const content = isRecord(node.content) ? node.content : {};
  const hitPolicy = content.hitPolicy;
  if (hitPolicy !== 'first' && hitPolicy !== 'collect') {
    issues.error(
      'hit-policy',
      `hit policy "${String(hitPolicy)}" is outside the subset (first, collect)`,
      where,
    );
    return undefined;
  }
  if (!checkCommonOptions(content, issues, where)) return undefined;
  let outputPath: string[] | null = null;
  if (typeof content.outputPath === 'string' && content.outputPath !== '') {
    const path = fieldPath(content.outputPath);
    if (!path) issues.error('output-path', `outputPath "${content.outputPath}" is not a field path`, where);
    outputPath = path ?? null;
  } else if (content.outputPath !== undefined && content.outputPath !== null && content.outputPath !== '') {
    issues.error('output-path', 'outputPath must be a string or null', where);
  }
  if (hitPolicy === 'collect' && outputPath === null) {
    issues.error(
      'collect-output-path',
      'a collect table must write its list to an outputPath, so what flows on stays an object',
      where,
    );
  }
  const inputs: InputColumn[] = [];
  const outputs: OutputColumn[] = [];
  const columnIds = new Set<string>();
  for (const column of Array.isArray(content.inputs) ? content.inputs : []) {
    if (!isRecord(column) || typeof column.id !== 'string' || column.id === '' || columnIds.has(column.id)) {
      issues.error('column', 'every input column needs a unique id', where);
      continue;
    }
    columnIds.add(column.id);
    const name = typeof column.name === 'string' ? column.name : column.id;
    const fieldText = typeof column.field === 'string' ? column.field.trim() : '';
    let field: string[] | null = null;
    if (fieldText !== '') {
      const path = fieldPath(fieldText);
      if (!path) {
        issues.error(
          'column-field',
          `field "${fieldText}" must be a field path such as score or subScores.identity`,
          {
            ...where,
            columnId: column.id,
            columnName: name,
          },
        );
        continue;
      }
      field = path;
    }
    inputs.push({ id: column.id, name, field });
  }
  for (const column of Array.isArray(content.outputs) ? content.outputs : []) {
    if (!isRecord(column) || typeof column.id !== 'string' || column.id === '' || columnIds.has(column.id)) {
      issues.error('column', 'every output column needs a unique id', where);
      continue;
    }
    columnIds.add(column.id);
    const name = typeof column.name === 'string' ? column.name : column.id;
    const path = typeof column.field === 'string' ? fieldPath(column.field.trim()) : undefined;
    if (!path) {
      issues.error('column-field', 'an output column needs a field path', {
        ...where,
        columnId: column.id,
        columnName: name,
      });
      continue;
    }
    outputs.push({ id: column.id, name, field: path });
  }
  if (outputs.length === 0)
    issues.error('columns', 'a decision table needs at least one output column', where);
  const rows: TableRow[] = [];
  const rowIds = new Set<string>();
  for (const [index, rule] of (Array.isArray(content.rules) ? content.rules : []).entries()) {
    if (!isRecord(rule) || typeof rule._id !== 'string' || rule._id === '' || rowIds.has(rule._id)) {
      issues.error('row-id', `row ${index + 1} needs a unique _id`, where);
      continue;
    }
    const rowId = rule._id;
    rowIds.add(rowId);
    const cell = (column: InputColumn | OutputColumn, side: 'input' | 'output'): Cell => {
      const at = { ...where, rowId, columnId: column.id, columnName: column.name };
      const raw = rule[column.id];
      if (raw === undefined) {
        issues.error(
          'missing-cell',
          'the row has no cell for this column; zen-engine never matches such a row — write "" for any value',
          at,
        );
        return { text: '', expr: null };
      }
      if (typeof raw !== 'string') {
        issues.error('cell-type', 'a cell must be a string', at);
        return { text: '', expr: null };
      }
      const text = raw.trim();
      if (text === '') return { text: raw, expr: null };
      if (text === '-') {
        issues.error(
          'syntax',
          '"-" is not a ZEN expression (zen-engine cannot parse it, so the row would never match); leave the cell empty for any value',
          at,
        );
        return { text: raw, expr: null };
      }
      try {
        const unary = side === 'input' && (column as InputColumn).field !== null;
        return { text: raw, expr: unary ? parseUnaryTest(text) : parseExpression(text) };
      } catch (error) {
        issues.error('syntax', syntaxMessage(error, text), at);
        return { text: raw, expr: null };
      }
    };
    rows.push({
      id: rowId,
      ...(typeof rule._description === 'string' && rule._description !== ''
        ? { description: rule._description }
        : {}),
      inputs: inputs.map((column) => cell(column, 'input')),
      outputs: outputs.map((column) => cell(column, 'output')),
    });
  }
  return {
    kind: 'decisionTable',
    ...base,
    hitPolicy,
    inputs,
    outputs,
    rows,
    passThrough: content.passThrough === true,
    outputPath,
  };
}

function parseExpressionNode(node: Json, base: NodeBase, issues: IssueList): ExpressionNode | undefined {
  const where = { nodeId: base.id, nodeName: base.name };
  const content = isRecord(node.content) ? node.content : {};
  if (!checkCommonOptions(content, issues, where)) return undefined;
  if (content.outputPath !== undefined && content.outputPath !== null && content.outputPath !== '') {
    issues.error('output-path', 'outputPath on an expression node is outside the subset', where);
  }
  const expressions: ExpressionEntry[] = [];
  for (const [index, entry] of (Array.isArray(content.expressions) ? content.expressions : []).entries()) {
    const id = isRecord(entry) && typeof entry.id === 'string' ? entry.id : `#${index + 1}`;
    const at = { ...where, rowId: id };
    if (!isRecord(entry) || typeof entry.key !== 'string' || typeof entry.value !== 'string') {
      issues.error('expression', 'each expression needs a key and a value', at);
      continue;
    }
    const key = fieldPath(entry.key.trim());
    if (!key) {
      issues.error('expression-key', `key "${entry.key}" must be a field path`, at);
      continue;
    }
    try {
      expressions.push({ id, key, text: entry.value, expr: parseExpression(entry.value.trim()) });
    } catch (error) {
      issues.error('syntax', syntaxMessage(error, entry.value), at);
    }
  }
  return { kind: 'expression', ...base, expressions, passThrough: content.passThrough === true };
}

function parseSwitch(node: Json, base: NodeBase, issues: IssueList): SwitchNode | undefined {
  const where = { nodeId: base.id, nodeName: base.name };
  const content = isRecord(node.content) ? node.content : {};
  const hitPolicy = content.hitPolicy ?? 'first';
  if (hitPolicy !== 'first' && hitPolicy !== 'collect') {
    issues.error(
      'hit-policy',
      `hit policy "${String(hitPolicy)}" is outside the subset (first, collect)`,
      where,
    );
    return undefined;
  }
  const statements: SwitchStatement[] = [];
  const ids = new Set<string>();
  for (const [index, entry] of (Array.isArray(content.statements) ? content.statements : []).entries()) {
    if (!isRecord(entry) || typeof entry.id !== 'string' || ids.has(entry.id)) {
      issues.error('statement', `statement ${index + 1} needs a unique id`, where);
      continue;
    }
    ids.add(entry.id);
    const text = typeof entry.condition === 'string' ? entry.condition : '';
    let expr: Expr | null = null;
    if (text.trim() !== '') {
      try {
        expr = parseExpression(text.trim());
      } catch (error) {
        issues.error('syntax', syntaxMessage(error, text), { ...where, rowId: entry.id });
      }
    }
    statements.push({ id: entry.id, text, expr, isDefault: entry.isDefault === true });
  }
  return { kind: 'switch', ...base, hitPolicy, statements };
}

const NODE_KINDS: Readonly<Record<string, string>> = {
  functionNode: 'function nodes run JavaScript; Credence compiles only declarative nodes',
  decisionNode: 'decision (sub-graph) nodes are outside the subset; inline the graph',
  customNode: 'custom nodes are outside the subset',
};

/**
 * Parses JDM JSON into a `PolicyGraph`, collecting every problem. Returns the graph only when there are
 * no errors; the issues (errors and warnings) are returned either way.
 */
export function readJdm(json: unknown): { graph?: PolicyGraph; issues: PolicyIssue[] } {
  const issues = new IssueList();
  if (!isRecord(json) || !Array.isArray(json.nodes) || !Array.isArray(json.edges)) {
    issues.error('format', 'not a JDM decision graph: expected an object with "nodes" and "edges" arrays');
    return { issues: issues.items };
  }
  const nodes = new Map<string, GraphNode>();
  const seen = new Set<string>();
  for (const [index, raw] of json.nodes.entries()) {
    if (!isRecord(raw) || typeof raw.id !== 'string' || raw.id === '') {
      issues.error('node', `node ${index + 1} has no id`);
      continue;
    }
    if (seen.has(raw.id)) {
      issues.error('node', `two nodes share the id ${raw.id}`);
      continue;
    }
    seen.add(raw.id);
    const base: NodeBase = {
      id: raw.id,
      name: typeof raw.name === 'string' && raw.name !== '' ? raw.name : raw.id,
    };
    const where = { nodeId: base.id, nodeName: base.name };
    let node: GraphNode | undefined;
    switch (raw.type) {
      case 'inputNode':
        node = {
          kind: 'input',
          ...base,
          ...parseInputSchema(isRecord(raw.content) ? raw.content : {}, issues, where),
        };
        break;
      case 'outputNode':
        node = { kind: 'output', ...base };
        break;
      case 'decisionTableNode':
        node = parseTable(raw, base, issues);
        break;
      case 'expressionNode':
        node = parseExpressionNode(raw, base, issues);
        break;
      case 'switchNode':
        node = parseSwitch(raw, base, issues);
        break;
      default:
        issues.error(
          'unsupported-node',
          NODE_KINDS[String(raw.type)] ?? `node type "${String(raw.type)}" is outside the subset`,
          where,
        );
    }
    if (node) nodes.set(node.id, node);
  }
  const inputs = [...nodes.values()].filter((node): node is InputNode => node.kind === 'input');
  const outputs = [...nodes.values()].filter((node): node is OutputNode => node.kind === 'output');
  if (inputs.length !== 1)
    issues.error('graph', `a policy needs exactly one input node (found ${inputs.length})`);
  if (outputs.length !== 1)
    issues.error('graph', `a policy needs exactly one output node (found ${outputs.length})`);

  const edges: GraphEdge[] = [];
  for (const [index, raw] of json.edges.entries()) {
    if (!isRecord(raw) || typeof raw.sourceId !== 'string' || typeof raw.targetId !== 'string') {
      issues.error('edge', `edge ${index + 1} needs a sourceId and a targetId`);
      continue;
    }
    const id = typeof raw.id === 'string' ? raw.id : `#${index + 1}`;
    const source = nodes.get(raw.sourceId);
    const target = nodes.get(raw.targetId);
    if (!seen.has(raw.sourceId) || !seen.has(raw.targetId)) {
      issues.error('edge', `edge ${id} connects a node that does not exist`);
      continue;
    }
    if (!source || !target) continue; // the node itself was refused above
    const handle = typeof raw.sourceHandle === 'string' && raw.sourceHandle !== '' ? raw.sourceHandle : null;
    if (source.kind === 'switch') {
      if (handle === null || !source.statements.some((statement) => statement.id === handle)) {
        issues.error('edge', `edge ${id} leaves the switch without naming one of its statements`, {
          nodeId: source.id,
          nodeName: source.name,
        });
        continue;
      }
    }
    if (target.kind === 'input') issues.error('edge', `edge ${id} points into the input node`);
    if (source.kind === 'output') issues.error('edge', `edge ${id} leaves the output node`);
    edges.push({
      id,
      sourceId: raw.sourceId,
      targetId: raw.targetId,
      sourceHandle: source.kind === 'switch' ? handle : null,
    });
  }

  const [input] = inputs;
  const [output] = outputs;
  if (!input || !output || issues.items.some((issue) => issue.severity === 'error')) {
    return { issues: issues.items };
  }
  const order = topologicalOrder([...nodes.values()], edges, issues);
  if (!order) return { issues: issues.items };
  checkConnectivity(order, edges, input, output, issues);
  checkJoins(order, edges, issues);
  if (issues.items.some((issue) => issue.severity === 'error')) return { issues: issues.items };
  return { graph: { nodes: order, edges, input, output }, issues: issues.items };
}

function topologicalOrder(
  nodes: GraphNode[],
  edges: GraphEdge[],
  issues: IssueList,
): GraphNode[] | undefined {
  const indegree = new Map(nodes.map((node) => [node.id, 0]));
  for (const edge of edges) indegree.set(edge.targetId, (indegree.get(edge.targetId) ?? 0) + 1);
  // Kahn's algorithm, taking ready nodes in file order so the compiled order is stable.
  const ready = nodes.filter((node) => indegree.get(node.id) === 0);
  const order: GraphNode[] = [];
  const byId = new Map(nodes.map((node) => [node.id, node]));
  while (ready.length > 0) {
    const node = ready.shift() as GraphNode;
    order.push(node);
    for (const edge of edges) {
      if (edge.sourceId !== node.id) continue;
      const left = (indegree.get(edge.targetId) ?? 0) - 1;
      indegree.set(edge.targetId, left);
      if (left === 0) ready.push(byId.get(edge.targetId) as GraphNode);
    }
  }
  if (order.length !== nodes.length) {
    issues.error('cycle', 'the graph has a cycle');
    return undefined;
  }
  return order;
}

function checkConnectivity(
  order: GraphNode[],
  edges: GraphEdge[],
  input: InputNode,
  output: OutputNode,
  issues: IssueList,
): void {
  const forward = new Set([input.id]);
  for (const node of order) {
    if (!forward.has(node.id)) continue;
    for (const edge of edges) if (edge.sourceId === node.id) forward.add(edge.targetId);
  }
  const backward = new Set([output.id]);
  for (const node of [...order].reverse()) {
    if (!backward.has(node.id)) continue;
    for (const edge of edges) if (edge.targetId === node.id) backward.add(edge.sourceId);
  }
  for (const node of order) {
    if (!forward.has(node.id) || !backward.has(node.id)) {
      issues.error('disconnected', 'the node is not on a path from the input node to the output node', {
        nodeId: node.id,
        nodeName: node.name,
      });
    }
  }
}

/**
 * A node may have several incoming edges only when at most one can be active: each comes (through nodes
 * with a single incoming edge) from a different branch of the same `first` switch.
 */
function checkJoins(order: GraphNode[], edges: GraphEdge[], issues: IssueList): void {
  const byId = new Map(order.map((node) => [node.id, node]));
  const incoming = (id: string) => edges.filter((edge) => edge.targetId === id);
  const branchOf = (edge: GraphEdge): string | undefined => {
    let current = edge;
    for (;;) {
      const source = byId.get(current.sourceId);
      if (!source) return undefined;
      if (source.kind === 'switch')
        return source.hitPolicy === 'first' ? `${source.id}\u0000${current.sourceHandle}` : undefined;
      const before = incoming(source.id);
      if (before.length !== 1) return undefined;
      current = before[0] as GraphEdge;
    }
  };
  for (const node of order) {
    const edgesIn = incoming(node.id);
    if (edgesIn.length <= 1) continue;
    const branches = edgesIn.map(branchOf);
    const switches = new Set(branches.map((branch) => branch?.split('\u0000')[0]));
    const distinct = new Set(branches);
    if (
      branches.some((branch) => branch === undefined) ||
      switches.size !== 1 ||
      distinct.size !== branches.length
    ) {
      issues.error(
        'join',
        'the node has several incoming edges that can be active together; zen-engine merges them in an undefined order. Join only the branches of one "first" switch',
        { nodeId: node.id, nodeName: node.name },
      );
    }
  }
}
