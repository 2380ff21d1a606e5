import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { api } from '../../../api/client';
import { buildUrl } from '../../../api/url';
import { resetCatalogCache } from '../../../catalog/catalogStore';
import QueuePage from '../QueuePage';
import { CATALOG, renderAt, ticketFixture } from '../testUtils';

vi.mock('../../../api/client', () => ({ api: { get: vi.fn(), post: vi.fn() } }));
const get = vi.mocked(api.get);

type Options = { query?: Record<string, unknown> };
function ticketCalls(): string[] {
  return get.mock.calls
    .filter(([path]) => path === '/api/tickets/')
    .map(([path, options]) => decodeURIComponent(buildUrl(path, (options as Options).query as never)).replace(/\+/g, ' '));
}

function answer(results: unknown[], next: string | null = null) {
  get.mockImplementation(async (path: string) => {
    if (path === '/api/catalog/') return CATALOG as never;
    return { count: null, next, previous: null, results } as never;
  });
}

beforeEach(() => {
  get.mockReset();
  resetCatalogCache();
});

describe('QueuePage', () => {
  it('lists the New queue with links to each ticket', async () => {
    answer([ticketFixture()]);
    renderAt(<QueuePage />, { url: '/queue', path: '/queue' });
    const link = await screen.findByRole('link', { name: 'TX0001' });
    expect(link).toHaveAttribute('href', '/tickets/TX0001');
    expect(screen.getByTestId('page-queue')).toBeInTheDocument();
    expect(ticketCalls()[0]).toBe('/api/tickets/?status=New&ordering=-submit_date&page_size=25&cursor=');
    expect(screen.getByRole('link', { name: 'New' })).toHaveAttribute('aria-current', 'page');
  });

  it('asks for my tickets on the Assigned to me tab, and narrows by filters', async () => {
    answer([]);
    const { router } = renderAt(<QueuePage />, { url: '/queue?view=all', path: '/queue' });
    await screen.findByText('No tickets here.');
    await userEvent.click(screen.getByRole('link', { name: 'Assigned to me' }));
    await waitFor(() => expect(ticketCalls().at(-1)).toContain('assigned_to=7'));
    expect(router.state.location.search).toBe('?view=mine');

    await userEvent.selectOptions(await screen.findByLabelText('Priority'), 'High');
    await waitFor(() => expect(ticketCalls().at(-1)).toContain('priority=High'));
    await userEvent.selectOptions(screen.getByLabelText('Department'), 'Asset Department');
    await userEvent.selectOptions(screen.getByLabelText('Sort by'), '-priority');
    await waitFor(() =>
      expect(ticketCalls().at(-1)).toBe(
        '/api/tickets/?status=Open&status=In Progress&status=On Hold&status=Pending&assigned_to=7&priority=High&department=Asset Department&ordering=-priority&page_size=25&cursor=',
      ),
    );
    expect(router.state.location.search).toContain('priority=High');
    expect(screen.getByText(/Nothing matches these filters/)).toBeInTheDocument();
  });

  it('debounces the search and keeps it in the URL', async () => {
    answer([]);
    const { router } = renderAt(<QueuePage />, { url: '/queue?view=all', path: '/queue' });
    await screen.findByText('No tickets here.');
    const before = ticketCalls().length;
    await userEvent.type(screen.getByLabelText('Search tickets'), 'printer');
    // One request for the whole word, not one per letter.
    await waitFor(() => expect(ticketCalls().at(-1)).toContain('search=printer&'));
    expect(ticketCalls().length).toBe(before + 1);
    expect(router.state.location.search).toBe('?view=all&search=printer');
  });

  it('pages forward by cursor and back again', async () => {
    answer([ticketFixture()], 'http://x/api/tickets/?status=New&cursor=sd.99.1');
    renderAt(<QueuePage />, { url: '/queue', path: '/queue' });
    await screen.findByRole('link', { name: 'TX0001' });
    const pages = screen.getByRole('navigation', { name: 'Queue pages' });
    await userEvent.click(within(pages).getByRole('button', { name: /Next/ }));
    await waitFor(() => expect(ticketCalls().at(-1)).toContain('cursor=sd.99.1'));
    await screen.findByText('Page 2');
    await userEvent.click(within(pages).getByRole('button', { name: /Previous/ }));
    await waitFor(() => expect(ticketCalls().at(-1)).toMatch(/cursor=$/));
  });

  it('shows the API error and offers to retry', async () => {
    get.mockImplementation(async (path: string) => {
      if (path === '/api/catalog/') return CATALOG as never;
      const { ApiError } = await import('../../../api/errors');
      throw new ApiError(400, 'invalid_argument', 'Invalid cursor.');
    });
    renderAt(<QueuePage />, { url: '/queue', path: '/queue' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Invalid cursor.');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
