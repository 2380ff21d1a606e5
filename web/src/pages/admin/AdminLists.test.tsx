import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { api } from '../../api/client';
import { renderAt, staffUser } from '../staff/testUtils';
import DeadEventsPage from './DeadEventsPage';
import RejectionsPage from './RejectionsPage';

vi.mock('../../api/client', () => ({ api: { get: vi.fn(), post: vi.fn() } }));
const get = vi.mocked(api.get);
const post = vi.mocked(api.post);
const admin = staffUser('System Admin', 1);
const page = (results: unknown[], next: string | null = null) => ({ count: results.length, next, previous: null, results });

beforeEach(() => {
  get.mockReset();
  post.mockReset();
});

describe('RejectionsPage', () => {
  it('shows the count and the audit, paged', async () => {
    get.mockImplementation(async (path: string, options?: { query?: Record<string, unknown> }) => {
      if (path === '/api/admin/rejected-users-count/') return { count: 21 } as never;
      if (path === '/api/employees/') return page([{ id: 1, first_name: 'Ada', last_name: 'Admin' }]) as never;
      const n = options?.query?.page as number;
      return page(
        [{ id: n, company_id: 'MA0009', first_name: n === 1 ? 'Rex' : 'Zed', middle_name: null, last_name: 'Roe', suffix: null, email: 'rex@x', department: 'IT Department', reason: 'Not staff.', rejected_by: 1, rejected_at: '2026-12-02T08:00:00Z' }],
        n === 1 ? '/api/rejected-employees/?page=2' : null,
      ) as never;
    });
    renderAt(<RejectionsPage />, { url: '/admin/rejections', path: '/admin/rejections', user: admin });
    expect(await screen.findByText('Rex Roe')).toBeInTheDocument();
    expect(screen.getByTestId('page-rejections')).toHaveTextContent('21 sign-ups have been rejected.');
    expect(await screen.findByText('Ada Admin')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /Next/ }));
    expect(await screen.findByText('Zed Roe')).toBeInTheDocument();
  });
});

describe('DeadEventsPage', () => {
  it('lists dead notifications with their last error and requeues one', async () => {
    let dead = [{ id: 8, event: 'ticket.approved', account: 3, ticket: 4, payload: { ticket_number: 'TX0004' }, created_at: '2026-12-02T08:00:00Z', state: 'dead', attempts: 8, last_error: 'SMTP 550 mailbox unavailable', next_attempt_at: '2026-12-02T09:00:00Z', delivered_to: [] }];
    get.mockImplementation(async () => page(dead) as never);
    post.mockImplementation(async () => {
      dead = [];
      return {} as never;
    });
    renderAt(<DeadEventsPage />, { url: '/admin/dead-events', path: '/admin/dead-events', user: admin });
    expect(await screen.findByText('SMTP 550 mailbox unavailable')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'TX0004' })).toHaveAttribute('href', '/tickets/TX0004');
    await userEvent.click(screen.getByRole('button', { name: 'Requeue notification 8' }));
    expect(post).toHaveBeenCalledWith('/api/outbox/8/requeue/');
    expect(await screen.findByText(/queued again/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText(/No dead notifications/)).toBeInTheDocument());
  });
});
