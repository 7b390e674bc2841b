import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { createHttpServer } from '../../src/platform/http/server.ts';
import { createIdGenerator, seededRandomBytes } from '../../src/platform/ids/ids.ts';
import { createMemoryLogger } from '../../src/platform/logging/logger.ts';
import { ManualClock } from '../../src/platform/time/clock.ts';

/**
 * Response bodies are written with the plain JSON.stringify when they hold no bigint, and with the
 * bigint-aware writer (decimal strings, exact) when they do — with or without a response schema.
 */
describe('HTTP response JSON', () => {
  it('writes bigints as exact decimal strings, and plain bodies as they are', async () => {
    const clock = new ManualClock(new Date('2026-11-22T02:00:00Z'));
    const http = await createHttpServer({
      logger: createMemoryLogger('warn').logger,
      ids: createIdGenerator(clock, seededRandomBytes(1)),
      clock,
      apiKeys: {
        create: () => Promise.reject(new Error('unused')),
        list: () => Promise.resolve([]),
        touch: () => Promise.resolve(),
        revoke: () => Promise.resolve(false),
        findActiveByHash: () => Promise.resolve(undefined),
      } as never,
      readiness: () => Promise.resolve({ ready: true, checks: {} }),
      bodyLimit: 1024,
      version: 'test',
    });
    http.get('/big', { config: { public: true } }, async () => ({
      fen: 12_345_678_901_234_567_890n,
      nested: [{ limit: 500_000n, note: 'x' }],
    }));
    http.get(
      '/big-schema',
      {
        config: { public: true },
        schema: { response: { 200: Type.Object({ fen: Type.Unknown(), text: Type.String() }) } },
      },
      async () => ({ fen: 9_007_199_254_740_993n, text: 'ok' }),
    );
    http.get('/plain', { config: { public: true } }, async () => ({ text: '额度', n: 1.5 }));
    await http.ready();
    const big = await http.inject({ method: 'GET', url: '/big' });
    expect(big.body).toBe('{"fen":"12345678901234567890","nested":[{"limit":"500000","note":"x"}]}');
    const schema = await http.inject({ method: 'GET', url: '/big-schema' });
    expect(schema.body).toBe('{"fen":"9007199254740993","text":"ok"}');
    const plain = await http.inject({ method: 'GET', url: '/plain' });
    expect(plain.body).toBe('{"text":"额度","n":1.5}');
    expect(plain.headers['x-request-id']).toMatch(/^req_/);
    await http.close();
  }, 120_000);
});
