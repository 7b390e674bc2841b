import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors/app-error.ts';
import { compilePolicy } from './policy-compiler.ts';

const position = { x: 0, y: 0 };

/** input → table → output, with a schema giving score 350–950 and income ≥ 0. */
function tableGraph(
  rules: Array<Record<string, string>>,
  options: {
    hitPolicy?: string;
    inputs?: unknown[];
    extra?: Record<string, unknown>;
    nodes?: unknown[];
  } = {},
) {
  const schema = {
    type: 'object',
    properties: {
      score: { type: 'integer', minimum: 350, maximum: 950 },
      income: { type: 'integer', minimum: 0 },
      kind: { type: 'string', enum: ['a', 'b'] },
    },
  };
  return {
    nodes: [
      { id: 'in', type: 'inputNode', name: 'Request', position, content: { schema: JSON.stringify(schema) } },
      {
        id: 't',
        type: 'decisionTableNode',
        name: 'Bands',
        position,
        content: {
          hitPolicy: options.hitPolicy ?? 'first',
          inputs: options.inputs ?? [
            { id: 'sc', name: 'Score', field: 'score' },
            { id: 'in', name: 'Income', field: 'income' },
          ],
          outputs: [{ id: 'o', name: 'Band', field: 'band' }],
          rules,
          passThrough: true,
          inputField: null,
          outputPath: options.hitPolicy === 'collect' ? 'bands' : null,
          executionMode: 'single',
          ...options.extra,
        },
      },
      ...(options.nodes ?? []),
      { id: 'out', type: 'outputNode', name: 'Response', position },
    ],
    edges: [
      { id: 'e1', sourceId: 'in', targetId: 't' },
      { id: 'e2', sourceId: 't', targetId: 'out' },
    ],
  };
}

function refusal(document: unknown): AppError {
  try {
    compilePolicy(document);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('the policy was accepted');
}

describe('compiling a policy', () => {
  it('evaluates and traces every node with the matched row ids', () => {
    const policy = compilePolicy(
      tableGraph([
        { _id: 'low', sc: '< 600', in: '', o: '"C"' },
        { _id: 'mid', sc: '[600..700)', in: '', o: '"B"' },
        { _id: 'high', sc: '>= 700', in: '', o: '"A"' },
      ]),
    );
    const evaluation = policy.evaluate({ score: 650, income: 0 });
    expect(evaluation.output).toEqual({ score: 650, income: 0, band: 'B' });
    expect(evaluation.trace.map((entry) => [entry.nodeId, entry.kind, entry.matched])).toEqual([
      ['in', 'input', []],
      ['t', 'decisionTable', ['mid']],
      ['out', 'output', []],
    ]);
    expect(policy.warnings).toEqual([]);
    expect(policy.thresholds.get('score')).toEqual([600, 700]);
  });

  it('refuses nodes outside the subset with the node and the reason', () => {
    const document = tableGraph([{ _id: 'r', sc: '', in: '', o: '1' }]);
    document.nodes.push({ id: 'fn', type: 'functionNode', name: 'Script', position } as never);
    const error = refusal(document);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.issues).toContainEqual({
      field: 'policy.nodes.fn',
      rule: 'unsupported-node',
      message: 'node "Script" (fn): function nodes run JavaScript; Credence compiles only declarative nodes',
    });
  });

  it('refuses a cell outside the subset naming node, row and column', () => {
    const error = refusal(tableGraph([{ _id: 'r7', sc: 'score % 2 == 0', in: '', o: '1' }]));
    expect(error.issues).toEqual([
      {
        field: 'policy.nodes.t.rules.r7.sc',
        rule: 'syntax',
        message:
          'node "Bands" (t), row r7, column "Score" (sc): character "%" is outside the subset in "score % 2 == 0" at character 7',
      },
    ]);
  });

  it('refuses "-" and missing cells, which zen-engine never matches', () => {
    const error = refusal(tableGraph([{ _id: 'r1', sc: '-', o: '1' }]));
    expect(error.issues.map((issue) => [issue.field, issue.rule])).toEqual([
      ['policy.nodes.t.rules.r1.sc', 'syntax'],
      ['policy.nodes.t.rules.r1.in', 'missing-cell'],
    ]);
  });

  it('fails an evaluation whose input breaks the schema, naming the field', () => {
    const policy = compilePolicy(tableGraph([{ _id: 'r', sc: '', in: '', o: '1' }]));
    expect(() => policy.evaluate({ score: 200 })).toThrow(/policy input score must be at least 350/);
    expect(() => policy.evaluate({ score: 'x' })).toThrow(/score must be integer/);
  });

  it('stops with a fault when an expression node cannot be evaluated', () => {
    const policy = compilePolicy({
      nodes: [
        { id: 'in', type: 'inputNode', name: 'in', position },
        {
          id: 'calc',
          type: 'expressionNode',
          name: 'Calc',
          position,
          content: {
            expressions: [{ id: 'x', key: 'double', value: 'amount * 2' }],
            passThrough: false,
            inputField: null,
            outputPath: null,
            executionMode: 'single',
          },
        },
        { id: 'out', type: 'outputNode', name: 'out', position },
      ],
      edges: [
        { id: 'a', sourceId: 'in', targetId: 'calc' },
        { id: 'b', sourceId: 'calc', targetId: 'out' },
      ],
    });
    expect(policy.evaluate({ amount: 0.35 }).output).toEqual({ double: 0.7 });
    expect(() => policy.evaluate({})).toThrow(/could not evaluate double = amount \* 2/);
  });

  it('refuses joins that zen-engine would merge in an undefined order', () => {
    const document = tableGraph([{ _id: 'r', sc: '', in: '', o: '1' }]);
    document.nodes.splice(2, 0, {
      id: 'u',
      type: 'expressionNode',
      name: 'Other',
      position,
      content: {
        expressions: [],
        passThrough: true,
        inputField: null,
        outputPath: null,
        executionMode: 'single',
      },
    } as never);
    document.edges.push(
      { id: 'e3', sourceId: 'in', targetId: 'u' },
      { id: 'e4', sourceId: 'u', targetId: 'out' },
    );
    expect(refusal(document).issues.map((issue) => issue.rule)).toEqual(['join']);
  });
});

describe('static checks of decision tables', () => {
  it('refuses a row shadowed by earlier rows under "first"', () => {
    const error = refusal(
      tableGraph([
        { _id: 'any-high', sc: '>= 600', in: '', o: '"A"' },
        { _id: 'low', sc: '< 600', in: '', o: '"B"' },
        { _id: 'dead', sc: '>= 700', in: '> 100', o: '"X"' },
      ]),
    );
    expect(error.issues).toEqual([
      {
        field: 'policy.nodes.t.rules.dead',
        rule: 'unreachable-row',
        message: 'node "Bands" (t), row dead: every input this row matches is taken first by row(s) any-high',
      },
    ]);
  });

  it('refuses a row no input can match, also in collect tables', () => {
    const error = refusal(
      tableGraph(
        [
          { _id: 'ok', sc: '< 600', in: '', o: '"A"' },
          { _id: 'never', sc: '> 900 and < 800', in: '', o: '"B"' },
          { _id: 'wrong-type', sc: '"high"', in: '', o: '"C"' },
        ],
        { hitPolicy: 'collect' },
      ),
    );
    expect(error.issues.map((issue) => `${issue.field} ${issue.rule}`)).toEqual([
      'policy.nodes.t.rules.never unreachable-row',
      'policy.nodes.t.rules.wrong-type unreachable-row',
    ]);
  });

  it('warns about gaps over the domain the schema gives (score 350–950), and about overlaps', () => {
    const policy = compilePolicy(
      tableGraph([
        { _id: 'a', sc: '[350..600)', in: '< 1000', o: '"A"' },
        { _id: 'b', sc: '[600..950]', in: '< 5000', o: '"B"' },
        { _id: 'c', sc: '>= 900', in: '', o: '"C"' },
      ]),
    );
    expect(policy.warnings.map((warning) => [warning.code, warning.rowId ?? null, warning.message])).toEqual([
      [
        'overlap',
        'c',
        'rows b and c both match some inputs (e.g. score = 900, income = 0); under "first" the earlier row wins',
      ],
      [
        'gap',
        null,
        'no row matches 12 input region(s), e.g. score = 350, income = 1000; score = 350, income in (1000, 5000); score = 350, income = 5000',
      ],
    ]);
  });

  it('without a schema, takes the domain of a text column from its cells plus "any other text"', () => {
    const document = tableGraph(
      [
        { _id: 'a', k: '"a"', sc: '', o: '1' },
        { _id: 'b', k: '"b"', sc: '', o: '2' },
      ],
      {
        inputs: [
          { id: 'k', name: 'Kind', field: 'kind' },
          { id: 'sc', name: 'Score', field: 'score' },
        ],
      },
    );
    delete (document.nodes[0] as { content?: unknown }).content;
    const policy = compilePolicy(document);
    expect(policy.warnings.map((warning) => warning.message)).toEqual([
      'no row matches 1 input region(s), e.g. kind = any other text, score = anything',
    ]);
  });

  it('knows a table covering every band of an enum and a bounded score has no gap', () => {
    const policy = compilePolicy(
      tableGraph(
        [
          { _id: 'a-low', k: '"a"', sc: '< 600', o: '1' },
          { _id: 'a-high', k: '"a"', sc: '>= 600', o: '2' },
          { _id: 'b', k: '"b"', sc: '', o: '3' },
        ],
        {
          inputs: [
            { id: 'k', name: 'Kind', field: 'kind' },
            { id: 'sc', name: 'Score', field: 'score' },
          ],
        },
      ),
    );
    expect(policy.warnings).toEqual([]);
  });
});
