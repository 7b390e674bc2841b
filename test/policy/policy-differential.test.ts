import { readFileSync } from 'node:fs';
import { ZenEngine, type ZenDecision } from '@gorules/zen-engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../src/platform/errors/app-error.ts';
import { compilePolicy } from '../../src/policy/policy-compiler.ts';
import type { ZenObject } from '../../src/policy/zen-runtime.ts';

/**
 * Differential test of whole decision graphs: the default credit policy and small graphs that exercise
 * every supported node option, evaluated by Credence and by @gorules/zen-engine on random inputs.
 * Outputs must be identical (compared as JSON: key order is not part of the result), errors must agree;
 * Credence's traceless `evaluateOutput` must give what its `evaluate` gives.
 */

const engine = new ZenEngine();
const defaultPolicy = JSON.parse(
  readFileSync(new URL('../../policies/default/credit-policy.json', import.meta.url), 'utf8'),
) as unknown;

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

const compiledCache = new Map<unknown, { ours: ReturnType<typeof compilePolicy>; theirs: ZenDecision }>();

function bothCompiled(document: unknown) {
  let entry = compiledCache.get(document);
  if (!entry) {
    entry = {
      ours: compilePolicy(document, { staticChecks: false }),
      theirs: engine.createDecision(document as object),
    };
    compiledCache.set(document, entry);
  }
  return entry;
}

async function differential(document: unknown, input: ZenObject): Promise<void> {
  const { ours: compiled, theirs: decision } = bothCompiled(document);
  let ours: unknown;
  try {
    ours = canonical(compiled.evaluate(input).output);
  } catch (error) {
    if (!isAppError(error)) throw error;
    ours = 'error';
  }
  // The traceless evaluation gives the same output, or the same error.
  let traceless: unknown;
  try {
    traceless = canonical(compiled.evaluateOutput(input));
  } catch (error) {
    if (!isAppError(error)) throw error;
    traceless = 'error';
  }
  expect(JSON.stringify(traceless)).toBe(JSON.stringify(ours));
  let theirs: unknown;
  try {
    theirs = canonical((await decision.evaluate(input)).result);
  } catch {
    theirs = 'error';
  }
  expect(JSON.stringify({ input, result: ours })).toBe(JSON.stringify({ input, result: theirs }));
}

const fenAmount = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 0, max: 5_000_000 }),
  fc.integer({ min: 0, max: 50 }).map((n) => n * 10_000),
);
const subScore = fc.integer({ min: 350, max: 950 });

const applicant = fc.record({
  productType: fc.constantFrom('credit_line', 'cash_loan'),
  score: fc.oneof(
    fc.integer({ min: 350, max: 950 }),
    fc.constantFrom(559, 560, 589, 590, 599, 600, 629, 630, 650, 700, 750),
  ),
  subScores: fc.record({
    identity: subScore,
    capacity: subScore,
    history: subScore,
    relationships: subScore,
    behaviour: subScore,
  }),
  verificationLevel: fc.integer({ min: 0, max: 3 }),
  age: fc.integer({ min: 16, max: 80 }),
  blocklisted: fc.boolean(),
  overdueAmountHere: fc.oneof(fc.constant(0), fc.constant(0), fenAmount),
  overdueAmountElsewhere: fc.oneof(fc.constant(0), fc.constant(0), fenAmount),
  inquiries30d: fc.integer({ min: 0, max: 12 }),
  hasActiveHold: fc.boolean(),
  historyMonths: fc.integer({ min: 0, max: 60 }),
  isNewUser: fc.boolean(),
  onTimeCycles: fc.integer({ min: 0, max: 24 }),
  monthlyIncome: fenAmount,
  monthlyDebtPayments: fenAmount,
  requestedAmount: fc.oneof(fc.constant(null), fenAmount),
  product: fc.record({
    code: fc.constantFrom('cash_loan', 'credit_line'),
    requiredVerificationLevel: fc.integer({ min: 0, max: 3 }),
    minAge: fc.constantFrom(18, 20, 22),
    maxAge: fc.constantFrom(55, 60, 65),
    minLimit: fc.constantFrom(50_000, 100_000, 500_000),
    maxLimit: fc.constantFrom(5_000_000, 20_000_000),
    firstLimitCap: fc.constantFrom(300_000, 500_000, 1_000_000),
    minApr: fc.constantFrom(0.073, 0.0365),
    maxApr: fc.constantFrom(0.219, 0.1825, 0.24),
  }),
  appetite: fc.record({
    cutoffRaise: fc.constantFrom(0, 0, 20, 40),
    limitScale: fc.constantFrom(1, 1, 0.9, 0.75, 0.5, 0.8125),
  }),
});

describe('the default credit policy: Credence vs @gorules/zen-engine', () => {
  it('gives identical outputs for random applicants', async () => {
    await fc.assert(
      fc.asyncProperty(applicant, (input) => differential(defaultPolicy, input as ZenObject)),
      { numRuns: 3000 },
    );
  });

  it('agrees when fields are missing or of the wrong type (errors and skipped rows)', async () => {
    const damaged = fc
      .tuple(
        applicant,
        fc.subarray([
          'score',
          'productType',
          'inquiries30d',
          'monthlyIncome',
          'requestedAmount',
          'isNewUser',
          'appetite',
          'verificationLevel',
          'age',
          'overdueAmountHere',
        ]),
        fc.boolean(),
        // Wrong types, and numbers outside the schema's bounds or not integers.
        fc.constantFrom<unknown>('x', null, -1, 1.5, 15, 951, 4, 1e7, true),
      )
      .map(([input, drop, wrongType, value]) => {
        const copy: Record<string, unknown> = { ...input };
        for (const key of drop) {
          if (wrongType) copy[key] = value;
          else delete copy[key];
        }
        return copy as ZenObject;
      });
    await fc.assert(
      fc.asyncProperty(damaged, (input) => differential(defaultPolicy, input)),
      { numRuns: 800 },
    );
  });
});

const position = { x: 0, y: 0 };
const io = [
  { id: 'in', type: 'inputNode', name: 'in', position },
  { id: 'out', type: 'outputNode', name: 'out', position },
];
const table = (
  id: string,
  hitPolicy: string,
  extra: Record<string, unknown>,
  rules: Array<Record<string, string>>,
) => ({
  id,
  type: 'decisionTableNode',
  name: id,
  position,
  content: {
    hitPolicy,
    inputs: [
      { id: 'a', name: 'a', field: 'a' },
      { id: 'e', name: 'expr' },
    ],
    outputs: [
      { id: 'x', name: 'x', field: 'x.y' },
      { id: 'z', name: 'z', field: 'z' },
    ],
    rules,
    passThrough: true,
    inputField: null,
    outputPath: null,
    executionMode: 'single',
    ...extra,
  },
});
const rules = [
  { _id: 'r1', a: '> 5', e: 'b == true', x: 'a * 2', z: '"big"' },
  { _id: 'r2', a: '[0..5]', e: '', x: '', z: 'null' },
  { _id: 'r3', a: '"s", null', e: 'c > 1', x: 'c', z: '' },
  { _id: 'r4', a: '', e: '', x: '0.1 + 0.2', z: 'a' },
];
const expression = (id: string, passThrough: boolean) => ({
  id,
  type: 'expressionNode',
  name: id,
  position,
  content: {
    expressions: [
      { id: 'k1', key: 'sum', value: 'a + c' },
      { id: 'k2', key: 'nested.twice', value: '$.sum * 2' },
      { id: 'k3', key: 'b', value: 'null' },
    ],
    passThrough,
    inputField: null,
    outputPath: null,
    executionMode: 'single',
  },
});
const switchNode = (hitPolicy: string, withDefault: boolean) => ({
  id: 'sw',
  type: 'switchNode',
  name: 'sw',
  position,
  content: {
    hitPolicy,
    statements: [
      { id: 's1', condition: 'a > 3', isDefault: false },
      { id: 's2', condition: 'c > 0', isDefault: false },
      ...(withDefault ? [{ id: 's3', condition: '', isDefault: true }] : []),
    ],
  },
});

function graph(nodes: unknown[], edges: Array<[string, string, string?]>) {
  return {
    nodes: [...io, ...nodes],
    edges: edges.map(([sourceId, targetId, sourceHandle], index) => ({
      id: `e${index}`,
      sourceId,
      targetId,
      type: 'edge',
      ...(sourceHandle ? { sourceHandle } : {}),
    })),
  };
}

const graphs: Record<string, unknown> = {
  'first, pass-through': graph(
    [table('t', 'first', {}, rules)],
    [
      ['in', 't'],
      ['t', 'out'],
    ],
  ),
  'first, no pass-through, output path': graph(
    [table('t', 'first', { passThrough: false, outputPath: 'res.best' }, rules)],
    [
      ['in', 't'],
      ['t', 'out'],
    ],
  ),
  'first, pass-through, output path': graph(
    [table('t', 'first', { outputPath: 'res' }, rules)],
    [
      ['in', 't'],
      ['t', 'out'],
    ],
  ),
  'collect, pass-through': graph(
    [table('t', 'collect', { outputPath: 'hits' }, rules)],
    [
      ['in', 't'],
      ['t', 'out'],
    ],
  ),
  'collect, no pass-through': graph(
    [table('t', 'collect', { passThrough: false, outputPath: 'hits' }, rules)],
    [
      ['in', 't'],
      ['t', 'out'],
    ],
  ),
  'expression, pass-through, then table': graph(
    [expression('ex', true), table('t', 'first', {}, rules)],
    [
      ['in', 'ex'],
      ['ex', 't'],
      ['t', 'out'],
    ],
  ),
  'expression, no pass-through': graph(
    [expression('ex', false)],
    [
      ['in', 'ex'],
      ['ex', 'out'],
    ],
  ),
  'switch first with default, joined': graph(
    [
      switchNode('first', true),
      expression('e1', true),
      expression('e2', false),
      table('t3', 'first', {}, rules),
    ],
    [
      ['in', 'sw'],
      ['sw', 'e1', 's1'],
      ['sw', 'e2', 's2'],
      ['sw', 't3', 's3'],
      ['e1', 'out'],
      ['e2', 'out'],
      ['t3', 'out'],
    ],
  ),
  'switch first without default': graph(
    [switchNode('first', false), expression('e1', true)],
    [
      ['in', 'sw'],
      ['sw', 'e1', 's1'],
      ['e1', 'out'],
    ],
  ),
  'switch collect into one branch': graph(
    [switchNode('collect', true), expression('e1', true)],
    [
      ['in', 'sw'],
      ['sw', 'e1', 's2'],
      ['e1', 'out'],
    ],
  ),
};

const smallInput = fc.record(
  {
    a: fc.oneof(fc.integer({ min: -2, max: 9 }), fc.constantFrom('s', null, 2.5, true)),
    b: fc.oneof(fc.boolean(), fc.constant(null)),
    c: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constant(0.7), fc.constant(null)),
    x: fc.oneof(fc.constant({ y: 1, w: 2 }), fc.constant(5)),
    res: fc.constant(1),
  },
  { requiredKeys: [] },
);

describe('supported node options: Credence vs @gorules/zen-engine', () => {
  for (const [name, document] of Object.entries(graphs)) {
    it(name, async () => {
      await fc.assert(
        fc.asyncProperty(smallInput, (input) => differential(document, input as ZenObject)),
        { numRuns: 150 },
      );
    });
  }
});
