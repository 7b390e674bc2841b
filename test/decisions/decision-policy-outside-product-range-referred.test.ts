import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decisionTestApp, type DecisionTestApp } from './support.ts';

/**
 * A policy graph is data an analyst edits: one whose last stage forgets to clamp the price or the limit
 * to the product must not approve at 30% on a 21.9% product, at 1%, or ¥999,999,999.99 on a ¥200,000
 * product. Loading it is refused (422, naming the rule, the product and an example applicant); a graph
 * that goes outside only where the load-time grid does not look (here: only when an amount is requested)
 * loads, and its out-of-range output is then no decision: the application is referred as a policy fault
 * (recorded, no facility opened).
 */
let t: DecisionTestApp;
beforeAll(async () => {
  t = await decisionTestApp({ tightening: false });
});
afterAll(async () => {
  await t.app.stop();
});

interface Graph {
  nodes: Array<{ content?: { expressions?: Array<{ key: string; value: string }> } }>;
}

/** The default graph with expressions of its last stage rewritten from their original text. */
function brokenPolicy(rewrite: Record<string, (original: string) => string>): Graph {
  const graph = JSON.parse(
    readFileSync(new URL('../../policies/default/credit-policy.json', import.meta.url), 'utf8'),
  ) as Graph;
  let replaced = 0;
  for (const node of graph.nodes)
    for (const expression of node.content?.expressions ?? []) {
      const change = rewrite[expression.key];
      if (change && expression.key !== 'cutoff') {
        expression.value = change(expression.value);
        replaced++;
      }
    }
  expect(replaced).toBe(Object.keys(rewrite).length);
  return graph;
}

const always = (value: string) => () => value;
const whenRequested = (value: string) => (original: string) =>
  `requestedAmount != null ? ${value} : (${original})`;

const cases = [
  {
    label: 'an APR above the product maximum (30% on 21.9%)',
    rule: 'apr-outside-product',
    make: (how: (v: string) => (o: string) => string) => brokenPolicy({ apr: how('0.3') }),
  },
  {
    label: 'an APR below the product minimum (1% on 7.3%)',
    rule: 'apr-outside-product',
    make: (how: (v: string) => (o: string) => string) => brokenPolicy({ apr: how('0.01') }),
  },
  {
    label: 'a limit above the product maximum',
    rule: 'limit-outside-product',
    make: (how: (v: string) => (o: string) => string) => brokenPolicy({ limit: how('99999999999') }),
  },
  {
    label: 'an approval of ¥1, below the product minimum',
    rule: 'limit-outside-product',
    make: (how: (v: string) => (o: string) => string) =>
      brokenPolicy({ limit: how('100'), outcome: how('"approved"') }),
  },
  {
    label: 'a negative limit approved',
    rule: 'limit-outside-product',
    make: (how: (v: string) => (o: string) => string) =>
      brokenPolicy({ limit: how('-500000'), outcome: how('"approved"') }),
  },
];

const loadPolicy = (content: Graph) =>
  t.app.http.inject({
    method: 'POST',
    url: '/v1/policies',
    headers: t.auth('analyst'),
    payload: { name: 'default', effectiveFrom: '2026-11-22', content },
  });

const decide = (customerId: string) =>
  t.app.http.inject({
    method: 'POST',
    url: '/v1/decisions',
    headers: t.auth('app'),
    payload: { customerId, product: 'cash_loan', requestedAmount: '80000.00' },
  });

describe('a policy whose approval lies outside the product', () => {
  it.each(cases)('is refused at load (422, $rule): $label', async ({ rule, make }) => {
    const load = await loadPolicy(make(always));
    expect(load.statusCode).toBe(422);
    const problem = load.json();
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.errors.map((error: { rule: string }) => error.rule)).toContain(rule);
    const error = problem.errors.find((entry: { rule: string }) => entry.rule === rule);
    // Located at the node and column that set the limit (the editor's cell to change).
    const output = rule === 'apr-outside-product' ? 'apr' : 'limit';
    expect(error.field).toBe(`policy.nodes.decide.de_${output}`);
    expect(error.message).toMatch(
      new RegExp(
        `^node "[^"]+" \\(decide\\), column "${output}" \\(de_${output}\\): cash_loan: an applicant with score \\d+`,
      ),
    );
    const versions = await t.app.http.inject({
      method: 'GET',
      url: '/v1/policies?name=default',
      headers: t.auth('analyst'),
    });
    expect(versions.json().policies).toHaveLength(1);
  });

  it.each(cases)('when the grid misses it, is referred as a policy fault: $label', async ({ make }) => {
    const customerId = t.personas.get('clean_approval') ?? '';
    const load = await loadPolicy(make(whenRequested));
    // Submitted (four-eyes), then approved by a second person: in force from today.
    expect(load.statusCode).toBe(202);
    const approved = await t.app.http.inject({
      method: 'POST',
      url: `/v1/approvals/${load.json().change.changeId}/approve`,
      headers: t.auth('admin'),
      payload: {},
    });
    expect(approved.statusCode).toBe(200);
    const post = await decide(customerId);
    expect(post.statusCode).toBe(201);
    const body = post.json();
    expect(body).toMatchObject({
      outcome: 'referred',
      limit: '0.00',
      limitFen: '0',
      apr: null,
      facilityChange: null,
      policyVersion: load.json().policy.id,
      fault: { stage: 'policy', code: 'UNPROCESSABLE' },
    });
    expect(body.reasons.map((reason: { code: string }) => reason.code)).toEqual(['SYSTEM_UNAVAILABLE']);
  });
});
