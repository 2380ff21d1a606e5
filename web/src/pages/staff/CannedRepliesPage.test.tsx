import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { json, mockApi, type Handler } from '../../test/mockApi';
import CannedRepliesPage from './CannedRepliesPage';
import { renderAt, staffUser } from './testUtils';

const reply = (id: number, title: string, over: Record<string, unknown> = {}) => ({
  id,
  title,
  body: `Text of ${title} for {{ticket.number}}`,
  shared: false,
  owner: 7,
  created_at: '2026-12-01T09:00:00Z',
  created_by: 7,
  updated_at: '2026-12-01T09:00:00Z',
  version: 2,
  ...over,
});

let replies: ReturnType<typeof reply>[] = [];

function serve(routes: Record<string, Handler> = {}) {
  return mockApi({
    'GET /api/canned-replies/': () => json(200, { count: replies.length, next: null, previous: null, results: replies }),
    ...routes,
  });
}

function show(role: 'Ticket Coordinator' | 'System Admin' = 'Ticket Coordinator') {
  renderAt(<CannedRepliesPage />, { url: '/canned-replies', path: '/canned-replies', user: staffUser(role) });
}

beforeEach(() => {
  replies = [reply(1, 'Printer fixed'), reply(2, 'VPN reset', { shared: true, owner: null })];
});
afterEach(() => vi.unstubAllGlobals());

describe('CannedRepliesPage', () => {
  it('lists own and shared replies; a coordinator may change only their own', async () => {
    serve();
    show();
    expect(await screen.findByText('Printer fixed')).toBeInTheDocument();
    expect(screen.getByTestId('page-canned-replies')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit Printer fixed' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit VPN reset' })).toBeNull();
    expect(screen.getByText('System Admins change shared replies')).toBeInTheDocument();
  });

  it('creates a reply; a coordinator is not offered "shared"', async () => {
    const api = serve({
      'POST /api/canned-replies/': (c) => {
        replies = [...replies, reply(3, 'Welcome', { body: (c.body as { body: string }).body, version: 1 })];
        return json(201, replies.at(-1));
      },
    });
    show();
    await screen.findByText('Printer fixed');
    await userEvent.click(screen.getByRole('button', { name: 'New canned reply' }));
    const form = screen.getByRole('form', { name: 'New canned reply' });
    expect(within(form).queryByLabelText(/Shared with all staff/)).toBeNull();
    await userEvent.type(within(form).getByLabelText(/Title/), 'Welcome');
    await userEvent.type(within(form).getByLabelText(/^Text/), 'Hello {{{{employee.first_name}}');
    await userEvent.click(within(form).getByRole('button', { name: 'Save reply' }));
    expect(await screen.findByRole('status')).toHaveTextContent('“Welcome” is saved.');
    expect(api.of('POST /api/canned-replies/')[0]!.body).toEqual({ title: 'Welcome', body: 'Hello {{employee.first_name}}' });
    expect(await screen.findByText('Welcome')).toBeInTheDocument();
  });

  it('lets a System Admin share a new reply', async () => {
    const api = serve({ 'POST /api/canned-replies/': () => json(201, reply(3, 'Policy')) });
    show('System Admin');
    await screen.findByText('Printer fixed');
    expect(screen.getByRole('button', { name: 'Edit VPN reset' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'New canned reply' }));
    await userEvent.type(screen.getByLabelText(/Title/), 'Policy');
    await userEvent.type(screen.getByLabelText(/^Text/), 'See the policy.');
    await userEvent.click(screen.getByLabelText(/Shared with all staff/));
    await userEvent.click(screen.getByRole('button', { name: 'Save reply' }));
    await waitFor(() => expect(api.of('POST /api/canned-replies/')).toHaveLength(1));
    expect(api.of('POST /api/canned-replies/')[0]!.body).toEqual({ title: 'Policy', body: 'See the policy.', shared: true });
  });

  it('checks required fields before sending, and shows a 400 field error beside the text', async () => {
    const api = serve({
      'POST /api/canned-replies/': () =>
        json(400, { error: 'invalid_argument', detail: 'invalid input', field_errors: { body: ['Unknown placeholder {{ticket.owner}}.'] } }),
    });
    show();
    await screen.findByText('Printer fixed');
    await userEvent.click(screen.getByRole('button', { name: 'New canned reply' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save reply' }));
    expect(screen.getByLabelText(/Title/)).toHaveAccessibleDescription(expect.stringContaining('This field is required.'));
    expect(api.of('POST /api/canned-replies/')).toHaveLength(0);
    await userEvent.type(screen.getByLabelText(/Title/), 'Bad');
    await userEvent.type(screen.getByLabelText(/^Text/), 'Dear {{{{ticket.owner}}');
    await userEvent.click(screen.getByRole('button', { name: 'Save reply' }));
    const body = screen.getByLabelText(/^Text/);
    await waitFor(() => expect(body).toHaveAttribute('aria-invalid', 'true'));
    expect(body).toHaveAccessibleDescription(expect.stringContaining('Unknown placeholder {{ticket.owner}}.'));
    expect(screen.getByRole('alert')).toHaveTextContent('Invalid input.');
  });

  it('edits with If-Match: the version', async () => {
    const api = serve({ 'PATCH /api/canned-replies/1/': () => json(200, reply(1, 'Printer repaired', { version: 3 })) });
    show();
    await userEvent.click(await screen.findByRole('button', { name: 'Edit Printer fixed' }));
    const form = screen.getByRole('form', { name: 'Edit “Printer fixed”' });
    const title = within(form).getByLabelText(/Title/);
    expect(title).toHaveValue('Printer fixed');
    await userEvent.clear(title);
    await userEvent.type(title, 'Printer repaired');
    await userEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('status')).toHaveTextContent('“Printer repaired” is changed.');
    const sent = api.of('PATCH /api/canned-replies/1/')[0]!;
    expect(sent.headers['if-match']).toBe('2');
    expect(sent.body).toEqual({ title: 'Printer repaired', body: 'Text of Printer fixed for {{ticket.number}}' });
  });

  it('shows the stale-version banner on a 412 and reloads the list from it', async () => {
    const api = serve({ 'PATCH /api/canned-replies/1/': () => json(412, { error: 'precondition_failed', detail: 'the canned reply was changed meanwhile' }) });
    show();
    await userEvent.click(await screen.findByRole('button', { name: 'Edit Printer fixed' }));
    await userEvent.type(screen.getByLabelText(/Title/), '!');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent('Someone else changed this canned reply.');
    expect(screen.queryByRole('form')).toBeNull();
    await userEvent.click(within(banner).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(api.of('GET /api/canned-replies/')).toHaveLength(2));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('deletes after confirming, with If-Match; a 403 stays in the dialog', async () => {
    let answer = json(403, { error: 'forbidden', detail: 'only System Admins change shared replies' });
    const api = serve({ 'DELETE /api/canned-replies/1/': () => answer });
    show();
    await userEvent.click(await screen.findByRole('button', { name: 'Delete Printer fixed' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete “Printer fixed”' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete reply' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Only System Admins change shared replies.');
    answer = json(204, null);
    replies = replies.slice(1);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete reply' }));
    expect(await screen.findByRole('status')).toHaveTextContent('“Printer fixed” is deleted.');
    expect(api.of('DELETE /api/canned-replies/1/')[1]!.headers['if-match']).toBe('2');
    await waitFor(() => expect(screen.queryByText('Printer fixed')).toBeNull());
  });
});
