import type { DecisionTableNode, ExpressionNode, GraphNode, PolicyGraph, SwitchNode } from './jdm.ts';

/**
 * A structured diff of two policy graphs, in the terms an analyst reviews: nodes added, removed or changed;
 * within a table, columns and rows added, removed, changed cell by cell, or moved (row order decides under
 * `first`); within an expression node, keys added, removed or changed; switch statements likewise; edges.
 * Rows, columns, expressions and statements are matched by their ids, as the GoRules editor keeps them.
 */

export interface NodeSummary {
  readonly id: string;
  readonly name: string;
  readonly kind: GraphNode['kind'];
}

export interface ColumnSummary {
  readonly id: string;
  readonly name: string;
  readonly field: string | null;
}

export type NodeChange =
  | { readonly change: 'renamed'; readonly from: string; readonly to: string }
  | { readonly change: 'setting'; readonly setting: string; readonly from: unknown; readonly to: unknown }
  | {
      readonly change: 'column-added' | 'column-removed';
      readonly side: 'input' | 'output';
      readonly column: ColumnSummary;
    }
  | {
      readonly change: 'column-changed';
      readonly side: 'input' | 'output';
      readonly columnId: string;
      readonly from: ColumnSummary;
      readonly to: ColumnSummary;
    }
  | {
      readonly change: 'row-added' | 'row-removed';
      readonly rowId: string;
      readonly cells: Readonly<Record<string, string>>;
    }
  | {
      readonly change: 'row-changed';
      readonly rowId: string;
      readonly cells: ReadonlyArray<{
        readonly columnId: string;
        readonly columnName: string;
        readonly from: string;
        readonly to: string;
      }>;
    }
  | {
      readonly change: 'row-moved';
      readonly rowId: string;
      readonly fromIndex: number;
      readonly toIndex: number;
    }
  | {
      readonly change: 'expression-added' | 'expression-removed';
      readonly id: string;
      readonly key: string;
      readonly value: string;
    }
  | {
      readonly change: 'expression-changed';
      readonly id: string;
      readonly from: { readonly key: string; readonly value: string };
      readonly to: { readonly key: string; readonly value: string };
    }
  | {
      readonly change: 'statement-added' | 'statement-removed';
      readonly id: string;
      readonly condition: string;
    }
  | { readonly change: 'statement-changed'; readonly id: string; readonly from: string; readonly to: string };

export interface ChangedNode extends NodeSummary {
  readonly changes: readonly NodeChange[];
}

export interface EdgeSummary {
  readonly sourceId: string;
  readonly targetId: string;
  readonly sourceHandle: string | null;
}

export interface GraphDiff {
  readonly nodesAdded: readonly NodeSummary[];
  readonly nodesRemoved: readonly NodeSummary[];
  readonly nodesChanged: readonly ChangedNode[];
  readonly edgesAdded: readonly EdgeSummary[];
  readonly edgesRemoved: readonly EdgeSummary[];
  /** True when nothing differs. */
  readonly identical: boolean;
}

const summary = (node: GraphNode): NodeSummary => ({ id: node.id, name: node.name, kind: node.kind });

function columnSummary(column: { id: string; name: string; field: readonly string[] | null }): ColumnSummary {
  return { id: column.id, name: column.name, field: column.field ? column.field.join('.') : null };
}

function sameColumn(a: ColumnSummary, b: ColumnSummary): boolean {
  return a.name === b.name && a.field === b.field;
}

function tableChanges(from: DecisionTableNode, to: DecisionTableNode): NodeChange[] {
  const changes: NodeChange[] = [];
  for (const setting of ['hitPolicy', 'passThrough'] as const) {
    if (from[setting] !== to[setting])
      changes.push({ change: 'setting', setting, from: from[setting], to: to[setting] });
  }
  const fromPath = from.outputPath?.join('.') ?? null;
  const toPath = to.outputPath?.join('.') ?? null;
  if (fromPath !== toPath)
    changes.push({ change: 'setting', setting: 'outputPath', from: fromPath, to: toPath });
  for (const side of ['input', 'output'] as const) {
    const before = (side === 'input' ? from.inputs : from.outputs).map(columnSummary);
    const after = (side === 'input' ? to.inputs : to.outputs).map(columnSummary);
    for (const column of after) {
      const old = before.find((candidate) => candidate.id === column.id);
      if (!old) changes.push({ change: 'column-added', side, column });
      else if (!sameColumn(old, column))
        changes.push({ change: 'column-changed', side, columnId: column.id, from: old, to: column });
    }
    for (const column of before) {
      if (!after.some((candidate) => candidate.id === column.id))
        changes.push({ change: 'column-removed', side, column });
    }
  }
  const columns = (node: DecisionTableNode) => [
    ...node.inputs.map((column, index) => ({
      id: column.id,
      name: column.name,
      side: 'input' as const,
      index,
    })),
    ...node.outputs.map((column, index) => ({
      id: column.id,
      name: column.name,
      side: 'output' as const,
      index,
    })),
  ];
  const cellsOf = (node: DecisionTableNode, rowIndex: number): Record<string, string> => {
    const row = node.rows[rowIndex];
    const cells: Record<string, string> = {};
    for (const column of columns(node)) {
      const cell = column.side === 'input' ? row?.inputs[column.index] : row?.outputs[column.index];
      cells[column.id] = (cell?.text ?? '').trim();
    }
    return cells;
  };
  const fromIndex = new Map(from.rows.map((row, index) => [row.id, index]));
  const toIndex = new Map(to.rows.map((row, index) => [row.id, index]));
  const kept = to.rows.filter((row) => fromIndex.has(row.id)).map((row) => row.id);
  const keptBefore = from.rows.filter((row) => toIndex.has(row.id)).map((row) => row.id);
  to.rows.forEach((row, index) => {
    const oldIndex = fromIndex.get(row.id);
    if (oldIndex === undefined) {
      changes.push({ change: 'row-added', rowId: row.id, cells: cellsOf(to, index) });
      return;
    }
    const before = cellsOf(from, oldIndex);
    const after = cellsOf(to, index);
    const names = new Map(columns(to).map((column) => [column.id, column.name]));
    const cells = [...new Set([...Object.keys(before), ...Object.keys(after)])]
      .filter((columnId) => (before[columnId] ?? '') !== (after[columnId] ?? ''))
      .map((columnId) => ({
        columnId,
        columnName: names.get(columnId) ?? columnId,
        from: before[columnId] ?? '',
        to: after[columnId] ?? '',
      }));
    if (cells.length > 0) changes.push({ change: 'row-changed', rowId: row.id, cells });
    // Order among the rows both versions have: what decides which row wins under "first".
    if (kept.indexOf(row.id) !== keptBefore.indexOf(row.id)) {
      changes.push({ change: 'row-moved', rowId: row.id, fromIndex: oldIndex, toIndex: index });
    }
  });
  from.rows.forEach((row, index) => {
    if (!toIndex.has(row.id))
      changes.push({ change: 'row-removed', rowId: row.id, cells: cellsOf(from, index) });
  });
  return changes;
}

function expressionChanges(from: ExpressionNode, to: ExpressionNode): NodeChange[] {
  const changes: NodeChange[] = [];
  if (from.passThrough !== to.passThrough) {
    changes.push({ change: 'setting', setting: 'passThrough', from: from.passThrough, to: to.passThrough });
  }
  const view = (entry: ExpressionNode['expressions'][number]) => ({
    key: entry.key.join('.'),
    value: entry.text.trim(),
  });
  for (const entry of to.expressions) {
    const old = from.expressions.find((candidate) => candidate.id === entry.id);
    if (!old) changes.push({ change: 'expression-added', id: entry.id, ...view(entry) });
    else if (view(old).key !== view(entry).key || view(old).value !== view(entry).value) {
      changes.push({ change: 'expression-changed', id: entry.id, from: view(old), to: view(entry) });
    }
  }
  for (const entry of from.expressions) {
    if (!to.expressions.some((candidate) => candidate.id === entry.id)) {
      changes.push({ change: 'expression-removed', id: entry.id, ...view(entry) });
    }
  }
  return changes;
}

function switchChanges(from: SwitchNode, to: SwitchNode): NodeChange[] {
  const changes: NodeChange[] = [];
  if (from.hitPolicy !== to.hitPolicy)
    changes.push({ change: 'setting', setting: 'hitPolicy', from: from.hitPolicy, to: to.hitPolicy });
  const text = (statement: SwitchNode['statements'][number]) =>
    `${statement.isDefault ? '(default) ' : ''}${statement.text.trim()}`;
  for (const statement of to.statements) {
    const old = from.statements.find((candidate) => candidate.id === statement.id);
    if (!old) changes.push({ change: 'statement-added', id: statement.id, condition: text(statement) });
    else if (text(old) !== text(statement))
      changes.push({ change: 'statement-changed', id: statement.id, from: text(old), to: text(statement) });
  }
  for (const statement of from.statements) {
    if (!to.statements.some((candidate) => candidate.id === statement.id)) {
      changes.push({ change: 'statement-removed', id: statement.id, condition: text(statement) });
    }
  }
  return changes;
}

/** Compares two graphs node by node (matched by node id). */
export function diffGraphs(from: PolicyGraph, to: PolicyGraph): GraphDiff {
  const nodesAdded = to.nodes.filter((node) => !from.nodes.some((old) => old.id === node.id)).map(summary);
  const nodesRemoved = from.nodes
    .filter((node) => !to.nodes.some((next) => next.id === node.id))
    .map(summary);
  const nodesChanged: ChangedNode[] = [];
  for (const node of to.nodes) {
    const old = from.nodes.find((candidate) => candidate.id === node.id);
    if (!old) continue;
    const changes: NodeChange[] = [];
    if (old.name !== node.name) changes.push({ change: 'renamed', from: old.name, to: node.name });
    if (old.kind !== node.kind) {
      changes.push({ change: 'setting', setting: 'kind', from: old.kind, to: node.kind });
    } else if (old.kind === 'decisionTable' && node.kind === 'decisionTable') {
      changes.push(...tableChanges(old, node));
    } else if (old.kind === 'expression' && node.kind === 'expression') {
      changes.push(...expressionChanges(old, node));
    } else if (old.kind === 'switch' && node.kind === 'switch') {
      changes.push(...switchChanges(old, node));
    }
    if (changes.length > 0) nodesChanged.push({ ...summary(node), changes });
  }
  const edgeKey = (edge: EdgeSummary) =>
    `${edge.sourceId}\u0000${edge.targetId}\u0000${edge.sourceHandle ?? ''}`;
  const edges = (graph: PolicyGraph) =>
    graph.edges.map((edge) => ({
      sourceId: edge.sourceId,
      targetId: edge.targetId,
      sourceHandle: edge.sourceHandle,
    }));
  const fromEdges = new Map(edges(from).map((edge) => [edgeKey(edge), edge]));
  const toEdges = new Map(edges(to).map((edge) => [edgeKey(edge), edge]));
  const edgesAdded = [...toEdges].filter(([key]) => !fromEdges.has(key)).map(([, edge]) => edge);
  const edgesRemoved = [...fromEdges].filter(([key]) => !toEdges.has(key)).map(([, edge]) => edge);
  return {
    nodesAdded,
    nodesRemoved,
    nodesChanged,
    edgesAdded,
    edgesRemoved,
    identical:
      nodesAdded.length +
        nodesRemoved.length +
        nodesChanged.length +
        edgesAdded.length +
        edgesRemoved.length ===
      0,
  };
}
