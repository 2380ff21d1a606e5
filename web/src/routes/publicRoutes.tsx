// Pages for people who are signed out (the sign-in page is not lazy: it is
// the first thing most visits show).
import { LoginPage } from '../pages/auth/LoginPage';
import { lazyPage } from './lazyPage';
import type { AppRoute } from './types';

/** Only for signed-out people (a signed-in person is sent home). */
export const signedOutRoutes: AppRoute[] = [
  { path: '/login', element: <LoginPage /> },
  { path: '/signup', element: lazyPage(() => import('../pages/auth/SignUpPage')) },
];

/** For anyone, signed in or not (the mailed links). */
export const openRoutes: AppRoute[] = [
  { path: '/forgot-password', element: lazyPage(() => import('../pages/auth/ForgotPasswordPage')) },
  { path: '/reset-password', element: lazyPage(() => import('../pages/auth/ResetPasswordPage')) },
  { path: '/set-password', element: lazyPage(() => import('../pages/auth/SetPasswordPage')) },
];
