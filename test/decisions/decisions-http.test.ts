import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { trainDemoScorecard } from '../../src/demo/scorecard/demo-scorecard.ts';
import { parseLocalDate } from '../../src/platform/time/local-date.ts';
import { storesUnderTest } from '../support/stores.ts';
import { decisionTestApp, type DecisionTestApp } from './support.ts';

/**
 * The decisions API on every store: decide, read (with the evidence), list, replay — including a replay
 * after the active model and the policy in force have changed, which must still recompute with the
 * decision's own versions and match exactly.
 */
const apps: DecisionTestApp[] = [];
afterAll(async () => {
  for (const app of apps) await app.app.stop();
});

const policyWithCashCutoff = (cutoff: number): unknown => {
  const graph = JSON.parse(
    readFileSync(new URL('../../policies/default/credit-policy.json', import.meta.url), 'utf8'),
  ) as { nodes: Array<{ content?: { rules?: Array<Record<string, string>> } }> };
  for (const node of graph.nodes)
    for (const rule of node.content?.rules ?? [])
      if (rule.co_product === '"cash_loan"') rule.co_cutoff = String(cutoff);
  return graph;
};

describe.each(storesUnderTest())('decisions over HTTP on $name', (store) => {
  it('decides, shows the evidence, lists, and replays after the model and policy changed', async () => {
    const t = await decisionTestApp({ store });
    apps.push(t);
    const customerId = t.personas.get('new_user_first_limit') ?? '';
    const post = await t.app.http.inject({
      method: 'POST',
      url: '/v1/decisions',
      headers: t.auth('app'),
      payload: { customerId, product: 'cash_loan', requestedAmount: '8000.00' },
    });
    expect(post.statusCode).toBe(201);
    const body = post.json();
    expect(body).toMatchObject({
      customerId,
      outcome: 'approved',
      // One unit per field name: yuan, as requestedAmount was sent; integer fen under …Fen.
      limit: '5000.00',
      limitFen: '500000',
      requestedAmount: '8000.00',
      requestedAmountFen: '800000',
      apr: '0.073',
      dailyRate: '0.0002',
      score: 829,
      arm: 'champion',
      modelVersion: 'demo-synthetic-v3-s1-n4000',
      facilityChange: 'opened',
    });
    expect(body.decisionId).toMatch(/^dec_/);
    expect(Object.keys(body.subScores).sort()).toEqual([
      'behaviour',
      'capacity',
      'history',
      'identity',
      'relationships',
    ]);
    expect(body.reasons.map((r: { code: string }) => r.code)).toEqual([
      'NEW_USER_RAMP',
      'LIMIT_BELOW_REQUEST',
    ]);
    expect(body.reasons[1]).toEqual({
      code: 'LIMIT_BELOW_REQUEST',
      kind: 'limit',
      params: { limit: '500000', requested: '800000' },
      text: {
        zh: '您申请了¥8,000.00，目前我们能提供¥5,000.00。',
        en: 'You asked for CNY 8,000.00; we can offer CNY 5,000.00 for now.',
      },
    });
    expect(body.recourse.actions[0]).toMatchObject({ code: 'REPAY_ON_TIME', to: 3, byDate: '2027-02-22' });
    expect(body.evidence).toBeUndefined();

    const shown = await t.app.http.inject({
      url: `/v1/decisions/${body.decisionId}?evidence=true`,
      headers: t.auth('reviewer'),
    });
    expect(shown.statusCode).toBe(200);
    const evidence = shown.json().evidence;
    expect(evidence.facts.asOfDate).toBe('2026-11-22');
    expect(evidence.policyDocument.score).toBe(829);
    const trace = evidence.trace as Array<{ nodeName: string; matched: string[] }>;
    expect(trace.map((entry) => entry.nodeName)).toContain('Knock-outs');
    expect(trace.find((entry) => entry.nodeName === 'New-user ramp')?.matched.length).toBe(1);

    const listed = await t.app.http.inject({
      url: `/v1/customers/${customerId}/decisions`,
      headers: t.auth('app'),
    });
    expect(listed.json().decisions.map((d: { decisionId: string }) => d.decisionId)).toEqual([
      body.decisionId,
    ]);

    // The world changes: another model becomes active and a stricter policy version comes into force.
    const other = trainDemoScorecard({
      customers: 2_000,
      seed: 7,
      version: 'other-model',
      trainedAt: '2026-11-21T00:00:00.000Z',
    }).card;
    await t.app.services.models.register(other);
    await t.app.services.models.activate('other-model');
    const loaded = await t.app.services.policies.load({
      name: 'default',
      effectiveFrom: parseLocalDate('2026-11-22'),
      content: policyWithCashCutoff(680),
      requestedBy: { id: 'key_author', name: 'policy author' },
    });
    // Four-eyes: the version is in force once a second person approves it.
    await t.app.services.changes.approve(loaded.change?.id ?? '', {
      id: 'key_checker',
      name: 'policy checker',
    });
    const again = await t.app.services.decisions.decide({ customerId, productCode: 'cash_loan' });
    expect(again.modelVersion).toBe('other-model');
    expect(again.policyVersionId).toBe(loaded.version.id);
    expect(again.policyVersionId).not.toBe(body.policyVersion);

    const replay = await t.app.http.inject({
      method: 'POST',
      url: `/v1/decisions/${body.decisionId}/replay`,
      headers: t.auth('analyst'),
    });
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toMatchObject({
      matches: true,
      basis: 'evaluation',
      differences: [],
      outcome: { stored: 'approved', recomputed: 'approved' },
      modelVersion: 'demo-synthetic-v3-s1-n4000',
      policyVersion: body.policyVersion,
    });
    const replayAgain = await t.app.services.decisions.replay(again.id);
    expect(replayAgain.matches).toBe(true);
  });

  it('refuses bad input, unknown ids and the wrong role with problem+json', async () => {
    const t = apps[apps.length - 1];
    if (!t) throw new Error('the first test builds the app');
    const customerId = t.personas.get('clean_approval') ?? '';
    const number = await t.app.http.inject({
      method: 'POST',
      url: '/v1/decisions',
      headers: t.auth('app'),
      payload: { customerId, product: 'cash_loan', requestedAmount: 5000 },
    });
    expect(number.statusCode).toBe(422);
    expect(number.json().errors[0]).toMatchObject({ field: 'requestedAmount', rule: 'type' });
    const zero = await t.app.http.inject({
      method: 'POST',
      url: '/v1/decisions',
      headers: t.auth('app'),
      payload: { customerId, product: 'cash_loan', requestedAmount: '0.00' },
    });
    expect(zero.statusCode).toBe(422);
    expect(zero.json().errors[0]).toMatchObject({ field: 'requestedAmount', rule: 'positive' });
    const unknown = await t.app.http.inject({
      method: 'POST',
      url: '/v1/decisions',
      headers: t.auth('app'),
      payload: { customerId: 'cus_01M80000000000000000000000', product: 'cash_loan' },
    });
    expect(unknown.statusCode).toBe(404);
    const reviewer = await t.app.http.inject({
      method: 'POST',
      url: '/v1/decisions',
      headers: t.auth('reviewer'),
      payload: { customerId, product: 'cash_loan' },
    });
    expect(reviewer.statusCode).toBe(403);
    const missing = await t.app.http.inject({
      url: '/v1/decisions/dec_01M80000000000000000000000',
      headers: t.auth('app'),
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
  });
});
