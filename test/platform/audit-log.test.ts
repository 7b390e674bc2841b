import { describe, expect, it } from 'vitest';
import { createPgAuditLog } from '../../src/platform/audit/audit-log.pg.ts';
import { actorOfPrincipal, type AuditEntry } from '../../src/platform/audit/audit-log.ts';
import { sqlStateOf } from '../../src/platform/database/database.ts';
import { createIdGenerator, seededRandomBytes } from '../../src/platform/ids/ids.ts';
import { ManualClock } from '../../src/platform/time/clock.ts';
import { createTestApp } from '../support/app.ts';
import { storesUnderTest } from '../support/stores.ts';

/** Migration 0002 and the AuditLog port: append-only rows, filters, keyset paging; API keys recorded. */

const admin = { kind: 'staff', id: 'stf_1', name: 'admin' } as const;

function entry(action: string, subjectId: string, outcome: AuditEntry['outcome'] = 'ok'): AuditEntry {
  return { actor: admin, action, subject: { type: 'staff-user', id: subjectId }, outcome, details: { n: 1 } };
}

describe.each(storesUnderTest())('audit log ($name)', (store) => {
  it('records entries, newest first, filtered by action, prefix, actor and time, paged by key', async () => {
    const db = await store.fresh();
    const clock = new ManualClock(new Date('2026-12-01T00:00:00Z'));
    const audit = createPgAuditLog(db, createIdGenerator(clock, seededRandomBytes(1)), clock);
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      ids.push((await audit.record(entry('staff.sign-in', `stf_${i}`, i === 2 ? 'failed' : 'ok'))).id);
      clock.advanceMs(60_000);
    }
    const key = await audit.record({
      actor: { kind: 'key', id: 'key_9', name: 'ops key' },
      action: 'api-key.create',
      subject: { type: 'api-key', id: 'key_10' },
      outcome: 'ok',
    });
    expect(key.details).toEqual({});
    expect(key.at.toISOString()).toBe('2026-12-01T00:05:00.000Z');

    const all = await audit.list();
    expect(all.items.map((item) => item.id)).toEqual([key.id, ...ids.slice().reverse()]);
    expect(all.next).toBeNull();
    expect(all.items[3]).toMatchObject({
      actor: admin,
      action: 'staff.sign-in',
      subject: { type: 'staff-user', id: 'stf_2' },
      outcome: 'failed',
      details: { n: 1 },
    });

    expect((await audit.list({ action: 'staff.*' })).items).toHaveLength(5);
    expect((await audit.list({ action: 'api-key.create' })).items.map((i) => i.id)).toEqual([key.id]);
    expect((await audit.list({ actor: 'ops key' })).items.map((i) => i.id)).toEqual([key.id]);
    expect((await audit.list({ actor: 'key_9' })).items.map((i) => i.id)).toEqual([key.id]);
    const window = await audit.list({
      from: new Date('2026-12-01T00:01:00Z'),
      to: new Date('2026-12-01T00:03:00Z'),
    });
    expect(window.items.map((i) => i.id)).toEqual([ids[2], ids[1]]);

    const first = await audit.list({ limit: 4 });
    expect(first.items).toHaveLength(4);
    expect(first.next).toBe(ids[2]);
    const second = await audit.list({ limit: 4, before: first.next ?? '' });
    expect(second.items.map((i) => i.id)).toEqual([ids[1], ids[0]]);
    expect(second.next).toBeNull();

    await expect(audit.list({ before: 'aud_unknown' })).rejects.toMatchObject({
      issues: [{ field: 'before', rule: 'known-entry' }],
    });
    await expect(audit.list({ action: "x'; drop" })).rejects.toMatchObject({
      issues: [{ field: 'action', rule: 'dotted-lower-case' }],
    });
    await expect(audit.record(entry('SignIn', 'x'))).rejects.toMatchObject({
      issues: [{ field: 'action', rule: 'dotted-lower-case' }],
    });
  });

  it('refuses UPDATE, DELETE and TRUNCATE of the audit log', async () => {
    const db = await store.fresh();
    const clock = new ManualClock(new Date('2026-12-01T00:00:00Z'));
    const audit = createPgAuditLog(db, createIdGenerator(clock, seededRandomBytes(2)), clock);
    await audit.record(entry('staff.sign-out', 'stf_1'));
    for (const sql of [
      "update audit_log set outcome = 'failed'",
      'delete from audit_log',
      'truncate audit_log',
    ]) {
      const error = await db.query(sql).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(sqlStateOf(error), sql).toBe('55000');
      expect(String(error)).toContain('audit_log is append-only');
    }
    expect((await audit.list()).items).toHaveLength(1);
  });

  it('records API key creation and revocation by the admin key, never the secret', async () => {
    const { app, auth } = await createTestApp({ store });
    try {
      const created = await app.http.inject({
        method: 'POST',
        url: '/v1/keys',
        headers: auth('admin'),
        payload: { name: 'scoring batch', role: 'analyst' },
      });
      expect(created.statusCode).toBe(201);
      const { key, secret } = created.json<{ key: { id: string; prefix: string }; secret: string }>();
      const revoked = await app.http.inject({
        method: 'DELETE',
        url: `/v1/keys/${key.id}`,
        headers: auth('admin'),
      });
      expect(revoked.statusCode).toBe(200);
      const page = await app.services.audit.list({ action: 'api-key.*' });
      const adminKey = (await app.services.apiKeys.list()).find((k) => k.name === 'test admin');
      expect(page.items.map((i) => [i.action, i.subject.id, i.actor.kind, i.actor.id])).toEqual([
        ['api-key.revoke', key.id, 'key', adminKey?.id],
        ['api-key.create', key.id, 'key', adminKey?.id],
      ]);
      expect(page.items[1]?.details).toEqual({ name: 'scoring batch', role: 'analyst', prefix: key.prefix });
      expect(JSON.stringify(page.items)).not.toContain(secret);
    } finally {
      await app.stop();
    }
  });
});

describe('actorOfPrincipal', () => {
  it('tells staff sessions from API keys', () => {
    expect(actorOfPrincipal({ keyId: 'staff:stf_7', name: 'reviewer1', role: 'reviewer' })).toEqual({
      kind: 'staff',
      id: 'stf_7',
      name: 'reviewer1',
    });
    expect(actorOfPrincipal({ keyId: 'key_1', name: 'ops', role: 'admin' })).toEqual({
      kind: 'key',
      id: 'key_1',
      name: 'ops',
    });
  });
});
