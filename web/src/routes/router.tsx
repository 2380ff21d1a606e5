// The route tree: layouts and guards here, pages from the registries beside it.
import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout } from '../layout/AppLayout';
import { PublicLayout } from '../layout/PublicLayout';
import { NotFoundPage } from '../pages/NotFoundPage';
import { adminRoutes } from './adminRoutes';
import { RedirectIfSignedIn, RequireAuth, RootRedirect } from './guards';
import { openRoutes, signedOutRoutes } from './publicRoutes';
import { signedInRoutes } from './signedInRoutes';
import { staffRoutes } from './staffRoutes';

const STAFF = ['Ticket Coordinator', 'System Admin'] as const;
const ADMIN = ['System Admin'] as const;

export const routes: RouteObject[] = [
  { path: '/', element: <RootRedirect /> },
  {
    element: <PublicLayout />,
    children: [{ element: <RedirectIfSignedIn />, children: signedOutRoutes }, ...openRoutes],
  },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          ...signedInRoutes,
          { element: <RequireAuth roles={STAFF} />, children: staffRoutes },
          { element: <RequireAuth roles={ADMIN} />, children: adminRoutes },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
