import { Navigate, Outlet, useLocation } from 'react-router';
import type { Role } from '../api/types';
import { useAuth } from '../auth/useAuth';
import { homePath } from '../auth/user';
import { Loading } from '../components/Loading';
import { ForbiddenPage } from '../pages/ForbiddenPage';

/**
 * Where to go after sign-in: only a path inside the console. Backslashes and
 * control characters are refused outright (browsers read `/\host` and
 * `/<tab>/host` as `//host`), and the resolved URL must stay on this origin.
 */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return null;
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return null;
  try {
    const origin = window.location.origin;
    return new URL(next, origin).origin === origin ? next : null;
  } catch {
    return null;
  }
}

/**
 * Children need a signed-in person, and with `roles` one of those roles;
 * anyone else gets the forbidden page (the URL stays as typed).
 */
export function RequireAuth({ roles }: { roles?: readonly Role[] }) {
  const { status, user } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <Loading label="Restoring your session…" fullPage />;
  if (!user) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (roles && !roles.includes(user.role)) return <ForbiddenPage />;
  return <Outlet />;
}

/** Sign-in and sign-up pages send a signed-in person home instead. */
export function RedirectIfSignedIn() {
  const { status, user } = useAuth();
  if (status === 'loading') return <Loading label="Restoring your session…" fullPage />;
  if (user) return <Navigate to={homePath(user.role)} replace />;
  return <Outlet />;
}

/** `/`: employees to their tickets, staff to the queue. */
export function RootRedirect() {
  const { status, user } = useAuth();
  if (status === 'loading') return <Loading label="Restoring your session…" fullPage />;
  return <Navigate to={user ? homePath(user.role) : '/login'} replace />;
}
