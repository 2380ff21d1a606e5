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

function ticketCalls(): string[] {
  return get.mock.calls
    .filter(([path]) => path === '/api/tickets/')
    .map(([path, options]) => decodeURIComponent(buildUrl(path, (options as { query: never }).query)));
}

beforeEach(() => {
  get.mockReset();
  resetCatalogCache();
  get.mockImplementation(async (path: string) => {
    if (path === '/api/catalog/') return CATALOG as never;
    const t = ticketFixture({ resolution_due: '2026-12-04T09:00:00Z', sla: { state: 'breached', first_response: 'breached', resolution: 'on_track', policy_version: 1 } });
    return { count: null, next: null, previous: null, results: [t] } as never;
  });
});

describe('the queue and the SLA', () => {
  it('filters by SLA state and orders by a due date, kept in the URL', async () => {
    const { router } = renderAt(<QueuePage />, { url: '/queue?view=all', path: '/queue' });
    expect(await screen.findByRole('columnheader', { name: 'Due' })).toBeInTheDocument();
    expect(within(screen.getByRole('table')).getByText('Breached')).toHaveClass('badge--sla-breached');

    await userEvent.selectOptions(screen.getByLabelText('SLA'), 'Breached');
    await waitFor(() => expect(ticketCalls().at(-1)).toContain('sla=breached'));
    expect(router.state.location.search).toContain('sla=breached');

    await userEvent.selectOptions(screen.getByLabelText('Sort by'), 'Resolution due soonest');
    await waitFor(() => expect(ticketCalls().at(-1)).toContain('ordering=resolution_due'));
    expect(ticketCalls().at(-1)).toContain('sla=breached');
  });

  it('reads the SLA filter from the address bar', async () => {
    renderAt(<QueuePage />, { url: '/queue?view=open&sla=at_risk&ordering=first_response_due', path: '/queue' });
    await screen.findByRole('columnheader', { name: 'Due' });
    expect(ticketCalls()[0]).toBe('/api/tickets/?status=Open&sla=at_risk&ordering=first_response_due&page_size=25&cursor=');
    expect(screen.getByLabelText('SLA')).toHaveValue('at_risk');
  });
});
