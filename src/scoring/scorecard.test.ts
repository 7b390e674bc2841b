import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors/app-error.ts';
import {
  canonicalJson,
  contentHashOf,
  parseScorecard,
  sealScorecard,
  serializeScorecard,
  type Scorecard,
} from './scorecard.ts';
import { smallCard } from './scoring.test-support.ts';

function caught(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

/** A copy of the card with one change, sealed again (so only the rule under test can fail). */
function edited(change: (card: Scorecard) => void): unknown {
  const copy = JSON.parse(serializeScorecard(smallCard())) as Scorecard;
  change(copy);
  const { contentHash: _old, ...rest } = copy;
  return sealScorecard(rest);
}

describe('the scorecard artefact', () => {
  it('round-trips through JSON unchanged and keeps its hash', () => {
    const card = smallCard();
    const reloaded = parseScorecard(JSON.parse(serializeScorecard(card)));
    expect(reloaded).toEqual(card);
    expect(contentHashOf(reloaded)).toBe(card.contentHash);
    expect(card.schema).toBe('credence.scorecard/1');
  });

  it('hashes the canonical form: key order does not matter, content does', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: null, c: 'x' }] })).toBe('{"a":[2,{"c":"x","d":null}],"b":1}');
    const card = smallCard();
    const reordered = Object.fromEntries(Object.entries(card).reverse());
    expect(contentHashOf(reordered as Scorecard)).toBe(card.contentHash);
  });

  it('detects a change made after sealing', () => {
    const tampered = JSON.parse(serializeScorecard(smallCard())) as Scorecard;
    const bin = tampered.features[0]?.bins[0];
    if (bin) bin.points += 5;
    expect(caught(() => parseScorecard(tampered)).issues[0]).toMatchObject({
      field: 'contentHash',
      rule: 'content-hash',
    });
  });

  it('names the field of a schema violation', () => {
    const broken = JSON.parse(serializeScorecard(smallCard())) as Record<string, unknown>;
    (broken.scaling as Record<string, unknown>).pdo = 'forty';
    const error = caught(() => parseScorecard(broken));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.issues.map((issue) => issue.field)).toContain('scaling.pdo');
    const extra = JSON.parse(serializeScorecard(smallCard())) as Record<string, unknown>;
    extra.surprise = true;
    expect(caught(() => parseScorecard(extra)).issues[0]).toMatchObject({
      field: 'surprise',
      rule: 'unknown-field',
    });
    expect(caught(() => parseScorecard({ schema: 'credence.scorecard/9' })).issues[0]).toMatchObject({
      field: 'schema',
      rule: 'supported-schema',
    });
  });

  it('refuses bins that leave a gap, a second missing bin, a category in two groups, or inconsistent scaling', () => {
    const gap = edited((card) => {
      const bin = card.features.find((f) => f.kind === 'numeric')?.bins[1];
      if (bin?.kind === 'interval' && bin.lower !== null) bin.lower += 1;
    });
    expect(caught(() => parseScorecard(gap)).issues[0]?.rule).toBe('contiguous');
    const twoMissing = edited((card) => {
      const feature = card.features[0];
      const missing = feature?.bins.find((b) => b.kind === 'missing');
      if (feature && missing) feature.bins.push({ ...missing });
    });
    expect(caught(() => parseScorecard(twoMissing)).issues[0]?.rule).toBe('one-missing-bin');
    const twice = edited((card) => {
      const feature = card.features.find((f) => f.kind === 'categorical');
      const [first, second] = feature?.bins ?? [];
      if (first?.kind === 'categories' && second?.kind === 'categories')
        second.categories = [...second.categories, first.categories[0] ?? ''];
    });
    expect(caught(() => parseScorecard(twice)).issues[0]?.rule).toBe('disjoint');
    const scale = edited((card) => {
      card.scaling.offset += 1;
    });
    expect(caught(() => parseScorecard(scale)).issues[0]).toMatchObject({
      field: 'scaling.offset',
      rule: 'consistent-offset',
    });
  });

  it('records what an auditor needs', () => {
    const card = smallCard();
    expect(card.training.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(card.smoothing.alpha).toBe(0.5);
    expect(card.scaling).toMatchObject({
      baseScore: 600,
      baseOdds: 50,
      pdo: 40,
      minScore: 350,
      maxScore: 950,
    });
    expect(card.metrics.holdout?.n).toBe(1000);
    expect(card.features.every((f) => f.bins.every((b) => Number.isInteger(b.points)))).toBe(true);
    expect(card.dimensions.rules.length).toBeGreaterThan(10);
  });
});
