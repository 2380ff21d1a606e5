import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { api } from '../../api/client';
import type { ApiKey } from '../../api/types';
import { renderAt, staffUser } from '../staff/testUtils';
import ApiKeysPage from './ApiKeysPage';

vi.mock('../../api/client', () => ({ api: { get: vi.fn(), post: vi.fn(), delete: vi.fn() } }));
const get = vi.mocked(api.get);
const post = vi.mocked(api.post);
const del = vi.mocked(api.delete);

const SECRET = 'hdk_1a2b3c4d5e6f.secret-part-never-shown-again';
const OLD: ApiKey = { id: 1, name: 'Old engine', prefix: 'hdk_9z9z9z9z', created_at: '2026-11-01T10:00:00Z', created_by: null, revoked_at: null, last_used_at: null };
const NEW = { ...OLD, id: 2, name: 'Workflow engine', prefix: 'hdk_1a2b3c4d', created_by: 1 };
let keys: ApiKey[] = [];

/** The server's page-number envelope over `keys` (oldest first), as `GET /api/workflow/api-keys/` answers. */
function keyPage(query: Record<string, unknown> = {}) {
  const page = Number(query.page ?? 1);
  const size = Number(query.page_size ?? 20);
  const link = (n: number) => `/api/workflow/api-keys/?page=${n}&page_size=${size}`;
  return {
    count: keys.length,
    next: page * size < keys.length ? link(page + 1) : null,
    previous: page > 1 ? link(page - 1) : null,
    results: keys.slice((page - 1) * size, page * size),
  };
}

beforeEach(() => {
  keys = [OLD];
  get.mockReset();
  get.mockImplementation(async (path: string, options?: { query?: Record<string, unknown> }) => {
    if (path === '/api/workflow/api-keys/') return keyPage(options?.query) as never;
    return { count: 1, next: null, previous: null, results: [{ id: 1, first_name: 'Ada', last_name: 'Admin', middle_name: null, suffix: null }] } as never;
  });
  post.mockReset();
  del.mockReset();
});

const admin = staffUser('System Admin', 1);

describe('ApiKeysPage', () => {
  it('lists the keys by prefix, never a secret', async () => {
    renderAt(<ApiKeysPage />, { url: '/admin/api-keys', path: '/admin/api-keys', user: admin });
    expect(await screen.findByText('Old engine')).toBeInTheDocument();
    expect(screen.getByText('hdk_9z9z9z9z…')).toBeInTheDocument();
    expect(screen.getByText('The operator (command line)')).toBeInTheDocument();
    expect(screen.getByTestId('page-api-keys')).toBeInTheDocument();
  });

  it('shows a new key once, with a copy button and a warning, and forgets it when dismissed', async () => {
    post.mockImplementation(async () => {
      keys = [OLD, NEW];
      return { ...NEW, key: SECRET } as never;
    });
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderAt(<ApiKeysPage />, { url: '/admin/api-keys', path: '/admin/api-keys', user: admin });
    await screen.findByText('Old engine');
    await userEvent.type(screen.getByLabelText(/Key name/), 'Workflow engine');
    await userEvent.click(screen.getByRole('button', { name: 'Create key' }));

    const notice = await screen.findByRole('region', { name: 'New API key' });
    expect(post).toHaveBeenCalledWith('/api/workflow/api-keys/', { name: 'Workflow engine' });
    expect(within(notice).getByLabelText('API key')).toHaveValue(SECRET);
    expect(notice).toHaveTextContent(/shown only this once/);
    await userEvent.click(within(notice).getByRole('button', { name: 'Copy the key' }));
    expect(writeText).toHaveBeenCalledWith(SECRET);
    expect(await within(notice).findByText('Copied to the clipboard.')).toBeInTheDocument();
    // The list (reloaded) has the new key by prefix only.
    expect(await screen.findByText('hdk_1a2b3c4d…')).toBeInTheDocument();
    expect(screen.getByText('Ada Admin')).toBeInTheDocument();

    await userEvent.click(within(notice).getByRole('button', { name: 'I have stored it' }));
    expect(screen.queryByRole('region', { name: 'New API key' })).toBeNull();
    expect(document.body.innerHTML).not.toContain(SECRET);
  });

  it('shows the field error beside the name', async () => {
    const { ApiError } = await import('../../api/errors');
    post.mockRejectedValue(new ApiError(400, 'invalid_argument', 'invalid input', { name: ['Use at most 100 characters.'] }));
    renderAt(<ApiKeysPage />, { url: '/admin/api-keys', path: '/admin/api-keys', user: admin });
    await screen.findByText('Old engine');
    await userEvent.type(screen.getByLabelText(/Key name/), 'x');
    await userEvent.click(screen.getByRole('button', { name: 'Create key' }));
    await waitFor(() => expect(screen.getByLabelText(/Key name/)).toHaveAccessibleDescription(/Use at most 100 characters\./));
  });

  it('revokes a key after confirming', async () => {
    del.mockImplementation(async () => {
      keys = [{ ...OLD, revoked_at: '2026-12-06T10:00:00Z' }];
    });
    renderAt(<ApiKeysPage />, { url: '/admin/api-keys', path: '/admin/api-keys', user: admin });
    await userEvent.click(await screen.findByRole('button', { name: 'Revoke Old engine' }));
    const dialog = screen.getByRole('dialog', { name: /Revoke “Old engine”/ });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Revoke key' }));
    await waitFor(() => expect(del).toHaveBeenCalledWith('/api/workflow/api-keys/1/'));
    expect(await screen.findByText(/^Revoked/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Revoke Old engine' })).toBeNull();
  });

  it('asks for numbered pages, and reloads the page it shows after a revoke', async () => {
    keys = Array.from({ length: 21 }, (_, i) => ({ ...OLD, id: i + 1, name: `Key ${i + 1}`, prefix: `hdk_${String(i + 1).padStart(8, '0')}` }));
    del.mockImplementation(async () => {
      keys = keys.map((k) => (k.id === 21 ? { ...k, revoked_at: '2026-12-06T10:00:00Z' } : k));
    });
    renderAt(<ApiKeysPage />, { url: '/admin/api-keys', path: '/admin/api-keys', user: admin });
    expect(await screen.findByText('Key 20')).toBeInTheDocument();
    expect(screen.queryByText('Key 21')).toBeNull();
    expect(get).toHaveBeenCalledWith('/api/workflow/api-keys/', expect.objectContaining({ query: { page: 1, page_size: 20 } }));
    expect(screen.getByRole('table', { name: 'API keys 1–20 of 21' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: /Next/ }));
    expect(await screen.findByText('Key 21')).toBeInTheDocument();
    expect(screen.queryByText('Key 1')).toBeNull();
    expect(screen.getByRole('button', { name: /Next/ })).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Revoke Key 21' }));
    await userEvent.click(within(screen.getByRole('dialog', { name: /Revoke “Key 21”/ })).getByRole('button', { name: 'Revoke key' }));
    expect(await screen.findByText(/^Revoked/)).toBeInTheDocument();
    const asked = get.mock.calls.filter(([path]) => path === '/api/workflow/api-keys/').map(([, options]) => (options as { query: { page: number } }).query.page);
    expect(asked).toEqual([1, 2, 2]);
    expect(screen.getByText('Page 2')).toBeInTheDocument();
  });
});
