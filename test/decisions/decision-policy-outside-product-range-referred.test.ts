import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { decisionTestApp, type DecisionTestApp } from './support.ts';

/**
 * A policy graph is data an analyst edits: one whose last stage forgets to clamp the price or the limit
 * to the product must not approve at 30% on a 21.9% product, at 1%, or ¥999,999,999.99 on a ¥200,000
 * product. Such an output is not a decision: the application is referred as a policy fault (recorded, no
 * facility opened) instead.
 */
const apps: DecisionTestApp[] = [];
afterAll(async () => {
  for (const app of apps) await app.app.stop();
});

interface Graph {
  nodes: Array<{
    type: string;
    content?: { rules?: Array<Record<string, string>>; expressions?: Array<{ key: string; value: string }> };
  }>;
}

const defaultGraph = (): Graph =>
  JSON.parse(
    readFileSync(new URL('../../policies/default/credit-policy.json', import.meta.url), 'utf8'),
  ) as Graph;

/** The default graph with expressions of its last stage replaced and, optionally, every priced APR. */
function brokenPolicy(expressions: Record<string, string>, pricedApr?: string): Graph {
  const graph = defaultGraph();
  let replaced = 0;
  for (const node of graph.nodes) {
    for (const expression of node.content?.expressions ?? [])
      if (Object.hasOwn(expressions, expression.key)) {
        expression.value = expressions[expression.key] ?? '';
        replaced++;
      }
    if (pricedApr !== undefined)
      for (const rule of node.content?.rules ?? []) if ('pr_apr' in rule) rule.pr_apr = pricedApr;
  }
  expect(replaced).toBe(Object.keys(expressions).length);
  return graph;
}

describe('a policy whose approval lies outside the product', () => {
  it.each([
    ['an APR above the product maximum (30% on 21.9%)', brokenPolicy({ apr: 'apr' }, '0.3')],
    ['an APR below the product minimum (1% on 7.3%)', brokenPolicy({ apr: 'apr' }, '0.01')],
    ['a limit above the product maximum', brokenPolicy({ limit: '99999999999' })],
    ['an approval below the product minimum (¥1)', brokenPolicy({ limit: '100', outcome: '"approved"' })],
    ['a negative limit approved', brokenPolicy({ limit: '-500000', outcome: '"approved"' })],
  ])('is referred as a policy fault, not approved: %s', async (_label, graph) => {
    const t = await decisionTestApp({ tightening: false });
    apps.push(t);
    const customerId = t.personas.get('clean_approval') ?? '';
    const before = await t.app.http.inject({
      method: 'POST',
      url: '/v1/decisions',
      headers: t.auth('app'),
      payload: { customerId, product: 'cash_loan' },
    });
    expect(before.json()).toMatchObject({ outcome: 'approved', apr: '0.073', limit: '8000000' });

    const load = await t.app.http.inject({
      method: 'POST',
      url: '/v1/policies',
      headers: t.auth('analyst'),
      payload: { name: 'default', effectiveFrom: '2026-11-22', content: graph },
    });
    expect(load.statusCode).toBe(201);
    const post = await t.app.http.inject({
      method: 'POST',
      url: '/v1/decisions',
      headers: t.auth('app'),
      payload: { customerId, product: 'cash_loan' },
    });
    expect(post.statusCode).toBe(201);
    const body = post.json();
    expect(body).toMatchObject({
      outcome: 'referred',
      limit: '0',
      apr: null,
      facilityChange: null,
      policyVersion: load.json().policy.id,
      fault: { stage: 'policy', code: 'UNPROCESSABLE' },
    });
    expect(body.reasons.map((reason: { code: string }) => reason.code)).toEqual(['SYSTEM_UNAVAILABLE']);
  });
});
