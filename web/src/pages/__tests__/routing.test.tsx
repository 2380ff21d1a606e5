import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { account, json, mockApi, tokenPair } from '../../test/mockApi';
import { renderApp } from '../../test/renderApp';

afterEach(() => vi.unstubAllGlobals());

function signedInAs(role: string, extra: Record<string, () => Response> = {}) {
  return mockApi({
    'POST /api/token/refresh/': () => json(200, tokenPair({ role })),
    'GET /api/employee/profile/': () => json(200, account({ role })),
    'GET /api/catalog/': () => json(200, {}),
    'GET /api/tickets/': () => json(200, { count: null, next: null, previous: null, results: [] }),
    ...extra,
  });
}

describe('routes and guards', () => {
  it('shows a loading state, not the sign-in page, while the session is restored', async () => {
    let release: (r: Response) => void = () => undefined;
    mockApi({
      'POST /api/token/refresh/': () => new Promise<Response>((r) => (release = r)),
      'GET /api/employee/profile/': () => json(200, account()),
      'GET /api/tickets/': () => json(200, { count: null, next: null, previous: null, results: [] }),
    });
    renderApp('/tickets');
    expect(await screen.findByText(/restoring your session/i)).toBeInTheDocument();
    expect(screen.queryByTestId('page-login')).toBeNull();
    release(json(200, tokenPair()));
    expect(await screen.findByTestId('page-my-tickets')).toBeInTheDocument();
  });

  it('sends a signed-out visitor to the sign-in page', async () => {
    mockApi({ 'POST /api/token/refresh/': () => json(401, { error: 'unauthenticated', detail: 'no cookie' }) });
    const { router } = renderApp('/tickets/new');
    expect(await screen.findByTestId('page-login')).toBeInTheDocument();
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent('/tickets/new')}`);
  });

  for (const path of ['/queue', '/dashboard', '/admin/accounts', '/admin/api-keys', '/admin/rejections', '/admin/dead-events']) {
    it(`an employee at ${path} gets the forbidden page`, async () => {
      signedInAs('Employee');
      renderApp(path);
      const page = await screen.findByTestId('page-forbidden');
      expect(page).toHaveTextContent('You do not have access to this page');
    });
  }

  it('a coordinator at an admin page gets the forbidden page', async () => {
    signedInAs('Ticket Coordinator');
    renderApp('/admin/accounts');
    expect(await screen.findByTestId('page-forbidden')).toBeInTheDocument();
  });

  it('/ sends an employee to My tickets, and staff to the queue', async () => {
    signedInAs('Employee');
    const first = renderApp('/');
    expect(await screen.findByTestId('page-my-tickets')).toBeInTheDocument();
    first.unmount();
    vi.unstubAllGlobals();
    signedInAs('System Admin', { 'GET /api/tickets/new/': () => json(200, { count: 0, next: null, previous: null, results: [] }) });
    const second = renderApp('/');
    await vi.waitFor(() => expect(second.router.state.location.pathname).toBe('/queue'), { timeout: 5000 });
  });

  it('the header shows each role its own links', async () => {
    signedInAs('Employee');
    const view = renderApp('/profile');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    const links = Array.from(nav.querySelectorAll('a')).map((a) => a.textContent);
    expect(links).toEqual(['My tickets', 'New ticket', 'Profile']);
    view.unmount();
    vi.unstubAllGlobals();
    signedInAs('System Admin');
    renderApp('/profile');
    const adminNav = await screen.findByRole('navigation', { name: 'Main' });
    expect(Array.from(adminNav.querySelectorAll('a')).map((a) => a.textContent)).toEqual([
      'Queue',
      'Dashboard',
      'Canned replies',
      'Accounts',
      'Rejections',
      'API keys',
      'Dead notifications',
      'SLA',
      'Profile',
    ]);
  });
});
