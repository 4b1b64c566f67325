import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, onUnauthenticated, setCsrfToken } from '../api/client.js';
import type { Permission, Session, SignedInSession } from '../api/types.js';

export interface SessionValue {
  /** undefined while the first session check is in flight. */
  session: SignedInSession | null | undefined;
  refresh: () => Promise<SignedInSession | null>;
  signIn: (username: string, password: string) => Promise<SignedInSession>;
  signOut: () => Promise<void>;
  can: (permission: Permission) => boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

function accept(session: Session): SignedInSession | null {
  if (!session.authenticated) {
    setCsrfToken(null);
    return null;
  }
  setCsrfToken(session.csrfToken);
  return session;
}

/** Holds who is signed in (from GET /auth/session) and their CSRF token. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SignedInSession | null | undefined>(undefined);

  const refresh = useCallback(async () => {
    try {
      const next = accept(await api.get<Session>('/auth/session'));
      setSession(next);
      return next;
    } catch {
      setSession(null);
      return null;
    }
  }, []);

  useEffect(() => {
    void refresh();
    return onUnauthenticated(() => {
      setCsrfToken(null);
      setSession(null);
    });
  }, [refresh]);

  const signIn = useCallback(async (username: string, password: string) => {
    const next = accept(await api.post<Session>('/auth/login', { username, password }));
    if (!next) throw new Error('sign-in returned no session');
    setSession(next);
    return next;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.post<void>('/auth/logout');
    } finally {
      setCsrfToken(null);
      setSession(null);
    }
  }, []);

  const value = useMemo<SessionValue>(
    () => ({
      session,
      refresh,
      signIn,
      signOut,
      can: (permission) => !!session?.permissions.includes(permission),
    }),
    [session, refresh, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The current session and the actions on it. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
