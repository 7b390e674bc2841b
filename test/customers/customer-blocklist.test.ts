import { afterAll, describe, expect, it } from 'vitest';
import { storesUnderTest } from '../support/stores.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { ZHANG_SAN } from './support/service.ts';

/**
 * The lender's blocklist: an admin lists an ID number, phone or card with a reason (stored as its blind
 * index and a masked form), the snapshot of every customer carrying it says so from that instant, and a
 * removal (with its reason) ends it — the entry is kept, so an earlier instant still reads it as it was.
 */
const apps: TestApp[] = [];
afterAll(async () => {
  for (const t of apps) await t.app.stop();
});

describe.each(storesUnderTest())('blocklist on $name', (store) => {
  it('lists and removes identifiers with reasons, admin only, and the snapshot reads it at each instant', async () => {
    const t = await createTestApp({ store });
    apps.push(t);
    const { customer } = await t.app.services.customers.createCustomer(ZHANG_SAN);
    const id = customer.customerId;
    const post = (url: string, payload: unknown, role: 'admin' | 'app' = 'admin') =>
      t.app.http.inject({ method: 'POST', url, headers: t.auth(role), payload: payload as object });

    // Only an admin may list; the value is validated as what it claims to be.
    expect(
      (await post('/v1/blocklist', { kind: 'phone', value: '13812345678', reason: 'x' }, 'app')).statusCode,
    ).toBe(403);
    const bad = await post('/v1/blocklist', {
      kind: 'id_number',
      value: '110105194912310021',
      reason: 'fraud',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0]).toMatchObject({ field: 'value', rule: 'ID_CHECKSUM_INVALID' });
    const blank = await post('/v1/blocklist', { kind: 'phone', value: '13812345678', reason: '   ' });
    expect(blank.json().errors[0]).toMatchObject({ field: 'reason', rule: 'required' });

    const before = await t.app.services.customers.getSnapshot(id);
    expect(before.blocklisted).toBe(false);

    t.clock.advanceMs(60_000);
    const listed = await post('/v1/blocklist', {
      kind: 'phone',
      value: '+86 138-1234-5678',
      reason: 'confirmed identity fraud report 2026-118',
    });
    expect(listed.statusCode).toBe(201);
    const entry = listed.json().entry;
    expect(entry).toMatchObject({
      kind: 'phone',
      masked: '138****5678',
      reason: 'confirmed identity fraud report 2026-118',
      addedBy: expect.stringContaining('test admin'),
      removedAt: null,
    });
    expect(JSON.stringify(listed.json())).not.toContain('13812345678');
    // The same identifier again: the entry in force, unchanged.
    const again = await post('/v1/blocklist', { kind: 'phone', value: '13812345678', reason: 'again' });
    expect(again.statusCode).toBe(200);
    expect(again.json().entry.id).toBe(entry.id);

    const listedAt = t.clock.now();
    expect((await t.app.services.customers.getSnapshot(id)).blocklisted).toBe(true);
    const features = await t.app.http.inject({ url: `/v1/customers/${id}/features`, headers: t.auth('app') });
    expect(features.json().blocklisted).toBe(true);
    // As of an instant before the listing, it was not listed.
    expect((await t.app.services.customers.getSnapshot(id, before.asOf)).blocklisted).toBe(false);

    t.clock.advanceMs(60_000);
    const removed = await post(`/v1/blocklist/${entry.id}/remove`, {
      reason: 'report withdrawn by the bank',
    });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().entry).toMatchObject({
      id: entry.id,
      removedReason: 'report withdrawn by the bank',
      removedBy: expect.stringContaining('test admin'),
    });
    expect((await post(`/v1/blocklist/${entry.id}/remove`, { reason: 'twice' })).statusCode).toBe(409);
    expect((await t.app.services.customers.getSnapshot(id)).blocklisted).toBe(false);
    expect((await t.app.services.customers.getSnapshot(id, listedAt)).blocklisted).toBe(true);

    // A card bound to the customer, listed: the customer is listed through it.
    await t.app.services.customers.addCard(id, '6222 0202 0000 1234 562');
    t.clock.advanceMs(60_000);
    expect(
      (
        await post('/v1/blocklist', { kind: 'card', value: '6222020200001234562', reason: 'stolen card' })
      ).json().entry.masked,
    ).toBe('**** 4562');
    expect((await t.app.services.customers.getSnapshot(id)).blocklisted).toBe(true);

    const list = await t.app.http.inject({ url: '/v1/blocklist?all=true', headers: t.auth('admin') });
    expect(
      list
        .json()
        .entries.map((e: { kind: string; removedAt: string | null }) => [e.kind, e.removedAt === null]),
    ).toEqual([
      ['card', true],
      ['phone', false],
    ]);
    const inForce = await t.app.http.inject({ url: '/v1/blocklist', headers: t.auth('admin') });
    expect(inForce.json().entries.map((e: { kind: string }) => e.kind)).toEqual(['card']);
    const raw = await t.app.db.query<{ text: string }>(
      'select row_to_json(b)::text as text from customer_blocklist b',
    );
    for (const row of raw.rows) expect(row.text).not.toMatch(/13812345678|6222020200001234562/);
  });
});
