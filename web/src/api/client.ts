import createClient, { type Middleware } from 'openapi-fetch';
import { unwrap, type ApiProblem } from './problem.ts';
import type { paths } from './schema';
import { currentSession, endSession } from './session.ts';

/**
 * The one API client of the web package, typed by the schema generated from the server's /openapi.json
 * (`npm run gen:api`). It sends the customer's session as a bearer token, and a 401 ends the session so
 * the app shows sign-in again.
 */
const auth: Middleware = {
  onRequest({ request }) {
    const session = currentSession();
    if (session && !request.headers.has('authorization'))
      request.headers.set('authorization', `Bearer ${session.token}`);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && request.headers.has('authorization')) endSession('expired');
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(auth);

export { unwrap };
export type { ApiProblem };
