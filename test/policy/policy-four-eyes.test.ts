import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealScorecard } from '../../src/scoring/scorecard.ts';
import { generateApiKeySecret } from '../../src/platform/auth/api-keys.ts';
import { seededRandomBytes } from '../../src/platform/ids/ids.ts';
import { parseLocalDate } from '../../src/platform/time/local-date.ts';
import { decisionTestApp, testScorecard, type DecisionTestApp } from '../decisions/support.ts';
import { storesUnderTest } from '../support/stores.ts';

/**
 * Four-eyes (issue 14): no single person changes who gets credit. A policy version, a model activation and a
 * dated lending setting are submitted by one analyst and take effect only when another approves — from their
 * date (a decision before it uses the old version, after it the new). The requester cannot approve their own
 * change, even under a second key of the same name (403 maker-checker, nothing changes); a decided change is
 * final (409). Compile answers located refusals; a simulation reports progress and ends with its report.
 */

const graphWithCashCutoff = (cutoff: number): Record<string, unknown> => {
  const graph = JSON.parse(
    readFileSync(new URL('../../policies/default/credit-policy.json', import.meta.url), 'utf8'),
  ) as { nodes: Array<{ id: string; content?: { rules?: Array<Record<string, string>> } }> };
  for (const node of graph.nodes)
    for (const rule of node.content?.rules ?? [])
      if (rule.co_product === '"cash_loan"') rule.co_cutoff = String(cutoff);
  return graph as unknown as Record<string, unknown>;
};

describe.each(storesUnderTest())('four-eyes changes on $name', (store) => {
  let t: DecisionTestApp;
  /** A second analyst (another person), and the requester's second key under their own name. */
  const keys = { bo: '', sameAnalyst: '' };
  const as = (key: string) => ({ authorization: `Bearer ${key}` });
  const post = (url: string, headers: Record<string, string>, payload: object = {}) =>
    t.app.http.inject({ method: 'POST', url, headers, payload });
  const get = (url: string) => t.app.http.inject({ method: 'GET', url, headers: t.auth('analyst') });
  const decide = async (persona: 'clean_approval' | 'tightened_policy') => {
    const response = await post('/v1/decisions', t.auth('app'), {
      customerId: t.personas.get(persona) ?? '',
      product: 'cash_loan',
      requestedAmount: '8000.00',
    });
    expect(response.statusCode).toBe(201);
    return response.json() as { policyVersion: string; outcome: string; score: number };
  };

  beforeAll(async () => {
    t = await decisionTestApp({ store });
    const random = seededRandomBytes(14);
    keys.bo = generateApiKeySecret('analyst', random);
    await t.app.services.apiKeys.create({ name: 'Bo Chen', role: 'analyst', secret: keys.bo });
    keys.sameAnalyst = generateApiKeySecret('analyst', random);
    // The requester ('test analyst') again, under a second key whose name differs only in case and spacing.
    await t.app.services.apiKeys.create({
      name: ' Test  ANALYST ',
      role: 'analyst',
      secret: keys.sameAnalyst,
    });
  }, 120_000);
  afterAll(async () => {
    await t?.app.stop();
  });

  it('a submitted policy is not in force; self-approval is refused; another analyst’s approval puts it in force from its date', async () => {
    const installed = await t.app.services.policies.list({ name: 'default' });
    expect(installed.map((version) => [version.version, version.status])).toEqual([[1, 'approved']]);
    const v1 = installed[0]?.id ?? '';
    // The first policy of the fresh database was the bootstrap, and the audit log says so.
    const bootstrap = await t.app.services.audit.list({ action: 'policy.bootstrap' });
    expect(bootstrap.items.map((item) => [item.actor.name, item.subject.id])).toEqual([['bootstrap', v1]]);

    const submitted = await post('/v1/policies', t.auth('analyst'), {
      name: 'default',
      effectiveFrom: '2026-11-24',
      content: graphWithCashCutoff(680),
      description: 'cash loan cut-off 680',
    });
    expect(submitted.statusCode).toBe(202);
    const v2 = submitted.json().policy.id as string;
    const changeId = submitted.json().change.changeId as string;
    expect(submitted.json().policy).toMatchObject({ version: 2, status: 'pending_approval', changeId });

    const inbox = await get('/v1/approvals?status=pending');
    // The page size is a query string's digits (not coerced): 1 item, and 501 refused naming the rule.
    expect((await get('/v1/approvals?status=pending&limit=1')).json().items).toHaveLength(1);
    expect((await get('/v1/approvals?limit=501')).json()).toMatchObject({ status: 422 });
    expect(inbox.json().items).toEqual([
      {
        changeId,
        kind: 'policy',
        summary: 'policy default v2 from 2026-11-24: cash loan cut-off 680',
        requestedBy: 'test analyst',
        requestedAt: '2026-11-22T02:00:00.000Z',
        effectiveFrom: '2026-11-24',
        status: 'pending',
        payloadRef: `/v1/policies/${v2}`,
        simulationId: null,
        decidedBy: null,
        decidedAt: null,
        note: '',
        bootstrap: false,
      },
    ]);

    for (const headers of [t.auth('analyst'), as(keys.sameAnalyst)]) {
      const self = await post(`/v1/approvals/${changeId}/approve`, headers);
      expect(self.statusCode).toBe(403);
      expect(self.json().errors).toEqual([
        {
          field: 'approver',
          rule: 'maker-checker',
          message: 'the requester (test analyst) cannot approve their own change',
        },
      ]);
    }
    expect((await get(`/v1/approvals/${changeId}`)).json().change.status).toBe('pending');

    // Before approval, even on its date, decisions use version 1.
    t.clock.set(new Date('2026-11-24T02:00:00Z'));
    expect((await decide('clean_approval')).policyVersion).toBe(v1);
    t.clock.set(new Date('2026-11-22T02:00:00Z'));

    const approved = await post(`/v1/approvals/${changeId}/approve`, as(keys.bo), { note: 'simulated' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().change).toMatchObject({
      status: 'approved',
      decidedBy: 'Bo Chen',
      decidedAt: '2026-11-22T02:00:00.000Z',
      note: 'simulated',
    });
    const twice = await post(`/v1/approvals/${changeId}/approve`, t.auth('admin'));
    expect(twice.statusCode).toBe(409);
    expect(twice.json().errors[0]).toMatchObject({ field: 'changeId', rule: 'final' });

    // Approved, in force from its date: the day before still decides with version 1, its date with version 2.
    t.clock.set(new Date('2026-11-23T02:00:00Z'));
    expect((await decide('clean_approval')).policyVersion).toBe(v1);
    t.clock.set(new Date('2026-11-24T02:00:00Z'));
    expect((await decide('clean_approval')).policyVersion).toBe(v2);

    const audit = await t.app.services.audit.list({ action: 'policy.*' });
    expect(
      audit.items
        .filter((item) => item.subject.id === changeId || item.subject.id === v2)
        .map((item) => [item.action, item.actor.name, item.outcome])
        .reverse(),
    ).toEqual([
      ['policy.submit', 'test analyst', 'ok'],
      ['policy.approve', 'Bo Chen', 'ok'],
    ]);
    const refused = await t.app.services.audit.list({ action: 'change.approve' });
    expect(refused.items.map((item) => [item.actor.name, item.outcome])).toEqual([
      [' Test  ANALYST ', 'refused'],
      ['test analyst', 'refused'],
    ]);
  });

  it('a rejected version never takes effect, a decided change is final, and a date passed while waiting refuses the approval', async () => {
    t.clock.set(new Date('2026-11-24T02:00:00Z'));
    const rejected = await post('/v1/policies', t.auth('analyst'), {
      name: 'default',
      effectiveFrom: '2026-12-01',
      content: graphWithCashCutoff(700),
    });
    expect(rejected.statusCode).toBe(202);
    const rejectId = rejected.json().change.changeId as string;
    const rejection = await post(`/v1/approvals/${rejectId}/reject`, as(keys.bo), { note: 'too tight' });
    expect(rejection.json().change).toMatchObject({
      status: 'rejected',
      decidedBy: 'Bo Chen',
      note: 'too tight',
    });
    expect((await post(`/v1/approvals/${rejectId}/approve`, t.auth('admin'))).statusCode).toBe(409);
    expect((await t.app.services.policies.inForce('default', parseLocalDate('2026-12-01')))?.version).toBe(2);
    const versions = (await get('/v1/policies?name=default')).json().policies;
    expect(
      versions.map((version: { version: number; status: string }) => [version.version, version.status]),
    ).toEqual([
      [1, 'approved'],
      [2, 'approved'],
      [3, 'rejected'],
    ]);

    const late = await post('/v1/policies', t.auth('analyst'), {
      name: 'default',
      effectiveFrom: '2026-11-25',
      content: graphWithCashCutoff(690),
    });
    t.clock.set(new Date('2026-11-26T02:00:00Z'));
    const tooLate = await post(`/v1/approvals/${late.json().change.changeId}/approve`, as(keys.bo));
    expect(tooLate.statusCode).toBe(422);
    expect(tooLate.json().errors).toEqual([
      {
        field: 'effectiveFrom',
        rule: 'effective-date-passed',
        message: '2026-11-25 is before today (2026-11-26)',
      },
    ]);
    expect((await get(`/v1/approvals/${late.json().change.changeId}`)).json().change.status).toBe('pending');
  });

  it('compiles a graph without storing it, each refusal located at node, row and column', async () => {
    const broken = graphWithCashCutoff(600) as {
      nodes: Array<{ id: string; content?: { rules?: Array<Record<string, string>> } }>;
    };
    const row = broken.nodes.find((node) => node.id === 'limits')?.content?.rules?.[0];
    if (!row) throw new Error('fixture');
    row.lm_score = 'score % 2 == 0';
    const before = (await get('/v1/policies')).json().policies.length;
    const refused = await post('/v1/policies/compile', t.auth('analyst'), { graph: broken });
    expect(refused.statusCode).toBe(200);
    expect(refused.json()).toMatchObject({ ok: false, warnings: [] });
    expect(refused.json().refusals).toEqual([
      {
        nodeId: 'limits',
        nodeName: 'Limit matrix',
        row: 'lm-s1-i1',
        // An expression column reads no single field: it is named by its title.
        column: 'Score',
        field: 'policy.nodes.limits.rules.lm-s1-i1.lm_score',
        rule: 'syntax',
        message:
          'node "Limit matrix" (limits), row lm-s1-i1, column "Score" (lm_score): character "%" is outside the subset in "score % 2 == 0" at character 7',
      },
    ]);
    const fine = await post('/v1/policies/compile', t.auth('analyst'), { graph: graphWithCashCutoff(650) });
    expect(fine.json()).toEqual({
      ok: true,
      refusals: [],
      warnings: [
        {
          nodeId: 'limit-reasons',
          nodeName: 'Limit reasons',
          row: null,
          column: null,
          field: 'policy.nodes.limit-reasons',
          rule: 'not-checked',
          message:
            'node "Limit reasons" (limit-reasons): the table has expression cells, so gaps, overlaps and shadowed rows were not checked',
        },
      ],
    });
    expect((await get('/v1/policies')).json().policies).toHaveLength(before);
  });

  it('simulates a candidate over past decisions in the background, with progress, to a report', async () => {
    // The decisions of the window: what v1 and v2 decided on 2026-11-23/24 (first test) and two more now.
    t.clock.set(new Date('2026-11-26T02:00:00Z'));
    await decide('clean_approval');
    await decide('tightened_policy');
    const started = await post('/v1/policies/simulations', t.auth('analyst'), {
      graph: graphWithCashCutoff(900),
      from: '2026-11-22',
      to: '2026-11-26',
      product: 'cash_loan',
    });
    expect(started.statusCode).toBe(202);
    const id = started.json().simulationId as string;
    expect(['queued', 'running']).toContain(started.json().status);
    await t.app.services.policySimulations.idle();
    const done = await get(`/v1/policies/simulations/${id}`);
    expect(done.statusCode).toBe(200);
    const body = done.json();
    expect(body).toMatchObject({ status: 'done', requestedBy: 'test analyst' });
    expect(body.total).toBeGreaterThan(0);
    expect(body.done).toBe(body.total);
    const report = body.report;
    // A cut-off of 900 approves nobody: every recorded approval swaps out, none swaps in.
    expect(report.candidate).toMatchObject({ approved: 0, limitTotal: '0.00', limitTotalFen: '0' });
    expect(report.swapIns.count).toBe(0);
    expect(report.swapOuts.count).toBe(report.current.approved);
    expect(report.current.approved).toBeGreaterThan(0);
    expect(report.swapOuts.samples).toHaveLength(report.current.approved);
    expect(report.swapOuts.samples[0]).toMatchObject({
      product: 'cash_loan',
      after: { outcome: 'declined' },
    });
    expect(BigInt(report.current.limitTotalFen)).toBe(
      report.swapOuts.samples.reduce(
        (sum: bigint, sample: { before: { limitFen: string } }) => sum + BigInt(sample.before.limitFen),
        0n,
      ),
    );
    expect(report.window).toEqual({ from: '2026-11-22', to: '2026-11-26', product: 'cash_loan' });

    // The version in force replays itself exactly: no swap at all, every record it decided reproduced.
    const itself = await post('/v1/policies/simulations', t.auth('analyst'), {
      policyId: (await t.app.services.policies.inForce('default', parseLocalDate('2026-11-26')))?.id,
      from: '2026-11-24',
      to: '2026-11-26',
    });
    await t.app.services.policySimulations.idle();
    const replay = (await get(`/v1/policies/simulations/${itself.json().simulationId}`)).json().report;
    expect([replay.swapIns.count, replay.swapOuts.count]).toEqual([0, 0]);
    expect(replay.reproduction.reproduced).toBe(replay.reproduction.records);
    expect(replay.reproduction.records).toBeGreaterThan(0);
  });

  it('activates a model only on another analyst’s approval', async () => {
    const { contentHash: _hash, ...rest } = testScorecard();
    const card = sealScorecard({ ...rest, version: 'four-eyes-2' });
    await t.app.services.models.register(card);
    const active = (await t.app.services.models.active())?.version;
    const asked = await post('/v1/models/four-eyes-2/activate', t.auth('analyst'));
    expect(asked.statusCode).toBe(202);
    const changeId = asked.json().changeId as string;
    const self = await post(`/v1/approvals/${changeId}/approve`, as(keys.sameAnalyst));
    expect(self.statusCode).toBe(403);
    expect(self.json().errors[0].rule).toBe('maker-checker');
    expect((await t.app.services.models.active())?.version).toBe(active);
    expect((await post(`/v1/approvals/${changeId}/approve`, as(keys.bo))).statusCode).toBe(200);
    expect((await t.app.services.models.active())?.version).toBe('four-eyes-2');
    expect((await t.app.services.models.scorer()).card.version).toBe('four-eyes-2');
    expect((await post(`/v1/approvals/${changeId}/reject`, t.auth('admin'))).statusCode).toBe(409);
  });

  it('a candidate saved from a monitoring simulation is submitted in the saver’s name, pending another’s approval', async () => {
    t.clock.set(new Date('2026-11-26T02:00:00Z'));
    const simulated = await post('/v1/monitoring/simulations', t.auth('analyst'), {
      policy: graphWithCashCutoff(640),
      from: '2026-11-26',
      to: '2026-11-26',
      save: { name: 'default', effectiveFrom: '2026-12-10' },
    });
    expect(simulated.statusCode).toBe(200);
    const versionId = simulated.json().candidate.saved.versionId as string;
    const version = (await get(`/v1/policies/${versionId}`)).json().policy;
    expect(version.status).toBe('pending_approval');
    const change = (await get(`/v1/approvals/${version.changeId}`)).json().change;
    expect(change).toMatchObject({ requestedBy: 'test analyst', status: 'pending' });
    expect((await post(`/v1/approvals/${version.changeId}/approve`, as(keys.sameAnalyst))).statusCode).toBe(
      403,
    );
  });

  it('applies a dated settings change from its date once approved', async () => {
    t.clock.set(new Date('2026-11-26T02:00:00Z'));
    const asked = await post('/v1/lending-settings/changes', t.auth('analyst'), {
      kind: 'riskAppetite',
      effectiveFrom: '2026-12-01',
      setting: { name: 'downturn', cutoffRaise: 40, limitScale: '0.75' },
    });
    expect(asked.statusCode).toBe(202);
    expect(asked.json().change).toMatchObject({
      kind: 'settings',
      summary: 'risk appetite "downturn" (cut-off +40) from 2026-12-01',
      status: 'pending',
    });
    const before = (await get('/v1/lending-settings')).json().riskAppetite;
    expect(before.some((setting: { name: string }) => setting.name === 'downturn')).toBe(false);
    const self = await post(`/v1/approvals/${asked.json().changeId}/approve`, t.auth('analyst'));
    expect(self.statusCode).toBe(403);
    expect((await post(`/v1/approvals/${asked.json().changeId}/approve`, as(keys.bo))).statusCode).toBe(200);
    const after = (await get('/v1/lending-settings')).json().riskAppetite;
    expect(after.find((setting: { name: string }) => setting.name === 'downturn')).toMatchObject({
      effectiveFrom: '2026-12-01',
      cutoffRaise: 40,
      limitScale: '0.75',
    });
    const resolvedBefore = await t.app.services.policies.resolve({
      productCode: 'cash_loan',
      customerId: 'cus_01JD3ZK6Q8W4M2X9T7B5N1R0AE',
      date: parseLocalDate('2026-11-30'),
    });
    const resolvedOn = await t.app.services.policies.resolve({
      productCode: 'cash_loan',
      customerId: 'cus_01JD3ZK6Q8W4M2X9T7B5N1R0AE',
      date: parseLocalDate('2026-12-01'),
    });
    expect([resolvedBefore.appetite.name === 'downturn', resolvedOn.appetite.name]).toEqual([
      false,
      'downturn',
    ]);
    const refused = await post('/v1/lending-settings/changes', t.auth('analyst'), {
      kind: 'riskAppetite',
      effectiveFrom: '2026-11-20',
      setting: { name: 'past', cutoffRaise: 10, limitScale: '1' },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0]).toMatchObject({ field: 'effectiveFrom', rule: 'not-in-past' });
  });
});
