import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CASES } from '../../src/demo/cases/demo-cases.ts';
import { EXPORT_SCHEMA, TABLE_SECTIONS } from '../../src/privacy/export-sections.ts';
import { meTestApp, SETUP_TIMEOUT_MS, type MeTestApp } from '../me/support.ts';
import { storesUnderTest } from '../support/stores.ts';

/**
 * A copy of one's data (PIPL Art. 45) for a customer with a full history made through the real use cases:
 * decisions (cash loan and credit line), a loan repaid in part, a credit line with purchases and a
 * statement, an appeal with evidence, messages from servicing. The copy holds every kind of record, the
 * identity in clear for the person and masked for staff, nothing of another customer, and every request is
 * recorded and audited.
 */

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

interface Copy {
  exportId: string;
  requestId: string;
  status: string;
  done: number;
  total: number;
  percent: number;
  identity: string;
  expiresAt: string | null;
  documentSha256: string | null;
  counts: Record<string, number> | null;
  links: { document: string; summary: string } | null;
  purged: boolean;
}

describe.each(storesUnderTest())('copy of one’s data on $name', (store) => {
  let t: MeTestApp;
  let b: string;
  let a: string;
  let tokenB: string;
  let tokenA: string;
  const bIds: Record<string, string> = {};
  const persona = DEMO_CASES.find((c) => c.key === 'clean_approval');
  const other = DEMO_CASES.find((c) => c.key === 'new_user_first_limit');

  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const post = async (token: string, url: string, payload: unknown, key?: string) => {
    const response = await t.app.http.inject({
      method: 'POST',
      url,
      headers: { ...as(token), ...(key ? { 'idempotency-key': key } : {}) },
      payload: payload as never,
    });
    expect(response.statusCode, `${url} ${response.body}`).toBeLessThan(300);
    return response.json() as Record<string, unknown>;
  };

  const copyOf = async (
    token: string,
  ): Promise<{ copy: Copy; document: Record<string, unknown>; html: string }> => {
    const started = await t.app.http.inject({
      method: 'POST',
      url: '/v1/me/data/copies',
      headers: as(token),
      payload: {},
    });
    expect(started.statusCode, started.body).toBe(202);
    const queued = started.json() as Copy;
    expect(['queued', 'running', 'done']).toContain(queued.status);
    await t.app.services.copies.idle();
    const read = await t.app.http.inject({
      method: 'GET',
      url: `/v1/me/data/copies/${queued.exportId}`,
      headers: as(token),
    });
    const copy = read.json() as Copy;
    expect(copy.status, read.body).toBe('done');
    const json = await t.app.http.inject({
      method: 'GET',
      url: copy.links?.document ?? '',
      headers: as(token),
    });
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toContain('application/json');
    expect(json.headers.etag).toBe(`"sha256:${copy.documentSha256}"`);
    const html = await t.app.http.inject({
      method: 'GET',
      url: copy.links?.summary ?? '',
      headers: as(token),
    });
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    return { copy, document: json.json() as Record<string, unknown>, html: html.body };
  };

  beforeAll(async () => {
    t = await meTestApp({ store, demo: true });
    b = t.personas.get('clean_approval') ?? '';
    a = t.personas.get('new_user_first_limit') ?? '';
    tokenB = await t.session(b, 43_200);
    const cash = await post(tokenB, '/v1/me/decisions', {
      product: 'cash_loan',
      requestedAmount: '500000.00',
    });
    bIds.decision = cash.decisionId as string;
    const loan = await post(
      tokenB,
      '/v1/me/loans',
      { amount: '2000.00', term: 3, method: 'equal-installment' },
      'b-loan',
    );
    bIds.loan = (loan.loan as { id: string }).id;
    await post(tokenB, `/v1/me/loans/${bIds.loan}/repayments`, { amount: '100.00' }, 'b-repay');
    const lineDecision = await post(tokenB, '/v1/me/decisions', { product: 'credit_line' });
    bIds.lineDecision = lineDecision.decisionId as string;
    const line = await post(tokenB, '/v1/me/lines', {});
    bIds.line = line.id as string;
    const purchase = await post(
      tokenB,
      `/v1/me/lines/${bIds.line}/purchases`,
      { amount: '300.00', description: 'Shoes' },
      'b-buy',
    );
    bIds.purchase = purchase.purchaseId as string;
    const evidence = await t.app.http.inject({
      method: 'POST',
      url: '/v1/me/appeals/evidence',
      headers: { ...as(tokenB), 'content-type': 'application/pdf' },
      payload: PDF,
    });
    expect(evidence.statusCode, evidence.body).toBeLessThan(300);
    bIds.evidence = (evidence.json() as { evidenceId: string }).evidenceId;
    const appeal = await post(tokenB, `/v1/me/decisions/${bIds.decision}/appeals`, {
      category: 'data_error',
      statement: 'My salary is higher than you think.',
      evidence: [bIds.evidence],
    });
    bIds.appeal = appeal.appealId as string;
    // Forty days on: the line's first statement, the loan's first instalment, reminders and messages.
    t.clock.advanceDays(40);
    const today = new Date(t.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const yesterday = new Date(t.clock.now().getTime() + 8 * 3_600_000 - 86_400_000)
      .toISOString()
      .slice(0, 10);
    void today;
    await t.app.services.dayEnd.run({ through: yesterday as never });
    tokenB = await t.session(b, 43_200);
    tokenA = await t.session(a, 43_200);
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await t.app.stop();
  });

  it('holds every kind of record of the person, with the identity in clear for them', async () => {
    const { copy, document, html } = await copyOf(tokenB);
    expect(copy.done).toBe(copy.total);
    expect(copy.percent).toBe(100);
    expect(copy.identity).toBe('clear');
    expect(document.schema).toBe(EXPORT_SCHEMA);
    expect(document.customerId).toBe(b);
    const identity = document.identity as Record<string, unknown>;
    expect(identity.name).toBe(persona?.name);
    expect(identity.idNumber).toBe(persona?.idNumber);
    expect(identity.phone).toBe(persona?.phone);
    expect((identity.cards as Array<{ cardNumber: string }>).map((card) => card.cardNumber)).toEqual(
      persona?.cards,
    );
    const features = document.features as { features: Record<string, unknown>; asOfDate: string };
    expect(Object.keys(features.features).length).toBeGreaterThan(10);
    // Every kind of record this history made is in the copy.
    for (const section of [
      'consents',
      'events',
      'decisions',
      'facilities',
      'facilityChanges',
      'loans',
      'loanEvents',
      'creditLines',
      'lineEvents',
      'statements',
      'ledgerAccounts',
      'ledgerJournals',
      'ledgerPostings',
      'appeals',
      'appealEvidence',
      'appealEvidenceLinks',
      'appealEvents',
      'notifications',
      'sessions',
      'requests',
      'copies',
    ])
      expect((document[section] as unknown[]).length, section).toBeGreaterThan(0);
    for (const section of TABLE_SECTIONS)
      expect((document.counts as Record<string, number>)[section.name], section.name).toBe(
        (document[section.name] as unknown[]).length,
      );
    const ids = JSON.stringify(document);
    for (const id of Object.values(bIds)) expect(ids).toContain(id);
    // Decisions carry the reasons and what to do, in both languages; money as yuan with a fen twin.
    const decision = (document.decisions as Array<Record<string, unknown>>).find(
      (d) => d.id === bIds.decision,
    );
    expect(decision?.limitAmountFen).toMatch(/^\d+$/);
    expect(decision?.limitAmount).toBe(
      `${BigInt(decision?.limitAmountFen as string) / 100n}.${(BigInt(decision?.limitAmountFen as string) % 100n).toString().padStart(2, '0')}`,
    );
    expect(Array.isArray(decision?.reasons)).toBe(true);
    expect(decision).not.toHaveProperty('trace');
    expect(decision).not.toHaveProperty('policyDocument');
    // Evidence is listed, not copied.
    const evidence = (document.appealEvidence as Array<Record<string, unknown>>)[0];
    expect(evidence?.id).toBe(bIds.evidence);
    expect(evidence).not.toHaveProperty('content');
    expect(evidence?.sha256).toMatch(/^[0-9a-f]{64}$/);
    // No sign-in token hashes.
    expect(ids).not.toMatch(/tokenHash/);
    // The summary: both languages, the person's name, the decision's outcome, printable.
    expect(html).toContain('<section lang="zh-CN">');
    expect(html).toContain('<section lang="en">');
    expect(html).toContain(persona?.name ?? '?');
    expect(html).toContain('A copy of your personal data');
    expect(html).toContain('@media print');
  });

  it('holds nothing of another customer', async () => {
    const { document, html } = await copyOf(tokenA);
    const text = JSON.stringify(document);
    for (const value of [
      b,
      ...Object.values(bIds),
      persona?.name,
      persona?.idNumber,
      persona?.phone,
      ...(persona?.cards ?? []),
    ])
      expect(text).not.toContain(value);
    expect((document.identity as { name: string }).name).toBe(other?.name);
    expect(html).not.toContain(persona?.name ?? '?');
  });

  it('serves a copy to its requester only; staff get it masked, with a reason, audited', async () => {
    const mine = await t.app.services.copies.list({
      customerId: b,
      actor: { kind: 'customer', id: b, name: 'customer' },
    });
    const copyId = mine[0]?.id;
    // Another customer: not found (the copy's existence is not disclosed).
    const theirs = await t.app.http.inject({
      method: 'GET',
      url: `/v1/me/data/copies/${copyId}`,
      headers: as(tokenA),
    });
    expect(theirs.statusCode).toBe(404);
    const download = await t.app.http.inject({
      method: 'GET',
      url: `/v1/me/data/copies/${copyId}/document`,
      headers: as(tokenA),
    });
    expect(download.statusCode).toBe(404);
    // Staff without a reason: 422 naming the field.
    const noReason = await t.app.http.inject({
      method: 'POST',
      url: `/v1/customers/${b}/data/copies`,
      headers: t.auth('reviewer'),
      payload: {},
    });
    expect(noReason.statusCode).toBe(422);
    expect(JSON.stringify(noReason.json())).toContain('reason');
    // A reviewer may not ask for the identity in clear.
    const clear = await t.app.http.inject({
      method: 'POST',
      url: `/v1/customers/${b}/data/copies`,
      headers: t.auth('reviewer'),
      payload: { reason: 'customer asked at the branch', identity: 'clear' },
    });
    expect(clear.statusCode).toBe(403);
    const started = await t.app.http.inject({
      method: 'POST',
      url: `/v1/customers/${b}/data/copies`,
      headers: t.auth('reviewer'),
      payload: { reason: 'customer asked at the branch' },
    });
    expect(started.statusCode, started.body).toBe(202);
    const staffCopy = started.json() as Copy;
    expect(staffCopy.identity).toBe('masked');
    await t.app.services.copies.idle();
    const read = await t.app.http.inject({
      method: 'GET',
      url: `/v1/customers/${b}/data/copies/${staffCopy.exportId}`,
      headers: t.auth('reviewer'),
    });
    expect(read.statusCode).toBe(200);
    const done = read.json() as Copy;
    const json = await t.app.http.inject({
      method: 'GET',
      url: done.links?.document ?? '',
      headers: t.auth('reviewer'),
    });
    const identity = (json.json() as { identity: Record<string, string> }).identity;
    expect(identity.name).not.toBe(persona?.name);
    expect(identity.idNumber).toMatch(/\*{4}/);
    expect(json.body).not.toContain(persona?.idNumber ?? '?');
    expect(json.body).not.toContain(persona?.phone ?? '?');
    // Another staff key (the analyst role may not; the admin did not ask for it): not theirs to read.
    const admin = await t.app.http.inject({
      method: 'GET',
      url: `/v1/customers/${b}/data/copies/${staffCopy.exportId}`,
      headers: t.auth('admin'),
    });
    expect(admin.statusCode).toBe(404);
    const analyst = await t.app.http.inject({
      method: 'POST',
      url: `/v1/customers/${b}/data/copies`,
      headers: t.auth('analyst'),
      payload: { reason: 'curious' },
    });
    expect(analyst.statusCode).toBe(403);
    // The customer cannot download staff's copy either.
    const byCustomer = await t.app.http.inject({
      method: 'GET',
      url: `/v1/me/data/copies/${staffCopy.exportId}`,
      headers: as(tokenB),
    });
    expect(byCustomer.statusCode).toBe(404);
    // Recorded as requests of kind copy, closed done, and in the audit log with who and why.
    const requests = await t.app.db.query<{
      kind: string;
      by: string;
      status: string;
      reason: string | null;
    }>(
      `select kind, requested_by_kind as by, status, reason from data_subject_requests
        where customer_id = $1 order by requested_at, id`,
      [b],
    );
    expect(requests.rows.map((r) => [r.kind, r.by, r.status])).toEqual([
      ['copy', 'customer', 'completed'],
      ['copy', 'staff', 'completed'],
    ]);
    expect(requests.rows[1]?.reason).toBe('customer asked at the branch');
    const audit = await t.app.services.audit.list({ action: 'privacy.*', limit: 50 });
    const actions = audit.items
      .filter((entry) => entry.subject.id === b)
      .map((entry) => `${entry.action}:${entry.actor.kind}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'privacy.copy-request:customer',
        'privacy.copy-request:key',
        'privacy.copy-ready:system',
        'privacy.copy-download:customer',
        'privacy.copy-download:key',
      ]),
    );
  });

  it('stores the files sealed and compressed, and purges them after the expiry in the day step', async () => {
    const stored = await t.app.db.query<{ document: Uint8Array; id: string; expires_at: Date }>(
      `select document, id, expires_at from data_exports where customer_id = $1 and status = 'done' order by created_at limit 1`,
      [b],
    );
    const row = stored.rows[0];
    expect(row).toBeDefined();
    const bytes = Buffer.from(row?.document ?? new Uint8Array());
    // Sealed: neither gzip nor clear text at rest.
    expect(bytes.subarray(0, 2).toString('hex')).not.toBe('1f8b');
    expect(() => gunzipSync(bytes)).toThrow();
    expect(bytes.toString('utf8')).not.toContain(persona?.name ?? '?');
    expect((row?.expires_at.getTime() ?? 0) - t.clock.now().getTime()).toBeGreaterThan(6 * 86_400_000);
    t.clock.advanceDays(8);
    const yesterday = new Date(t.clock.now().getTime() + 8 * 3_600_000 - 86_400_000)
      .toISOString()
      .slice(0, 10);
    const report = await t.app.services.dayEnd.run({ through: yesterday as never });
    const purge = report.dates.find((d) => d.product === 'data-copies');
    expect(purge?.items).toBeGreaterThanOrEqual(3);
    const after = await t.app.db.query<{ n: string }>(
      `select count(*)::text as n from data_exports where customer_id = $1 and document is not null`,
      [b],
    );
    expect(after.rows[0]?.n).toBe('0');
    tokenB = await t.session(b, 43_200);
    const gone = await t.app.http.inject({
      method: 'GET',
      url: `/v1/me/data/copies/${row?.id}/document`,
      headers: as(tokenB),
    });
    expect(gone.statusCode).toBe(404);
    const view = await t.app.http.inject({
      method: 'GET',
      url: `/v1/me/data/copies/${row?.id}`,
      headers: as(tokenB),
    });
    expect((view.json() as Copy).purged).toBe(true);
    expect((view.json() as Copy).links).toBeNull();
  });
});
