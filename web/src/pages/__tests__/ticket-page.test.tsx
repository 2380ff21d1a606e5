import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { account, catalog, json, mockApi, ticket, tokenPair } from '../../test/mockApi';
import { renderApp } from '../../test/renderApp';

afterEach(() => vi.unstubAllGlobals());

function owner(current: () => Record<string, unknown>, extra: Record<string, (c: never) => Response> = {}) {
  return mockApi({
    'POST /api/token/refresh/': () => json(200, tokenPair()),
    'GET /api/employee/profile/': () => json(200, account()),
    'GET /api/catalog/': () => json(200, catalog),
    'GET /api/tickets/TX0041/': () => json(200, current()),
    ...extra,
  });
}

describe('ticket page (owner)', () => {
  it('shows the ticket, its thread without internal marks for public comments, and only the allowed actions', async () => {
    owner(() =>
      ticket({
        comments: [{ id: 1, ticket: 41, author: 9, author_name: 'Casey Coordinator', author_role: 'Ticket Coordinator', text: 'We replaced the roller.', is_internal: false, created_at: '2026-01-03T00:00:00Z' }],
        attachments: [{ id: 3, ticket: 41, file_name: 'jam.pdf', content_type: 'application/pdf', size: 2048, uploaded_by: 7, upload_date: '2026-01-02T03:04:05Z', download_url: '/api/attachments/3/download/?u=7&exp=1&sig=x' }],
      }),
    );
    renderApp('/tickets/TX0041');
    const page = await screen.findByTestId('page-ticket');
    const q = within(page);
    expect(await q.findByRole('heading', { level: 1, name: 'TX0041: Printer jams' })).toBeInTheDocument();
    expect(q.getByText('Resolved')).toBeInTheDocument();
    expect(q.getByRole('link', { name: 'jam.pdf' })).toHaveAttribute('href', '/api/attachments/3/download/?u=7&exp=1&sig=x');
    expect(q.getByText('We replaced the roller.')).toBeInTheDocument();
    expect(q.queryByText(/internal note/i)).toBeNull();
    expect(q.getByRole('button', { name: 'Close ticket' })).toBeInTheDocument();
    expect(q.getByRole('button', { name: 'Reopen ticket' })).toBeInTheDocument();
    expect(q.queryByRole('button', { name: 'Withdraw ticket' })).toBeNull();
    expect(q.getByLabelText(/your comment/i)).toBeInTheDocument();
    expect(q.queryByRole('checkbox', { name: /internal/i })).toBeNull();
  });

  it('shows no action buttons and no comment box when actions is empty', async () => {
    owner(() => ticket({ status: 'Closed', actions: [] }));
    renderApp('/tickets/TX0041');
    const q = within(await screen.findByTestId('page-ticket'));
    await q.findByText('Closed');
    expect(q.queryByRole('button', { name: /close|reopen|withdraw/i })).toBeNull();
    expect(q.queryByLabelText(/your comment/i)).toBeNull();
  });

  it('closes with If-Match after confirming, then shows the new state', async () => {
    let current = ticket();
    const m = owner(() => current, {
      'POST /api/tickets/41/close/': () => {
        current = ticket({ status: 'Closed', actions: [], version: 6 });
        return json(200, current);
      },
    });
    const user = userEvent.setup();
    renderApp('/tickets/TX0041');
    const q = within(await screen.findByTestId('page-ticket'));
    await user.click(await q.findByRole('button', { name: 'Close ticket' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Close ticket' }));
    await waitFor(() => expect(q.getByText('Closed')).toBeInTheDocument());
    const close = m.of('POST /api/tickets/41/close/')[0]!;
    expect(close.headers['if-match']).toBe('5');
  });

  it('needs a comment to reopen', async () => {
    const m = owner(() => ticket(), { 'POST /api/tickets/41/reopen/': () => json(200, ticket({ status: 'In Progress' })) });
    const user = userEvent.setup();
    renderApp('/tickets/TX0041');
    const q = within(await screen.findByTestId('page-ticket'));
    await user.click(await q.findByRole('button', { name: 'Reopen ticket' }));
    const dialog = within(await screen.findByRole('dialog'));
    const confirm = dialog.getByRole('button', { name: 'Reopen ticket' });
    expect(confirm).toBeDisabled();
    await user.type(dialog.getByLabelText(/what is still wrong/i), 'Still jams.');
    expect(confirm).toBeEnabled();
    await user.click(confirm);
    await waitFor(() => expect(m.of('POST /api/tickets/41/reopen/')).toHaveLength(1));
    expect(m.of('POST /api/tickets/41/reopen/')[0]!.body).toEqual({ comment: 'Still jams.' });
  });

  it('on a 412 says someone else changed the ticket and reloads on request', async () => {
    let version = 5;
    const m = owner(() => ticket({ version }), {
      'POST /api/tickets/41/close/': () => json(412, { error: 'precondition_failed', detail: 'stale version' }),
    });
    const user = userEvent.setup();
    renderApp('/tickets/TX0041');
    const q = within(await screen.findByTestId('page-ticket'));
    await user.click(await q.findByRole('button', { name: 'Close ticket' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Close ticket' }));
    expect(await q.findByText(/someone else changed this ticket/i)).toBeInTheDocument();
    version = 6;
    const loadsBefore = m.of('GET /api/tickets/TX0041/').length;
    await user.click(q.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(m.of('GET /api/tickets/TX0041/').length).toBe(loadsBefore + 1));
    await waitFor(() => expect(q.queryByText(/someone else changed this ticket/i)).toBeNull());
  });

  it('posts a comment and shows field errors from the server beside the box', async () => {
    const m = owner(() => ticket(), {
      'POST /api/tickets/41/comments/': () => json(400, { error: 'invalid_argument', detail: 'invalid input', field_errors: { text: ['Use at most 5000 characters.'] } }),
    });
    const user = userEvent.setup();
    renderApp('/tickets/TX0041');
    const q = within(await screen.findByTestId('page-ticket'));
    const box = await q.findByLabelText(/your comment/i);
    await user.type(box, 'Thanks!');
    await user.click(q.getByRole('button', { name: 'Post comment' }));
    await waitFor(() => expect(box).toHaveAttribute('aria-invalid', 'true'));
    expect(document.getElementById(box.getAttribute('aria-describedby')!.split(' ').pop()!)).toHaveTextContent('Use at most 5000 characters.');
    expect(m.of('POST /api/tickets/41/comments/')[0]!.body).toEqual({ text: 'Thanks!', is_internal: false });
  });

  it('says so when the ticket does not exist', async () => {
    mockApi({
      'POST /api/token/refresh/': () => json(200, tokenPair()),
      'GET /api/employee/profile/': () => json(200, account()),
      'GET /api/catalog/': () => json(200, catalog),
      'GET /api/tickets/TX9999/': () => json(404, { error: 'not_found', detail: 'ticket not found' }),
    });
    renderApp('/tickets/TX9999');
    expect(await screen.findByText('Ticket not found.')).toBeInTheDocument();
    expect(screen.getByText('No such ticket')).toBeInTheDocument();
  });
});
