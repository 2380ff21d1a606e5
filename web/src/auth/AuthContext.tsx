import { createContext, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { api } from '../api/client';
import type { Account } from '../api/types';
import type { Session, SessionState } from './session';
import type { SessionUser } from './user';

export interface AuthValue {
  status: SessionState['status'];
  user: SessionUser | null;
  notice: string | null;
  /** The full account (names, picture), loaded after sign-in; null until then. */
  profile: Account | null;
  reloadProfile: () => Promise<void>;
  setProfile: (account: Account) => void;
  login: (email: string, password: string) => Promise<SessionUser>;
  logout: () => Promise<void>;
}

export const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ session, children }: { session: Session; children: ReactNode }) {
  const state = useSyncExternalStore(session.subscribe, session.getState);
  const [profile, setProfile] = useState<Account | null>(null);
  const restored = useRef(false);

  useEffect(() => {
    if (restored.current) return;
    restored.current = true;
    if (session.getState().status === 'loading') void session.restore();
  }, [session]);

  const userId = state.user?.id ?? null;
  const reloadProfile = useCallback(async () => {
    try {
      setProfile(await api.get<Account>('/api/employee/profile/'));
    } catch {
      // The header falls back to the token's names; the profile page shows its own error.
    }
  }, []);

  useEffect(() => {
    setProfile(null);
    if (userId !== null) void reloadProfile();
  }, [userId, reloadProfile]);

  const value = useMemo<AuthValue>(
    () => ({
      status: state.status,
      user: state.user,
      notice: state.notice,
      profile,
      reloadProfile,
      setProfile,
      login: (email, password) => session.login(email, password),
      logout: () => session.logout(),
    }),
    [state, profile, reloadProfile, session],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
