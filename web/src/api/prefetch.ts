import { currentSession } from './session.ts';

declare global {
  interface Window {
    /** GET /v1/me started by public/prefetch-home.js before this bundle ran. */
    __credenceHome?: Promise<Response>;
  }
}

/**
 * The home screen's data, asked for as early as possible: by public/prefetch-home.js (a classic script in
 * index.html, so the request overlaps the download and compile of this bundle), or else as soon as this
 * module runs (it is imported first by main.tsx). The home screen takes it once; later loads ask again.
 */
let pending: Promise<Response> | undefined = window.__credenceHome;
window.__credenceHome = undefined;

const session = currentSession();
if (!pending && session && (location.pathname === '/app/' || location.pathname === '/app')) {
  pending = fetch('/v1/me', { headers: { authorization: `Bearer ${session.token}` } });
  // A failure is handled by whoever takes it; never an unhandled rejection here.
  pending.catch(() => undefined);
}

/** The prefetched answer of GET /v1/me, once (undefined when there is none). */
export function takePrefetchedHome(): Promise<Response> | undefined {
  const taken = pending;
  pending = undefined;
  return taken;
}
