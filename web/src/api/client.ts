import createClient, { type Middleware } from 'openapi-fetch';
import { networkProblem, problemFrom, type ApiProblem } from './problem.ts';
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

type Result<T> = { data?: T; error?: unknown; response: Response };

/**
 * The data of an answer, or an `ApiProblem` thrown with the server's detail. A request that got no answer
 * throws a network problem, so a page can say "the connection was lost" rather than go blank.
 */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await call;
  } catch (error) {
    throw networkProblem(error);
  }
  if (!result.response.ok) throw problemFrom(result.response.status, result.error);
  return result.data as T;
}

export type { ApiProblem };
