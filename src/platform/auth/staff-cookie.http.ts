import type { FastifyReply, FastifyRequest } from 'fastify';

/** The staff console's session cookie. */
export const STAFF_COOKIE = 'credence_staff';

/**
 * Sets (a session given) or clears (none) the staff cookie: HttpOnly (no script reads it), SameSite=Strict
 * (no other site's page sends it), Path=/, Secure when the request came over https, and expiring with the
 * session's absolute expiry.
 */
export function applyStaffCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  session: { readonly token: string; readonly expiresAt: Date } | undefined,
): void {
  const options = {
    httpOnly: true,
    sameSite: 'strict' as const,
    path: '/',
    secure: request.protocol === 'https',
  };
  if (session) void reply.setCookie(STAFF_COOKIE, session.token, { ...options, expires: session.expiresAt });
  else if (request.cookies[STAFF_COOKIE] !== undefined) void reply.clearCookie(STAFF_COOKIE, options);
}
