import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { api, onSessionExpired, setCsrfToken, unwrap } from './api.ts';

export type StaffRole = 'reviewer' | 'analyst' | 'collector' | 'admin';

export interface StaffUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: StaffRole;
}

export interface StaffSession {
  readonly user: StaffUser;
  readonly csrfToken: string;
  readonly idleExpiresAt: string;
  readonly expiresAt: string;
}

/** Why the sign-in page is shown: first visit, an expired session, or the reader signed out. */
export type SignedOutReason = 'none' | 'expired' | 'signed-out';

interface SessionState {
  readonly session: StaffSession | undefined;
  readonly checking: boolean;
  readonly reason: SignedOutReason;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** Roles that may open a page: admin always may. */
  allows(roles: readonly StaffRole[]): boolean;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<StaffSession | undefined>(undefined);
  const [checking, setChecking] = useState(true);
  const [reason, setReason] = useState<SignedOutReason>('none');

  // Whether a session is held: a 401 then means it expired; on a first visit it only means "not signed in".
  const held = useRef(false);

  const adopt = useCallback((next: StaffSession | undefined) => {
    held.current = next !== undefined;
    setCsrfToken(next?.csrfToken);
    setSession(next);
  }, []);

  useEffect(() => {
    let live = true;
    void api
      .GET('/v1/staff/session')
      .then(({ data }) => {
        if (live) adopt(data as StaffSession | undefined);
      })
      .catch(() => undefined)
      .finally(() => {
        if (live) setChecking(false);
      });
    return () => {
      live = false;
    };
  }, [adopt]);

  useEffect(
    () =>
      onSessionExpired(() => {
        if (!held.current) return;
        adopt(undefined);
        setReason('expired');
      }),
    [adopt],
  );

  const signIn = useCallback(
    async (username: string, password: string) => {
      const next = await unwrap(api.POST('/v1/staff/sign-in', { body: { username, password } }));
      setReason('none');
      adopt(next as StaffSession);
    },
    [adopt],
  );

  const signOut = useCallback(async () => {
    await api.POST('/v1/staff/sign-out').catch(() => undefined);
    adopt(undefined);
    setReason('signed-out');
  }, [adopt]);

  const value = useMemo<SessionState>(
    () => ({
      session,
      checking,
      reason,
      signIn,
      signOut,
      allows: (roles) =>
        session !== undefined && (session.user.role === 'admin' || roles.includes(session.user.role)),
    }),
    [session, checking, reason, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

/** The signed-in staff member (pages under the layout only render with a session). */
export function useStaff(): StaffUser {
  const { session } = useSession();
  if (!session) throw new Error('useStaff without a session');
  return session.user;
}
