/**
 * The customer's session token, kept for this browser tab only (sessionStorage): a customer never holds an
 * API key, and a session is short-lived and scoped to one customer. Listeners hear when it ends (sign-out,
 * or a 401 from the server: expired, revoked or forged), so the app can show sign-in again.
 */
export interface Session {
  readonly token: string;
  readonly customerId: string;
  readonly expiresAt: string;
}

const KEY = 'credence.session';
type EndReason = 'signed-out' | 'expired';
const listeners = new Set<(reason: EndReason) => void>();

export function currentSession(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Session;
  } catch {
    return null;
  }
}

export function startSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function endSession(reason: EndReason): void {
  const had = sessionStorage.getItem(KEY) !== null;
  sessionStorage.removeItem(KEY);
  if (had || reason === 'expired') for (const listener of listeners) listener(reason);
}

export function onSessionEnd(listener: (reason: EndReason) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
