import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/platform/errors/app-error.ts';
import { ManualClock } from '../../src/platform/time/clock.ts';
import { createPgModelRegistry } from '../../src/scoring/model-registry.pg.ts';
import { sealScorecard, type Scorecard } from '../../src/scoring/scorecard.ts';
import { smallCard } from '../../src/scoring/scoring.test-support.ts';
import type { Database } from '../../src/platform/database/database.ts';
import { storesUnderTest } from '../support/stores.ts';

/** A second, different model: the same card under another version (so another content hash). */
function version(card: Scorecard, name: string): Scorecard {
  const { contentHash: _hash, ...rest } = card;
  return sealScorecard({ ...rest, version: name });
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

const opened: Database[] = [];
afterAll(async () => {
  for (const db of opened) await db.close();
});

describe.each(storesUnderTest())('model registry on $name', (store) => {
  const setup = async () => {
    const db = await store.fresh();
    opened.push(db);
    const clock = new ManualClock(new Date('2026-11-22T02:00:00Z'));
    return { db, clock, registry: createPgModelRegistry(db, clock) };
  };

  it('registers a candidate, lists it, and returns the artefact byte-for-byte equal', async () => {
    const { registry } = await setup();
    const card = smallCard();
    const summary = await registry.register(card, 'analyst key');
    expect(summary).toMatchObject({
      version: 'test-small',
      contentHash: card.contentHash,
      status: 'candidate',
      featureCount: card.features.length,
      createdBy: 'analyst key',
      activatedAt: null,
    });
    expect(summary.holdoutAuc).toBeCloseTo(card.metrics.holdout?.auc ?? 0, 12);
    expect(summary.createdAt.toISOString()).toBe('2026-11-22T02:00:00.000Z');
    expect(summary.trainedAt.toISOString()).toBe(card.trainedAt);
    const record = await registry.get('test-small');
    expect(record.card).toEqual(card);
    expect((await registry.list()).map((m) => m.version)).toEqual(['test-small']);
  });

  it('refuses the same version twice (409) and an unknown version (404)', async () => {
    const { registry } = await setup();
    await registry.register(smallCard());
    expect((await rejection(registry.register(smallCard()))).code).toBe('CONFLICT');
    expect((await rejection(registry.get('nope'))).code).toBe('NOT_FOUND');
    expect((await rejection(registry.activate('nope'))).code).toBe('NOT_FOUND');
    expect((await rejection(registry.scorer())).code).toBe('NOT_FOUND');
  });

  it('activates one model at a time, retiring the previous one', async () => {
    const { registry, clock } = await setup();
    await registry.register(version(smallCard(), 'v1'));
    await registry.register(version(smallCard(), 'v2'));
    expect(await registry.active()).toBeUndefined();
    const first = await registry.activate('v1');
    expect(first).toMatchObject({ version: 'v1', status: 'active' });
    clock.advanceDays(1);
    await registry.activate('v2');
    const models = Object.fromEntries((await registry.list()).map((m) => [m.version, m]));
    expect(models.v1).toMatchObject({ status: 'retired' });
    expect(models.v1?.retiredAt?.toISOString()).toBe('2026-11-23T02:00:00.000Z');
    expect(models.v2).toMatchObject({ status: 'active' });
    expect((await registry.active())?.version).toBe('v2');
    // Activating the active model changes nothing.
    expect((await registry.activate('v2')).activatedAt?.toISOString()).toBe('2026-11-23T02:00:00.000Z');
  });

  it('hands out a compiled scorer for the active model, cached until the active model changes', async () => {
    const { registry } = await setup();
    await registry.register(version(smallCard(), 'v1'));
    await registry.register(version(smallCard(), 'v2'));
    await registry.activate('v1');
    const a = await registry.scorer();
    expect(a.card.version).toBe('v1');
    expect(await registry.scorer()).toBe(a);
    expect((await registry.scorer('v2')).card.version).toBe('v2');
    await registry.activate('v2');
    expect((await registry.scorer()).card.version).toBe('v2');
    const row = { monthly_income: 5000, home: 'rent' };
    expect((await registry.scorer())(row).score).toBe(a(row).score);
  });

  it('refuses a stored artefact that was edited in the database', async () => {
    const { registry, db } = await setup();
    await registry.register(smallCard());
    await db.query(
      `update scoring_models set artefact = replace(artefact, '"basePoints": ${smallCard().basePoints}', '"basePoints": 999')`,
    );
    const error = await rejection(registry.get('test-small'));
    expect(error.issues[0]).toMatchObject({ field: 'contentHash', rule: 'content-hash' });
  });
});
