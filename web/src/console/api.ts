import createClient, { type Middleware } from 'openapi-fetch';
import { unwrap, type ApiProblem } from '../api/problem.ts';
import type { paths } from '../api/schema';

/**
 * The staff console's API client: the same generated types as the customer app (`npm run gen:api`), but it
 * authenticates with the staff session cookie (httpOnly, SameSite=Strict — the page never sees it) and sends
 * the session's CSRF token on every request that changes something. A 401 (idle or absolute expiry, sign-out
 * elsewhere) sends the reader back to sign-in, saying why.
 */
let csrfToken: string | undefined;
const expiredListeners = new Set<() => void>();

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export function onSessionExpired(listener: () => void): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

const staffAuth: Middleware = {
  onRequest({ request }) {
    if (!SAFE.has(request.method) && csrfToken) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && !request.url.endsWith('/v1/staff/sign-in'))
      for (const listener of expiredListeners) listener();
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });
api.use(staffAuth);

export { unwrap };
export type { ApiProblem };
