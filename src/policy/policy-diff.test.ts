import { describe, expect, it } from 'vitest';
import { readJdm, type PolicyGraph } from './jdm.ts';
import { diffGraphs } from './policy-diff.ts';

const position = { x: 0, y: 0 };

function graph(
  rules: Array<Record<string, string>>,
  extra: { expression?: string; name?: string } = {},
): PolicyGraph {
  const document = {
    nodes: [
      { id: 'in', type: 'inputNode', name: 'in', position },
      {
        id: 't',
        type: 'decisionTableNode',
        name: extra.name ?? 'Bands',
        position,
        content: {
          hitPolicy: 'first',
          inputs: [{ id: 'sc', name: 'Score', field: 'score' }],
          outputs: [{ id: 'o', name: 'Band', field: 'band' }],
          rules,
          passThrough: true,
          inputField: null,
          outputPath: null,
          executionMode: 'single',
        },
      },
      {
        id: 'x',
        type: 'expressionNode',
        name: 'Calc',
        position,
        content: {
          expressions: [{ id: 'e1', key: 'limit', value: extra.expression ?? 'score * 100' }],
          passThrough: true,
          inputField: null,
          outputPath: null,
          executionMode: 'single',
        },
      },
      { id: 'out', type: 'outputNode', name: 'out', position },
    ],
    edges: [
      { id: 'a', sourceId: 'in', targetId: 't' },
      { id: 'b', sourceId: 't', targetId: 'x' },
      { id: 'c', sourceId: 'x', targetId: 'out' },
    ],
  };
  const { graph: parsed } = readJdm(document);
  if (!parsed) throw new Error('test graph refused');
  return parsed;
}

describe('policy diff', () => {
  it('reports identical graphs as identical', () => {
    const rules = [{ _id: 'a', sc: '< 600', o: '"C"' }];
    expect(diffGraphs(graph(rules), graph(rules))).toMatchObject({ identical: true, nodesChanged: [] });
  });

  it('reports rows changed cell by cell, added, removed and moved, expressions and renames', () => {
    const before = graph([
      { _id: 'low', sc: '< 600', o: '"C"' },
      { _id: 'mid', sc: '[600..700)', o: '"B"' },
      { _id: 'old', sc: '>= 700', o: '"A"' },
    ]);
    const after = graph(
      [
        { _id: 'mid', sc: '[620..700)', o: '"B"' },
        { _id: 'low', sc: '< 620', o: '"C"' },
        { _id: 'new', sc: '>= 700', o: '"A+"' },
      ],
      { expression: 'score * 80', name: 'Score bands' },
    );
    const diff = diffGraphs(before, after);
    expect(diff.identical).toBe(false);
    expect(diff.nodesChanged).toEqual([
      {
        id: 't',
        name: 'Score bands',
        kind: 'decisionTable',
        changes: [
          { change: 'renamed', from: 'Bands', to: 'Score bands' },
          {
            change: 'row-changed',
            rowId: 'mid',
            cells: [{ columnId: 'sc', columnName: 'Score', from: '[600..700)', to: '[620..700)' }],
          },
          { change: 'row-moved', rowId: 'mid', fromIndex: 1, toIndex: 0 },
          {
            change: 'row-changed',
            rowId: 'low',
            cells: [{ columnId: 'sc', columnName: 'Score', from: '< 600', to: '< 620' }],
          },
          { change: 'row-moved', rowId: 'low', fromIndex: 0, toIndex: 1 },
          { change: 'row-added', rowId: 'new', cells: { sc: '>= 700', o: '"A+"' } },
          { change: 'row-removed', rowId: 'old', cells: { sc: '>= 700', o: '"A"' } },
        ],
      },
      {
        id: 'x',
        name: 'Calc',
        kind: 'expression',
        changes: [
          {
            change: 'expression-changed',
            id: 'e1',
            from: { key: 'limit', value: 'score * 100' },
            to: { key: 'limit', value: 'score * 80' },
          },
        ],
      },
    ]);
  });
});
