import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/platform/auth/api-keys.ts';
import { appealTestApp, createScriptedCustomer, FILES, type AppealTestApp } from './support.ts';

/**
 * Bad input and faults, over HTTP: each gets a problem+json naming the field and the rule, and leaves
 * nothing written (the row counts of every table an appeal touches are compared before and after).
 */
let t: AppealTestApp;
let customerId: string;
let otherId: string;

const TABLES = [
  'appeals',
  'appeal_events',
  'appeal_notifications',
  'appeal_evidence',
  'appeal_evidence_links',
  'decisions',
  'credit_facilities',
] as const;

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const result = await t.app.db.query<{ n: bigint }>(`select count(*) as n from ${table}`);
    out[table] = Number(result.rows[0]?.n ?? 0n);
  }
  return out;
}

/** Runs `work` and checks it wrote nothing anywhere. */
async function writesNothing<T>(work: () => Promise<T>): Promise<T> {
  const before = await counts();
  const result = await work();
  expect(await counts()).toEqual(before);
  return result;
}

async function call(
  method: 'GET' | 'POST',
  url: string,
  headers: Record<string, string>,
  payload?: Record<string, unknown>,
) {
  const response = await t.app.http.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  return { status: response.statusCode, type: response.headers['content-type'], body: response.json() };
}

const as = (role: Role) => t.auth(role);

async function declinedDecision(id = customerId): Promise<string> {
  const { body } = await call('POST', '/v1/decisions', as('app'), { customerId: id, product: 'cash_loan' });
  expect(body.outcome).toBe('declined');
  return body.decisionId as string;
}

async function fileAppeal(decisionId: string, extra: Record<string, unknown> = {}) {
  return call('POST', `/v1/decisions/${decisionId}/appeals`, as('app'), {
    customerId,
    category: 'repaid_debt',
    statement: 'I repaid that loan last month.',
    ...extra,
  });
}

async function upload(bytes: Uint8Array, type: string | undefined, id = customerId) {
  const response = await t.app.http.inject({
    method: 'POST',
    url: `/v1/appeals/evidence?customerId=${id}`,
    headers: { ...as('app'), ...(type ? { 'content-type': type } : {}) },
    payload: Buffer.from(bytes),
  });
  return { status: response.statusCode, body: response.json() };
}

/** A queued appeal claimed by Ana. */
async function claimedAppeal(): Promise<string> {
  const filed = await fileAppeal(await declinedDecision());
  expect(filed.body.status).toBe('queued');
  const appealId = filed.body.appealId as string;
  expect((await call('POST', `/v1/appeals/${appealId}/claim`, t.reviewers.ana.auth)).status).toBe(200);
  return appealId;
}

beforeAll(async () => {
  t = await appealTestApp({ settings: { maxEvidenceBytes: 2048 } });
  customerId = await createScriptedCustomer(t, 'declined_twice');
  otherId = await createScriptedCustomer(t, 'disputed_overdue');
});

describe('appeal-on-someone-elses-or-an-unknown-decision', () => {
  it('answers both with the same 404, revealing nothing, and writes nothing', async () => {
    const theirs = await declinedDecision(otherId);
    const unknown = 'dec_01M8323B805789DDGD1HYNNR00';
    const [a, b] = await writesNothing(async () => [await fileAppeal(theirs), await fileAppeal(unknown)]);
    expect(a.status).toBe(404);
    expect(a.type).toContain('application/problem+json');
    const shape = (problem: Record<string, unknown>, id: string) => ({
      ...problem,
      detail: String(problem.detail).replace(id, 'ID'),
      instance: undefined,
      requestId: undefined,
      id: undefined,
    });
    expect(shape(a.body, theirs)).toEqual(shape(b.body, unknown));
    expect(a.body).toMatchObject({ code: 'NOT_FOUND', resource: 'decision' });
  });
});

describe('appeal-invalid-fields', () => {
  it('names the field and the rule', async () => {
    const decisionId = await declinedDecision();
    await writesNothing(async () => {
      const category = await fileAppeal(decisionId, { category: 'unfair' });
      expect(category.status).toBe(422);
      expect(category.body.errors[0]).toMatchObject({ field: 'category', rule: 'enum' });
      const blank = await fileAppeal(decisionId, { statement: '   ' });
      expect(blank.body.errors[0]).toMatchObject({ field: 'statement', rule: 'non-empty' });
      const unknown = await fileAppeal(decisionId, { amount: 5 });
      expect(unknown.body.errors[0]).toMatchObject({ field: 'amount', rule: 'unknown-field' });
    });
  });

  it('refuses an appeal of a re-check (appeal the original decision)', async () => {
    const recheck = await t.app.services.decisions.decide({
      customerId,
      productCode: 'cash_loan',
      kind: 'recheck',
      linkedTo: 'apl_01M8323B805789DDGD1HYNNR00',
    });
    const refused = await writesNothing(() => fileAppeal(recheck.id));
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({ field: 'decisionId', rule: 'appealable-kind' });
  });
});

describe('appeal-evidence-oversized-or-wrong-typed', () => {
  it('refuses each with 413/415/422 naming the field and the rule, and stores nothing', async () => {
    await writesNothing(async () => {
      const big = new Uint8Array(4096);
      big.set(FILES.pdf.slice(0, 5));
      expect(await upload(big, 'application/pdf')).toMatchObject({
        status: 413,
        body: { code: 'PAYLOAD_TOO_LARGE', errors: [{ field: 'body', rule: 'max-bytes' }] },
      });
      expect(await upload(FILES.exe, 'application/x-msdownload')).toMatchObject({
        status: 415,
        body: { errors: [{ field: 'content-type', rule: 'allowed-media-type' }] },
      });
      expect(await upload(FILES.exe, 'application/pdf')).toMatchObject({
        status: 415,
        body: { errors: [{ field: 'body', rule: 'magic-bytes' }] },
      });
      expect(await upload(FILES.pdf, 'image/png')).toMatchObject({
        status: 415,
        body: {
          errors: [
            {
              field: 'body',
              rule: 'magic-bytes',
              message: 'declared image/png, but the content is application/pdf',
            },
          ],
        },
      });
      expect(await upload(new TextEncoder().encode('{"a":1}'), 'application/json')).toMatchObject({
        status: 415,
        body: { errors: [{ field: 'content-type', rule: 'allowed-media-type' }] },
      });
      expect(await upload(new Uint8Array(0), 'image/png')).toMatchObject({
        status: 422,
        body: { errors: [{ field: 'body', rule: 'non-empty' }] },
      });
      expect((await upload(FILES.png, 'image/png', 'cus_01M8323B805789DDGD1HYNNR00')).status).toBe(404);
    });
  });

  it('stores a good file once (the same content again is the same evidence), and refuses another customer’s in an appeal', async () => {
    const first = await upload(FILES.png, 'image/png');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ mediaType: 'image/png', sizeBytes: FILES.png.length });
    const again = await writesNothing(() => upload(FILES.png, 'image/png'));
    expect(again).toMatchObject({ status: 200, body: { evidenceId: first.body.evidenceId } });

    const theirs = await upload(FILES.jpeg, 'image/jpeg', otherId);
    const decisionId = await declinedDecision();
    const refused = await writesNothing(() =>
      fileAppeal(decisionId, { evidence: [first.body.evidenceId, theirs.body.evidenceId] }),
    );
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({ field: 'evidence[1]', rule: 'unknown-evidence' });
  });
});

describe('appeal-duplicate', () => {
  it('refuses a second open appeal on the same decision, and a new one once the first is decided', async () => {
    const decisionId = await declinedDecision();
    const first = await fileAppeal(decisionId);
    expect(first.status).toBe(201);
    const second = await writesNothing(() => fileAppeal(decisionId));
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({
      appealId: first.body.appealId,
      errors: [{ field: 'decisionId', rule: 'one-open-appeal' }],
    });

    const appealId = first.body.appealId as string;
    await call('POST', `/v1/appeals/${appealId}/claim`, t.reviewers.ana.auth);
    await call('POST', `/v1/appeals/${appealId}/decision`, t.reviewers.ana.auth, {
      outcome: 'uphold',
      reasons: [{ code: 'DEBT_STILL_OVERDUE', params: { amount: '400000' } }],
    });
    const third = await writesNothing(() => fileAppeal(decisionId));
    expect(third.status).toBe(409);
    expect(third.body.errors[0]).toMatchObject({ field: 'decisionId', rule: 'already-resolved' });
  });

  it('lets a customer appeal again after withdrawing', async () => {
    const decisionId = await declinedDecision();
    const first = await fileAppeal(decisionId);
    const withdrawn = await call('POST', `/v1/appeals/${first.body.appealId}/withdraw`, as('app'), {
      customerId,
    });
    expect(withdrawn.body).toMatchObject({
      status: 'withdrawn',
      statusText: { en: 'You withdrew your appeal.' },
    });
    expect((await fileAppeal(decisionId)).status).toBe(201);
  });
});

describe('appeal-reviewer-deciding-twice-or-out-of-turn', () => {
  it('refuses a second decision (409), a decision by someone not holding the case (403), a claim of a held case (409)', async () => {
    const appealId = await claimedAppeal();
    const { ana, bo } = t.reviewers;
    await writesNothing(async () => {
      const notHolder = await call('POST', `/v1/appeals/${appealId}/decision`, bo.auth, {
        outcome: 'uphold',
        reasons: [{ code: 'EVIDENCE_INSUFFICIENT' }],
      });
      expect(notHolder.status).toBe(403);
      expect(notHolder.body.errors[0]).toMatchObject({ field: 'reviewer', rule: 'assignee' });
      const held = await call('POST', `/v1/appeals/${appealId}/claim`, bo.auth);
      expect(held.status).toBe(409);
      expect(held.body.errors[0]).toMatchObject({ field: 'assignee', rule: 'one-reviewer' });
      const noReasons = await call('POST', `/v1/appeals/${appealId}/decision`, ana.auth, {
        outcome: 'uphold',
      });
      expect(noReasons.body.errors[0]).toMatchObject({ field: 'reasons', rule: 'required' });
      const badReason = await call('POST', `/v1/appeals/${appealId}/decision`, ana.auth, {
        outcome: 'uphold',
        reasons: [{ code: 'DEBT_STILL_OVERDUE', params: { amount: '-5' } }],
      });
      expect(badReason.body.errors[0]).toMatchObject({
        field: 'reasons[0].params.amount',
        rule: 'positive',
      });
    });
    const upheld = await call('POST', `/v1/appeals/${appealId}/decision`, ana.auth, {
      outcome: 'uphold',
      reasons: [{ code: 'RECORD_CONFIRMED_BY_SOURCE', params: { source: 'credit_bureau' } }],
      message: { zh: '征信机构确认该笔逾期记录属实。', en: 'The bureau confirmed the overdue record.' },
    });
    expect(upheld.body).toMatchObject({ status: 'resolved', resolution: 'upheld' });
    await writesNothing(async () => {
      for (const decision of [
        { outcome: 'uphold', reasons: [{ code: 'EVIDENCE_INSUFFICIENT' }] },
        { outcome: 'overturn', limit: '5000.00', apr: '0.146', note: 'changed my mind' },
      ]) {
        const again = await call('POST', `/v1/appeals/${appealId}/decision`, ana.auth, decision);
        expect(again.status).toBe(409);
        expect(again.body.errors[0]).toMatchObject({ field: 'status', rule: 'already-decided' });
      }
    });
    const seen = await call('GET', `/v1/appeals/${appealId}?customerId=${customerId}`, as('app'));
    expect(seen.body.reasons).toEqual([
      {
        code: 'RECORD_CONFIRMED_BY_SOURCE',
        text: {
          zh: '我们向征信机构核实，记录无误。',
          en: 'We checked with the credit bureau, who confirmed the record is correct.',
        },
      },
    ]);
    expect(seen.body.message.en).toBe('The bureau confirmed the overdue record.');
  });

  it('lets an admin reassign a held case; a reviewer cannot', async () => {
    const appealId = await claimedAppeal();
    const { bo, admin } = t.reviewers;
    const byReviewer = await call('POST', `/v1/appeals/${appealId}/assign`, bo.auth, {
      reviewerKeyId: bo.principal.keyId,
    });
    expect(byReviewer.status).toBe(409);
    const byAdmin = await call('POST', `/v1/appeals/${appealId}/assign`, admin.auth, {
      reviewerKeyId: bo.principal.keyId,
    });
    expect(byAdmin.body).toMatchObject({ status: 'in_review', assignee: { id: bo.principal.keyId } });
    const notAReviewer = await call('POST', `/v1/appeals/${appealId}/assign`, admin.auth, {
      reviewerKeyId: t.appPrincipal.keyId,
    });
    expect(notAReviewer.body.errors[0]).toMatchObject({ field: 'reviewerKeyId', rule: 'active-reviewer' });
  });
});

describe('appeal-maker-approving-own-override-and-authority', () => {
  it('refuses the maker’s approval (403) and overrides outside the product or the legal cap (422), writing nothing', async () => {
    const appealId = await claimedAppeal();
    const { ana } = t.reviewers;
    await writesNothing(async () => {
      const tooMuch = await call('POST', `/v1/appeals/${appealId}/decision`, ana.auth, {
        outcome: 'overturn',
        limit: '200000.01',
        apr: '0.146',
        note: 'big',
      });
      expect(tooMuch.body.errors[0]).toMatchObject({ field: 'limit', rule: 'product-max-limit' });
      const dear = await call('POST', `/v1/appeals/${appealId}/decision`, ana.auth, {
        outcome: 'overturn',
        limit: '5000.00',
        apr: '0.25',
        note: 'dear',
      });
      expect(dear.body.errors[0]).toMatchObject({ field: 'apr', rule: 'product-max-apr' });
      const noNote = await call('POST', `/v1/appeals/${appealId}/decision`, ana.auth, {
        outcome: 'overturn',
        limit: '5000.00',
        apr: '0.146',
      });
      expect(noNote.body.errors[0]).toMatchObject({ field: 'note', rule: 'non-empty' });
    });
    await call('POST', `/v1/appeals/${appealId}/decision`, ana.auth, {
      outcome: 'overturn',
      limit: '80000.00',
      apr: '0.146',
      note: 'repaid, receipts attached',
    });
    const own = await writesNothing(() => call('POST', `/v1/appeals/${appealId}/approve`, ana.auth));
    expect(own.status).toBe(403);
    expect(own.body.errors[0]).toMatchObject({ field: 'reviewer', rule: 'maker-checker' });
    const ownReject = await writesNothing(() =>
      call('POST', `/v1/appeals/${appealId}/reject`, ana.auth, { note: 'hmm' }),
    );
    expect(ownReject.status).toBe(403);
  });
});

describe('appeal-overturn-worse-than-the-approval-appealed', () => {
  it('refuses an overturn that lowers the limit or raises the price of an approval, or repeats its terms, writing nothing', async () => {
    const approvedId = await createScriptedCustomer(t, 'outage');
    const { body: approved } = await call('POST', '/v1/decisions', as('app'), {
      customerId: approvedId,
      product: 'cash_loan',
    });
    expect(approved.outcome).toBe('approved');
    const filed = await call('POST', `/v1/decisions/${approved.decisionId}/appeals`, as('app'), {
      customerId: approvedId,
      category: 'other',
      statement: 'My income doubled last month; I expected a higher limit.',
    });
    expect(filed.body.status).toBe('queued');
    const appealId = filed.body.appealId as string;
    const { ana } = t.reviewers;
    await call('POST', `/v1/appeals/${appealId}/claim`, ana.auth);
    // The decision answers its limit in yuan under `limit` and in integer fen under `limitFen`.
    const limit = BigInt(approved.limitFen as string);
    const yuan = (fen: bigint) => `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;
    await writesNothing(async () => {
      const lower = await call('POST', `/v1/appeals/${appealId}/decision`, ana.auth, {
        outcome: 'overturn',
        limit: yuan(limit - 100_000n),
        apr: approved.apr,
        note: 'a smaller line is safer',
      });
      expect(lower.status).toBe(422);
      expect(lower.body.errors[0]).toMatchObject({ field: 'limit', rule: 'worse-than-appealed' });
      const dearer = await call('POST', `/v1/appeals/${appealId}/decision`, ana.auth, {
        outcome: 'overturn',
        limit: yuan(limit),
        apr: '0.2190',
        note: 'same line, dearer',
      });
      expect(dearer.body.errors[0]).toMatchObject({ field: 'apr', rule: 'worse-than-appealed' });
      const same = await call('POST', `/v1/appeals/${appealId}/decision`, ana.auth, {
        outcome: 'overturn',
        limit: yuan(limit),
        apr: approved.apr,
        note: 'as decided',
      });
      expect(same.body.errors[0]).toMatchObject({ field: 'limit', rule: 'changes-nothing' });
    });
    const higher = await call('POST', `/v1/appeals/${appealId}/decision`, ana.auth, {
      outcome: 'overturn',
      limit: yuan(limit + 100_000n),
      apr: approved.apr,
      note: 'payslips show the new income',
    });
    expect(higher.status).toBe(200);
    expect(higher.body).toMatchObject({ status: 'resolved', resolution: 'overturned' });
  });
});

describe('appeal-withdrawal', () => {
  it('is the customer’s own, once; a decision after it is refused', async () => {
    const appealId = await claimedAppeal();
    const foreign = await writesNothing(() =>
      call('POST', `/v1/appeals/${appealId}/withdraw`, as('app'), { customerId: otherId }),
    );
    expect(foreign.status).toBe(404);
    const peek = await call('GET', `/v1/appeals/${appealId}?customerId=${otherId}`, as('app'));
    expect(peek.status).toBe(404);
    expect((await call('POST', `/v1/appeals/${appealId}/withdraw`, as('app'), { customerId })).status).toBe(
      200,
    );
    await writesNothing(async () => {
      const twice = await call('POST', `/v1/appeals/${appealId}/withdraw`, as('app'), { customerId });
      expect(twice.status).toBe(409);
      expect(twice.body.errors[0]).toMatchObject({ field: 'status', rule: 'final-status' });
      const decided = await call('POST', `/v1/appeals/${appealId}/decision`, t.reviewers.ana.auth, {
        outcome: 'overturn',
        limit: '5000.00',
        apr: '0.146',
        note: 'too late',
      });
      expect(decided.status).toBe(409);
    });
  });
});

describe('appeal-roles', () => {
  it('keeps each role to its endpoints', async () => {
    const decisionId = await declinedDecision();
    await writesNothing(async () => {
      const reviewerFiles = await call('POST', `/v1/decisions/${decisionId}/appeals`, t.reviewers.ana.auth, {
        customerId,
        category: 'other',
        statement: 'x',
      });
      expect(reviewerFiles.status).toBe(403);
      expect((await call('POST', '/v1/appeals/claim-next', as('app'))).status).toBe(403);
      expect((await call('GET', '/v1/appeals/stats', t.reviewers.ana.auth)).status).toBe(403);
      expect((await call('GET', '/v1/appeals', as('app'))).status).toBe(403);
    });
  });
});

describe('appeal-after-the-window', () => {
  it('refuses an appeal filed after the window with the reason in zh and en', async () => {
    const decisionId = await declinedDecision();
    t.clock.advanceDays(31);
    const late = await writesNothing(() => fileAppeal(decisionId));
    expect(late.status).toBe(422);
    expect(late.body).toMatchObject({
      code: 'UNPROCESSABLE',
      windowClosedOn: '2026-12-23',
      errors: [{ field: 'decisionId', rule: 'appeal-window' }],
      reason: {
        zh: '该决定作出于2026年11月23日，申诉期为30天，已于2026年12月23日结束。您可以重新申请。',
        en: 'This decision was made on 23 Nov 2026; appeals were open for 30 days, until 23 Dec 2026. You can apply again instead.',
      },
    });
  });
});
