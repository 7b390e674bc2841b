import { currentSession } from './session.ts';

/**
 * The home screen's data, asked for as soon as the bundle starts to run — before React and the screens are
 * evaluated (this module is imported first by main.tsx) — so the request and the script work overlap. The
 * home screen takes it once; later loads (reload, after an action) ask again.
 */
let pending: Promise<Response> | undefined;

const session = currentSession();
if (session && (location.pathname === '/app/' || location.pathname === '/app')) {
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
