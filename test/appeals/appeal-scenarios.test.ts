import { beforeAll, describe, expect, it } from 'vitest';
import {
  APPEAL_CUSTOMERS,
  appealTestApp,
  createScriptedCustomer,
  FILES,
  type AppealTestApp,
} from './support.ts';

/** An audit event as the history endpoint returns it. */
interface EventJson {
  action: string;
  statusBefore: string | null;
  statusAfter: string;
  after: Record<string, unknown>;
}

/**
 * The typical cases of issue 8, end to end over HTTP on one app (clock at Monday 2026-11-23 10:00 Shanghai):
 * 1. declined for an unverified phone → completes verification → appeals → approved by the re-check;
 * 2. a disputed overdue → re-check unchanged → queued → a reviewer overturns above the maker-checker
 *    threshold → a second reviewer approves → an override decision that replays;
 * 3. an appeal during an outage → deferred → resolved by the recovery pass when the system returns.
 */
let t: AppealTestApp;
beforeAll(async () => {
  t = await appealTestApp();
});

async function inject(
  method: 'GET' | 'POST',
  url: string,
  headers: Record<string, string>,
  payload?: unknown,
) {
  const response = await t.app.http.inject({
    method,
    url,
    headers,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
  return { status: response.statusCode, body: response.json() };
}

async function decide(customerId: string) {
  const { status, body } = await inject('POST', '/v1/decisions', t.auth('app'), {
    customerId,
    product: 'cash_loan',
  });
  expect(status).toBe(201);
  return body;
}

async function upload(customerId: string, bytes: Uint8Array, type: string) {
  const response = await t.app.http.inject({
    method: 'POST',
    url: `/v1/appeals/evidence?customerId=${customerId}`,
    headers: { ...t.auth('app'), 'content-type': type },
    payload: Buffer.from(bytes),
  });
  return { status: response.statusCode, body: response.json() };
}

const phoneOf = (key: string) => APPEAL_CUSTOMERS.find((c) => c.key === key)!.phone;

describe('appeal-unverified-phone-approved-by-recheck', () => {
  it('declines at L1, the customer completes verification, appeals, and the re-check approves without a person', async () => {
    t.provider.unregister(phoneOf('phone_unregistered'));
    const customerId = await createScriptedCustomer(t, 'phone_unregistered');
    const declined = await decide(customerId);
    expect(declined).toMatchObject({ outcome: 'declined', limit: '0.00', limitFen: '0' });
    expect(declined.reasons[0]).toMatchObject({
      code: 'VERIFICATION_LEVEL_TOO_LOW',
      params: { current: 1, required: 3 },
    });

    // The customer registers the phone in their own name with the operator, then appeals.
    t.provider.register(phoneOf('phone_unregistered'));
    t.clock.advanceMs(3_600_000);
    const filed = await inject('POST', `/v1/decisions/${declined.decisionId}/appeals`, t.auth('app'), {
      customerId,
      category: 'identity',
      statement: '我已经完成手机号实名登记 / I have registered my phone in my own name.',
    });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({
      status: 'resolved',
      resolution: 'overturned_by_recheck',
      // A first limit: the new-user ramp caps it at ¥5,000, priced for the score band (750 and up on the
      // demo scorecard's calibrated scale: 7.3%).
      granted: { limit: '5000.00', limitFen: '500000', apr: '0.073' },
      statusText: {
        zh: '好消息：申诉成功。您已获批额度¥5,000.00，年化利率7.30%。',
        en: 'Good news: your appeal succeeded. You are approved for CNY 5,000.00 at 7.30% a year.',
      },
    });
    const facility = await t.app.services.facilities.getFacility(customerId, 'cash-loan');
    expect(facility).toMatchObject({
      limit: 500_000n,
      decisionId: filed.body.granted.decisionId,
      status: 'active',
    });

    const appealId = filed.body.appealId as string;
    const history = await inject('GET', `/v1/appeals/${appealId}/history`, t.auth('analyst'));
    expect(history.body.events.map((e: EventJson) => [e.action, e.statusBefore, e.statusAfter])).toEqual([
      ['filed', null, 'filed'],
      ['notified', 'filed', 'filed'],
      ['rechecked', 'filed', 'filed'],
      ['decided', 'filed', 'resolved'],
      ['notified', 'resolved', 'resolved'],
    ]);
    const rechecked = history.body.events[2];
    expect(rechecked.after).toMatchObject({
      verdict: 'better',
      reasonsRemoved: expect.arrayContaining(['VERIFICATION_LEVEL_TOO_LOW']),
    });
    const recheck = await t.app.services.decisions.get(filed.body.granted.decisionId);
    expect(recheck).toMatchObject({ kind: 'recheck', linkedTo: appealId, outcome: 'approved' });
    const appeal = await t.app.services.appeals.get(appealId);
    expect(appeal.recheckDiff?.inputs).toContainEqual({ field: 'verification.level', from: 1, to: 3 });
    expect(appeal.recheckDiff?.inputs).toContainEqual({ field: 'verificationLevel', from: 1, to: 3 });
    expect(history.body.notifications.map((n: { kind: string }) => n.kind)).toEqual(['received', 'resolved']);
    expect(
      t.logLines().filter((line) => line.includes('"appeal notification"') && line.includes(appealId)),
    ).toHaveLength(2);
  });
});

describe('appeal-disputed-overdue-overturned-with-second-approval', () => {
  it('queues the unchanged re-check, a reviewer overturns at ¥60,000, a second reviewer approves, the override replays', async () => {
    const customerId = await createScriptedCustomer(t, 'disputed_overdue');
    const declined = await decide(customerId);
    expect(declined.outcome).toBe('declined');
    expect(declined.reasons[0]).toMatchObject({ code: 'OVERDUE_ELSEWHERE', params: { amount: '100000' } });

    const letter = await upload(customerId, FILES.pdf, 'application/pdf');
    expect(letter.status).toBe(201);
    const filed = await inject('POST', `/v1/decisions/${declined.decisionId}/appeals`, t.auth('app'), {
      customerId,
      category: 'data_error',
      statement: 'The bank confirms the third instalment was paid; their report was wrong. Letter attached.',
      evidence: [letter.body.evidenceId],
    });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({
      status: 'queued',
      slaDueDate: '2026-11-26',
      statusText: { en: 'A person will review your appeal; you will have our answer by 26 Nov 2026.' },
    });
    const appealId = filed.body.appealId as string;
    const { ana, bo } = t.reviewers;

    const queue = await inject('GET', '/v1/appeals?status=queued', ana.auth);
    expect(queue.body.appeals.map((a: { appealId: string }) => a.appealId)).toContain(appealId);
    const claimed = await inject('POST', `/v1/appeals/${appealId}/claim`, ana.auth);
    expect(claimed.body).toMatchObject({ status: 'in_review', assignee: { id: ana.principal.keyId } });

    const file = await inject('GET', `/v1/appeals/${appealId}/case`, ana.auth);
    expect(file.status).toBe(200);
    expect(file.body.original.reasons[0].code).toBe('OVERDUE_ELSEWHERE');
    expect(file.body.original.evidence.trace.length).toBeGreaterThan(0);
    expect(file.body.recheck.outcome).toBe('declined');
    expect(file.body.diff.verdict).toBe('same');
    expect(file.body.evidence).toEqual([
      expect.objectContaining({ evidenceId: letter.body.evidenceId, mediaType: 'application/pdf' }),
    ]);
    // One unit per field name: yuan under plain names, the same amount in integer fen under …Fen.
    const yuanOf = (fen: string) => `${BigInt(fen) / 100n}.${String(BigInt(fen) % 100n).padStart(2, '0')}`;
    expect(file.body.appeal.amountAtStake).toBe(yuanOf(file.body.appeal.amountAtStakeFen));
    for (const facility of file.body.history.facilities as Array<Record<string, string>>) {
      expect(facility.limit).toBe(yuanOf(facility.limitFen ?? ''));
      expect(facility.used).toBe(yuanOf(facility.usedFen ?? ''));
    }
    for (const loan of file.body.history.loans as Array<Record<string, string>>)
      expect(loan.principal).toBe(yuanOf(loan.principalFen ?? ''));
    expect(file.body.customer.phone).toBe('139****0002');
    expect(JSON.stringify(file.body)).not.toContain('13912340002');
    const pdf = await t.app.http.inject({
      method: 'GET',
      url: `/v1/appeals/${appealId}/evidence/${letter.body.evidenceId}`,
      headers: ana.auth,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(new Uint8Array(pdf.rawPayload)).toEqual(FILES.pdf);

    await inject('POST', `/v1/appeals/${appealId}/comments`, ana.auth, {
      note: 'Called the bank: instalment 3 was paid on time.',
    });
    const proposed = await inject('POST', `/v1/appeals/${appealId}/decision`, ana.auth, {
      outcome: 'overturn',
      limit: '60000.00',
      apr: '0.1095',
      note: 'bank letter confirms the instalment was paid',
    });
    expect(proposed.body).toMatchObject({
      status: 'pending_approval',
      proposal: { limit: '60000.00', limitFen: '6000000', apr: '0.1095' },
    });
    const own = await inject('POST', `/v1/appeals/${appealId}/approve`, ana.auth);
    expect(own.status).toBe(403);
    expect(own.body.errors[0]).toMatchObject({ field: 'reviewer', rule: 'maker-checker' });

    const approved = await inject('POST', `/v1/appeals/${appealId}/approve`, bo.auth);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'resolved', resolution: 'overturned' });
    const overrideId = approved.body.overrideDecisionId as string;
    const override = await t.app.services.decisions.get(overrideId);
    expect(override).toMatchObject({
      kind: 'override',
      linkedTo: appealId,
      outcome: 'approved',
      limit: 6_000_000n,
      facilityChange: 'opened',
    });
    expect(override.override).toMatchObject({
      overrides: declined.decisionId,
      limit: '6000000',
      apr: '0.1095',
    });
    expect(override.override?.reviewer).toMatch(/^rvw_/);
    const replay = await inject('POST', `/v1/decisions/${overrideId}/replay`, ana.auth);
    expect(replay.body.matches).toBe(true);
    expect(await t.app.services.facilities.getFacility(customerId, 'cash-loan')).toMatchObject({
      limit: 6_000_000n,
      decisionId: overrideId,
    });

    const customer = await inject('GET', `/v1/appeals/${appealId}?customerId=${customerId}`, t.auth('app'));
    expect(customer.body).toMatchObject({
      status: 'resolved',
      granted: { limit: '60000.00', limitFen: '6000000', apr: '0.1095', decisionId: overrideId },
    });
    const history = await inject('GET', `/v1/appeals/${appealId}/history`, t.auth('analyst'));
    expect(history.body.events.map((e: EventJson) => e.action)).toEqual([
      'filed',
      'notified',
      'rechecked',
      'queued',
      'notified',
      'assigned',
      'commented',
      'decided',
      'approved',
      'notified',
    ]);
    const stats = await inject('GET', '/v1/appeals/stats', t.auth('analyst'));
    expect(stats.body).toMatchObject({
      overrides: 1,
      byResolution: { overturned: 1, overturned_by_recheck: 1 },
    });
  });
});

describe('appeal-outage-resolved-when-the-system-returns', () => {
  it('refers for the fault, defers the re-check while the operator is down, and the recovery pass approves later', async () => {
    t.provider.outage = true;
    const customerId = await createScriptedCustomer(t, 'outage');
    const referred = await decide(customerId);
    expect(referred).toMatchObject({
      outcome: 'referred',
      fault: { stage: 'provider', code: 'PROVIDER_UNAVAILABLE' },
    });
    const filed = await inject('POST', `/v1/decisions/${referred.decisionId}/appeals`, t.auth('app'), {
      customerId,
      category: 'system_fault',
      statement: 'Your system was down when I applied.',
    });
    expect(filed.body).toMatchObject({
      status: 'filed',
      statusText: { en: expect.stringContaining('once they are back') },
    });
    const appealId = filed.body.appealId as string;
    // Still down at the first retry: deferred again.
    t.clock.advanceMs(5 * 60_000);
    expect(await t.app.services.appeals.recover()).toMatchObject({ attempted: 1, deferred: 1 });
    // The operator returns; the next due retry (30 minutes later) succeeds.
    t.provider.outage = false;
    t.clock.advanceMs(30 * 60_000);
    const report = await t.app.services.appeals.recover();
    expect(report).toMatchObject({ attempted: 1, resolved: 1 });
    const view = await inject('GET', `/v1/appeals/${appealId}?customerId=${customerId}`, t.auth('app'));
    expect(view.body).toMatchObject({
      status: 'resolved',
      resolution: 'overturned_by_recheck',
      granted: { limit: '5000.00', limitFen: '500000' },
    });
    const history = await inject('GET', `/v1/appeals/${appealId}/history`, t.auth('analyst'));
    expect(
      history.body.events
        .filter((e: EventJson) => e.action === 'rechecked')
        .map((e: EventJson) => e.after.fault ?? false),
    ).toEqual([true, true, false]);
  });
});
