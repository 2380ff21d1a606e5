import { screen, within } from '@testing-library/react';
import { vi } from 'vitest';
import { api } from '../../../api/client';
import DashboardPage from '../DashboardPage';
import { renderAt } from '../testUtils';
import { describeFigures, figures, STATUS_ORDER } from './statsFigures';

vi.mock('../../../api/client', () => ({ api: { get: vi.fn() } }));
// Chart.js needs a real canvas; the chart's props are what matter here.
vi.mock('react-chartjs-2', () => ({
  Bar: (props: { 'aria-label': string; data: { labels: string[] } }) => (
    <canvas role="img" aria-label={props['aria-label']} data-labels={props.data.labels.join('|')} />
  ),
}));
const get = vi.mocked(api.get);

const STATS = {
  total: 6,
  by_status: { Closed: 1, New: 3, Open: 2 },
  by_priority: { Low: 1, Critical: 2, Medium: 3 },
  by_department: { '': 3, 'IT Department': 3 },
  mean_response_seconds: 5400,
  mean_resolution_seconds: 2 * 86400 + 3 * 3600,
};

describe('dashboard', () => {
  it('orders the figures as the lifecycle does and describes them', () => {
    const list = figures(STATS.by_status, STATUS_ORDER);
    expect(list.map((f) => f.label)).toEqual(['New', 'Open', 'Closed']);
    expect(describeFigures('Tickets by status', list)).toBe('Tickets by status: New 3, Open 2, Closed 1.');
  });

  it('shows the counts as charts with text alternatives, and the mean times as durations', async () => {
    get.mockResolvedValue(STATS as never);
    renderAt(<DashboardPage />, { url: '/dashboard', path: '/dashboard' });
    expect(await screen.findByRole('img', { name: 'Tickets by status: New 3, Open 2, Closed 1.' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Tickets by priority: Critical 2, Medium 3, Low 1.' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Tickets by department: No department yet 3, IT Department 3.' })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Tickets by status' });
    expect(within(table).getByRole('rowheader', { name: 'New' })).toBeInTheDocument();
    expect(screen.getByText('1 h 30 min')).toBeInTheDocument();
    expect(screen.getByText('2 d 3 h')).toBeInTheDocument();
    expect(screen.getByText('2 days 3 hours')).toBeInTheDocument();
    expect(get).toHaveBeenCalledWith('/api/tickets/stats/', expect.anything());
  });

  it('shows an error with a retry', async () => {
    const { ApiError } = await import('../../../api/errors');
    get.mockRejectedValue(new ApiError(403, 'permission_denied', 'You are not allowed to do this.'));
    renderAt(<DashboardPage />, { url: '/dashboard', path: '/dashboard' });
    expect(await screen.findByRole('alert')).toHaveTextContent('You are not allowed to do this.');
  });
});
