// Renders the real route tree at `path` in a memory router, with a session
// whose cross-tab parts are off.
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { setTokenSource } from '../api/client';
import { AuthProvider } from '../auth/AuthContext';
import { Session } from '../auth/session';
import { resetCatalogCache } from '../catalog/catalogStore';
import { routes } from '../routes/router';

export function renderApp(path: string) {
  resetCatalogCache();
  const session = new Session({ locks: null, channel: null });
  setTokenSource(session);
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const view = render(
    <AuthProvider session={session}>
      <RouterProvider router={router} />
    </AuthProvider>,
  );
  return { ...view, session, router };
}
