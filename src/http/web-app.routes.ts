import fastifyStatic from '@fastify/static';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { HttpServer } from '../platform/http/server.ts';
import { AppError } from '../platform/errors/app-error.ts';

/** Where `npm run build:web` writes the customer app (web/vite.config.ts: outDir). */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** Hashed bundles never change under their name: a year, immutable. */
const HASHED = 'public, max-age=31536000, immutable';
/** index.html names the current bundles: always revalidated. */
const ENTRY = 'no-cache';

/**
 * Serves the customer app ("My credit / 我的额度", web/) at /app/: files of the build, index.html for every
 * other path under /app/ (the app's router decides), `GET /` redirects to /app/; and the staff console at
 * /console/ (web/console/index.html for every path under it). No API key: the app signs
 * the customer in with a session of its own. When the app has not been built, /app/ answers a problem
 * saying how to build it rather than a bare 404.
 */
export function registerWebAppRoutes(http: HttpServer, options: { distDir?: string } = {}): void {
  const root = options.distDir ?? WEB_DIST;
  // Registered lazily by fastify (loaded at ready()); it only adds `reply.sendFile`, used at request time.
  // Only over a build that exists: the plugin warns on every start about a missing root, and every CLI
  // command that opens the application would print that warning. A build made after this process started
  // is served after a restart.
  const served = existsSync(root);
  if (served) void http.register(fastifyStatic, { root, serve: false });
  const route = { config: { public: true }, schema: { hide: true } } as const;

  http.get('/', route, async (_request, reply) => reply.redirect('/app/', 302));
  http.get('/app', route, async (_request, reply) => reply.redirect('/app/', 302));
  http.get('/console', route, async (_request, reply) => reply.redirect('/console/', 302));
  // The staff console: one page (console/index.html) for every path under /console/ (its router decides);
  // its bundles are under /app/assets/ with the app's (one build, shared chunks cached once).
  http.get('/console/*', route, async (_request, reply) => {
    if (!served || !existsSync(`${root}/console/index.html`)) {
      throw new AppError(
        'UNAVAILABLE',
        'the staff console is not built: run `npm run build:web` (or `npm install`, which builds it), then reload',
      );
    }
    return reply.header('cache-control', ENTRY).sendFile('console/index.html', { cacheControl: false });
  });
  http.get('/app/*', route, async (request, reply) => {
    if (!served || !existsSync(`${root}/index.html`)) {
      throw new AppError(
        'UNAVAILABLE',
        'the customer app is not built: run `npm run build:web` (or `npm install`, which builds it), then reload',
      );
    }
    const wanted = (request.params as { '*': string })['*'];
    const file = safeFile(root, wanted);
    if (file) {
      return reply
        .header('cache-control', file.startsWith('assets/') ? HASHED : ENTRY)
        .sendFile(file, { cacheControl: false });
    }
    // A missing bundle is a 404, not the page: a stale index.html asking for it should fail loudly.
    if (wanted.startsWith('assets/')) throw new AppError('NOT_FOUND', `no file /app/${wanted}`);
    return reply.header('cache-control', ENTRY).sendFile('index.html', { cacheControl: false });
  });
}

/** The path of a regular file under the build, or undefined (traversal, directory, nothing there). */
function safeFile(root: string, wanted: string): string | undefined {
  if (wanted === '' || wanted.split('/').some((part) => part === '..' || part === '' || part.startsWith('.')))
    return undefined;
  const full = `${root}/${wanted}`;
  try {
    return statSync(full).isFile() ? wanted : undefined;
  } catch {
    return undefined;
  }
}
