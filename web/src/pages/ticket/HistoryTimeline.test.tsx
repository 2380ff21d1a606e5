import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { api } from '../../api/client';
import type { HistoryEvent } from '../../api/types';
import { describeEvent, HISTORY_PAGE_SIZE, HistoryTimeline } from './HistoryTimeline';

vi.mock('../../api/client', () => ({ api: { get: vi.fn() } }));
const get = vi.mocked(api.get);

const event = (id: number, over: Record<string, unknown> = {}) => ({
  id,
  ticket: 41,
  kind: 'status_changed',
  actor: 7,
  actor_name: 'Cora Lee',
  old_value: `Step ${id - 1}`,
  new_value: `Step ${id}`,
  is_internal: false,
  at: '2026-12-02T08:00:00Z',
  ...over,
});

/** A cursor page as the history route answers it: `next` carries the cursor while more follow. */
const cursorPage = (results: unknown[], nextCursor: string | null) => ({
  count: null,
  next: nextCursor === null ? null : `/api/tickets/41/history/?cursor=${encodeURIComponent(nextCursor)}&page_size=${HISTORY_PAGE_SIZE}`,
  previous: null,
  results,
});

type Options = { query?: Record<string, unknown> };
const cursorsAsked = () => get.mock.calls.map(([, options]) => (options as Options).query?.cursor);

async function open() {
  await userEvent.click(screen.getByText('History'));
}

beforeEach(() => {
  get.mockReset();
});

describe('HistoryTimeline', () => {
  it('loads the first page by cursor when opened, and has no Show more on the last page', async () => {
    get.mockResolvedValue(cursorPage([event(1, { kind: 'created', old_value: null, new_value: null }), event(2)], null) as never);
    render(<HistoryTimeline ticketId={41} version={3} />);
    expect(get).not.toHaveBeenCalled();
    await open();
    expect(await screen.findByText(/Status changed: Step 1 → Step 2/)).toBeInTheDocument();
    expect(screen.getByText(/Ticket raised/)).toBeInTheDocument();
    expect(get).toHaveBeenCalledWith('/api/tickets/41/history/', { query: { cursor: '', page_size: HISTORY_PAGE_SIZE } });
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });

  it('appends the next pages with Show more, following the cursor of each next link', async () => {
    const first = Array.from({ length: HISTORY_PAGE_SIZE }, (_, i) => event(i + 1));
    get.mockImplementation(async (_path: string, options?: Options) => {
      const cursor = options?.query?.cursor;
      if (cursor === '') return cursorPage(first, 'ha.50') as never;
      if (cursor === 'ha.50') return cursorPage([event(51)], 'ha.51') as never;
      return cursorPage([event(52, { kind: 'internal_comment_added', old_value: null, new_value: null, is_internal: true })], null) as never;
    });
    render(<HistoryTimeline ticketId={41} version={3} />);
    await open();
    const timeline = await screen.findByRole('list');
    expect(within(timeline).getAllByRole('listitem')).toHaveLength(HISTORY_PAGE_SIZE);

    await userEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(await screen.findByText(/Step 50 → Step 51/)).toBeInTheDocument();
    expect(within(screen.getByRole('list')).getAllByRole('listitem')).toHaveLength(HISTORY_PAGE_SIZE + 1);
    expect(screen.getByText(/Step 0 → Step 1/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(await screen.findByText(/Internal note added/)).toBeInTheDocument();
    expect(within(screen.getByRole('list')).getAllByRole('listitem')).toHaveLength(HISTORY_PAGE_SIZE + 2);
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
    expect(cursorsAsked()).toEqual(['', 'ha.50', 'ha.51']);
  });

  it('starts over from the first page when opened again after the ticket changed', async () => {
    get.mockImplementation(async (_path: string, options?: Options) =>
      (options?.query?.cursor === '' ? cursorPage([event(1)], 'ha.1') : cursorPage([event(2)], null)) as never,
    );
    const { rerender } = render(<HistoryTimeline ticketId={41} version={3} />);
    await open();
    await userEvent.click(await screen.findByRole('button', { name: 'Show more' }));
    expect(await screen.findByText(/Step 1 → Step 2/)).toBeInTheDocument();

    await open(); // closed
    rerender(<HistoryTimeline ticketId={41} version={4} />);
    await open(); // opened on a newer version
    await waitFor(() => expect(cursorsAsked()).toEqual(['', 'ha.1', '']));
    await waitFor(() => expect(screen.queryByText(/Step 1 → Step 2/)).toBeNull());
    expect(screen.getByText(/Step 0 → Step 1/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Show more' })).toBeInTheDocument();
  });

  it('keeps the events shown when Show more fails, and tries again', async () => {
    let fail = true;
    get.mockImplementation(async (_path: string, options?: Options) => {
      if (options?.query?.cursor === '') return cursorPage([event(1)], 'ha.1') as never;
      if (fail) {
        fail = false;
        throw new Error('The network is down.');
      }
      return cursorPage([event(2)], null) as never;
    });
    render(<HistoryTimeline ticketId={41} version={3} />);
    await open();
    await userEvent.click(await screen.findByRole('button', { name: 'Show more' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load the history');
    expect(screen.getByText(/Step 0 → Step 1/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/Step 1 → Step 2/)).toBeInTheDocument();
    expect(cursorsAsked()).toEqual(['', 'ha.1', 'ha.1']);
  });
});

describe('describeEvent: the kinds of editing, SLA and the scheduler', () => {
  const kind = (k: string, old_value: string | null, new_value: string | null) =>
    describeEvent(event(1, { kind: k, old_value, new_value }) as unknown as HistoryEvent);

  it('labels each new kind in words, never as its raw name', () => {
    expect(kind('unassigned', '12', null)).toBe('Unassigned');
    expect(kind('category_changed', 'IT Category', 'Asset Category')).toBe('Category changed: IT Category → Asset Category');
    expect(kind('sub_category_changed', 'Hardware', 'Laptop')).toBe('Sub-category changed: Hardware → Laptop');
    expect(kind('sla_reapplied', '1', '2')).toBe('SLA re-measured, policy version: 1 → 2');
    expect(kind('closed_automatically', null, '7 days')).toBe('Closed automatically after 7 days resolved without an answer');
    expect(kind('owner_reminded', null, '48 hours')).toBe('Requester reminded after 48 hours waiting on them');
  });
});
