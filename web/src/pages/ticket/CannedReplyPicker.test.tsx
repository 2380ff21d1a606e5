import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { json, mockApi } from '../../test/mockApi';
import { renderAt } from '../staff/testUtils';
import { CommentBox } from './CommentBox';

const reply = (id: number, title: string, body: string, shared = false) => ({
  id,
  title,
  body,
  shared,
  owner: shared ? null : 7,
  created_at: '2026-12-01T09:00:00Z',
  created_by: 7,
  updated_at: '2026-12-01T09:00:00Z',
  version: 1,
});
const REPLIES = [reply(1, 'Printer fixed', 'Hi {{employee.first_name}}, the printer works again.'), reply(2, 'VPN reset', 'Please reconnect the VPN.', true)];

function serve(render: () => Response = () => json(200, { reply: 1, ticket: 41, text: 'Hi Alice, the printer works again.' })) {
  return mockApi({
    'GET /api/canned-replies/': () => json(200, { count: 2, next: null, previous: null, results: REPLIES }),
    'GET /api/tickets/41/canned-replies/1/': () => render(),
    'POST /api/tickets/41/comments/': () => json(201, { id: 5 }),
  });
}

function box(canInternal = true) {
  const onPosted = vi.fn();
  renderAt(<CommentBox ticketId={41} canInternal={canInternal} onPosted={onPosted} />, { url: '/tickets/TX0041', path: '/tickets/:number' });
  return { onPosted };
}

afterEach(() => vi.unstubAllGlobals());

describe('CannedReplyPicker in the reply box', () => {
  it('is not offered to the requester (no internal notes, no canned replies)', () => {
    const api = serve();
    box(false);
    expect(screen.queryByRole('button', { name: 'Insert a canned reply' })).toBeNull();
    expect(api.calls).toHaveLength(0);
  });

  it('loads the replies only when opened, and searches them by title and text', async () => {
    const api = serve();
    box();
    expect(api.calls).toHaveLength(0);
    const toggle = screen.getByRole('button', { name: 'Insert a canned reply' });
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const list = await screen.findByRole('list', { name: 'Canned replies' });
    expect(within(list).getAllByRole('button')).toHaveLength(2);
    await userEvent.type(screen.getByLabelText('Search canned replies'), 'reconnect');
    expect(within(list).getAllByRole('button').map((b) => b.querySelector('.canned-picker__title')?.textContent)).toEqual(['VPN reset']);
    await userEvent.clear(screen.getByLabelText('Search canned replies'));
    await userEvent.type(screen.getByLabelText('Search canned replies'), 'nothing like it{Enter}');
    expect(screen.getByText(/No canned reply matches/)).toBeInTheDocument();
    expect(api.of('POST /api/tickets/41/comments/')).toHaveLength(0);
  });

  it('inserts the text rendered for this ticket at the caret; it can be edited and is sent as edited', async () => {
    const api = serve();
    const { onPosted } = box();
    const text = screen.getByLabelText(/Your comment/);
    await userEvent.type(text, 'Hello. ');
    await userEvent.click(screen.getByRole('button', { name: 'Insert a canned reply' }));
    await userEvent.click(await screen.findByRole('button', { name: /Printer fixed/ }));
    await waitFor(() => expect(text).toHaveValue('Hello. Hi Alice, the printer works again.'));
    expect(api.of('GET /api/tickets/41/canned-replies/1/')).toHaveLength(1);
    expect(screen.queryByRole('list', { name: 'Canned replies' })).toBeNull();
    expect(text).toHaveFocus();
    await userEvent.type(text, ' Thanks!');
    await userEvent.click(screen.getByRole('button', { name: 'Post comment' }));
    await waitFor(() => expect(onPosted).toHaveBeenCalled());
    expect(api.of('POST /api/tickets/41/comments/')[0]!.body).toEqual({ text: 'Hello. Hi Alice, the printer works again. Thanks!', is_internal: false });
  });

  it('shows a refusal to render (403) as a sentence and inserts nothing', async () => {
    serve(() => json(403, { error: 'forbidden', detail: 'only staff may use canned replies' }));
    box();
    await userEvent.click(screen.getByRole('button', { name: 'Insert a canned reply' }));
    await userEvent.click(await screen.findByRole('button', { name: /Printer fixed/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Only staff may use canned replies.');
    expect(screen.getByLabelText(/Your comment/)).toHaveValue('');
  });

  it('links to the canned replies page when there are none yet', async () => {
    mockApi({ 'GET /api/canned-replies/': () => json(200, { count: 0, next: null, previous: null, results: [] }) });
    box();
    await userEvent.click(screen.getByRole('button', { name: 'Insert a canned reply' }));
    expect(await screen.findByRole('link', { name: 'Write one' })).toHaveAttribute('href', '/canned-replies');
  });

  it('loads every page of replies, not only the first', async () => {
    const api = mockApi({
      'GET /api/canned-replies/': (c) =>
        c.query.get('page') === '2'
          ? json(200, { count: 2, next: null, previous: '/api/canned-replies/?page=1', results: [REPLIES[1]] })
          : json(200, { count: 2, next: '/api/canned-replies/?page=2', previous: null, results: [REPLIES[0]] }),
    });
    box();
    await userEvent.click(screen.getByRole('button', { name: 'Insert a canned reply' }));
    const list = await screen.findByRole('list', { name: 'Canned replies' });
    expect(within(list).getAllByRole('button')).toHaveLength(2);
    expect(api.of('GET /api/canned-replies/').map((c) => c.query.get('page'))).toEqual(['1', '2']);
  });

  it('starts afresh when reopened: no old search', async () => {
    serve();
    box();
    const toggle = screen.getByRole('button', { name: 'Insert a canned reply' });
    await userEvent.click(toggle);
    await screen.findByRole('list', { name: 'Canned replies' });
    await userEvent.type(screen.getByLabelText('Search canned replies'), 'reconnect');
    await userEvent.click(screen.getByRole('button', { name: 'Close canned replies' }));
    await userEvent.click(toggle);
    expect(screen.getByLabelText('Search canned replies')).toHaveValue('');
  });
});
