import Fastify from 'fastify';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { registerWebAppRoutes } from '../../src/http/web-app.routes.ts';
import type { HttpServer } from '../../src/platform/http/server.ts';
import { httpStatusOf, isAppError } from '../../src/platform/errors/app-error.ts';
import { createTestApp } from '../support/app.ts';

/** A bare fastify with the routes over a given build directory, mapping AppError like the real server. */
async function serverOver(distDir: string) {
  const app = Fastify();
  app.setErrorHandler((error, _request, reply) => {
    const code = isAppError(error) ? error.code : 'INTERNAL';
    void reply
      .status(httpStatusOf(code))
      .type('application/problem+json')
      .send({ code, detail: (error as Error).message });
  });
  registerWebAppRoutes(app as unknown as HttpServer, { distDir });
  await app.ready();
  return app;
}

const built = mkdtempSync(join(tmpdir(), 'credence-web-'));
mkdirSync(join(built, 'assets'));
writeFileSync(join(built, 'index.html'), '<!doctype html><title>app</title>');
writeFileSync(join(built, 'assets', 'index-abc123.js'), 'console.log(1)');
const missing = mkdtempSync(join(tmpdir(), 'credence-web-missing-'));

describe('the customer app under /app/', () => {
  const apps: Array<{ close(): Promise<unknown> }> = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  it('serves hashed assets for a year and index.html for any app path (SPA fallback), never cached', async () => {
    const app = await serverOver(built);
    apps.push(app);
    const asset = await app.inject({ url: '/app/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.body).toBe('console.log(1)');
    for (const path of ['/app/', '/app/why/cash_loan', '/app/bills']) {
      const page = await app.inject({ url: path });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.body).toContain('<title>app</title>');
    }
  });

  it('answers 404 for a missing bundle and never serves files outside the build', async () => {
    const app = await serverOver(built);
    apps.push(app);
    expect((await app.inject({ url: '/app/assets/index-gone.js' })).statusCode).toBe(404);
    const traversal = await app.inject({ url: '/app/..%2f..%2fpackage.json' });
    expect(traversal.body).not.toContain('"name"');
  });

  it('says how to build the app when web/dist is missing', async () => {
    const app = await serverOver(missing);
    apps.push(app);
    const answer = await app.inject({ url: '/app/' });
    expect(answer.statusCode).toBe(503);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect(answer.json().detail).toContain('npm run build:web');
  });

  it('starts quietly when there is no build directory at all (no warning on every CLI command)', async () => {
    const logged: string[] = [];
    const app = Fastify({
      logger: { level: 'warn', stream: { write: (line: string) => void logged.push(line) } },
    });
    registerWebAppRoutes(app as unknown as HttpServer, { distDir: join(missing, 'not-there') });
    await app.ready();
    apps.push(app);
    // The route still answers (with the 'run npm run build:web' problem, as the test above shows).
    expect((await app.inject({ url: '/app/' })).statusCode).toBeGreaterThanOrEqual(500);
    expect(logged.filter((line) => line.includes('must exist'))).toEqual([]);
  });

  it('redirects / to /app/ without an API key, in the real server', async () => {
    const { app } = await createTestApp();
    apps.push({ close: () => app.stop() });
    const root = await app.http.inject({ url: '/' });
    expect(root.statusCode).toBe(302);
    expect(root.headers.location).toBe('/app/');
    expect((await app.http.inject({ url: '/app' })).headers.location).toBe('/app/');
  });
});
